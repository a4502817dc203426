"""Each role starts where its work is (plans.selectors.start), after signing in and at /; overdue is
shown wherever an action is, from the one status read model."""

import pytest
from django.urls import reverse

from audits.permissions import AUDIT_LEAD
from plans.permissions import BOARD, COORDINATOR
from tests.factories import PlanFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def sign_in(client, user):
    user.set_password(PASSWORD)
    user.save()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response.url)  # "/" then sends each role on


@pytest.mark.parametrize(
    "who, where",
    [
        ("admin", lambda w: reverse("plans:plan_list")),
        ("coordinator", lambda w: reverse("plans:round", args=[w.plan.pk])),
        ("board", lambda w: reverse("plans:board_dashboard", args=[w.plan.pk])),
        ("owner", lambda w: reverse("plans:my_actions")),
        ("nobody", lambda w: reverse("plans:my_actions")),
    ],
)
def test_each_role_lands_where_its_work_is_after_signing_in(client, world, who, where):
    response = sign_in(client, world.user(who))
    assert response.status_code == 302 and response.url == where(world)
    assert client.get("/").url == where(world)


def test_an_audit_lead_lands_on_the_audits(client, db):
    lead = UserFactory(groups=[AUDIT_LEAD])
    response = sign_in(client, lead)
    assert response.url == reverse("audits:programme_list")


def test_a_board_member_of_several_plans_chooses_a_board(client, world):
    world.other_plan.board_members.add(world.board)
    response = sign_in(client, world.board)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your boards" in page
    for plan in (world.plan, world.other_plan):
        assert reverse("plans:board_dashboard", args=[plan.pk]) in page


def test_a_coordinator_of_several_plans_starts_on_the_plans(client, world):
    world.other_plan.coordinators.add(world.coordinator)
    assert sign_in(client, world.coordinator).url == reverse("plans:plan_list")


def test_archived_plans_are_nobodys_start(client, world):
    PlanFactory(status="archived").board_members.add(world.board)
    assert sign_in(client, world.board).url == reverse("plans:board_dashboard", args=[world.plan.pk])


def test_a_coordinator_who_coordinates_nothing_yet_starts_on_my_actions(client, db):
    user = UserFactory(groups=[COORDINATOR])
    assert sign_in(client, user).url == reverse("plans:my_actions")


def test_a_board_member_of_no_plan_starts_on_my_actions(client, db):
    user = UserFactory(groups=[BOARD])
    assert sign_in(client, user).url == reverse("plans:my_actions")


# ---------------------------------------------------------------- overdue wherever an action is


def test_overdue_is_shown_on_my_actions(client, world, django_assert_max_num_queries):
    client.force_login(world.owner)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("plans:my_actions")).content.decode()
    assert "31 Jan 2020" in page and "Overdue" in page


def test_overdue_is_shown_on_the_plan_page(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:plan_detail", args=[world.plan.pk])).content.decode()
    assert page.count("app-overdue") == 1  # 1.1 is due in 2020; 1.2 has no due date


def test_the_update_form_shows_the_due_date_and_overdue(client, world):
    client.force_login(world.owner)
    page = client.get(reverse("plans:progress_update_create", args=[world.action.pk])).content.decode()
    assert "31 January 2020" in page and "Overdue" in page
    other = client.get(reverse("plans:progress_update_create", args=[world.other_action.pk]))
    assert other.status_code == 403  # not the owner's action


def test_an_action_not_yet_due_is_not_overdue_on_the_update_form(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:progress_update_create", args=[world.other_action.pk])).content.decode()
    assert "Overdue" not in page
