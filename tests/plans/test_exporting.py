"""Exports: the JSON shape, a finished workbook, formula safety, and the round trip through the importer."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from plans.importing.reading import read_plan_workbook
from plans.models import Plan, Rag
from plans.rag import RAG_PALETTE
from plans.services.exporting import plan_export_data, plan_export_workbook
from plans.services.importing import plan_import
from plans.services.plan_data import plan_save_from_data
from tests.factories import ActionFactory, OwnerFactory, ProgressUpdateFactory, SourceReferenceFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_plan(world):
    """Plan A with a second theme, duplicate refs, several owners and sources, awkward text and RAGs."""
    plan = world.plan
    world.theme.objective = "Leaders lead."
    world.theme.lead = OwnerFactory(title="Director of Children's Services")
    world.theme.save()
    second = ThemeFactory(plan=plan, number="2", title="Partnerships", position=world.theme.position + 1)
    ProgressUpdateFactory(
        action=world.action, progress_rag=Rag.AMBER, impact_rag=Rag.RED, note="Slipped: =recovery plan agreed"
    )
    dup = ActionFactory(
        theme=second,
        ref="1.1",
        position=0,
        action_text='=HYPERLINK("http://evil")',
        improvement_need="+cmd",
        timescale="Mar 2027",
        due_date=datetime.date(2027, 3, 31),
        expected_impact="-minus",
        measures_of_success="@sum",
        category="change_priority",
        owners=[world.other_role, OwnerFactory(title="T/Detective Chief Inspector Public Protection Unit")],
    )
    SourceReferenceFactory(action=dup, source__code="Nat. Enq", paragraph="1.6", position=0)
    SourceReferenceFactory(action=dup, source__code="IOCS", paragraph="", position=1)
    ProgressUpdateFactory(action=dup, progress_rag=Rag.BLUE, note="Done.\nSigned off.")
    return plan


def test_json_export_has_the_documented_shape(rich_plan):
    data = plan_export_data(plan=rich_plan)
    assert set(data) == {"title", "organisation", "themes", "actions"}
    assert set(data["themes"][0]) == {"number", "title", "lead", "objective"}
    assert set(data["actions"][0]) == {
        "theme",
        "ref",
        "improvement_need",
        "action",
        "category",
        "owners",
        "sources",
        "timescale",
        "due_date",
        "expected_impact",
        "measures",
        "progress_rag",
        "impact_rag",
        "latest_note",
    }
    first = data["actions"][0]
    assert (first["ref"], first["progress_rag"], first["impact_rag"], first["due_date"]) == (
        "1.1",
        "amber",
        "red",
        "2020-01-31",
    )
    assert data["actions"][-1]["sources"] == [
        {"code": "Nat. Enq", "paragraph": "1.6"},
        {"code": "IOCS", "paragraph": ""},
    ]
    assert [a["theme"] for a in data["actions"]] == ["1", "1", "2"]  # plan order
    json.dumps(data)


def test_workbook_looks_finished_and_is_safe_from_formulas(rich_plan):
    book = load_workbook(io.BytesIO(plan_export_workbook(plan=rich_plan)))
    sheet = book["Plan"]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.column_dimensions["D"].width == 50
    header = [cell.value for cell in sheet[1]]
    rag_column = header.index("Progress RAG") + 1
    assert sheet.max_row == 4  # header + one row per action
    rag_cell = sheet.cell(row=2, column=rag_column)
    assert rag_cell.value == "Amber" and rag_cell.fill.fgColor.rgb.endswith(RAG_PALETTE[Rag.AMBER].fill[1:].upper())
    assert sheet.cell(row=2, column=header.index("Action") + 1).alignment.wrap_text
    risky = sheet.cell(row=4, column=header.index("Action") + 1)
    assert risky.value == '=HYPERLINK("http://evil")' and risky.data_type == "s"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_round_trip_import_of_the_export_gives_the_same_plan(rich_plan, world):
    rich_plan.themes.get(number="2").actions.update(reporting_mechanism="Monthly board", output="A report")
    before = plan_export_data(plan=rich_plan, complete=True)
    parsed = read_plan_workbook(io.BytesIO(plan_export_workbook(plan=rich_plan)), name="export.xlsx")
    assert parsed.warnings == [] or all("used again" in w.message for w in parsed.warnings)
    copy = plan_import(parsed=parsed, author=world.admin, title=rich_plan.title).plan
    after = plan_export_data(plan=copy, complete=True)
    for got, want in zip(after["actions"], before["actions"]):
        assert got == want
    assert after == {**before, "organisation": after["organisation"]}


def test_export_page_for_anyone_who_can_view_the_plan(client, world, django_assert_max_num_queries):
    url = reverse("plans:plan_export_xlsx", args=[world.plan.pk])
    client.force_login(world.board)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content))["Plan"].max_row == 3
    client.force_login(world.outsider_board)
    assert client.get(url).status_code == 403


def test_export_query_count_does_not_grow_with_the_plan(client, world, django_assert_max_num_queries):
    for number in range(30):
        action = ActionFactory(theme=world.theme, ref=f"9.{number}", owners=[world.owner_role])
        SourceReferenceFactory(action=action, source__code=f"SRC{number}")
        ProgressUpdateFactory(action=action)
    client.force_login(world.admin)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("plans:plan_export_xlsx", args=[world.plan.pk])).status_code == 200


def test_export_plan_command_writes_json_and_xlsx(rich_plan, tmp_path):
    json_path, xlsx_path = tmp_path / "plan.json", tmp_path / "plan.xlsx"
    call_command("export_plan", str(rich_plan.pk), "--format", "json", "-o", str(json_path), stderr=io.StringIO())
    assert json.loads(json_path.read_text()) == plan_export_data(plan=rich_plan)
    call_command("export_plan", str(rich_plan.pk), "--format", "xlsx", "-o", str(xlsx_path), stderr=io.StringIO())
    assert load_workbook(xlsx_path)["Plan"].max_row == 4


def test_json_download_is_the_command_s_export(client, rich_plan, world, tmp_path, django_assert_max_num_queries):
    url = reverse("plans:plan_export_json", args=[rich_plan.pk])
    client.force_login(world.board)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="plan-a.json"'
    command_output = tmp_path / "plan.json"
    call_command("export_plan", str(rich_plan.pk), "--format", "json", "-o", str(command_output), stderr=io.StringIO())
    assert response.content.decode("utf-8") == command_output.read_text(encoding="utf-8")
    client.force_login(world.outsider_board)
    assert client.get(url).status_code == 403


def test_plan_page_offers_the_json_download_next_to_excel(client, world):
    client.force_login(world.board)
    page = client.get(reverse("plans:plan_detail", args=[world.plan.pk])).content.decode()
    excel = page.index(reverse("plans:plan_export_xlsx", args=[world.plan.pk]))
    assert reverse("plans:plan_export_json", args=[world.plan.pk]) in page[excel : excel + 300]


def test_round_trip_of_the_json_download_through_the_json_import(client, rich_plan, world):
    """The downloaded file, read back by the JSON import (plan_save_from_data, the writer every import uses),
    gives the same plan: same themes, actions, owners, sources, RAGs and notes."""
    client.force_login(world.admin)
    downloaded = json.loads(client.get(reverse("plans:plan_export_json", args=[rich_plan.pk])).content)
    copy = plan_save_from_data(data={**downloaded, "title": "Plan A (copy)"}, author=world.admin).plan
    assert copy.pk != rich_plan.pk
    again = plan_export_data(plan=copy)
    assert again == {**downloaded, "title": "Plan A (copy)"}


def test_export_plan_json_imports_again_with_import_plan(rich_plan, world, tmp_path):
    """The JSON export goes back in through `import_plan`: a new draft plan with the same content."""
    from django.core.management import call_command

    path = tmp_path / "plan.json"
    call_command("export_plan", str(rich_plan.pk), "--format", "json", "-o", str(path))
    call_command(
        "import_plan", str(path), "--title", "Plan A (restored)", "--as", world.admin.username, stdout=io.StringIO()
    )
    copy = Plan.objects.get(title="Plan A (restored)")
    assert copy.status == "draft"
    exported = json.loads(path.read_text())
    assert plan_export_data(plan=copy) == {**exported, "title": "Plan A (restored)"}


def test_import_plan_refuses_a_json_file_that_is_not_a_plan(world, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / "broken.json"
    path.write_text('{"title": "x", "actions": "none"')
    before = Plan.objects.count()
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_plan", str(path), stdout=io.StringIO())
    path.write_text('{"title": "x"}')
    with pytest.raises(CommandError, match="no list of actions"):
        call_command("import_plan", str(path), stdout=io.StringIO())
    assert Plan.objects.count() == before
