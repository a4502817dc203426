"""A case, and the judgement sheet of one agency for it: every standard grouped by KLOE."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from audits import permissions, selectors
from audits.forms import JudgementSheetForm
from audits.models import AuditCase, JudgementStatus
from audits.services.judgements import JudgementSheetConflict, judgements_save
from audits.views.access import NAV, audit_reader_required, case_visible, read_only


def _case(pk):
    try:
        return selectors.case_detail(pk=pk)
    except AuditCase.DoesNotExist:
        raise Http404("No case with that number") from None


@read_only
@audit_reader_required
def case_detail(request, pk):
    case = _case(pk)
    case_visible(request.user, case)
    statuses = selectors.case_agency_statuses(case=case)
    may_judge = {a.pk for a in permissions.agencies_user_may_judge_for(request.user, case)}
    # The audit lead sees every agency's progress; an agency's auditors their own agency's only.
    agencies = [
        {"agency": a, "status": statuses.get(a.pk), "can_enter": a.pk in may_judge}
        for a in case.agencies.all()
        if a.pk in may_judge
    ]
    return render(request, "audits/case/detail.html", {**NAV, "case": case, "agencies": agencies})


@audit_reader_required
def judgement_entry(request, pk, agency_pk):
    case = _case(pk)
    case_visible(request.user, case)
    agency = next((a for a in case.agencies.all() if a.pk == agency_pk), None)
    if agency is None:
        raise Http404("That agency was not involved in this case.")
    can_edit = permissions.can_enter_judgements(request.user, case, agency)
    may_read = request.method in ("GET", "HEAD") and permissions.can_read_judgements(request.user, case, agency)
    if not (can_edit or may_read):
        raise PermissionDenied("You can only enter judgements for your own agency, on cases it was involved in.")
    groups = selectors.judgement_sheet(case=case, agency=agency)
    submitting = request.POST.get("action") == "submit"
    form = JudgementSheetForm(request.POST or None, groups=groups, submitting=submitting)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            judgements_save(
                case=case,
                agency=agency,
                user=request.user,
                entries=form.entries(),
                submit=submitting,
                expected_versions=form.versions(),
            )
        except JudgementSheetConflict as error:
            # Nothing was written: the sheet keeps what was typed, now carrying the current versions.
            groups = selectors.judgement_sheet(case=case, agency=agency)
            form.versions_move_to(row.judgement for _k, rows in groups for row in rows if row.judgement)
            form.add_error(None, str(error))
            conflict = error
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                f"{agency.name}'s judgements for {case.code} {'submitted' if submitting else 'saved as a draft'}.",
            )
            return redirect(case.get_absolute_url())
    judgements = [row.judgement for _k, rows in groups for row in rows if row.judgement]
    return render(
        request,
        "audits/case/judgements.html",
        {
            **NAV,
            "case": case,
            "agency": agency,
            "form": form,
            "can_edit": can_edit,
            "submitted": bool(judgements) and all(j.status == JudgementStatus.SUBMITTED for j in judgements),
            "result_hints": {"not_met": "Say why below."},
            "edit_conflict": conflict,
        },
        status=409 if conflict else 200,
    )
