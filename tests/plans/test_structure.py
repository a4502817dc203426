"""Plan structure: creating and editing plans, themes and actions, closing actions."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import Action, ActionStatus, Owner, Plan, ReportingPeriod, Source, SourceReference, Theme
from plans.permissions import COORDINATOR
from plans.services import structure
from tests.factories import ActionFactory, SourceFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["admin", "coordinator", "outsider_coordinator", "owner", "board", "outsider_board", "nobody"]
EDITORS = {"admin", "coordinator"}


def edit_urls(world):
    theme = world.theme
    return {
        "plan_edit": reverse("plans:plan_edit", args=[world.plan.pk]),
        "theme_list": reverse("plans:theme_list", args=[world.plan.pk]),
        "theme_edit": reverse("plans:theme_edit", args=[world.plan.pk, theme.pk]),
        "action_create": reverse("plans:action_create", args=[world.plan.pk]),
        "action_edit": reverse("plans:action_edit", args=[world.action.pk]),
        "action_close": reverse("plans:action_close", args=[world.action.pk]),
    }


def version(obj):
    """The row's version now, as an edit page opened now would carry it."""
    return type(obj)._base_manager.get(pk=obj.pk).version


def action_data(world, **overrides):
    data = {
        "theme": world.theme.pk,
        "ref": "1.9",
        "improvement_need": "Thresholds are not understood",
        "action_text": "Relaunch the threshold document with partners",
        "category": "",
        "owners": [world.owner_role.pk],
        "new_owner_title": "",
        "new_owner_agency": "",
        "source_references": "JTAI 3.4",
        "new_source_code": "",
        "new_source_title": "",
        "timescale": "By March",
        "due_date": "2026-03-31",
        "expected_impact": "",
        "measures_of_success": "",
        "reporting_mechanism": "",
        "output": "",
        "cross_references": [],
        "cross_reference_note": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("role", ROLES)
def test_edit_pages_answer_by_role(client, world, role):
    client.force_login(world.user(role))
    for name, url in edit_urls(world).items():
        expected = 200 if role in EDITORS else 403
        assert client.get(url).status_code == expected, (role, name)


@pytest.mark.parametrize("role", sorted(set(ROLES) - EDITORS))
def test_who_may_not_edit_posts_get_403_and_nothing_changes(client, world, role):
    client.force_login(world.user(role))
    before = (Action.objects.count(), Theme.objects.count(), world.plan.title)
    posts = {
        "plan_edit": {"title": "Hijacked", "status": "active"},
        "theme_list": {"title": "New theme"},
        "theme_edit": {"title": "Renamed"},
        "action_create": action_data(world),
        "action_edit": action_data(world, action_text="Changed"),
        "action_close": {"status": "withdrawn", "reason": "No"},
    }
    for name, url in edit_urls(world).items():
        assert client.post(url, posts[name]).status_code == 403, (role, name)
    world.plan.refresh_from_db()
    world.action.refresh_from_db()
    assert (Action.objects.count(), Theme.objects.count(), world.plan.title) == before
    assert world.action.status == ActionStatus.OPEN
    assert world.action.action_text != "Changed"


def test_anonymous_is_sent_to_login_from_edit_pages(client, world):
    for url in edit_urls(world).values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_plan_create_makes_creator_coordinator_and_opens_a_period(client, world):
    client.force_login(world.outsider_coordinator)
    response = client.post(
        reverse("plans:plan_create"),
        {
            "title": "Children's services improvement plan",
            "organisation": "Anytown",
            "status": "active",
            "start_date": "2026-01-01",
            "end_date": "2027-12-31",
        },
    )
    plan = Plan.objects.get(title="Children's services improvement plan")
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert list(plan.coordinators.all()) == [world.outsider_coordinator]
    assert ReportingPeriod.objects.filter(plan=plan, closed=False).count() == 1


@pytest.mark.parametrize("role", ["owner", "board", "nobody"])
def test_only_admins_and_coordinators_create_plans(client, world, role):
    client.force_login(world.user(role))
    assert client.get(reverse("plans:plan_create")).status_code == 403
    assert client.post(reverse("plans:plan_create"), {"title": "X", "status": "active"}).status_code == 403
    assert not Plan.objects.filter(title="X").exists()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"title": "", "status": "active"}, "title", "Enter the title"),
        (
            {"title": "P", "status": "active", "start_date": "2026-02-30"},
            "start_date",
            "Start date must be a real date",
        ),
        (
            {"title": "P", "status": "active", "start_date": "2026-05-01", "end_date": "2026-01-01"},
            "end_date",
            "End date must be the same as or after the start date",
        ),
        ({"title": "P", "status": "nonsense"}, "status", "Select a valid choice"),
    ],
)
def test_plan_form_refuses_bad_input_and_creates_nothing(client, world, data, field, message):
    client.force_login(world.coordinator)
    count = Plan.objects.count()
    response = client.post(reverse("plans:plan_create"), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "There is a problem" in response.content.decode()
    assert Plan.objects.count() == count


def test_plan_start_cannot_move_after_an_action_due_date(world):
    with pytest.raises(ValidationError) as error:
        structure.plan_update(
            plan=world.plan, start_date=datetime.date(2021, 1, 1), expected_version=world.plan.version
        )
    assert "action 1.1 is due" in str(error.value)


def test_plan_edit_saves(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:plan_edit", args=[world.plan.pk]),
        {
            "title": "Plan A v2",
            "status": "active",
            "version_label": "v2",
            "start_date": "2019-01-01",
            "version": version(world.plan),
            "coordinators": [world.coordinator.pk],
            "board_members": [world.board.pk],
        },
    )
    assert response.status_code == 302
    world.plan.refresh_from_db()
    assert (world.plan.title, world.plan.version_label) == ("Plan A v2", "v2")


def test_theme_add_edit_and_reorder(client, world):
    client.force_login(world.coordinator)
    url = reverse("plans:theme_list", args=[world.plan.pk])
    assert client.post(url, {"number": "2", "title": "Early help"}).status_code == 302
    assert client.post(url, {"number": "3", "title": "Front door"}).status_code == 302
    titles = lambda: list(world.plan.themes.order_by("position", "pk").values_list("title", flat=True))  # noqa: E731
    assert titles() == ["Leadership", "Early help", "Front door"]
    front_door = Theme.objects.get(title="Front door")
    client.post(
        reverse("plans:theme_move", args=[world.plan.pk, front_door.pk]),
        {"direction": "up", "version": version(world.plan)},
    )
    assert titles() == ["Leadership", "Front door", "Early help"]
    client.post(
        reverse("plans:theme_move", args=[world.plan.pk, front_door.pk]),
        {"direction": "up", "version": version(world.plan)},
    )
    client.post(
        reverse("plans:theme_move", args=[world.plan.pk, front_door.pk]),
        {"direction": "up", "version": version(world.plan)},
    )  # already first
    assert titles() == ["Front door", "Leadership", "Early help"]
    response = client.post(
        reverse("plans:theme_edit", args=[world.plan.pk, front_door.pk]),
        {"title": "", "number": "3", "version": version(front_door)},
    )
    assert "Enter the title" in response.content.decode()
    client.post(
        reverse("plans:theme_edit", args=[world.plan.pk, front_door.pk]),
        {"title": "The front door", "number": "3", "version": version(front_door)},
    )
    assert titles()[0] == "The front door"


def test_theme_move_refused_to_board(client, world):
    other = ThemeFactory(plan=world.plan, title="Second")
    client.force_login(world.board)
    response = client.post(
        reverse("plans:theme_move", args=[world.plan.pk, other.pk]), {"direction": "up", "version": version(world.plan)}
    )
    assert response.status_code == 403
    assert list(world.plan.themes.order_by("position", "pk"))[0] == world.theme


def test_theme_of_another_plan_is_not_found_under_this_plan(client, world):
    client.force_login(world.admin)
    other_theme = world.foreign_action.theme
    assert client.get(reverse("plans:theme_edit", args=[world.plan.pk, other_theme.pk])).status_code == 404


def test_add_action_with_sources_two_owners_and_a_new_role(client, world):
    SourceFactory(code="Nat. Enq")
    SourceFactory(code="OIS 2012")
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        action_data(
            world,
            owners=[world.owner_role.pk, world.other_role.pk],
            new_owner_title="Head of Early Help",
            new_owner_agency="Council",
            source_references="JTAI 3.4; nat. enq 1.6; OIS 2012",
            cross_references=[world.action.pk],
        ),
    )
    action = Action.objects.get(ref="1.9")
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()
    assert {o.title for o in action.owners.all()} == {
        "Head of Service Safeguards",
        "Head of Probation",
        "Head of Early Help",
    }
    assert [str(r) for r in action.source_references.all()] == ["JTAI 3.4", "Nat. Enq 1.6", "OIS 2012"]
    assert list(action.cross_references.all()) == [world.action]
    assert action.original_due_date == datetime.date(2026, 3, 31)
    assert action.position > world.other_action.position
    page = client.get(action.get_absolute_url()).content.decode()
    for text in ("JTAI 3.4", "Nat. Enq 1.6", "OIS 2012"):
        assert f">{text}</a>" in page  # each reference links to its source's coverage page
    jtai = Source.objects.get(code="JTAI")
    assert f"{reverse('plans:source_detail', args=[jtai.pk])}?plan={world.plan.pk}" in page
    assert "Edit action" in page


def test_unreadable_source_reference_is_refused_clearly(client, world):
    client.force_login(world.coordinator)
    count = Action.objects.count()
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        action_data(world, source_references="JTIA 3.4; JTAI 3..4!"),
    )
    errors = " ".join(response.context["form"].errors["source_references"])
    assert "“JTIA 3.4” does not start with a known source code" in errors
    assert "is not a paragraph number like 3.4" in errors
    assert Action.objects.count() == count
    assert "There is a problem" in response.content.decode()


def test_a_new_source_can_be_added_from_the_action_form(client, world):
    client.force_login(world.coordinator)
    client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        action_data(world, source_references="IOCS 2.1", new_source_code="IOCS", new_source_title="Review"),
    )
    assert Source.objects.get(code="IOCS").title == "Review"
    assert SourceReference.objects.filter(source__code="IOCS", paragraph="2.1").exists()


def test_new_source_is_not_created_when_the_action_is_refused(client, world):
    client.force_login(world.coordinator)
    client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        action_data(
            world,
            source_references="IOCS 2.1",
            new_source_code="IOCS",
            due_date="2025-01-01",
            new_owner_title="Brand new role",
        ),
    )
    assert not Source.objects.filter(code="IOCS").exists()
    assert not Owner.objects.filter(title="Brand new role").exists()


def test_due_date_before_plan_start_is_refused(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]), action_data(world, due_date="2025-12-31")
    )
    assert response.status_code == 200
    assert "Due date must be on or after the plan's start, 1 January 2026" in html.unescape(response.content.decode())
    assert not Action.objects.filter(ref="1.9").exists()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"action_text": "   "}, "action_text", "Enter"),
        ({"theme": "999999"}, "theme", "Select a theme of this plan"),
        ({"due_date": "31/02/2026"}, "due_date", "Due date must be a real date"),
        ({"owners": ["999999"]}, "owners", "Select owners from the list"),
        ({"new_owner_agency": "Police"}, "new_owner_title", "Enter the new role's title"),
        ({"ref": "x" * 51}, "ref", "Ref must be 50 characters or fewer"),
        ({"new_source_code": "JTAI"}, "new_source_code", "There is already a source called JTAI"),
    ],
)
def test_action_form_validation(client, world, overrides, field, message):
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:action_create", args=[world.plan.pk]), action_data(world, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Action.objects.filter(ref="1.9").exists()


def test_cross_reference_to_another_plan_is_refused(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_edit", args=[world.action.pk]),
        action_data(world, cross_references=[world.foreign_action.pk]),
    )
    assert "Select cross references from this plan's actions" in html.unescape(response.content.decode())
    assert not world.action.cross_references.exists()


def test_duplicate_ref_in_theme_warns_but_saves(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]), action_data(world, ref="1.1"), follow=True
    )
    assert Action.objects.filter(theme=world.theme, ref="1.1").count() == 2
    assert "Ref 1.1 is already used in this theme; saved anyway" in response.content.decode()


def test_same_ref_in_another_theme_does_not_warn(world):
    theme = ThemeFactory(plan=world.plan)
    result = structure.action_create(plan=world.plan, theme=theme, ref="1.1", action_text="Another")
    assert result.warnings == []


def test_moving_due_date_keeps_the_original_and_shows_moved_from(client, world):
    client.force_login(world.coordinator)
    action = ActionFactory(theme=world.theme, ref="4.1", due_date=None)
    url = reverse("plans:action_edit", args=[action.pk])
    client.post(url, action_data(world, ref="4.1", due_date="2026-03-31", version=version(action)))
    action.refresh_from_db()
    assert (action.original_due_date, action.due_date) == (datetime.date(2026, 3, 31),) * 2
    agreed = {"due_date_agreed_by": "board", "due_date_agreed_on": "2026-01-14"}
    client.post(url, action_data(world, ref="4.1", due_date="2026-06-30", version=version(action), **agreed))
    client.post(url, action_data(world, ref="4.1", due_date="2026-09-30", version=version(action), **agreed))
    action.refresh_from_db()
    assert action.original_due_date == datetime.date(2026, 3, 31)
    assert action.due_date == datetime.date(2026, 9, 30)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "30 September 2026" in page and "moved from 31 March 2026" in page


def test_edit_form_shows_current_values(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:action_edit", args=[world.action.pk])).content.decode()
    assert "JTAI 3.1" in page
    assert 'value="2020-01-31"' in page
    assert f'value="{world.owner_role.pk}" selected' in page
    assert f'value="{world.other_role.pk}" selected' not in page


def test_editing_keeps_unchanged_source_references(client, world):
    reference = world.action.source_references.get()
    client.force_login(world.coordinator)
    client.post(
        reverse("plans:action_edit", args=[world.action.pk]),
        action_data(
            world,
            ref="1.1",
            due_date="2020-01-31",
            source_references="JTAI 3.1; JTAI 3.2",
            version=version(world.action),
        ),
    )
    assert reference.pk in world.action.source_references.values_list("pk", flat=True)
    assert [str(r) for r in world.action.source_references.all()] == ["JTAI 3.1", "JTAI 3.2"]


def test_close_action_completed_and_withdrawn(client, world):
    client.force_login(world.coordinator)
    url = reverse("plans:action_close", args=[world.action.pk])
    response = client.post(url, {"status": "completed", "reason": "", "version": version(world.action)})
    assert "Enter the reason" in response.content.decode()
    world.action.refresh_from_db()
    assert world.action.status == ActionStatus.OPEN
    client.post(
        url,
        {
            "status": "completed",
            "reason": "Audit shows thresholds applied",
            "completed_date": "2026-02-01",
            "version": version(world.action),
        },
    )
    world.action.refresh_from_db()
    assert world.action.status == ActionStatus.COMPLETED
    assert world.action.completed_date == datetime.date(2026, 2, 1)
    assert Action.objects.filter(pk=world.action.pk).exists()
    page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Audit shows thresholds applied" in page
    response = client.post(url, {"status": "withdrawn", "reason": "again", "version": version(world.action)})
    assert "already completed" in response.content.decode()

    structure.action_close(
        action=world.other_action,
        status=ActionStatus.WITHDRAWN,
        reason="Merged into 1.1",
        expected_version=world.other_action.version,
    )
    world.other_action.refresh_from_db()
    assert world.other_action.status == ActionStatus.WITHDRAWN and world.other_action.completed_date is None


def test_close_refuses_future_completion_date(world):
    with pytest.raises(ValidationError) as error:
        structure.action_close(
            action=world.action,
            status="completed",
            reason="Done",
            expected_version=world.action.version,
            completed_date=datetime.date(2099, 1, 1),
        )
    assert "today or in the past" in str(error.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("JTAI 3.4", [("JTAI", "3.4")]),
        ("jtai 3.4;  JTAI 3.4 ; Nat. Enq 1.6", [("JTAI", "3.4"), ("Nat. Enq", "1.6")]),
        ("OIS 2012", [("OIS 2012", "")]),
        ("OIS 2012 4.2a\nJTAI", [("OIS 2012", "4.2a"), ("JTAI", "")]),
        ("", []),
    ],
)
def test_source_reference_parsing(text, expected):
    assert structure.source_references_parse(text, known_codes=["JTAI", "Nat. Enq", "OIS 2012", "OIS"]) == expected


def test_coordinator_group_member_without_the_plan_cannot_edit_it(client, world):
    stranger = UserFactory(username="stranger", groups=[COORDINATOR])
    client.force_login(stranger)
    assert client.get(reverse("plans:plan_edit", args=[world.plan.pk])).status_code == 403


def test_plan_page_shows_coordinator_links_only_to_coordinators(client, world):
    client.force_login(world.coordinator)
    page = client.get(world.plan.get_absolute_url()).content.decode()
    for text in ("Edit plan", "Add action", "Themes</a>", "Measures</a>"):
        assert text in page
    client.force_login(world.board)
    page = client.get(world.plan.get_absolute_url()).content.decode()
    assert "Edit plan" not in page and "Add action" not in page and "Measures</a>" in page
    page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Edit action" not in page and "Close action" not in page


def test_editing_other_fields_of_an_action_already_due_before_the_start_is_allowed(world):
    # world.action was imported due 31 January 2020, before the plan's 2026 start.
    result = structure.action_update(
        action=world.action,
        action_text="Reworded",
        due_date=world.action.due_date,
        expected_version=world.action.version,
    )
    assert result.obj.action_text == "Reworded"
    with pytest.raises(ValidationError):
        structure.action_update(
            action=world.action, due_date=datetime.date(2020, 2, 28), expected_version=world.action.version
        )
    structure.plan_update(
        plan=world.plan, title="Renamed", start_date=world.plan.start_date, expected_version=world.plan.version
    )


def test_unreadable_new_source_code_is_shown_on_its_field(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        action_data(world, source_references="", new_source_code="123"),
    )
    assert "Source code must contain letters" in " ".join(response.context["form"].errors["new_source_code"])
    assert not Action.objects.filter(ref="1.9").exists() and not Source.objects.filter(code="123").exists()
