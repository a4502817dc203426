"""Owner roles: who manages them, renaming, and reassigning post-holders with history kept."""

import pytest
from django.urls import reverse

from plans.models import Owner, ProgressUpdate
from plans.permissions import OWNER
from plans.services.actions import progress_update_record
from plans.services.owners import owner_reassign
from tests.factories import ActionFactory, OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role, list_status, own_role_status, foreign_role_status",
    [
        ("admin", 200, 200, 200),
        ("coordinator", 200, 200, 403),
        ("outsider_coordinator", 200, 403, 200),
        ("owner", 403, 403, 403),
        ("board", 403, 403, 403),
        ("nobody", 403, 403, 403),
    ],
)
def test_who_manages_owner_roles(client, world, role, list_status, own_role_status, foreign_role_status):
    # owner_role owns actions only in plan A; a fresh role owns only plan B's action.
    plan_b_role = OwnerFactory(title="Plan B lead")
    world.foreign_action.owners.set([plan_b_role])
    client.force_login(world.user(role))
    assert client.get(reverse("plans:owner_list")).status_code == list_status
    assert client.get(reverse("plans:owner_edit", args=[world.owner_role.pk])).status_code == own_role_status
    assert client.get(reverse("plans:owner_edit", args=[plan_b_role.pk])).status_code == foreign_role_status


@pytest.mark.parametrize("role", ["owner", "board", "nobody", "outsider_coordinator"])
def test_refused_users_cannot_reassign_or_rename(client, world, role):
    client.force_login(world.user(role))
    url = reverse("plans:owner_edit", args=[world.owner_role.pk])
    assert client.post(url, {"holders_submit": "1", "holders": [world.nobody.pk]}).status_code == 403
    assert client.post(url, {"title": "Renamed"}).status_code == 403
    world.owner_role.refresh_from_db()
    assert world.owner_role.title == "Head of Service Safeguards"
    assert list(world.owner_role.holders.all()) == [world.owner]


def test_unused_role_can_be_managed_by_any_coordinator(client, world):
    spare = OwnerFactory(title="Spare role")
    client.force_login(world.outsider_coordinator)
    assert client.get(reverse("plans:owner_edit", args=[spare.pk])).status_code == 200


def test_add_role_and_validation(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:owner_create"), {"title": " ", "agency": "Police"})
    assert "Enter the role title" in response.content.decode()
    response = client.post(reverse("plans:owner_create"), {"title": "head of service safeguards", "agency": ""})
    assert "There is already a role called head of service safeguards" in response.content.decode()
    assert Owner.objects.count() == 2
    response = client.post(reverse("plans:owner_create"), {"title": "DCI Public Protection", "agency": "Police"})
    owner = Owner.objects.get(title="DCI Public Protection")
    assert response["Location"] == reverse("plans:owner_edit", args=[owner.pk])


def test_rename_role(client, world):
    client.force_login(world.coordinator)
    url = reverse("plans:owner_edit", args=[world.owner_role.pk])
    response = client.post(url, {"title": "Head of Probation", "agency": "", "version": world.owner_role.version})
    assert "There is already a role called Head of Probation" in response.content.decode()
    client.post(url, {"title": "Head of Safeguarding", "agency": "Council", "version": world.owner_role.version})
    world.owner_role.refresh_from_db()
    assert str(world.owner_role) == "Head of Safeguarding (Council)"


def test_reassigning_a_role_moves_my_actions_and_keeps_past_authors(client, world):
    progress_update_record(action=world.action, author=world.owner, progress_rag="A", note="Delayed by recruitment")
    successor = UserFactory(username="successor", first_name="Sam", last_name="Successor", groups=[OWNER])

    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:owner_edit", args=[world.owner_role.pk]),
        {"holders_submit": "1", "holders": [successor.pk], "version": world.owner_role.version},
        follow=True,
    )
    page = response.content.decode()
    assert "Sam Successor now holds the role" in page and "no longer holds it" in page

    client.force_login(successor)
    assert world.action.get_absolute_url() in client.get(reverse("plans:my_actions")).content.decode()
    assert client.get(reverse("plans:progress_update_create", args=[world.action.pk])).status_code == 200

    client.force_login(world.owner)
    assert world.action.get_absolute_url() not in client.get(reverse("plans:my_actions")).content.decode()
    assert client.get(reverse("plans:progress_update_create", args=[world.action.pk])).status_code == 403

    update = ProgressUpdate.objects.get(action=world.action)
    assert update.author == world.owner
    client.force_login(world.coordinator)
    detail = client.get(world.action.get_absolute_url()).content.decode()
    assert f"by {world.owner.get_full_name()}" in detail


def test_reassign_service_reports_changes(world):
    successor = UserFactory(username="next")
    added, removed = owner_reassign(
        owner=world.owner_role, holders=[world.owner, successor], expected_version=world.owner_role.version
    )
    assert (added, removed) == ([successor], [])
    added, removed = owner_reassign(
        owner=world.owner_role, holders=[successor], expected_version=world.owner_role.version
    )
    assert (added, removed) == ([], [world.owner])


def test_holders_form_refuses_unknown_users(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:owner_edit", args=[world.owner_role.pk]), {"holders_submit": "1", "holders": ["999999"]}
    )
    assert "Select people from the list" in response.content.decode()
    assert list(world.owner_role.holders.all()) == [world.owner]


def test_owner_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.admin)
    for _n in range(30):
        role = OwnerFactory()
        role.holders.add(UserFactory())
        ActionFactory(theme=world.theme, owners=[role])
    with django_assert_max_num_queries(8):
        assert client.get(reverse("plans:owner_list")).status_code == 200


def test_role_page_lists_the_actions_it_owns(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:owner_edit", args=[world.owner_role.pk])).content.decode()
    assert world.action.get_absolute_url() in page
    assert world.other_action.get_absolute_url() not in page


def test_role_page_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    for _ in range(30):
        ActionFactory(theme=world.theme, owners=[world.owner_role])
        world.owner_role.holders.add(UserFactory())
    client.force_login(world.admin)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("plans:owner_edit", args=[world.owner_role.pk])).status_code == 200
