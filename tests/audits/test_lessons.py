"""The learning log closes the loop: a lesson raises plan actions, each shows the other."""

import datetime

from audits.services.lessons import lesson_record
from plans.models import Action, Rag
from plans.services.actions import progress_update_record
from tests.factories import OwnerFactory


def test_lesson_raises_an_action_shown_both_ways_with_its_rag(audit, world, client):
    world.plan.coordinators.add(audit.lead)
    lesson = lesson_record(
        programme=audit.programme,
        area_of_development="Feedback from referrals is not timely",
        next_steps="Performance reporting to LSCB on MASH",
        kloe=audit.kloe1,
    )
    owner = OwnerFactory(title="Head of MASH")
    client.force_login(audit.lead)
    form = client.get(f"/audits/lessons/{lesson.pk}/raise-action/").content.decode()
    assert ">Raise the action</button>" in form and ">Save</button>" not in form  # the button says what it does

    response = client.post(
        f"/audits/lessons/{lesson.pk}/raise-action/",
        {
            "theme": world.theme.pk,
            "ref": "1.9",
            "action_text": "Report MASH feedback times to the board monthly",
            "owners": [owner.pk],
            "due_date": "2026-03-31",
        },
    )

    assert response.status_code == 302
    action = Action.objects.get(ref="1.9")
    assert (action.theme.plan, list(action.owners.all()), action.due_date) == (
        world.plan,
        [owner],
        datetime.date(2026, 3, 31),
    )
    assert list(action.lessons.all()) == [lesson]

    # the action's page says where it came from
    client.force_login(world.admin)
    page = client.get(action.get_absolute_url()).content.decode()
    assert f"Raised from lesson {lesson.number}" in page
    assert f'href="/audits/lessons/{lesson.pk}/"' in page

    # the lesson shows the action, its owner, and (after the month's update) its RAG
    client.force_login(audit.board)
    before = client.get(f"/audits/lessons/{lesson.pk}/").content.decode()
    assert "Head of MASH" in before and "No rating" in before
    progress_update_record(
        action=action,
        author=world.admin,
        progress_rag=Rag.AMBER,
        impact_rag="",
        note="Recruitment delayed",
        period=world.period,
    )
    after = client.get(f"/audits/lessons/{lesson.pk}/").content.decode()
    assert "app-rag--A" in after and "Amber" in after


def test_raising_an_action_needs_an_owner_and_a_coordinated_plan(audit, world, client):
    lesson = lesson_record(programme=audit.programme, area_of_development="Supervision")
    client.force_login(audit.lead)

    response = client.post(
        f"/audits/lessons/{lesson.pk}/raise-action/",
        {
            "theme": world.theme.pk,
            "ref": "1.9",
            "action_text": "x",
            "owners": [],
            "due_date": "2026-03-31",
        },
    )

    assert response.status_code == 200  # the lead does not coordinate plan A: the theme is not a choice
    assert "There is a problem" in response.content.decode()
    assert not lesson.actions.exists()


def test_action_page_query_count_does_not_grow_with_lessons(audit, world, client, django_assert_max_num_queries):
    for n in range(3):
        lesson_record(programme=audit.programme, area_of_development=f"Area {n}").actions.add(world.action)
    client.force_login(world.admin)
    # 15, and three for the action's thread: reviews, comments and due dates moved.
    with django_assert_max_num_queries(18):
        page = client.get(world.action.get_absolute_url()).content.decode()
    assert page.count("Raised from lesson") == 3
