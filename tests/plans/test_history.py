"""The audit trail: every change to plans, themes, actions, owners and measures, who and when,
before and after; the action's History page and the admins' audit log."""

import re

import pytest
from django.urls import reverse

from plans.models import Action, Owner
from tests.factories import ActionFactory, MeasureFactory, OwnerFactory

pytestmark = pytest.mark.django_db


def change_action(action, user, **fields):
    for name, value in fields.items():
        setattr(action, name, value)
    action._history_user = user  # what HistoryRequestMiddleware does for a web request
    action.save()


def test_editing_through_a_page_records_who_and_before_and_after(client, world):
    client.force_login(world.admin)
    owner = world.owner_role
    client.post(
        reverse("plans:owner_edit", args=[owner.pk]),
        {"title": "Head of Safeguarding", "agency": "Council", "version": owner.version},
    )

    record = Owner.history.filter(id=owner.pk).latest("history_date")
    assert record.history_user == world.admin
    assert record.history_type == "~"
    delta = record.diff_against(record.prev_record)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    assert changes["title"] == ("Head of Service Safeguards", "Head of Safeguarding")
    assert changes["agency"] == ("", "Council")


def test_action_history_page_shows_each_change_with_who_when_and_owner_changes(client, world):
    action = world.action
    change_action(action, world.coordinator, action_text="Audit every strategy discussion monthly.", due_date=None)
    new_role = OwnerFactory(title="Service Manager QA")
    action._history_user = world.coordinator
    action.owners.add(new_role)

    client.force_login(world.board)  # anyone who reads the plan reads its history
    response = client.get(reverse("plans:action_history", args=[action.pk]))

    assert response.status_code == 200
    entries = response.context["entries"]
    text_change = next(e for e in entries if any(c.field == "action_text" for c in e.changes))
    assert text_change.who == world.coordinator
    change = next(c for c in text_change.changes if c.field == "action_text")
    assert change.after == "Audit every strategy discussion monthly."
    assert change.before != change.after
    assert any(c.field == "due_date" and c.after == "(blank)" for c in text_change.changes)
    owner_change = next(c for e in entries for c in e.changes if c.field == "owners")
    assert owner_change.before == "Head of Service Safeguards"
    assert owner_change.after == "Head of Service Safeguards, Service Manager QA"
    assert not any(c.field == "version" for e in entries for c in e.changes)
    html = response.content.decode()
    assert "Audit every strategy discussion monthly." in html
    assert "Service Manager QA" in html


def test_history_of_another_plans_action_is_refused(client, world):
    client.force_login(world.outsider_board)
    assert client.get(reverse("plans:action_history", args=[world.action.pk])).status_code == 403


def test_action_history_page_answers_in_bounded_queries(client, world, django_assert_max_num_queries):
    action = world.action
    roles = [OwnerFactory(title=f"Role {n}") for n in range(10)]
    for n in range(30):
        change_action(action, world.coordinator, ref=f"1.{n}")
        action.owners.add(roles[n % 10])
    client.force_login(world.admin)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("plans:action_history", args=[action.pk]))
    assert response.status_code == 200
    assert len(response.context["entries"]) >= 50


def test_audit_log_lists_changes_to_every_audited_model_newest_first(client, world):
    MeasureFactory(plan=world.plan, name="Assessments judged good")
    change_action(world.action, world.coordinator, ref="1.1a")
    client.force_login(world.admin)

    response = client.get(reverse("plans:audit_log"))

    assert response.status_code == 200
    entries = response.context["entries"]
    kinds = {e.model_key for e in entries}
    assert {"plans.plan", "plans.theme", "plans.action", "plans.owner", "plans.measure"} <= kinds
    dates = [e.when for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert entries[0].object_label.startswith("1.1a")


def test_audit_log_filters_by_record_type_user_and_date(client, world):
    change_action(world.action, world.coordinator, ref="1.1a")
    client.force_login(world.admin)

    by_user = client.get(reverse("plans:audit_log"), {"user": world.coordinator.pk}).context["entries"]
    assert by_user and all(e.who == world.coordinator for e in by_user)
    by_model = client.get(reverse("plans:audit_log"), {"model": "plans.theme"}).context["entries"]
    assert by_model and {e.model_key for e in by_model} == {"plans.theme"}
    future = client.get(reverse("plans:audit_log"), {"from": "2999-01-01"}).context["entries"]
    assert future == []
    bad = client.get(reverse("plans:audit_log"), {"from": "31/02/2026"})
    assert bad.status_code == 200
    assert "Enter the start date as a real date" in bad.content.decode()


def test_audit_log_answers_in_bounded_queries(client, world, django_assert_max_num_queries):
    for n in range(40):
        ActionFactory(theme=world.theme, ref=f"9.{n}", owners=[world.owner_role])
    for action in Action.objects.all()[:20]:
        change_action(action, world.coordinator, ref=action.ref + "x")
    client.force_login(world.admin)
    with django_assert_max_num_queries(45):
        response = client.get(reverse("plans:audit_log"))
    assert len(response.context["entries"]) == 50
    assert response.context["page"].paginator.num_pages >= 2


@pytest.mark.parametrize("user", ["coordinator", "owner", "board", "nobody"])
def test_only_admins_read_the_audit_log(client, world, user):
    client.force_login(world.user(user))
    assert client.get(reverse("plans:audit_log")).status_code == 403


def test_progress_updates_stay_append_only(world):
    from plans.models.progress import AppendOnlyError
    from tests.factories import ProgressUpdateFactory

    update = ProgressUpdateFactory(action=world.action, author=world.owner)
    update.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        update.save()


def test_each_changes_table_is_named_by_its_own_entry_so_screen_readers_tell_them_apart(client, world):
    change_action(world.action, world.coordinator, ref="1.1a")
    change_action(world.other_action, world.coordinator, ref="1.2a")
    client.force_login(world.admin)

    html = client.get(reverse("plans:audit_log")).content.decode()

    named_by = re.findall(r'role="region" aria-labelledby="([^"]+)"', html)
    assert len(named_by) >= 2 and len(set(named_by)) == len(named_by)
    for heading in named_by:
        assert f'<h2 class="govuk-heading-s" id="{heading}">' in html
