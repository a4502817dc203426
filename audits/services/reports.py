"""The case audit overview report as a PDF (WeasyPrint), in the style of the board pack."""

from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from audits import selectors
from improvement.pdf import pdf_from_html


def overview_context(*, programme):
    from plans.models import Action

    findings = selectors.findings(programme=programme)
    detail = selectors.programme_detail(pk=programme.pk)
    single_agency_actions = []
    if programme.single_agency_plan_id:
        single_agency_actions = list(
            Action.objects.for_plan(programme.single_agency_plan)
            .with_current_rag()
            .select_related("theme")
            .prefetch_related("owners")
            .in_plan_order()
        )
    lessons = list(
        programme.lessons.prefetch_related(Prefetch("actions", queryset=Action.objects.with_current_rag())).order_by(
            "number"
        )
    )
    return {
        "programme": detail,
        "findings": findings,
        "lessons": lessons,
        "single_agency_actions": single_agency_actions,
        "generated_at": timezone.localtime(),
        "organisation_name": settings.ORGANISATION_NAME,
    }


def overview_pdf(*, programme):
    """Return the PDF bytes of the overview report: findings, learning event, lessons, agency actions."""
    html = render_to_string("audits/programme/overview_pdf.html", overview_context(programme=programme))
    return pdf_from_html(html=html)
