"""An audit lead enters one agency's judgements for a case (met, not met with a reason, not
applicable), saves a draft, submits, and reads the findings: with the mouse, then the keyboard only."""

import datetime

from playwright.sync_api import expect

from audits.models import Judgement, JudgementResult
from audits.permissions import AUDIT_LEAD
from audits.services.judgements import JudgementEntry, judgements_save
from audits.services.setup import agency_create, case_create, kloe_create, programme_create, standard_create
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"
PROGRAMME = "Multi-agency case audit 2015-16"


def audit_with_one_case_judged(lead):
    """Two KLOEs, three standards, two cases; the police have submitted case MACA-02 as all met."""
    programme = programme_create(
        title=PROGRAMME,
        organisation="Solihull Local Safeguarding Children Board",
        period_start=datetime.date(2015, 4, 1),
        period_end=datetime.date(2016, 3, 31),
        priorities=["Neglect"],
    )
    kloe1 = kloe_create(programme=programme, number=1, question="Is information shared well?")
    kloe2 = kloe_create(programme=programme, number=2, question="Is the voice of the child heard?")
    standards = [
        standard_create(kloe=kloe1, number=1, text="The right agencies are involved"),
        standard_create(kloe=kloe1, number=2, text="Partners share information"),
        standard_create(kloe=kloe2, number=3, text="The child's wishes and feelings are gathered"),
    ]
    police = agency_create(name="West Midlands Police", short_name="Police")
    case_create(programme=programme, code="MACA-01", agencies=[police])
    judged = case_create(programme=programme, code="MACA-02", agencies=[police])
    judged = type(judged).objects.prefetch_related("agencies").get(pk=judged.pk)
    judgements_save(
        case=judged,
        agency=police,
        user=lead,
        submit=True,
        entries=[JudgementEntry(standard=s, result=JudgementResult.MET) for s in standards],
    )
    return programme


def test_audit_lead_enters_judgements_then_reads_the_findings(hands, transactional_db):
    page = hands.page
    lead = UserFactory(username="chair", first_name="Chris", last_name="Lane", groups=[AUDIT_LEAD])
    audit_with_one_case_judged(lead)

    hands.login("chair", PASSWORD)
    hands.at("start-audit-lead", title="Case audits")
    hands.press(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Audits"))
    hands.at("audits", title="Case audits")
    hands.press(page.get_by_role("link", name=PROGRAMME))
    hands.at("audit-programme", title=PROGRAMME)
    hands.press(page.get_by_role("link", name="MACA-01", exact=True))
    hands.at("audit-case", title=f"Case MACA-01 – {PROGRAMME}")
    hands.press(page.get_by_role("link", name="Enter judgements for West Midlands Police"))

    entry_title = "Police judgements for case MACA-01"
    hands.at("audit-judgements", title=entry_title)
    standard = {
        n: page.get_by_role("group", name=f"Standard {n}: {text}")
        for n, text in [
            (1, "The right agencies are involved"),
            (2, "Partners share information"),
            (3, "The child's wishes and feelings are gathered"),
        ]
    }
    hands.check(standard[1].get_by_label("Met or exceeded"))
    hands.check(standard[2].get_by_label("Not met", exact=True))
    hands.fill(page.get_by_label("Why standard 2 was not met"), "Health not invited to the strategy discussion")
    hands.check(standard[3].get_by_label("Not applicable"))
    hands.press(page.get_by_role("button", name="Save draft"))

    hands.at("audit-case-after-draft", title=f"Case MACA-01 – {PROGRAMME}")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "West Midlands Police's judgements for MACA-01 saved as a draft."
    )
    police = page.get_by_role("table", name="Judgements by agency").get_by_role("row", name="West Midlands Police")
    expect(police.locator("td")).to_have_text(["3", "0", "3", "Enter judgements for West Midlands Police"])

    # The draft is kept; submitting it makes it count.
    hands.press(page.get_by_role("link", name="Enter judgements for West Midlands Police"))
    hands.at("audit-judgements", title=entry_title)
    expect(standard[2].get_by_label("Not met", exact=True)).to_be_checked()
    expect(page.get_by_label("Why standard 2 was not met")).to_have_value(
        "Health not invited to the strategy discussion"
    )
    hands.press(page.get_by_role("button", name="Submit"))

    hands.at("audit-case-after-draft", title=f"Case MACA-01 – {PROGRAMME}")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("judgements for MACA-01 submitted.")
    expect(police.locator("td")).to_have_text(["3", "3", "0", "Enter judgements for West Midlands Police"])
    assert set(Judgement.objects.filter(case__code="MACA-01").values_list("result", flat=True)) == {
        JudgementResult.MET,
        JudgementResult.NOT_MET,
        JudgementResult.NOT_APPLICABLE,
    }

    hands.press(page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=PROGRAMME))
    hands.at("audit-programme", title=PROGRAMME)
    hands.press(page.get_by_role("button", name="Findings"))
    hands.at("audit-findings", title=f"Findings – {PROGRAMME}")
    expect(page.get_by_text("2 cases in the sample.")).to_be_visible()
    kloe1 = page.get_by_role("table", name="KLOE 1: Is information shared well? — 3 of 4 case results (75%)")
    expect(kloe1.get_by_role("row", name="S1").locator("td").first).to_have_text("2 of 2 cases (100%)")
    expect(kloe1.get_by_role("row", name="S2").locator("td").first).to_have_text("1 of 2 cases (50%)")
    kloe2 = page.get_by_role("table", name="KLOE 2: Is the voice of the child heard? — 1 of 1 case results (100%)")
    s3 = kloe2.get_by_role("row", name="S3").locator("td")
    expect(s3).to_have_text(["1 of 1 cases (100%)", "0", "1"])
