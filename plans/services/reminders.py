"""Reminding owners, before the board, of the actions they have not updated for the open period."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plans.models import Action, Plan, PlanStatus, ReminderLog
from plans.selectors.progress import current_periods
from plans.selectors.status import status_rows


@dataclass
class RemindersResult:
    sent: list = field(default_factory=list)  # (user, plan, number of actions)
    skipped_already_sent: int = 0
    skipped_no_email: int = 0
    skipped_users: list = field(default_factory=list)  # (user, why) for the people a coordinator chose


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def update_reminders_send(*, today=None, plan=None, users=None, sent_by=None):
    """Email each user holding an owner role whose actions lack an update for their plan's open period.

    The daily command sends to everyone; a coordinator's button names the plan, and may name some
    of its people (`users`), and is `sent_by` them. One email per user and plan per day, whoever
    sends it (ReminderLog's unique constraint); each is logged with its actions. A failed send
    records nothing, so the next run tries again.
    """
    today = today or timezone.localdate()
    result = RemindersResult()
    plans = Plan.objects.exclude(
        status__in=[PlanStatus.CLOSED, PlanStatus.ARCHIVED, PlanStatus.DRAFT]
    )  # a draft's owners are not yet asked
    if plan is not None:
        plans = plans.filter(pk=plan.pk)
    chosen = None if users is None else {user.pk for user in users}
    periods = current_periods(plans=plans, today=today)
    for plan in plans.filter(pk__in=periods.keys()).order_by("pk"):
        period = periods[plan.pk]
        stale_ids = [row.action_id for row in status_rows(plan=plan, period=period, as_of=today) if row.is_stale]
        pending = Action.objects.filter(pk__in=stale_ids).prefetch_related("owners__holders").in_plan_order()
        by_user = {}
        for action in pending:
            for owner in action.owners.all():
                for user in owner.holders.all():
                    if user.is_active:
                        by_user.setdefault(user, {})[action.pk] = action
        for user, actions in sorted(by_user.items(), key=lambda item: item[0].pk):
            if chosen is not None and user.pk not in chosen:
                continue
            if not user.email:
                result.skipped_no_email += 1
                result.skipped_users.append((user, "has no email address"))
                continue
            actions = list(actions.values())
            try:
                with transaction.atomic():
                    log = ReminderLog.objects.create(
                        user=user,
                        plan=plan,
                        period=period,
                        date=today,
                        action_count=len(actions),
                        sent_by=sent_by,
                        sent_at=timezone.now(),
                    )
                    log.actions.set(actions)
                    _send(user=user, plan=plan, period=period, actions=actions)
            except IntegrityError:
                result.skipped_already_sent += 1
                result.skipped_users.append((user, "was already reminded today"))
                continue
            result.sent.append((user, plan, len(actions)))
    return result


def _send(*, user, plan, period, actions):
    context = {
        "user": user,
        "plan": plan,
        "period": period,
        "actions": [
            {"action": a, "url": absolute_url(reverse("plans:progress_update_create", args=[a.pk]))} for a in actions
        ],
        "my_actions_url": absolute_url(reverse("plans:my_actions")),
    }
    subject = f"Progress updates due for {period.label}: {plan.title}"
    body = render_to_string("plans/reporting/reminder_email.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
