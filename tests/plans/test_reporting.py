"""Board reporting: period status rules, snapshots, the dashboard's arithmetic, movement, exceptions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans.models import ActionSnapshot, Rag
from plans.selectors.reporting import board_dashboard
from plans.selectors.status import status_rows
from plans.services.periods import highlight_report_save, period_close, period_create_next
from tests.factories import ActionFactory, MeasureFactory, MeasureReadingFactory
from tests.plans.reporting_fixtures import board, counts, update  # noqa: F401 (fixture)


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
    assert [pct for _, _, pct in dashboard.progress] == [17, 17, 0, 33, 17, 16]
    # Impact 1, 1, 4 of 6: 16.67, 16.67, 66.67 → floors 16 + 16 + 66 = 98; the two extra points go to the
    # equal remainders, larger count first, then in RAG order.
    assert [pct for _, _, pct in dashboard.impact] == [0, 17, 16, 0, 0, 67]


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
    assert [(g.label, counts(g.progress)) for g in after.by_theme] == [
        (g.label, counts(g.progress)) for g in before.by_theme
    ]
    assert [(g.label, counts(g.progress)) for g in after.by_owner] == [
        (g.label, counts(g.progress)) for g in before.by_owner
    ]
    assert [r.ref for r in after.red] == ["1.2", "1.3"]
    assert [r.ref for r in after.movement["completed"]] == ["1.1"]
    assert [(p.period, counts(p.progress)) for p in after.trend] == [
        (p.period, counts(p.progress)) for p in before.trend
    ]


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
        highlight_report_save(period=board.jan, user=board.board, expected_version=0, achievements="x")
    assert ActionSnapshot.objects.count() == 0


def test_highlight_report_is_frozen_with_its_period(board):
    highlight_report_save(
        period=board.jan, user=board.coordinator, expected_version=0, achievements="New front door", risks="Recruitment"
    )
    period_close(period=board.jan, user=board.coordinator)
    with pytest.raises(ValidationError):
        highlight_report_save(period=board.jan, user=board.coordinator, expected_version=1, achievements="Changed")
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
    rows = status_rows(plan=board.plan, period=board.feb, as_of=datetime.date(2026, 3, 10))
    assert sorted(r.ref for r in rows if r.progress_rag == Rag.RED) == ["1.2", "1.3"]
    assert sorted(r.ref for r in rows if r.progress_rag is None) == ["2.2"]
    assert sorted(r.ref for r in rows if r.is_stale) == ["1.3", "2.2"]


def test_measures_show_latest_reading_against_target(board):
    measure = MeasureFactory(plan=board.plan, name="Assessments judged good", baseline=50, target=90)
    MeasureReadingFactory(measure=measure, period=board.jan, value=55)
    MeasureReadingFactory(measure=measure, period=board.feb, value=62)
    MeasureReadingFactory(measure=measure, period=board.mar, value=40)
    status = feb_dashboard(board).measures[0]
    assert status.latest.value == 62
    assert status.trend == "better"
    assert status.target_met is False
