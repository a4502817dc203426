"""Findings of a programme: page, Excel workbook and the overview report PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from audits import selectors
from audits.models import AuditProgramme
from audits.services.exporting import findings_workbook
from audits.services.reports import overview_pdf
from audits.views.access import NAV, audit_reader_required, programme_visible, read_only


def _programme(request, pk):
    try:
        programme = AuditProgramme.objects.get(pk=pk)
    except AuditProgramme.DoesNotExist:
        raise Http404("No audit programme with that number") from None
    programme_visible(request.user, programme)
    return programme


@read_only
@audit_reader_required
def findings(request, pk):
    programme = _programme(request, pk)
    return render(
        request,
        "audits/findings/detail.html",
        {
            **NAV,
            "programme": programme,
            "findings": selectors.findings(programme=programme),
        },
    )


@read_only
@audit_reader_required
def findings_excel(request, pk):
    programme = _programme(request, pk)
    content = findings_workbook(findings=selectors.findings(programme=programme))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="audit-findings-{programme.pk}.xlsx"'
    return response


@read_only
@audit_reader_required
def overview_report(request, pk):
    programme = _programme(request, pk)
    response = HttpResponse(overview_pdf(programme=programme), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="audit-overview-{programme.pk}.pdf"'
    return response
