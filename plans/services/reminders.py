"""Reminding owners, before the board, of the actions they have not updated for the open period."""
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from plans.models import Action, Plan, PlanStatus, ReminderLog
from plans.selectors import current_periods


@dataclass
class RemindersResult:
    sent: list = field(default_factory=list)  # (user, plan, number of actions)
    skipped_already_sent: int = 0
    skipped_no_email: int = 0


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def update_reminders_send(*, today=None):
    """Email each user holding an owner role whose actions lack an update for their plan's open period.

    One email per user and plan per day, whatever how often it runs (ReminderLog's unique constraint);
    a failed send records nothing, so the next run tries again.
    """
    today = today or timezone.localdate()
    result = RemindersResult()
    plans = Plan.objects.exclude(status__in=[PlanStatus.CLOSED, PlanStatus.DRAFT])  # a draft's owners are not yet asked
    periods = current_periods(plans=plans, today=today)
    for plan in plans.filter(pk__in=periods.keys()).order_by("pk"):
        period = periods[plan.pk]
        pending = Action.objects.for_plan(plan).stale(period).prefetch_related("owners__holders").in_plan_order()
        by_user = {}
        for action in pending:
            for owner in action.owners.all():
                for user in owner.holders.all():
                    if user.is_active:
                        by_user.setdefault(user, {})[action.pk] = action
        for user, actions in sorted(by_user.items(), key=lambda item: item[0].pk):
            if not user.email:
                result.skipped_no_email += 1
                continue
            actions = list(actions.values())
            try:
                with transaction.atomic():
                    ReminderLog.objects.create(user=user, plan=plan, period=period, date=today, action_count=len(actions))
                    _send(user=user, plan=plan, period=period, actions=actions)
            except IntegrityError:
                result.skipped_already_sent += 1
                continue
            result.sent.append((user, plan, len(actions)))
    return result


def _send(*, user, plan, period, actions):
    context = {
        "user": user, "plan": plan, "period": period,
        "actions": [
            {"action": a, "url": absolute_url(reverse("plans:progress_update_create", args=[a.pk]))} for a in actions
        ],
        "my_actions_url": absolute_url(reverse("plans:my_actions")),
    }
    subject = f"Progress updates due for {period.label}: {plan.title}"
    body = render_to_string("plans/reporting/reminder_email.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
