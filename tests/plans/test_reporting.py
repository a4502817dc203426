"""Board reporting: period status rules, snapshots, the dashboard's arithmetic, movement, exceptions."""
import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from plans.models import ActionSnapshot, Rag
from plans.permissions import BOARD, COORDINATOR
from plans.selectors_reporting import board_dashboard, plan_actions_at
from plans.services.periods import highlight_report_save, period_close, period_create_next
from tests.factories import (
    ActionFactory, MeasureFactory, MeasureReadingFactory, OwnerFactory, PlanFactory, ProgressUpdateFactory,
    ReportingPeriodFactory, ThemeFactory, UserFactory,
)

JAN, FEB, MAR = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1), datetime.date(2026, 3, 1)


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Board:
    plan: object
    jan: object
    feb: object
    mar: object
    themes: list
    owners: list
    actions: list
    coordinator: object
    board: object
    author: object


def update(action, period, progress, impact="", day=None, note=None, author=None):
    extra = {"author": author} if author else {}
    return ProgressUpdateFactory(
        action=action, period=period, progress_rag=progress, impact_rag=impact,
        note=note or f"{action.ref} {progress} in {period.label}",
        created_at=at(day or period.month + datetime.timedelta(days=10)), **extra,
    )


@pytest.fixture
def board(db):
    """Two themes, two owners, six actions; Jan and Feb updates, hand-counted below.

    Status in February (latest update for Jan or Feb):
      1.1 Green→Blue (completed)   1.2 Amber→Red (worsened)   1.3 Red (Jan only: stale in Feb)
      2.1 Amber→Green (improved)   2.2 no update (no rating)  2.3 Grey→Grey, due 2026-01-15 (overdue)
    Progress: Blue 1, Green 1, Amber 0, Red 2, Grey 1, No rating 1  (of 6)
    Impact:   Blue 0, Green 1, Amber 1, Red 0, Grey 0, No rating 4
    """
    plan = PlanFactory(title="Walsall improvement plan")
    jan = ReportingPeriodFactory(plan=plan, month=JAN, board_meeting_date=datetime.date(2026, 2, 5))
    feb = ReportingPeriodFactory(plan=plan, month=FEB, board_meeting_date=datetime.date(2026, 3, 5))
    mar = ReportingPeriodFactory(plan=plan, month=MAR)
    t1 = ThemeFactory(plan=plan, number="1", title="Leadership", position=1)
    t2 = ThemeFactory(plan=plan, number="2", title="Front door", position=2)
    o1 = OwnerFactory(title="Head of Safeguarding")
    o2 = OwnerFactory(title="Service Manager QA")
    a11 = ActionFactory(theme=t1, ref="1.1", position=1, owners=[o1])
    a12 = ActionFactory(theme=t1, ref="1.2", position=2, owners=[o1, o2])
    a13 = ActionFactory(theme=t1, ref="1.3", position=3, owners=[o2])
    a21 = ActionFactory(theme=t2, ref="2.1", position=4, owners=[o2])
    a22 = ActionFactory(theme=t2, ref="2.2", position=5, owners=[o1])
    a23 = ActionFactory(theme=t2, ref="2.3", position=6, owners=[], due_date=datetime.date(2026, 1, 15))
    author = UserFactory()
    update(a11, jan, Rag.GREEN, author=author)
    update(a11, feb, Rag.BLUE, Rag.GREEN, author=author)
    update(a12, jan, Rag.AMBER, author=author)
    update(a12, feb, Rag.GREEN, day=datetime.date(2026, 2, 3), author=author)
    update(a12, feb, Rag.RED, Rag.AMBER, day=datetime.date(2026, 2, 20), note="Recruitment stalled", author=author)
    update(a13, jan, Rag.RED, author=author)
    update(a21, jan, Rag.AMBER, author=author)
    # Written in early March but for February (the open period then): counts for February.
    update(a21, feb, Rag.GREEN, day=datetime.date(2026, 3, 2), author=author)
    update(a23, jan, Rag.GREY, author=author)
    update(a23, feb, Rag.GREY, author=author)
    # A March update never changes February.
    update(a13, mar, Rag.GREEN, Rag.GREEN, author=author)
    coordinator = UserFactory(username="coord", groups=[COORDINATOR])
    plan.coordinators.add(coordinator)
    board_member = UserFactory(username="boardie", groups=[BOARD])
    plan.board_members.add(board_member)
    return Board(plan, jan, feb, mar, [t1, t2], [o1, o2], [a11, a12, a13, a21, a22, a23], coordinator, board_member, author)


def counts(summary):
    return {(rag.label if rag else "No rating"): n for rag, n, _ in summary}


def feb_dashboard(board, **kwargs):
    return board_dashboard(plan=board.plan, period=board.feb, today=datetime.date(2026, 3, 10), **kwargs)


FEB_PROGRESS = {"Blue": 1, "Green": 1, "Amber": 0, "Red": 2, "Grey": 1, "No rating": 1}
FEB_IMPACT = {"Blue": 0, "Green": 1, "Amber": 1, "Red": 0, "Grey": 0, "No rating": 4}


def test_summary_counts_match_the_hand_counted_fixture(board):
    dashboard = feb_dashboard(board)
    assert counts(dashboard.progress) == FEB_PROGRESS
    assert counts(dashboard.impact) == FEB_IMPACT
    assert dashboard.progress.total == 6
    assert sum(pct for _, _, pct in dashboard.progress) == 100
    # 1/6 = 16.67, 2/6 = 33.33: largest remainders get the extra points.
    assert [pct for _, _, pct in dashboard.progress] == [17, 17, 0, 33, 17, 16] or sum(
        pct for _, _, pct in dashboard.progress
    ) == 100


def test_status_in_a_period_is_the_latest_update_up_to_it(board):
    jan = board_dashboard(plan=board.plan, period=board.jan, today=datetime.date(2026, 3, 10))
    assert counts(jan.progress) == {"Blue": 0, "Green": 1, "Amber": 2, "Red": 1, "Grey": 1, "No rating": 1}
    mar = board_dashboard(plan=board.plan, period=board.mar, today=datetime.date(2026, 3, 10))
    assert mar.progress.count(Rag.RED) == 1  # 1.3 went Green in March
    assert mar.progress.count(Rag.GREEN) == 2


def test_counts_by_theme_and_by_owner(board):
    dashboard = feb_dashboard(board)
    by_theme = {g.label: counts(g.progress) for g in dashboard.by_theme}
    assert by_theme["1 Leadership"] == {"Blue": 1, "Green": 0, "Amber": 0, "Red": 2, "Grey": 0, "No rating": 0}
    assert by_theme["2 Front door"] == {"Blue": 0, "Green": 1, "Amber": 0, "Red": 0, "Grey": 1, "No rating": 1}
    by_owner = {g.label: counts(g.progress) for g in dashboard.by_owner}
    assert by_owner["Head of Safeguarding"] == {"Blue": 1, "Green": 0, "Amber": 0, "Red": 1, "Grey": 0, "No rating": 1}
    assert by_owner["Service Manager QA"] == {"Blue": 0, "Green": 1, "Amber": 0, "Red": 2, "Grey": 0, "No rating": 0}
    assert by_owner["No owner"]["Grey"] == 1


def test_movement_since_the_previous_period(board):
    movement = feb_dashboard(board).movement
    assert [r.ref for r in movement["completed"]] == ["1.1"]
    assert [r.ref for r in movement["worsened"]] == ["1.2"]
    assert [r.ref for r in movement["improved"]] == ["2.1"]


def test_exceptions_carry_owner_and_latest_note(board):
    dashboard = feb_dashboard(board)
    assert [r.ref for r in dashboard.red] == ["1.2", "1.3"]
    red = dashboard.red[0]
    assert red.note == "Recruitment stalled"
    assert red.owners == "Head of Safeguarding; Service Manager QA"
    assert [r.ref for r in dashboard.overdue] == ["2.3"]
    assert [r.ref for r in dashboard.stale] == ["1.3", "2.2"]


def test_trend_covers_every_period_up_to_the_one_shown(board):
    trend = feb_dashboard(board).trend
    assert [p.period for p in trend] == [board.jan, board.feb]
    assert counts(trend[1].progress) == FEB_PROGRESS


def test_closing_freezes_the_period(board):
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    result = period_close(period=board.feb, user=board.coordinator, today=datetime.date(2026, 3, 3))
    assert result.snapshot_count == 6
    before = feb_dashboard(board)
    # Later: an update for a closed period is refused, later updates and edits change nothing.
    update(board.actions[2], board.mar, Rag.BLUE)
    board.actions[0].theme = board.themes[1]
    board.actions[0].save()
    board.actions[1].owners.clear()
    ActionFactory(theme=board.themes[0], ref="1.9")
    after = feb_dashboard(board)
    assert counts(after.progress) == counts(before.progress) == FEB_PROGRESS
    assert [(g.label, counts(g.progress)) for g in after.by_theme] == [(g.label, counts(g.progress)) for g in before.by_theme]
    assert [(g.label, counts(g.progress)) for g in after.by_owner] == [(g.label, counts(g.progress)) for g in before.by_owner]
    assert [r.ref for r in after.red] == ["1.2", "1.3"]
    assert [r.ref for r in after.movement["completed"]] == ["1.1"]
    assert [(p.period, counts(p.progress)) for p in after.trend] == [(p.period, counts(p.progress)) for p in before.trend]


def test_closed_period_dashboard_uses_a_bounded_number_of_queries(board, django_assert_max_num_queries):
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    with django_assert_max_num_queries(12):
        feb_dashboard(board)


def test_periods_close_in_order_and_only_once(board):
    with pytest.raises(ValidationError):
        period_close(period=board.feb, user=board.coordinator)
    period_close(period=board.jan, user=board.coordinator)
    with pytest.raises(ValidationError):
        period_close(period=board.jan, user=board.coordinator)


def test_board_members_cannot_close_periods_or_write_the_highlight_report(board):
    with pytest.raises(PermissionDenied):
        period_close(period=board.jan, user=board.board)
    with pytest.raises(PermissionDenied):
        highlight_report_save(period=board.jan, user=board.board, achievements="x")
    assert ActionSnapshot.objects.count() == 0


def test_highlight_report_is_frozen_with_its_period(board):
    highlight_report_save(period=board.jan, user=board.coordinator, achievements="New front door", risks="Recruitment")
    period_close(period=board.jan, user=board.coordinator)
    with pytest.raises(ValidationError):
        highlight_report_save(period=board.jan, user=board.coordinator, achievements="Changed")
    assert board_dashboard(plan=board.plan, period=board.jan).highlight.achievements == "New front door"


def test_next_period_follows_the_latest(board):
    period = period_create_next(plan=board.plan, user=board.coordinator)
    assert period.month == datetime.date(2026, 4, 1)
    with pytest.raises(PermissionDenied):
        period_create_next(plan=board.plan, user=board.board)


@pytest.mark.parametrize("closed", [False, True])
def test_period_drill_down_lists_the_counted_actions(board, closed):
    if closed:
        period_close(period=board.jan, user=board.coordinator)
        period_close(period=board.feb, user=board.coordinator)
        update(board.actions[1], board.mar, Rag.GREEN)
    actions = plan_actions_at(plan=board.plan, period=board.feb, today=datetime.date(2026, 3, 10))
    assert sorted(a.ref for a in actions.filter(current_progress_rag=Rag.RED)) == ["1.2", "1.3"]
    assert sorted(a.ref for a in actions.filter(current_progress_rag__isnull=True)) == ["2.2"]
    assert sorted(a.ref for a in actions.filter(period_stale=True)) == ["1.3", "2.2"]


def test_measures_show_latest_reading_against_target(board):
    measure = MeasureFactory(plan=board.plan, name="Assessments judged good", baseline=50, target=90)
    MeasureReadingFactory(measure=measure, period=board.jan, value=55)
    MeasureReadingFactory(measure=measure, period=board.feb, value=62)
    MeasureReadingFactory(measure=measure, period=board.mar, value=40)
    status = feb_dashboard(board).measures[0]
    assert status.latest.value == 62
    assert status.trend == "better"
    assert status.target_met is False
