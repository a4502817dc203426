"""The status of an action in a period (plans.selectors.status): one test per rule of the read model."""

import datetime

import pytest

from plans.models import ActionSnapshot, ActionStatus, Rag
from plans.querysets import RagSummary
from plans.selectors.reporting import rag_summary
from plans.selectors.status import StatusRow, status_rows
from plans.services.periods import period_close
from tests.factories import ActionFactory, ProgressUpdateFactory, ReportingPeriodFactory, ThemeFactory
from tests.plans.reporting_fixtures import at, board, update  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

NOV = datetime.date(2026, 11, 1)
TODAY = datetime.date(2026, 11, 15)


def rows_by_ref(rows):
    return {row.ref: row for row in rows}


def test_status_is_the_latest_update_recorded_for_the_period_or_an_earlier_one(board):
    update(board.actions[0], board.feb, Rag.AMBER, day=datetime.date(2026, 2, 1), note="Written first")
    rows = rows_by_ref(status_rows(plan=board.plan, period=board.feb, as_of=datetime.date(2026, 3, 10)))
    # 1.1: Blue on 11 February is later than the Amber of 1 February; 1.3 keeps January's Red.
    assert (rows["1.1"].progress_rag, rows["1.1"].impact_rag) == (Rag.BLUE, Rag.GREEN)
    assert rows["1.3"].progress_rag == Rag.RED
    assert rows["2.2"].progress_rag is None and rows["2.2"].note == ""
    # A later period's update never changes an earlier one.
    update(board.actions[2], board.mar, Rag.GREEN)
    assert rows_by_ref(status_rows(plan=board.plan, period=board.feb))["1.3"].progress_rag == Rag.RED


def test_previous_rag_is_the_status_of_the_period_before(board):
    rows = rows_by_ref(status_rows(plan=board.plan, period=board.feb))
    assert (rows["1.2"].previous_progress_rag, rows["1.2"].progress_rag) == (Rag.AMBER, Rag.RED)
    assert rows["1.2"].movement == "worsened" and rows["1.2"].moved
    assert rows["1.1"].movement == "completed"
    assert rows["2.1"].movement == "improved"
    assert rows["2.3"].movement is None and not rows["2.3"].moved
    assert all(r.previous_progress_rag is None for r in status_rows(plan=board.plan, period=board.jan))


def test_overdue_is_open_not_blue_and_due_before_the_day_judged():
    theme = ThemeFactory()
    period = ReportingPeriodFactory(plan=theme.plan, month=NOV)
    past = TODAY - datetime.timedelta(days=1)
    late = ActionFactory(theme=theme, due_date=past, ref="late")
    done = ActionFactory(theme=theme, due_date=past, ref="done")
    ProgressUpdateFactory(action=done, period=period, progress_rag=Rag.BLUE)
    amber = ActionFactory(theme=theme, due_date=past, ref="amber")
    ProgressUpdateFactory(action=amber, period=period, progress_rag=Rag.AMBER)
    ActionFactory(theme=theme, due_date=TODAY, ref="due today")
    ActionFactory(theme=theme, due_date=None, ref="no date")
    ActionFactory(theme=theme, due_date=past, status=ActionStatus.WITHDRAWN, ref="withdrawn")

    rows = status_rows(plan=theme.plan, period=period, as_of=TODAY)

    assert {r.ref for r in rows if r.is_overdue} == {late.ref, amber.ref}


def test_overdue_is_judged_at_the_period_end_once_it_is_over():
    theme = ThemeFactory()
    period = ReportingPeriodFactory(plan=theme.plan, month=NOV)
    ActionFactory(theme=theme, due_date=datetime.date(2026, 12, 10), ref="due in December")
    [row] = status_rows(plan=theme.plan, period=period, as_of=datetime.date(2027, 1, 20))
    assert not row.is_overdue  # still due when November ended
    [row] = status_rows(plan=theme.plan, period=period, as_of=datetime.date(2027, 1, 20), now=True)
    assert row.is_overdue  # as it stands now


def test_stale_means_open_not_blue_and_no_update_in_the_period():
    theme = ThemeFactory()
    period = ReportingPeriodFactory(plan=theme.plan, month=NOV)
    earlier = ReportingPeriodFactory(plan=theme.plan, month=datetime.date(2026, 10, 1))
    ProgressUpdateFactory(action=ActionFactory(theme=theme, ref="updated"), period=period)
    ProgressUpdateFactory(action=ActionFactory(theme=theme, ref="last month"), period=earlier)
    ActionFactory(theme=theme, ref="never")
    ProgressUpdateFactory(action=ActionFactory(theme=theme, ref="completed"), period=earlier, progress_rag=Rag.BLUE)
    ActionFactory(theme=theme, ref="withdrawn", status=ActionStatus.WITHDRAWN)

    rows = status_rows(plan=theme.plan, period=period, as_of=TODAY)

    assert {r.ref for r in rows if r.is_stale} == {"last month", "never"}
    assert {r.ref for r in rows if r.updated_in_period} == {"updated"}


def test_now_reads_the_latest_update_of_all_even_one_recorded_without_a_period():
    theme = ThemeFactory()
    period = ReportingPeriodFactory(plan=theme.plan, month=NOV)
    action = ActionFactory(theme=theme)
    ProgressUpdateFactory(action=action, period=period, progress_rag=Rag.RED, created_at=at(TODAY, 9))
    ProgressUpdateFactory(action=action, period=None, progress_rag=Rag.GREEN, created_at=at(TODAY, 10))
    assert status_rows(plan=theme.plan, period=period)[0].progress_rag == Rag.RED
    assert status_rows(plan=theme.plan, period=period, now=True)[0].progress_rag == Rag.GREEN


def test_a_closed_period_reads_exactly_the_rows_stored_when_it_closed(board):
    before = status_rows(plan=board.plan, period=board.jan, as_of=datetime.date(2026, 2, 3))
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    board.actions[0].owners.clear()
    update(board.actions[3], board.jan, Rag.RED, day=datetime.date(2026, 1, 30))  # recorded after, never counted
    after = status_rows(plan=board.plan, period=board.jan)
    assert ActionSnapshot.objects.filter(period=board.jan).count() == len(before) == 6
    assert [(r.action_id, r.progress_rag, r.is_overdue, r.is_stale, r.owners, r.owner_keys) for r in after] == [
        (r.action_id, r.progress_rag, r.is_overdue, r.is_stale, r.owners, r.owner_keys) for r in before
    ]
    assert all(r.updated_in_period is None for r in after)


def test_rag_mix_counts_every_row_once_with_percentages_adding_up_to_100():
    def row(rag):
        return StatusRow(
            action_id=None,
            ref="",
            action_text="",
            theme_id=None,
            theme_number="",
            theme_title="",
            theme_position=0,
            position=0,
            owners="",
            owner_keys=(),
            due_date=None,
            status="open",
            progress_rag=rag,
            impact_rag=None,
            previous_progress_rag=None,
            note="",
            latest_update_at=None,
            is_overdue=False,
            is_stale=False,
        )

    progress, impact = rag_summary(
        [row(r) for r in [Rag.GREEN, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE, Rag.GREY, None]]
    )

    assert {rag: n for rag, n, _ in progress} == {
        Rag.BLUE: 1,
        Rag.GREEN: 2,
        Rag.AMBER: 1,
        Rag.RED: 1,
        Rag.GREY: 1,
        None: 1,
    }
    assert progress.total == impact.total == 7
    assert sum(pct for _, _, pct in progress) == 100
    assert dict((rag, pct) for rag, _, pct in progress)[Rag.GREEN] == 29  # 2/7 = 28.57
    assert impact.count(None) == 7
    assert RagSummary.from_counts({}).total == 0


# ---------------------------------------------------------------- the same rows as a query


@pytest.fixture
def varied_plan(db):
    """A plan with every combination the rules tell apart: status, due date before, on and after the
    day judged or none, progress and impact of every RAG or none, updated in the period, earlier or
    never; two themes at the same position and actions sharing positions (ties in every ordering)."""
    from tests.factories import OwnerFactory, PlanFactory

    plan = PlanFactory()
    october = ReportingPeriodFactory(plan=plan, month=datetime.date(2026, 10, 1))
    november = ReportingPeriodFactory(plan=plan, month=NOV)
    themes = [ThemeFactory(plan=plan, number=str(n), position=1) for n in (1, 2)] + [
        ThemeFactory(plan=plan, number="3", position=0)
    ]
    owners = [OwnerFactory(title=title) for title in ("B role", "A role")]
    dues = [
        None,
        datetime.date(2026, 9, 30),
        TODAY - datetime.timedelta(days=1),
        TODAY,
        TODAY + datetime.timedelta(days=1),
    ]
    rags = [None, *Rag]
    statuses = [ActionStatus.OPEN, ActionStatus.OPEN, ActionStatus.COMPLETED, ActionStatus.WITHDRAWN]
    for n in range(36):
        action = ActionFactory(
            theme=themes[n % 3],
            ref=f"{n % 3}.{n % 5}",
            position=n % 4,
            due_date=dues[n % 5],
            status=statuses[(n // 4) % 4],
            owners=owners[: n % 3],
        )
        progress, impact = rags[n % 6], rags[(n * 5 + 1) % 6]
        when = n % 3  # 0: this period, 1: the one before, 2: never
        if when < 2 and progress is not None:
            ProgressUpdateFactory(
                action=action,
                period=november if when == 0 else october,
                progress_rag=progress,
                impact_rag=impact or "",
                created_at=at(TODAY - datetime.timedelta(days=40 * when), 9),
            )
    return plan, october, november, themes, owners


def _python_sorted(rows, fields):
    """The rows as django-tables2 sorts a list of them (a stable sort, None before any value)."""
    from django_tables2.utils import OrderByTuple

    return sorted(rows, key=OrderByTuple(fields).key)


ORDERINGS = [
    ("theme_position", "position", "action_id"),
    ("-theme_position", "-position", "-action_id"),
    ("theme_position",),
    ("-theme_position",),
    ("due_date",),
    ("-due_date",),
    ("progress_rag",),
    ("-progress_rag",),
    ("impact_rag",),
    ("-impact_rag",),
    ("-progress_rag", "due_date"),
]


@pytest.mark.parametrize("mode", ["now", "open period", "closed period"])
def test_the_status_query_filters_orders_and_counts_as_the_rows_do(varied_plan, mode):
    from plans.selectors.status import StatusQuery

    plan, october, november, themes, owners = varied_plan
    if mode == "closed period":
        from tests.factories import UserFactory

        period_close(period=october, user=UserFactory(is_superuser=True), today=datetime.date(2026, 11, 3))
        october.refresh_from_db()
        arguments = {"plan": plan, "period": october}
    elif mode == "open period":
        arguments = {"plan": plan, "period": november, "as_of": TODAY}
    else:
        arguments = {"plan": plan, "period": november, "as_of": TODAY, "now": True}
    rows = status_rows(**arguments)
    query = StatusQuery(**arguments)

    def ids(found):
        return [row.action_id for row in found]

    assert ids(query) == ids(rows) and len(query) == len(rows) == 36
    filters = [
        ({"is_overdue": True}, lambda row: row.is_overdue),
        ({"is_stale": True}, lambda row: row.is_stale),
        ({"theme": themes[1].pk}, lambda row: row.theme_id == themes[1].pk),
        ({"owners": owners[1].pk}, lambda row: owners[1].pk in row.owner_ids),
    ]
    for rag in Rag:
        filters.append(({"progress_rag": rag.value}, lambda row, rag=rag: row.progress_rag == rag))
        filters.append(({"impact_rag": rag.value}, lambda row, rag=rag: row.impact_rag == rag))
    filters.append(({"progress_rag": ""}, lambda row: row.progress_rag is None))
    filters.append(({"impact_rag": ""}, lambda row: row.impact_rag is None))
    for lookup, wanted in filters:
        matching = query.filter(**lookup)
        expected = [row for row in rows if wanted(row)]
        assert ids(matching) == ids(expected), lookup
        assert matching.count() == len(expected), lookup
    assert any(row.is_overdue for row in rows) and any(row.is_stale for row in rows)
    for fields in ORDERINGS:
        assert ids(query.order_by(*fields)) == ids(_python_sorted(rows, fields)), fields
        # A page is the same slice of the same order.
        assert ids(query.order_by(*fields)[10:20]) == ids(_python_sorted(rows, fields)[10:20]), fields
    assert ids(query.filter(is_stale=True).order_by("-progress_rag")[1:4]) == ids(
        _python_sorted([row for row in rows if row.is_stale], ("-progress_rag",))[1:4]
    )
