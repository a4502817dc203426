"""A plan coordinator adds an action with two owners and its source paragraph, moves its due date,
and records a measure's reading: with the mouse, then the keyboard only."""

import datetime
import re

from playwright.sync_api import expect

from plans.models import Action, MeasureReading
from plans.services.demo import DEMO_PASSWORD

OWNERS = ["Head of Probation", "Interim Assistant Director Improvement"]
ACTION_TEXT = "Agree a joint protocol for sharing information at the front door"
FIRST_DUE, MOVED_DUE = datetime.date(2027, 3, 31), datetime.date(2027, 6, 30)
AGREED_ON = datetime.date.today() - datetime.timedelta(days=2)  # the board meeting that agreed the move
MEASURE = "Assessments judged good or better"


def test_coordinator_adds_an_action_moves_its_due_date_and_records_a_reading(hands, demo):
    page = hands.page
    plan = demo.plan

    hands.login("coordinator", DEMO_PASSWORD)
    hands.at("start-coordinator", title=f"Monthly round – {plan.title}")
    hands.open_plan(plan, name="plan-coordinator", list_name="plans-coordinator")
    hands.press(page.get_by_role("button", name="Add action"))

    hands.at("action-add", title=f"Add an action – {plan.title}")
    hands.choose(page.get_by_label("Theme"), str(plan.themes.order_by("position", "pk")[1]))
    hands.fill(page.get_by_label("Ref (optional)"), "2.99")
    hands.fill(page.get_by_label("Action", exact=True), ACTION_TEXT)
    # The owner picker: search the roles and pick each (accessible-autocomplete over the multi-select).
    for title in OWNERS:
        hands.pick(page.get_by_label("Owners (optional)"), title)
        expect(page.locator(".app-owner-picker__chosen")).to_contain_text(title)
    hands.fill(page.get_by_label("Derived from (optional)"), "JTAI 3.4")
    hands.fill_date(page.get_by_label("Due date (optional)"), FIRST_DUE)
    hands.press(page.get_by_role("button", name="Add action"))

    hands.at("action-added", title=f"Action 2.99 – {plan.title}")
    details = page.locator(".govuk-summary-list")
    expect(details.get_by_role("definition").filter(has_text=ACTION_TEXT)).to_be_visible()
    for title in OWNERS:
        expect(details.get_by_role("listitem").filter(has_text=title)).to_be_visible()
    expect(details.get_by_role("link", name="JTAI 3.4")).to_be_visible()
    expect(details.get_by_text("31 March 2027")).to_be_visible()

    # The board agreed more time: the new date shows where it moved from.
    hands.press(page.get_by_role("button", name="Edit action"))
    hands.at("action-edit", title=f"Edit action 2.99 – {plan.title}")
    hands.fill_date(page.get_by_label("Due date (optional)"), MOVED_DUE)
    hands.press(page.get_by_role("button", name="Save action"))
    # Moving the date needs who agreed it and when: the first try without them is refused.
    hands.at("action-edit-error", title=f"Error: Edit action 2.99 – {plan.title}")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter who agreed to move the due date")
    hands.fill(page.get_by_label("Who agreed to move the due date"), "board")
    hands.fill_date(page.get_by_label("Date the move was agreed"), AGREED_ON)
    hands.press(page.get_by_role("button", name="Save action"))
    hands.at("action-added", title=f"Action 2.99 – {plan.title}")
    expect(details.get_by_text("30 June 2027")).to_be_visible()
    expect(details.get_by_text("(moved from 31 March 2027)")).to_be_visible()
    expect(details.get_by_text(f"Moved from 31 March 2027 by board, {AGREED_ON:%-d %B %Y}")).to_be_visible()
    action = Action.objects.get(ref="2.99", action_text=ACTION_TEXT)
    assert sorted(o.title for o in action.owners.all()) == OWNERS
    assert (action.original_due_date, action.due_date) == (FIRST_DUE, MOVED_DUE)

    # A reading for this month's measure.
    hands.press(page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=plan.title))
    hands.at("plan-coordinator", title=plan.title)
    hands.press(page.get_by_role("link", name="Measures", exact=True))
    hands.at("measures", title=f"Measures – {plan.title}")
    hands.press(page.get_by_role("link", name=MEASURE))
    hands.at("measure", title=f"{MEASURE} – {plan.title}")
    period = page.get_by_label("Reporting period", exact=True).locator("option:checked").inner_text().strip()
    hands.fill(page.get_by_label("Reading", exact=True), "73")
    hands.fill(page.get_by_label("Note (optional)"), "Dip sample of 30 assessments in the month")
    hands.press(page.get_by_role("button", name="Save reading"))

    hands.at("measure", title=f"{MEASURE} – {plan.title}")
    readings = page.get_by_role("table", name="Reading for each reporting period and the milestone due by its end")
    row = readings.get_by_role("row").filter(has_text=period)
    expect(row.get_by_role("cell").first).to_have_text(re.compile(r"^73(\.0+)?%$"))
    expect(row).to_contain_text("Dip sample of 30 assessments in the month")
    assert MeasureReading.objects.filter(measure__name=MEASURE, value=73).exists()
