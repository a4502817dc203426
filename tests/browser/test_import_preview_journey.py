"""An admin imports a council's plan kept on two sheets with different columns: the file's own
status label "Parked" cannot be read as a RAG, so the import is refused until the admin says what it
means; the admin maps an unused column of the second sheet (from the list of unused columns), sees
the file read again, and imports. With the mouse, then the keyboard only; every page checked with axe."""
from playwright.sync_api import expect

from plans.models import Action, Plan, ProgressUpdate, StatusLabelMapping
from plans.permissions import ADMIN
from plans.rag import Rag
from tests.factories import UserFactory
from tests.plans.test_import_preview import two_sheet_plan

PASSWORD = "a-long-test-password"
TITLE = "Westshire improvement plan"


def test_admin_maps_a_second_sheets_column_and_decides_a_status_label_before_importing(hands, transactional_db, tmp_path):
    page = hands.page
    workbook = tmp_path / "westshire.xlsx"
    workbook.write_bytes(two_sheet_plan())
    UserFactory(username="importer", first_name="Sam", last_name="Patel", groups=[ADMIN])

    hands.login("importer", PASSWORD)
    page.goto("/import/")
    hands.at("import-two-sheets-upload", title="Import a plan")
    hands.upload(page.get_by_label("Upload the plan"), workbook)
    hands.press(page.get_by_role("button", name="Upload and preview"))

    preview_title = f"Check the import of {workbook.name}"
    hands.at("import-two-sheets-preview", title=preview_title)
    expect(page.get_by_text("4 actions", exact=True)).to_be_visible()
    expect(page.locator("#sheets")).to_be_visible()
    expect(page.get_by_text("It looks like a key or legend.")).to_be_visible()
    expect(page.locator("#skipped-rows")).to_contain_text("NB: ratings agreed at the board")
    parked = page.get_by_label("“Parked” is read as")
    expect(parked.locator("option:checked")).to_have_text("Not decided yet")
    expect(page.get_by_label("“On track” is read as").locator("option:checked")).to_have_text("Green: on track")

    # Importing before deciding what "Parked" means is refused, and says so at the top.
    hands.press(page.get_by_role("button", name="Import the plan"))
    hands.at("import-two-sheets-undecided", title=f"Error: {preview_title}")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose what “Parked” means on the RAG scale, or No rating, before importing")
    assert not Plan.objects.filter(title=TITLE).exists()
    hands.press(summary.get_by_role("link", name="Choose what “Parked” means"))
    hands.choose(page.get_by_label("“Parked” is read as"), "Amber: not on track, recoverable")

    # Column F of the second sheet is not used: the list of unused columns leads to its choice.
    hands.press(page.get_by_role("link", name="choose what column F of “Practice” holds"))
    practice = page.get_by_role("group", name="Sheet “Practice”")
    column = practice.get_by_label("Column F: “Assurance”")
    expect(column).to_be_visible()
    expect(column.locator("option:checked")).to_have_text("Ignore this column")
    hands.choose(column, "Measures of success")
    hands.press(page.get_by_role("button", name="Update the preview"))

    hands.at("import-two-sheets-corrected", title=preview_title)
    expect(page.get_by_text("Every column of every sheet read is used.")).to_be_visible()
    expect(page.get_by_label("“Parked” is read as").locator("option:checked")).to_have_text("Amber: not on track, recoverable")
    expect(page.get_by_role("group", name="Sheet “Practice”").get_by_label("Column F: “Assurance”").locator("option:checked")).to_have_text(
        "Measures of success"
    )
    actions = page.get_by_role("table", name="Actions that would be created or updated")
    expect(actions.locator("tbody tr").filter(has_text="Audit twenty assessments").locator(".app-rag")).to_have_text("Amber")
    hands.press(page.get_by_role("button", name="Import the plan"))

    hands.at("import-two-sheets-imported", title=TITLE)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Imported “{TITLE}” as a draft: 4 actions added")
    plan = Plan.objects.get(title=TITLE)
    assert Action.objects.get(theme__plan=plan, ref="2.1").measures_of_success == "Audit findings go to the practice board"
    assert ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="2.1").progress_rag == Rag.AMBER
    assert StatusLabelMapping.objects.get(key="parked").rag == Rag.AMBER
