"""The reader on the third round of unseen council layouts: an impact column of status symbols, a column
naming a level above the actions to the right of the refs, recommendation headings "R1" over R1.1, bilingual
theme headings, a hidden old target beside a visible timescale, an organisation's acronym before a post,
"End of March" in a plan for one financial year, owners as initials with a key sheet (or without one), and
a plan laid out sideways. Real workbooks, read as an admin's upload is."""

import datetime
import io

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from plans.importing.cleaning import split_owners
from plans.importing.files import ImportFileError
from plans.importing.reading import read_plan_workbook
from plans.rag import Rag
from tests.data.workbooks import to_bytes

BOLD = Font(bold=True)


def read(book):
    return read_plan_workbook(io.BytesIO(to_bytes(book)), name="plan.xlsx")


def notices(parsed):
    return " ".join(parsed.notices)


def test_a_column_of_status_symbols_headed_impact_is_the_impact_rating():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Progress", "Impact"])
    sheet.append(["1.01", "Apply the threshold guidance to every contact", "MASH Manager", "🟢", "🟡"])
    sheet.append(["1.02", "Audit contacts closed with no further action", "Head of QA", "🔵", "🔴"])
    sheet.append(["1.03", "Publish the audit findings to partners", "Head of QA", "⚪", None])
    parsed = read(book)
    assert [a.impact_rag for a in parsed.actions] == [Rag.AMBER.value, Rag.RED.value, None]
    assert [a.progress_rag for a in parsed.actions] == [Rag.GREEN.value, Rag.BLUE.value, Rag.GREY.value]
    assert [a.expected_impact for a in parsed.actions] == ["", "", ""]


def test_a_recommendation_column_to_the_right_of_the_action_repeated_in_runs_is_the_theme():
    book = Workbook()
    sheet = book.active
    sheet.title = "owssvr"
    sheet.append(["Action ID", "Title", "Ofsted Recommendation", "Action Owner", "Status (RAG)"])
    for ref, text, rec in (
        ("A-01", "Relaunch the supervision policy", "Management oversight of practice"),
        ("A-02", "Audit supervision records monthly", "Management oversight of practice"),
        ("A-03", "Hold permanence meetings by the second review", "Timely permanence for children in care"),
        ("A-04", "Track permanence plans weekly", "Timely permanence for children in care"),
        ("A-05", "Open two in-house children's homes", "Sufficiency of local homes"),
    ):
        sheet.append([ref, text, rec, "Head of Service", "On Track"])
    parsed = read(book)
    titles = {theme.number: theme.title for theme in parsed.themes}
    assert [titles[a.theme] for a in parsed.actions] == [
        "Management oversight of practice",
        "Management oversight of practice",
        "Timely permanence for children in care",
        "Timely permanence for children in care",
        "Sufficiency of local homes",
    ]


def test_a_weakness_repeated_beside_each_action_stays_its_need_not_a_theme():
    book = Workbook()
    sheet = book.active
    sheet.title = "WSoA"
    sheet.append(["Ref", "Area of weakness", "Action", "Owner", "Status"])
    for ref, weakness, text in (
        ("1.1", "EHC plans are late", "Clear the backlog of assessments"),
        ("1.2", "EHC plans are late", "Track timeliness weekly"),
        ("2.1", "Health advice is poor", "Agree a health advice standard"),
        ("2.2", "Health advice is poor", "Audit health advice in 30 plans"),
    ):
        sheet.append([ref, weakness, text, "Head of SEND", "On track"])
    parsed = read(book)
    assert [theme.title for theme in parsed.themes] == ["WSoA"]
    assert parsed.actions[2].improvement_need == "Health advice is poor"


def test_a_bold_recommendation_row_r1_over_its_actions_r1_1_is_a_theme_not_an_action():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Recommendation / Action", "Lead", "Timescale", "RAG"])
    for ref, text, lead in (
        ("R1", "The quality of assessments and plans", None),
        ("R1.1", "Introduce an assessment practice standard", "Principal Social Worker"),
        ("R1.2", "Audit plans against the standard", "Head of QA"),
        ("R2", "The response to children who go missing", None),
        ("R2.1", "Offer every child a return home interview", "Missing Manager"),
    ):
        sheet.append([ref, text, lead, "Dec 2025" if lead else None, "Green" if lead else None])
        if lead is None:
            for column in range(1, 6):
                sheet.cell(row=sheet.max_row, column=column).font = BOLD
                sheet.cell(row=sheet.max_row, column=column).fill = PatternFill("solid", fgColor="FFDDEBF7")
    parsed = read(book)
    assert [a.ref for a in parsed.actions] == ["R1.1", "R1.2", "R2.1"]
    assert [(t.number, t.title) for t in parsed.themes] == [
        ("R1", "The quality of assessments and plans"),
        ("R2", "The response to children who go missing"),
    ]


def test_a_theme_heading_given_in_welsh_and_english_is_read_once():
    book = Workbook()
    sheet = book.active
    sheet.append(["Cyf. / Ref", "Cam gweithredu / Action", "Swyddog arweiniol / Lead officer", "Statws / Status"])
    sheet.append(["Thema 1 / Theme 1: Llais y plentyn / Voice of the child"])
    sheet.merge_cells("A2:D2")
    sheet.append(["1.1", "Record each child's wishes in their own words", "Principal Social Worker", "Gwyrdd / Green"])
    sheet.append(["Thema 2 / Theme 2: Llesiant / Well-being"])
    sheet.merge_cells("A4:D4")
    sheet.append(["2.1", "Complete well-being assessments in 42 days", "Head of Children's Services", "Coch / Red"])
    parsed = read(book)
    assert [(t.number, t.title) for t in parsed.themes] == [
        ("1", "Llais y plentyn / Voice of the child"),
        ("2", "Llesiant / Well-being"),
    ]
    assert [a.progress_rag for a in parsed.actions] == [Rag.GREEN.value, Rag.RED.value]


def test_a_hidden_old_target_date_gives_way_to_the_visible_target_written_as_text():
    book = Workbook()
    sheet = book.active
    sheet.append(["No.", "Action", "Lead", "Old target", "Target", "RAG"])
    sheet.append(["1.1", "Introduce a risk and safety panel", "YJS Manager", datetime.datetime(2025, 6, 30), "Sept 25"])
    sheet.append(["1.2", "Train case managers", "YJS Manager", datetime.datetime(2025, 6, 30), "Q3 2025/26"])
    sheet.column_dimensions["D"].hidden = True
    parsed = read(book)
    assert [a.due_date for a in parsed.actions] == [datetime.date(2025, 9, 30), datetime.date(2025, 12, 31)]


def test_an_organisations_acronym_before_a_post_starts_a_second_role():
    assert split_owners("Assistant Director Education and ICB Director of Commissioning") == [
        "Assistant Director Education",
        "ICB Director of Commissioning",
    ]
    assert split_owners("Assistant Director Education and Inclusion") == ["Assistant Director Education and Inclusion"]


def plan_with_timescales(title, timescales):
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append(["Ref", "Action", "Lead", "Timescale"])
    for number, timescale in enumerate(timescales, start=1):
        sheet.append([f"1.{number}", f"Action number {number}", "Head of Service", timescale])
    return read(book)


def test_a_month_with_no_year_is_read_in_the_financial_year_the_title_names_and_the_row_says_so():
    parsed = plan_with_timescales("Improvement Plan 2025-26", ["End of March", "Sept", "by 15th October"])
    assert [a.due_date for a in parsed.actions] == [
        datetime.date(2026, 3, 31),
        datetime.date(2025, 9, 30),
        datetime.date(2025, 10, 15),
    ]
    messages = parsed.warnings_by_row
    assert "read as 31 March 2026, in the plan's year 2025-26" in " ".join(messages[3])


def test_a_month_with_no_year_and_no_year_in_the_title_gets_no_due_date_and_a_warning():
    parsed = plan_with_timescales("Improvement Plan", ["End of March"])
    assert parsed.actions[0].due_date is None
    assert parsed.actions[0].timescale == "End of March"
    assert "names no year" in " ".join(parsed.warnings_by_row[3])


def initials_plan():
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Owner", "RAG"])
    sheet.append(["1.1", "Agree a market supplement for social work posts", "JM", "G"])
    sheet.append(["1.2", "Start a reflective supervision group in every team", "AH & JM", "A"])
    sheet.append(["2.1", "Hold a stability meeting after a second move", "SK/PB", "R"])
    return book


def test_owners_written_as_initials_take_the_job_titles_of_the_key_sheet_and_the_preview_says_so():
    book = initials_plan()
    key = book.create_sheet("Key")
    key.append(["Initials", "Name", "Job title"])
    for row in (
        ("JM", "Jo Marsh", "Director of Children's Services"),
        ("AH", "Alex Hughes", "Principal Social Worker"),
        ("SK", "Sam Kaur", "Head of Service Children in Care"),
        ("PB", "Priya Bell", "Head of Service Safeguarding"),
    ):
        key.append(row)
    parsed = read(book)
    assert [a.owners for a in parsed.actions] == [
        ["Director of Children's Services"],
        ["Principal Social Worker", "Director of Children's Services"],
        ["Head of Service Children in Care", "Head of Service Safeguarding"],
    ]
    assert "JM = Director of Children's Services" in notices(parsed)


def test_owners_written_as_initials_with_no_key_are_kept_and_flagged_not_guessed():
    parsed = read(initials_plan())
    assert [a.owners for a in parsed.actions] == [["JM"], ["AH", "JM"], ["SK", "PB"]]
    assert "look like people's initials" in notices(parsed)
    assert "AH, JM, PB, SK" in notices(parsed)


def test_a_plan_laid_out_sideways_one_action_per_column_is_read_column_by_column():
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet["A1"] = "Harrowfield Improvement Plan – Action tracker"
    labels = ["Theme", "Action ref", "Action", "Lead officer", "Deadline", "RAG"]
    actions = [
        ("Front door", "FD1", "Move police notifications into the MASH triage", "MASH Team Manager", "Green"),
        ("Front door", "FD2", "Publish a revised threshold document", "Partnership Manager", "Amber"),
        ("Workforce", "WF1", "Recruit a permanent team manager per team", "Head of Workforce", "Red"),
    ]
    for row, label in enumerate(labels, start=3):
        sheet.cell(row=row, column=1, value=label)
    for column, (theme, ref, text, lead, rag) in enumerate(actions, start=2):
        for row, value in enumerate([theme, ref, text, lead, datetime.datetime(2025, 10, 31), rag], start=3):
            sheet.cell(row=row, column=column, value=value)
    parsed = read(book)
    assert parsed.title == "Harrowfield Improvement Plan – Action tracker"
    assert [(a.ref, a.action, a.owners, a.progress_rag) for a in parsed.actions] == [
        ("FD1", "Move police notifications into the MASH triage", ["MASH Team Manager"], Rag.GREEN.value),
        ("FD2", "Publish a revised threshold document", ["Partnership Manager"], Rag.AMBER.value),
        ("WF1", "Recruit a permanent team manager per team", ["Head of Workforce"], Rag.RED.value),
    ]
    assert [t.title for t in parsed.themes] == ["Front door", "Workforce"]
    assert "one action per column" in notices(parsed)


def test_a_sheet_with_no_header_either_way_is_still_refused():
    book = Workbook()
    sheet = book.active
    for row in range(1, 6):
        sheet.append([f"Some text {row}", f"More text {row}"])
    with pytest.raises(ImportFileError, match="No header row was recognised"):
        read(book)


@pytest.mark.django_db
def test_the_preview_shows_the_admin_what_could_not_be_read_for_sure(client, world, settings, tmp_path):
    """Initials no key explains and a month with no year are flagged on the preview, before anything is written."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from plans.models import Plan

    settings.MEDIA_ROOT = tmp_path / "media"
    book = initials_plan()
    book.active.cell(row=2, column=5, value="End of March")
    book.active.cell(row=1, column=5, value="Timescale")
    plans_before = Plan.objects.count()
    client.force_login(world.admin)
    upload = SimpleUploadedFile(
        "plan.xlsx", to_bytes(book), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = client.post(reverse("plans:plan_import"), {"file": upload})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "look like people&#x27;s initials" in html
    assert "AH, JM, PB, SK" in html
    assert "names no year" in html
    assert Plan.objects.count() == plans_before


def test_a_priority_column_of_high_medium_low_grades_each_action_and_is_not_a_theme():
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Ref", "Action", "Priority", "Owner", "RAG"])
    for ref, priority in (("1", "High"), ("2", "High"), ("3", "Medium"), ("4", "Medium"), ("5", "Low"), ("6", "Low")):
        sheet.append([ref, f"Action number {ref}", priority, "Head of Service", "Green"])
    parsed = read(book)
    assert [theme.title for theme in parsed.themes] == ["Actions"]
    assert len(parsed.actions) == 6


def test_welsh_headings_and_ratings_are_read_in_either_order():
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref / Cyf.", "Action / Cam gweithredu", "Lead officer / Swyddog arweiniol", "Statws"])
    sheet.append(["Theme 1 / Thema 1: Voice of the child / Llais y plentyn"])
    sheet.merge_cells("A2:D2")
    sheet.append(["1.1", "Record each child's wishes in their own words", "Principal Social Worker", "Gwyrdd"])
    sheet.append(["1.2", "Offer advocacy in Welsh or English", "Advocacy Lead", "Wedi'i gwblhau"])
    sheet.append(["Blaenoriaeth 2: Llesiant"])
    sheet.merge_cells("A5:D5")
    sheet.append(["2.1", "Complete well-being assessments in 42 days", "Head of Children's Services", "Coch"])
    sheet.append(["2.2", "Agree information sharing with the health board", "Board Manager", "Heb ddechrau"])
    parsed = read(book)
    assert [(t.number, t.title) for t in parsed.themes] == [
        ("1", "Voice of the child / Llais y plentyn"),
        ("2", "Llesiant"),
    ]
    assert [a.progress_rag for a in parsed.actions] == [
        Rag.GREEN.value,
        Rag.BLUE.value,
        Rag.RED.value,
        Rag.GREY.value,
    ]
    assert not parsed.unmapped_statuses


def test_what_sits_in_brackets_qualifies_one_role_and_never_parts_two():
    assert split_owners("Head of Service (CIN/CP) and DSCP Business Manager") == [
        "Head of Service (CIN/CP)",
        "DSCP Business Manager",
    ]
    assert split_owners("Named Nurse (LAC; SEND)") == ["Named Nurse (LAC; SEND)"]


def test_a_directorys_surname_first_display_name_is_a_person_for_the_admin_to_map():
    book = Workbook()
    sheet = book.active
    sheet.append(["Action ID", "Title", "Assigned To", "Status (RAG)"])
    sheet.append(["1", "Relaunch the supervision policy", "Patel, Anita", "On Track"])
    sheet.append(["2", "Audit supervision records", "Patel, Anita;Jones, Bob", "At Risk"])
    parsed = read(book)
    assert [a.owners for a in parsed.actions] == [["Patel, Anita"], ["Patel, Anita", "Jones, Bob"]]
    assert set(parsed.people) == {"Patel, Anita", "Jones, Bob"}
