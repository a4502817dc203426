"""Reads for an owner's work: the open period, My actions and one action's page."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from plans import permissions
from plans.models import Action, ProgressUpdate, ReportingPeriod, SourceReference
from plans.querysets import pick_current_period
from plans.selectors.status import status_rows


def current_period(plan, today=None):
    return ReportingPeriod.objects.current_for(plan, today or timezone.localdate())


def current_periods(*, plans, today):
    """{plan id: the open period owners report for}, for many plans in one query (see current_for)."""
    by_plan = {}
    for period in ReportingPeriod.objects.filter(plan__in=plans, closed=False).order_by("plan_id", "month"):
        by_plan.setdefault(period.plan_id, []).append(period)
    return {plan_id: pick_current_period(periods, today) for plan_id, periods in by_plan.items()}


@dataclass
class MyActionsPage:
    actions: list
    to_update: list
    periods: dict


def my_actions(*, user, today=None):
    """The open actions of the user's roles, each with its status row for its plan's current period
    (action.status_row), split by whether that period's update is still to come (the stale rule)."""
    today = today or timezone.localdate()
    periods = current_periods(plans=permissions.plans_visible_to(user), today=today)
    actions = list(
        Action.objects.owned_by_user(user)
        .published()
        .open()
        .exclude(theme__plan__status="archived")
        .select_related("theme__plan")
        .in_plan_order()
    )
    by_plan = {}
    for action in actions:
        by_plan.setdefault(action.theme.plan, []).append(action.pk)
    rows = {}
    for plan, action_ids in by_plan.items():
        for row in status_rows(plan=plan, period=periods.get(plan.pk), as_of=today, now=True, action_ids=action_ids):
            rows[row.action_id] = row
    for action in actions:
        action.reporting_period = periods.get(action.theme.plan_id)
        action.status_row = rows[action.pk]
    to_update = [a for a in actions if a.status_row.is_stale]
    return MyActionsPage(actions=actions, to_update=to_update, periods=periods)


def action_with_plan(*, pk):
    """The action with its theme and plan: what a page about the action needs beyond its own reads
    (its history of changes, the update form, a comment)."""
    return Action.objects.select_related("theme__plan").get(pk=pk)


def action_detail(*, pk):
    """The action with everything its page shows. Its current RAGs, note and time (as
    ActionQuerySet.with_current_rag names them) are those of the latest of its updates, read from the
    updates fetched for the page rather than computed again."""
    action = (
        Action.objects.select_related("theme__plan", "theme__lead")
        .prefetch_related(
            "owners__holders",
            Prefetch("source_references", queryset=SourceReference.objects.select_related("source")),
            "cross_references",
            "measures",
            Prefetch("updates", queryset=ProgressUpdate.objects.select_related("author", "period", "late_for")),
            Prefetch("lessons", queryset=_lessons_with_programme()),
        )
        .get(pk=pk)
    )
    latest = next(iter(action.updates.all()), None)  # ProgressUpdate orders latest first
    action.current_progress_rag = latest.progress_rag if latest else None
    action.current_impact_rag = latest.impact_rag if latest else None
    action.latest_note = latest.note if latest else None
    action.latest_update_at = latest.created_at if latest else None
    return action


def _lessons_with_programme():
    """Lessons from case audits that raised the action (the audits app links them; plans only reads
    the reverse relation, so it never imports audits)."""
    return Action._meta.get_field("lessons").related_model.objects.select_related("programme")
