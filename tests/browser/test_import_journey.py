"""An admin imports the council's plan from its own spreadsheet, corrects how one column was read,
and finds the plan with every action the spreadsheet holds: with the mouse, then the keyboard only."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from plans.models import Action, Plan, PlanStatus
from plans.permissions import ADMIN
from tests.factories import UserFactory

# The real Solihull workbook ships in fixtures/, so this journey runs on every clone.
SOLIHULL_WORKBOOK = Path(settings.BASE_DIR) / "fixtures" / "solihull_iocs_plan.xlsx"
SOLIHULL_ACTIONS = 118  # six themes; continuation rows folded, duplicate refs kept
TITLE = "Solihull Improving Outcomes for Children Plan"
PASSWORD = "a-long-test-password"


def test_admin_imports_the_solihull_workbook_after_correcting_a_column(hands, transactional_db):
    page = hands.page
    UserFactory(username="importer", first_name="Sam", last_name="Patel", groups=[ADMIN])

    hands.login("importer", PASSWORD)
    hands.at("start-admin", title="Plans")
    hands.press(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Import a plan"))
    hands.at("import-upload", title="Import a plan")
    hands.upload(page.get_by_label("Upload the plan"), SOLIHULL_WORKBOOK)
    hands.press(page.get_by_role("button", name="Upload and preview"))

    hands.at("import-preview", title=f"Check the import of {SOLIHULL_WORKBOOK.name}")
    expect(page.get_by_text(f"{SOLIHULL_ACTIONS} actions", exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Themes that would be created or updated").locator("tbody tr")).to_have_count(
        6
    )
    assert not Plan.objects.exists()  # nothing is written before the admin confirms

    # The title read from the file name is corrected, and column C is not to be imported.
    hands.fill(page.get_by_label("Plan title"), TITLE)
    hands.press(page.locator("summary").filter(has_text="Columns: what each one was read as (change if wrong)"))
    column = page.get_by_label("Column C: “Improvement Need”")
    expect(column.locator("option:checked")).to_have_text("Improvement need")
    hands.choose(column, "Ignore this column")
    hands.press(page.get_by_role("button", name="Update the preview"))

    hands.at("import-preview-corrected", title=f"Check the import of {SOLIHULL_WORKBOOK.name}")
    expect(page.get_by_label("Plan title")).to_have_value(TITLE)
    expect(page.get_by_label("Column C: “Improvement Need”").locator("option:checked")).to_have_text(
        "Ignore this column"
    )
    expect(page.get_by_text(f"{SOLIHULL_ACTIONS} actions", exact=True)).to_be_visible()
    hands.press(page.get_by_role("button", name="Import the plan"))

    hands.at("imported-plan", title=TITLE)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Imported “{TITLE}” as a draft: {SOLIHULL_ACTIONS} actions added"
    )
    expect(page.get_by_text(f"Showing 1 to 25 of {SOLIHULL_ACTIONS} actions.")).to_be_visible()
    plan = Plan.objects.get()
    assert Action.objects.filter(theme__plan=plan).count() == SOLIHULL_ACTIONS
    assert not Action.objects.filter(theme__plan=plan).exclude(improvement_need="").exists()  # column C ignored

    # A fresh import is a draft, seen by admins and its coordinators, until it is published.
    expect(
        page.locator(".govuk-warning-text").filter(has_text="Only admins and this plan's coordinators can see it")
    ).to_be_visible()
    hands.press(page.get_by_role("button", name="Publish the plan"))
    hands.at("publish-plan", title=f"Publish {TITLE}")
    hands.press(page.get_by_role("button", name="Yes, publish the plan"))
    hands.at("published-plan", title=TITLE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("is published")
    assert Plan.objects.get().status == PlanStatus.ACTIVE

    # The plan's edit page (coordinators and board members chosen there) and the delete page's
    # confirmation are checked too; nothing is deleted.
    page.goto(f"/plans/{plan.pk}/edit/")
    hands.at("plan-edit", title=f"Edit plan – {TITLE}")
    expect(page.get_by_role("group", name=re.compile("Coordinators"))).to_be_visible()
    page.goto(f"/plans/{plan.pk}/delete/")
    hands.at("plan-delete", title=f"Delete plan – {TITLE}")
    assert Plan.objects.filter(pk=plan.pk).exists()
