"""The spreadsheet reader on layouts it must understand without a mapping (issues 14 and 20, reading
side): every sheet, columns by meaning, status words, row kinds, merged cells, values, progress
columns per period, large sheets, and other tools' exports. Real workbooks built with openpyxl."""

import datetime
import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from plans.benchmarks.fidelity import CORPUS
from plans.importing import reading
from plans.importing.cleaning import parse_due_date, parse_sources, split_owners
from plans.importing.columns import field_for_header
from plans.importing.reading import read_plan_workbook
from plans.importing.values import clean_ref, header_period, looks_like_ref, read_status
from plans.rag import Rag
from tests.data.workbooks import to_bytes


def read(book, **kwargs):
    return read_plan_workbook(io.BytesIO(to_bytes(book)), name="plan.xlsx", **kwargs)


def by_ref(parsed):
    return {action.ref: action for action in parsed.actions}


def theme_title(parsed, action):
    return next(theme.title for theme in parsed.themes if theme.number == action.theme)


# ---------------------------------------------------------------- 1. every sheet


def test_every_plan_sheet_is_read_in_order_with_its_name_as_theme_and_other_sheets_named_as_skipped():
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Northmoor Children's Services Improvement Plan 2025"])
    cover.append(["Version 2"])
    for name, refs in (("Early help", ["1.1", "1.2"]), ("Workforce", ["2.1"])):
        sheet = book.create_sheet(name)
        sheet.append(["Ref", "Action", "Owner", "RAG"])
        for ref in refs:
            sheet.append([ref, f"Action {ref} for {name}", "Head of Service", "Green"])
    summary = book.create_sheet("Summary")
    summary.append(["Priority", "Blue", "Green", "Total"])
    summary.append(["Early help", 0, 2, 2])
    key = book.create_sheet("Key")
    key.append(["Blue", "Complete"])
    key.append(["Green", "On track"])
    hidden = book.create_sheet("Old plan")
    hidden.append(["Ref", "Action", "Owner"])
    hidden.append(["9.9", "Old action", "Nobody"])
    hidden.sheet_state = "hidden"

    parsed = read(book)
    assert parsed.title == "Northmoor Children's Services Improvement Plan 2025"
    assert [(a.ref, theme_title(parsed, a)) for a in parsed.actions] == [
        ("1.1", "Early help"),
        ("1.2", "Early help"),
        ("2.1", "Workforce"),
    ]
    assert [s.name for s in parsed.sheets_read] == ["Early help", "Workforce"]
    skipped = {s.name: s.reason for s in parsed.sheets_skipped}
    assert set(skipped) == {"Cover", "Summary", "Key", "Old plan"}
    assert "hidden" in skipped["Old plan"]
    assert all(reason for reason in skipped.values())


# ---------------------------------------------------------------- 2. columns by meaning


@pytest.mark.parametrize(
    "header, field",
    [
        ("Ofsted ref", "sources"),
        ("Inspection report paragraph", "sources"),
        ("Letter ref", "sources"),
        ("IN ref", "sources"),
        ("Status (Sept)", "progress_rag"),
        ("RAG (progress)", "progress_rag"),
        ("RAG rating – impact", "impact_rag"),
        ("Update October 2024", "latest_note"),
        ("Measure of success", "measures"),
        ("Evidence", "measures"),
        ("Lead officer", "owners"),
        ("Responsible", "owners"),
        ("By when", "timescale"),
        ("Action ref", "ref"),
        ("Action owner", "owners"),
        ("Area for improvement", "theme"),
        ("Due date", "due_date"),
        ("Resp. officer", "owners"),
    ],
)
def test_headers_are_recognised_by_meaning(header, field):
    assert field_for_header(header) == field


def test_columns_with_unclear_headers_are_recognised_by_their_cells_and_unused_columns_are_listed():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Column C", "Column D", "Office use"])
    rows = [
        ("1.1", "Agree thresholds", "On track", datetime.date(2025, 3, 31)),
        ("1.2", "Audit plans", "At risk", datetime.date(2025, 6, 30)),
        ("1.3", "Train staff", "Complete", datetime.date(2024, 12, 31)),
    ]
    for ref, action, status, due in rows:
        sheet.append([ref, action, status, due, "x"])
    parsed = read(book)
    assert parsed.mapping[2] == "progress_rag" and parsed.mapping[3] == "due_date"
    assert [a.progress_rag for a in parsed.actions] == [Rag.GREEN, Rag.AMBER, Rag.BLUE]
    assert parsed.actions[0].due_date == datetime.date(2025, 3, 31)
    assert parsed.sheets_read[0].unused_columns == [(4, "Office use")]
    assert any("Office use" in line and "not used" in line for line in parsed.report_lines())


def test_a_two_row_header_with_a_group_label_merged_over_its_columns_is_read_as_one():
    book = Workbook()
    sheet = book.active
    sheet.append([None, None, "RAG rating", None])
    sheet.merge_cells("C1:D1")
    sheet.append(["Ref", "Action", "Progress", "Impact"])
    sheet.append(["1.1", "Agree thresholds", "G", "A"])
    parsed = read(book)
    assert parsed.header_rows == 2
    assert (parsed.actions[0].progress_rag, parsed.actions[0].impact_rag) == (Rag.GREEN, Rag.AMBER)


def test_a_flat_mapping_still_corrects_a_single_sheet_and_a_per_sheet_mapping_corrects_one_sheet():
    book = Workbook()
    first = book.active
    first.title = "One"
    first.append(["Ref", "Action", "Owner", "Comments"])
    first.append(["1.1", "Agree thresholds", "Head of Service", "Going well"])
    second = book.create_sheet("Two")
    second.append(["Ref", "Action", "Owner", "Impact"])
    second.append(["2.1", "Audit plans", "Service Manager", "Better plans"])
    flat = read(book, mapping={"0": "ref", "1": "action", "2": "owners"})
    assert flat.actions[0].latest_note == ""
    per_sheet = read(book, mapping={"Two": {"0": "ref", "1": "action", "3": "latest_note"}})
    assert by_ref(per_sheet)["2.1"].latest_note == "Better plans" and by_ref(per_sheet)["2.1"].owners == []
    assert by_ref(per_sheet)["1.1"].latest_note == "Going well"


# ---------------------------------------------------------------- 3. status words


@pytest.mark.parametrize(
    "value, rag",
    [
        ("Complete", Rag.BLUE),
        ("Completed", Rag.BLUE),
        ("Done", Rag.BLUE),
        ("Achieved", Rag.BLUE),
        ("On track", Rag.GREEN),
        ("At risk", Rag.AMBER),
        ("Some slippage", Rag.AMBER),
        ("Partially", Rag.AMBER),
        ("Off track", Rag.RED),
        ("Delayed", Rag.RED),
        ("Not on track", Rag.RED),
        ("Overdue", Rag.RED),
        ("Not started", Rag.GREY),
        ("Not yet due", Rag.GREY),
        ("B", Rag.BLUE),
        ("G", Rag.GREEN),
        ("A", Rag.AMBER),
        ("R", Rag.RED),
        ("Gr", Rag.GREY),
        ("Blue - complete", Rag.BLUE),
        ("Green (on track)", Rag.GREEN),
        ("Yellow", Rag.AMBER),
        ("Gray", Rag.GREY),
    ],
)
def test_status_words_letters_and_suffixes_map_to_the_scale(value, rag):
    assert read_status(value).rag == rag


def test_cancelled_is_closed_and_an_unknown_status_is_shown_not_guessed():
    assert read_status("Cancelled").closed and read_status("Cancelled").rag is None
    assert not read_status("Purple").known
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Status"])
    sheet.append(["1.1", "Agree thresholds", "Purple"])
    sheet.append(["1.2", "Audit plans", "Cancelled"])
    parsed = read(book)
    assert parsed.actions[0].progress_rag is None
    assert [s["label"] for s in parsed.unmapped_statuses] == ["Purple"]
    assert parsed.actions[1].closed and parsed.actions[1].as_data()["closed"] is True


def test_rag_as_fill_colour_only():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "RAG"])
    sheet.append(["1.1", "Agree thresholds", None])
    sheet["C2"].fill = PatternFill("solid", fgColor="FF00B050")
    assert read(book).actions[0].progress_rag == Rag.GREEN


# ---------------------------------------------------------------- 4. row kinds


def test_row_kinds_make_themes_categories_and_skips_with_row_numbers():
    book = Workbook()
    sheet = book.active
    sheet.append(["Westvale Improvement Plan"])
    sheet.append(["Ref", "Action", "Owner", "RAG"])
    sheet.append(["THEME 2 – Workforce"])  # 3
    sheet.append(["Lead: Director of Children's Services"])
    sheet.append(["Why this matters: stable teams keep children safe"])
    sheet.append(["Business as usual"])
    sheet.append(["2.1", "Recruit managers", "Head of HR", "Green"])
    sheet.append(["NB: actions 2.1 and 2.2 are shared with health"])  # 8
    sheet.append(["Change priorities"])
    sheet.append(["2.2", "New career pathway", "Head of HR", "Amber"])
    sheet.append([])  # 11
    sheet.append(["Priority 3: Practice"])
    sheet.append(["3.1", "Audit plans", "Head of QA", "Red"])
    sheet.append(["SECTION B – Partnerships"])
    sheet.append(["B1", "Agree thresholds", "Partnership Manager", "Blue"])
    sheet.append(["Recommendation 4: Return home interviews"])
    sheet.append(["4.1", "Commission interviews", "Commissioning Manager", "Grey"])
    sheet.append(["Total", 5])  # 18
    sheet.append(["Key"])  # 19
    sheet.append(["Blue", "Complete"])  # 20
    parsed = read(book)
    assert [(a.ref, theme_title(parsed, a)) for a in parsed.actions] == [
        ("2.1", "Workforce"),
        ("2.2", "Workforce"),
        ("3.1", "Practice"),
        ("B1", "Partnerships"),
        ("4.1", "Return home interviews"),
    ]
    workforce = parsed.themes[0]
    assert (workforce.number, workforce.lead, workforce.objective) == (
        "2",
        "Director of Children's Services",
        "stable teams keep children safe",
    )
    assert [a.category for a in parsed.actions[:2]] == ["business_fundamental", "change_priority"]
    skipped = {row.row: row.reason for row in parsed.skipped_rows}
    assert "note" in skipped[8] and "total" in skipped[18] and "key" in skipped[19] and "key" in skipped[20]
    assert len(parsed.actions) == 5  # nothing that is not an action became one


def test_a_theme_column_repeated_on_every_row_makes_one_theme():
    book = Workbook()
    sheet = book.active
    sheet.append(["Theme", "Ref", "Action"])
    sheet.append(["1 – Leadership", "1.1", "Agree thresholds"])
    sheet.append(["1 – Leadership", "1.2", "Audit plans"])
    sheet.append(["2 – Practice", "2.1", "Train staff"])
    parsed = read(book)
    assert [(t.number, t.title) for t in parsed.themes] == [("1", "Leadership"), ("2", "Practice")]


# ---------------------------------------------------------------- 5. merged cells


def test_cells_merged_across_rows_apply_to_every_row_and_a_merged_ref_makes_one_action():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner", "Due"])
    sheet.append(["1.1", "Agree thresholds", "Head of Service", "March 2025"])
    sheet.append(["1.2", "Audit plans", None, None])
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("D2:D3")
    sheet.append(["1.3", "Write the first paragraph.", "Team Manager", "June 2025"])
    sheet.append([None, "Then the second.", None, None])
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("C4:C5")
    parsed = read(book)
    assert [a.ref for a in parsed.actions] == ["1.1", "1.2", "1.3"]
    assert parsed.actions[1].owners == ["Head of Service"] and parsed.actions[1].due_date == datetime.date(2025, 3, 31)
    assert parsed.actions[2].action == "Write the first paragraph.\nThen the second."
    assert parsed.actions[2].owners == ["Team Manager"]


# ---------------------------------------------------------------- 6. values


@pytest.mark.parametrize("ref", ["1.1", "1.1.2", "1a", "A1", "B3a", "E.1", "Action 3", "CSIP 1.02"])
def test_refs_in_any_form(ref):
    assert looks_like_ref(ref)
    assert clean_ref(ref) == ref
    assert clean_ref("1.1.") == "1.1"


@pytest.mark.parametrize(
    "text, due",
    [
        ("end of March 2025", datetime.date(2025, 3, 31)),
        ("Q3 2024/25", datetime.date(2024, 12, 31)),
        ("Q4 2024/25", datetime.date(2025, 3, 31)),
        ("Q1 2025/26", datetime.date(2025, 6, 30)),
        ("31/03/2025", datetime.date(2025, 3, 31)),
        ("31-Mar-2025", datetime.date(2025, 3, 31)),
        ("Mar-25", datetime.date(2025, 3, 31)),
        ("2025-03-31", datetime.date(2025, 3, 31)),
        ("2024-10-01 - 2025-01-31", datetime.date(2025, 1, 31)),
        ("Ongoing", None),
        ("Monthly", None),
    ],
)
def test_dates_as_councils_write_them(text, due):
    assert parse_due_date(text) == due


@pytest.mark.parametrize(
    "cell, owners",
    [
        ("Head of Service CIN/CP", ["Head of Service CIN/CP"]),
        ("Learning & Development Officer", ["Learning & Development Officer"]),
        ("Designated Nurse, Westshire Health", ["Designated Nurse, Westshire Health"]),
        ("Head of Early Help/Prevention", ["Head of Early Help/Prevention"]),
        ("Detective Inspector, MASH", ["Detective Inspector, MASH"]),
        ("Head of Service; Team Manager", ["Head of Service", "Team Manager"]),
        ("Head of Service & Principal Social Worker", ["Head of Service", "Principal Social Worker"]),
        (
            "Head of Service Leaving Care, Housing Options Manager",
            ["Head of Service Leaving Care", "Housing Options Manager"],
        ),
        (
            "Quality Assurance Officer & Learning & Development Officer",
            ["Quality Assurance Officer", "Learning & Development Officer"],
        ),
        ("Priya Shah, j.okafor@westshire.gov.uk", ["Priya Shah", "j.okafor@westshire.gov.uk"]),
        ("Jane Smith,Tom Reid[50%]", ["Jane Smith", "Tom Reid"]),
    ],
)
def test_owner_splitting_rules(cell, owners):
    assert split_owners(cell) == owners


def test_sources_with_paragraph_words_and_a_report_named_in_the_header():
    assert parse_sources("JTAI paras 14, 15")[0] == [("JTAI", "14"), ("JTAI", "15")]
    assert parse_sources("14, 15", default_code="Ofsted")[0] == [("Ofsted", "14"), ("Ofsted", "15")]
    assert parse_sources("Ofsted;JTAI")[0] == [("Ofsted", ""), ("JTAI", "")]
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Ofsted ref"])
    sheet.append(["1.1", "Agree thresholds", "23, 24"])
    assert read(book).actions[0].sources == [("Ofsted", "23"), ("Ofsted", "24")]


def test_business_as_usual_is_a_business_fundamental():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Type"])
    sheet.append(["1.1", "Agree thresholds", "Business as usual"])
    sheet.append(["1.2", "New pathway", "Change priority"])
    assert [a.category for a in read(book).actions] == ["business_fundamental", "change_priority"]


# ---------------------------------------------------------------- 7. progress columns per period


def test_the_latest_period_note_is_kept_with_its_month_and_a_note_without_a_rag_is_kept():
    assert header_period("Update Sept 2024") == (2024, 9)
    assert header_period("Progress Q3 2024/25") == (2024, 12)
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Update June 2024", "Update Sept 2024"])
    sheet.append(["1.1", "Agree thresholds", "Drafted", "Agreed by the board"])
    sheet.append(["1.2", "Audit plans", "Started", None])
    parsed = read(book)
    first, second = parsed.actions
    assert (first.latest_note, first.note_period) == ("Agreed by the board", "2024-09")
    assert (second.latest_note, second.note_period) == ("Started", "2024-06")
    assert first.progress_rag is None and first.as_data()["latest_note"] == "Agreed by the board"


# ---------------------------------------------------------------- 10. large sheets


def test_a_sheet_far_longer_than_any_plan_is_warned_about(monkeypatch):
    monkeypatch.setattr(reading, "LARGE_SHEET_ROWS", 40)
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner"])
    for number in range(1, 61):
        sheet.append([f"1.{number}", f"Action {number}", "Head of Service"])
    parsed = read(book)
    assert len(parsed.actions) == 60
    assert any("61 rows, far more than any plan" in notice for notice in parsed.notices)


# ---------------------------------------------------------------- issue 20: other tools' exports


@pytest.mark.parametrize(
    "slug, tool, words",
    [
        ("smartsheet_export", "smartsheet", "Smartsheet"),
        ("monday_export", "monday", "monday.com"),
        ("planner_export", "planner", "Planner"),
        ("project_export", "project", "Project"),
        ("pentana_export", "pentana", "Pentana"),
        ("word_table_paste", "word", "Word"),
    ],
)
def test_each_tool_is_recognised_and_named_for_the_preview(slug, tool, words):
    parsed = read_plan_workbook(CORPUS / f"{slug}.xlsx")
    assert parsed.detected_tool == tool
    assert words in parsed.tool_sentence and parsed.tool_sentence.startswith("This looks like")


def test_a_council_sheet_that_only_resembles_a_tool_goes_through_the_general_reader():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner", "Status", "Comments"])
    sheet.append(["1.1", "Agree thresholds", "Head of Service", "On track", "Fine"])
    parsed = read(book)
    assert parsed.detected_tool == "" and parsed.actions[0].progress_rag == Rag.GREEN


def test_monday_subitems_and_tool_labels_stay_out_and_cancelled_is_closed():
    parsed = read_plan_workbook(CORPUS / "monday_export.xlsx")
    texts = [a.action for a in parsed.actions]
    assert "Agree the scorecard" not in texts  # a subitem
    assert any("sub-item" in row.reason for row in parsed.skipped_rows)
    stuck = next(a for a in parsed.actions if a.ref == "2.1")
    assert stuck.progress_rag == Rag.RED  # "Stuck"
    cancelled = next(a for a in parsed.actions if a.ref == "2.3")
    assert cancelled.closed and cancelled.progress_rag is None


def test_smartsheet_parent_rows_become_themes_and_sub_tasks_stay_out():
    book = Workbook()
    sheet = book.active
    sheet.append(["Task Name", "Assigned To", "End Date", "Status", "RAG", "At Risk"])
    sheet.append(["Front door", None, datetime.date(2025, 3, 31), None, None, False])
    sheet["A2"].font = Font(bold=True)
    for name, rag in (("Review thresholds", "Yellow"), ("Audit contacts", "Gray")):
        sheet.append([name, "Priya Shah, Tom Reid", datetime.date(2025, 3, 31), "In Progress", rag, False])
        sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(indent=1)
    sheet.append(["Draft a checklist", "Priya Shah", datetime.date(2025, 1, 31), None, None, False])
    sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(indent=2)
    parsed = read(book)
    assert parsed.detected_tool == "smartsheet"
    assert [(a.action, theme_title(parsed, a), a.progress_rag) for a in parsed.actions] == [
        ("Review thresholds", "Front door", Rag.AMBER),
        ("Audit contacts", "Front door", Rag.GREY),
    ]
    assert parsed.actions[0].owners == ["Priya Shah", "Tom Reid"]
    assert set(parsed.people) == {"Priya Shah", "Tom Reid"}
    assert any("sub-task" in row.reason for row in parsed.skipped_rows)


def test_pentana_milestones_legend_and_revised_due_date():
    parsed = read_plan_workbook(CORPUS / "pentana_export.xlsx")
    refs = [a.ref for a in parsed.actions]
    assert "CSIP 1.02.1" not in refs and "Action Status" not in refs
    second = next(a for a in parsed.actions if a.ref == "CSIP 1.02")
    assert second.due_date == datetime.date(2025, 6, 30)  # the revised Due Date, not the Original Due Date
    assert second.latest_note == "Progress reported to the Improvement Board"


def test_planner_late_tasks_are_red_and_buckets_are_themes():
    parsed = read_plan_workbook(CORPUS / "planner_export.xlsx")
    assert parsed.title == "Westshire CSC improvement plan"
    late = next(a for a in parsed.actions if a.action == "Recruit six permanent social workers")
    assert late.progress_rag == Rag.RED and theme_title(parsed, late) == "Workforce"


# ---------------------------------------------------------------- the preview shows what was understood


@pytest.mark.django_db
def test_the_preview_shows_sheets_columns_statuses_owner_splits_people_and_skipped_rows(
    client, world, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.MEDIA_ROOT = tmp_path / "media"
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Eastvale Improvement Plan"])
    sheet = book.create_sheet("Early help")
    sheet.append(["Ref", "Action", "Owner", "Status", "Office use"])
    sheet.append(["1.1", "Agree thresholds", "Head of Service & Principal Social Worker", "On track", "x"])
    sheet.append(["1.2", "Audit plans", "Priya Shah, Tom Reid", "Purple", "y"])
    sheet.append(["NB: reviewed monthly"])
    client.force_login(world.admin)
    response = client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile("eastvale.xlsx", to_bytes(book))})
    html = client.get(response["Location"]).content.decode()
    assert "Cover" in html and "Skipped" in html and "Early help" in html
    assert "Office use" in html and "Not used" in html  # the unused column, mappable in the form below
    assert "Purple" in html and "Not read: left empty" in html  # an unmapped status, not guessed
    assert "On track" in html and "Green" in html
    assert "Principal Social Worker" in html and "Priya Shah" in html  # split owners and people found
    assert "NB: reviewed monthly" in html and "a note" in html  # a skipped row with its reason
