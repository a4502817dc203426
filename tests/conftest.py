"""Shared fixtures: a small plan with one user per role."""

import datetime
import os
from dataclasses import dataclass

import pytest
from django.utils import timezone

from plans.permissions import ADMIN, BOARD, COORDINATOR, OWNER
from tests.factories import (
    ActionFactory,
    OwnerFactory,
    PlanFactory,
    ReportingPeriodFactory,
    SourceReferenceFactory,
    ThemeFactory,
    UserFactory,
)

# Fixtures through which a test reaches the database (directly or through others such as `world`).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def pytest_collection_modifyitems(config, items):
    """Against PostgreSQL (`make test-postgres`), run the tests that touch the database: the others
    (reading spreadsheets, parsing, settings in a subprocess) already ran on SQLite, and running
    them again would prove nothing about PostgreSQL."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    kept, dropped = [], []
    for item in items:
        uses_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        (kept if uses_database else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run inside the request in tests (one test runs the real worker instead)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a closed period's cached figures are keyed by its id,
    which the next test's database may give to another period. The database cache (settings)
    needs no clearing: its rows go with each test's rolled-back transaction, and its keys carry
    the period's closing time."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@dataclass
class World:
    plan: object
    other_plan: object
    theme: object
    period: object
    owner_role: object
    other_role: object
    action: object
    other_action: object
    foreign_action: object
    admin: object
    coordinator: object
    owner: object
    board: object
    outsider_coordinator: object
    outsider_board: object
    nobody: object

    def user(self, name):
        return getattr(self, name)


@pytest.fixture
def world(db):
    """Plan A with two actions owned by different roles, plan B with one, and a user per role."""
    plan = PlanFactory(title="Plan A")
    other_plan = PlanFactory(title="Plan B")
    theme = ThemeFactory(plan=plan, number="1", title="Leadership")
    other_theme = ThemeFactory(plan=other_plan, number="1", title="Partnerships")
    period = ReportingPeriodFactory(plan=plan, month=timezone.localdate().replace(day=1))
    ReportingPeriodFactory(plan=other_plan, month=timezone.localdate().replace(day=1))
    owner_role = OwnerFactory(title="Head of Service Safeguards")
    other_role = OwnerFactory(title="Head of Probation")
    action = ActionFactory(theme=theme, ref="1.1", owners=[owner_role], due_date=datetime.date(2020, 1, 31))
    SourceReferenceFactory(action=action, source__code="JTAI", paragraph="3.1")
    other_action = ActionFactory(theme=theme, ref="1.2", owners=[other_role])
    foreign_action = ActionFactory(theme=other_theme, ref="1.1", owners=[other_role])

    admin = UserFactory(username="admin-user", groups=[ADMIN])
    coordinator = UserFactory(username="coordinator-user", groups=[COORDINATOR])
    plan.coordinators.add(coordinator)
    owner = UserFactory(username="owner-user", groups=[OWNER])
    owner_role.holders.add(owner)
    board = UserFactory(username="board-user", groups=[BOARD])
    plan.board_members.add(board)
    outsider_coordinator = UserFactory(username="other-coordinator", groups=[COORDINATOR])
    other_plan.coordinators.add(outsider_coordinator)
    outsider_board = UserFactory(username="other-board", groups=[BOARD])
    other_plan.board_members.add(outsider_board)
    nobody = UserFactory(username="no-role")
    return World(
        plan=plan,
        other_plan=other_plan,
        theme=theme,
        period=period,
        owner_role=owner_role,
        other_role=other_role,
        action=action,
        other_action=other_action,
        foreign_action=foreign_action,
        admin=admin,
        coordinator=coordinator,
        owner=owner,
        board=board,
        outsider_coordinator=outsider_coordinator,
        outsider_board=outsider_board,
        nobody=nobody,
    )
