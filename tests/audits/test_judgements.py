"""Judgement entry: every standard by KLOE, draft then submit, reasons, history, who may enter."""

import pytest

from audits.models import Judgement, JudgementRevision, JudgementStatus
from tests.audits.conftest import MET, NA, NOT_MET


def _url(case, agency):
    return f"/audits/cases/{case.pk}/agencies/{agency.pk}/"


def _post(audit, *, s1=MET, s2=MET, s3=NA, reason2="", action="submit"):
    return {
        f"result_{audit.s1.pk}": s1,
        f"result_{audit.s2.pk}": s2,
        f"result_{audit.s3.pk}": s3,
        f"reason_{audit.s2.pk}": reason2,
        "action": action,
    }


def test_page_shows_every_standard_grouped_by_kloe(audit, client, django_assert_max_num_queries):
    case = audit.case("MACA-2015-01", [audit.police])
    audit.judge(case, audit.police, {audit.s1: MET, audit.s2: NOT_MET, audit.s3: NA})
    client.force_login(audit.police_user)

    with django_assert_max_num_queries(14):
        response = client.get(_url(case, audit.police))

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count('<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">') == 2
    assert content.index("KLOE 1") < content.index("Standard 1") < content.index("KLOE 2") < content.index("Standard 3")
    assert "Save draft" in content and "Submit" in content
    # The reason is asked of every standard, and says it is only for one not met.
    hint = "Only when it was not met: leave it empty for met or not applicable."
    assert content.count(hint) == 3
    assert f'aria-describedby="id_reason_{audit.s1.pk}-hint"' in content


def test_not_met_without_a_reason_is_refused_with_an_error_summary_and_nothing_saved(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    client.force_login(audit.police_user)

    response = client.post(_url(case, audit.police), _post(audit, s2=NOT_MET, reason2=""))

    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert f'href="#id_reason_{audit.s2.pk}"' in content
    assert "Say why standard 2 was not met." in content
    assert not Judgement.objects.exists()


def test_submit_needs_every_standard_but_a_draft_does_not(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    client.force_login(audit.police_user)
    data = _post(audit, s3="")

    refused = client.post(_url(case, audit.police), data)
    draft = client.post(_url(case, audit.police), {**data, "action": "draft"})

    assert "Choose met, not met or not applicable for standard 3." in refused.content.decode()
    assert draft.status_code == 302
    assert set(Judgement.objects.values_list("status", flat=True)) == {JudgementStatus.DRAFT}
    assert Judgement.objects.count() == 2
    assert not JudgementRevision.objects.exists()


def test_submitted_judgements_keep_their_history(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    client.force_login(audit.police_user)

    client.post(_url(case, audit.police), _post(audit))
    client.post(_url(case, audit.police), _post(audit, s2=NOT_MET, reason2="Minutes never shared"))

    judgement = Judgement.objects.get(standard=audit.s2)
    assert (judgement.status, judgement.result, judgement.reason) == ("submitted", NOT_MET, "Minutes never shared")
    history = list(judgement.revisions.values_list("result", "reason"))
    assert history == [(MET, ""), (NOT_MET, "Minutes never shared")]
    # an unchanged standard is not re-recorded
    assert Judgement.objects.get(standard=audit.s1).revisions.count() == 1
    revision = judgement.revisions.first()
    with pytest.raises(ValueError):
        revision.save()
    with pytest.raises(ValueError):
        revision.delete()


def test_agency_user_enters_only_their_own_agency_on_involved_cases(audit, client):
    shared = audit.case("MACA-2015-01", [audit.police, audit.health])
    health_only = audit.case("MACA-2015-02", [audit.health])
    client.force_login(audit.police_user)

    assert client.get(_url(shared, audit.police)).status_code == 200
    assert client.get(_url(shared, audit.health)).status_code == 403
    assert client.post(_url(shared, audit.health), _post(audit)).status_code == 403
    assert client.get(_url(health_only, audit.police)).status_code == 403  # police not involved: not its case
    assert client.post(_url(health_only, audit.health), _post(audit)).status_code == 403
    assert not Judgement.objects.filter(agency=audit.health).exists()


def test_agency_auditor_not_yet_placed_in_an_agency_reads_no_agency_sheet(audit, client):
    from audits.models import AgencyMembership

    case = audit.case("MACA-2015-01", [audit.police])
    AgencyMembership.objects.filter(user=audit.police_user).delete()
    client.force_login(audit.police_user)

    assert client.get(_url(case, audit.police)).status_code == 403
    assert client.post(_url(case, audit.police), _post(audit)).status_code == 403


def test_board_member_neither_reads_nor_changes_an_agency_sheet(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    client.force_login(audit.board)

    assert client.get(_url(case, audit.police)).status_code == 403
    assert client.post(_url(case, audit.police), _post(audit)).status_code == 403
    assert not Judgement.objects.exists()


def test_audit_lead_may_enter_for_any_involved_agency(audit, client):
    case = audit.case("MACA-2015-01", [audit.police, audit.health])
    client.force_login(audit.lead)

    response = client.post(_url(case, audit.health), _post(audit))

    assert response.status_code == 302
    assert Judgement.objects.filter(agency=audit.health, status="submitted").count() == 3


def test_closed_programme_refuses_changes_with_a_message(audit, client):
    case = audit.case("MACA-2015-01", [audit.police])
    client.force_login(audit.lead)
    assert client.post(f"/audits/{audit.programme.pk}/status/", {"status": "closed"}).status_code == 302
    client.force_login(audit.police_user)
    assert client.post(f"/audits/{audit.programme.pk}/status/", {"status": "auditing"}).status_code == 403

    response = client.post(_url(case, audit.police), _post(audit))

    assert "This audit programme is closed" in response.content.decode()
    assert not Judgement.objects.exists()
