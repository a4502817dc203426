"""Reads: current RAG, RAG summary arithmetic (overdue and stale: test_status.py)."""

import datetime

import pytest
from django.utils import timezone

from plans.models import Action, Rag
from plans.querysets import largest_remainder_percentages
from tests.factories import ActionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 15)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_current_rag_is_that_of_the_latest_update():
    action = ActionFactory()
    ProgressUpdateFactory(
        action=action,
        progress_rag=Rag.RED,
        impact_rag=Rag.RED,
        note="old",
        created_at=at(TODAY - datetime.timedelta(days=40)),
    )
    ProgressUpdateFactory(action=action, progress_rag=Rag.AMBER, impact_rag=Rag.GREEN, note="new", created_at=at(TODAY))
    ProgressUpdateFactory(
        action=action, progress_rag=Rag.GREEN, note="middle", created_at=at(TODAY - datetime.timedelta(days=10))
    )

    annotated = Action.objects.with_current_rag().get(pk=action.pk)

    assert annotated.current_progress_rag == Rag.AMBER
    assert annotated.current_impact_rag == Rag.GREEN
    assert annotated.latest_note == "new"


def test_action_without_updates_has_no_current_rag():
    action = ActionFactory()
    assert Action.objects.with_current_rag().get(pk=action.pk).current_progress_rag is None


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
