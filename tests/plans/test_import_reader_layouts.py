"""The reader's rules for layouts drawn without looking at it (the corpus's unseen_* workbooks): a column that
groups the actions is their theme whatever its header, a column shown only by fill colours is a RAG, a group
label over a column does not hide the column's own word, a sheet named "Theme 2" takes its title from the
text above its header, numbered headings "1) ..." are themes, count rows are skipped, more theme words, owners
whose role holds a unit, brackets or "and", and "Closed - complete". Real workbooks."""

import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from plans.importing.cleaning import split_owners
from plans.importing.reading import read_plan_workbook
from plans.importing.rows import is_total, theme_row
from plans.importing.values import read_status
from plans.rag import Rag
from tests.data.workbooks import to_bytes


def read(book):
    return read_plan_workbook(io.BytesIO(to_bytes(book)), name="plan.xlsx")


def themes_of(parsed):
    titles = {theme["number"]: theme["title"] for theme in parsed.as_data()["themes"]}
    return [titles[action["theme"]] for action in parsed.as_data()["actions"]]


# ---------------------------------------------------------------- owners and statuses


@pytest.mark.parametrize(
    "cell, owners",
    [
        ("Detective Chief Inspector, Public Protection", ["Detective Chief Inspector, Public Protection"]),
        (
            "Principal Educational Psychologist & SENCO Network Lead",
            ["Principal Educational Psychologist", "SENCO Network Lead"],
        ),
        (
            "Partnership Business Manager & Learning and Improvement Officer",
            ["Partnership Business Manager", "Learning and Improvement Officer"],
        ),
        (
            "Police Inspector (Youth Engagement) and YJS Operations Manager",
            ["Police Inspector (Youth Engagement)", "YJS Operations Manager"],
        ),
        ("Assistant Director Education and Inclusion", ["Assistant Director Education and Inclusion"]),
        ("Jane Smith, Tom Jones", ["Jane Smith", "Tom Jones"]),
        ("HEAD OF SERVICE CIN / CP", ["HEAD OF SERVICE CIN / CP"]),
        ("Head of SEND / SENCO Network Lead", ["Head of SEND", "SENCO Network Lead"]),
        ("DCS / Lead Member", ["DCS", "Lead Member"]),
    ],
)
def test_owners_split_between_roles_but_not_inside_one(cell, owners):
    assert split_owners(cell) == owners


def test_closed_and_complete_is_blue_and_closed_while_closed_alone_rates_nothing():
    status = read_status("Closed - complete")
    assert (status.rag, status.closed) == (Rag.BLUE, True)
    status = read_status("Closed")
    assert (status.rag, status.closed) == (None, True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Target 2: Children in need of protection", ("2", "Children in need of protection")),
        ("Area for priority action 1 – Identification of risk", ("1", "Identification of risk")),
        ("PLEDGE 3 – We will prepare you for adult life", ("3", "We will prepare you for adult life")),
        ("1) The quality of help for disabled children", ("1", "The quality of help for disabled children")),
        ("Target: 90% of assessments on time", None),
    ],
)
def test_more_words_open_a_theme_row(text, expected):
    assert theme_row(text) == expected


@pytest.mark.parametrize(
    "text, total", [("Actions in theme: 3", True), ("Completed = 50%", True), ("Lead: Head of Service", False)]
)
def test_a_label_and_a_count_is_a_total(text, total):
    assert is_total(text) is total


# ---------------------------------------------------------------- structure


def test_a_column_left_of_the_refs_written_once_per_group_is_the_theme_whatever_its_header():
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Audit", "Ref", "Action agreed", "Action owner", "Status"])
    sheet.append(
        [
            "Neglect audit (June 2024)",
            "NEG-01",
            "Relaunch the graded care profile",
            "Principal Social Worker",
            "Complete",
        ]
    )
    sheet.append([None, "NEG-02", "Update chronologies at supervision", "Head of Service", "On track"])
    sheet.append(
        ["Supervision audit", "SUP-01", "Introduce a reflective supervision template", "Head of Service", "At risk"]
    )
    sheet.append([None, "SUP-02", "Audit supervision records quarterly", "Service Manager QA", "Not started"])
    parsed = read(book)
    assert themes_of(parsed) == ["Neglect audit (June 2024)"] * 2 + ["Supervision audit"] * 2


def test_a_weakness_merged_down_before_the_refs_is_the_theme_but_one_repeated_after_them_is_the_need():
    book = Workbook()
    sheet = book.active
    sheet.title = "WSOA"
    sheet.append(["Area of significant weakness", "No.", "Action", "Lead", "RAG"])
    rows = [
        ("1a", "Recruit coordinators"),
        ("1b", "Set up a QA panel"),
        ("2a", "Agree a charter"),
        ("2b", "Publish a report"),
    ]
    for ref, action in rows:
        sheet.append([None, ref, action, "Head of SEND", "Green"])
    sheet["A2"] = "1. Timeliness of EHC plans"
    sheet.merge_cells("A2:A3")
    sheet["A4"] = "2. Co-production"
    sheet.merge_cells("A4:A5")
    parsed = read(book)
    assert themes_of(parsed) == ["Timeliness of EHC plans"] * 2 + ["Co-production"] * 2
    assert [theme["number"] for theme in parsed.as_data()["themes"]] == ["1", "2"]

    book = Workbook()
    sheet = book.active
    sheet.title = "WSOA"
    sheet.append(["Ref", "Area of weakness", "Action", "Lead", "RAG"])
    for ref, need, action in [
        ("1.1", "Plans late", "Clear the backlog"),
        ("1.2", "Plans late", "Track weekly"),
        ("2.1", "Advice poor", "Agree a standard"),
    ]:
        sheet.append([ref, need, action, "Head of SEND", "Green"])
    parsed = read(book)
    assert [a["improvement_need"] for a in parsed.as_data()["actions"]] == ["Plans late", "Plans late", "Advice poor"]
    assert len(parsed.as_data()["themes"]) == 1


def test_a_column_shown_only_by_fill_colours_is_the_rag_even_under_progress():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Lead", "Progress", "Comments (Oct)"])
    for number, colour in enumerate(["FF00B050", "FFFFC000", "FFFF0000"], start=1):
        sheet.append([f"1.{number}", f"Action {number} of the plan", "Head of Service", None, "Discussed at the board"])
        sheet.cell(row=sheet.max_row, column=4).fill = PatternFill("solid", fgColor=colour)
    parsed = read(book)
    assert [a["progress_rag"] for a in parsed.as_data()["actions"]] == ["green", "amber", "red"]
    assert [a["latest_note"] for a in parsed.as_data()["actions"]] == ["Discussed at the board"] * 3


def test_an_empty_column_striped_like_its_row_is_not_a_rag():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Lead", "Notes"])
    for number, colour in enumerate(["FFD9E1F2", "FFFFFFCC", "FFD9E1F2"], start=1):
        sheet.append([f"1.{number}", f"Action {number} of the plan", "Head of Service", None])
        for column in (1, 2, 3, 4):
            sheet.cell(row=sheet.max_row, column=column).fill = PatternFill("solid", fgColor=colour)
    parsed = read(book)
    assert [a["progress_rag"] for a in parsed.as_data()["actions"]] == [None, None, None]


def test_a_month_over_update_and_rag_columns_reads_the_latest_month_and_a_group_label_keeps_the_ref():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Plan", None, None, None, "January 2025", None, "February 2025", None])
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("E1:F1")
    sheet.merge_cells("G1:H1")
    sheet.append(["Action No", "Action", "Lead", "Target Date", "Update", "RAG", "Update", "RAG"])
    sheet.append(
        [1, "Recruit a MASH team manager", "Head of Service", "31.03.25", "Advert out", "Amber", "Appointed", "Blue"]
    )
    sheet.append([2, "Review contacts daily", "Head of Service", "June 2025", "Started", "Red", "Going well", "Green"])
    parsed = read(book)
    actions = parsed.as_data()["actions"]
    assert [a["ref"] for a in actions] == ["1", "2"]
    assert [a["progress_rag"] for a in actions] == ["blue", "green"]
    assert [a["due_date"] for a in actions] == ["2025-03-31", "2025-06-30"]


def test_a_sheet_named_theme_2_takes_its_title_from_the_text_above_its_header():
    book = Workbook()
    book.remove(book.active)
    for number, title in ((1, "Practice quality"), (2, "Children in care")):
        sheet = book.create_sheet(f"Theme {number}")
        sheet["A1"] = title
        sheet["A1"].font = Font(bold=True)
        sheet.append([])
        sheet.append(["Action Ref", "Key Action", "Responsible", "Current Status"])
        sheet.append([f"T{number}-01", f"First action of theme {number}", "Head of Service", "On Track (G)"])
        sheet.append([f"T{number}-02", f"Second action of theme {number}", "Head of Service", "Completed (B)"])
        sheet.append(["Actions in theme: 2"])
        sheet["A6"].font = Font(bold=True)
    parsed = read(book)
    assert [(t["number"], t["title"]) for t in parsed.as_data()["themes"]] == [
        ("1", "Practice quality"),
        ("2", "Children in care"),
    ]
    assert themes_of(parsed) == ["Practice quality"] * 2 + ["Children in care"] * 2
    assert sum(1 for row in parsed.skipped_rows if row.reason == "a total") == 2


def test_a_numbered_heading_merged_across_is_a_theme_and_a_plain_one_below_the_actions_a_note():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["No", "Action(s)", "Lead", "Progress RAG"])
    sheet.append(["1) The quality of help for disabled children"])
    sheet.merge_cells("A2:D2")
    sheet.append(["1.1", "Re-assess every disabled child", "Head of Service", "G - on track"])
    sheet.append(["2) Permanence for children in care"])
    sheet.merge_cells("A4:D4")
    sheet.append(["2.1", "Track permanence at the second review", "Head of Service", "A – some slippage"])
    sheet.append([])
    sheet.append(["1) figures are as at the end of October"])
    parsed = read(book)
    assert themes_of(parsed) == ["The quality of help for disabled children", "Permanence for children in care"]
    assert [a["progress_rag"] for a in parsed.as_data()["actions"]] == ["green", "amber"]
    assert any(row.reason == "a note" and row.row == 7 for row in parsed.skipped_rows)


def test_a_sheet_of_rag_counts_is_skipped_and_numbered_tabs_are_their_themes():
    book = Workbook()
    overview = book.active
    overview.title = "Overview"
    overview.append(["Theme", "Actions", "Blue", "Green", "Amber"])
    overview.append(["Leadership", 2, 1, 1, 0])
    overview.append(["Front door", 1, 0, 0, 1])
    for name, ref in (("1. Leadership", "1.1"), ("2. Front door", "2.1")):
        sheet = book.create_sheet(name)
        sheet.append(["Ref.", "Action\n(what we will do)", "Action\nOwner", "Progress RAG\n(B/G/A/R)"])
        sheet.append([ref, f"An action of {name[3:]}", "Head of Service", "G"])
    parsed = read(book)
    assert [(t["number"], t["title"]) for t in parsed.as_data()["themes"]] == [("1", "Leadership"), ("2", "Front door")]
    assert [a["ref"] for a in parsed.as_data()["actions"]] == ["1.1", "2.1"]
    assert not next(sheet for sheet in parsed.sheets if sheet.name == "Overview").read


def test_a_rag_of_colours_beside_a_status_of_words_rates_the_action():
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Ref", "Action", "Owner", "Status", "RAG"])
    for number, (status, colour) in enumerate([("In progress", "FFFFC000"), ("Complete", "FF0070C0")], start=1):
        sheet.append([f"EH0{number}", f"Early help action {number}", "Head of Early Help", status, None])
        sheet.cell(row=sheet.max_row, column=5).fill = PatternFill("solid", fgColor=colour)
    parsed = read(book)
    assert [a["progress_rag"] for a in parsed.as_data()["actions"]] == ["amber", "blue"]


def test_a_header_repeated_under_each_theme_heading_is_a_council_layout_not_a_word_table():
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    for number, aim in ((1, "Children are safe from neglect"), (2, "Practitioners learn from reviews")):
        sheet.append([f"Strategic Aim {number}: {aim}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=5)
        sheet.append(["No.", "What", "Who", "When", "Status"])
        sheet.append([1, f"First action for aim {number}", "Partnership Business Manager", "April 2025", "Achieved"])
        sheet.append([2, f"Second action for aim {number}", "Partnership Business Manager", "May 2025", "On target"])
    parsed = read(book)
    assert not parsed.detected_tool
    assert themes_of(parsed) == ["Children are safe from neglect"] * 2 + ["Practitioners learn from reviews"] * 2


def test_lettered_sub_steps_on_rows_of_their_own_are_part_of_the_action_not_a_rag_key():
    assert not read_status("a) agree the data set").known
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet["A1"] = "[council logo]"
    sheet["A2"] = "Millbrook Focused Visit Action Plan"
    sheet.append([])
    sheet.append(["Ref", "Action", "Owner", "Status"])
    sheet.append(["Action 1", "Introduce a weekly timeliness meeting", "Head of Service Assessment", "On track"])
    sheet.append([None, "a) agree the data set"])
    sheet.append([None, "b) invite every team manager"])
    sheet.append(["Action 2", "Reduce caseloads to 20", "As above", "Off track"])
    parsed = read(book)
    actions = parsed.as_data()["actions"]
    assert parsed.title == "Millbrook Focused Visit Action Plan"
    assert [a["ref"] for a in actions] == ["Action 1", "Action 2"]
    assert actions[0]["action"].split("\n") == [
        "Introduce a weekly timeliness meeting",
        "a) agree the data set",
        "b) invite every team manager",
    ]
    assert actions[1]["owners"] == ["Head of Service Assessment"]


def test_an_impact_column_of_colours_reads_by_the_key_below_the_table():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Lead", "Progress", "Impact"])
    shades = {"green": "FFA9D08E", "red": "FFF4B084"}  # a light orange meaning Red, by the key
    for number, impact in enumerate(["green", "red"], start=1):
        sheet.append([f"N1.{number}", f"Neglect action {number}", "Head of Early Help", "On track", None])
        sheet.cell(row=sheet.max_row, column=5).fill = PatternFill("solid", fgColor=shades[impact])
    sheet.append([])
    sheet.append(["Key"])
    for impact, meaning in (("green", "Green – impact emerging"), ("red", "Red – no impact")):
        sheet.append([None, meaning])
        sheet.cell(row=sheet.max_row, column=1).fill = PatternFill("solid", fgColor=shades[impact])
    parsed = read(book)
    assert [a["impact_rag"] for a in parsed.as_data()["actions"]] == ["green", "red"]
    assert [a["progress_rag"] for a in parsed.as_data()["actions"]] == ["green", "green"]
    assert len(parsed.as_data()["actions"]) == 2


def test_a_column_of_paragraph_numbers_under_a_report_name_is_the_source():
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Ref", "IN para", "Action", "Owner", "Status"])
    sheet.append(["1a", 3, "Clear every assessment open longer than 45 days", "Head of Service Assessment", "On track"])
    sheet.append(["1b", 5, "Convert ten agency posts to permanent posts", "Head of Workforce", "Complete"])
    parsed = read(book)
    assert [[f"{s['code']} {s['paragraph']}" for s in a["sources"]] for a in parsed.as_data()["actions"]] == [
        ["IN 3"],
        ["IN 5"],
    ]
