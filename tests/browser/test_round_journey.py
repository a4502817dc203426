"""A coordinator's monthly round in Chromium: reviewing the month's updates (accept, and challenge
after a refused empty challenge), chasing who has not reported with a reminder sent from the
product, merging two owner roles found by searching, and recording a late reading."""

import re

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from plans.models import Action, Measure, MeasureReading, Owner, ProgressUpdate, Rag, ReminderLog, UpdateReview
from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import Mouse

CHALLENGE = "Green, but the audit says otherwise"
MEASURE = "Re-referrals within 12 months"


def _month_so_far(plan):
    """Two updates of this month by the owner (to review), a duplicate owner role, a new measure."""
    owner = get_user_model().objects.get(username="owner")
    period = plan.periods.get(closed=False)
    actions = list(Action.objects.owned_by_user(owner).open().for_plan(plan).in_plan_order()[:2])
    now = timezone.now()
    first = ProgressUpdate.objects.create(
        action=actions[0],
        period=period,
        author=owner,
        progress_rag=Rag.GREEN,
        note="Review me: the panel met twice.",
        created_at=now - timezone.timedelta(minutes=5),
    )
    second = ProgressUpdate.objects.create(
        action=actions[1],
        period=period,
        author=owner,
        progress_rag=Rag.GREEN,
        note="Review me: all on track.",
        created_at=now,
    )
    duplicate = Owner.objects.create(title="Head of probation")
    Action.objects.for_plan(plan).in_plan_order().last().owners.add(duplicate)
    Measure.objects.create(plan=plan, name=MEASURE, unit="%", direction="lower")
    return first, second, duplicate


def test_coordinator_reviews_chases_merges_roles_and_records_a_late_reading(journey, demo):
    page, plan = journey.page, demo.plan
    hands = Mouse(journey)
    first, second, duplicate = _month_so_far(plan)

    hands.login("coordinator", DEMO_PASSWORD)
    hands.open_plan(plan, name="plan-round", list_name="plans-round")

    # Review: every update of the month, newest first, with the previous RAG.
    page.get_by_role("link", name="Review updates").click()
    journey.check("review-updates", title=f"Review updates – {plan.title}")
    items = page.locator(".app-history__item")
    expect(items.first).to_contain_text("Review me: all on track.")
    expect(items.first).to_contain_text("was")
    newest = items.filter(has_text="Review me: all on track.")
    newest.get_by_role("button", name=re.compile("^Challenge")).click()
    journey.check("review-updates-error", title=f"Error: Review updates – {plan.title}")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Say why you challenge the update")
    summary.get_by_role("link").click()
    expect(page.locator(f"#comment-{second.pk}")).to_be_focused()
    page.locator(f"#comment-{second.pk}").fill(CHALLENGE)
    page.locator(f"#update-{second.pk}").get_by_role("button", name=re.compile("^Challenge")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("challenged")
    page.locator(f"#update-{first.pk}").get_by_role("button", name=re.compile("^Accept")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("accepted")
    expect(page.locator("#review-counts")).to_contain_text("1 accepted, 1 challenged")
    assert UpdateReview.objects.get(update=second).comment == CHALLENGE

    # Chase: who has not reported, a reminder to one person now, and the log of reminders.
    page.get_by_role("link", name="Who has not reported, and reminders").click()
    journey.check("monthly-round", title=f"Monthly round – {plan.title}")
    expect(page.get_by_role("table", name=re.compile("by owner role"))).to_be_visible()
    page.get_by_role("button", name="Send reminder to those ticked").click()
    journey.check("monthly-round-error", title=f"Error: Monthly round – {plan.title}")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose who to remind")
    page.get_by_role("group", name="Who to remind").get_by_label("Alex Morgan").check()
    page.get_by_role("button", name="Send reminder to those ticked").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Reminder sent to 1 person: Alex Morgan"
    )
    sent = page.get_by_role("table", name="Reminders sent for this plan, newest first")
    expect(sent.locator("tbody tr").first).to_contain_text("Alex Morgan")
    page.get_by_role("button", name="Send reminder to everyone not reported").click()
    expect(page.get_by_text("No reminder sent to Alex Morgan: was already reminded today.")).to_be_visible()
    log = ReminderLog.objects.get(user__username="owner", plan=plan)
    assert log.sent_by.username == "coordinator" and log.actions.exists()

    # Owner roles: two that are the same, found by searching, merged.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=plan.title).click()
    page.get_by_role("link", name="Owner roles").first.click()
    page.get_by_role("button", name="Merge two roles").click()
    journey.check("owner-merge", title="Merge two owner roles")
    hands.pick(page.get_by_label("Role to keep"), "Head of Probation")
    hands.pick(page.get_by_label("Role to merge into it"), "Head of probation")
    page.get_by_role("button", name="Merge roles").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "“Head of probation” merged into “Head of Probation”: 1 action moved"
    )
    assert not Owner.objects.filter(pk=duplicate.pk).exists()

    # A late reading for a closed month: marked late, the month's frozen figures unchanged.
    page.get_by_role("link", name="Plans").first.click()
    page.get_by_role("table", name="Improvement plans you can read").get_by_role("link", name=plan.title).click()
    page.get_by_role("link", name="Measures", exact=True).click()
    page.get_by_role("link", name=MEASURE).click()
    journey.check("measure-late", title=f"{MEASURE} – {plan.title}")
    period = page.get_by_label("Reporting period", exact=True)
    late_label = period.locator("option", has_text="closed: recorded late").first.inner_text().strip()
    period.select_option(label=late_label)
    page.get_by_label("Reading", exact=True).fill("21")
    page.get_by_role("button", name="Save reading").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("recorded late")
    readings = page.get_by_role("table", name="Reading for each reporting period and the milestone due by its end")
    expect(readings.locator("tr").filter(has_text=late_label.split(" (")[0])).to_contain_text("Late")
    reading = MeasureReading.objects.get(measure__name=MEASURE)
    assert reading.late and reading.period.closed
