"""No lost updates on any edit page of a plan.

For each page: the page is opened (its form carries the row's version), someone else saves a
change, then the stale form is posted. The save is refused (409) with what they changed, the
database keeps their change, what this person typed stays in the form, and saving again from
the refused page (now carrying the current version) goes through.
"""

import html

import pytest
from django.test import Client
from django.urls import reverse

from improvement.concurrency import ConcurrentEditError
from plans.models import Action, ActionStatus, Measure, Owner, Plan, Theme
from plans.permissions import COORDINATOR
from plans.services import structure
from plans.services.plan_data import plan_save_from_data
from tests.factories import MeasureFactory, SourceFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(world):
    """A second coordinator of plan A, editing in another browser."""
    user = UserFactory(username="sam-second", first_name="Sam", last_name="Second", groups=[COORDINATOR])
    world.plan.coordinators.add(user)
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.fixture
def mine(client, world):
    client.force_login(world.coordinator)
    return client


def loaded_version(response):
    return int(response.context["form"]["version"].value())


def page_text(response):
    return html.unescape(response.content.decode())


def assert_refused(response, noun, *theirs):
    assert response.status_code == 409
    text = page_text(response)
    assert f"Someone else changed this {noun} while you were editing it" in text
    assert "Nothing has been overwritten" in text
    for value in theirs:
        assert value in text, value
    return {conflict.field: conflict for conflict in response.context["edit_conflict"].conflicts}


def action_post(world, **overrides):
    data = {
        "theme": world.theme.pk,
        "ref": "1.1",
        "improvement_need": "",
        "action_text": "Relaunch thresholds",
        "category": "",
        "owners": [world.owner_role.pk],
        "new_owner_title": "",
        "new_owner_agency": "",
        "source_references": "JTAI 3.1",
        "new_source_code": "",
        "new_source_title": "",
        "timescale": "",
        "due_date": "2020-01-31",
        "expected_impact": "",
        "measures_of_success": "",
        "reporting_mechanism": "",
        "output": "",
        "cross_references": [],
        "cross_reference_note": "",
    }
    data.update(overrides)
    return data


# ------------------------------------------------------------------------------------ plan edit


def plan_post(world, **overrides):
    start = world.plan.start_date.isoformat() if world.plan.start_date else ""
    end = world.plan.end_date.isoformat() if world.plan.end_date else ""
    return {
        "title": "Plan A",
        "status": "active",
        "start_date": start,
        "end_date": end,
        "coordinators": list(world.plan.coordinators.values_list("pk", flat=True)),
        "board_members": list(world.plan.board_members.values_list("pk", flat=True)),
        **overrides,
    }


def test_plan_edit_refuses_a_stale_save_and_shows_their_title(mine, sam, world):
    url = reverse("plans:plan_edit", args=[world.plan.pk])
    version = loaded_version(mine.get(url))
    assert sam.post(url, plan_post(world, title="Plan A (agreed May)", version=version)).status_code == 302

    response = mine.post(url, plan_post(world, title="Plan A revised", version_label="v3", version=version))

    conflicts = assert_refused(
        response, "plan", "Plan A (agreed May)", "Sam Second saved it", "Your changes have not been saved"
    )
    assert (conflicts["title"].original, conflicts["title"].theirs, conflicts["title"].yours) == (
        "Plan A",
        "Plan A (agreed May)",
        "Plan A revised",
    )
    assert "version_label" not in conflicts  # they did not change it
    assert Plan.objects.get(pk=world.plan.pk).title == "Plan A (agreed May)"
    assert response.context["form"]["title"].value() == "Plan A revised"

    again = mine.post(url, plan_post(world, title="Plan A revised", version=loaded_version(response)))
    assert again.status_code == 302
    assert Plan.objects.get(pk=world.plan.pk).title == "Plan A revised"


# ----------------------------------------------------------------------------------- theme edit


def test_theme_edit_refuses_a_stale_save_and_shows_their_objective(mine, sam, world):
    url = reverse("plans:theme_edit", args=[world.plan.pk, world.theme.pk])
    version = loaded_version(mine.get(url))
    assert (
        sam.post(
            url, {"number": "1", "title": "Leadership", "objective": "Stable leadership by 2027", "version": version}
        ).status_code
        == 302
    )

    response = mine.post(
        url, {"number": "1", "title": "Leadership and management", "objective": "", "version": version}
    )

    conflicts = assert_refused(response, "theme", "Stable leadership by 2027")
    assert conflicts["objective"].theirs == "Stable leadership by 2027"
    assert "title" not in conflicts
    theme = Theme.objects.get(pk=world.theme.pk)
    assert (theme.title, theme.objective) == ("Leadership", "Stable leadership by 2027")

    again = mine.post(
        url,
        {
            "number": "1",
            "title": "Leadership and management",
            "objective": "Stable leadership by 2027",
            "version": loaded_version(response),
        },
    )
    assert again.status_code == 302
    assert Theme.objects.get(pk=world.theme.pk).title == "Leadership and management"


def test_theme_edit_is_refused_after_the_theme_was_moved_and_says_nothing_shown_changed(mine, sam, world):
    second = ThemeFactory(plan=world.plan, number="2", title="Early help")
    url = reverse("plans:theme_edit", args=[world.plan.pk, second.pk])
    version = loaded_version(mine.get(url))
    plan_version = sam.get(reverse("plans:theme_list", args=[world.plan.pk])).context["plan"].version
    sam.post(reverse("plans:theme_move", args=[world.plan.pk, second.pk]), {"direction": "up", "version": plan_version})

    response = mine.post(url, {"number": "2", "title": "Early help and prevention", "version": version})

    assert_refused(response, "theme", "None of what this page shows was changed")
    assert Theme.objects.get(pk=second.pk).title == "Early help"


# ----------------------------------------------------------------------------------- theme move


def theme_titles(plan):
    return list(plan.themes.order_by("position", "pk").values_list("title", flat=True))


def test_theme_move_on_a_list_someone_else_reordered_is_refused_and_shows_both_orders(mine, sam, world):
    early = ThemeFactory(plan=world.plan, number="2", title="Early help")
    front = ThemeFactory(plan=world.plan, number="3", title="Front door")
    list_url = reverse("plans:theme_list", args=[world.plan.pk])
    shown = mine.get(list_url)
    version = shown.context["plan"].version
    assert f'name="version" value="{version}"' in shown.content.decode()
    assert (
        sam.post(
            reverse("plans:theme_move", args=[world.plan.pk, front.pk]), {"direction": "up", "version": version}
        ).status_code
        == 302
    )
    assert theme_titles(world.plan) == ["Leadership", "Front door", "Early help"]

    response = mine.post(
        reverse("plans:theme_move", args=[world.plan.pk, world.theme.pk]), {"direction": "down", "version": version}
    )

    conflicts = assert_refused(response, "plan", "Sam Second saved it", "Nothing was moved")
    order = conflicts["themes"]
    assert order.original == "1 Leadership; 2 Early help; 3 Front door"
    assert order.theirs == "1 Leadership; 3 Front door; 2 Early help"
    assert order.yours == "2 Early help; 1 Leadership; 3 Front door"
    assert theme_titles(world.plan) == ["Leadership", "Front door", "Early help"]  # their order stands

    fresh = response.context["plan"].version
    assert f'name="version" value="{fresh}"' in response.content.decode()
    again = mine.post(
        reverse("plans:theme_move", args=[world.plan.pk, world.theme.pk]), {"direction": "down", "version": fresh}
    )
    assert again.status_code == 302
    assert theme_titles(world.plan) == ["Front door", "Leadership", "Early help"]
    assert early.pk  # still there


def test_theme_move_without_a_version_moves_nothing(mine, world):
    second = ThemeFactory(plan=world.plan, number="2", title="Early help")
    response = mine.post(reverse("plans:theme_move", args=[world.plan.pk, second.pk]), {"direction": "up"}, follow=True)
    assert "This page was out of date: nothing was moved" in page_text(response)
    assert theme_titles(world.plan) == ["Leadership", "Early help"]


# ---------------------------------------------------------------------------------- action edit


def test_action_edit_refuses_a_stale_save_and_shows_their_text_owners_and_sources(mine, sam, world):
    SourceFactory(code="Nat. Enq")
    url = reverse("plans:action_edit", args=[world.action.pk])
    version = loaded_version(mine.get(url))
    theirs = action_post(
        world,
        action_text="Relaunch thresholds with the police",
        owners=[world.owner_role.pk, world.other_role.pk],
        source_references="JTAI 3.1; Nat. Enq 1.6",
        cross_references=[world.other_action.pk],
        version=version,
    )
    assert sam.post(url, theirs).status_code == 302

    response = mine.post(
        url,
        action_post(
            world,
            action_text="Relaunch thresholds in schools",
            new_owner_title="Head of Education",
            version=version,
        ),
    )

    conflicts = assert_refused(response, "action", "Relaunch thresholds with the police", "Sam Second saved it")
    assert conflicts["action_text"].yours == "Relaunch thresholds in schools"
    assert (conflicts["owners"].original, conflicts["owners"].theirs, conflicts["owners"].yours) == (
        "Head of Service Safeguards",
        "Head of Probation; Head of Service Safeguards",
        "Head of Education; Head of Service Safeguards",
    )
    assert (
        conflicts["source_references"].original,
        conflicts["source_references"].theirs,
        conflicts["source_references"].yours,
    ) == ("JTAI 3.1", "JTAI 3.1; Nat. Enq 1.6", "JTAI 3.1")
    assert conflicts["cross_references"].theirs == str(world.other_action)
    assert conflicts["cross_references"].yours == "(none)"
    assert "Derived from" in page_text(response) and "Owners" in page_text(response)

    action = Action.objects.get(pk=world.action.pk)
    assert action.action_text == "Relaunch thresholds with the police"
    assert set(action.owners.all()) == {world.owner_role, world.other_role}
    assert [str(r) for r in action.source_references.all()] == ["JTAI 3.1", "Nat. Enq 1.6"]
    assert list(action.cross_references.all()) == [world.other_action]
    assert not Owner.objects.filter(title="Head of Education").exists()  # nothing of the refused save was kept
    form = response.context["form"]
    assert form["action_text"].value() == "Relaunch thresholds in schools"
    assert form["new_owner_title"].value() == "Head of Education"

    again = mine.post(
        url, action_post(world, action_text="Relaunch thresholds in schools", version=loaded_version(response))
    )
    assert again.status_code == 302
    action = Action.objects.get(pk=world.action.pk)
    assert action.action_text == "Relaunch thresholds in schools"
    assert list(action.owners.all()) == [world.owner_role]


def test_action_edit_is_refused_after_a_reimport_without_naming_the_wrong_person(mine, world):
    url = reverse("plans:action_edit", args=[world.action.pk])
    version = loaded_version(mine.get(url))
    plan_save_from_data(
        plan=world.plan,
        data={
            "title": "Plan A",
            "themes": [{"number": "1", "title": "Leadership"}],
            "actions": [
                {"theme": "1", "ref": "1.1", "action": "Relaunch thresholds (as re-imported)", "due_date": "2020-01-31"}
            ],
        },
    )

    response = mine.post(url, action_post(world, action_text="Relaunch thresholds in schools", version=version))

    assert_refused(response, "action", "Relaunch thresholds (as re-imported)", "It was saved")
    assert "saved it" not in page_text(response)
    assert Action.objects.get(pk=world.action.pk).action_text == "Relaunch thresholds (as re-imported)"


# --------------------------------------------------------------------------------- action close


def test_closing_an_action_someone_else_closed_is_refused_and_shows_their_closure(mine, sam, world):
    url = reverse("plans:action_close", args=[world.action.pk])
    version = loaded_version(mine.get(url))
    assert (
        sam.post(
            url, {"status": "completed", "reason": "Audit shows thresholds applied", "version": version}
        ).status_code
        == 302
    )

    response = mine.post(url, {"status": "withdrawn", "reason": "Merged into 1.2", "version": version})

    conflicts = assert_refused(response, "action", "Audit shows thresholds applied", "Sam Second saved it")
    assert (conflicts["status"].original, conflicts["status"].theirs, conflicts["status"].yours) == (
        "Open",
        "Completed",
        "Withdrawn",
    )
    action = Action.objects.get(pk=world.action.pk)
    assert (action.status, action.closed_reason) == (ActionStatus.COMPLETED, "Audit shows thresholds applied")
    assert response.context["form"]["reason"].value() == "Merged into 1.2"


def test_closing_an_action_edited_since_is_refused_then_goes_through(mine, sam, world):
    url = reverse("plans:action_close", args=[world.action.pk])
    version = loaded_version(mine.get(url))
    edit_url = reverse("plans:action_edit", args=[world.action.pk])
    sam.post(edit_url, action_post(world, timescale="By March 2027", version=loaded_version(sam.get(edit_url))))

    response = mine.post(url, {"status": "withdrawn", "reason": "Merged into 1.2", "version": version})

    assert_refused(response, "action", "None of what this page shows was changed")
    assert Action.objects.get(pk=world.action.pk).status == ActionStatus.OPEN

    again = mine.post(url, {"status": "withdrawn", "reason": "Merged into 1.2", "version": loaded_version(response)})
    assert again.status_code == 302
    action = Action.objects.get(pk=world.action.pk)
    assert (action.status, action.timescale) == (ActionStatus.WITHDRAWN, "By March 2027")


# --------------------------------------------------------------------------------- measure edit


def test_measure_edit_refuses_a_stale_save_and_shows_their_target(mine, sam, world):
    measure = MeasureFactory(plan=world.plan, name="Assessments on time", unit="%", target=90)
    measure.actions.add(world.action)
    url = reverse("plans:measure_edit", args=[measure.pk])
    version = loaded_version(mine.get(url))
    assert (
        sam.post(
            url,
            {
                "name": "Assessments on time",
                "unit": "%",
                "target": "85",
                "direction": "higher",
                "actions": [world.action.pk, world.other_action.pk],
                "version": version,
            },
        ).status_code
        == 302
    )

    response = mine.post(
        url,
        {
            "name": "Assessments on time",
            "unit": "%",
            "target": "95",
            "direction": "higher",
            "actions": [world.action.pk],
            "version": version,
        },
    )

    conflicts = assert_refused(response, "measure", "85.00", "Sam Second saved it")
    assert (conflicts["target"].original, conflicts["target"].theirs, conflicts["target"].yours) == (
        "90.00",
        "85.00",
        "95",
    )
    assert conflicts["actions"].label == "Linked actions"
    measure = Measure.objects.get(pk=measure.pk)
    assert measure.target == 85
    assert set(measure.actions.all()) == {world.action, world.other_action}

    again = mine.post(
        url,
        {
            "name": "Assessments on time",
            "unit": "%",
            "target": "95",
            "direction": "higher",
            "actions": [world.action.pk],
            "version": loaded_version(response),
        },
    )
    assert again.status_code == 302
    measure = Measure.objects.get(pk=measure.pk)
    assert measure.target == 95 and list(measure.actions.all()) == [world.action]


# ------------------------------------------------------------------------------------- services


@pytest.mark.parametrize(
    "call",
    [
        lambda w, v: structure.plan_update(plan=w.plan, title="X", expected_version=v),
        lambda w, v: structure.theme_update(theme=w.theme, title="X", expected_version=v),
        lambda w, v: structure.action_update(action=w.action, action_text="X", expected_version=v),
        lambda w, v: structure.action_close(action=w.action, status="withdrawn", reason="X", expected_version=v),
    ],
)
def test_services_refuse_a_stale_version_and_write_nothing(world, call):
    for row in (world.plan, world.theme, world.action):
        type(row).objects.get(pk=row.pk).save()  # someone else saved each since
        row.refresh_from_db()
    with pytest.raises(ConcurrentEditError):
        call(world, 1)
    assert Plan.objects.get(pk=world.plan.pk).title == "Plan A"
    assert Theme.objects.get(pk=world.theme.pk).title == "Leadership"
    action = Action.objects.get(pk=world.action.pk)
    assert action.action_text != "X" and action.status == ActionStatus.OPEN


def test_reimport_moves_on_the_version_of_every_row_it_writes(world):
    plan_version, theme_version = world.plan.version, world.theme.version
    action_version, other_version = world.action.version, world.other_action.version
    plan_save_from_data(
        plan=world.plan,
        data={
            "title": "Plan A",
            "themes": [{"number": "1", "title": "Leadership and governance"}],
            "actions": [{"theme": "1", "ref": "1.1", "action": "Relaunch thresholds", "due_date": "2020-01-31"}],
        },
    )
    assert Plan.objects.get(pk=world.plan.pk).version == plan_version + 1
    assert Theme.objects.get(pk=world.theme.pk).version == theme_version + 1
    assert Action.objects.get(pk=world.action.pk).version == action_version + 1
    assert Action.objects.get(pk=world.other_action.pk).version == other_version  # not in the file: not touched


# ------------------------------------------------------------------- owner role: who holds it


def test_holders_saved_over_someone_elses_reassignment_are_refused_and_show_theirs(mine, sam, world):
    successor = UserFactory(username="nia", first_name="Nia", last_name="Newpost")
    url = reverse("plans:owner_edit", args=[world.owner_role.pk])
    version = int(mine.get(url).context["holders_form"]["version"].value())
    assert sam.post(url, {"holders_submit": "1", "holders": [successor.pk], "version": version}).status_code == 302

    response = mine.post(
        url, {"holders_submit": "1", "holders": [world.owner.pk, world.coordinator.pk], "version": version}
    )

    conflicts = assert_refused(response, "owner", "Sam Second saved it")
    holders = conflicts["holders"]
    assert (holders.original, holders.theirs) == (world.owner.get_full_name() or "owner-user", "Nia Newpost")
    assert "Nia Newpost" in page_text(response)
    assert holders.yours == "; ".join(
        sorted(u.get_full_name() or u.get_username() for u in (world.owner, world.coordinator))
    )
    assert list(Owner.objects.get(pk=world.owner_role.pk).holders.all()) == [successor]

    again = mine.post(
        url,
        {
            "holders_submit": "1",
            "holders": [world.owner.pk, successor.pk],
            "version": response.context["holders_form"]["version"].value(),
        },
    )
    assert again.status_code == 302
    assert set(Owner.objects.get(pk=world.owner_role.pk).holders.all()) == {world.owner, successor}
