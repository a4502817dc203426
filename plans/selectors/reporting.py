"""Reads for board reporting: a period's status rows, the dashboard, the board pack's content.

Every figure for a period is counted from its status rows (plans.selectors.status.status_rows: live
while the period is open, the rows frozen by period_close once closed). See
docs/decisions/0002-period-status.md. The dashboard is a fixed number of queries, whatever the
number of actions or periods.
"""

import dataclasses
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, Sum
from django.utils import timezone

from plans.models import (
    ActionSnapshot,
    HighlightReport,
    Measure,
    MeasureReading,
    Owner,
    ReportingPeriod,
)
from plans.querysets import RagSummary
from plans.rag import Rag, rag_from_value
from plans.selectors.status import StatusRow, overdue_as_of, status_rows  # noqa: F401 - overdue_as_of, StatusRow read from here too

# The rows of the dashboard's lists and the board pack are the period's status rows.
ReportRow = StatusRow

NO_RATING = "none"


# ---------------------------------------------------------------- periods


def plan_periods(*, plan):
    """The plan's periods in month order (who closed each is not read on any page: not joined)."""
    return list(ReportingPeriod.objects.filter(plan=plan).order_by("month"))


def period_by_slug(periods, slug):
    """The period of `periods` whose slug ("YYYY-MM") is `slug`, or None."""
    for period in periods:
        if period.slug == slug:
            return period
    return None


def current_period_of(periods, today=None):
    """Of a plan's periods (in month order), the open one owners report for (see
    ReportingPeriodQuerySet.current_for), or None."""
    from plans.querysets import pick_current_period

    return pick_current_period([p for p in periods if not p.closed], today or timezone.localdate())


def default_period(periods, today=None):
    """The period the board reads next: a closed period whose board meeting is still to come (its
    figures are final, and that meeting reads them), else the open period owners report for, else
    the latest."""
    today = today or timezone.localdate()
    awaiting = [p for p in periods if p.closed and p.board_meeting_date and p.board_meeting_date >= today]
    if awaiting:
        return min(awaiting, key=lambda p: p.board_meeting_date)
    return current_period_of(periods, today) or (periods[-1] if periods else None)


def previous_period(periods, period):
    earlier = [p for p in periods if p.month < period.month]
    return earlier[-1] if earlier else None


# ---------------------------------------------------------------- the dashboard


@dataclass
class GroupSummary:
    key: object  # theme or owner id, None for "no owner"
    label: str
    progress: RagSummary
    impact: RagSummary


@dataclass
class TrendPoint:
    period: ReportingPeriod
    progress: RagSummary


@dataclass
class MeasureStatus:
    measure: Measure
    latest: MeasureReading | None
    milestones: list
    next_milestone: object
    target_met: bool | None
    milestone_met: bool | None
    trend: str  # "better", "worse", "same", "" (no earlier reading)
    readings: list = field(default_factory=list)  # every reading up to the period, oldest first


@dataclass
class BoardDashboard:
    plan: object
    period: ReportingPeriod
    periods: list
    previous: ReportingPeriod | None
    progress: RagSummary
    impact: RagSummary
    by_theme: list
    by_owner: list
    trend: list
    movement: dict = field(default_factory=dict)
    red: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    highlight: HighlightReport | None = None
    rows: list | None = None  # every action, for the board pack
    reviews: object = None  # the coordinators' review of the period's updates (selectors_round.ReviewCounts)

    def rows_by_theme(self):
        groups = []
        for row in self.rows or []:
            label = f"{row.theme_number} {row.theme_title}".strip()
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append(row)
        return groups


def rag_summary(rows):
    """(progress, impact) RagSummary of status rows, counted in one pass."""
    progress, impact = {}, {}
    for row in rows:
        progress[row.progress_rag] = progress.get(row.progress_rag, 0) + 1
        impact[row.impact_rag] = impact.get(row.impact_rag, 0) + 1
    return RagSummary.from_counts(progress), RagSummary.from_counts(impact)


def _groups(rows, keys_of, order):
    """GroupSummary per key: keys_of(row) gives the row's ((key, label), ...); a row counts once per key."""
    members, labels = {}, {}
    for row in rows:
        for key, label in keys_of(row):
            members.setdefault(key, []).append(row)
            labels[key] = label
    result = []
    for key in sorted(members, key=lambda k: order(k, labels[k], members[k][0])):
        progress, impact = rag_summary(members[key])
        result.append(GroupSummary(key=key, label=labels[key], progress=progress, impact=impact))
    return result


def _theme_keys(row):
    return ((row.theme_id, row.theme_label),)


def _owner_keys(row):
    return row.owner_keys or ((None, "No owner"),)


def _theme_order(key, label, row):
    return (row.theme_position, key or 0)


def _owner_order(key, label, row):
    return (key is None, label.casefold(), key or 0)  # "No owner" last


def _trend(*, plan, periods, period, current=None):
    """The progress RAG mix of every period up to `period`.

    Closed periods are counted from their snapshots in one grouped query; an open one (other than
    `period`, whose summary `current` the caller has already) from its status rows.
    """
    shown = [p for p in periods if p.month <= period.month]
    closed_ids = [p.pk for p in shown if p.closed]
    counts = {}
    if closed_ids:
        for period_id, rag, n in (
            ActionSnapshot.objects.filter(period_id__in=closed_ids)
            .values_list("period_id", "progress_rag")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            counts.setdefault(period_id, {})[rag_from_value(rag)] = n
    points = []
    for p in shown:
        if current is not None and p.pk == period.pk:
            summary = current
        elif p.closed:
            summary = RagSummary.from_counts(counts.get(p.pk, {}))
        else:
            summary = rag_summary(status_rows(plan=plan, period=p, periods=periods))[0]
        points.append(TrendPoint(period=p, progress=summary))
    return points


def measure_statuses(*, plan, period):
    """Each measure of the plan with its readings up to `period`, against milestones and target."""
    readings = (
        MeasureReading.objects.filter(period__month__lte=period.month)
        .select_related("period")
        .order_by("period__month")
    )
    if period.closed and period.closed_at:
        # Frozen: a reading recorded late, after the period closed, never changes what the board read.
        readings = readings.filter(created_at__lte=period.closed_at)
    measures = (
        Measure.objects.filter(plan=plan)
        .prefetch_related("milestones", Prefetch("readings", queryset=readings, to_attr="readings_so_far"))
        .order_by("name")
    )
    result = []
    for measure in measures:
        readings_so_far = measure.readings_so_far
        latest = readings_so_far[-1] if readings_so_far else None
        earlier = readings_so_far[-2] if len(readings_so_far) > 1 else None
        milestones = list(measure.milestones.all())
        upcoming = [m for m in milestones if m.due_date >= period.month]
        due = [m for m in milestones if m.due_date < period.month]
        next_milestone = upcoming[0] if upcoming else None
        current_goal = due[-1] if due else next_milestone
        trend = ""
        if latest and earlier:
            if latest.value == earlier.value:
                trend = "same"
            else:
                trend = "better" if measure.is_met(latest.value, earlier.value) else "worse"
        elif latest and measure.baseline is not None and latest.value != measure.baseline:
            trend = "better" if measure.is_met(latest.value, measure.baseline) else "worse"
        result.append(
            MeasureStatus(
                measure=measure,
                latest=latest,
                milestones=milestones,
                next_milestone=next_milestone,
                target_met=measure.is_met(latest.value if latest else None, measure.target),
                milestone_met=measure.is_met(
                    latest.value if latest else None, current_goal.value if current_goal else None
                ),
                trend=trend,
                readings=readings_so_far,
            )
        )
    return result


def _note_due_date_moves(rows, *, plan, period):
    """The rows, each whose due date was moved by the period's end saying so from the latest move
    (one query)."""
    from plans.models import DueDateChange

    latest = {}
    for change in DueDateChange.objects.filter(action__theme__plan=plan, created_at__date__lte=period.end).order_by(
        "created_at", "pk"
    ):
        latest[change.action_id] = change
    if not latest:
        return rows
    return [
        dataclasses.replace(row, due_date_note=latest[row.action_id].summary) if row.action_id in latest else row
        for row in rows
    ]


def review_counts(*, plan, period):
    from plans.selectors.round import review_counts as counts

    return counts(plan=plan, period=period)


def board_dashboard(*, plan, period, periods=None, today=None, all_rows=False):
    """Everything the board reads for one plan and period, in a fixed number of queries.

    With all_rows, also every action's row (for the board pack).
    """
    periods = periods if periods is not None else plan_periods(plan=plan)
    previous = previous_period(periods, period)
    # Every figure is counted in one pass over the period's rows: aggregate queries over the live
    # rows would make the database evaluate each action's latest-update subquery once per figure.
    every = status_rows(plan=plan, period=period, as_of=today, periods=periods)
    progress, impact = rag_summary(every)
    every = _note_due_date_moves(every, plan=plan, period=period)
    by_theme = _groups(every, _theme_keys, _theme_order)
    by_owner = _groups(every, _owner_keys, _owner_order)
    interesting = [r for r in every if r.progress_rag == Rag.RED or r.is_overdue or r.is_stale or r.moved]
    movement = {"completed": [], "improved": [], "worsened": [], "changed": []}
    if previous is not None:
        for row in interesting:
            if row.movement:
                movement[row.movement].append(row)
    highlight = HighlightReport.objects.filter(period=period).first()
    return BoardDashboard(
        plan=plan,
        period=period,
        periods=periods,
        previous=previous,
        progress=progress,
        impact=impact,
        by_theme=by_theme,
        by_owner=by_owner,
        trend=_trend(plan=plan, periods=periods, period=period, current=progress),
        movement=movement,
        red=[r for r in interesting if r.progress_rag == Rag.RED],
        overdue=[r for r in interesting if r.is_overdue],
        stale=[r for r in interesting if r.is_stale],
        measures=measure_statuses(plan=plan, period=period),
        highlight=highlight,
        rows=every if all_rows else None,
        reviews=review_counts(plan=plan, period=period),
    )


def owners_stamp():
    """A value that changes whenever an owner (role) is added, renamed or removed.

    A closed period's figures are frozen, but its by-owner table names the owners as they are now
    (as the board pack does): the stamp is part of the key its cached figures are kept under."""
    figures = Owner.objects.aggregate(n=Count("id"), versions=Sum("version"), last=Max("id"))
    return f"{figures['n']}-{figures['versions'] or 0}-{figures['last'] or 0}"
