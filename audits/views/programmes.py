"""Programme pages and set-up: programmes, KLOEs, standards, agencies and cases."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from audits import permissions, selectors
from audits.forms import (
    AgencyForm,
    CaseForm,
    KloeForm,
    LearningEventForm,
    ProgrammeForm,
    ProgrammeStatusForm,
    StandardForm,
)
from audits.models import Agency, AuditProgramme
from audits.services import setup
from audits.views.access import (
    NAV,
    audit_reader_required,
    edit_conflict_keep,
    lead_required,
    programme_visible,
    read_only,
)
from improvement.concurrency import ConcurrentEditError


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for e in errors:
                form.add_error(field if field in form.fields else None, e)
    else:
        form.add_error(None, error)


@read_only
@audit_reader_required
def programme_list(request):
    return render(
        request,
        "audits/programme/list.html",
        {
            **NAV,
            "programmes": list(permissions.visible_programmes(request.user, selectors.programme_list())),
            "is_lead": permissions.is_audit_lead(request.user),
        },
    )


@read_only
@audit_reader_required
def programme_detail(request, pk):
    try:
        programme = selectors.programme_detail(pk=pk)
    except AuditProgramme.DoesNotExist:
        from django.http import Http404

        raise Http404("No audit programme with that number") from None
    programme_visible(request.user, programme)
    agency = permissions.user_agency(request.user)
    cases = list(programme.cases.all())
    standards = sum(len(kloe.standards.all()) for kloe in programme.kloes.all())
    for case in cases:
        case.expected_total = standards * len(case.agencies.all())  # one judgement per standard and agency
        case.can_open = permissions.can_view_case(request.user, case)
        case.my_agencies = permissions.agencies_user_may_judge_for(request.user, case)
    if not (permissions.is_audit_lead(request.user) or permissions.is_audit_board_reader(request.user)):
        cases = [case for case in cases if case.can_open]  # an agency's auditors: its own cases
    return render(
        request,
        "audits/programme/detail.html",
        {
            **NAV,
            "programme": programme,
            "cases": cases,
            "my_agency": agency,
            "is_lead": permissions.is_audit_lead(request.user),
        },
    )


@lead_required
def programme_create(request):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = setup.programme_create(
                title=data["title"],
                organisation=data["organisation"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                priorities=data["priorities"].splitlines(),
                copy_from=data["copy_from"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Programme “{programme.title}” created.")
            return redirect(programme.get_absolute_url())
    return render(request, "audits/programme/form.html", {**NAV, "form": form, "heading": "New audit programme"})


def _programme_form_view(request, pk, form_class, heading, save, with_programme=True):
    programme = get_object_or_404(AuditProgramme, pk=pk)
    kwargs = {"programme": programme} if with_programme else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            message = save(programme, form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, message)
            if "add_another" in request.POST:
                return redirect(request.path)
            return redirect(programme.get_absolute_url())
    return render(
        request,
        "audits/programme/form.html",
        {
            **NAV,
            "form": form,
            "heading": heading,
            "programme": programme,
            "add_another": True,
        },
    )


@lead_required
def kloe_create(request, pk):
    def save(programme, data):
        kloe = setup.kloe_create(programme=programme, **data)
        return f"KLOE {kloe.number} added."

    return _programme_form_view(request, pk, KloeForm, "Add a key line of enquiry", save, with_programme=False)


@lead_required
def standard_create(request, pk):
    def save(programme, data):
        standard = setup.standard_create(**data)
        return f"Standard {standard.number} added."

    return _programme_form_view(request, pk, StandardForm, "Add a standard", save)


@lead_required
def case_create(request, pk):
    def save(programme, data):
        case = setup.case_create(programme=programme, **data)
        return f"Case {case.code} added."

    return _programme_form_view(request, pk, CaseForm, "Add a case", save)


@lead_required
def agency_list(request):
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = setup.agency_create(**form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Agency “{agency.name}” added.")
            return redirect("audits:agency_list")
    return render(request, "audits/agency/list.html", {**NAV, "form": form, "agencies": list(Agency.objects.all())})


@lead_required
def learning_event_create(request, pk):
    programme = get_object_or_404(AuditProgramme, pk=pk)
    form = LearningEventForm(request.POST or None, agencies=Agency.objects.all())
    if request.method == "POST" and form.is_valid():
        data, attendance = form.cleaned_data, form.attendance()
        setup.learning_event_record(
            programme=programme, title=data["title"], date=data["date"], summary=data["summary"], attendance=attendance
        )
        messages.success(
            request, f"Learning event recorded: {sum(attendance.values())} attended from {len(attendance)} agencies."
        )
        return redirect(programme.get_absolute_url())
    return render(
        request,
        "audits/programme/form.html",
        {
            **NAV,
            "form": form,
            "heading": "Record the learning event",
            "programme": programme,
        },
    )


@lead_required
def programme_status(request, pk):
    programme = get_object_or_404(AuditProgramme, pk=pk)
    form = ProgrammeStatusForm(request.POST or None, instance=programme, initial={"status": programme.status})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            setup.programme_status_set(
                programme=programme,
                status=form.cleaned_data["status"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ConcurrentEditError as error:
            conflict = edit_conflict_keep(form, error)
        else:
            messages.success(request, f"“{programme.title}” is now {programme.get_status_display().lower()}.")
            return redirect(programme.get_absolute_url())
    return render(
        request,
        "audits/programme/form.html",
        {
            **NAV,
            "form": form,
            "heading": "Change the programme's status",
            "programme": programme,
            "edit_conflict": conflict,
        },
        status=409 if conflict else 200,
    )
