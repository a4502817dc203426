"""The audits demo: the Solihull 2015-16 programme as the report wrote it, with its accounts."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from audits.models import AuditProgramme, Judgement, JudgementRevision, KeyLineOfEnquiry, Lesson, Standard
from audits.selectors import findings
from plans.services.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_loads_the_solihull_programme_once_with_agency_accounts():
    call_command("load_demo")
    counts = (Judgement.objects.count(), JudgementRevision.objects.count(), Lesson.objects.count())
    call_command("load_demo")

    assert (Judgement.objects.count(), JudgementRevision.objects.count(), Lesson.objects.count()) == counts
    programme = AuditProgramme.objects.get(title="Multi-agency case audit 2015-16")
    assert KeyLineOfEnquiry.objects.filter(programme=programme).count() == 5
    assert list(Standard.objects.filter(kloe__programme=programme).values_list("number", flat=True)) == list(
        range(1, 23)
    )
    assert (
        Standard.objects.get(kloe__programme=programme, number=7).text
        == "The practitioner is clear about obtaining consent."
    )
    assert programme.cases.count() == 11
    assert Judgement.objects.filter(status="draft").exists() and Judgement.objects.filter(status="submitted").exists()
    assert Lesson.objects.filter(actions__isnull=False).exists()
    result = findings(programme=programme)
    assert {row.agency.short_name for row in result.agencies} >= {"Police", "HEFT", "CCG", "Housing"}
    for username in ["auditlead", "police", "health", "education", "housing"]:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None
