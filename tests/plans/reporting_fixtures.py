"""A hand-counted plan for board reporting tests (imported by tests/plans/test_reporting*.py)."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from plans.models import Rag
from plans.permissions import BOARD, COORDINATOR
from tests.factories import (
    ActionFactory,
    OwnerFactory,
    PlanFactory,
    ProgressUpdateFactory,
    ReportingPeriodFactory,
    ThemeFactory,
    UserFactory,
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
        action=action,
        period=period,
        progress_rag=progress,
        impact_rag=impact,
        note=note or f"{action.ref} {progress} in {period.label}",
        created_at=at(day or period.month + datetime.timedelta(days=10)),
        **extra,
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
    return Board(
        plan, jan, feb, mar, [t1, t2], [o1, o2], [a11, a12, a13, a21, a22, a23], coordinator, board_member, author
    )


def counts(summary):
    return {(rag.label if rag else "No rating"): n for rag, n, _ in summary}
