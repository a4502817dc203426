"""Shared pieces of the coordinators' pages: loading the plan, refusing who may not edit,
and handing a service's ValidationError back to the form."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.views import View
from django.views.generic import FormView

from plans import permissions
from plans.models import Action, Plan


def add_service_errors(form, error: ValidationError):
    """Show a service's errors on the fields they name, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class CoordinatorsOnlyMixin:
    """Only the plan's coordinators and admins get past dispatch: 403 for anyone else, whatever the
    method, before anything is read from the request body. Views name their plan in get_plan()."""

    refusal = "Only the plan's coordinators can change it."
    archived_allowed = False  # an archived plan is read-only: only its edit page (to restore it) opens

    def archived(self):
        return getattr(self.get_plan(), "status", "") == "archived" and not self.archived_allowed

    def get_plan(self):
        raise NotImplementedError

    def allowed(self):
        return permissions.coordinates(self.request.user, self.get_plan())

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed():
            raise PermissionDenied(self.refusal)
        if request.user.is_authenticated and self.archived():
            raise PermissionDenied("This plan is archived and read-only. Restore it on its edit page to change it.")
        return super().dispatch(request, *args, **kwargs)


class CoordinatorFormView(CoordinatorsOnlyMixin, FormView):
    """A form only the plan's coordinators and admins may see or submit."""

    extra_context = {"nav_section": "plans"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.get_plan(), **kwargs)

    def service_failed(self, form, error):
        add_service_errors(form, error)
        return self.form_invalid(form)


class CoordinatorButtonView(CoordinatorsOnlyMixin, View):
    """A button on a coordinator's page (close a period, move a theme, remove a milestone): the plan's
    coordinators and admins POST to it; anyone else gets 403 whatever the method, and a GET from
    those allowed answers 405."""

    http_method_names = ["post"]


class PlanObjectMixin:
    def get_plan(self):
        if not hasattr(self, "_plan"):
            try:
                self._plan = Plan.objects.get(pk=self.kwargs["pk"])
            except Plan.DoesNotExist:
                raise Http404("No plan with that number") from None
        return self._plan


class ActionObjectMixin:
    def get_action(self):
        if not hasattr(self, "_action"):
            try:
                self._action = (
                    Action.objects.select_related("theme__plan")
                    .prefetch_related("owners", "cross_references", "source_references__source")
                    .get(pk=self.kwargs["pk"])
                )
            except Action.DoesNotExist:
                raise Http404("No action with that number") from None
        return self._action

    def get_plan(self):
        return self.get_action().theme.plan
