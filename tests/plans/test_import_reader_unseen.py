"""The reader on what unseen council files do: RAG ratings as fill colours with the sheet's own key
(or none), colours no RAG means reported, ratings as codes and symbols, owners labelled "Lead:" and
"Support:", school-term and serial dates, lettered actions under a numbered recommendation, a Word
cell's paragraphs pasted into rows, and count rows under a theme's actions. Real workbooks."""

import datetime
import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.colors import Color

from plans.importing.cleaning import parse_due_date, split_owners
from plans.importing.colours import colour_rag
from plans.importing.reading import read_plan_workbook
from plans.importing.values import read_status
from plans.rag import Rag
from tests.data.workbooks import to_bytes


def read(book):
    return read_plan_workbook(io.BytesIO(to_bytes(book)), name="plan.xlsx")


def filled(colour):
    return PatternFill("solid", fgColor=colour)


def rated_by_fill(colours):
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Owner", "RAG"])
    for number, colour in enumerate(colours, start=1):
        sheet.append([f"1.{number}", f"Action number {number}", "Head of Service", None])
        sheet.cell(row=sheet.max_row, column=4).fill = filled(colour)
    return book, sheet


# ---------------------------------------------------------------- fill colours


@pytest.mark.parametrize(
    "rgb, rag, known",
    [
        ("00B050", Rag.GREEN, True),
        ("6B8E23", Rag.GREEN, True),
        ("B22222", Rag.RED, True),
        ("FFB366", Rag.AMBER, True),
        ("FFFF99", Rag.AMBER, True),
        ("4F81BD", Rag.BLUE, True),
        ("D9D9D9", Rag.GREY, True),
        ("FFC7CE", Rag.RED, True),
        ("FFFFFF", None, True),
        ("7030A0", None, False),
        ("000000", None, False),
    ],
)
def test_a_colour_with_no_key_maps_by_its_hue_and_purple_or_black_are_not_guessed(rgb, rag, known):
    assert colour_rag(rgb) == (rag, known)


def test_a_key_sheet_after_the_plan_says_what_the_councils_own_shades_mean():
    book, _sheet = rated_by_fill(["FF7030A0", "FF00A3A3", "FFFF66CC"])
    key = book.create_sheet("Key")
    for colour, words in (
        ("FF7030A0", "Blue – complete"),
        ("FF00A3A3", "Green – on track"),
        ("FFFF66CC", "Red – off track"),
    ):
        key.append([None, words])
        key.cell(row=key.max_row, column=1).fill = filled(colour)
    parsed = read(book)
    assert [action.progress_rag for action in parsed.actions] == [Rag.BLUE, Rag.GREEN, Rag.RED]
    assert not parsed.unmapped_statuses


def test_a_key_below_the_table_is_used_for_the_rows_above_it():
    book, sheet = rated_by_fill(["FF375623"])  # dark green: green by hue, but this plan's key says complete
    sheet.append([])
    sheet.append(["Key"])
    sheet.append([None, "Complete", None, None])
    sheet.cell(row=sheet.max_row, column=1).fill = filled("FF375623")
    parsed = read(book)
    assert [action.progress_rag for action in parsed.actions] == [Rag.BLUE]


def test_a_colour_no_rag_means_is_reported_and_left_empty():
    book, _sheet = rated_by_fill(["FF7030A0", "FF00B050"])
    parsed = read(book)
    assert [action.progress_rag for action in parsed.actions] == [None, Rag.GREEN]
    assert [status["label"] for status in parsed.unmapped_statuses] == ["Fill colour #7030A0"]
    assert any("#7030A0" in warning.message and warning.row == 2 for warning in parsed.warnings)


def test_theme_colours_are_resolved_with_their_tint():
    book, sheet = rated_by_fill([])
    sheet.append(["1.1", "Action one", "Head of Service", None])
    sheet.cell(row=2, column=4).fill = PatternFill(
        "solid", fgColor=Color(theme=6, tint=0.4)
    )  # Office 2007 Accent 3: green
    assert read(book).actions[0].progress_rag == Rag.GREEN


def test_a_dot_coloured_by_its_font_is_read_by_its_colour():
    book, sheet = rated_by_fill([])
    sheet.append(["1.1", "Action one", "Head of Service", "●"])
    sheet.cell(row=2, column=4).font = Font(color="FFFF0000")
    assert read(book).actions[0].progress_rag == Rag.RED


# ---------------------------------------------------------------- status words, owners, dates


@pytest.mark.parametrize(
    "text, rag",
    [
        ("A/R", Rag.RED),
        ("Amber/Green", Rag.AMBER),
        ("G/B", Rag.GREEN),
        ("B (complete)", Rag.BLUE),
        ("✓", Rag.BLUE),
        ("🟢", Rag.GREEN),
        ("🟠", Rag.AMBER),
        ("🔴", Rag.RED),
        ("Significantly off track", Rag.RED),
        ("Under review", Rag.AMBER),
        ("Not yet", Rag.GREY),
        ("Broadly on track", Rag.GREEN),
    ],
)
def test_ratings_written_as_codes_symbols_and_phrases(text, rag):
    assert read_status(text).rag == rag


def test_owner_labels_lead_and_support_are_not_part_of_the_roles():
    assert split_owners("Lead: Head of SEND / Support: EHC Team Manager") == ["Head of SEND", "EHC Team Manager"]
    assert split_owners("Lead: Designated Clinical Officer; Support: Head of SEND") == [
        "Designated Clinical Officer",
        "Head of SEND",
    ]
    assert split_owners("Detective Inspector, Exploitation Hub") == ["Detective Inspector, Exploitation Hub"]


@pytest.mark.parametrize(
    "text, due",
    [
        ("Spring term 2025", datetime.date(2025, 3, 31)),
        ("End of summer term 2025", datetime.date(2025, 7, 31)),
        ("Autumn term 2024", datetime.date(2024, 12, 31)),
        ("Summer term 2024/25", datetime.date(2025, 7, 31)),
        ("45747", datetime.date(2025, 3, 31)),
        ("Sept 25", datetime.date(2025, 9, 30)),
        ("By Q2", None),
    ],
)
def test_school_terms_and_date_serials_typed_as_text(text, due):
    assert parse_due_date(text) == due


# ---------------------------------------------------------------- row kinds


def test_lettered_actions_under_a_numbered_recommendation_take_its_number():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Recommendation", "Actions", "Who", "RAG"])
    sheet.append([1, "Recommendation 1: Management oversight"])
    sheet.append([None, "(a) Set a supervision standard", "Head of Service", "Green"])
    sheet.append([None, "b) Audit twenty plans a month", "Head of QA", "Amber"])
    sheet.append([2, "Recommendation 2: Assessments"])
    sheet.append([None, "ii) Add two social workers", "Head of Assessment", "Red"])
    parsed = read(book)
    assert [(a.ref, a.action) for a in parsed.actions] == [
        ("1a", "Set a supervision standard"),
        ("1b", "Audit twenty plans a month"),
        ("2.ii", "Add two social workers"),
    ]
    assert [theme.title for theme in parsed.themes] == ["Management oversight", "Assessments"]


def test_a_word_cells_paragraphs_in_their_own_rows_make_one_action_and_an_ownerless_action_stays_its_own():
    book = Workbook()
    sheet = book.active
    sheet.append(["Action", "Lead", "Timescale", "Progress"])
    sheet.append(["Audit 40 neglect cases", "Partnership QA Manager", "June 2025", "At risk"])
    sheet.append(["and report the findings to the board", None, None, None])
    sheet.append(["Commission a parenting programme", None, "December 2025", "Not started"])
    parsed = read(book)
    assert [a.action for a in parsed.actions] == [
        "Audit 40 neglect cases\nand report the findings to the board",
        "Commission a parenting programme",
    ]


def test_count_and_sign_off_rows_below_the_actions_are_skipped_not_added_to_the_last_action():
    book = Workbook()
    sheet = book.active
    sheet.title = "Early Help"
    sheet.append(["Ref", "Action", "Lead", "Status"])
    sheet.append(["EH1", "Launch family hubs", "Head of Early Help", "Complete"])
    sheet.append([])
    sheet.append([None, "Actions in this theme: 1"])
    sheet.append([None, "Theme lead sign-off: Head of Service"])
    parsed = read(book)
    assert [a.action for a in parsed.actions] == ["Launch family hubs"]
    assert {row.row for row in parsed.skipped_rows} >= {4, 5}


def test_a_hidden_old_column_gives_way_to_the_visible_column_of_the_same_title():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Lead", "Dec RAG", "Jan RAG"])
    sheet.append(["1.1", "Stabilise the front door", "Interim Head of MASH", "Head of MASH", "Red", None])
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["E"].hidden = True
    parsed = read(book)
    assert parsed.actions[0].owners == ["Head of MASH"]
    assert parsed.actions[0].progress_rag is None  # December's hidden rating is not this month's


def test_theme_rows_may_spell_their_numbers():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead"])
    sheet.append(["Priority One: Homes close to home"])
    sheet.append(["1.1", "Open two children's homes", "Head of Residential Services"])
    sheet.append(["Priority Two – Commissioning"])
    sheet.append(["2.1", "Join the regional framework", "Head of Commissioning"])
    parsed = read(book)
    assert [(theme.number, theme.title) for theme in parsed.themes] == [
        ("1", "Homes close to home"),
        ("2", "Commissioning"),
    ]


def test_refs_typed_as_numbers_keep_their_tenth_and_placeholder_owners_name_nobody():
    book = Workbook()
    sheet = book.active
    sheet.append(["No.", "Action", "Lead"])
    for number in range(1, 12):
        sheet.append([float(f"1.{number}"), f"Action {number}", "TBC" if number == 3 else "Head of Service"])
    parsed = read(book)
    assert [a.ref for a in parsed.actions][8:] == ["1.9", "1.10", "1.11"]
    assert parsed.actions[2].owners == []
    assert split_owners("N/A") == [] and split_owners("To be confirmed") == []


def test_a_percent_complete_column_rates_when_there_is_no_status_and_is_never_a_ref():
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Assigned to", "Finish", "% complete"])
    for name, percent in (("Agree the scorecard", 1), ("Report monthly", 0.5), ("Audit strategy discussions", 0)):
        sheet.append([name, "Gemma Holt", "31/03/2025", percent])
    parsed = read(book)
    assert [(a.ref, a.progress_rag) for a in parsed.actions] == [("", Rag.BLUE), ("", Rag.GREEN), ("", Rag.GREY)]


def test_quarters_under_one_merged_group_label_are_periods_and_a_key_in_the_ref_column_is_not_actions():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Owner", "Progress update", None, None])
    sheet.append([None, None, None, "Q1", "Q2", "Q3"])
    sheet.merge_cells("D1:F1")
    sheet.append(["1.1", "Audit contacts", "Head of QA", "Amber", "Red - late", None])
    sheet.append([])
    sheet.append(["Blue", "Complete and evidenced"])
    parsed = read(book)
    assert parsed.header_rows == 2
    assert [(a.ref, a.progress_rag) for a in parsed.actions] == [("1.1", Rag.RED)]
    assert any(row.row == 5 and "key" in row.reason for row in parsed.skipped_rows)


def test_a_label_nobody_knows_is_read_by_its_cells_colour_and_listed_with_it():
    book, sheet = rated_by_fill([])
    sheet.append(["1.1", "Action one", "Head of Service", "Needs a push"])
    sheet.cell(row=2, column=4).fill = filled("FFFF0000")
    parsed = read(book)
    assert parsed.actions[0].progress_rag == Rag.RED
    assert [(s["label"], s["rag"]) for s in parsed.statuses] == [("“Needs a push” coloured #FF0000", "Red")]


def test_the_report_says_which_unused_columns_are_hidden():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Lead"])
    sheet.append(["1.1", "Stabilise the front door", "Interim Head of MASH", "Head of MASH"])
    sheet.column_dimensions["C"].hidden = True
    assert "  column C “Lead” (hidden) not used" in read(book).report_lines()


def test_the_admin_can_say_what_a_colour_no_rag_means():
    book, _sheet = rated_by_fill(["FF7030A0"])
    parsed = read_plan_workbook(io.BytesIO(to_bytes(book)), name="plan.xlsx", statuses={"fill colour 7030a0": Rag.BLUE})
    assert parsed.actions[0].progress_rag == Rag.BLUE
    assert not parsed.unmapped_statuses
