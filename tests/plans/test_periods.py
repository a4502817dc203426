"""Periods that cannot go wrong: confirmation before closing, the next period opened at once with its
board date from the plan's schedule, never a moment without an open period, late updates."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import (
    ActionSnapshot,
    BoardWeek,
    Plan,
    ProgressUpdate,
    Rag,
    ReportingPeriod,
    Weekday,
)
from plans.models.plan import nth_weekday
from plans.services import periods as period_services
from plans.services.actions import progress_update_record
from plans.services.periods import period_close, period_ensure_open
from tests.factories import ActionFactory, PlanFactory, ReportingPeriodFactory, ThemeFactory
from tests.plans.reporting_fixtures import FEB, JAN, MAR, board  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_the_nth_weekday_of_a_month():
    assert nth_weekday(2026, 12, BoardWeek.SECOND, Weekday.TUESDAY) == datetime.date(2026, 12, 8)
    assert nth_weekday(2026, 12, BoardWeek.FIRST, Weekday.TUESDAY) == datetime.date(2026, 12, 1)
    assert nth_weekday(2026, 2, BoardWeek.LAST, Weekday.FRIDAY) == datetime.date(2026, 2, 27)
    assert nth_weekday(2026, 5, BoardWeek.LAST, Weekday.SUNDAY) == datetime.date(2026, 5, 31)
    assert nth_weekday(2026, 3, BoardWeek.FOURTH, Weekday.MONDAY) == datetime.date(2026, 3, 23)


def test_the_board_reads_a_month_at_its_scheduled_meeting_the_month_after():
    plan = PlanFactory(board_week=BoardWeek.SECOND, board_weekday=Weekday.TUESDAY)
    assert plan.board_meeting_for(datetime.date(2026, 11, 1)) == datetime.date(2026, 12, 8)
    assert plan.board_meeting_for(datetime.date(2026, 12, 1)) == datetime.date(2027, 1, 12)
    assert plan.board_schedule == "second Tuesday of each month"
    assert PlanFactory().board_meeting_for(datetime.date(2026, 11, 1)) is None


def test_closing_a_period_opens_the_next_at_once_with_its_scheduled_board_date(board):
    Plan.objects.filter(pk=board.plan.pk).update(board_week=BoardWeek.SECOND, board_weekday=Weekday.TUESDAY)
    board.plan.refresh_from_db()
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    period_close(period=board.feb, user=board.coordinator, today=datetime.date(2026, 3, 3))
    result = period_close(period=board.mar, user=board.coordinator, today=datetime.date(2026, 4, 3))
    april = ReportingPeriod.objects.get(plan=board.plan, month=datetime.date(2026, 4, 1))
    assert result.next_period == april and not april.closed
    assert april.board_meeting_date == datetime.date(2026, 5, 12)  # second Tuesday of May reads April
    assert ReportingPeriod.objects.filter(plan=board.plan, closed=False).count() == 1


def test_closing_a_period_keeps_a_later_open_period_rather_than_opening_another(board):
    result = period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    assert result.next_period == board.feb
    assert ReportingPeriod.objects.filter(plan=board.plan).count() == 3


def test_closing_enqueues_the_post_close_work_once_committed(board, django_capture_on_commit_callbacks, monkeypatch):
    enqueued = []
    monkeypatch.setattr(period_services, "period_close_work_enqueue", lambda *, period: enqueued.append(period.pk))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    assert enqueued == []  # nothing runs before the close is committed
    for callback in callbacks:
        callback()
    assert enqueued == [board.jan.pk]


def test_a_refused_close_opens_nothing(board):
    with pytest.raises(ValidationError, match="periods close in order"):
        period_close(period=board.feb, user=board.coordinator)  # January first: periods close in order
    assert ReportingPeriod.objects.filter(plan=board.plan).count() == 3
    assert not ReportingPeriod.objects.get(pk=board.feb.pk).closed


def test_an_update_made_after_its_month_closed_goes_to_the_open_period_marked_late(board):
    action = board.actions[4]  # 2.2: no update at all
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    recorded = progress_update_record(
        action=action,
        author=board.coordinator,
        progress_rag=Rag.AMBER,
        note="Late for January",
        period=board.jan,
        created_at=datetime.datetime(2026, 2, 4, 10, tzinfo=datetime.UTC),
    )
    update = ProgressUpdate.objects.get(pk=recorded.update.pk)
    assert update.period == board.feb and update.late_for == board.jan
    # What the board read for January never changes.
    snapshot = ActionSnapshot.objects.get(period=board.jan, action=action)
    assert snapshot.is_stale and snapshot.progress_rag == ""


def test_an_update_for_the_open_period_is_not_late(board):
    recorded = progress_update_record(
        action=board.actions[4],
        author=board.coordinator,
        progress_rag=Rag.GREEN,
        note="On time",
        period=board.jan,
    )
    assert recorded.period == board.jan and recorded.late_for is None


def test_an_update_is_never_without_a_period():
    plan = PlanFactory()
    action = ActionFactory(theme=ThemeFactory(plan=plan))
    from plans.permissions import ADMIN
    from tests.factories import UserFactory

    admin = UserFactory(groups=[ADMIN])
    recorded = progress_update_record(action=action, author=admin, progress_rag=Rag.GREEN, note="First")
    assert recorded.period is not None and not recorded.period.closed
    assert period_ensure_open(plan=plan) == recorded.period


def test_the_data_migration_gives_every_plan_without_an_open_period_one():
    migration = importlib.import_module("plans.migrations.0011_every_plan_has_an_open_period")
    none_at_all = PlanFactory()
    all_closed = PlanFactory()
    ReportingPeriodFactory(plan=all_closed, month=datetime.date(2026, 1, 1), closed=True)
    has_open = PlanFactory()
    kept = ReportingPeriodFactory(plan=has_open, month=datetime.date(2026, 1, 1))
    migration.open_a_period_where_none_is(apps, None)
    assert ReportingPeriod.objects.filter(plan=none_at_all, closed=False).count() == 1
    assert ReportingPeriod.objects.get(plan=all_closed, closed=False).month == datetime.date(2026, 2, 1)
    assert list(ReportingPeriod.objects.filter(plan=has_open)) == [kept]


# ---------------------------------------------------------------- the pages


def close_url(board, slug):
    return reverse("plans:period_close", args=[board.plan.pk, slug])


def test_the_confirmation_page_says_what_will_be_frozen_and_who_has_not_reported(client, board):
    board.author.first_name, board.author.last_name = "Robin", "Okafor"
    board.author.save()
    for owner in board.owners:
        owner.holders.add(board.author)
    client.force_login(board.coordinator)
    page = client.get(close_url(board, "2026-01")).content.decode()
    assert "Close January 2026?" in page
    assert "<strong>6</strong> actions" in page
    assert "Progress RAG to be frozen" in page and "Impact RAG to be frozen" in page
    missing = [a for a in board.actions if not a.updates.filter(period=board.jan).exists()]
    assert f"{len(missing)} open action" in page
    holders = set()
    for action in missing:
        for owner in action.owners.all():
            assert str(owner) in page
            holders.update(owner.holders.all())
    assert holders, "the fixture's roles are held by someone"
    for person in holders:
        assert (person.get_full_name() or person.get_username()) in page
    assert "February 2026 is already open" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert not ReportingPeriod.objects.get(pk=board.jan.pk).closed


def test_the_confirmation_page_refuses_closing_out_of_order(client, board):
    client.force_login(board.coordinator)
    page = client.get(close_url(board, "2026-02")).content.decode()
    assert "Periods close in order" in page
    assert "Close February 2026 and open" not in page  # no button


def test_closing_from_the_page_says_what_opened(client, board):
    client.force_login(board.coordinator)
    response = client.post(close_url(board, "2026-01"), follow=True)
    text = response.content.decode()
    assert "January 2026 is closed: 6 actions frozen" in text
    assert "February 2026 is open for reporting" in text


def test_an_owner_saving_after_the_month_closed_is_told_it_was_recorded_late(client, board):
    from plans.permissions import OWNER

    action = board.actions[4]
    owner = action.owners.first()
    board.author.groups.add(
        *__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name=OWNER)
    )
    owner.holders.add(board.author)
    client.force_login(board.author)
    url = reverse("plans:progress_update_create", args=[action.pk])
    assert client.get(url).status_code == 200  # the page the owner loaded while January was open
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    response = client.post(
        url, {"period": board.jan.pk, "progress_rag": "A", "note": "Written in January"}, follow=True
    )
    update = ProgressUpdate.objects.filter(action=action).latest("created_at")
    assert update.late_for == board.jan and update.period == board.mar  # the open period owners report for now
    assert "marked late for January 2026" in response.content.decode()
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Late for January 2026" in page


def test_the_board_schedule_is_set_on_the_plan_edit_page(client, world):
    client.force_login(world.coordinator)
    url = reverse("plans:plan_edit", args=[world.plan.pk])
    page = client.get(url).content.decode()
    assert "The board meets on the (optional)" in page
    data = {
        "version": world.plan.version,
        "title": world.plan.title,
        "status": "active",
        "coordinators": [world.coordinator.pk],
        "board_week": "2",
    }
    response = client.post(url, data)
    assert "Choose both the week and the day the board meets, or neither" in response.content.decode()
    world.plan.refresh_from_db()
    assert world.plan.board_week is None
    response = client.post(url, {**data, "board_weekday": "1"})
    assert response.status_code == 302
    world.plan.refresh_from_db()
    assert world.plan.board_schedule == "second Tuesday of each month"
    page = client.get(world.plan.get_absolute_url()).content.decode()
    assert "The board meets on the second Tuesday of each month." in page
