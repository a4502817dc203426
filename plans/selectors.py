"""Composed reads for one page each; they return querysets or plain data, never render."""
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from plans import permissions
from plans.querysets import pick_current_period
from plans.models import Action, Owner, Plan, ProgressUpdate, ReportingPeriod, SourceReference


def current_period(plan, today=None):
    return ReportingPeriod.objects.current_for(plan, today or timezone.localdate())


def current_periods(*, plans, today):
    """{plan id: the open period owners report for}, for many plans in one query (see current_for)."""
    by_plan = {}
    for period in ReportingPeriod.objects.filter(plan__in=plans, closed=False).order_by("plan_id", "month"):
        by_plan.setdefault(period.plan_id, []).append(period)
    return {plan_id: pick_current_period(periods, today) for plan_id, periods in by_plan.items()}


def plan_actions(*, plan):
    """The plan's actions in plan order with current RAGs, owners and sources loaded."""
    return (
        Action.objects.for_plan(plan)
        .with_current_rag()
        .select_related("theme")
        .prefetch_related(
            Prefetch("owners", queryset=Owner.objects.order_by("title")),
        )
        .in_plan_order()
    )


@dataclass
class MyActionsPage:
    actions: list
    to_update: list
    periods: dict


def my_actions(*, user, today=None):
    """The actions of the user's roles, with their latest update, split by whether this period is done."""
    today = today or timezone.localdate()
    periods = current_periods(plans=permissions.plans_visible_to(user), today=today)
    actions = list(
        Action.objects.owned_by_user(user)
        .published()
        .open()
        .with_current_rag()
        .select_related("theme__plan")
        .prefetch_related("owners")
        .annotate_latest_period()
        .in_plan_order()
    )
    for action in actions:
        period = periods.get(action.theme.plan_id)
        action.reporting_period = period
        action.updated_this_period = bool(period and action.latest_update_period_id == period.pk)
    to_update = [a for a in actions if not a.updated_this_period and a.current_progress_rag != "B"]
    return MyActionsPage(actions=actions, to_update=to_update, periods=periods)


def action_detail(*, pk):
    return (
        Action.objects.with_current_rag()
        .select_related("theme__plan", "theme__lead")
        .prefetch_related(
            "owners__holders",
            Prefetch("source_references", queryset=SourceReference.objects.select_related("source")),
            "cross_references",
            "measures",
            Prefetch("updates", queryset=ProgressUpdate.objects.select_related("author", "period")),
            Prefetch("lessons", queryset=_lessons_with_programme()),
        )
        .get(pk=pk)
    )


def _lessons_with_programme():
    from audits.models import Lesson

    return Lesson.objects.select_related("programme")


def plan_list(*, user):
    return permissions.plans_visible_to(user).prefetch_related("themes").order_by("title")


def plan_with_themes(*, pk):
    return Plan.objects.prefetch_related(Prefetch("themes", queryset=_themes_with_lead())).get(pk=pk)


def _themes_with_lead():
    from plans.models import Theme

    return Theme.objects.select_related("lead").order_by("position", "pk")
