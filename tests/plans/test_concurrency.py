"""No lost updates: a save made over someone else's newer save is refused, showing what changed."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from improvement.concurrency import ConcurrentEditError, save_if_unchanged
from plans.models import Owner
from plans.permissions import ADMIN
from tests.factories import OwnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def edit_url(owner):
    return reverse("plans:owner_edit", args=[owner.pk])


def test_every_save_moves_the_version_on():
    owner = OwnerFactory(title="Head of Probation")
    assert owner.version == 1
    owner.agency = "Probation Service"
    owner.save()
    owner.save(update_fields=["agency"])
    owner.refresh_from_db()
    assert owner.version == 3


def test_second_of_two_simultaneous_edits_is_refused_and_shows_both_versions(client, world):
    owner = world.owner_role
    other_admin = UserFactory(username="second-admin", first_name="Sam", last_name="Second", groups=[ADMIN])
    client.force_login(world.admin)
    loaded_version = client.get(edit_url(owner)).context["form"].initial["version"]

    # Someone else opens the same page and saves first.
    from django.test import Client

    other = Client()
    other.force_login(other_admin)
    first = other.post(
        edit_url(owner), {"title": "Head of Safeguarding and QA", "agency": "Council", "version": loaded_version}
    )
    assert first.status_code == 302

    second = client.post(edit_url(owner), {"title": "Head of Quality", "agency": "", "version": loaded_version})

    assert second.status_code == 409
    owner.refresh_from_db()
    assert (owner.title, owner.agency) == ("Head of Safeguarding and QA", "Council")
    html = second.content.decode()
    assert "Someone else changed this owner while you were editing it" in html
    assert "Sam Second saved it" in html
    conflicts = {c.field: c for c in second.context["edit_conflict"].conflicts}
    assert conflicts["title"].original == "Head of Service Safeguards"
    assert conflicts["title"].theirs == "Head of Safeguarding and QA"
    assert conflicts["title"].yours == "Head of Quality"
    assert conflicts["agency"].theirs == "Council"
    # What this person typed is still in the form, now carrying the current version.
    assert second.context["form"]["title"].value() == "Head of Quality"
    assert int(second.context["form"]["version"].value()) == owner.version


def test_saving_again_after_seeing_the_conflict_is_a_deliberate_overwrite(client, world):
    owner = world.owner_role
    client.force_login(world.admin)
    stale = owner.version
    Owner.objects.get(pk=owner.pk).save()  # someone else, elsewhere (the Django admin, a service)
    conflict = client.post(edit_url(owner), {"title": "Head of Quality", "agency": "", "version": stale})
    assert conflict.status_code == 409

    retry = client.post(
        edit_url(owner),
        {"title": "Head of Quality", "agency": "", "version": conflict.context["form"]["version"].value()},
    )

    assert retry.status_code == 302
    owner.refresh_from_db()
    assert owner.title == "Head of Quality"


def test_an_edit_without_its_version_is_refused(client, world):
    client.force_login(world.admin)
    response = client.post(edit_url(world.owner_role), {"title": "Head of Quality", "agency": ""})
    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    world.owner_role.refresh_from_db()
    assert world.owner_role.title == "Head of Service Safeguards"


def test_only_fields_the_other_person_changed_are_listed():
    owner = OwnerFactory(title="Head of Probation", agency="")
    loaded = owner.version
    elsewhere = Owner.objects.get(pk=owner.pk)
    elsewhere.agency = "Probation Service"
    elsewhere.save()

    with pytest.raises(ConcurrentEditError) as raised:
        save_if_unchanged(owner, expected_version=loaded, changes={"title": "Head of Probation (West)", "agency": ""})

    assert [c.field for c in raised.value.conflicts] == ["agency"]
    owner.refresh_from_db()
    assert (owner.title, owner.agency) == ("Head of Probation", "Probation Service")


def test_a_deleted_row_is_a_conflict_too():
    owner = OwnerFactory()
    stale = Owner.objects.get(pk=owner.pk)
    owner.delete()
    with pytest.raises(ConcurrentEditError) as raised:
        save_if_unchanged(stale, expected_version=stale.version, changes={"title": "New title"})
    assert raised.value.current is None
    assert not Owner.objects.exists()


@pytest.mark.parametrize("user", ["owner", "outsider_coordinator", "board"])
def test_who_may_not_manage_the_role_cannot_edit_it(client, world, user):
    client.force_login(world.user(user))
    response = client.post(edit_url(world.owner_role), {"title": "X", "agency": "", "version": 1})
    assert response.status_code == 403
    world.owner_role.refresh_from_db()
    assert world.owner_role.title == "Head of Service Safeguards"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrent transactions need PostgreSQL")
def test_racing_saves_on_postgresql_let_exactly_one_through():
    owner = OwnerFactory(title="Start")
    loaded = owner.version
    barrier = threading.Barrier(6)
    outcomes = []

    def edit(n):
        try:
            barrier.wait()
            save_if_unchanged(Owner.objects.get(pk=owner.pk), expected_version=loaded, changes={"title": f"Edit {n}"})
            outcomes.append(("saved", n))
        except ConcurrentEditError:
            outcomes.append(("refused", n))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    saved = [n for kind, n in outcomes if kind == "saved"]
    assert len(outcomes) == 6 and len(saved) == 1
    owner.refresh_from_db()
    assert owner.title == f"Edit {saved[0]}" and owner.version == loaded + 1
