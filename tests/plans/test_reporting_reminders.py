"""send_update_reminders: who gets an email, what it lists, and never twice a day."""

import datetime
from io import StringIO

from django.core import mail
from django.core.management import call_command

from plans.models import Rag, ReminderLog
from plans.services.reminders import update_reminders_send
from tests.factories import ProgressUpdateFactory, UserFactory


def test_owners_are_reminded_of_actions_without_an_update_this_period(world, settings):
    settings.SITE_URL = "https://improvement.example.org"
    ProgressUpdateFactory(action=world.other_action, period=world.period, author=world.coordinator)
    other_holder = UserFactory(username="probation", email="probation@example.org")
    world.other_role.holders.add(other_holder)
    result = update_reminders_send()
    # Plan A's 1.2 was updated this period; the probation role's plan B action was not.
    assert sorted((u.username, p.title, n) for u, p, n in result.sent) == [
        ("owner-user", "Plan A", 1),
        ("probation", "Plan B", 1),
    ]
    assert len(mail.outbox) == 2
    email = next(m for m in mail.outbox if m.to == ["owner-user@example.org"])
    assert email.to == ["owner-user@example.org"]
    assert "1.1" in email.body
    assert f"https://improvement.example.org/actions/{world.action.pk}/update/" in email.body
    assert "Review the threshold" in email.body


def test_running_twice_on_the_same_day_sends_once(world):
    out = StringIO()
    call_command("send_update_reminders", stdout=out)
    call_command("send_update_reminders", stdout=out)
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.count() == 1
    assert "1 already sent today" in out.getvalue()


def test_next_day_reminds_again_and_completed_actions_are_left_out(world):
    today = datetime.date.today()
    update_reminders_send(today=today)
    ProgressUpdateFactory(action=world.action, period=world.period, author=world.owner, progress_rag=Rag.BLUE)
    update_reminders_send(today=today + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1
