"""Every route of the plans app, walked: a board member changes nothing anywhere, anonymous
visitors are sent to sign in. A new route must be given its arguments here to be covered."""
import datetime

import pytest
from django.core.management import call_command
from django.urls import URLPattern, reverse

from plans import urls as plan_urls
from plans.models import Action, Measure, MeasureMilestone, MeasureReading, Owner, Plan, Source, SourceParagraph, Theme
from tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def route_args(world, measure, milestone, source):
    plan, action = world.plan.pk, world.action.pk
    return {
        "home": [], "my_actions": [], "plan_list": [], "plan_detail": [plan], "action_detail": [action],
        "progress_update_create": [action], "plan_create": [], "plan_edit": [plan], "theme_list": [plan],
        "theme_edit": [plan, world.theme.pk], "theme_move": [plan, world.theme.pk], "action_create": [plan],
        "action_edit": [action], "action_close": [action], "owner_list": [], "owner_create": [],
        "owner_edit": [world.owner_role.pk], "measure_list": [plan], "measure_create": [plan],
        "measure_detail": [measure.pk], "measure_edit": [measure.pk], "milestone_remove": [measure.pk, milestone.pk],
        "source_list": [], "source_create": [], "source_detail": [source.pk], "source_paragraphs": [source.pk],
        "plan_export_xlsx": [plan], "plan_export_json": [plan], "plan_import": [], "plan_import_preview": ["no-such-upload"],
        "plan_import_status": ["no-such-upload"], "plan_publish": [plan],
        "board_dashboard": [plan], "board_pack_pdf": [plan], "board_pack_full_pdf": [plan], "board_pack_status": [plan], "board_pack_xlsx": [plan], "period_create": [plan],
        "period_close": [plan, world.period.slug], "action_history": [action], "audit_log": [], "highlight_report_edit": [plan, world.period.slug],
        "round": [plan], "review_queue": [plan], "action_comment": [action], "plan_delete": [plan], "owner_merge": [],
    }


# Board members may comment on the actions they read (a comment never changes the plan): their post
# there is answered (here with "Enter your comment", as the data has no comment), not refused.
BOARD_MAY_POST = {"action_comment"}


@pytest.fixture
def routes(world):
    measure = MeasureFactory(plan=world.plan)
    milestone = MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=1)
    source = Source.objects.get(code="JTAI")
    args = route_args(world, measure, milestone, source)
    names = [p.name for p in plan_urls.urlpatterns if isinstance(p, URLPattern)]
    missing = sorted(set(names) - set(args))
    assert not missing, f"Give these routes their arguments in this test: {missing}"
    return {name: reverse(f"plans:{name}", args=args[name]) for name in names}


def snapshot():
    return [
        list(Plan.objects.values()), list(Theme.objects.values()), list(Action.objects.values()),
        list(Owner.objects.values()), list(Owner.holders.through.objects.values()), list(Measure.objects.values()),
        list(MeasureMilestone.objects.values()), list(MeasureReading.objects.values()),
        list(Source.objects.values()), list(SourceParagraph.objects.values()),
    ]


def test_board_member_changes_nothing_on_any_route(client, world, routes):
    data = {
        "title": "Board edit", "status": "active", "theme": world.theme.pk, "action_text": "Board action",
        "direction": "up", "reason": "Board", "holders_submit": "1", "holders": [world.board.pk], "name": "Board",
        "period": world.period.pk, "value": "1", "code": "BOARD", "paragraphs": "1.1 Board", "progress_rag": "G",
        "note": "Board note",
    }
    before = snapshot()
    client.force_login(world.board)
    for name, url in routes.items():
        assert client.post(url, data).status_code == (200 if name in BOARD_MAY_POST else 403), name
    assert snapshot() == before


def test_anonymous_visitor_is_sent_to_sign_in_from_every_route(client, world, routes):
    for name, url in routes.items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name


def test_coordination_benchmark_runs_and_leaves_no_data(world):
    import io

    before = snapshot()
    out = io.StringIO()
    call_command("benchmark", "coordination", "--quick", stdout=out)
    assert "source coverage" in out.getvalue() and "measure page with chart" in out.getvalue()
    assert snapshot() == before
