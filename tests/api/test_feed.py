"""The read-only data feed: what each endpoint gives, filters, pagination, query counts, and access by token."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api.services import api_token_create
from audits.models import Judgement, JudgementResult, JudgementStatus
from plans.models import Rag
from plans.services.periods import period_close
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AuditCaseFactory,
    AuditProgrammeFactory,
    KeyLineOfEnquiryFactory,
    MeasureFactory,
    MeasureMilestoneFactory,
    MeasureReadingFactory,
    ProgressUpdateFactory,
    ReportingPeriodFactory,
    SourceReferenceFactory,
    StandardFactory,
)

pytestmark = pytest.mark.django_db


def _bearer(user, days=30):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='Power BI', days=days).secret}"}


def _get(client, name, headers, **query):
    response = client.get(reverse(f"api:{name}"), query, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def test_plans_lists_only_the_plans_the_token_s_user_may_read(client, world):
    board = _get(client, "plan_list", _bearer(world.board))
    assert [p["title"] for p in board["results"]] == ["Plan A"]
    admin = _get(client, "plan_list", _bearer(world.admin))
    assert [p["title"] for p in admin["results"]] == ["Plan A", "Plan B"]
    assert _get(client, "plan_list", _bearer(world.nobody))["results"] == []


def test_a_plan_the_user_may_not_read_is_refused_not_emptied(client, world):
    headers = _bearer(world.board)
    for name in ("theme_list", "period_list", "action_list", "action_status_list", "measure_list"):
        response = client.get(reverse(f"api:{name}"), {"plan": world.other_plan.pk}, **headers)
        assert response.status_code == 403, name
        assert response.json()["detail"] == "You do not have access to this plan."
    other_period = world.other_plan.periods.get()
    assert client.get(reverse("api:action_status_list"), {"period": other_period.pk}, **headers).status_code == 403
    assert client.get(reverse("api:theme_list"), {"plan": 999999}, **headers).status_code == 404
    bad = client.get(reverse("api:theme_list"), {"plan": "A"}, **headers)
    assert bad.status_code == 400 and "id" in bad.json()["plan"][0]


def test_themes_periods_and_actions_filter_by_plan(client, world):
    headers = _bearer(world.admin)
    themes = _get(client, "theme_list", headers, plan=world.plan.pk)["results"]
    assert [(t["number"], t["title"], t["plan"]) for t in themes] == [("1", "Leadership", world.plan.pk)]
    periods = _get(client, "period_list", headers, plan=world.plan.pk)["results"]
    assert [p["slug"] for p in periods] == [world.period.slug]
    actions = _get(client, "action_list", headers, plan=world.plan.pk)["results"]
    assert [a["ref"] for a in actions] == ["1.1", "1.2"]
    assert actions[0]["owners"] == ["Head of Service Safeguards"]
    assert actions[0]["sources"] == ["JTAI 3.1"]
    assert actions[0]["due_date"] == "2020-01-31"
    everything = _get(client, "action_list", headers)["results"]
    assert {a["plan"] for a in everything} == {world.plan.pk, world.other_plan.pk}


def test_action_statuses_give_each_action_s_status_in_the_period(client, world):
    ProgressUpdateFactory(
        action=world.action,
        period=world.period,
        progress_rag=Rag.AMBER,
        impact_rag=Rag.RED,
        note="Recovery plan agreed",
    )
    rows = _get(client, "action_status_list", _bearer(world.board), period=world.period.pk)["results"]
    by_ref = {row["ref"]: row for row in rows}
    assert by_ref["1.1"]["progress_rag"] == "amber" and by_ref["1.1"]["impact_rag"] == "red"
    assert by_ref["1.1"]["note"] == "Recovery plan agreed"
    assert by_ref["1.1"]["is_overdue"] is True and by_ref["1.1"]["is_stale"] is False
    assert by_ref["1.1"]["owners"] == ["Head of Service Safeguards"]
    assert by_ref["1.2"]["progress_rag"] is None and by_ref["1.2"]["is_stale"] is True
    assert {row["month"] for row in rows} == {world.period.slug}
    # ?plan= alone is the plan's current period
    assert _get(client, "action_status_list", _bearer(world.board), plan=world.plan.pk)["results"] == rows


def test_a_closed_period_s_statuses_are_what_the_board_read(client, world):
    previous = ReportingPeriodFactory(
        plan=world.plan, month=(world.period.month - datetime.timedelta(days=1)).replace(day=1)
    )
    ProgressUpdateFactory(
        action=world.action,
        period=previous,
        progress_rag=Rag.GREEN,
        created_at=timezone.now() - datetime.timedelta(days=40),
    )
    period_close(period=previous, user=world.coordinator)
    ProgressUpdateFactory(action=world.action, period=world.period, progress_rag=Rag.RED)
    headers = _bearer(world.coordinator)
    closed = {r["ref"]: r for r in _get(client, "action_status_list", headers, period=previous.pk)["results"]}
    open_ = {r["ref"]: r for r in _get(client, "action_status_list", headers, period=world.period.pk)["results"]}
    assert closed["1.1"]["progress_rag"] == "green"
    assert closed["1.1"]["owners"] == ["Head of Service Safeguards"]
    assert open_["1.1"]["progress_rag"] == "red" and open_["1.1"]["previous_progress_rag"] == "green"


def test_action_statuses_need_a_period_or_a_plan(client, world):
    response = client.get(reverse("api:action_status_list"), **_bearer(world.admin))
    assert response.status_code == 400
    assert "period" in response.json()


def test_measures_carry_milestones_and_readings_and_filter_by_period(client, world):
    measure = MeasureFactory(plan=world.plan, name="Assessments judged good")
    MeasureMilestoneFactory(measure=measure, value=70, label="Autumn")
    earlier = ReportingPeriodFactory(
        plan=world.plan, month=(world.period.month - datetime.timedelta(days=1)).replace(day=1)
    )
    MeasureReadingFactory(measure=measure, period=earlier, value=55)
    MeasureReadingFactory(measure=measure, period=world.period, value=64)
    headers = _bearer(world.owner)
    [row] = _get(client, "measure_list", headers, plan=world.plan.pk)["results"]
    assert row["milestones"] == [{"due_date": "2026-09-30", "value": "70.00", "label": "Autumn"}]
    assert [(r["month"], r["value"]) for r in row["readings"]] == [
        (earlier.slug, "55.00"),
        (world.period.slug, "64.00"),
    ]
    [only] = _get(client, "measure_list", headers, period=world.period.pk)["results"]
    assert [r["value"] for r in only["readings"]] == ["64.00"]


@pytest.fixture
def audited(db):
    """A programme with one standard, two agencies and three cases: figures 2 of 3 met overall."""
    programme = AuditProgrammeFactory()
    standard = StandardFactory(
        kloe=KeyLineOfEnquiryFactory(programme=programme, number=1), number=1, text="Voice of the child"
    )
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    results = [JudgementResult.MET, JudgementResult.MET, JudgementResult.NOT_MET]
    for n, result in enumerate(results, start=1):
        case = AuditCaseFactory(programme=programme, code=f"Case {n}", agencies=[police, health])
        Judgement.objects.create(
            case=case,
            agency=police,
            standard=standard,
            result=result,
            reason="No record of the child's views" if result == JudgementResult.NOT_MET else "",
            status=JudgementStatus.SUBMITTED,
        )
        Judgement.objects.create(
            case=case, agency=health, standard=standard, result=JudgementResult.MET, status=JudgementStatus.SUBMITTED
        )
    return programme


def test_audit_findings_are_figures_never_cases(client, world, audited):
    headers = _bearer(world.board)
    [programme] = _get(client, "audit_programme_list", headers)["results"]
    assert programme["case_count"] == 3
    rows = _get(client, "audit_finding_list", headers, programme=audited.pk)["results"]
    overall = [r for r in rows if r["agency"] is None]
    assert overall == [
        {
            "programme": audited.pk,
            "kloe": 1,
            "standard": 1,
            "standard_text": "Voice of the child",
            "agency": None,
            "unit": "cases",
            "met": 2,
            "not_met": 1,
            "not_applicable": 0,
            "applicable": 3,
            "percent_met": 67,
        }
    ]
    police = next(r for r in rows if r["agency"] == "Police")
    assert (police["met"], police["not_met"], police["unit"]) == (2, 1, "cases")
    text = str(rows)
    assert "Case 1" not in text and "No record" not in text


def test_audit_figures_are_refused_to_those_who_may_not_read_audits(client, world, audited):
    headers = _bearer(world.owner)
    assert client.get(reverse("api:audit_programme_list"), **headers).status_code == 403
    assert client.get(reverse("api:audit_finding_list"), {"programme": audited.pk}, **headers).status_code == 403


def test_lists_are_paginated(client, world):
    for n in range(7):
        ActionFactory(theme=world.theme, ref=f"2.{n}")
    headers = _bearer(world.admin)
    first = _get(client, "action_list", headers, plan=world.plan.pk, page_size=5)
    assert first["count"] == 9 and len(first["results"]) == 5 and first["next"]
    second = client.get(first["next"], **headers).json()
    assert len(second["results"]) == 4 and second["next"] is None


def _grow(world, n):
    for i in range(n):
        action = ActionFactory(theme=world.theme, ref=f"9.{i}", owners=[world.owner_role])
        SourceReferenceFactory(action=action, source__code=f"SRC{i}")
        ProgressUpdateFactory(action=action, period=world.period)
        measure = MeasureFactory(plan=world.plan)
        MeasureMilestoneFactory(measure=measure)
        MeasureReadingFactory(measure=measure, period=world.period)


@pytest.mark.parametrize(
    "name", ["plan_list", "theme_list", "period_list", "action_list", "action_status_list", "measure_list"]
)
def test_each_page_takes_a_fixed_number_of_queries(client, world, name, django_assert_max_num_queries):
    _grow(world, 25)
    headers = _bearer(world.owner)
    query = {"plan": world.plan.pk}
    # The status list reads the single status read model (the latest and previous updates, owners).
    with django_assert_max_num_queries(12 if name == "action_status_list" else 10):
        response = client.get(reverse(f"api:{name}"), query, **headers)
    assert response.status_code == 200 and response.json()["results"]


def test_audit_findings_take_a_fixed_number_of_queries(client, world, audited, django_assert_max_num_queries):
    headers = _bearer(world.board)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("api:audit_finding_list"), {"programme": audited.pk}, **headers).status_code == 200


def test_the_schema_and_its_docs_page(client, world):
    schema = client.get(reverse("api:schema") + "?format=json", **_bearer(world.board))
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/action-statuses/" in paths and "/api/v1/audit-findings/" in paths
    assert schema.json()["components"]["securitySchemes"]["PersonalToken"]["scheme"] == "bearer"
    client.force_login(world.board)
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "/api/v1/action-statuses/" in text and "progress_rag" in text
    assert "<script" not in text.split("</main>")[0].split("<main")[1]  # a plain page: no scripts of its own
    assert "cdn" not in text.lower()


def test_signed_in_browser_reads_the_feed_without_a_token(client, world):
    client.force_login(world.board)
    assert [p["title"] for p in client.get(reverse("api:plan_list")).json()["results"]] == ["Plan A"]
