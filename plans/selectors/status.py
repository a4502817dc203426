"""The status of an action in a reporting period: the one read model every page reads.

`status_rows(*, plan, period, as_of)` gives one `StatusRow` per action of the plan: its progress and
impact RAG, the previous period's progress RAG, the latest note, theme, owners and the overdue and
"no update this period" (stale) flags. The rules are stated once, in the small functions below; the
plan page and its filters, My actions, reminders, the dashboard and its drill-downs, the board packs
read these rows, and closing a period stores exactly these rows as its snapshot (ActionSnapshot),
which is what a closed period then reads back. See docs/decisions/0002-period-status.md.
"""

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, CharField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from plans.models import Action, ActionSnapshot, ActionStatus, ProgressUpdate, ReportingPeriod
from plans.models.actions import ref_with_theme, shorten
from plans.rag import Rag, rag_from_value

# ---------------------------------------------------------------- the rules


def overdue_as_of(period, today=None):
    """The day overdue is judged on: the period's end, or today while the period is still running
    (today when there is no period)."""
    today = today or timezone.localdate()
    return today if period is None else min(today, period.end)


def is_overdue(*, status, due_date, progress_rag, as_of):
    """Open, not Blue (completed), and due before `as_of` (due that day is not overdue)."""
    return status == ActionStatus.OPEN and progress_rag != Rag.BLUE and due_date is not None and due_date < as_of


def is_stale(*, status, progress_rag, updated_in_period):
    """Open, not Blue, and no update attributed to the period ("no update this period")."""
    return status == ActionStatus.OPEN and progress_rag != Rag.BLUE and not updated_in_period


def movement(progress_rag, previous_progress_rag):
    """ "completed", "improved", "worsened", "changed" (to or from Grey / no rating) or None."""
    now, before = progress_rag, previous_progress_rag
    if now == before:
        return None
    if now == Rag.BLUE:
        return "completed"
    if now and before and now.rank and before.rank:
        return "improved" if now.rank > before.rank else "worsened"
    return "changed"


def overdue_condition(*, as_of):
    """is_overdue in SQL, over a status query's fields (see StatusQuery)."""
    return Q(status=ActionStatus.OPEN, due_date__lt=as_of) & ~Q(progress_rag=Rag.BLUE)


def stale_condition():
    """is_stale in SQL, over a status query's fields (see StatusQuery)."""
    return Q(status=ActionStatus.OPEN, updated_in_period=False) & ~Q(progress_rag=Rag.BLUE)


# How many periods running an impact rating short of Green may stand still before an action making
# progress (Blue or Green) is listed as "progress without impact".
IMPACT_STILL_PERIODS = 3
ON_TRACK = (Rag.BLUE, Rag.GREEN)


def progress_without_impact(*, progress_rag, impact_rag, earlier_impact_rags=()):
    """Why an action is making progress without impact, or "" (the board's challenge list).

    Its progress is Blue or Green and either its impact is Amber or Red, or its impact, short of
    Green or Blue (Grey, or no impact rating), has not moved for IMPACT_STILL_PERIODS periods: the
    same in this period and in each of the periods before it (`earlier_impact_rags`: the impact
    as reported for the periods before this one, the latest first, up to a period in which the action
    had no row: an action younger than IMPACT_STILL_PERIODS periods is never "still").
    """
    if progress_rag not in ON_TRACK:
        return ""
    if impact_rag in (Rag.AMBER, Rag.RED):
        return f"Impact {impact_rag.label} while progress is {progress_rag.label}"
    if impact_rag in ON_TRACK:
        return ""
    earlier = list(earlier_impact_rags)[: IMPACT_STILL_PERIODS - 1]
    if len(earlier) == IMPACT_STILL_PERIODS - 1 and all(rag == impact_rag for rag in earlier):
        rating = impact_rag.label if impact_rag else "No impact rating"
        return f"{rating} for {IMPACT_STILL_PERIODS} periods while progress is {progress_rag.label}"
    return ""


# ---------------------------------------------------------------- the read model


@dataclass(frozen=True)
class StatusRow:
    """One action as reported for a period (live while the period is open, its snapshot once closed)."""

    action_id: int | None
    ref: str
    action_text: str
    theme_id: int | None
    theme_number: str
    theme_title: str
    theme_position: int
    position: int
    owners: str  # titles joined with "; ", by title
    owner_keys: tuple  # ((owner id, title), ...) by title
    due_date: datetime.date | None
    status: str
    progress_rag: Rag | None
    impact_rag: Rag | None
    previous_progress_rag: Rag | None
    note: str
    latest_update_at: datetime.datetime | None
    is_overdue: bool
    is_stale: bool
    updated_in_period: bool | None = None  # None for a closed period's frozen rows
    due_date_note: str = ""  # "moved from 31 March 2027 by board, 14 December 2026"
    without_impact: str = ""  # why it is "progress without impact" (set by progress_without_impact_rows)

    @property
    def movement(self):
        return movement(self.progress_rag, self.previous_progress_rag)

    @property
    def moved(self):
        return self.progress_rag != self.previous_progress_rag

    @property
    def owner_ids(self):
        return {key for key, _ in self.owner_keys}

    @property
    def theme_label(self):
        return f"{self.theme_number} {self.theme_title}".strip()

    @property
    def ref_with_theme(self):
        return ref_with_theme(self.ref, self.theme_number, self.theme_title)

    @property
    def short_text(self):
        """As the dashboard and board pack lists show it."""
        return shorten(self.action_text, 120)

    @property
    def list_text(self):
        """As the plan page's table shows it (Action.short_text)."""
        return shorten(self.action_text)


# ---------------------------------------------------------------- the one function


def status_rows(*, plan, period, as_of=None, now=False, periods=None, frozen=None, action_ids=None):
    """Every action of `plan` as reported for `period`, in plan order (list of StatusRow).

    A closed period reads the rows stored when it closed. An open one is computed from live data:
    each action's latest update (by time recorded) attributed to `period` or an earlier period, the
    previous period's progress RAG (its snapshot when closed), and the rules above with overdue
    judged on overdue_as_of(period, as_of). With no period: each action's latest update, every open
    action not Blue counts as not updated. With `now` (the plan page's "now", My actions): each
    action's latest update of all (one recorded when no period was open included), overdue judged on
    `as_of` itself, "not updated" still meaning in `period`. `periods` (the plan's periods, in month order) saves a
    query; `frozen=False` computes a closed period from live data (used to write its snapshot);
    `action_ids` keeps the rows of those actions only.
    """
    if now:
        return _live_rows(
            plan=plan,
            period=period,
            as_of=as_of or timezone.localdate(),
            periods=periods,
            action_ids=action_ids,
            latest_of_all=True,
        )
    frozen = period is not None and period.closed if frozen is None else frozen
    if frozen:
        return _snapshot_rows(period=period, action_ids=action_ids)
    return _live_rows(
        plan=plan, period=period, as_of=overdue_as_of(period, as_of), periods=periods, action_ids=action_ids
    )


def _previous_period(*, plan, period, periods):
    if periods is None:
        return ReportingPeriod.objects.filter(plan=plan, month__lt=period.month).order_by("-month").first()
    earlier = [p for p in periods if p.month < period.month]
    return earlier[-1] if earlier else None


def _updates_up_to(period, outer="pk"):
    """The updates of OuterRef(outer) attributed to `period` or an earlier one, latest first."""
    updates = ProgressUpdate.objects.filter(action=OuterRef(outer))
    if period is not None:
        updates = updates.filter(period__month__lte=period.month)
    return updates.order_by("-created_at", "-pk")


def _previous_rag(previous):
    if previous is None:
        return Value("", output_field=CharField())
    if previous.closed:
        return Coalesce(
            Subquery(ActionSnapshot.objects.filter(period=previous, action=OuterRef("pk")).values("progress_rag")[:1]),
            Value(""),
        )
    return Coalesce(Subquery(_updates_up_to(previous).values("progress_rag")[:1]), Value(""))


def _live_rows(*, plan, period, as_of, periods, action_ids=None, latest_of_all=False):
    """Three lean queries whatever the plan's size: each action with the id of its latest update (one
    subquery a row, rather than one per column), those updates by id, and the owners."""
    previous = None if period is None or latest_of_all else _previous_period(plan=plan, period=period, periods=periods)
    updated = (
        Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period))
        if period is not None
        else Value(False)
    )
    actions = Action.objects.for_plan(plan)
    links = Action.owners.through.objects.filter(action__theme__plan=plan)
    if action_ids is not None:
        actions, links = actions.filter(pk__in=action_ids), links.filter(action_id__in=action_ids)
    actions = list(
        actions.annotate(
            latest_id=Subquery(_updates_up_to(None if latest_of_all else period).values("pk")[:1]),
            previous_rag=_previous_rag(previous),
            updated_in_period=updated,
        )
        .in_plan_order()
        .values(
            "pk",
            "ref",
            "action_text",
            "theme_id",
            "theme__number",
            "theme__title",
            "theme__position",
            "position",
            "due_date",
            "status",
            "latest_id",
            "previous_rag",
            "updated_in_period",
        )
    )
    latest = {
        u["pk"]: u
        for u in ProgressUpdate.objects.filter(pk__in=[a["latest_id"] for a in actions if a["latest_id"]]).values(
            "pk", "progress_rag", "impact_rag", "note", "created_at"
        )
    }
    owners = {}
    for action_id, owner_id, title in links.order_by("owner__title", "owner_id").values_list(
        "action_id", "owner_id", "owner__title"
    ):
        owners.setdefault(action_id, []).append((owner_id, title))
    result = []
    for a in actions:
        update = latest.get(a["latest_id"], {})
        progress = rag_from_value(update.get("progress_rag", ""))
        keys = tuple(owners.get(a["pk"], ()))
        result.append(
            StatusRow(
                action_id=a["pk"],
                ref=a["ref"],
                action_text=a["action_text"],
                theme_id=a["theme_id"],
                theme_number=a["theme__number"],
                theme_title=a["theme__title"],
                theme_position=a["theme__position"],
                position=a["position"],
                owners="; ".join(title for _, title in keys),
                owner_keys=keys,
                due_date=a["due_date"],
                status=a["status"],
                progress_rag=progress,
                impact_rag=rag_from_value(update.get("impact_rag", "")),
                previous_progress_rag=rag_from_value(a["previous_rag"]),
                note=update.get("note", ""),
                latest_update_at=update.get("created_at"),
                is_overdue=is_overdue(status=a["status"], due_date=a["due_date"], progress_rag=progress, as_of=as_of),
                is_stale=is_stale(status=a["status"], progress_rag=progress, updated_in_period=a["updated_in_period"]),
                updated_in_period=bool(a["updated_in_period"]),
            )
        )
    return result


def _snapshot_rows(*, period, action_ids=None):
    """The rows stored when `period` closed (of `action_ids` only, if given), in two lean queries
    (rows, then owners)."""
    snapshots = ActionSnapshot.objects.filter(period=period)
    if action_ids is not None:
        snapshots = snapshots.filter(action_id__in=action_ids)
    return list(_snapshot_rows_by_pk(snapshots).values())


def _snapshot_rows_by_pk(snapshots):
    """{snapshot id: StatusRow} for the snapshots (of one period), in plan order."""
    links = ActionSnapshot.owners.through.objects.filter(actionsnapshot__in=snapshots.values("pk"))
    owners = {}
    for snapshot_id, owner_id, title in links.order_by("owner__title", "owner_id").values_list(
        "actionsnapshot_id", "owner_id", "owner__title"
    ):
        owners.setdefault(snapshot_id, []).append((owner_id, title))
    return {
        snap["pk"]: StatusRow(
            action_id=snap["action_id"],
            ref=snap["ref"],
            action_text=snap["action_text"],
            theme_id=snap["theme_id"],
            theme_number=snap["theme_number"],
            theme_title=snap["theme_title"],
            theme_position=snap["theme_position"],
            position=snap["position"],
            owners=snap["owner_titles"],
            owner_keys=tuple(owners.get(snap["pk"], ())),
            due_date=snap["due_date"],
            status=snap["status"],
            progress_rag=rag_from_value(snap["progress_rag"]),
            impact_rag=rag_from_value(snap["impact_rag"]),
            previous_progress_rag=rag_from_value(snap["previous_progress_rag"]),
            note=snap["note"],
            latest_update_at=snap["latest_update_at"],
            is_overdue=snap["is_overdue"],
            is_stale=snap["is_stale"],
        )
        for snap in snapshots.order_by("theme_position", "position", "pk").values(
            "pk",
            "action_id",
            "ref",
            "action_text",
            "theme_id",
            "theme_number",
            "theme_title",
            "theme_position",
            "position",
            "owner_titles",
            "due_date",
            "status",
            "progress_rag",
            "impact_rag",
            "previous_progress_rag",
            "note",
            "latest_update_at",
            "is_overdue",
            "is_stale",
        )
    }


# ---------------------------------------------------------------- the same rows as a query


class StatusQuery:
    """The rows status_rows gives (same arguments), as a database query to filter, order, count and
    slice, so that a page of a plan of any size counts its rows in SQL and reads only those it shows.

    Filters (keyword lookups) and orderings name the rows' fields: action_id, theme (an id), owners
    (an id), theme_position, position, due_date, status, progress_rag and impact_rag ("" for no
    rating), is_overdue and is_stale. A closed period's query reads its snapshot, whose rows store
    them; an open period's (or now's) computes them from live data, the flags with overdue_condition
    and stale_condition, the rules above written in SQL, each only when a filter or the ordering
    names it. Slicing gives StatusRows, built by status_rows itself for the rows in the slice; ties in
    an ordering keep the rows' plan order, as a stable sort of status_rows would.
    """

    # What each computed field of a live row needs computed first.
    _NEEDS = {"is_overdue": ("progress_rag",), "is_stale": ("progress_rag", "updated_in_period")}

    def __init__(self, *, plan, period, as_of=None, now=False, periods=None):
        self.plan, self.period, self.now, self.periods = plan, period, now, periods
        self.frozen = period is not None and period.closed and not now
        if now:
            self.as_of = as_of or timezone.localdate()
        else:
            self.as_of = overdue_as_of(period, as_of)
        if self.frozen:
            self.plan_order = ("theme_position", "position", "pk")
        else:
            self.plan_order = ("theme__position", "theme__pk", "position", "pk")
        self.filters = ()
        self.ordering = ()
        self.empty = False

    def _live_field(self, name):
        """The SQL of one computed field of a live row (None for the Action's own fields)."""
        latest = _updates_up_to(None if self.now else self.period)
        if name == "action_id":
            return F("pk")
        if name == "theme_position":
            return F("theme__position")
        if name in ("progress_rag", "impact_rag"):
            return Coalesce(Subquery(latest.values(name)[:1]), Value(""))
        if name == "updated_in_period":
            if self.period is None:
                return Value(False)
            return Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=self.period))
        if name == "is_overdue":
            return ExpressionWrapper(overdue_condition(as_of=self.as_of), output_field=BooleanField())
        if name == "is_stale":
            return ExpressionWrapper(stale_condition(), output_field=BooleanField())
        return None

    def _queryset(self, ordered=False):
        ordering = self._ordering_terms() if ordered else []
        if self.frozen:
            queryset = ActionSnapshot.objects.filter(period=self.period)
        else:
            queryset = Action.objects.for_plan(self.plan)
            named = [key.split("__")[0] for lookups in self.filters for key in lookups]
            named += [field.lstrip("-") for field in self.ordering] if ordered else []
            added = set()
            for name in named:
                for needed in (*self._NEEDS.get(name, ()), name):
                    expression = None if needed in added else self._live_field(needed)
                    if expression is not None:
                        queryset = queryset.alias(**{needed: expression})
                        added.add(needed)
        for lookups in self.filters:
            queryset = queryset.filter(**lookups)
        if self.empty:
            queryset = queryset.none()
        return queryset.order_by(*ordering, *self.plan_order) if ordered else queryset

    def _ordering_terms(self):
        terms = []
        for field in self.ordering:
            name = field.lstrip("-")
            terms.append(F(name).desc(nulls_last=True) if field.startswith("-") else F(name).asc(nulls_first=True))
        return terms

    def _clone(self, **changes):
        clone = object.__new__(StatusQuery)
        clone.__dict__.update(self.__dict__)
        clone.__dict__.pop("_count", None)
        clone.__dict__.update(changes)
        return clone

    def filter(self, **lookups):
        return self._clone(filters=(*self.filters, lookups))

    def none(self):
        return self._clone(empty=True)

    def order_by(self, *fields):
        """Order by the rows' fields ("-due_date" descending); no rating and no date come first
        ascending and last descending, as they do when status rows are sorted in Python."""
        return self._clone(ordering=tuple(fields))

    def count(self):
        if not hasattr(self, "_count"):
            self._count = self._queryset().count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        return self._rows(list(self._queryset(ordered=True).values_list("pk", flat=True)[key]))

    def __iter__(self):
        return iter(self._rows(list(self._queryset(ordered=True).values_list("pk", flat=True))))

    def _rows(self, ids):
        if not ids:
            return []
        if self.frozen:
            rows = _snapshot_rows_by_pk(ActionSnapshot.objects.filter(period=self.period, pk__in=ids))
        else:
            rows = {
                row.action_id: row
                for row in status_rows(
                    plan=self.plan,
                    period=self.period,
                    as_of=self.as_of,
                    now=self.now,
                    periods=self.periods,
                    action_ids=ids,
                )
            }
        return [rows[pk] for pk in ids]

    def all_rows(self):
        """Every row of the plan, unfiltered (what status_rows gives)."""
        if self.frozen:
            return _snapshot_rows(period=self.period)
        return status_rows(plan=self.plan, period=self.period, as_of=self.as_of, now=self.now, periods=self.periods)


# ---------------------------------------------------------------- progress without impact, for rows


def earlier_impact_rags(*, plan, period, periods=None, action_ids=None, count=IMPACT_STILL_PERIODS - 1):
    """{action id: (impact RAG of the period before `period`, of the one before that, ...)}: the
    `count` periods before `period`, each as reported for it (a closed period's snapshot, an open
    one's live status). One query when those periods are closed (the usual case)."""
    if period is None or count <= 0:
        return {}
    if periods is None:
        earlier = list(ReportingPeriod.objects.filter(plan=plan, month__lt=period.month).order_by("-month")[:count])
    else:
        earlier = [p for p in reversed(periods) if p.month < period.month][:count]
    found = {}  # (action id, period id) -> impact RAG
    closed = [p.pk for p in earlier if p.closed]
    if closed:
        snapshots = ActionSnapshot.objects.filter(period_id__in=closed, action__isnull=False)
        if action_ids is not None:
            snapshots = snapshots.filter(action_id__in=action_ids)
        for action_id, period_id, impact in snapshots.values_list("action_id", "period_id", "impact_rag"):
            found[(action_id, period_id)] = rag_from_value(impact)
    for p in earlier:
        if not p.closed:
            for row in _live_rows(plan=plan, period=p, as_of=overdue_as_of(p), periods=periods, action_ids=action_ids):
                found[(row.action_id, p.pk)] = row.impact_rag
    result = {}
    for action_id in {action_id for action_id, _ in found}:
        rags = []
        for p in earlier:  # latest first, up to a period in which the action had no row
            if (action_id, p.pk) not in found:
                break
            rags.append(found[(action_id, p.pk)])
        result[action_id] = tuple(rags)
    return result


def progress_without_impact_rows(rows, *, plan, period, periods=None):
    """The status rows (of `plan` for `period`) that show progress without impact, each with its reason
    (StatusRow.without_impact), in the rows' order. At most one query."""
    candidates = [row for row in rows if row.progress_rag in ON_TRACK]
    # Only an impact short of Green and not Amber or Red needs the periods before.
    still = any(row.impact_rag not in (*ON_TRACK, Rag.AMBER, Rag.RED) for row in candidates)
    earlier = earlier_impact_rags(plan=plan, period=period, periods=periods) if still else {}
    result = []
    for row in candidates:
        reason = progress_without_impact(
            progress_rag=row.progress_rag,
            impact_rag=row.impact_rag,
            earlier_impact_rags=earlier.get(row.action_id, ()),
        )
        if reason:
            result.append(dataclasses.replace(row, without_impact=reason))
    return result
