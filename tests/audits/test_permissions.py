"""Who may see and do what: audit lead sets up, agency auditors enter their own agency's judgements,
board members read findings and never a case (docs/decisions/0016-case-audit-access.md)."""

import datetime

import pytest
from django.urls import reverse

from audits.models import AuditCase, AuditProgramme


def _urls(audit, case, lesson=None):
    pk = audit.programme.pk
    return [
        "/audits/",
        f"/audits/{pk}/",
        f"/audits/{pk}/findings/",
        f"/audits/{pk}/findings.xlsx",
        f"/audits/cases/{case.pk}/",
        "/audits/graded/",
    ]


def test_anonymous_users_are_sent_to_sign_in(audit, client):
    case = audit.case("Case 1", [audit.police])
    for url in _urls(audit, case) + ["/audits/new/", f"/audits/{audit.programme.pk}/cases/new/"]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_users_without_an_audit_role_are_refused(audit, client):
    case = audit.case("Case 1", [audit.police])
    client.force_login(audit.nobody)
    for url in _urls(audit, case):
        assert client.get(url).status_code == 403, url
    assert "Audits" not in client.get(reverse("plans:my_actions")).content.decode()


@pytest.mark.parametrize("who", ["board", "police_user", "lead", "admin"])
def test_audit_readers_can_read_pages_and_see_the_navigation(audit, client, who):
    case = audit.case("Case 1", [audit.police])
    client.force_login(getattr(audit, who))
    for url in _urls(audit, case):
        expected = 403 if who == "board" and "/cases/" in url else 200
        assert client.get(url).status_code == expected, url
    assert 'href="/audits/"' in client.get("/audits/").content.decode()


def test_board_member_is_read_only(audit, client):
    case = audit.case("Case 1", [audit.police])
    client.force_login(audit.board)
    pk = audit.programme.pk
    for url in [
        f"/audits/{pk}/findings/",
        f"/audits/{pk}/",
        "/audits/new/",
        f"/audits/{pk}/cases/new/",
        f"/audits/cases/{case.pk}/agencies/{audit.police.pk}/",
        f"/audits/{pk}/lessons/new/",
        "/audits/graded/",
    ]:
        assert client.post(url, {"code": "Case 9", "title": "x"}).status_code == 403, url
    assert AuditCase.objects.count() == 1


def test_agency_auditor_cannot_set_up(audit, client):
    client.force_login(audit.police_user)
    response = client.post(
        "/audits/new/", {"title": "Sneaky", "period_start": "2016-04-01", "period_end": "2017-03-31"}
    )
    assert response.status_code == 403
    assert AuditProgramme.objects.count() == 1


def test_audit_lead_sets_up_a_programme_copying_standards_and_adds_a_case(audit, client):
    client.force_login(audit.lead)

    response = client.post(
        "/audits/new/",
        {
            "title": "Multi-agency case audit 2016-17",
            "period_start": "2016-04-01",
            "period_end": "2017-03-31",
            "priorities": "Neglect\nCSE",
            "copy_from": audit.programme.pk,
        },
    )
    programme = AuditProgramme.objects.get(title="Multi-agency case audit 2016-17")
    assert response.status_code == 302
    assert [k.number for k in programme.kloes.all()] == [1, 2]
    assert sorted(programme.kloes.values_list("standards__number", flat=True)) == [1, 2, 3]

    response = client.post(
        f"/audits/{programme.pk}/cases/new/",
        {
            "code": "MACA-2016-01",
            "priority": programme.priorities.first().pk,
            "agencies": [audit.police.pk],
        },
    )
    assert response.status_code == 302
    assert list(programme.cases.values_list("code", flat=True)) == ["MACA-2016-01"]


def test_audit_lead_records_the_learning_event_with_attendance_per_agency(audit, client):
    client.force_login(audit.lead)

    response = client.post(
        f"/audits/{audit.programme.pk}/learning-event/new/",
        {
            "title": "Learning event",
            "date": "2015-11-18",
            "summary": "Presentations and group work",
            f"attendance_{audit.police.pk}": "4",
            f"attendance_{audit.health.pk}": "1",
        },
    )

    assert response.status_code == 302
    event = audit.programme.learning_events.get()
    assert {(row.agency.short_name, row.attendees) for row in event.attendance.all()} == {("Police", 4), ("HEFT", 1)}
    page = client.get(f"/audits/{audit.programme.pk}/").content.decode()
    assert "West Midlands Police" in page


def test_programme_and_case_pages_answer_in_bounded_queries(audit, client, django_assert_max_num_queries):
    from tests.audits.conftest import MET

    for n in range(1, 9):
        case = audit.case(f"Case {n}", [audit.police, audit.health])
        audit.judge(case, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: MET})
    client.force_login(audit.police_user)
    with django_assert_max_num_queries(16):
        page = client.get(f"/audits/{audit.programme.pk}/").content.decode()
    assert page.count("Enter Police judgements") == 8
    with django_assert_max_num_queries(10):
        assert client.get(f"/audits/cases/{case.pk}/").status_code == 200


def test_board_members_read_findings_but_never_a_case_or_judgement_sheet(audit, client):
    from tests.audits.conftest import MET

    case = audit.case("Case 1", [audit.police])
    audit.judge(case, audit.police, {audit.s1: MET})
    client.force_login(audit.board)
    pk = audit.programme.pk
    for url in [
        f"/audits/{pk}/",
        f"/audits/{pk}/findings/",
        f"/audits/{pk}/findings.xlsx",
        f"/audits/{pk}/overview.pdf",
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get(f"/audits/cases/{case.pk}/").status_code == 403
    assert client.get(f"/audits/cases/{case.pk}/agencies/{audit.police.pk}/").status_code == 403
    page = client.get(f"/audits/{pk}/").content.decode()
    assert "Case 1" in page and f'href="/audits/cases/{case.pk}/"' not in page


def test_an_agency_auditor_opens_only_the_cases_their_agency_was_involved_in(audit, client):
    police_case = audit.case("Case 1", [audit.police])
    shared_case = audit.case("Case 2", [audit.police, audit.health])
    client.force_login(audit.health_user)
    assert client.get(f"/audits/cases/{police_case.pk}/").status_code == 403
    assert client.get(f"/audits/cases/{police_case.pk}/agencies/{audit.police.pk}/").status_code == 403
    assert client.get(f"/audits/cases/{shared_case.pk}/agencies/{audit.police.pk}/").status_code == 403
    page = client.get(f"/audits/cases/{shared_case.pk}/").content.decode()
    assert "Heart of England NHS Foundation Trust" in page and "West Midlands Police" not in page
    assert client.get(f"/audits/cases/{shared_case.pk}/agencies/{audit.health.pk}/").status_code == 200
    programme = client.get(f"/audits/{audit.programme.pk}/").content.decode()
    assert "Case 2" in programme and "Case 1" not in programme


def test_an_agency_auditor_reads_only_the_programmes_their_agency_takes_part_in(audit, client):
    from audits.services.lessons import lesson_record
    from audits.services.setup import case_create, programme_create

    other = programme_create(
        title="Police-only audit 2016-17", period_start=datetime.date(2016, 4, 1), period_end=datetime.date(2017, 3, 31)
    )
    case_create(programme=other, code="Case 9", agencies=[audit.police])
    lesson = lesson_record(programme=other, area_of_development="Supervision")
    audit.case("Case 1", [audit.health])
    client.force_login(audit.health_user)
    listing = client.get("/audits/").content.decode()
    assert audit.programme.title in listing and other.title not in listing
    for url in [
        f"/audits/{other.pk}/",
        f"/audits/{other.pk}/findings/",
        f"/audits/{other.pk}/findings.xlsx",
        f"/audits/{other.pk}/overview.pdf",
        f"/audits/lessons/{lesson.pk}/",
    ]:
        assert client.get(url).status_code == 403, url
    client.force_login(audit.police_user)
    assert client.get(f"/audits/{other.pk}/").status_code == 200
    assert other.title in client.get("/audits/").content.decode()


def test_audit_findings_and_case_pages_are_never_cached(audit, client):
    case = audit.case("Case 1", [audit.police])
    client.force_login(audit.lead)
    pk = audit.programme.pk
    for url in [
        f"/audits/{pk}/findings/",
        f"/audits/{pk}/findings.xlsx",
        f"/audits/{pk}/overview.pdf",
        f"/audits/cases/{case.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"no-store", "private"} <= {d.strip() for d in response["Cache-Control"].split(",")}, url
