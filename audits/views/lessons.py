"""The learning log: record lessons, and raise plan actions from them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from audits import permissions, selectors
from audits.forms import LessonForm, RaiseActionForm
from audits.models import AuditProgramme, Lesson
from audits.services.lessons import lesson_action_raise, lesson_record
from audits.views.access import NAV, audit_reader_required, lead_required, programme_visible, read_only
from audits.views.programmes import _apply_errors


@lead_required
def lesson_create(request, pk):
    programme = get_object_or_404(AuditProgramme, pk=pk)
    form = LessonForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            lesson = lesson_record(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Lesson {lesson.number} added to the learning log.")
            return redirect(lesson.get_absolute_url())
    return render(
        request,
        "audits/programme/form.html",
        {
            **NAV,
            "form": form,
            "heading": "Add a lesson to the learning log",
            "programme": programme,
        },
    )


@read_only
@audit_reader_required
def lesson_detail(request, pk):
    try:
        lesson = selectors.lesson_detail(pk=pk)
    except Lesson.DoesNotExist:
        raise Http404("No lesson with that number") from None
    programme_visible(request.user, lesson.programme)
    return render(
        request,
        "audits/lesson/detail.html",
        {
            **NAV,
            "lesson": lesson,
            "actions": list(lesson.actions.all()),
            "is_lead": permissions.is_audit_lead(request.user),
        },
    )


@lead_required
def lesson_raise_action(request, pk):
    lesson = get_object_or_404(Lesson.objects.select_related("programme"), pk=pk)
    themes, owners = selectors.raise_action_choices(user=request.user)
    form = RaiseActionForm(
        request.POST or None,
        themes=themes,
        owners=owners,
        initial={"action_text": lesson.next_steps or lesson.area_of_development},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = lesson_action_raise(lesson=lesson, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Action {action.ref} raised in “{action.theme.plan.title}”.")
            return redirect(lesson.get_absolute_url())
    return render(
        request,
        "audits/programme/form.html",
        {
            **NAV,
            "form": form,
            "heading": f"Raise a plan action from lesson {lesson.number}",
            "submit_label": "Raise the action",
            "programme": lesson.programme,
            "lesson": lesson,
        },
    )
