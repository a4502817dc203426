"""Reads for board reporting: a period's status rows, the dashboard, the board pack's content.

Every figure for a period comes from one "rows" queryset with the same column names whether
the period is open (live: each action's latest update for the period or an earlier one) or
closed (the ActionSnapshot rows frozen by period_close). See docs/decisions/0002-period-status.md.
The dashboard is a fixed number of aggregate queries, whatever the number of actions or periods.
"""
import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField, CharField, Count, TextField, Exists, ExpressionWrapper, F, Func, IntegerField, Max, OuterRef, Prefetch,
    Q, Subquery, Sum, Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from plans.models import (
    Action, ActionSnapshot, ActionStatus, HighlightReport, Measure, MeasureReading, Owner, ProgressUpdate,
    ReportingPeriod,
)
from plans.querysets import RagSummary
from plans.rag import RAG_ORDER, Rag, rag_from_value

NO_RATING = "none"


# ---------------------------------------------------------------- periods

def plan_periods(*, plan):
    return list(ReportingPeriod.objects.filter(plan=plan).select_related("closed_by").order_by("month"))


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
    """The open period owners report for, else the latest."""
    return current_period_of(periods, today) or (periods[-1] if periods else None)


def previous_period(periods, period):
    earlier = [p for p in periods if p.month < period.month]
    return earlier[-1] if earlier else None


def overdue_as_of(period, today=None):
    """Overdue is judged at the period's end, or today while the period is still running."""
    today = today or timezone.localdate()
    return min(today, period.end)


# ---------------------------------------------------------------- the rows of one period

def _updates_up_to(period, outer="pk"):
    return ProgressUpdate.objects.filter(
        action=OuterRef(outer), period__month__lte=period.month
    ).order_by("-created_at", "-pk")


def _previous_rag(previous):
    if previous is None:
        return Value("", output_field=CharField())
    if previous.closed:
        return Coalesce(
            Subquery(ActionSnapshot.objects.filter(period=previous, action=OuterRef("pk")).values("progress_rag")[:1]),
            Value(""),
        )
    return Coalesce(Subquery(_updates_up_to(previous).values("progress_rag")[:1]), Value(""))


def live_status_rows(*, plan, period, previous=None, today=None):
    """The plan's actions annotated with their status for an open `period`.

    progress_rag / impact_rag / note: of the latest update (by time recorded) attributed to `period`
    or an earlier period; "" when there is none. previous_progress_rag: the same for `previous`
    (its snapshot when it is closed). is_overdue: open, due before overdue_as_of, not Blue.
    is_stale: open, not Blue, no update attributed to `period`.
    """
    updates = _updates_up_to(period)
    previous_rag = _previous_rag(previous)
    as_of = overdue_as_of(period, today)
    not_blue = ~Q(progress_rag=Rag.BLUE)
    return (
        Action.objects.for_plan(plan)
        .annotate(
            row_action_id=F("pk"),
            progress_rag=Coalesce(Subquery(updates.values("progress_rag")[:1]), Value("")),
            impact_rag=Coalesce(Subquery(updates.values("impact_rag")[:1]), Value("")),
            note=Coalesce(Subquery(updates.values("note")[:1]), Value(""), output_field=TextField()),
            latest_update_at=Subquery(updates.values("created_at")[:1]),
            previous_progress_rag=previous_rag,
            updated_in_period=Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period)),
            t_number=F("theme__number"),
            t_title=F("theme__title"),
            t_position=F("theme__position"),
        )
        .annotate(
            is_overdue=ExpressionWrapper(
                Q(status=ActionStatus.OPEN, due_date__isnull=False, due_date__lt=as_of) & not_blue, output_field=BooleanField()
            ),
            is_stale=ExpressionWrapper(
                Q(status=ActionStatus.OPEN, updated_in_period=False) & not_blue, output_field=BooleanField()
            ),
        )
    )


def row_flags(*, status, due_date, progress_rag, updated_in_period, as_of):
    """(is_overdue, is_stale) for one live row: the same rules as live_status_rows' SQL flags."""
    open_not_blue = status == ActionStatus.OPEN and progress_rag != Rag.BLUE
    return (open_not_blue and due_date is not None and due_date < as_of, open_not_blue and not updated_in_period)


def snapshot_rows(*, period):
    """The frozen rows of a closed period, under the same names as live_status_rows."""
    return ActionSnapshot.objects.filter(period=period).annotate(
        row_action_id=F("action_id"),
        t_number=F("theme_number"),
        t_title=F("theme_title"),
        t_position=F("theme_position"),
    )


def status_rows(*, plan, period, periods=None, today=None):
    if period.closed:
        return snapshot_rows(period=period)
    periods = periods if periods is not None else plan_periods(plan=plan)
    return live_status_rows(
        plan=plan, period=period, previous=previous_period(periods, period), today=today
    )


def plan_actions_at(*, plan, period, periods=None, today=None):
    """Actions of the plan as reported for `period`, under the plan page's names (current_progress_rag...).

    Used by the plan page's `period` filter so that a dashboard count links to exactly its actions.
    """
    if period.closed:
        snap = ActionSnapshot.objects.filter(period=period, action=OuterRef("pk"))
        qs = Action.objects.for_plan(plan).filter(Exists(snap)).annotate(
            current_progress_rag=NullIf(Subquery(snap.values("progress_rag")[:1]), Value("")),
            current_impact_rag=NullIf(Subquery(snap.values("impact_rag")[:1]), Value("")),
            latest_note=Subquery(snap.values("note")[:1]),
            latest_update_at=Subquery(snap.values("latest_update_at")[:1]),
            period_overdue=Subquery(snap.values("is_overdue")[:1]),
            period_stale=Subquery(snap.values("is_stale")[:1]),
            period_theme_id=Subquery(snap.values("theme_id")[:1]),
        )
    else:
        rows = status_rows(plan=plan, period=period, periods=periods, today=today)
        qs = rows.annotate(
            current_progress_rag=NullIf(F("progress_rag"), Value("")),
            current_impact_rag=NullIf(F("impact_rag"), Value("")),
            latest_note=F("note"),
            period_overdue=F("is_overdue"),
            period_stale=F("is_stale"),
            period_theme_id=F("theme_id"),
        )
    return qs.select_related("theme").prefetch_related(
        Prefetch("owners", queryset=Owner.objects.order_by("title"))
    ).in_plan_order()


def period_owner_filter(queryset, *, period, owner):
    """Actions owned by `owner` in `period` (as snapshotted when it is closed)."""
    if period.closed:
        return queryset.filter(Exists(ActionSnapshot.objects.filter(period=period, action=OuterRef("pk"), owners=owner)))
    return queryset.filter(owners=owner)


# ---------------------------------------------------------------- the dashboard

def _rag_counts(prefix, field):
    counts = {f"{prefix}{rag.value}": Count("pk", filter=Q(**{field: rag.value})) for rag in RAG_ORDER}
    counts[f"{prefix}total"] = Count("pk")
    return counts


def _summary(values, prefix):
    rows = [(rag, values.get(f"{prefix}{rag.value}") or 0) for rag in RAG_ORDER]
    total = values.get(f"{prefix}total") or 0
    rows.append((None, total - sum(n for _, n in rows)))
    return RagSummary.build(rows, total)


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
class ReportRow:
    """One action as reported for a period (from live data or the snapshot)."""

    action_id: int | None
    ref: str
    action_text: str
    theme_number: str
    theme_title: str
    owners: str
    due_date: datetime.date | None
    status: str
    progress_rag: Rag | None
    impact_rag: Rag | None
    previous_progress_rag: Rag | None
    note: str
    latest_update_at: datetime.datetime | None
    is_overdue: bool
    is_stale: bool
    theme_id: int | None = None
    theme_position: int = 0
    owner_keys: tuple = ()  # ((owner id, title), ...) by title
    due_date_note: str = ""  # "moved from 31 March 2027 by board, 14 December 2026"

    @property
    def movement(self):
        """"completed", "improved", "worsened", "changed" (to or from Grey / no rating) or None."""
        now, before = self.progress_rag, self.previous_progress_rag
        if now == before:
            return None
        if now == Rag.BLUE:
            return "completed"
        if now and before and now.rank and before.rank:
            return "improved" if now.rank > before.rank else "worsened"
        return "changed"

    @property
    def short_text(self):
        text = " ".join(self.action_text.split())
        return text if len(text) <= 120 else text[:117] + "…"


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

    @property
    def frozen(self):
        return self.period.closed

    def rows_by_theme(self):
        groups = []
        for row in self.rows or []:
            label = f"{row.theme_number} {row.theme_title}".strip()
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append(row)
        return groups


def _summary_of(rows):
    """Progress and impact RagSummary of report rows, counted in one pass."""
    progress, impact = {}, {}
    for row in rows:
        progress[row.progress_rag] = progress.get(row.progress_rag, 0) + 1
        impact[row.impact_rag] = impact.get(row.impact_rag, 0) + 1
    total = len(rows)
    return (
        RagSummary.build([(rag, progress.get(rag, 0)) for rag in [*RAG_ORDER, None]], total),
        RagSummary.build([(rag, impact.get(rag, 0)) for rag in [*RAG_ORDER, None]], total),
    )


def _groups(rows, keys_of, order):
    """GroupSummary per key: keys_of(row) gives the row's ((key, label), ...); a row counts once per key."""
    members, labels = {}, {}
    for row in rows:
        for key, label in keys_of(row):
            members.setdefault(key, []).append(row)
            labels[key] = label
    result = []
    for key in sorted(members, key=lambda k: order(k, labels[k], members[k][0])):
        progress, impact = _summary_of(members[key])
        result.append(GroupSummary(key=key, label=labels[key], progress=progress, impact=impact))
    return result


def _theme_keys(row):
    return ((row.theme_id, f"{row.theme_number} {row.theme_title}".strip()),)


def _owner_keys(row):
    return row.owner_keys or ((None, "No owner"),)


def _theme_order(key, label, row):
    return (row.theme_position, key or 0)


def _owner_order(key, label, row):
    return (key is None, label.casefold(), key or 0)  # "No owner" last


def _trend(*, plan, periods, period, current=None):
    """The progress RAG mix of every period up to `period`: at most two queries, whatever their number.

    `current` is `period`'s own progress summary when the caller has it already.
    """
    shown = [p for p in periods if p.month <= period.month]
    closed_ids = [p.pk for p in shown if p.closed]
    open_ids = [p.pk for p in shown if not p.closed and not (current is not None and p.pk == period.pk)]
    counts = {}
    if closed_ids:
        for values in (
            ActionSnapshot.objects.filter(period_id__in=closed_ids).values("period_id")
            .annotate(**_rag_counts("p_", "progress_rag")).order_by()
        ):
            counts[values["period_id"]] = values
    if open_ids:
        latest = ProgressUpdate.objects.filter(
            action=OuterRef("pk"), period__month__lte=OuterRef(OuterRef("month"))
        ).order_by("-created_at", "-pk").values("progress_rag")[:1]
        actions = Action.objects.for_plan(plan).order_by()

        def count_of(qs):
            return Subquery(qs.annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1], output_field=IntegerField())

        annotations = {"p_total": count_of(actions)}
        for rag in RAG_ORDER:
            annotations[f"p_{rag.value}"] = count_of(
                actions.annotate(rag_then=Subquery(latest)).filter(rag_then=rag.value)
            )
        for values in ReportingPeriod.objects.filter(pk__in=open_ids).annotate(**annotations).values("pk", *annotations):
            counts[values["pk"]] = values
    return [
        TrendPoint(period=p, progress=current if current is not None and p.pk == period.pk
                   else _summary(counts.get(p.pk, {}), "p_"))
        for p in shown
    ]


def _snapshot_report_rows(*, period):
    """ReportRows of a closed period from its snapshots, in two lean queries (rows, then owners)."""
    owners = {}
    for snapshot_id, owner_id, title in (
        ActionSnapshot.owners.through.objects.filter(actionsnapshot__period=period)
        .order_by("owner__title", "owner_id").values_list("actionsnapshot_id", "owner_id", "owner__title")
    ):
        owners.setdefault(snapshot_id, []).append((owner_id, title))
    result = []
    for snap in (
        ActionSnapshot.objects.filter(period=period).order_by("theme_position", "position", "pk").values(
            "pk", "action_id", "ref", "action_text", "theme_id", "theme_number", "theme_title", "theme_position",
            "owner_titles", "due_date", "status", "progress_rag", "impact_rag", "previous_progress_rag", "note",
            "latest_update_at", "is_overdue", "is_stale",
        )
    ):
        result.append(ReportRow(
            action_id=snap["action_id"], ref=snap["ref"], action_text=snap["action_text"],
            theme_number=snap["theme_number"], theme_title=snap["theme_title"], owners=snap["owner_titles"],
            due_date=snap["due_date"], status=snap["status"], progress_rag=rag_from_value(snap["progress_rag"]),
            impact_rag=rag_from_value(snap["impact_rag"]),
            previous_progress_rag=rag_from_value(snap["previous_progress_rag"]), note=snap["note"],
            latest_update_at=snap["latest_update_at"], is_overdue=snap["is_overdue"], is_stale=snap["is_stale"],
            theme_id=snap["theme_id"], theme_position=snap["theme_position"],
            owner_keys=tuple(owners.get(snap["pk"], ())),
        ))
    return result


def _live_report_rows(*, plan, period, previous, today=None):
    """ReportRows of an open period in three lean queries: each action with the id of its latest update
    (one subquery a row, rather than one per column), those updates by id, and the owners."""
    as_of = overdue_as_of(period, today)
    actions = list(
        Action.objects.for_plan(plan)
        .annotate(
            latest_id=Subquery(_updates_up_to(period).values("pk")[:1]),
            previous_rag=_previous_rag(previous),
            updated_in_period=Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period)),
        )
        .in_plan_order()
        .values("pk", "ref", "action_text", "theme_id", "theme__number", "theme__title", "theme__position",
                "due_date", "status", "latest_id", "previous_rag", "updated_in_period")
    )
    latest = {
        u["pk"]: u for u in ProgressUpdate.objects.filter(pk__in=[a["latest_id"] for a in actions if a["latest_id"]])
        .values("pk", "progress_rag", "impact_rag", "note", "created_at")
    }
    owners = {}
    for action_id, owner_id, title in (
        Action.owners.through.objects.filter(action__theme__plan=plan).order_by("owner__title", "owner_id")
        .values_list("action_id", "owner_id", "owner__title")
    ):
        owners.setdefault(action_id, []).append((owner_id, title))
    result = []
    for a in actions:
        update = latest.get(a["latest_id"], {})
        progress = update.get("progress_rag", "")
        is_overdue, is_stale = row_flags(
            status=a["status"], due_date=a["due_date"], progress_rag=progress,
            updated_in_period=a["updated_in_period"], as_of=as_of,
        )
        result.append(ReportRow(
            action_id=a["pk"], ref=a["ref"], action_text=a["action_text"], theme_number=a["theme__number"],
            theme_title=a["theme__title"], owners="; ".join(title for _, title in owners.get(a["pk"], ())),
            due_date=a["due_date"], theme_id=a["theme_id"], theme_position=a["theme__position"],
            owner_keys=tuple(owners.get(a["pk"], ())),
            status=a["status"], progress_rag=rag_from_value(progress),
            impact_rag=rag_from_value(update.get("impact_rag", "")),
            previous_progress_rag=rag_from_value(a["previous_rag"]), note=update.get("note", ""),
            latest_update_at=update.get("created_at"), is_overdue=is_overdue, is_stale=is_stale,
        ))
    return result


def measure_statuses(*, plan, period):
    """Each measure of the plan with its readings up to `period`, against milestones and target."""
    readings = MeasureReading.objects.filter(period__month__lte=period.month).select_related("period").order_by(
        "period__month"
    )
    if period.closed and period.closed_at:
        # Frozen: a reading recorded late, after the period closed, never changes what the board read.
        readings = readings.filter(created_at__lte=period.closed_at)
    measures = Measure.objects.filter(plan=plan).prefetch_related(
        "milestones", Prefetch("readings", queryset=readings, to_attr="readings_so_far")
    ).order_by("name")
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
        result.append(MeasureStatus(
            measure=measure, latest=latest, milestones=milestones, next_milestone=next_milestone,
            target_met=measure.is_met(latest.value if latest else None, measure.target),
            milestone_met=measure.is_met(latest.value if latest else None, current_goal.value if current_goal else None),
            trend=trend, readings=readings_so_far,
        ))
    return result


def _note_due_date_moves(rows, *, plan, period):
    """Each row whose due date was moved by the period's end says so, from the latest move (one query)."""
    from plans.models import DueDateChange

    latest = {}
    for change in DueDateChange.objects.filter(
        action__theme__plan=plan, created_at__lte=period.end_datetime
    ).order_by("created_at", "pk"):
        latest[change.action_id] = change
    if not latest:
        return
    for row in rows:
        change = latest.get(row.action_id)
        if change is not None:
            row.due_date_note = change.summary


def review_counts(*, plan, period):
    from plans.selectors_round import review_counts as counts

    return counts(plan=plan, period=period)


def board_dashboard(*, plan, period, periods=None, today=None, all_rows=False):
    """Everything the board reads for one plan and period, in a fixed number of queries.

    With all_rows, also every action's row (for the board pack).
    """
    periods = periods if periods is not None else plan_periods(plan=plan)
    previous = previous_period(periods, period)
    # Every figure is counted in one pass over the period's rows: aggregate queries over the live
    # rows would make the database evaluate each action's latest-update subquery once per figure.
    if period.closed:
        every = _snapshot_report_rows(period=period)
    else:
        every = _live_report_rows(plan=plan, period=period, previous=previous, today=today)
    _note_due_date_moves(every, plan=plan, period=period)
    progress, impact = _summary_of(every)
    by_theme = _groups(every, _theme_keys, _theme_order)
    by_owner = _groups(every, _owner_keys, _owner_order)
    interesting = [
        r for r in every
        if r.progress_rag == Rag.RED or r.is_overdue or r.is_stale or r.progress_rag != r.previous_progress_rag
    ]
    movement = {"completed": [], "improved": [], "worsened": [], "changed": []}
    if previous is not None:
        for row in interesting:
            if row.movement:
                movement[row.movement].append(row)
    highlight = HighlightReport.objects.filter(period=period).first()
    return BoardDashboard(
        plan=plan, period=period, periods=periods, previous=previous,
        progress=progress, impact=impact,
        by_theme=by_theme, by_owner=by_owner, trend=_trend(plan=plan, periods=periods, period=period, current=progress),
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
