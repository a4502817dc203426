"""The issue's "done when": a coordinator keeps the plan right end to end; a board member changes nothing."""

import datetime
import html

import pytest
from django.urls import reverse

from plans.models import Action, Measure, MeasureReading, Owner, ProgressUpdate
from plans.permissions import OWNER
from plans.services.actions import progress_update_record
from tests.factories import MeasureFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_coordinator_keeps_the_plan_right_and_board_member_changes_nothing(client, world):
    measure = MeasureFactory(plan=world.plan, name="Assessments completed on time", unit="%", target=90)
    progress_update_record(action=world.action, author=world.owner, progress_rag="G", note="Started")
    successor = UserFactory(username="new-head", first_name="Nia", last_name="Newpost", groups=[OWNER])

    # The board member tries every change first: each is refused and nothing changes.
    client.force_login(world.board)
    attempts = [
        (reverse("plans:action_create", args=[world.plan.pk]), {"theme": world.theme.pk, "action_text": "X"}),
        (
            reverse("plans:action_edit", args=[world.action.pk]),
            {"theme": world.theme.pk, "action_text": "X", "due_date": "2027-01-01"},
        ),
        (reverse("plans:measure_detail", args=[measure.pk]), {"period": world.period.pk, "value": "1"}),
        (reverse("plans:owner_edit", args=[world.owner_role.pk]), {"holders_submit": "1", "holders": [world.board.pk]}),
        (reverse("plans:plan_edit", args=[world.plan.pk]), {"title": "Board's plan", "status": "active"}),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code == 403, url
    assert Action.objects.count() == 3 and not MeasureReading.objects.exists()
    assert list(world.owner_role.holders.all()) == [world.owner]

    # The coordinator adds an action answering JTAI 3.4 with two owners.
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:action_create", args=[world.plan.pk]),
        {
            "theme": world.theme.pk,
            "ref": "1.3",
            "action_text": "Multi-agency threshold training for all front-door staff",
            "owners": [world.owner_role.pk, world.other_role.pk],
            "source_references": "JTAI 3.4",
            "due_date": "2026-03-31",
            "timescale": "By March 2026",
            "measures_of_success": "90% trained",
        },
    )
    action = Action.objects.get(ref="1.3")
    assert response["Location"] == action.get_absolute_url()

    # ... moves its due date (with the board's agreement) ...
    client.post(
        reverse("plans:action_edit", args=[action.pk]),
        {
            "theme": world.theme.pk,
            "ref": "1.3",
            "action_text": action.action_text,
            "owners": [world.owner_role.pk, world.other_role.pk],
            "source_references": "JTAI 3.4",
            "due_date": "2026-06-30",
            "timescale": "By June 2026",
            "measures_of_success": "90% trained",
            "version": Action.objects.get(pk=action.pk).version,
            "due_date_agreed_by": "board",
            "due_date_agreed_on": "2026-01-14",
        },
    )
    # ... links the measure to it and records a reading ...
    client.post(
        reverse("plans:measure_edit", args=[measure.pk]),
        {
            "name": measure.name,
            "unit": "%",
            "target": "90",
            "direction": "higher",
            "actions": [action.pk],
            "version": Measure.objects.get(pk=measure.pk).version,
        },
    )
    client.post(
        reverse("plans:measure_detail", args=[measure.pk]),
        {"period": world.period.pk, "value": "72", "note": "Up from 64", "source": "Performance report"},
    )
    # ... and reassigns an owner role to the new post-holder.
    client.post(
        reverse("plans:owner_edit", args=[world.owner_role.pk]),
        {
            "holders_submit": "1",
            "holders": [successor.pk],
            "version": Owner.objects.get(pk=world.owner_role.pk).version,
        },
    )

    # Every change shows where users expect it.
    action_page = page(client, action.get_absolute_url())
    assert "30 June 2026" in action_page and "moved from 31 March 2026" in action_page
    assert "JTAI 3.4" in action_page
    assert "Head of Service Safeguards" in action_page and "Head of Probation" in action_page
    assert "Nia Newpost" in action_page
    assert reverse("plans:measure_detail", args=[measure.pk]) in action_page

    plan_page = page(client, world.plan.get_absolute_url())
    assert action.get_absolute_url() in plan_page

    from plans.models import Source

    jtai = Source.objects.get(code="JTAI")
    coverage = page(client, reverse("plans:source_detail", args=[jtai.pk]) + f"?plan={world.plan.pk}")
    row = coverage.split("JTAI 3.4", 1)[1].split("</tr>", 1)[0]
    assert action.get_absolute_url() in row and "No action answers this" not in row

    measure_page = page(client, reverse("plans:measure_detail", args=[measure.pk]))
    assert "72%" in measure_page and "Up from 64" in measure_page and "Performance report" in measure_page
    assert action.get_absolute_url() in measure_page

    client.force_login(successor)
    my_actions = page(client, reverse("plans:my_actions"))
    assert action.get_absolute_url() in my_actions and world.action.get_absolute_url() in my_actions
    client.force_login(world.owner)
    assert action.get_absolute_url() not in page(client, reverse("plans:my_actions"))
    assert ProgressUpdate.objects.get(action=world.action).author == world.owner

    # The board member reads all of it.
    client.force_login(world.board)
    assert "moved from 31 March 2026" in page(client, action.get_absolute_url())
    assert "72%" in page(client, reverse("plans:measure_detail", args=[measure.pk]))
    assert Measure.objects.get().actions.get() == action
    action.refresh_from_db()
    assert (action.original_due_date, action.due_date) == (datetime.date(2026, 3, 31), datetime.date(2026, 6, 30))
