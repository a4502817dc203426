"""The audits models are in the audit trail: who changed a programme, a case, a judgement or a
lesson, when, from what to what, on the audit log page and in each row's history."""

import html

import pytest
from django.apps import apps
from django.urls import reverse

from audits.models import Judgement, JudgementRevision
from improvement import audit as audit_trail
from tests.audits.conftest import MET, NA, NOT_MET

pytestmark = pytest.mark.django_db

# Append-only already: each submission is its own row, never changed (audits.models.judgements).
NOT_AUDITED = {JudgementRevision}


def audits_models():
    return [m for m in apps.get_app_config("audits").get_models() if not m.__name__.startswith("Historical")]


@pytest.mark.parametrize("model", [m for m in audits_models() if m not in NOT_AUDITED], ids=lambda m: m.__name__)
def test_every_audits_model_is_in_the_audit_log(model):
    assert model._meta.label_lower in audit_trail.audited_models()
    assert hasattr(model, "history")


def test_a_judgement_saved_from_its_sheet_shows_on_the_audit_log_with_who_and_what(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    url = reverse("audits:judgement_entry", args=[case.pk, audit.police.pk])
    client.force_login(audit.police_user)
    client.post(
        url,
        {f"result_{audit.s1.pk}": MET, f"result_{audit.s2.pk}": MET, f"result_{audit.s3.pk}": NA, "action": "draft"},
    )
    client.post(
        url,
        {
            f"result_{audit.s1.pk}": MET,
            f"result_{audit.s2.pk}": NOT_MET,
            f"result_{audit.s3.pk}": NA,
            f"reason_{audit.s2.pk}": "Minutes never shared",
            "action": "draft",
        },
    )
    client.force_login(audit.admin)

    response = client.get(reverse("plans:audit_log"), {"model": "audits.judgement"})

    entries = response.context["entries"]
    assert entries and {e.model_key for e in entries} == {"audits.judgement"}
    changed = entries[0]
    assert (changed.kind, changed.who) == ("Changed", audit.police_user)
    changes = {c.label: (c.before, c.after) for c in changed.changes}
    assert changes["Result"] == ("Met or exceeded", "Not met")
    assert changes["Reason"] == ("(blank)", "Minutes never shared")
    assert "Version" not in changes
    text = html.unescape(response.content.decode())
    assert "Minutes never shared" in text and "Judgement" in text
    assert ("audits.judgement", "Judgement") in response.context["models"]


def test_setting_up_a_programme_is_recorded_row_by_row(audit):
    """Bulk writes (priorities, standards copied, attendance) record their history too."""
    from audits.services.setup import learning_event_record, programme_create

    copy = programme_create(
        title="Case audit 2016-17",
        period_start=audit.programme.period_start,
        period_end=audit.programme.period_end,
        priorities=["Neglect"],
        copy_from=audit.programme,
    )
    learning_event_record(
        programme=copy,
        title="Learning event",
        date=audit.programme.period_end,
        attendance={audit.police: 4, audit.health: 2},
    )

    from audits.models import AuditPriority, LearningEventAttendance, Standard

    for model, rows in [
        (AuditPriority, copy.priorities.all()),
        (Standard, Standard.objects.filter(kloe__programme=copy)),
        (LearningEventAttendance, LearningEventAttendance.objects.filter(event__programme=copy)),
    ]:
        assert rows.exists()
        assert model.history.filter(id__in=rows.values("pk"), history_type="+").count() == rows.count(), model


def test_a_case_history_records_the_agencies_involved(audit):
    case = audit.case("MACA-2015-01", [audit.police])
    case.agencies.add(audit.health)

    entries = audit_trail.object_history(case)

    assert entries[0].model_label == "Audit case"
    agencies = next(c for c in entries[0].changes if c.field == "agencies")
    assert agencies.after == "Heart of England NHS Foundation Trust, West Midlands Police"


def test_audit_log_with_audits_changes_answers_in_bounded_queries(audit, client, django_assert_max_num_queries):
    for number in range(12):
        case = audit.case(f"MACA-2015-{number:02}", [audit.police, audit.health])
        audit.judge(case, audit.police, {audit.s1: MET, audit.s2: NOT_MET, audit.s3: NA})
    client.force_login(audit.admin)
    with django_assert_max_num_queries(45):
        response = client.get(reverse("plans:audit_log"))
    assert len(response.context["entries"]) == 50
    assert Judgement.history.count() > 30
