"""The issue's "done when", through the pages: an audit lead sets up a programme, three agencies
enter judgements for several cases, the findings show correct figures, and a lesson raised into
the plan shows its owner and, a month later, its RAG."""

import datetime

from audits.models import Agency, AgencyMembership, AuditProgramme
from audits.permissions import AGENCY_AUDITOR, AUDIT_LEAD
from plans.models import Action, Rag, ReportingPeriod
from plans.services.actions import progress_update_record
from tests.factories import OwnerFactory, UserFactory


def test_audit_from_set_up_to_findings_to_plan_and_back(world, client):
    lead = UserFactory(username="chair", groups=[AUDIT_LEAD])
    world.plan.coordinators.add(lead)
    client.force_login(lead)
    assert (
        client.post(
            "/audits/new/",
            {
                "title": "Case audit 2016-17",
                "period_start": "2016-04-01",
                "period_end": "2017-03-31",
                "priorities": "Neglect",
            },
        ).status_code
        == 302
    )
    programme = AuditProgramme.objects.get()
    client.post(f"/audits/{programme.pk}/kloes/new/", {"number": 1, "question": "Is information shared?"})
    kloe = programme.kloes.get()
    for number, text in [(1, "The right agencies are involved"), (2, "Records are shared in time")]:
        assert (
            client.post(
                f"/audits/{programme.pk}/standards/new/", {"kloe": kloe.pk, "number": number, "text": text}
            ).status_code
            == 302
        )
    s1, s2 = kloe.standards.order_by("number")
    for name, short in [("West Midlands Police", "Police"), ("Solihull CCG", "CCG"), ("Early Years", "EY")]:
        assert client.post("/audits/agencies/", {"name": name, "short_name": short}).status_code == 302
    agencies = {a.short_name: a for a in Agency.objects.all()}
    for n in range(1, 4):
        client.post(
            f"/audits/{programme.pk}/cases/new/",
            {
                "code": f"MACA-2016-0{n}",
                "agencies": [a.pk for a in agencies.values()],
            },
        )
    cases = list(programme.cases.order_by("code"))
    assert len(cases) == 3

    # three agencies' auditors submit: S1 met everywhere except CCG on case 3; S2 not applicable for EY
    for short in agencies:
        user = UserFactory(username=f"{short.lower()}-auditor", groups=[AGENCY_AUDITOR])
        AgencyMembership.objects.create(user=user, agency=agencies[short])
        client.force_login(user)
        for case in cases:
            s1_result = "not_met" if (short, case.code) == ("CCG", "MACA-2016-03") else "met"
            response = client.post(
                f"/audits/cases/{case.pk}/agencies/{agencies[short].pk}/",
                {
                    f"result_{s1.pk}": s1_result,
                    f"reason_{s1.pk}": "GP not invited" if s1_result == "not_met" else "",
                    f"result_{s2.pk}": "not_applicable"
                    if short == "EY"
                    else ("met" if case.code != "MACA-2016-01" else "not_met"),
                    f"reason_{s2.pk}": "Minutes late",
                    "action": "submit",
                },
            )
            assert response.status_code == 302, response.content.decode()[:500]

    client.force_login(lead)
    page = client.get(f"/audits/{programme.pk}/findings/").content.decode()
    # S1: case 3 has CCG's "not met"; S2: case 1 not met (EY's "not applicable" does not count)
    assert page.count("2 of 3 cases (67%)") == 4  # S1 and S2, in the KLOE table and the least-met list
    assert "4 of 6 case results (67%)" in page

    client.post(f"/audits/{programme.pk}/lessons/new/", {"area_of_development": "GPs are not invited to meetings"})
    lesson = programme.lessons.get()
    owner = OwnerFactory(title="Designated Nurse")
    client.post(
        f"/audits/lessons/{lesson.pk}/raise-action/",
        {
            "theme": world.theme.pk,
            "ref": "1.7",
            "action_text": "Invite GPs to every core group",
            "owners": [owner.pk],
            "due_date": "2026-06-30",
        },
    )
    action = Action.objects.get(ref="1.7")
    lesson_page = client.get(f"/audits/lessons/{lesson.pk}/").content.decode()
    assert "Designated Nurse" in lesson_page and "No rating" in lesson_page

    # a month later the owner reports progress; the lesson shows it
    next_month = (world.period.month + datetime.timedelta(days=32)).replace(day=1)
    period = ReportingPeriod.objects.create(plan=world.plan, month=next_month)
    progress_update_record(action=action, author=world.admin, progress_rag=Rag.GREEN, note="GPs invited", period=period)
    lesson_page = client.get(f"/audits/lessons/{lesson.pk}/").content.decode()
    assert "app-rag--G" in lesson_page
