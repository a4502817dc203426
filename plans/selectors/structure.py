"""Reads for a plan's structure: the plans a user may read, a plan with its themes."""

from django.db.models import Prefetch

from plans import permissions
from plans.models import Plan, Theme


def plan_list(*, user, archived=False):
    """The plans the user may read: archived ones only when asked for."""
    plans = permissions.plans_visible_to(user).prefetch_related("themes").order_by("title")
    return plans.filter(status="archived") if archived else plans.exclude(status="archived")


def plan_with_themes(*, pk):
    return Plan.objects.prefetch_related(Prefetch("themes", queryset=_themes_with_lead())).get(pk=pk)


def _themes_with_lead():
    return Theme.objects.select_related("lead").order_by("position", "pk")
