"""The write side of importing: the audit trail of every import, drafts and publishing, what a
re-import will change (and conflicts with later updates), notes without a RAG, people mapped to
roles, and large imports in the background with a progress page."""

import datetime
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from plans.models import (
    Action,
    ActionStatus,
    Owner,
    PersonRoleMapping,
    Plan,
    PlanStatus,
    ProgressUpdate,
    Rag,
    ReportingPeriod,
    SourceReference,
)
from plans.permissions import ADMIN
from plans.services.importing import plan_import, plan_import_preview, workbook_saved_at
from plans.services.plan_data import plan_changes, plan_save_from_data
from plans.services.reminders import update_reminders_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["Ref", "Action", "Action Owner", "Timescale", "Derived From", "Progress RAG", "Progress notes"]
ROWS = [
    [
        "1.1",
        "Relaunch the threshold document with partners",
        "Head of Service Safeguards",
        "31/03/2027",
        "JTAI 3.1",
        "G",
        "Launched in March",
    ],
    [
        "1.2",
        "Audit strategy discussions monthly",
        "Principal Social Worker",
        "30/06/2027",
        "IOCS",
        "A",
        "Two audits done",
    ],
    [
        "1.3",
        "Recruit permanent team managers",
        "HR Business Partner",
        "30/09/2027",
        "IOCS",
        None,
        "Adverts out, no rating yet",
    ],
]


def workbook(rows=ROWS, title="Westshire improvement plan", modified=None):
    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append([title])
    sheet.append(["Theme 1: Leadership"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    content = out.getvalue()
    return with_modified(content, modified) if modified else content


def with_modified(content, when):
    """The workbook with its "last saved" property set (openpyxl always writes the time of saving)."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                stamp = when.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    data,
                )
            target.writestr(item, data)
    return out.getvalue()


def read(content, name="westshire.xlsx"):
    return plan_import_preview(source=io.BytesIO(content), name=name)


def history(model, **filters):
    return model.history.model.objects.filter(**filters)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, content, name="westshire.xlsx"):
    return client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, content, content_type=XLSX)})


def form_fields(html):
    """Every field of the preview form as it stands (selects, checked boxes, text inputs)."""
    fields = {}
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        match = re.search(r'<option value="([^"]*)" selected>', body)
        fields[name] = match.group(1) if match else ""
    for name, value in re.findall(
        r'<input class="govuk-input[^"]*" id="[^"]*" name="([^"]+)" type="text" value="([^"]*)"', html
    ):
        fields[name] = value
    return fields


# ------------------------------------------------------------------------------- 13.3 audit trail


def test_import_plan_records_every_action_owner_and_source_in_the_audit_trail_as_an_import_of_the_file(world, tmp_path):
    path = tmp_path / "westshire.xlsx"
    path.write_bytes(workbook())
    call_command("import_plan", str(path), "--as", world.admin.username, stdout=io.StringIO())
    plan = Plan.objects.get(title="Westshire improvement plan")
    actions = list(Action.objects.filter(theme__plan=plan))
    records = history(Action, id__in=[a.pk for a in actions])
    assert records.count() == 3
    assert {(r.history_type, r.history_user_id, r.history_change_reason) for r in records} == {
        ("+", world.admin.pk, "Import of westshire.xlsx")
    }
    # The owners as imported are in each action's record, so its history names them.
    first = Action.objects.get(theme__plan=plan, ref="1.1")
    record = records.get(id=first.pk)
    assert [row.owner.title for row in record.owners.all()] == ["Head of Service Safeguards"]
    references = SourceReference.objects.filter(action__theme__plan=plan)
    assert (
        history(
            SourceReference,
            id__in=references.values("pk"),
            history_user=world.admin,
            history_change_reason="Import of westshire.xlsx",
        ).count()
        == references.count()
        == 3
    )
    new_role = Owner.objects.get(title="HR Business Partner")
    assert history(Owner, id=new_role.pk).get().history_change_reason == "Import of westshire.xlsx"
    assert history(Plan, id=plan.pk, history_type="+").get().history_user == world.admin


def test_reimport_with_update_records_what_changed_and_leaves_unchanged_actions_alone(world, tmp_path, client):
    path = tmp_path / "westshire.xlsx"
    path.write_bytes(workbook())
    call_command("import_plan", str(path), "--as", world.admin.username, stdout=io.StringIO())
    plan = Plan.objects.get(title="Westshire improvement plan")
    changed = Action.objects.get(theme__plan=plan, ref="1.1")
    unchanged = Action.objects.get(theme__plan=plan, ref="1.2")
    versions = {a.pk: a.version for a in (changed, unchanged)}

    rows = [list(row) for row in ROWS]
    rows[0][1], rows[0][3], rows[0][2] = (
        "Relaunch the threshold document in schools",
        "30/04/2027",
        "Head of Service Safeguards / Head of Probation",
    )
    newer = tmp_path / "westshire-v2.xlsx"
    newer.write_bytes(workbook(rows))
    out = io.StringIO()
    call_command("import_plan", str(newer), "--update", str(plan.pk), "--as", world.admin.username, stdout=out)
    assert "0 actions added, 1 changed, 2 unchanged" in out.getvalue()
    assert (
        "Action: Relaunch the threshold document with partners → Relaunch the threshold document in schools"
        in out.getvalue()
    )

    assert Action.objects.get(pk=unchanged.pk).version == versions[unchanged.pk]
    assert history(Action, id=unchanged.pk).count() == 1  # its creation only
    assert Action.objects.get(pk=changed.pk).version == versions[changed.pk] + 1
    record = history(Action, id=changed.pk).latest("history_date", "history_id")
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "~",
        world.admin,
        "Import of westshire-v2.xlsx",
    )

    client.force_login(world.admin)
    html = client.get(reverse("plans:action_history", args=[changed.pk])).content.decode()
    assert "No changes recorded" not in html
    assert "Import of westshire-v2.xlsx" in html
    assert (
        "Relaunch the threshold document with partners" in html and "Relaunch the threshold document in schools" in html
    )
    assert "31 March 2027" in html or "2027-03-31" in html or "March 31, 2027" in html
    assert "Head of Probation" in html  # the owner added
    log = client.get(reverse("plans:audit_log")).content.decode()
    assert "Import of westshire-v2.xlsx" in log


def test_import_through_the_page_is_attributed_to_the_admin_and_named_after_the_file(client, world, media):
    client.force_login(world.admin)
    preview = upload(client, workbook(), "westshire plan.xlsx")["Location"]
    fields = form_fields(client.get(preview).content.decode())
    response = client.post(preview, {**fields, "plan": "", "confirm": "yes"})
    plan = Plan.objects.get(title="Westshire improvement plan")
    assert response["Location"] == plan.get_absolute_url()
    records = history(Action, id__in=Action.objects.filter(theme__plan=plan).values("pk"))
    assert {(r.history_user_id, r.history_change_reason) for r in records} == {
        (world.admin.pk, "Import of westshire plan.xlsx")
    }


# ------------------------------------------------------------------------ 14.7 notes and who rates


def test_a_note_without_a_rag_is_kept_on_the_action_and_shown(client, world):
    plan = plan_import(parsed=read(workbook()), author=world.admin).plan
    action = Action.objects.get(theme__plan=plan, ref="1.3")
    assert action.imported_note == "Adverts out, no rating yet"
    assert not action.updates.exists()
    assert Action.objects.get(theme__plan=plan, ref="1.1").updates.get().note == "Launched in March"
    client.force_login(world.admin)
    html = client.get(action.get_absolute_url()).content.decode()
    assert "Imported note" in html and "Adverts out, no rating yet" in html


def test_a_note_column_naming_its_month_records_the_update_in_that_period(world):
    data = {
        "title": "Dated notes",
        "themes": [{"number": "1", "title": "Leadership"}],
        "actions": [
            {
                "theme": "1",
                "ref": "1.1",
                "action": "Do it",
                "progress_rag": "green",
                "latest_note": "On track",
                "note_period": "2026-09",
            },
            {"theme": "1", "ref": "1.2", "action": "Do that", "progress_rag": "amber", "latest_note": "Slipping"},
        ],
    }
    plan = plan_save_from_data(data=data, author=world.admin, reason="Import of dated.xlsx").plan
    dated = ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="1.1")
    assert dated.period == ReportingPeriod.objects.get(plan=plan, month=datetime.date(2026, 9, 1))
    assert ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="1.2").period != dated.period


def test_actions_the_file_marks_cancelled_or_closed_are_kept_closed(world):
    data = {
        "title": "Closed ones",
        "themes": [{"number": "1", "title": "Leadership"}],
        "actions": [
            {"theme": "1", "ref": "1.1", "action": "Cancelled one", "closed": True, "progress_rag": "red"},
            {"theme": "1", "ref": "1.2", "action": "Finished one", "closed": True, "progress_rag": "blue"},
            {"theme": "1", "ref": "1.3", "action": "Open one", "closed": False},
        ],
    }
    plan = plan_save_from_data(data=data, author=world.admin).plan
    statuses = dict(Action.objects.filter(theme__plan=plan).values_list("ref", "status"))
    assert statuses == {"1.1": ActionStatus.WITHDRAWN, "1.2": ActionStatus.COMPLETED, "1.3": ActionStatus.OPEN}
    data["actions"][2]["closed"] = True
    changes = plan_changes(plan=plan, data=data)
    assert [(c.ref, [f.field for f in c.changes]) for c in changes.changed] == [("1.3", ["status"])]


def test_import_plan_refuses_to_drop_the_sheets_rags_when_there_is_no_admin_to_record_them_as(db, tmp_path):
    path = tmp_path / "westshire.xlsx"
    path.write_bytes(workbook())
    with pytest.raises(CommandError, match="2 RAG ratings.*--as USERNAME"):
        call_command("import_plan", str(path), stdout=io.StringIO())
    assert not Plan.objects.exists()
    officer = UserFactory(username="pmo-officer")
    call_command("import_plan", str(path), "--as", "pmo-officer", stdout=io.StringIO())
    assert ProgressUpdate.objects.filter(author=officer).count() == 2


def test_import_plan_says_first_who_the_rags_are_recorded_as(world, tmp_path):
    path = tmp_path / "westshire.xlsx"
    path.write_bytes(workbook())
    out = io.StringIO()
    call_command("import_plan", str(path), stdout=out)
    assert f"recorded as {world.admin.username}" in out.getvalue()
    assert (
        ProgressUpdate.objects.filter(
            action__theme__plan__title="Westshire improvement plan", author=world.admin
        ).count()
        == 2
    )


# ---------------------------------------------------------------------- 14.8 what a re-import does


def test_preview_of_a_reimport_shows_each_change_field_by_field_and_writes_nothing(client, world, media):
    plan = plan_import(parsed=read(workbook()), author=world.admin, name="westshire.xlsx").plan
    rows = [list(row) for row in ROWS[:2]] + [
        ["1.4", "Publish the practice standards", "Principal Social Worker", "31/12/2027", "IOCS", None, None]
    ]
    rows[1][1] = "Audit strategy discussions every fortnight"
    client.force_login(world.admin)
    preview = upload(client, workbook(rows))["Location"]
    fields = form_fields(client.get(preview).content.decode())
    client.post(preview, {**fields, "plan": str(plan.pk), "confirm": "no"})
    html = client.get(preview).content.decode()
    assert "What will change in Westshire improvement plan" in html
    assert "<strong>1</strong> action added" in html and "<strong>1</strong> action changed" in html
    assert (
        "<strong>1</strong> action unchanged (not touched)" in html
        and "<strong>1</strong> action not in the file" in html
    )
    assert "Audit strategy discussions monthly" in html and "Audit strategy discussions every fortnight" in html
    assert "1/1.4 Publish the practice standards" in html
    assert "1/1.3 Recruit permanent team managers" in html  # not in the file, kept
    assert Action.objects.get(theme__plan=plan, ref="1.2").action_text == "Audit strategy discussions monthly"
    assert not Action.objects.filter(theme__plan=plan, ref="1.4").exists()


def test_a_sheet_rag_never_overrides_an_owners_later_update(client, world, media):
    saved = timezone.now() - datetime.timedelta(days=10)
    plan = plan_import(parsed=read(workbook()), author=world.admin, as_of=saved).plan
    action = Action.objects.get(theme__plan=plan, ref="1.1")
    later = ProgressUpdate.objects.create(
        action=action, author=world.owner, progress_rag=Rag.RED, note="Stalled", created_at=timezone.now()
    )
    rows = [list(row) for row in ROWS]
    rows[0][5], rows[1][5] = (
        "B",
        "G",
    )  # 1.1 as the sheet (saved before the owner's update) has it; 1.2 has no later update
    content = workbook(rows, modified=saved + datetime.timedelta(days=1))
    assert workbook_saved_at(io.BytesIO(content)) == (saved + datetime.timedelta(days=1)).replace(microsecond=0)

    client.force_login(world.admin)
    preview = upload(client, content)["Location"]
    fields = form_fields(client.get(preview).content.decode())
    client.post(preview, {**fields, "plan": str(plan.pk), "confirm": "no"})
    html = client.get(preview).content.decode()
    assert "Conflicts:" in html and "1/1.1 Relaunch the threshold document" in html and "Stalled" not in html
    client.post(preview, {**fields, "plan": str(plan.pk), "confirm": "yes"})
    assert action.updates.order_by("-created_at", "-pk").first() == later  # the owner's update still stands
    assert (
        Action.objects.get(theme__plan=plan, ref="1.2").updates.order_by("-created_at", "-pk").first().progress_rag
        == Rag.GREEN
    )


# ------------------------------------------------------------------------------ 14.9 drafts


def test_a_fresh_import_is_a_draft_seen_by_admins_and_its_coordinators_until_published(client, world, media):
    holder = UserFactory(username="hos", groups=["Owner"])
    role = Owner.objects.create(title="Head of Service Safeguards Westshire")
    role.holders.add(holder)
    rows = [["1.1", "Relaunch the threshold document", role.title, "31/03/2027", "JTAI 3.1", "G", "Launched"]]
    client.force_login(world.admin)
    preview = upload(client, workbook(rows))["Location"]
    html = client.get(preview).content.decode()
    assert 'value="Westshire improvement plan"' in html  # the sheet's title, not the file name
    fields = form_fields(html)
    client.post(
        preview,
        {
            **fields,
            "title": "Westshire plan 2027",
            "plan": "",
            "coordinators": [world.coordinator.pk],
            "board_members": [world.board.pk],
            "confirm": "yes",
        },
    )
    plan = Plan.objects.get(title="Westshire plan 2027")
    assert plan.status == PlanStatus.DRAFT
    assert list(plan.coordinators.all()) == [world.coordinator] and list(plan.board_members.all()) == [world.board]
    action = Action.objects.get(theme__plan=plan)

    for user in (holder, world.board):
        client.force_login(user)
        assert role.title not in client.get(reverse("plans:my_actions")).content.decode()
        assert plan.title not in client.get(reverse("plans:plan_list")).content.decode()
        assert client.get(plan.get_absolute_url()).status_code == 403
        assert client.get(reverse("plans:board_dashboard", args=[plan.pk])).status_code == 403
    client.force_login(holder)
    assert client.get(reverse("plans:progress_update_create", args=[action.pk])).status_code == 403
    holder.email = "hos@example.org"
    holder.save()
    assert all(sent_plan != plan for _user, sent_plan, _n in update_reminders_send().sent)

    client.force_login(world.coordinator)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Draft" in page and reverse("plans:plan_publish", args=[plan.pk]) in page
    confirm = client.get(reverse("plans:plan_publish", args=[plan.pk])).content.decode()
    assert "Publish this plan?" in confirm
    response = client.post(reverse("plans:plan_publish", args=[plan.pk]))
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.ACTIVE
    assert history(Plan, id=plan.pk).latest("history_date", "history_id").history_change_reason == "Published"

    client.force_login(holder)
    assert (
        role.title in client.get(reverse("plans:my_actions")).content.decode()
        or "Relaunch the threshold document" in client.get(reverse("plans:my_actions")).content.decode()
    )
    client.force_login(world.board)
    assert client.get(reverse("plans:board_dashboard", args=[plan.pk])).status_code == 200


@pytest.mark.parametrize("user", ["owner", "board", "outsider_coordinator", "nobody"])
def test_only_admins_and_the_plans_coordinators_may_publish_it(client, world, user):
    world.plan.status = PlanStatus.DRAFT
    world.plan.save()
    client.force_login(world.user(user))
    assert client.post(reverse("plans:plan_publish", args=[world.plan.pk])).status_code == 403
    assert Plan.objects.get(pk=world.plan.pk).status == PlanStatus.DRAFT


# ------------------------------------------------------------------------ 20.3 people mapped to roles


def test_people_named_as_owners_are_mapped_to_roles_and_the_mapping_is_remembered(client, world, media, tmp_path):
    rows = [
        ["1.1", "Relaunch the threshold document", "Sue Butcher", "31/03/2027", "JTAI 3.1", "G", "Launched"],
        ["1.2", "Audit strategy discussions", "Jane Parry", "30/06/2027", "IOCS", "A", "Two audits"],
    ]
    client.force_login(world.admin)
    preview = upload(client, workbook(rows))["Location"]
    html = client.get(preview).content.decode()
    assert (
        "People named as owners" in html
        and "“Sue Butcher” in the file is" in html
        and "“Jane Parry” in the file is" in html
    )
    fields = form_fields(html)
    assert fields["person_0"] == "" and fields["person_1"] == ""  # nothing chosen for the admin
    client.post(preview, {**fields, "plan": "", "person_0": world.owner_role.title, "confirm": "yes"})
    plan = Plan.objects.get(title="Westshire improvement plan")
    first = Action.objects.get(theme__plan=plan, ref="1.1")
    assert [o.title for o in first.owners.all()] == [world.owner_role.title]
    assert [o.title for o in Action.objects.get(theme__plan=plan, ref="1.2").owners.all()] == ["Jane Parry"]
    assert not Owner.objects.filter(title="Sue Butcher").exists()
    assert PersonRoleMapping.objects.get().owner == world.owner_role

    # The next import, from the command line, applies the remembered choice.
    path = tmp_path / "next.xlsx"
    path.write_bytes(workbook(rows, title="Westshire plan, next year"))
    out = io.StringIO()
    call_command("import_plan", str(path), "--as", world.admin.username, stdout=out)
    assert f"“Sue Butcher” is taken as the role “{world.owner_role.title}”, as an admin chose before." in out.getvalue()
    again = Action.objects.get(theme__plan__title="Westshire plan, next year", ref="1.1")
    assert [o.title for o in again.owners.all()] == [world.owner_role.title]
    preview = upload(client, workbook(rows, title="Third"))["Location"]
    fields = form_fields(client.get(preview).content.decode())
    assert fields["person_0"] == world.owner_role.title
    client.post(preview, {**fields, "plan": "", "person_0": "", "confirm": "yes"})  # now kept as a role of her own
    assert not PersonRoleMapping.objects.exists()
    assert [o.title for o in Action.objects.get(theme__plan__title="Third", ref="1.1").owners.all()] == ["Sue Butcher"]


# ----------------------------------------------------------------------- 14.10 background imports


def big_workbook(count=60):
    rows = [
        [f"1.{n}", f"Action number {n}", "Head of Service Safeguards", "31/03/2027", "IOCS", "G", "On track"]
        for n in range(1, count + 1)
    ]
    return workbook(rows, title="Large plan")


def test_a_large_import_is_read_and_written_in_the_background_and_its_page_shows_rows_read_and_written(
    client, world, media, settings
):
    settings.IMPORT_BACKGROUND_ROWS = 20
    settings.IMPORT_LARGE_SHEET_ROWS = 20
    client.force_login(world.admin)
    status_url = upload(client, big_workbook())["Location"]
    token = status_url.rstrip("/").split("/")[-2]
    assert status_url == reverse("plans:plan_import_status", args=[token])
    preview = client.get(status_url)["Location"]  # read: on to the preview
    assert preview == reverse("plans:plan_import_preview", args=[token])
    html = client.get(preview).content.decode()
    assert "far more than any plan" in html and "imported in the background" in html
    response = client.post(preview, {**form_fields(html), "plan": "", "confirm": "yes"})
    assert response["Location"] == status_url
    page = client.get(status_url).content.decode()
    plan = Plan.objects.get(title="Large plan")
    assert Action.objects.filter(theme__plan=plan).count() == 60
    assert "Imported" in page and "60 actions written" in page and plan.get_absolute_url() in page
    assert [path.name for path in media.rglob("*") if path.is_file()] == [f"{token}.status.json"]  # the upload is gone
    client.force_login(UserFactory(username="another-admin", groups=[ADMIN]))
    assert client.get(status_url).status_code == 404  # only the importing session sees it


# The worker closes its database connection when it finishes, as a real one does: on PostgreSQL that
# needs a test whose data is committed, not held in one transaction.
@pytest.mark.django_db(transaction=True)
def test_the_background_worker_reads_and_imports_the_file_while_the_page_refreshes(client, world, media, settings):
    settings.IMPORT_BACKGROUND_ROWS = 20
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(world.admin)
    status_url = upload(client, big_workbook())["Location"]
    waiting = client.get(status_url).content.decode()
    assert '<meta http-equiv="refresh"' in waiting and "Waiting to start" in waiting
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    preview = client.get(status_url)["Location"]
    response = client.post(preview, {**form_fields(client.get(preview).content.decode()), "plan": "", "confirm": "yes"})
    assert response["Location"] == status_url
    assert "Waiting to start" in client.get(status_url).content.decode()
    assert not Plan.objects.filter(title="Large plan").exists()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    done = client.get(status_url).content.decode()
    assert '<meta http-equiv="refresh"' not in done
    assert Action.objects.filter(theme__plan__title="Large plan").count() == 60
    assert "60 actions written" in done


def test_a_long_read_shows_rows_read_so_far(client, world, media):
    from plans.services.import_jobs import import_status_write
    from plans.views.importing import JOBS_KEY

    client.force_login(world.admin)
    session = client.session
    session[JOBS_KEY] = ["job"]
    session.save()
    import_status_write("job", state="reading", name="big.xlsx", rows_read=5000, rows_total=20000)
    page = client.get(reverse("plans:plan_import_status", args=["job"])).content.decode()
    assert (
        "Rows read: <strong>5,000</strong> of 20,000 (25%)" in page
        and '<meta http-equiv="refresh" content="2">' in page
    )


def test_a_kept_reading_that_was_tampered_with_is_not_loaded(media):
    from plans.services.import_jobs import _parsed_path, parsed_key, parsed_load, parsed_save

    parsed = read(workbook())
    parsed_save("token", parsed_key(None, ""), parsed)
    assert parsed_load("token", parsed_key(None, "")).title == "Westshire improvement plan"
    path = _parsed_path("token", parsed_key(None, ""))
    signature, data = path.read_bytes().split(b"\n", 1)
    path.write_bytes(signature + b"\n" + data.replace(b"Westshire", b"Eastshire"))
    assert parsed_load("token", parsed_key(None, "")) is None
