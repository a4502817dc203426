"""The import journey on the web: admins only, upload → preview → confirm; bad files change nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import Action, Plan, ProgressUpdate
from tests.data import workbooks

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, content, name="plan.xlsx"):
    return client.post(reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, content, content_type=XLSX)})


@pytest.mark.parametrize("user", ["coordinator", "owner", "board", "nobody"])
def test_only_admins_may_import(client, world, media, user):
    client.force_login(world.user(user))
    assert client.get(reverse("plans:plan_import")).status_code == 403
    assert upload(client, workbooks.solihull_layout()).status_code == 403
    assert not any(media.rglob("*.xlsx")) if media.exists() else True


def test_admin_sees_the_import_link_and_page(client, world):
    client.force_login(world.admin)
    page = client.get(reverse("plans:plan_detail", args=[world.plan.pk])).content.decode()
    assert reverse("plans:plan_import") in page
    assert reverse("plans:plan_export_xlsx", args=[world.plan.pk]) in page
    assert "Import a plan from a spreadsheet" in client.get(reverse("plans:plan_import")).content.decode()
    client.force_login(world.coordinator)
    assert reverse("plans:plan_import") not in client.get(reverse("plans:plan_list")).content.decode()


def test_upload_preview_then_confirm_writes_everything(client, world, media, django_assert_max_num_queries):
    client.force_login(world.admin)
    plans = Plan.objects.count()
    response = upload(client, workbooks.walsall_layout(), "walsall.xlsx")
    assert response.status_code == 302
    preview_url = response["Location"]
    assert Plan.objects.count() == plans  # nothing written yet
    with django_assert_max_num_queries(11):  # the status labels remembered from earlier imports: one query
        page = client.get(preview_url)
    html = page.content.decode()
    assert "Check the plan before importing it" in html
    assert "Governance and partnership" in html and "Sue Butcher" in html and "OIS 2012" in html
    assert "<title>Check the import of walsall.xlsx – Improvement plan" in html
    assert re.search(r'<option value="owners" selected>', html)

    response = client.post(preview_url, {"title": "Walsall plan", "plan": "", **columns(html), "confirm": "yes"})
    assert response.status_code == 302
    plan = Plan.objects.get(title="Walsall plan")
    assert response["Location"] == plan.get_absolute_url()
    assert Action.objects.filter(theme__plan=plan).count() == 4
    assert ProgressUpdate.objects.filter(action__theme__plan=plan, author=world.admin).count() == 4
    assert not list(media.rglob("*.xlsx"))  # the uploaded file is gone
    assert client.get(preview_url).status_code == 404


def columns(html):
    selected = {}
    for name, body in re.findall(r'<select[^>]*name="(column_\d+)"[^>]*>(.*?)</select>', html, re.S):
        match = re.search(r'<option value="([^"]*)" selected>', body)
        selected[name] = match.group(1) if match else ""
    return selected


def test_admin_corrects_the_mapping_before_confirming(client, world, media):
    client.force_login(world.admin)
    preview_url = upload(client, workbooks.shropshire_layout())["Location"]
    html = client.get(preview_url).content.decode()
    mapping = columns(html)
    impact = next(name for name, value in mapping.items() if value == "expected_impact")
    mapping[impact] = ""
    response = client.post(preview_url, {"title": "Shropshire", "plan": "", **mapping, "confirm": "no"})
    assert response.status_code == 302 and not Plan.objects.filter(title="Shropshire").exists()
    html = client.get(preview_url).content.decode()
    assert "Children are safeguarded" not in html
    client.post(preview_url, {"title": "Shropshire", "plan": "", **columns(html), "confirm": "yes"})
    assert set(Action.objects.filter(theme__plan__title="Shropshire").values_list("expected_impact", flat=True)) == {""}


def test_a_mapping_without_an_action_column_is_refused(client, world, media):
    client.force_login(world.admin)
    preview_url = upload(client, workbooks.shropshire_layout())["Location"]
    mapping = {name: "" for name in columns(client.get(preview_url).content.decode())}
    response = client.post(preview_url, {"title": "X", "plan": "", **mapping, "confirm": "yes"})
    assert response.status_code == 400
    assert "Choose which column holds the action" in response.content.decode()
    assert not Plan.objects.filter(title="X").exists()


def test_reimport_through_the_page_updates_the_chosen_plan(client, world, media):
    client.force_login(world.admin)
    first_url = upload(client, workbooks.walsall_layout())["Location"]
    html = client.get(first_url).content.decode()
    client.post(first_url, {"title": "Walsall", "plan": "", **columns(html), "confirm": "yes"})
    plan = Plan.objects.get(title="Walsall")
    ids = set(Action.objects.filter(theme__plan=plan).values_list("pk", flat=True))
    updates = ProgressUpdate.objects.filter(action__theme__plan=plan).count()
    second_url = upload(client, workbooks.walsall_layout())["Location"]
    client.post(second_url, {"title": "Walsall", "plan": str(plan.pk), **columns(html), "confirm": "no"})
    html = client.get(second_url).content.decode()
    assert "What will change in Walsall" in html
    assert "<strong>0</strong> actions added" in html and "<strong>4</strong> actions unchanged (not touched)" in html
    assert Action.objects.filter(theme__plan=plan).count() == 4
    client.post(second_url, {"title": "Walsall", "plan": str(plan.pk), **columns(html), "confirm": "yes"})
    assert Plan.objects.filter(title="Walsall").count() == 1
    assert set(Action.objects.filter(theme__plan=plan).values_list("pk", flat=True)) == ids
    assert ProgressUpdate.objects.filter(action__theme__plan=plan).count() == updates


@pytest.mark.parametrize(
    "content, name, words",
    [
        (workbooks.old_xls(), "plan.xls", "old Excel format"),
        (workbooks.encrypted(), "plan.xlsx", "protected with a password"),
        (b"not a spreadsheet at all", "plan.xlsx", "not an Excel spreadsheet"),
        (workbooks.no_header(), "plan.xlsx", "No header row was recognised"),
        (workbooks.with_macros(), "plan.xlsm", "macros"),
        (workbooks.zip_bomb(), "plan.xlsx", "unpacks to far more data"),
    ],
)
def test_bad_upload_shows_one_clear_message_and_writes_nothing(client, world, media, content, name, words):
    client.force_login(world.admin)
    plans = Plan.objects.count()
    response = upload(client, content, name)
    assert response.status_code == 400
    html = response.content.decode()
    assert words in html and "There is a problem" in html
    assert Plan.objects.count() == plans
    assert not media.exists() or not list(media.rglob("*.xlsx"))


def test_oversized_upload_is_refused(client, world, media, settings):
    settings.MAX_UPLOAD_BYTES = 2000
    client.force_login(world.admin)
    response = upload(client, workbooks.solihull_layout())
    assert response.status_code == 400 and "too big" in response.content.decode()


def test_someone_elses_upload_cannot_be_previewed(client, world, media):
    client.force_login(world.admin)
    preview_url = upload(client, workbooks.walsall_layout())["Location"]
    from plans.permissions import ADMIN
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="other-admin", groups=[ADMIN]))
    assert client.get(preview_url).status_code == 404


def test_preview_shows_categories_and_warnings_per_row(client, world, media):
    client.force_login(world.admin)
    html = client.get(upload(client, workbooks.lscb_layout())["Location"]).content.decode()
    assert "Business fundamental" in html and "Change priority" in html
    assert columns(html)["column_0"] == "ref"  # the unlabelled ref column, found by its values
    html = client.get(upload(client, workbooks.solihull_layout())["Location"]).content.decode()
    assert "Ref 2.14 is used again" in html and "is not a RAG rating" in html and "Row has no action text" in html


def test_a_mapping_the_reader_cannot_use_is_explained_not_a_server_error(client, world, media):
    client.force_login(world.admin)
    preview_url = upload(client, workbooks.shropshire_layout())["Location"]
    mapping = {name: "" for name in columns(client.get(preview_url).content.decode())}
    mapping["column_1"] = "action"
    response = client.post(preview_url, {"title": "X", "plan": "", **mapping, "confirm": "yes"})
    assert response.status_code == 400
    assert "Choose at least an Action or Ref column, and one other column." in response.content.decode()
    assert not Plan.objects.filter(title="X").exists()


def test_no_file_chosen(client, world, media):
    client.force_login(world.admin)
    response = client.post(reverse("plans:plan_import"), {})
    assert response.status_code == 400
    assert "Choose the Excel file (.xlsx) that holds your plan" in response.content.decode()
