"""Coordinators' pages for a plan's structure: the plan, its themes, its actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import TemplateView

from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin, without_version
from plans import permissions
from plans.forms.coordination import (
    ActionEditForm,
    ActionForm,
    CloseActionForm,
    PlanEditForm,
    PlanForm,
    ThemeEditForm,
    ThemeForm,
)
from plans.models import Theme
from plans.services import structure
from plans.views.coordination import ActionObjectMixin, CoordinatorButtonView, CoordinatorFormView, PlanObjectMixin


class PlanCreateView(CoordinatorFormView):
    template_name = "plans/plan/form.html"
    form_class = PlanForm
    refusal = "Only admins and coordinators can create a plan."

    def get_plan(self):
        return None

    def allowed(self):
        return permissions.can_create_plan(self.request.user)

    def get_initial(self):
        return {"status": "active"}

    def form_valid(self, form):
        try:
            plan = structure.plan_create(created_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Plan “{plan.title}” created. You are its coordinator.")
        return redirect(plan.get_absolute_url())


class PlanUpdateView(ConcurrentEditViewMixin, PlanObjectMixin, CoordinatorFormView):
    template_name = "plans/plan/form.html"
    form_class = PlanEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_plan()}

    archived_allowed = True  # its edit page is where an archived plan is restored

    def get_initial(self):
        plan = self.get_plan()
        return {
            **{name: getattr(plan, name) for name in structure.PLAN_FIELDS},
            "coordinators": list(plan.coordinators.all()),
            "board_members": list(plan.board_members.all()),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_delete=permissions.is_admin(self.request.user), **kwargs)

    def form_valid(self, form):
        plan = self.get_plan()
        data, version = without_version(form)
        try:
            structure.plan_update(plan=plan, expected_version=version, **data)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(
            self.request,
            "Plan archived: it is read-only and out of My actions and the list of plans, and its board reports stay."
            if plan.status == "archived"
            else "Plan details saved.",
        )
        return redirect(plan.get_absolute_url())


class PlanDeleteView(PlanObjectMixin, TemplateView):
    """An admin deletes a draft or test plan with everything in it, after typing its title."""

    template_name = "plans/plan/delete.html"
    extra_context = {"nav_section": "plans"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.is_admin(request.user):
            raise PermissionDenied("Only administrators can delete a plan.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        return super().get_context_data(plan=plan, contents=selectors_plan_contents(plan), **kwargs)

    def post(self, request, *args, **kwargs):
        plan = self.get_plan()
        title = plan.title
        try:
            structure.plan_delete(plan=plan, confirm_title=request.POST.get("confirm_title", ""))
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(
                    error=error.message_dict["confirm_title"][0], typed=request.POST.get("confirm_title", "")
                )
            )
        messages.success(request, f"Plan “{title}” deleted with everything in it.")
        return redirect("plans:plan_list")


def selectors_plan_contents(plan):
    """What deleting the plan takes with it, counted (a few queries)."""
    from plans.models import Action, Measure, ProgressUpdate

    return [
        ("themes", plan.themes.count()),
        ("actions", Action.objects.for_plan(plan).count()),
        ("progress updates", ProgressUpdate.objects.filter(action__theme__plan=plan).count()),
        ("reporting periods", plan.periods.count()),
        ("measures", Measure.objects.filter(plan=plan).count()),
    ]


class ThemeListView(PlanObjectMixin, CoordinatorFormView):
    """The plan's themes in order, with move up/down buttons, and a form to add one."""

    template_name = "plans/theme/list.html"
    form_class = ThemeForm

    def get_context_data(self, **kwargs):
        themes = list(self.get_plan().themes.select_related("lead").order_by("position", "pk"))
        return super().get_context_data(themes=themes, **kwargs)

    def form_valid(self, form):
        try:
            theme = structure.theme_create(plan=self.get_plan(), **form.cleaned_data)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Theme “{theme}” added.")
        return redirect("plans:theme_list", pk=self.get_plan().pk)


class ThemeObjectMixin:
    def get_theme(self):
        if not hasattr(self, "_theme"):
            self._theme = get_object_or_404(
                Theme.objects.select_related("plan"), pk=self.kwargs["theme_pk"], plan_id=self.kwargs["pk"]
            )
        return self._theme

    def get_plan(self):
        return self.get_theme().plan


class ThemeUpdateView(ConcurrentEditViewMixin, ThemeObjectMixin, CoordinatorFormView):
    template_name = "plans/theme/form.html"
    form_class = ThemeEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_theme()}

    def get_initial(self):
        theme = self.get_theme()
        return {name: getattr(theme, name) for name in structure.THEME_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(theme=self.get_theme(), **kwargs)

    def form_valid(self, form):
        data, version = without_version(form)
        try:
            structure.theme_update(theme=self.get_theme(), expected_version=version, **data)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Theme “{self.get_theme()}” saved.")
        return redirect("plans:theme_list", pk=self.get_plan().pk)


class ThemeMoveView(ThemeObjectMixin, CoordinatorButtonView):
    """POST direction=up|down and the plan's version as the list showed it: a plain form button,
    no JavaScript needed. A move on a list someone else has changed since is refused (409) and the
    list is shown again as it is now, with what they changed."""

    def post(self, request, *args, **kwargs):
        theme = self.get_theme()
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            messages.error(request, "This page was out of date: nothing was moved. Move the theme again.")
            return redirect("plans:theme_list", pk=theme.plan_id)
        try:
            structure.theme_move(theme=theme, direction=request.POST.get("direction"), expected_version=version)
        except ConcurrentEditError as error:
            plan = error.current or theme.plan
            themes = list(plan.themes.select_related("lead").order_by("position", "pk"))
            return render(
                request,
                "plans/theme/list.html",
                {
                    "plan": plan,
                    "themes": themes,
                    "form": ThemeForm(),
                    "edit_conflict": error,
                    "nav_section": "plans",
                },
                status=409,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Theme “{theme}” moved {request.POST['direction']}.")
        return redirect("plans:theme_list", pk=theme.plan_id)


class ActionFormMixin:
    template_name = "plans/action/form.html"
    form_class = ActionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.get_plan(), "action": getattr(self, "_action", None)}

    def service_kwargs(self, data):
        """Create the new role and source the form asked for, and return the service's arguments."""
        owners = list(data["owners"])
        if data["new_owner_title"]:
            owner = structure.owner_ensure(title=data["new_owner_title"], agency=data["new_owner_agency"])
            if owner not in owners:
                owners.append(owner)
        if data["new_source_code"]:
            try:
                structure.source_create(code=data["new_source_code"], title=data["new_source_title"])
            except ValidationError as error:
                raise ValidationError({"new_source_code": error.message_dict.get("code", error.messages)}) from None
        fields = {name: data[name] for name in structure.ACTION_FIELDS if name in data}
        return dict(
            owners=owners,
            source_references=data["parsed_source_references"],
            cross_references=list(data["cross_references"]),
            **fields,
        )

    def saved(self, result, verb):
        for warning in result.warnings:
            messages.warning(self.request, warning)
        messages.success(self.request, f"Action {result.obj.ref or ''} {verb}.".replace("  ", " "))
        return redirect(result.obj.get_absolute_url())


class ActionCreateView(ActionFormMixin, PlanObjectMixin, CoordinatorFormView):
    def get_initial(self):
        theme = self.request.GET.get("theme")
        return {"theme": theme} if theme else {}

    def form_valid(self, form):
        try:
            with transaction.atomic():
                kwargs = self.service_kwargs(form.cleaned_data)
                result = structure.action_create(plan=self.get_plan(), **kwargs)
        except ValidationError as error:
            return self.service_failed(form, error)
        return self.saved(result, "added")


class ActionUpdateView(ConcurrentEditViewMixin, ActionFormMixin, ActionObjectMixin, CoordinatorFormView):
    form_class = ActionEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_action()}

    def get_initial(self):
        action = self.get_action()
        initial = {name: getattr(action, name) for name in structure.ACTION_FIELDS}
        initial.update(
            owners=list(action.owners.all()),
            cross_references=list(action.cross_references.all()),
            source_references="; ".join(str(r) for r in action.source_references.all()),
        )
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_action(), **kwargs)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                kwargs = self.service_kwargs(form.cleaned_data)
                result = structure.action_update(
                    action=self.get_action(),
                    expected_version=form.cleaned_data["version"],
                    due_date_agreed_by=form.cleaned_data.get("due_date_agreed_by", ""),
                    due_date_agreed_on=form.cleaned_data.get("due_date_agreed_on"),
                    changed_by=self.request.user,
                    **kwargs,
                )
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            return self.service_failed(form, error)
        return self.saved(result, "saved")


class ActionCloseView(ConcurrentEditViewMixin, ActionObjectMixin, CoordinatorFormView):
    template_name = "plans/action/close.html"
    form_class = CloseActionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_action()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_action(), **kwargs)

    def form_valid(self, form):
        action = self.get_action()
        data, version = without_version(form)
        try:
            structure.action_close(action=action, expected_version=version, **data)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Action {action.ref} closed as {action.get_status_display().lower()}.")
        return redirect(action.get_absolute_url())
