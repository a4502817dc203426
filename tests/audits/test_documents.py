"""The audit overview PDF and the findings workbook as a screen reader's tools read them."""

from django.template.loader import render_to_string

from audits.models import LearningEvent, LearningEventAttendance
from audits.services.lessons import lesson_record
from audits.services.reports import overview_context
from tests.audits.test_reports import _judged
from tests.documents import assert_accessible_pdf, assert_navigable_workbook, chart_descriptions, html_caption_count


def test_overview_pdf_is_tagged_with_headings_in_order_and_captioned_tables(audit, client):
    _judged(audit)
    event = LearningEvent.objects.create(programme=audit.programme, date="2015-11-18", title="Learning event")
    LearningEventAttendance.objects.create(event=event, agency=audit.police, attendees=4)
    lesson_record(programme=audit.programme, area_of_development="Formal supervision needs to be embedded")
    client.force_login(audit.board)

    response = client.get(f"/audits/{audit.programme.pk}/overview.pdf")
    html = render_to_string("audits/programme/overview_pdf.html", overview_context(programme=audit.programme))

    s = assert_accessible_pdf(
        response.content, title=f"{audit.programme.title}: overview report", html_captions=html_caption_count(html)
    )
    h2 = [title for tag, title in s.headings if tag == "H2"]
    assert h2 == [
        "Findings by key line of enquiry and standard",
        "Findings by agency",
        "Learning event",
        "Learning log",
        "Single-agency improvement plan",
    ]
    assert [tag for tag, _ in s.headings][:3] == ["H1", "H2", "H3"]  # each KLOE under the findings
    assert all(title.startswith("KLOE ") for tag, title in s.headings if tag == "H3")
    assert s.tags.count("Caption") >= 4


def test_findings_workbook_is_navigable_with_its_chart_described(audit, client):
    _judged(audit)
    client.force_login(audit.lead)
    response = client.get(f"/audits/{audit.programme.pk}/findings.xlsx")

    assert_navigable_workbook(
        response.content,
        title=f"{audit.programme.title}: findings",
        sheets=["By standard", "By KLOE", "By agency", "Judgements by agency"],
    )
    [description] = chart_descriptions(response.content)
    assert description.startswith("Bar chart of the percentage of applicable cases that met")
    assert "gives the same figures" in description
