"""Editing an owner (role): the first edit page protected against lost updates."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView

from plans import permissions
from plans.concurrency import ConcurrentEditError, ConcurrentEditViewMixin
from plans.forms import OwnerForm
from plans.models import Owner
from plans.services.owners import owner_update


class OwnerEditView(ConcurrentEditViewMixin, FormView):
    template_name = "plans/owner/edit.html"
    form_class = OwnerForm
    extra_context = {"nav_section": "admin"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.is_admin(request.user):
            raise PermissionDenied("Only administrators can change owners.")
        self.owner = get_object_or_404(Owner, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.owner}

    def get_context_data(self, **kwargs):
        return super().get_context_data(owner=self.owner, **kwargs)

    def form_valid(self, form):
        # The ModelForm has already copied the typed values onto its instance: start again from
        # the row as loaded so only this service writes.
        owner = Owner.objects.get(pk=self.owner.pk)
        try:
            owner_update(
                owner=owner,
                expected_version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                agency=form.cleaned_data["agency"],
                by=self.request.user,
            )
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        messages.success(self.request, f"Owner “{owner}” saved.")
        return redirect(reverse("plans:owner_edit", args=[owner.pk]))
