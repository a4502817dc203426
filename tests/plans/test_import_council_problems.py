"""Problems a council admin met importing their own workbooks (tests/data/council/, as they sent them),
each pinned: a status label nobody chose is never imported or remembered; a row with no ref but its
own rating and date is its own action; a bare number read as a long-past date is a row to check;
owners qualified by their service stay whole and a name with an email is a person; the words after a
paragraph reference are the finding, not a source; the preview says whether it updates a plan or
imports a new one, and uses the typed title; the preview's warnings and people are quick to work through."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import Workbook

from plans.models import Plan, ProgressUpdate, StatusLabelMapping
from plans.rag import Rag
from plans.services.importing import plan_import_preview
from tests.factories import PlanFactory
from tests.plans.test_import_preview import error_summary, fields, media, upload  # noqa: F401

pytestmark = pytest.mark.django_db

COUNCIL = Path(__file__).resolve().parent.parent / "data" / "council"
AWKWARD = COUNCIL / "awkward_plan.xlsx"
SHEET_TITLE = "Anytown Improvement Plan — post-ILACS"


def read(path):
    with open(path, "rb") as handle:
        return plan_import_preview(source=handle, name=path.name, statuses={})


def action_named(parsed, words):
    return next(action for action in parsed.actions if words in action.action)


def with_hidden(html):
    """The preview's fields as the browser sends them, with the hidden ones that say what each label was shown as."""
    hidden = re.findall(r'<input type="hidden" name="(status_[^"]+)"(?: value="([^"]*)")?', html)
    return {**fields(html), **dict(hidden)}


def test_a_label_left_undecided_on_the_page_is_not_imported_as_another_admin_chose_meanwhile(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    parked = labels(html)["Parked"]
    assert fields(html)[parked] == "" and with_hidden(html)[f"{parked}_shown"] == ""
    # Meanwhile another admin's import remembers "Parked" as Amber.
    StatusLabelMapping.objects.create(label="Parked", key=StatusLabelMapping.key_for("Parked"), rag=Rag.AMBER)
    response = client.post(preview, {**with_hidden(html), "confirm": "yes"})
    assert response.status_code == 400
    assert "Choose what “Parked” means" in error_summary(response.content.decode())
    assert not Plan.objects.filter(title=SHEET_TITLE).exists()
    assert not ProgressUpdate.objects.filter(progress_rag=Rag.AMBER, action__action_text="Duplicate ref row").exists()


def labels(html):
    return dict((label, name) for name, label in re.findall(r'for="id_(status_\d+)">\s*“([^”]+)” is read as', html))


# ------------------------------------------------------------------ 1. a label nobody chose


def test_an_undecided_label_refuses_the_import_names_the_label_and_remembers_nothing(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    parked = labels(html)["Parked"]
    assert fields(html)[parked] == ""

    response = client.post(preview, {**fields(html), "confirm": "yes"})
    assert response.status_code == 400
    assert "Choose what “Parked” means on the RAG scale, or No rating, before importing" in error_summary(
        response.content.decode()
    )
    assert not Plan.objects.filter(title=SHEET_TITLE).exists()
    assert not StatusLabelMapping.objects.exists()


def test_a_choice_made_on_a_page_for_another_label_is_not_applied_to_this_one(client, world, media):
    """The choice for a position in the list is only the choice for the label that page showed there."""
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    parked = labels(html)["Parked"]
    assert f'name="{parked}_label" value="Parked"' in html
    # A page (another tab, a restored form) that showed "Held by DCS" in that place, chosen as Amber.
    response = client.post(
        preview, {**fields(html), parked: "amber", f"{parked}_label": "Held by DCS", "confirm": "yes"}
    )
    assert response.status_code == 400
    assert "“Parked”" in error_summary(response.content.decode())
    assert not Plan.objects.filter(title=SHEET_TITLE).exists()
    assert not ProgressUpdate.objects.filter(action__theme__plan__title=SHEET_TITLE).exists()
    assert not StatusLabelMapping.objects.exists()


def test_a_label_chosen_by_the_admin_is_imported_and_remembered(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    parked = labels(html)["Parked"]
    response = client.post(preview, {**fields(html), parked: "grey", f"{parked}_label": "Parked", "confirm": "yes"})
    assert response.status_code == 302
    assert dict(StatusLabelMapping.objects.values_list("label", "rag")) == {"Parked": Rag.GREY}
    duplicate = ProgressUpdate.objects.get(
        action__theme__plan__title=SHEET_TITLE, action__action_text="Duplicate ref row"
    )
    assert duplicate.progress_rag == Rag.GREY


# ------------------------------------------------------------------ 2. a row with no ref


def test_a_row_without_a_ref_but_its_own_rating_and_date_is_its_own_action_with_a_generated_ref():
    parsed = read(AWKWARD)
    above = action_named(parsed, "Ensure caseloads under 18")
    assert above.action == "Ensure caseloads under 18" and above.ref == "3.2"
    own = action_named(parsed, "Action without a number")
    assert own is not above
    assert own.ref == "3.3" and own.progress_rag == "G" and own.due_date == datetime.date(2027, 3, 31)
    assert any(
        warning.row == 13 and "no ref but its own rating and date" in warning.message and "3.3" in warning.message
        for warning in parsed.warnings
    )


def test_a_row_carrying_on_the_action_text_is_still_one_action(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Action", "Owner", "Due date", "RAG"])
    ws.append(["1.1", "Refresh the threshold document", "Head of MASH", "31/03/2027", "Green"])
    ws.append([None, "and train every duty team on it", None, None, None])
    ws.append(["1.2", "Audit fifty contacts a month", "Head of MASH", "30/04/2027", "Amber"])
    path = tmp_path / "continued.xlsx"
    wb.save(path)
    parsed = read(path)
    assert [action.ref for action in parsed.actions] == ["1.1", "1.2"]
    assert parsed.actions[0].action == "Refresh the threshold document\nand train every duty team on it"


# ------------------------------------------------------------------ 3. a bare number as a date


def test_a_bare_number_read_as_a_long_past_due_date_is_a_row_to_check():
    parsed = read(AWKWARD)
    action = action_named(parsed, "Ensure caseloads under 18")
    assert action.due_date == datetime.date(2023, 3, 15)
    assert any(
        warning.row == 12 and "the number 45000" in warning.message and "15 March 2023" in warning.message
        for warning in parsed.warnings
    )
    # A real date in the past written as a date is not flagged as a number.
    assert not any("the number" in warning.message for warning in parsed.warnings if warning.row != 12)


# ------------------------------------------------------------------ 4. owners and sources


def test_a_role_qualified_by_its_service_stays_whole_and_a_name_with_an_email_is_a_person():
    parsed = read(AWKWARD)
    assert action_named(parsed, "Review all pathway plans").owners == ["Service Manager, Leaving Care"]
    assert action_named(parsed, "Ensure caseloads under 18").owners == ["Head of Service, Assessment"]
    people = [getattr(person, "name", person) for person in parsed.people]
    assert "Leaving Care" not in people
    assert "Bob Jones <bob.jones@anytown.gov.uk>" in people
    assert "Jane Smith" in people and "jane.smith@anytown.gov.uk" in people


def test_the_words_after_a_paragraph_reference_are_the_finding_not_a_source():
    parsed = read(AWKWARD)
    first = action_named(parsed, "Refresh threshold document")
    assert first.sources == [("Ofsted", "12")]
    assert "thresholds not consistently applied" in first.improvement_need
    pathway = action_named(parsed, "Review all pathway plans")
    assert pathway.sources == [("Ofsted", "40")] and "pathway plans" in pathway.improvement_need
    assert action_named(parsed, "Audit 50 contacts").sources == [("Ofsted", "13")]


# ------------------------------------------------------------------ 5. update or new plan, and the title


def test_the_preview_says_it_updates_the_plan_found_by_its_title_and_the_typed_title_renames_it(client, world, media):
    existing = PlanFactory(title=SHEET_TITLE)
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    assert f"Update plan “{SHEET_TITLE}”</strong> (found by its title)" in html
    assert "Import as a new plan instead" in html
    chosen = {**fields(html), "plan": str(existing.pk), labels(html)["Parked"]: "none", "title": "Anytown plan 2027"}
    client.post(preview, {**chosen, "confirm": "no"})
    html = client.get(preview).content.decode()
    assert f"Update plan “{SHEET_TITLE}”</strong>, renamed “Anytown plan 2027”" in html
    response = client.post(preview, {**fields(html), "plan": str(existing.pk), "confirm": "yes"})
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Anytown plan 2027"
    assert Plan.objects.filter(pk=existing.pk).count() == 1


def test_choosing_a_new_plan_imports_one_with_the_typed_title_and_leaves_the_plan_of_the_same_title(
    client, world, media
):
    existing = PlanFactory(title=SHEET_TITLE)
    client.force_login(world.admin)
    preview = upload(client, AWKWARD.read_bytes(), name="awkward_plan.xlsx")
    html = client.get(preview).content.decode()
    chosen = {**fields(html), "plan": "", labels(html)["Parked"]: "none", "title": "Anytown plan 2027"}
    client.post(preview, {**chosen, "confirm": "no"})
    html = client.get(preview).content.decode()
    assert "Import as a new plan: “Anytown plan 2027”" in html and "found by its title" not in html
    response = client.post(preview, {**fields(html), "plan": "", "confirm": "yes"})
    assert response.status_code == 302
    new = Plan.objects.get(title="Anytown plan 2027")
    assert new.pk != existing.pk and not existing.themes.exists()


# ------------------------------------------------------------------ 6. a preview quick to work through


def test_the_solihull_preview_summarises_its_warnings_at_the_top_and_maps_people_in_a_compact_table(
    client, world, media
):
    client.force_login(world.admin)
    workbook = Path(settings.BASE_DIR) / "fixtures" / "solihull_iocs_plan.xlsx"
    preview = upload(client, workbook.read_bytes(), name="solihull_iocs_plan.xlsx")
    html = client.get(preview).content.decode()
    summary = html.index('id="warnings-summary"')
    assert summary < html.index('id="sheets"') < html.index('id="rows-to-check"')
    assert '<a class="govuk-link" href="#rows-to-check">' in html and 'id="rows-to-check"' in html
    people = re.findall(r'<select class="govuk-select" id="id_(person_\d+)"[^>]*data-app-autocomplete', html)
    assert people, "each person is one searchable choice"
    assert len(re.findall(r'<tr class="govuk-table__row">\s*<td class="govuk-table__cell"><label', html)) == len(people)
    assert "build/accessible-autocomplete.min.js" in html
