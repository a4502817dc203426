"""The board dashboard, counted by the database.

Every figure of a period is counted in one grouped query over the plan's actions (an open period,
from its live status) or over its snapshots (a closed one): the actions are grouped by everything
the status rules read (progress and impact RAG, the previous period's progress RAG, the impact of
the two periods before, overdue and "no update" or what they are judged from), and the rules of
plans.selectors.status (movement, is_overdue, is_stale, progress_without_impact) are applied once per
group in Python. So the rules are stated once, the database makes one pass, and only the counts
come back: nothing the page reads grows with the plan but the numbers.

A list of actions (Red, overdue, ..., completed, improved) fetches only the rows it shows: the
first `limit` of each group, in plan order (a window function), then those rows' status
(status_rows(action_ids=...)). Its "See all" link goes to the plan page filtered alike.
"""

import dataclasses
import datetime
import functools
import json
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat

from plans.models import (
    Action,
    ActionSnapshot,
    DueDateChange,
    HighlightReport,
    PeriodFigures,
    ProgressUpdate,
    Theme,
)
from plans.querysets import RagSummary
from plans.rag import Rag, rag_from_value
from plans.selectors.status import (
    IMPACT_STILL_PERIODS,
    ON_TRACK,
    is_overdue,
    is_stale,
    movement,
    overdue_as_of,
    progress_without_impact,
    progress_without_impact_rows,
    status_rows,
)

# No row for the action in an earlier period (it was added later): never "the same impact".
MISSING = "-"

RAG_COLUMNS = ("progress_rag", "impact_rag")

# The lists the dashboard can show, each a rule over a group's key.
LISTS = {
    "red": "Red: needs the board's attention",
    "overdue": "Overdue",
    "stale": "No update this period",
    "without_impact": "Progress without impact",
    "completed": "Completed",
    "improved": "Improved",
    "worsened": "Worsened",
    "changed": "Other changes (to or from Grey or no rating)",
}
EXCEPTIONS = ("red", "overdue", "stale", "without_impact")
MOVEMENTS = ("completed", "improved", "worsened", "changed")


@dataclass(frozen=True)
class StatusGroup:
    """Actions sharing everything the status rules read, and how many there are."""

    theme_id: int | None
    progress: Rag | None
    impact: Rag | None
    previous: Rag | None
    earlier_impacts: tuple  # impact of the periods before, latest first (periods with no row left out)
    overdue: bool
    stale: bool
    n: int
    fields: tuple = ()  # the group's values as the database gave them (to fetch its rows)

    def lists(self, *, has_previous):
        """The dashboard lists its actions are on."""
        result = set()
        if self.progress == Rag.RED:
            result.add("red")
        if self.overdue:
            result.add("overdue")
        if self.stale:
            result.add("stale")
        if progress_without_impact(
            progress_rag=self.progress, impact_rag=self.impact, earlier_impact_rags=self.earlier_impacts
        ):
            result.add("without_impact")
        moved = movement(self.progress, self.previous) if has_previous else None
        if moved:
            result.add(moved)
        return result


@dataclass
class Figures:
    """A period's figures: the RAG mix, the list counts, by theme (drawn from the groups when read)."""

    progress: RagSummary
    impact: RagSummary
    counts: dict  # list name -> number of actions
    groups: list = field(default_factory=list)

    @functools.cached_property
    def by_theme(self):
        """{theme id: (progress RagSummary, impact RagSummary)}."""
        themes = {}
        for g in self.groups:
            theme = themes.setdefault(g.theme_id, ({}, {}))
            theme[0][g.progress] = theme[0].get(g.progress, 0) + g.n
            theme[1][g.impact] = theme[1].get(g.impact, 0) + g.n
        return {key: (RagSummary.from_counts(p), RagSummary.from_counts(i)) for key, (p, i) in themes.items()}


def _earlier(periods, period, count=IMPACT_STILL_PERIODS - 1):
    return [p for p in reversed(periods) if p.month < period.month][:count]


def _pair(progress, impact):
    return Concat(Coalesce(progress, Value("")), Value("|"), Coalesce(impact, Value("")), output_field=CharField())


def _status_in(period, outer, periods=None):
    """ "progress|impact" of OuterRef(outer) as reported for `period`, in one lookup: a closed
    period's snapshot (MISSING when the action had none), an open one's latest update up to it."""
    if period.closed:
        rows = ActionSnapshot.objects.filter(period=period, action=OuterRef(outer))
        return Coalesce(Subquery(rows.order_by().values(pair=_pair("progress_rag", "impact_rag"))[:1]), Value(MISSING))
    # The plan's periods up to `period` by id (a short list): the same updates as
    # period__month__lte, without a join to the periods for every update looked at.
    up_to = [p.pk for p in periods if p.month <= period.month] if periods is not None else None
    updates = ProgressUpdate.objects.filter(action=OuterRef(outer))
    updates = (
        updates.filter(period_id__in=up_to) if up_to is not None else updates.filter(period__month__lte=period.month)
    )
    return Coalesce(
        Subquery(updates.order_by("-created_at", "-pk").values(pair=_pair("progress_rag", "impact_rag"))[:1]),
        Value("|"),
    )


def _split(pair):
    """(progress, impact) Rags of a "progress|impact" value, (None, None) for MISSING."""
    if pair == MISSING:
        return None, None
    progress, _, impact = pair.partition("|")
    return rag_from_value(progress), rag_from_value(impact)


def _tables():
    quote = connection.ops.quote_name
    return (quote(m._meta.db_table) for m in (ProgressUpdate, ActionSnapshot, Action, Theme))


def _up_to_sql(period, periods, params):
    """ "%s, %s, ..." for the ids of the plan's periods up to `period` (a short list: the same updates
    as period__month__lte, without a join to the periods for every update looked at)."""
    ids = [q.pk for q in periods if q.month <= period.month]
    params.extend(ids)
    return ", ".join(["%s"] * len(ids))


def _earlier_sql(p, columns, alias, outer, periods, params):
    """`columns` (progress_rag and/or impact_rag, joined "|" when both) of the action `outer` (an SQL
    column) as reported for the earlier period `p`: a closed period's snapshot (MISSING when the
    action had none), an open one's latest update (empty values when it had none: an action always
    has a row in an open period)."""
    update, snapshot, _, _ = _tables()
    value = " || '|' || ".join(f"{alias}.{column}" for column in columns)
    if p.closed:
        params.append(p.pk)
        return (
            f"COALESCE((SELECT {value} FROM {snapshot} {alias} "  # noqa: S608
            f"WHERE {alias}.action_id = {outer} AND {alias}.period_id = %s), '{MISSING}')"
        )
    return (
        f"COALESCE((SELECT {value} FROM {update} {alias} "  # noqa: S608
        f"WHERE {alias}.action_id = {outer} AND {alias}.period_id IN ({_up_to_sql(p, periods, params)}) "
        f"ORDER BY {alias}.created_at DESC, {alias}.id DESC LIMIT 1), '{'|' * (len(columns) - 1)}')"
    )


def _may_be_still_sql(progress, impact, params):
    """SQL true when progress_without_impact would read the earlier impacts: progress on track while
    impact is short of Green and not Amber or Red."""
    still = ON_TRACK + (Rag.AMBER, Rag.RED)
    params.extend(rag.value for rag in (*ON_TRACK, *still))
    return (
        f"{progress} IN ({', '.join(['%s'] * len(ON_TRACK))}) "
        f"AND COALESCE({impact}, '') NOT IN ({', '.join(['%s'] * len(still))})"
    )


def _open_rows_sql(*, plan, period, periods, earlier, as_of):
    """One row an action of `plan` for the open `period`, as plain SQL and its parameters: (id, theme
    id, progress, impact, e0 progress, e0 impact, e1..., status, due_passed, updated, theme position,
    position, id), where e0 is the previous period and e1... the impact of those before it.

    Each action's latest update up to the period is found by one index lookup, as the lean floor
    finds its RAGs; the previous period's RAGs (e0) are joined from its snapshots (by one more lookup
    when it is still open). The rest is looked up only for the
    actions whose figures read it: the impact of the periods before the previous one (e1...) only
    when progress is on track while impact is short of Green and not Amber or Red (the only case
    progress_without_impact reads them; MISSING otherwise), and whether the action has an update in
    the period only when its latest update is not one (stale)."""
    update, snapshot, action, theme = _tables()
    params = []
    previous_join, previous_params = "", []
    # The RAGs are read as stored, one column each: grouping by them costs less than by a "p|i" pair.
    columns = ["a.id", "a.theme_id", "u.progress_rag", "u.impact_rag"]
    for n, p in enumerate(earlier):
        if n == 0 and p.closed:
            # Every action reads the previous period's snapshot: joined (cheaper than a lookup a row).
            # Both NULL when the action had none (MISSING).
            columns.extend(["e0.progress_rag", "e0.impact_rag"])
            previous_join = f" LEFT JOIN {snapshot} e0 ON e0.action_id = a.id AND e0.period_id = %s"
            previous_params.append(p.pk)
            continue
        if n == 0:
            columns.extend(_earlier_sql(p, (column,), "e0", "a.id", periods, params) for column in RAG_COLUMNS)
            continue
        condition = _may_be_still_sql("u.progress_rag", "u.impact_rag", params)
        rag = _earlier_sql(p, ("impact_rag",), f"e{n}", "a.id", periods, params)
        columns.append(f"CASE WHEN {condition} THEN {rag} ELSE '{MISSING}' END")
    columns.append("a.status")
    columns.append("CASE WHEN a.due_date < %s THEN 1 ELSE 0 END")
    params.append(as_of)
    columns.append(
        f"CASE WHEN u.period_id = %s THEN 1 WHEN EXISTS (SELECT 1 FROM {update} x "  # noqa: S608
        f"WHERE x.action_id = a.id AND x.period_id = %s) THEN 1 ELSE 0 END"
    )
    params.extend([period.pk, period.pk])
    columns.extend(["a.theme_position", "a.position", "a.id"])
    select = ", ".join(columns)
    actions = (
        f"SELECT b.id, b.theme_id, b.status, b.due_date, b.position, t.position AS theme_position"  # noqa: S608
        f"{{latest}} FROM {action} b JOIN {theme} t ON b.theme_id = t.id WHERE t.plan_id = %s"
    )
    # The parameters follow the SQL's order: the select list above, then the plan and the latest-update
    # lookup (PostgreSQL) or the latest-update lookup and the plan (SQLite), then the previous period.
    if connection.vendor == "postgresql":
        # A LATERAL join reads the latest update's row straight from the index lookup. (Joined by
        # id, as below, PostgreSQL hashes every update of the plan to probe it 1,000 times.)
        params.append(plan.pk)
        sql = (
            f"SELECT {select} FROM ({actions.format(latest='')}) a LEFT JOIN LATERAL ("  # noqa: S608 - table names from the models; values are parameters
            f"SELECT l.period_id, l.progress_rag, l.impact_rag FROM {update} l "
            f"WHERE l.action_id = a.id AND l.period_id IN ({_up_to_sql(period, periods, params)}) "
            f"ORDER BY l.created_at DESC, l.id DESC LIMIT 1) u ON TRUE{previous_join}"
        )
        return sql, params + previous_params
    latest = (
        f", (SELECT l.id FROM {update} l WHERE l.action_id = b.id "  # noqa: S608
        f"AND l.period_id IN ({_up_to_sql(period, periods, params)}) "
        f"ORDER BY l.created_at DESC, l.id DESC LIMIT 1) AS latest_id"
    )
    sql = (
        f"SELECT {select} FROM ({actions.format(latest=latest)}) a "  # noqa: S608
        f"LEFT JOIN {update} u ON u.id = a.latest_id{previous_join}"
    )
    params.append(plan.pk)
    return sql, params + previous_params


def _closed_rows_sql(*, period, periods, earlier):
    """One row a snapshot of the closed `period`, as plain SQL and its parameters: (action id, theme
    id, now, prev, e0, e1..., is_overdue, is_stale, theme position, position, snapshot id).

    The earlier periods' impacts (e0, e1...) are looked up only where progress_without_impact reads
    them, as for the open period (MISSING otherwise)."""
    _, snapshot, _, _ = _tables()
    params = []
    columns = [
        "s.action_id",
        "s.theme_id",
        "COALESCE(s.progress_rag, '') || '|' || COALESCE(s.impact_rag, '')",
        "COALESCE(s.previous_progress_rag, '')",
    ]
    for n, p in enumerate(earlier):
        condition = _may_be_still_sql("s.progress_rag", "s.impact_rag", params)
        columns.append(
            f"CASE WHEN {condition} THEN {_earlier_sql(p, RAG_COLUMNS, f'e{n}', 's.action_id', periods, params)} "
            f"ELSE '{MISSING}' END"
        )
    columns.extend(["s.is_overdue", "s.is_stale", "s.theme_position", "s.position", "s.id"])
    params.append(period.pk)
    return f"SELECT {', '.join(columns)} FROM {snapshot} s WHERE s.period_id = %s", params  # noqa: S608 - table names from the models; values are parameters


def _frozen_fields(n_earlier):
    """The key of a closed period's group: its RAGs, the previous progress, the earlier impacts, and
    overdue and stale as frozen in its snapshots."""
    return ("now", "prev", *(f"e{n}" for n in range(n_earlier)), "is_overdue", "is_stale")


def _rules(fields, earlier):
    """The layout of a group's key, as PeriodFigures.rules records it: its fields and the earlier
    periods they read."""
    return f"1|{','.join(fields)}|{','.join(str(p.pk) for p in earlier)}"


class _Source:
    """The rows a period's figures are counted from (its snapshots once closed, else the plan's
    actions), each annotated with its group's key: `fields`, read back by `group()`."""

    def __init__(self, *, plan, period, periods, today=None):
        self.plan, self.period, self.periods = plan, period, periods
        earlier_all = [p for p in periods if p.month < period.month]
        self.previous = earlier_all[-1] if earlier_all else None
        self.earlier = _earlier(periods, period)  # latest first; earlier[0] is the previous period
        self.frozen = period.closed
        self.as_of = None if self.frozen else overdue_as_of(period, today)  # a closed period's is in its snapshots
        if self.frozen:
            self.fields = _frozen_fields(len(self.earlier))
        else:
            previous = ("e0_progress", "e0_impact") if self.earlier else ()
            earlier = (f"e{n}" for n in range(1, len(self.earlier)))
            self.fields = ("progress", "impact", *previous, *earlier, "status", "due_passed", "updated")
        self.order = ("theme_position", "position", "pk")
        self._read = {}  # a key's values -> what group() reads from them

    def group(self, theme_id, values, n=0):
        """A StatusGroup from one row's key (`values`: the values of self.fields, in order). The same
        key recurs in every theme: it is read once."""
        values = tuple(values)
        read = self._read.get(values)
        if read is None:
            read = self._read[values] = self._read_key(values)
        return StatusGroup(theme_id=theme_id, n=n, fields=values, **read)

    def _read_key(self, values):
        key = dict(zip(self.fields, values))
        if self.frozen:
            progress, impact = _split(key["now"])
            earlier = self._earlier_impacts(key, (f"e{i}" for i in range(len(self.earlier))), pairs=True)
            previous = rag_from_value(key["prev"])
            overdue, stale = key["is_overdue"], key["is_stale"]
        else:
            progress, impact = rag_from_value(key["progress"]), rag_from_value(key["impact"])
            previous, earlier = None, []
            if self.earlier and key["e0_progress"] is not None:  # NULL: no snapshot in the previous period
                previous = rag_from_value(key["e0_progress"])
                earlier = [rag_from_value(key["e0_impact"])]
                earlier += self._earlier_impacts(key, (f"e{i}" for i in range(1, len(self.earlier))))
            overdue = is_overdue(
                status=key["status"],
                progress_rag=progress,
                as_of=self.as_of,
                due_date=self.as_of - datetime.timedelta(days=1) if key["due_passed"] else None,
            )
            stale = is_stale(status=key["status"], progress_rag=progress, updated_in_period=key["updated"])
        return {
            "progress": progress,
            "impact": impact,
            "previous": previous,
            "earlier_impacts": tuple(earlier),
            "overdue": bool(overdue),
            "stale": bool(stale),
        }

    @staticmethod
    def _earlier_impacts(key, names, pairs=False):
        """The impacts of the earlier periods `names` (latest first), up to one in which the action had
        no row; each value a "progress|impact" pair when `pairs`, else the impact alone."""
        impacts = []
        for name in names:
            value = key[name]
            if value == MISSING:
                break
            impacts.append(_split(value)[1] if pairs else rag_from_value(value))
        return impacts

    def rows_sql(self):
        """SQL and parameters of one row an action: id, theme id, self.fields, self.order."""
        if self.frozen:
            return _closed_rows_sql(period=self.period, periods=self.periods, earlier=self.earlier)
        return _open_rows_sql(
            plan=self.plan, period=self.period, periods=self.periods, earlier=self.earlier, as_of=self.as_of
        )

    @property
    def rules(self):
        """The layout of a group's key (what PeriodFigures.rules records)."""
        return _rules(self.fields, self.earlier)

    def groups(self, stored=None):
        """The groups of actions, by theme, with their numbers. A closed period's are those counted
        once and kept (PeriodFigures: `stored`, when the caller has read it); when it has none under
        today's rules they are counted from its snapshots now and kept. An open period's are counted
        by one query."""
        if not self.frozen:
            return self.count()
        if stored is None:
            stored = PeriodFigures.objects.filter(period=self.period).first()
        if stored is not None and stored.rules == self.rules:
            return [self.group(theme_id, values, n=n) for theme_id, values, n in stored.groups]
        groups = self.count()
        figures_keep(period=self.period, rules=self.rules, groups=groups)
        return groups

    def count(self):
        """One query: the groups of actions, by theme, with their numbers."""
        sql, params = self.rows_sql()
        keys = ", ".join(f"k{n}" for n in range(len(self.fields) + 1))
        columns = ", ".join(["id", keys, *(f"o{n}" for n in range(len(self.order)))])
        with connection.cursor() as cursor:
            cursor.execute(f"WITH s({columns}) AS ({sql}) SELECT {keys}, COUNT(*) FROM s GROUP BY {keys}", params)  # noqa: S608 - SQL built here; values are parameters
            return [self.group(row[0], row[1:-1], n=row[-1]) for row in cursor.fetchall()]

    def first_of_each_group(self, limit):
        """One query: the first `limit` actions in plan order of each group (ignoring themes), as
        (action id, group key values), with each group's size: [(id, values, n)].

        The keys are computed once a row (a materialised common table expression), then a window
        numbers each group's rows, so only the rows a list can show come back."""
        sql, params = self.rows_sql()
        keys = [f"k{n}" for n in range(len(self.fields))]
        order = [f"o{n}" for n in range(len(self.order))]
        columns = ", ".join(["id", "theme", *keys, *order])
        partition = ", ".join(keys)
        sql = (
            f"WITH s({columns}) AS MATERIALIZED ({sql}) "  # noqa: S608 - column names and SQL from the ORM; values are parameters
            f"SELECT id, {partition}, n FROM ("
            f"SELECT s.*, ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {', '.join(order)}) AS rn, "
            f"COUNT(*) OVER (PARTITION BY {partition}) AS n FROM s) numbered "
            f"WHERE rn <= %s ORDER BY {', '.join(order)}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [(row[0], tuple(row[1:-1]), row[-1]) for row in cursor.fetchall()]


def figures(*, plan, period, periods, today=None):
    """The period's figures: an open period's counted in one query, a closed one's read as counted
    at its close (one query)."""
    source = _Source(plan=plan, period=period, periods=periods, today=today)
    groups = source.groups()
    return _figures(groups, has_previous=source.previous is not None)


def figures_keep(*, period, rules=None, groups=None, periods=None):
    """Keep the closed `period`'s groups (PeriodFigures), counting them from its snapshots when not
    given (period_close does, once the snapshots are written). One row a period: written again over
    figures counted under other rules, and safe when two requests count them at once."""
    if groups is None:
        from plans.selectors.reporting import plan_periods

        periods = periods if periods is not None else plan_periods(plan=period.plan)
        source = _Source(plan=period.plan, period=period, periods=periods)
        rules, groups = source.rules, source.count()
    kept = PeriodFigures(
        period=period,
        rules=rules,
        groups=[[g.theme_id, list(g.fields), g.n] for g in groups],
        mix=_mix_of(groups),
    )
    PeriodFigures.objects.bulk_create(
        [kept], update_conflicts=True, unique_fields=["period"], update_fields=["rules", "groups", "mix", "counted_at"]
    )


def _mix_of(groups, *, by_theme=True):
    """What the trend reads of a period, summed from its groups (PeriodFigures.mix): the progress and
    impact RAG counts and the movement counts, in all and (with by_theme) by theme ("" for no RAG or
    no theme)."""
    every, themes = [{}, {}, {}], {}
    for g in groups:
        keys = (
            g.progress.value if g.progress else "",
            g.impact.value if g.impact else "",
            movement(g.progress, g.previous),
        )
        entries = (
            (every, themes.setdefault("" if g.theme_id is None else str(g.theme_id), [{}, {}, {}]))
            if by_theme
            else (every,)
        )
        for entry in entries:
            for counts, key in zip(entry, keys):
                if key is not None:
                    counts[key] = counts.get(key, 0) + g.n
    return {"all": every, "themes": themes}


def _mix_read(mix, *, by_theme):
    """{theme id or None: (progress counts, impact counts, movement counts)} of a kept mix, as the
    trend counts them (RAGs as Rag, None for no RAG)."""

    def counts(entry):
        progress, impact, moved = entry
        return (
            {rag_from_value(key): n for key, n in progress.items()},
            {rag_from_value(key): n for key, n in impact.items()},
            dict(moved),
        )

    if not by_theme:
        return {None: counts(mix["all"])}
    return {int(key) if key else None: counts(entry) for key, entry in mix["themes"].items()}


def _figures(groups, *, has_previous):
    progress, impact, counts = {}, {}, dict.fromkeys(LISTS, 0)
    lists_of = {}  # the same key in several themes is on the same lists
    for g in groups:
        progress[g.progress] = progress.get(g.progress, 0) + g.n
        impact[g.impact] = impact.get(g.impact, 0) + g.n
        lists = lists_of.get(g.fields)
        if lists is None:
            lists = lists_of[g.fields] = g.lists(has_previous=has_previous)
        for name in lists:
            counts[name] += g.n
    return Figures(
        progress=RagSummary.from_counts(progress),
        impact=RagSummary.from_counts(impact),
        counts=counts,
        groups=groups,
    )


@dataclass
class ActionList:
    name: str
    caption: str
    total: int
    rows: list  # the first few StatusRows


def action_lists(*, plan, period, periods, names, limit, today=None):
    """{name: ActionList} for the lists `names`: each list's first `limit` actions in plan order and
    its total, in four queries whatever the plan's size (the first rows of each group with the
    groups' sizes, then those rows' status)."""
    source = _Source(plan=plan, period=period, periods=periods, today=today)
    has_previous = source.previous is not None
    picked = source.first_of_each_group(limit)
    lists_of, sizes = {}, {}
    for _, values, n in picked:
        if values not in lists_of:
            lists_of[values] = source.group(None, values).lists(has_previous=has_previous)
            sizes[values] = n
    totals = {name: sum(n for values, n in sizes.items() if name in lists_of[values]) for name in names}
    ids = {name: [] for name in names}
    for action_id, values, _ in picked:
        for name in names:
            if name in lists_of[values] and len(ids[name]) < limit:
                ids[name].append(action_id)
    every = {action_id for chosen in ids.values() for action_id in chosen}
    rows = {}
    if every:
        shown = status_rows(plan=plan, period=period, as_of=today, periods=periods, action_ids=every)
        rows = {row.action_id: row for row in _with_due_date_moves(shown, period=period)}
        if "without_impact" in names:
            reasons = {
                row.action_id: row
                for row in progress_without_impact_rows(
                    [rows[i] for i in ids["without_impact"] if i in rows], plan=plan, period=period, periods=periods
                )
            }
            rows.update(reasons)  # those rows carry their reason; the rule gave the same answer by group
    return {
        name: ActionList(
            name=name,
            caption=LISTS[name],
            total=totals[name],
            rows=[rows[action_id] for action_id in ids[name] if action_id in rows],
        )
        for name in names
    }


def _with_due_date_moves(rows, *, period):
    """The rows, each whose due date was moved by the period's end saying so from the latest move
    (one query, over the rows shown only)."""
    latest = {}
    for change in DueDateChange.objects.filter(
        action_id__in=[row.action_id for row in rows], created_at__date__lte=period.end
    ).order_by("created_at", "pk"):
        latest[change.action_id] = change
    return [
        dataclasses.replace(row, due_date_note=latest[row.action_id].summary) if row.action_id in latest else row
        for row in rows
    ]


# ---------------------------------------------------------------- by owner


def by_owner(*, plan, period, periods, today=None):
    """[(owner id or None, title, progress RagSummary, impact RagSummary)] by title, "No owner" last:
    one grouped query (an action with several owners counts once for each)."""
    if period.closed:
        links = ActionSnapshot.owners.through.objects.filter(actionsnapshot__period=period).values(
            "owner_id",
            "owner__title",
            now=_pair("actionsnapshot__progress_rag", "actionsnapshot__impact_rag"),
        )
        unowned = ActionSnapshot.objects.filter(period=period, owners__isnull=True).values(
            now=_pair("progress_rag", "impact_rag")
        )
    else:
        links = Action.owners.through.objects.filter(action__theme__plan=plan).values(
            "owner_id",
            "owner__title",
            now=_status_in(period, "action_id", periods),
        )
        unowned = (
            Action.objects.for_plan(plan).filter(owners__isnull=True).values(now=_status_in(period, "pk", periods))
        )
    owners = {}
    for row in links.annotate(n=Count("pk")).order_by():
        entry = owners.setdefault(row["owner_id"], (row["owner__title"], {}, {}))
        _add_pair(entry, row["now"], row["n"])
    for row in unowned.annotate(n=Count("pk")).order_by():
        _add_pair(owners.setdefault(None, ("No owner", {}, {})), row["now"], row["n"])
    ordered = sorted(owners.items(), key=lambda item: (item[0] is None, item[1][0].casefold(), item[0] or 0))
    return [(key, title, RagSummary.from_counts(p), RagSummary.from_counts(i)) for key, (title, p, i) in ordered]


def _add_pair(entry, pair, n):
    progress, impact = _split(pair)
    entry[1][progress] = entry[1].get(progress, 0) + n
    entry[2][impact] = entry[2].get(impact, 0) + n


# ---------------------------------------------------------------- over time


class TrendPoint:
    """A period's progress and impact RAG mix (RagSummary, drawn when first read: the first screen
    reads only how many are on track) and its movement counts, when it has a previous period."""

    def __init__(self, *, period, progress_counts, impact_counts, movement=None):
        self.period, self.movement = period, movement
        self._progress_counts, self._impact_counts = progress_counts, impact_counts

    def __repr__(self):
        return f"TrendPoint({self.period}, progress={self._progress_counts}, impact={self._impact_counts})"

    @functools.cached_property
    def progress(self):
        return RagSummary.from_counts(self._progress_counts)

    @functools.cached_property
    def impact(self):
        return RagSummary.from_counts(self._impact_counts)

    @property
    def progress_on_track(self):
        return _on_track(self._progress_counts)

    @property
    def impact_on_track(self):
        return _on_track(self._impact_counts)


def _on_track(counts):
    """% of actions Blue or Green (whole number, rounded half up), 0 when there are none: of
    {Rag or None: number of actions}."""
    total = sum(counts.values())
    on_track = counts.get(Rag.BLUE, 0) + counts.get(Rag.GREEN, 0)
    return (on_track * 200 + total) // (2 * total) if total else 0


def _mix_column(by_theme):
    """The part of PeriodFigures.mix the trend reads, in SQL: all of it by theme, else only its "all"
    entry (the database picks it out: the page decodes a ninth of the JSON)."""
    if by_theme:
        return "mix"
    if connection.vendor == "postgresql":
        return "mix -> 'all'"
    if connection.vendor == "sqlite":
        return "json_extract(mix, '$.all')"
    return "mix"


# Movement is shown for this many boards (periods) back, on the dashboard and in the pack.
MOVEMENT_BOARDS = 3


def trend(*, plan, period, periods, current=None, last=None, by_theme=False, today=None):
    """Progress and impact RAG mix (and movement) of each period up to `period` (the `last` few), as
    TrendPoints; with by_theme, {theme id: [TrendPoint]} instead. Closed periods are read as counted
    at their close (PeriodFigures, one query for them all); an open one from its live figures
    (`current`: `period`'s Figures, when the caller has them)."""
    shown = [p for p in periods if p.month <= period.month]
    if last:
        shown = shown[-last:]
    closed = [p.pk for p in shown if p.closed]
    # The closed periods' figures as counted at their close: one query (PeriodFigures' mix).
    kept = {}
    if closed:
        sql = (
            f"SELECT period_id, rules, {_mix_column(by_theme)} FROM "  # noqa: S608 - names from the model; values are parameters
            f"{connection.ops.quote_name(PeriodFigures._meta.db_table)} WHERE period_id IN ({', '.join(['%s'] * len(closed))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, closed)
            for period_id, rules, mix in cursor.fetchall():
                mix = json.loads(mix) if isinstance(mix, str | bytes) else mix
                # The whole mix (a dict), or its "all" entry alone (a list); None: none kept.
                kept[period_id] = (rules, {"all": mix} if isinstance(mix, list) else mix)
    counts = {}  # (period id[, theme id]) -> (progress counts, impact counts, movement counts)
    for p in shown:
        if p.closed:
            rules, mix = kept.get(p.pk, (None, None))
            earlier = _earlier(periods, p)
            if not mix or rules != _rules(_frozen_fields(len(earlier)), earlier):
                # Kept under other rules, or never: counted now, and kept.
                mix = _mix_of(_Source(plan=plan, period=p, periods=periods).groups())
        elif current is not None and p.pk == period.pk:
            mix = _mix_of(current.groups, by_theme=by_theme)
        else:
            mix = _mix_of(figures(plan=plan, period=p, periods=periods, today=today).groups, by_theme=by_theme)
        for theme_id, entry in _mix_read(mix, by_theme=by_theme).items():
            counts[(p.pk, theme_id) if by_theme else (p.pk,)] = entry
    first = periods[0].pk if periods else None

    def point(p, key):
        progress, impact, moved = counts.get(key, ({}, {}, {}))
        return TrendPoint(
            period=p,
            progress_counts=progress,
            impact_counts=impact,
            movement=None if p.pk == first else {name: moved.get(name, 0) for name in MOVEMENTS},
        )

    if not by_theme:
        return [point(p, (p.pk,)) for p in shown]
    themes = sorted({key[1] for key in counts})
    return {theme: [point(p, (p.pk, theme)) for p in shown] for theme in themes}


def highlight(*, period):
    return HighlightReport.objects.filter(period=period).first()
