"""Reads: current RAG, overdue, stale, RAG summary arithmetic."""
import datetime

import pytest
from django.utils import timezone

from plans.models import Action, ActionStatus, Rag
from plans.querysets import largest_remainder_percentages
from tests.factories import ActionFactory, ProgressUpdateFactory, ReportingPeriodFactory, ThemeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 15)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_current_rag_is_that_of_the_latest_update():
    action = ActionFactory()
    ProgressUpdateFactory(action=action, progress_rag=Rag.RED, impact_rag=Rag.RED, note="old", created_at=at(TODAY - datetime.timedelta(days=40)))
    ProgressUpdateFactory(action=action, progress_rag=Rag.AMBER, impact_rag=Rag.GREEN, note="new", created_at=at(TODAY))
    ProgressUpdateFactory(action=action, progress_rag=Rag.GREEN, note="middle", created_at=at(TODAY - datetime.timedelta(days=10)))

    annotated = Action.objects.with_current_rag().get(pk=action.pk)

    assert annotated.current_progress_rag == Rag.AMBER
    assert annotated.current_impact_rag == Rag.GREEN
    assert annotated.latest_note == "new"


def test_action_without_updates_has_no_current_rag():
    action = ActionFactory()
    assert Action.objects.with_current_rag().get(pk=action.pk).current_progress_rag is None


def test_overdue_is_due_date_passed_and_not_blue():
    theme = ThemeFactory()
    past = TODAY - datetime.timedelta(days=1)
    late = ActionFactory(theme=theme, due_date=past)
    late_but_done = ActionFactory(theme=theme, due_date=past)
    ProgressUpdateFactory(action=late_but_done, progress_rag=Rag.BLUE)
    late_amber = ActionFactory(theme=theme, due_date=past)
    ProgressUpdateFactory(action=late_amber, progress_rag=Rag.AMBER)
    ActionFactory(theme=theme, due_date=TODAY)  # due today is not overdue
    ActionFactory(theme=theme, due_date=None)
    ActionFactory(theme=theme, due_date=past, status=ActionStatus.WITHDRAWN)

    overdue = set(Action.objects.overdue(TODAY).values_list("pk", flat=True))

    assert overdue == {late.pk, late_amber.pk}


def test_stale_means_no_update_in_the_period():
    theme = ThemeFactory()
    period = ReportingPeriodFactory(plan=theme.plan, month=TODAY.replace(day=1))
    earlier = ReportingPeriodFactory(plan=theme.plan, month=datetime.date(2026, 10, 1))
    updated = ActionFactory(theme=theme)
    ProgressUpdateFactory(action=updated, period=period)
    updated_last_month_only = ActionFactory(theme=theme)
    ProgressUpdateFactory(action=updated_last_month_only, period=earlier)
    never = ActionFactory(theme=theme)
    completed = ActionFactory(theme=theme)
    ProgressUpdateFactory(action=completed, period=earlier, progress_rag=Rag.BLUE)

    stale = set(Action.objects.stale(period).values_list("pk", flat=True))

    assert stale == {updated_last_month_only.pk, never.pk}


def test_rag_summary_counts_and_percentages_add_up_to_100():
    theme = ThemeFactory()
    for rag in [Rag.GREEN, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE, Rag.GREY]:
        ProgressUpdateFactory(action=ActionFactory(theme=theme), progress_rag=rag)
    ActionFactory(theme=theme)  # no rating

    summary = Action.objects.for_plan(theme.plan).rag_summary()

    counts = {rag: n for rag, n, _ in summary}
    assert counts == {Rag.BLUE: 1, Rag.GREEN: 2, Rag.AMBER: 1, Rag.RED: 1, Rag.GREY: 1, None: 1}
    assert summary.total == 7
    assert sum(pct for _, _, pct in summary) == 100
    assert dict((rag, pct) for rag, _, pct in summary)[Rag.GREEN] == 29  # 2/7 = 28.57


@pytest.mark.parametrize(
    "counts, expected",
    [
        ([1, 1, 1], [34, 33, 33]),
        ([0, 0, 0], [0, 0, 0]),
        ([2, 2, 1, 1, 1, 0], [29, 29, 14, 14, 14, 0]),
        ([9, 2], [82, 18]),
    ],
)
def test_largest_remainder_percentages(counts, expected):
    assert largest_remainder_percentages(counts, sum(counts)) == expected
