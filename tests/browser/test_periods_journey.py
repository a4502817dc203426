"""Periods that cannot go wrong, each role's start, and My actions on a phone, in Chromium: a
coordinator closes the month after reading what will be frozen and who has not reported, and the
next month is open at once; every role signs in and lands where its work is; an owner at 375 px
reaches "Record progress" without scrolling sideways. With the mouse, then the keyboard only."""

import datetime
import re

from playwright.sync_api import expect

from plans.models import ReportingPeriod
from plans.selectors import reporting as selectors_reporting
from plans.services.demo import DEMO_PASSWORD
from tests.browser.support import MOBILE


def test_coordinator_closes_the_month_after_confirming_and_the_next_opens(hands, demo):
    page, plan = hands.page, demo.plan
    period = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    next_label = (period.month.replace(day=28) + datetime.timedelta(days=4)).strftime("%B %Y")

    hands.login("coordinator", DEMO_PASSWORD)
    hands.at("round-start", title=f"Monthly round – {plan.title}")
    hands.open_plan(plan, name="plan-closing", list_name="plans-closing")
    hands.press(page.get_by_role("link", name=f"Board dashboard for {period.label}"))
    hands.at("dashboard-before-close", title=f"Board dashboard, {period.label} – {plan.title}")
    hands.press(page.get_by_role("button", name=f"Close {period.label}"))

    # The confirmation: what will be frozen, who has not reported; nothing is closed yet.
    hands.at("period-close", title=f"Close {period.label} – {plan.title}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Close {period.label}?")
    expect(page.get_by_role("table", name="Progress RAG to be frozen: number and % of actions")).to_be_visible()
    expect(page.get_by_role("heading", name="Who has not reported")).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_contain_text(f"no update for {period.label}")
    expect(page.locator("main")).to_contain_text(f"{next_label} opens at once")
    assert not ReportingPeriod.objects.get(pk=period.pk).closed

    hands.press(page.get_by_role("button", name=f"Close {period.label} and open {next_label}"))
    hands.at("dashboard-closed", title=f"Board dashboard, {period.label} – {plan.title}")
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(f"{period.label} is closed")
    expect(banner).to_contain_text(re.compile(f"{next_label} is open for reporting \\(board meets .+\\)"))
    assert ReportingPeriod.objects.get(pk=period.pk).closed
    opened = ReportingPeriod.objects.get(plan=plan, closed=False)
    assert opened.label == next_label and opened.board_meeting_date == plan.board_meeting_for(opened.month)


START = [
    ("admin", "start-admin-landing", lambda plan, period: "Plans"),
    ("coordinator", "start-coordinator-landing", lambda plan, period: f"Monthly round – {plan.title}"),
    ("board", "start-board-landing", lambda plan, period: f"Board dashboard, {period.label} – {plan.title}"),
    ("auditlead", "start-audit-lead-landing", lambda plan, period: "Case audits"),
    ("owner", "start-owner-landing", lambda plan, period: "My actions"),
]


def test_each_role_signs_in_where_its_work_is(hands, demo):
    page, plan = hands.page, demo.plan
    period = selectors_reporting.default_period(selectors_reporting.plan_periods(plan=plan))
    for username, name, title in START:
        hands.login(username, DEMO_PASSWORD)
        hands.at(name, title=title(plan, period))
        hands.press(page.get_by_role("button", name=re.compile("Sign out")))
        expect(page).to_have_url(re.compile("/login/"))


def test_owner_reaches_record_progress_on_a_phone_without_scrolling_sideways(hands, demo):
    page = hands.page
    hands.login("owner", DEMO_PASSWORD)
    hands.at("my-actions-start", title="My actions")
    page.set_viewport_size(MOBILE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    record = page.get_by_role("link", name=re.compile("^Record progress on action")).first
    expect(record).to_be_visible()
    box = record.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"], box
    ref = record.get_attribute("href")
    hands.press(record)
    expect(page).to_have_url(re.compile(re.escape(ref) + "$"))
    expect(page.locator("#due-date")).to_contain_text("Due:")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
