"""The demo: the whole Solihull plan, months of progress, one account per role, idempotent."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from plans.models import Action, Owner, Plan, ProgressUpdate, ReportingPeriod, SourceReference, Theme
from plans.services.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_load_demo_loads_the_whole_plan_idempotently():
    call_command("load_demo")
    counts = (Plan.objects.count(), Theme.objects.count(), Action.objects.count(), ProgressUpdate.objects.count())
    call_command("load_demo")

    assert (
        Plan.objects.count(),
        Theme.objects.count(),
        Action.objects.count(),
        ProgressUpdate.objects.count(),
    ) == counts
    # the audits demo adds a single-agency plan and actions raised from lessons into this plan
    plan = Plan.objects.get(title__startswith="Improving Outcomes")
    assert (plan.themes.count(), Action.objects.for_plan(plan).filter(lessons__isnull=True).count()) == (6, 118)
    assert ReportingPeriod.objects.count() >= 3
    assert ReportingPeriod.objects.filter(plan=plan, closed=False).count() == 1
    assert {s.source.code for s in SourceReference.objects.select_related("source")} == {"IOCS", "JTAI", "Nat. Enq"}
    refs = SourceReference.objects.filter(action__ref="2.14", action__theme__number="2").values_list(
        "source__code", "paragraph"
    )
    assert set(refs) == {("JTAI", "1.1a"), ("JTAI", "6.1b")}
    # owners are split into roles, not kept as "A / B / C"
    assert not Owner.objects.filter(title__contains=" / ").exists()
    assert Action.objects.get(ref="2.22").owners.count() == 2


@pytest.mark.parametrize("username", ["admin", "coordinator", "owner", "board"])
def test_demo_accounts_sign_in_with_demo_password(username):
    call_command("load_demo")
    assert authenticate(username=username, password=DEMO_PASSWORD) is not None


def test_demo_owner_holds_a_role_owning_actions():
    call_command("load_demo")
    assert Action.objects.filter(owners__holders__username="owner").exists()
