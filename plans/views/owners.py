"""Owner roles and who holds them: list, add, edit, reassign."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin
from plans import permissions
from plans.forms.coordination import HoldersForm, OwnerEditForm, OwnerForm, OwnerMergeForm
from plans.models import Action, Owner
from plans.selectors.coordination import owner_list
from plans.services import owners as services
from plans.views.coordination import add_service_errors

CONTEXT = {"nav_section": "owners"}


class OwnersAllowedMixin:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_manage_owners(request.user):
            raise PermissionDenied("Only admins and coordinators manage owner roles.")
        return super().dispatch(request, *args, **kwargs)


class OwnerListView(OwnersAllowedMixin, TemplateView):
    template_name = "plans/owner/list.html"
    extra_context = CONTEXT

    def post(self, request, *args, **kwargs):
        raise PermissionDenied("This page cannot be changed.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(owners=list(owner_list()), **kwargs)


class OwnerCreateView(OwnersAllowedMixin, FormView):
    template_name = "plans/owner/form.html"
    form_class = OwnerForm
    extra_context = CONTEXT

    def form_valid(self, form):
        try:
            owner = services.owner_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Role “{owner}” added. Now choose who holds it.")
        return redirect("plans:owner_edit", pk=owner.pk)


class OwnerEditView(ConcurrentEditViewMixin, OwnersAllowedMixin, TemplateView):
    """Two small forms on one page: the role's name, and who holds it (each posts on its own)."""

    template_name = "plans/owner/edit.html"
    extra_context = CONTEXT

    def get_owner(self):
        if not hasattr(self, "_owner"):
            try:
                self._owner = Owner.objects.prefetch_related("holders").get(pk=self.kwargs["pk"])
            except Owner.DoesNotExist:
                raise Http404("No role with that number") from None
        return self._owner

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_manage_owner(request.user, self.get_owner()):
            raise PermissionDenied("You can change roles that own actions in the plans you coordinate.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        owner = self.get_owner()
        kwargs.setdefault("form", OwnerEditForm(instance=owner, initial={"title": owner.title, "agency": owner.agency}))
        kwargs.setdefault("holders_form", HoldersForm(instance=owner, initial={"holders": list(owner.holders.all())}))
        actions = list(
            Action.objects.filter(owners=owner)
            .select_related("theme__plan")
            .order_by("theme__plan__title", "theme__position", "theme__pk", "position", "pk")
        )
        return super().get_context_data(owner=owner, actions=actions, **kwargs)

    def post(self, request, *args, **kwargs):
        owner = self.get_owner()
        if "holders_submit" in request.POST:
            form = HoldersForm(request.POST, instance=owner)
            if form.is_valid():
                try:
                    added, removed = services.owner_reassign(
                        owner=owner, holders=form.cleaned_data["holders"], expected_version=form.cleaned_data["version"]
                    )
                except ConcurrentEditError as error:
                    return self.edit_conflict(form, error, form_name="holders_form")
                messages.success(request, self._reassigned_message(owner, added, removed))
                return redirect("plans:owner_edit", pk=owner.pk)
            return self.render_to_response(self.get_context_data(holders_form=form))
        form = OwnerEditForm(request.POST, instance=owner)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.owner_update(
                    owner=owner, title=data["title"], agency=data["agency"], expected_version=data["version"]
                )
            except ConcurrentEditError as error:
                return self.edit_conflict(form, error)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Role “{owner}” saved.")
                return redirect("plans:owner_edit", pk=owner.pk)
        return self.render_to_response(self.get_context_data(form=form))

    @staticmethod
    def _reassigned_message(owner, added, removed):
        def names(users):
            return ", ".join(u.get_full_name() or u.get_username() for u in users)

        parts = []
        if added:
            parts.append(f"{names(added)} now {'hold' if len(added) > 1 else 'holds'} the role")
        if removed:
            parts.append(f"{names(removed)} no longer {'hold' if len(removed) > 1 else 'holds'} it")
        if not parts:
            return f"Nothing changed: the holders of “{owner}” are the same."
        return f"“{owner}”: " + "; ".join(parts) + ". Past updates keep their authors."


class OwnerMergeView(OwnersAllowedMixin, FormView):
    """Merge two roles that are the same: actions, holders and history move to the one kept."""

    template_name = "plans/owner/merge.html"
    form_class = OwnerMergeForm
    extra_context = CONTEXT

    def get_initial(self):
        return {key: self.request.GET[key] for key in ("keep", "merge") if self.request.GET.get(key, "").isdigit()}

    def form_valid(self, form):
        keep, merge = form.cleaned_data["keep"], form.cleaned_data["merge"]
        merged = str(merge)
        try:
            moved = services.owner_merge(keep=keep, merge=merge, user=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request, f"“{merged}” merged into “{keep}”: {moved} action{'' if moved == 1 else 's'} moved."
        )
        return redirect("plans:owner_edit", pk=keep.pk)
