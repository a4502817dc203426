"""The demo: the Solihull plan, months of plausible progress, and one account per role."""

import datetime
import json
import random
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from plans.models import Action, BoardWeek, Owner, Plan, ProgressUpdate, Rag, ReportingPeriod, Weekday
from plans.services.owners import owner_get_or_create
from plans.services.plan_data import plan_create_from_data
from plans.services.roles import ADMIN, BOARD, COORDINATOR, OWNER, role_groups_ensure

DEMO_PASSWORD = "improvement-demo"  # noqa: S105 - the demo accounts' published password
DEMO_PLAN_FILE = settings.BASE_DIR / "fixtures" / "solihull_iocs_plan.json"
DEMO_MONTHS = 6

# username: (full name, group, owner roles held)
DEMO_ACCOUNTS = {
    "admin": ("Sam Patel", ADMIN, []),
    "coordinator": ("Jo Whitfield", COORDINATOR, []),
    "owner": ("Alex Morgan", OWNER, ["Interim Assistant Director Improvement", "Head of Probation"]),
    "board": ("Cllr Pat Evans", BOARD, []),
}

NOTES = {
    Rag.BLUE: [
        "Completed. Evidence of sign-off is with the improvement board secretariat.",
        "Action complete; the new arrangements are embedded and reviewed through audit.",
    ],
    Rag.GREEN: [
        "Work progressing as planned. Project group met this month and agreed next steps.",
        "On track: draft completed and out for consultation with partners.",
        "Progress as expected; first audit of the new arrangements scheduled.",
    ],
    Rag.AMBER: [
        "Slippage because of staff vacancies; a recovery plan has been agreed with the Assistant Director.",
        "Partner sign-off delayed; expect to recover by the timescale.",
        "Dependent on recruitment; interim cover in place and plan to recover agreed.",
    ],
    Rag.RED: [
        "Not progressing: funding not yet agreed. Board decision needed on priority.",
        "Stalled because of system changes outside our control; escalated to the board.",
    ],
    Rag.GREY: ["Not yet started; not due to begin until next quarter."],
}


@dataclass
class DemoResult:
    plan: Plan
    created: bool
    updates: int
    users: dict


def _month_start(day, months_back=0):
    year, month = day.year, day.month - months_back
    while month < 1:
        month += 12
        year -= 1
    return datetime.date(year, month, 1)


def _next_rag(rnd, previous):
    if previous == Rag.BLUE:
        return Rag.BLUE
    if previous in (None, Rag.GREY):
        return rnd.choices([Rag.GREY, Rag.GREEN, Rag.AMBER, Rag.RED], [4, 5, 2, 0.5])[0]
    moves = {
        Rag.GREEN: ([Rag.GREEN, Rag.BLUE, Rag.AMBER, Rag.RED], [12, 1, 2, 0.3]),
        Rag.AMBER: ([Rag.AMBER, Rag.GREEN, Rag.RED], [5, 3, 1.5]),
        Rag.RED: ([Rag.RED, Rag.AMBER], [2, 1]),
    }
    options, weights = moves[previous]
    return rnd.choices(options, weights)[0]


def demo_accounts_ensure():
    """Create or reset the demo accounts (password `improvement-demo`). Idempotent."""
    groups = role_groups_ensure()
    users = {}
    User = get_user_model()
    for username, (full_name, group, _roles) in DEMO_ACCOUNTS.items():
        user, _ = User.objects.get_or_create(username=username)
        first, last = full_name.rsplit(" ", 1)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_staff = group == ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([groups[group]])
        users[username] = user
    return users


@transaction.atomic
def plan_demo_load(*, today=None):
    """Load the demo plan with progress for the last months and the demo accounts. Idempotent."""
    today = today or timezone.localdate()
    users = demo_accounts_ensure()
    data = json.loads(DEMO_PLAN_FILE.read_text(encoding="utf-8"))
    plan = Plan.objects.filter(title=data["title"], organisation=data["organisation"]).first()
    created = plan is None
    updates = 0
    if created:
        plan = plan_create_from_data(data=data)
        Plan.objects.filter(pk=plan.pk).update(board_week=BoardWeek.SECOND, board_weekday=Weekday.TUESDAY)
        plan.refresh_from_db()
    for username, (_name, _group, role_titles) in DEMO_ACCOUNTS.items():
        for title in role_titles:
            owner = owner_get_or_create(title=title)
            owner.holders.add(users[username])
            # Who holds a role is edited on the role's page, which checks the role's version.
            Owner.objects.filter(pk=owner.pk).update(version=F("version") + 1)
    if created:
        updates = _progress_history_create(plan=plan, users=users, today=today)
    plan.coordinators.add(users["coordinator"])
    plan.board_members.add(users["board"])
    return DemoResult(plan=plan, created=created, updates=updates, users=users)


def _progress_history_create(*, plan, users, today):
    rnd = random.Random(20240601)  # noqa: S311 - repeatable demo data
    months = [_month_start(today, back) for back in reversed(range(DEMO_MONTHS))]
    periods = []
    for month in months:
        # update_or_create: the plan was given its open period (this month) when it was created.
        periods.append(
            ReportingPeriod.objects.update_or_create(
                plan=plan,
                month=month,
                defaults=dict(
                    board_meeting_date=plan.board_meeting_for(month),
                    closed=month < months[-1],
                    closed_at=timezone.make_aware(datetime.datetime.combine(_month_start(month, -1), datetime.time(17)))
                    if month < months[-1]
                    else None,
                    closed_by=users["coordinator"] if month < months[-1] else None,
                ),
            )[0]
        )
    actions = list(Action.objects.for_plan(plan).prefetch_related("owners__holders").in_plan_order())
    new_updates = []
    for action in actions:
        holders = [h for owner in action.owners.all() for h in owner.holders.all()]
        author = holders[0] if holders else users["coordinator"]
        previous = None
        first_month = rnd.randrange(0, 3)
        for index, period in enumerate(periods):
            if index < first_month:
                continue
            is_current = index == len(periods) - 1
            if is_current and rnd.random() < 0.45:
                continue  # not everyone has updated yet this month
            rag = _next_rag(rnd, previous)
            impact = "" if rag == Rag.GREY else rnd.choice([Rag.GREY, Rag.AMBER, Rag.GREEN, rag])
            day = min(20, 5 + rnd.randrange(0, 15))
            created_at = timezone.make_aware(
                datetime.datetime.combine(period.month.replace(day=day), datetime.time(10))
            )
            if created_at > timezone.now():
                created_at = timezone.now() - datetime.timedelta(minutes=len(new_updates) + 1)
            new_updates.append(
                ProgressUpdate(
                    action=action,
                    period=period,
                    author=author,
                    progress_rag=rag,
                    impact_rag=impact,
                    note=rnd.choice(NOTES[rag]),
                    created_at=created_at,
                )
            )
            previous = rag
    ProgressUpdate.objects.bulk_create(new_updates)
    from plans.services.periods import period_snapshots_backfill

    period_snapshots_backfill(plan=plan)  # the closed months' frozen figures, as period_close writes them
    return len(new_updates)
