"""No lost updates on the audit pages two people edit at once: an agency's judgement sheet (its
auditors and the audit lead) and a programme's status (audit leads).

For each page: the page is opened (its form carries the versions it showed), someone else saves,
then the stale form is posted. The save is refused (409) with what they changed, the database
keeps their change, what this person typed stays in the form, and saving again from the refused
page (now carrying the current versions) goes through.
"""

import html

import pytest
from django.test import Client
from django.urls import reverse

from audits.models import (
    AgencyMembership,
    AuditProgramme,
    Judgement,
    JudgementRevision,
    JudgementStatus,
    ProgrammeStatus,
)
from audits.permissions import AGENCY_AUDITOR, AUDIT_LEAD
from tests.audits.conftest import MET, NA, NOT_MET
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page_text(response):
    return html.unescape(response.content.decode())


def assert_refused(response, noun, *theirs):
    assert response.status_code == 409
    text = page_text(response)
    assert f"Someone else changed this {noun} while you were editing it" in text
    assert "Nothing has been overwritten" in text
    for value in theirs:
        assert value in text, value
    return {conflict.label: conflict for conflict in response.context["edit_conflict"].conflicts}


def sheet_url(case, agency):
    return reverse("audits:judgement_entry", args=[case.pk, agency.pk])


def sheet_versions(response):
    """The hidden versions the sheet carries, as a browser would post them back."""
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields if name.startswith("version_")}


def sheet_post(audit, versions, *, s1=MET, s2=MET, s3=NA, reason2="", evidence1="", action="submit"):
    return {
        f"result_{audit.s1.pk}": s1,
        f"result_{audit.s2.pk}": s2,
        f"result_{audit.s3.pk}": s3,
        f"reason_{audit.s2.pk}": reason2,
        f"evidence_{audit.s1.pk}": evidence1,
        "action": action,
        **versions,
    }


@pytest.fixture
def second_police_auditor(audit):
    """Another auditor of the police, entering the same sheet in another browser."""
    user = UserFactory(username="police-second", first_name="Pat", last_name="Second", groups=[AGENCY_AUDITOR])
    AgencyMembership.objects.create(user=user, agency=audit.police)
    browser = Client()
    browser.force_login(user)
    return browser


def test_sheet_carries_the_version_of_each_judgement_it_shows(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    audit.judge(case, audit.police, {audit.s1: MET}, submit=False)
    client.force_login(audit.police_user)

    versions = sheet_versions(client.get(sheet_url(case, audit.police)))

    judgement = Judgement.objects.get(case=case, agency=audit.police, standard=audit.s1)
    assert versions == {
        f"version_{audit.s1.pk}": judgement.version,
        f"version_{audit.s2.pk}": 0,
        f"version_{audit.s3.pk}": 0,
    }


def test_stale_judgement_sheet_is_refused_whole_and_shows_their_judgement(audit, client, second_police_auditor):
    case = audit.case("MACA-2015-01", [audit.police])
    audit.judge(case, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: NA}, submit=False)
    url = sheet_url(case, audit.police)
    client.force_login(audit.police_user)
    versions = sheet_versions(client.get(url))
    theirs = sheet_post(
        audit, sheet_versions(second_police_auditor.get(url)), s2=NOT_MET, reason2="Minutes never shared with school"
    )
    assert second_police_auditor.post(url, theirs).status_code == 302

    response = client.post(url, sheet_post(audit, versions, s2=MET, evidence1="Strategy meeting notes"))

    conflicts = assert_refused(response, "judgement", "Pat Second saved it", "Minutes never shared with school")
    result = conflicts["Standard 2: result"]
    assert (result.original, result.theirs, result.yours) == ("Met or exceeded", "Not met", "Met or exceeded")
    assert conflicts["Standard 2: reason"].theirs == "Minutes never shared with school"
    assert not any(label.startswith("Standard 1") for label in conflicts)  # they did not change standard 1
    # Nothing of the refused sheet was written, not even the standard nobody else touched.
    s1 = Judgement.objects.get(case=case, agency=audit.police, standard=audit.s1)
    s2 = Judgement.objects.get(case=case, agency=audit.police, standard=audit.s2)
    assert (s1.evidence, s2.result, s2.reason) == ("", NOT_MET, "Minutes never shared with school")
    assert JudgementRevision.objects.filter(judgement__case=case).count() == 3  # theirs only
    # What this person typed stays; the sheet now carries the current versions.
    form = response.context["form"]
    assert form[f"evidence_{audit.s1.pk}"].value() == "Strategy meeting notes"
    assert form[f"version_{audit.s2.pk}"].value() == s2.version

    again = client.post(url, sheet_post(audit, sheet_versions(response), s2=MET, evidence1="Strategy meeting notes"))
    assert again.status_code == 302
    s2.refresh_from_db()
    assert (s2.result, s2.reason, s2.status) == (MET, "", JudgementStatus.SUBMITTED)


def test_sheet_opened_before_someone_judged_a_standard_is_refused(audit, client, second_police_auditor):
    """The sheet had no judgement of standard 3 (version 0); the lead judged it meanwhile."""
    case = audit.case("MACA-2015-01", [audit.police])
    url = sheet_url(case, audit.police)
    client.force_login(audit.police_user)
    versions = sheet_versions(client.get(url))
    audit.judge(case, audit.police, {audit.s3: NOT_MET}, submit=False, user=audit.lead)

    response = client.post(url, sheet_post(audit, versions, s3=NA, action="draft"))

    conflicts = assert_refused(response, "judgement")
    assert (conflicts["Standard 3: result"].theirs, conflicts["Standard 3: result"].yours) == (
        "Not met",
        "Not applicable",
    )
    assert Judgement.objects.get(case=case, agency=audit.police, standard=audit.s3).result == NOT_MET
    assert not Judgement.objects.filter(case=case, agency=audit.police, standard=audit.s1).exists()


def test_audit_lead_and_auditor_saving_different_cases_do_not_conflict(audit, client):
    """Versions are per judgement: a save elsewhere never refuses this sheet."""
    case = audit.case("MACA-2015-01", [audit.police])
    other = audit.case("MACA-2015-02", [audit.police])
    client.force_login(audit.police_user)
    versions = sheet_versions(client.get(sheet_url(case, audit.police)))
    audit.judge(other, audit.police, {audit.s1: MET, audit.s2: MET, audit.s3: NA})

    assert client.post(sheet_url(case, audit.police), sheet_post(audit, versions)).status_code == 302
    assert Judgement.objects.filter(case=case, status=JudgementStatus.SUBMITTED).count() == 3


def test_programme_status_refuses_a_stale_save_and_shows_their_status(audit, client):
    other_lead = UserFactory(username="lead-two", first_name="Lee", last_name="Two", groups=[AUDIT_LEAD])
    url = reverse("audits:programme_status", args=[audit.programme.pk])
    client.force_login(audit.lead)
    version = int(client.get(url).context["form"]["version"].value())
    theirs = Client()
    theirs.force_login(other_lead)
    assert theirs.post(url, {"status": "reporting", "version": version}).status_code == 302

    response = client.post(url, {"status": "closed", "version": version})

    conflicts = assert_refused(response, "audit programme", "Lee Two saved it")
    assert (conflicts["Status"].original, conflicts["Status"].theirs, conflicts["Status"].yours) == (
        "Planning",
        "Reporting",
        "Closed",
    )
    assert AuditProgramme.objects.get(pk=audit.programme.pk).status == ProgrammeStatus.REPORTING
    assert response.context["form"]["status"].value() == "closed"

    again = client.post(url, {"status": "closed", "version": int(response.context["form"]["version"].value())})
    assert again.status_code == 302
    assert AuditProgramme.objects.get(pk=audit.programme.pk).status == ProgrammeStatus.CLOSED
