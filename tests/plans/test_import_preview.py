"""The import preview: what was understood of a workbook, corrected in one place before anything is
written. Every sheet's columns, every status label, every problem in the error summary, and what
was skipped (rows, sheets) or looks too large to be a plan. Workbooks built here with openpyxl."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from plans.models import Action, Plan, ProgressUpdate, StatusLabelMapping
from plans.rag import Rag

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def to_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def two_sheet_plan(
    *,
    second_header=("Ref", "Action", "Responsible", "Deadline", "Status", "Assurance"),
    names=("Leadership", "Practice"),
):
    """Sheet "Leadership" (RAG words, an unreadable "Parked", a person as owner, a note row), sheet
    "Practice" (other headers; its "Assurance" column is not recognised) and a key sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = names[0]
    ws.append(["Westshire improvement plan"])
    ws.append(["Ref", "Action", "Lead officer", "By when", "RAG", "Impact RAG"])
    ws.append(
        ["1.1", "Set up the improvement board", "Director of Children's Services", "31/03/2026", "On track", "Parked"]
    )
    ws.append(["1.2", "Agree the performance framework", "Sue Butcher", "30/06/2026", "Parked", "Not started"])
    ws.append(["NB: ratings agreed at the board"])
    ws = wb.create_sheet(names[1])
    ws.append(list(second_header))
    ws.append(
        [
            "2.1",
            "Audit twenty assessments a month",
            "Service Manager QA",
            "31/01/2026",
            "Parked",
            "Audit findings go to the practice board",
        ]
    )
    ws.append(
        [
            "2.2",
            "Train staff in the new model",
            "Principal Social Worker",
            "28/02/2026",
            "Complete",
            "Attendance figures each quarter",
        ]
    )
    ws = wb.create_sheet("Key")
    ws.append(["Blue", "Complete"])
    ws.append(["Green", "On track"])
    return to_bytes(wb)


def same_header_sheets():
    """Three theme sheets with the same header, each with a Notes column."""
    wb = Workbook()
    wb.remove(wb.active)
    for number, name in enumerate(["Leadership", "Practice", "Partnerships"], start=1):
        ws = wb.create_sheet(name)
        ws.append(["Ref", "Action", "Owner", "Due date", "RAG", "Notes"])
        ws.append(
            [
                f"{number}.1",
                f"First action of {name}",
                "Head of Service Safeguards",
                "31/03/2027",
                "Green",
                f"Note on {name}",
            ]
        )
        ws.append(
            [
                f"{number}.2",
                f"Second action of {name}",
                "Head of Probation",
                "30/04/2027",
                "Amber",
                f"Another note on {name}",
            ]
        )
    return to_bytes(wb)


def upload(client, content, name="westshire.xlsx"):
    response = client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, content, content_type=XLSX)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def fields(html):
    """Every field of the preview form as it stands (selects with their chosen option, text inputs)."""
    found = {}
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        match = re.search(r'<option value="([^"]*)" selected>', body)
        found[name] = match.group(1) if match else ""
    for name, value in re.findall(
        r'<input class="govuk-input[^"]*" id="[^"]*" name="([^"]+)" type="text" value="([^"]*)"', html
    ):
        found[name] = value
    return found


def select_named(html, label):
    """The name of the select whose label is `label` (exact text)."""
    match = re.search(
        r'<label class="govuk-label govuk-label--s" for="id_([^"]+)">\s*' + re.escape(label) + r"\s*</label>", html
    )
    assert match, f"no field labelled {label}"
    return match.group(1)


def error_summary(html):
    match = re.search(r'<div class="govuk-error-summary__body">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""


# ------------------------------------------------------------------ 1. every sheet's columns


def test_unused_columns_of_every_sheet_are_listed_with_a_link_to_the_field_that_maps_them(client, world, media):
    client.force_login(world.admin)
    html = client.get(upload(client, two_sheet_plan())).content.decode()
    assert "Columns not used" in html
    # The second sheet's own set of choices, with its own legend, and its unused column linked to its field.
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Sheet “Practice”</legend>' in html
    assert "Sheet “Practice”, column F “Assurance”" in html
    assert '<a class="govuk-link" href="#id_sheet2_column_5">choose what column F of “Practice” holds</a>' in html
    assert 'id="id_sheet2_column_5"' in html
    assert fields(html)["sheet2_column_5"] == "" and fields(html)["column_4"] == "progress_rag"


def test_admin_maps_a_column_of_the_second_sheet_and_the_file_is_read_again_with_it(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    chosen = {**fields(html), "sheet2_column_5": "measures", "status_1": "amber", "plan": ""}
    # Choosing a column and importing at once: the admin sees the new reading first.
    response = client.post(preview, {**chosen, "confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == preview
    assert not Plan.objects.filter(title="Westshire improvement plan").exists()
    html = client.get(preview).content.decode()
    assert "The file was read again with the columns you chose" in html
    assert fields(html)["sheet2_column_5"] == "measures"
    assert "Sheet “Practice”, column F" not in html  # no longer unused
    assert "Every column of every sheet read is used." in html
    response = client.post(preview, {**fields(html), "plan": "", "confirm": "yes"})
    assert response.status_code == 302
    plan = Plan.objects.get(title="Westshire improvement plan")
    measures = dict(Action.objects.filter(theme__plan=plan).values_list("ref", "measures_of_success"))
    assert measures == {
        "1.1": "",
        "1.2": "",
        "2.1": "Audit findings go to the practice board",
        "2.2": "Attendance figures each quarter",
    }


def test_sheets_named_by_number_are_corrected_each_on_their_own(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan(names=("1", "2")))
    html = client.get(preview).content.decode()
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Sheet “2”</legend>' in html
    assert "Sheet “2”, column F “Assurance”" in html
    client.post(preview, {**fields(html), "sheet2_column_5": "measures", "plan": "", "confirm": "no"})
    html = client.get(preview).content.decode()
    assert fields(html)["sheet2_column_5"] == "measures" and "Sheet “2”, column F" not in html
    assert fields(html)["column_2"] == "owners"  # the first sheet as it was


def test_sheets_with_the_same_columns_share_one_set_of_choices(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, same_header_sheets())
    html = client.get(preview).content.decode()
    assert not any(name.startswith("sheet") for name in fields(html))  # one set of column fields
    notes = select_named(html, "Column F: “Notes”")
    assert fields(html)[notes] == "latest_note"
    client.post(preview, {**fields(html), notes: "", "plan": "", "confirm": "no"})
    html = client.get(preview).content.decode()
    assert "Sheet “Leadership”, column F “Notes”" in html and "Sheet “Partnerships”, column F “Notes”" in html
    client.post(preview, {**fields(html), "plan": "", "confirm": "yes"})
    plan = Plan.objects.latest("pk")
    assert Action.objects.filter(theme__plan=plan).count() == 6
    notes = set(ProgressUpdate.objects.filter(action__theme__plan=plan).values_list("note", flat=True))
    assert notes and not any("Note on" in note or "Another note" in note for note in notes)  # no sheet's notes read


def test_ignoring_every_column_of_a_sheet_skips_it_and_says_why(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    chosen = {name: ("" if name.startswith("sheet2_") else value) for name, value in fields(html).items()}
    client.post(preview, {**chosen, "plan": "", "confirm": "no"})
    html = client.get(preview).content.decode()
    assert "Skipped</strong> You chose to ignore every column of it." in html
    assert "2.1" not in re.search(r"Actions that would be created or updated.*?</table>", html, re.S).group(0)
    assert 'id="id_sheet2_column_0"' in html  # still there to be chosen again


def test_a_second_sheet_without_an_action_column_is_refused_in_the_admins_words(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    chosen = {**fields(html), "sheet2_column_0": "", "sheet2_column_1": "", "plan": "", "confirm": "yes"}
    response = client.post(preview, chosen)
    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    assert (
        "Choose which column of sheet “Practice” holds the action (or its ref). "
        "To skip the sheet, ignore every column of it." in summary
    )
    assert 'href="#id_sheet2_column_0"' in summary
    assert not Plan.objects.exists() or not Plan.objects.filter(title="Westshire improvement plan").exists()


# ------------------------------------------------------------------ 2. status labels


def test_every_status_label_is_listed_once_and_an_unreadable_one_must_be_decided_before_importing(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    labels = re.findall(r'for="id_(status_\d+)">\s*“([^”]+)” is read as', html)
    assert [label for _name, label in labels] == [
        "Parked",
        "Not started",
        "On track",
        "Complete",
    ]  # Parked once, in both columns
    status = {label: name for name, label in labels}
    assert fields(html)[status["On track"]] == "green" and fields(html)[status["Complete"]] == "blue"
    assert fields(html)[status["Not started"]] == "grey" and fields(html)[status["Parked"]] == ""
    assert "3 cells in the Impact RAG and Progress RAG columns." in html
    assert "1 label could not be read as a RAG: “Parked”" in html

    response = client.post(preview, {**fields(html), "plan": "", "confirm": "yes"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: Check the import of westshire.xlsx" in page
    assert (
        f'<a href="#id_{status["Parked"]}">'
        "Choose what “Parked” means on the RAG scale, or No rating, before importing</a>" in error_summary(page)
    )
    assert not Plan.objects.filter(title="Westshire improvement plan").exists()

    # Parked is Amber; On track is changed to Amber too; the rest as read.
    chosen = {**fields(html), status["Parked"]: "amber", status["On track"]: "amber", "plan": "", "confirm": "yes"}
    response = client.post(preview, chosen)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Westshire improvement plan")
    rags = {
        u.action.ref: (u.progress_rag, u.impact_rag)
        for u in ProgressUpdate.objects.filter(action__theme__plan=plan).select_related("action")
    }
    assert rags == {
        "1.1": (Rag.AMBER, Rag.AMBER),
        "1.2": (Rag.AMBER, Rag.GREY),
        "2.1": (Rag.AMBER, ""),
        "2.2": (Rag.BLUE, ""),
    }
    # Remembered: the labels read otherwise than the reader reads them; not those confirmed as read.
    assert dict(StatusLabelMapping.objects.values_list("label", "rag")) == {"Parked": Rag.AMBER, "On track": Rag.AMBER}
    assert StatusLabelMapping.objects.get(label="Parked").chosen_by == world.admin


def test_a_label_left_as_no_rating_imports_without_a_rag(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    parked = select_named(html, "“Parked” is read as")
    client.post(preview, {**fields(html), parked: "none", "plan": "", "confirm": "yes"})
    plan = Plan.objects.get(title="Westshire improvement plan")
    assert ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="1.1").impact_rag in (None, "")
    assert (
        not ProgressUpdate.objects.filter(action__theme__plan=plan, action__ref="2.1")
        .exclude(progress_rag__isnull=True)
        .exclude(progress_rag="")
        .exists()
    )
    assert StatusLabelMapping.objects.get(label="Parked").rag == ""


def test_the_next_import_reads_remembered_labels_as_chosen_and_says_so(client, world, media):
    StatusLabelMapping.objects.create(label="Parked", key=StatusLabelMapping.key_for("Parked"), rag=Rag.RED)
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    parked = select_named(html, "“Parked” is read as")
    assert fields(html)[parked] == "red"
    assert "As chosen at an earlier import." in html and "could not be read as a RAG" not in html
    # Changing the label re-reads the file: the actions table shows the new RAG before anything is written.
    client.post(preview, {**fields(html), parked: "green", "plan": "", "confirm": "no"})
    html = client.get(preview).content.decode()
    assert fields(html)[parked] == "green" and "As you chose." in html
    assert not Plan.objects.filter(title="Westshire improvement plan").exists()
    client.post(preview, {**fields(html), "plan": "", "confirm": "yes"})
    assert StatusLabelMapping.objects.get(key="parked").rag == Rag.GREEN


def test_agreeing_with_the_readers_own_reading_forgets_an_earlier_choice(client, world, media):
    StatusLabelMapping.objects.create(label="On track", key=StatusLabelMapping.key_for("On track"), rag=Rag.RED)
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    on_track, parked = select_named(html, "“On track” is read as"), select_named(html, "“Parked” is read as")
    assert fields(html)[on_track] == "red"
    client.post(preview, {**fields(html), on_track: "green", parked: "amber", "plan": "", "confirm": "yes"})
    assert not StatusLabelMapping.objects.filter(key="on track").exists()
    assert (
        ProgressUpdate.objects.get(
            action__ref="1.1", action__theme__plan__title="Westshire improvement plan"
        ).progress_rag
        == Rag.GREEN
    )


def test_import_plan_reads_status_labels_as_given_and_remembers_them(world, tmp_path):
    path = tmp_path / "westshire.xlsx"
    path.write_bytes(two_sheet_plan())
    out = io.StringIO()
    call_command("import_plan", str(path), "--dry-run", stdout=out)
    assert "could not be read as a RAG and are left empty: “Parked”" in out.getvalue()
    with pytest.raises(CommandError, match="write it as LABEL=RAG"):
        call_command(
            "import_plan", str(path), "--status", "Parked=purple", "--as", world.admin.username, stdout=io.StringIO()
        )
    assert not Plan.objects.filter(title="Westshire improvement plan").exists()
    call_command(
        "import_plan", str(path), "--status", "Parked=amber", "--as", world.admin.username, stdout=io.StringIO()
    )
    assert (
        ProgressUpdate.objects.get(
            action__ref="2.1", action__theme__plan__title="Westshire improvement plan"
        ).progress_rag
        == Rag.AMBER
    )
    assert StatusLabelMapping.objects.get(key="parked").rag == Rag.AMBER


# ------------------------------------------------------------------ 3. every problem in the error summary


def test_people_and_coordinator_errors_are_in_the_error_summary_in_the_admins_words(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, two_sheet_plan())
    html = client.get(preview).content.decode()
    assert "“Sue Butcher” in the file is" in html
    person = select_named(html, "“Sue Butcher” in the file is")
    chosen = {
        **fields(html),
        person: "Chief Wizard",
        "coordinators": ["999999"],
        "board_members": ["abc"],
        "plan": "424242",
        "column_1": "cheese",
        "title": "",
        "confirm": "yes",
    }
    response = client.post(preview, chosen)
    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    for field_id, words in [
        (f"id_{person}", "Choose an owner role for “Sue Butcher” from the list"),
        ("id_coordinators", "Select coordinators from the list"),
        ("id_board_members", "Select board members from the list"),
        ("id_plan", "Choose the plan to update from the list, or “No: create a new plan”"),
        ("id_column_1", "Choose what column B of “Leadership” holds from the list"),
        ("id_title", "Enter the plan&#x27;s title"),
    ]:
        assert f'<a href="#{field_id}">{words}</a>' in summary, words
    assert "Select a valid choice" not in response.content.decode()
    assert 'id="id_coordinators"' in response.content.decode()  # the summary's link lands on the fieldset
    assert not Plan.objects.filter(title="Westshire improvement plan").exists()


# ------------------------------------------------------------------ 4. what was skipped, and large sheets


def test_skipped_rows_and_sheets_are_shown_with_why(client, world, media):
    client.force_login(world.admin)
    html = client.get(upload(client, two_sheet_plan())).content.decode()
    sheets = re.search(r'<h2 class="govuk-heading-m" id="sheets">Sheets</h2>(.*?)</dl>', html, re.S).group(1)
    assert re.search(
        r"<dt[^>]*>Key</dt>\s*<dd[^>]*>\s*"
        r"<strong class=\"govuk-tag govuk-tag--grey\">Skipped</strong> It looks like a key or legend\.",
        sheets,
    )
    skipped = re.search(r'<details class="govuk-details" id="skipped-rows" open>(.*?)</details>', html, re.S).group(1)
    rows = re.findall(
        r"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">([^<]*)</td>"
        r"<td class=\"govuk-table__cell\">(\d+)</td>\s*"
        r"<td class=\"govuk-table__cell\">([^<]*)</td><td class=\"govuk-table__cell\">([^<]*)</td>",
        skipped,
    )
    assert ("Leadership", "1", "the plan&#x27;s title", "Westshire improvement plan") in rows
    assert ("Leadership", "5", "a note", "NB: ratings agreed at the board") in rows
    assert '<a class="govuk-link" href="#skipped-rows">2 rows not read as actions</a>' in html
    assert '<a class="govuk-link" href="#sheets">2 sheets read, 1 skipped</a>' in html


def test_a_sheet_far_longer_than_any_plan_is_named_with_its_rows(client, world, media, settings):
    settings.IMPORT_LARGE_SHEET_ROWS = 50
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Ref", "Action", "Owner", "Due date", "RAG"])
    for n in range(1, 80):
        ws.append([f"1.{n}", f"Action {n}", "Head of Service Safeguards", "31/03/2027", "Green"])
    small = wb.create_sheet("Partnerships")
    small.append(["Ref", "Action", "Owner", "Due date", "RAG"])
    small.append(["2.1", "Agree the partnership plan", "Head of Probation", "31/03/2027", "Amber"])
    client.force_login(world.admin)
    html = client.get(upload(client, to_bytes(wb))).content.decode()
    assert "Sheet “Actions” holds 80 rows, far more than any plan" in html
    assert "Sheet “Partnerships” holds" not in html
    assert html.count("far more than any plan") == 1


def test_a_background_import_reads_status_labels_as_the_admin_chose(client, world, media, settings):
    settings.IMPORT_BACKGROUND_ROWS = 4  # the workbook (10 rows, 5 below its headers) is read and written by the worker
    client.force_login(world.admin)
    status_url = upload(client, two_sheet_plan())
    preview = client.get(status_url)["Location"]
    html = client.get(preview).content.decode()
    assert "rows: it will be imported in the background" in html
    parked = select_named(html, "“Parked” is read as")
    response = client.post(preview, {**fields(html), parked: "red", "plan": "", "confirm": "yes"})
    assert response["Location"] == status_url
    plan = Plan.objects.get(title="Westshire improvement plan")
    assert ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="2.1").progress_rag == Rag.RED
    assert StatusLabelMapping.objects.get(key="parked").rag == Rag.RED


def test_admins_correct_a_remembered_status_label_in_the_django_admin(client, world):
    superuser = world.admin
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    mapping = StatusLabelMapping.objects.create(label="Parked", key="parked", rag=Rag.RED)
    client.force_login(superuser)
    assert "Parked" in client.get(reverse("admin:plans_statuslabelmapping_changelist")).content.decode()
    response = client.post(
        reverse("admin:plans_statuslabelmapping_change", args=[mapping.pk]), {"label": "On hold!", "rag": "A"}
    )
    assert response.status_code == 302
    mapping.refresh_from_db()
    assert (mapping.label, mapping.key, mapping.rag, mapping.chosen_by) == ("On hold!", "on hold", Rag.AMBER, superuser)


def test_a_rag_left_empty_for_an_unread_label_points_to_the_status_labels_where_they_are(client, world, media):
    """The warnings are listed after the status labels: they must not send the admin further down."""
    client.force_login(world.admin)
    html = client.get(upload(client, two_sheet_plan())).content.decode()
    rows_to_check = html[html.index('id="rows-to-check"') :]
    assert html.index('id="statuses"') < html.index('id="rows-to-check"')
    assert "Progress RAG “Parked” is not a RAG rating or status we know" in rows_to_check
    assert "left empty unless you choose its RAG under “Status labels”." in rows_to_check
    assert "below" not in rows_to_check.split("<h2", 2)[1]
    assert '<a class="govuk-link" href="#statuses">Status labels and the RAG each is read as</a>' in rows_to_check


def test_a_few_rows_to_check_are_all_shown_first_without_a_see_all_link(client, world, media):
    client.force_login(world.admin)
    html = client.get(upload(client, two_sheet_plan())).content.decode()
    first_screen = html[html.index('id="warnings-summary"') : html.index('id="sheets"')]
    assert 0 < first_screen.count("is not a RAG rating or status we know") <= 5
    assert "See all" not in first_screen  # every row to check is listed already


def test_many_rows_to_check_show_the_first_five_and_link_down_to_every_one(client, world, media):
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Action", "Lead officer", "By when", "RAG"])
    for number in range(8):  # each ref used twice: eight rows to check
        ws.append(
            ["1.1" if number == 0 else f"1.{number}", f"Action {number}", "Head of Service", "31/03/2026", "Green"]
        )
        ws.append([f"1.{number + 1}", f"Again {number}", "Head of Service", "31/03/2026", "Green"])
    client.force_login(world.admin)
    html = client.get(upload(client, to_bytes(wb))).content.decode()
    first_screen = html[html.index('id="warnings-summary"') : html.index('id="sheets"')]
    rows = int(re.search(r"(\d+) rows to check before importing, the first five:", first_screen).group(1))
    assert rows > 5 and first_screen.count("is used again") == 5
    assert f'<a class="govuk-link" href="#rows-to-check">See all {rows} rows to check</a>' in first_screen
    rows_to_check = html[html.index('id="rows-to-check"') :]
    assert rows_to_check.count("is used again") >= rows
