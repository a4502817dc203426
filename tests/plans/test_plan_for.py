"""permissions.plan_for: the plan read with the user's links to it and their groups in one query, so
the board reports' permission checks ask nothing more and answer as they would have asked."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from audits.permissions import AGENCY_AUDITOR, can_view_audits
from plans import permissions
from plans.models import Plan, PlanStatus
from plans.permissions import ADMIN, BOARD, COORDINATOR, OWNER
from tests.factories import PlanFactory, UserFactory

pytestmark = pytest.mark.django_db


def _fresh(user):
    """The user as the next request loads it (nothing remembered on the object)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def people():
    plan = PlanFactory()
    on_board = UserFactory(groups=[BOARD])
    plan.board_members.add(on_board)
    coordinator = UserFactory(groups=[COORDINATOR, OWNER])
    plan.coordinators.add(coordinator)
    board_elsewhere = UserFactory(groups=[BOARD])  # a board member, not of this plan's board
    named_not_in_group = UserFactory()  # on the board but not in the Board group
    plan.board_members.add(named_not_in_group)
    coordinator_not_named = UserFactory(groups=[COORDINATOR])
    admin = UserFactory(groups=[ADMIN])
    auditor = UserFactory(groups=[AGENCY_AUDITOR, 'Quoted "name", with a comma'])
    return plan, [on_board, coordinator, board_elsewhere, named_not_in_group, coordinator_not_named, admin, auditor]


def test_the_checks_answer_as_they_do_when_they_ask(people):
    plan, users = people
    for user in users:
        asked = (
            permissions.can_read_board_reports(_fresh(user), Plan.objects.get(pk=plan.pk)),
            permissions.coordinates(_fresh(user), Plan.objects.get(pk=plan.pk)),
        )
        fresh = _fresh(user)
        read = permissions.plan_for(fresh, plan.pk)
        assert (permissions.can_read_board_reports(fresh, read), permissions.coordinates(fresh, read)) == asked, user


def test_a_draft_plans_board_reports_are_its_coordinators_alone(people):
    plan, (on_board, coordinator, *_) = people
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    member, lead = _fresh(on_board), _fresh(coordinator)
    assert not permissions.can_read_board_reports(member, permissions.plan_for(member, plan.pk))
    assert permissions.can_read_board_reports(lead, permissions.plan_for(lead, plan.pk))


def test_the_groups_are_read_with_the_plan_exactly(people, django_assert_num_queries):
    plan, users = people
    for user in users:
        expected = set(user.groups.values_list("name", flat=True))
        fresh = _fresh(user)
        with django_assert_num_queries(1):
            read = permissions.plan_for(fresh, plan.pk)
        with django_assert_num_queries(0):
            assert permissions._groups(fresh) == expected
            permissions.can_read_board_reports(fresh, read)
            permissions.coordinates(fresh, read)
            permissions.is_admin(fresh)
            can_view_audits(fresh)


def test_links_read_for_one_user_are_not_taken_for_another(people):
    plan, (on_board, _, board_elsewhere, *_) = people
    read = permissions.plan_for(_fresh(on_board), plan.pk)
    assert permissions.can_read_board_reports(_fresh(on_board), read)
    assert not permissions.can_read_board_reports(_fresh(board_elsewhere), read)


def test_groups_already_read_are_not_read_again(people, django_assert_num_queries):
    plan, (on_board, *_) = people
    user = _fresh(on_board)
    permissions._groups(user)
    with django_assert_num_queries(1):
        read = permissions.plan_for(user, plan.pk)
    assert not hasattr(read, "user_group_names")
    assert permissions.can_read_board_reports(user, read)


def test_no_plan_or_no_user(people):
    plan, (on_board, *_) = people
    with pytest.raises(Plan.DoesNotExist):
        permissions.plan_for(_fresh(on_board), plan.pk + 1000)
    anonymous = AnonymousUser()
    assert not permissions.can_read_board_reports(anonymous, permissions.plan_for(anonymous, plan.pk))
