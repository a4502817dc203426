"""Audit fixtures: a small programme with three agencies, users per audit role, and helpers."""

import datetime
from dataclasses import dataclass

import pytest

from audits.models import Agency, AgencyMembership, JudgementResult
from audits.permissions import AGENCY_AUDITOR, AUDIT_LEAD
from audits.services.judgements import JudgementEntry, judgements_save
from audits.services.setup import agency_create, case_create, kloe_create, programme_create, standard_create
from plans.permissions import ADMIN, BOARD
from tests.factories import UserFactory

MET, NOT_MET, NA = JudgementResult.MET, JudgementResult.NOT_MET, JudgementResult.NOT_APPLICABLE


@dataclass
class Audit:
    programme: object
    kloe1: object
    kloe2: object
    s1: object
    s2: object
    s3: object
    police: Agency
    health: Agency
    education: Agency
    lead: object
    police_user: object
    health_user: object
    board: object
    admin: object
    nobody: object

    def judge(self, case, agency, results, *, submit=True, user=None):
        """results: {standard: result or (result, reason)}."""
        entries = []
        for standard, value in results.items():
            result, reason = value if isinstance(value, tuple) else (value, "Reason given" if value == NOT_MET else "")
            entries.append(JudgementEntry(standard=standard, result=result, reason=reason))
        case = type(case).objects.prefetch_related("agencies").get(pk=case.pk)
        return judgements_save(case=case, agency=agency, user=user or self.lead, entries=entries, submit=submit)

    def case(self, code, agencies):
        return case_create(programme=self.programme, code=code, agencies=agencies)


@pytest.fixture
def audit(db):
    programme = programme_create(
        title="Multi-agency case audit 2015-16",
        period_start=datetime.date(2015, 4, 1),
        period_end=datetime.date(2016, 3, 31),
        priorities=["Neglect", "Early Help"],
    )
    kloe1 = kloe_create(programme=programme, number=1, question="Is information shared well?")
    kloe2 = kloe_create(programme=programme, number=2, question="Is the voice of the child heard?")
    s1 = standard_create(kloe=kloe1, number=1, text="The right agencies are involved")
    s2 = standard_create(kloe=kloe1, number=2, text="Partners share information")
    s3 = standard_create(kloe=kloe2, number=3, text="The child's wishes and feelings are gathered")
    police = agency_create(name="West Midlands Police", short_name="Police")
    health = agency_create(name="Heart of England NHS Foundation Trust", short_name="HEFT")
    education = agency_create(name="Education Provider Services", short_name="Education")
    lead = UserFactory(username="lead", groups=[AUDIT_LEAD])
    police_user = UserFactory(username="police-auditor", groups=[AGENCY_AUDITOR])
    AgencyMembership.objects.create(user=police_user, agency=police)
    health_user = UserFactory(username="health-auditor", groups=[AGENCY_AUDITOR])
    AgencyMembership.objects.create(user=health_user, agency=health)
    return Audit(
        programme=programme,
        kloe1=kloe1,
        kloe2=kloe2,
        s1=s1,
        s2=s2,
        s3=s3,
        police=police,
        health=health,
        education=education,
        lead=lead,
        police_user=police_user,
        health_user=health_user,
        board=UserFactory(username="board-member", groups=[BOARD]),
        admin=UserFactory(username="boss", groups=[ADMIN]),
        nobody=UserFactory(username="no-audit-role"),
    )
