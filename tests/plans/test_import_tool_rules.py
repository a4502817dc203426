"""The tools' export rules learned from exports written without looking at the reader
(docs/decisions/0020-importing-tool-exports.md, "Exports written without the reader"): each rule on a
small workbook of its own, read as a file is read on upload (streamed)."""

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment

from plans.importing.reading import read_plan_workbook
from plans.importing.tools import looks_like_person, split_people
from plans.rag import Rag


def read(book):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return read_plan_workbook(buffer, name="export.xlsx")


def theme_of(parsed, action):
    return next(theme.title for theme in parsed.themes if theme.number == action.theme)


def smartsheet(
    rows, header=("Task Name", "Assigned To", "End Date", "Revised End Date", "Duration", "Status", "Health")
):
    book = Workbook()
    sheet = book.active
    sheet.title = "Improvement plan"
    sheet.append(list(header))
    for level, values in rows:
        sheet.append(values)
        sheet.row_dimensions[sheet.max_row].outline_level = level
    return book


def test_smartsheet_hierarchy_written_only_as_row_groups_is_read_and_its_root_row_is_the_title():
    day = datetime.date(2025, 3, 31)
    book = smartsheet(
        [
            (0, ["Westshire improvement plan", None, day, None, "200d", None, "Yellow"]),
            (1, ["Front door", None, day, None, "120d", None, "Yellow"]),
            (
                2,
                [
                    "Review thresholds",
                    "Priya Shah, DI Karen Ross",
                    day,
                    datetime.date(2025, 6, 30),
                    "60d",
                    "In Progress",
                    "Yellow",
                ],
            ),
            (2, ["Audit contacts", "Priya Shah", day, None, "60d", "Complete", "Green"]),
            (1, ["Workforce", None, day, None, "90d", None, "Red"]),
            (2, ["Recruit managers", "Tom Reid", day, None, "60d", "In Progress", "Red"]),
        ]
    )
    parsed = read(book)
    assert parsed.detected_tool == "smartsheet"
    assert parsed.title == "Westshire improvement plan"
    assert [(a.action, theme_of(parsed, a)) for a in parsed.actions] == [
        ("Review thresholds", "Front door"),
        ("Audit contacts", "Front door"),
        ("Recruit managers", "Workforce"),
    ]
    first, second, third = parsed.actions
    assert first.ref == "" and first.due_date == datetime.date(2025, 6, 30)  # revised end date; Duration is no ref
    assert first.owners == ["Priya Shah", "DI Karen Ross"]
    assert (first.progress_rag, second.progress_rag, third.progress_rag) == (Rag.AMBER, Rag.BLUE, Rag.RED)


def test_people_joined_by_commas_split_but_a_role_with_its_agency_stays_whole():
    assert looks_like_person("DI Paul Grant") and looks_like_person("j.okafor@westshire.gov.uk")
    assert not looks_like_person("Designated Nurse") and not looks_like_person("Westshire Health")
    assert split_people(["Helen Marsh, DI Paul Grant"]) == ["Helen Marsh", "DI Paul Grant"]
    assert split_people(["Designated Nurse, Westshire Health"]) == ["Designated Nurse, Westshire Health"]


def test_monday_board_with_a_renamed_item_column_and_a_priority_column_keeps_its_groups():
    book = Workbook()
    sheet = book.active
    sheet.append(["Eastshire plan board"])
    for group, items in (
        ("Leadership", ["Hold a monthly board", "Publish a self-evaluation"]),
        ("Practice", ["Audit supervision"]),
    ):
        sheet.append([])
        sheet.append([group])
        sheet.append(["Action", "Person", "Status", "Priority", "Item ID", "Last updated"])
        for number, item in enumerate(items):
            sheet.append(
                [item, "Jo Hill", "Waiting for partners", "High", 1780001000 + number, "2024-10-28 14:02:11 UTC"]
            )
    parsed = read(book)
    assert parsed.detected_tool == "monday"
    assert [theme_of(parsed, a) for a in parsed.actions] == ["Leadership", "Leadership", "Practice"]
    assert all(a.ref == "" for a in parsed.actions)
    assert all(a.progress_rag == Rag.AMBER for a in parsed.actions)  # a label for work held up


def test_pentana_objective_rows_whose_code_begins_their_actions_codes_are_themes():
    book = Workbook()
    sheet = book.active
    sheet.append(["Action Status Report"])
    sheet.append(["Generated on: 01/11/2024"])
    sheet.append([])
    sheet.append(["Code", "Title", "Status", "Due Date", "Assigned To"])
    sheet.append(["CSC-O1", "Improve supervision", "In Progress", None, None])
    sheet.append(["CSC-O1-A01", "Train team managers", "Completed", datetime.date(2024, 9, 30), "Sarah Blake"])
    sheet.append(["CSC-O1-A02", "Audit supervision", "Overdue", datetime.date(2024, 10, 31), "Imran Qureshi"])
    parsed = read(book)
    assert parsed.detected_tool == "pentana"
    assert [(a.ref, theme_of(parsed, a)) for a in parsed.actions] == [
        ("CSC-O1-A01", "Improve supervision"),
        ("CSC-O1-A02", "Improve supervision"),
    ]
    assert any("objective" in row.reason for row in parsed.skipped_rows)


def test_project_gantt_copy_reads_its_hierarchy_from_the_names_indent_and_rates_by_percent_text():
    book = Workbook()
    sheet = book.active
    sheet.append(["Task Name", "Duration", "Start", "Finish", "% Complete", "Resource Names"])
    sheet.append(["Early help", "200 days", "Mon 02/09/24", "Mon 30/06/25", "40%", None])
    sheet.append(["   Launch the family hubs", "60 days", "Mon 02/09/24", "Fri 28/03/25", "1%", "Early Help Manager"])
    sheet.append(["   Train partners", "60 days", "Mon 02/09/24", "Mon 30/09/24", "100%", "Partnership Officer"])
    sheet.cell(row=2, column=1).alignment = Alignment(indent=0)
    parsed = read(book)
    assert parsed.detected_tool == "project"
    assert [(a.action, theme_of(parsed, a), a.progress_rag) for a in parsed.actions] == [
        ("Launch the family hubs", "Early help", Rag.GREEN),  # 1 % is started, not done
        ("Train partners", "Early help", Rag.BLUE),
    ]


def test_people_split_from_a_contact_cell_are_listed_for_the_preview():
    day = datetime.date(2025, 3, 31)
    book = smartsheet(
        [
            (0, ["Front door", None, day, None, "120d", None, "Yellow"]),
            (1, ["Review thresholds", "Priya Shah, DI Karen Ross", day, None, "60d", "In Progress", "Yellow"]),
            (0, ["Workforce", None, day, None, "90d", None, "Red"]),
            (1, ["Recruit managers", "Tom Reid", day, None, "60d", "In Progress", "Red"]),
        ]
    )
    parsed = read(book)
    assert {"Priya Shah", "DI Karen Ross", "Tom Reid"} <= set(parsed.people)
    assert "Priya Shah, DI Karen Ross" not in parsed.people
