"""The overview report PDF and the findings workbook: real files, read back."""

from io import BytesIO

from openpyxl import load_workbook
from pypdf import PdfReader

from audits.models import LearningEvent, LearningEventAttendance
from audits.services.lessons import lesson_record
from tests.audits.conftest import MET, NA, NOT_MET


def _judged(audit):
    for n in range(1, 4):
        case = audit.case(f"Case {n}", [audit.police, audit.health])
        audit.judge(case, audit.police, {audit.s1: MET if n < 3 else NOT_MET, audit.s2: MET, audit.s3: NA})
        audit.judge(case, audit.health, {audit.s1: MET, audit.s2: NA, audit.s3: NA})


def test_overview_pdf_has_findings_event_and_lessons(audit, client, django_assert_max_num_queries):
    _judged(audit)
    event = LearningEvent.objects.create(programme=audit.programme, date="2015-11-18", title="Learning event")
    LearningEventAttendance.objects.create(event=event, agency=audit.police, attendees=4)
    lesson_record(programme=audit.programme, area_of_development="Formal supervision needs to be embedded")
    client.force_login(audit.board)

    with django_assert_max_num_queries(25):
        response = client.get(f"/audits/{audit.programme.pk}/overview.pdf")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert reader.pages[0].mediabox.width == 595.28 or round(float(reader.pages[0].mediabox.width)) == 595  # A4
    assert "2 of 3 cases (67%)" in text
    assert "no applicable cases" in text
    assert "Learning event" in text and "West Midlands Police" in text
    assert "Formal supervision needs to be embedded" in text
    assert "Page 1 of" in text


def test_findings_workbook_holds_the_figures_and_is_formula_safe(audit, client, django_assert_max_num_queries):
    audit.s1.text = '=HYPERLINK("http://example.org")'
    audit.s1.save()
    _judged(audit)
    client.force_login(audit.lead)

    with django_assert_max_num_queries(12):
        response = client.get(f"/audits/{audit.programme.pk}/findings.xlsx")

    workbook = load_workbook(BytesIO(response.content))
    rows = list(workbook["By standard"].iter_rows(values_only=True))
    assert rows[0][:5] == ("KLOE", "Standard", "Text", "Met", "Applicable cases")
    s1 = rows[1]
    assert s1[1] == 1 and s1[3:6] == (2, 3, 67)
    assert s1[2] == '=HYPERLINK("http://example.org")'  # as written, stored as text, never run
    assert workbook["By standard"]["C2"].data_type == "s" and workbook["By standard"]["C2"].quotePrefix
    assert rows[3][-1] == "no applicable cases"
    assert {row[0] for row in workbook["By agency"].iter_rows(min_row=2, values_only=True)} == {
        "West Midlands Police",
        "Heart of England NHS Foundation Trust",
    }
