"""The audit trail: an action's history of changes, and the audit log for administrators."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from improvement import audit
from plans import permissions
from plans.views.progress import ActionMixin, ReadOnlyMixin

HISTORY_PAGE_SIZE = 50
AUDIT_LOG_PAGE_SIZE = 50


class ActionHistoryView(ReadOnlyMixin, ActionMixin, TemplateView):
    """Who changed the action's record (text, dates, owners, status), when, from what to what.
    Anyone who can read the action can read its history."""

    template_name = "plans/action/history.html"
    extra_context = {"nav_section": "plans"}

    def get_context_data(self, **kwargs):
        action = self.get_action()
        model = type(action)
        page = Paginator(audit.history_queryset(model).filter(id=action.pk), HISTORY_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            action=action, plan=action.theme.plan, page=page, entries=audit.describe(model, page.object_list), **kwargs
        )


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class AuditLogView(ReadOnlyMixin, TemplateView):
    """Every recorded change to plans, themes, actions, owners, measures and sources, newest first."""

    template_name = "plans/audit/log.html"
    extra_context = {"nav_section": "audit_log"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.is_admin(request.user):
            raise PermissionDenied("Only administrators can read the audit log.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        params = self.request.GET
        models = audit.audited_models()
        model_key = params.get("model", "")
        user_id = params.get("user", "")
        filters = audit.AuditFilter(
            model_key=model_key if model_key in models else "",
            user_id=int(user_id) if user_id.isdigit() else None,
            date_from=_date(params.get("from")),
            date_to=_date(params.get("to")),
        )
        errors = {}
        if params.get("from") and filters.date_from is None:
            errors["from"] = "Enter the start date as a real date, for example 2026-03-31"
        if params.get("to") and filters.date_to is None:
            errors["to"] = "Enter the end date as a real date, for example 2026-03-31"
        page = Paginator(audit.audit_log_rows(filters), AUDIT_LOG_PAGE_SIZE).get_page(params.get("page"))
        query = params.copy()
        query.pop("page", None)
        users = (
            get_user_model()
            .objects.filter(is_active=True)
            .order_by("username")
            .only("id", "username", "first_name", "last_name")
        )
        return super().get_context_data(
            page=page,
            entries=audit.audit_log_entries(list(page.object_list)),
            models=[(key, label) for key, (label, _model) in models.items()],
            users=users,
            filters=filters,
            raw={"from": params.get("from", ""), "to": params.get("to", "")},
            errors=errors,
            filter_query=query.urlencode(),
            **kwargs,
        )
