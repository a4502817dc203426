"""Large imports: the streamed rows are openpyxl's own, the write reports its progress as it goes and
writes every row a save would (defaults, history, updates), and the import benchmark runs."""

import datetime
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from plans.importing.stream import stream_rows
from plans.models import Action, ActionStatus, Owner, Plan, ProgressUpdate, Rag, SourceReference
from plans.services.plan_data import WRITE_CHUNK, plan_save_from_data

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.xlsx")) + sorted((ROOT / "fixtures").glob("*.xlsx"))


def _same_rows(path):
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            ours, theirs = list(stream_rows(sheet)), list(sheet.iter_rows())
            assert len(ours) == len(theirs), sheet.title
            for number, (mine, openpyxls) in enumerate(zip(ours, theirs, strict=True), start=1):
                assert [(type(c.value), c.value) for c in mine] == [(type(c.value), c.value) for c in openpyxls], (
                    sheet.title,
                    number,
                )
                assert [(c.font, c.fill, c.alignment) for c in mine] == [
                    (c.font, c.fill, c.alignment) for c in openpyxls
                ], (sheet.title, number)
    finally:
        book.close()


@pytest.mark.parametrize("path", WORKBOOKS, ids=[path.stem for path in WORKBOOKS])
def test_streamed_rows_are_what_openpyxl_reads(path):
    _same_rows(path)


def test_streamed_rows_keep_dates_numbers_gaps_and_styles(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = "Ref", 3, 2.5, True
    sheet["A3"] = "after a blank row"
    sheet["B3"] = datetime.datetime(2026, 3, 31)
    sheet["C3"] = "=1+1"
    sheet["E4"] = "bold, filled, indented"
    sheet["E4"].font = Font(bold=True)
    sheet["E4"].fill = PatternFill("solid", fgColor="FFFFC000")
    sheet["E4"].alignment = Alignment(indent=2)
    book.save(tmp_path / "kinds.xlsx")
    _same_rows(tmp_path / "kinds.xlsx")
    rows = list(stream_rows(load_workbook(tmp_path / "kinds.xlsx", read_only=True, data_only=True).active))
    assert rows[1][0].value is None and rows[3][4].font.b and rows[3][4].alignment.indent == 2


def test_a_sheet_declaring_entities_is_refused_before_it_is_parsed(tmp_path):
    import zipfile

    from plans.importing.files import ImportFileError
    from plans.importing.reading import read_plan_workbook

    book = Workbook()
    book.active.append(["Ref", "Action", "Action owner"])
    book.active.append(["1.1", "Audit the front door", "Head of Service"])
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(tmp_path / "entities.xlsx", "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY big "lots of text">]><worksheet', 1
                ).replace(b"Audit the front door", b"&big;")
            out.writestr(info, data)
    assert read_plan_workbook(tmp_path / "plain.xlsx").actions[0].action == "Audit the front door"
    with pytest.raises(ImportFileError):
        read_plan_workbook(tmp_path / "entities.xlsx")
    # The streamed reader refuses the declaration itself, whatever opened the workbook before it.
    from plans.importing.stream import _elements

    with zipfile.ZipFile(tmp_path / "entities.xlsx") as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        with pytest.raises(ImportFileError, match="document type declaration"):
            list(_elements(sheet))
    # Nor does a sheet written in UTF-16, where the declaration's bytes would not match.
    import io

    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY a "b">]><w>&a;</w>'.encode("utf-16")
    with pytest.raises(ImportFileError, match="not written the way Excel writes sheets"):
        list(_elements(io.BytesIO(utf16)))


def _data(actions):
    return {
        "title": "Large plan",
        "themes": [{"number": "1", "title": "Leadership"}],
        "actions": [
            {
                "ref": f"1.{n}",
                "theme": "1",
                "action": f"Action {n}",
                "owners": ["Head of Service", f"Team {n % 3}"],
                "sources": [{"code": "JTAI", "paragraph": str(n % 7)}],
                "due_date": "2027-03-31",
                "progress_rag": "green" if n % 2 else None,
                "latest_note": "On track",
            }
            for n in range(actions)
        ],
    }


@pytest.mark.django_db
def test_a_long_import_reports_progress_while_it_writes_and_writes_every_row(world):
    actions = WRITE_CHUNK * 2 + 5
    heard = []
    result = plan_save_from_data(
        data=_data(actions),
        author=world.admin,
        reason="Import of large.xlsx",
        progress=lambda done, total: heard.append((done, total)),
    )
    assert heard == [(0, actions), (WRITE_CHUNK, actions), (WRITE_CHUNK * 2, actions), (actions, actions)]
    saved = Action.objects.filter(theme__plan=result.plan)
    assert saved.count() == actions == result.actions_created
    first = saved.get(ref="1.1")
    assert (first.version, first.status, first.original_due_date.isoformat(), first.cross_reference_note) == (
        1,
        ActionStatus.OPEN,
        "2027-03-31",
        "",
    )
    assert sorted(first.owners.values_list("title", flat=True)) == ["Head of Service", "Team 1"]
    assert Owner.objects.filter(title__in=["Head of Service", "Team 0", "Team 1", "Team 2"]).count() == 4
    assert SourceReference.objects.filter(action__theme__plan=result.plan).count() == actions
    # Every row has its history record naming the import, and each action's record its owners.
    # (Ids are read first: nested subqueries over rows written in this same transaction have no
    # statistics yet, and PostgreSQL may plan them as a loop over every row for every row.)
    action_ids = list(saved.values_list("pk", flat=True))
    records = Action.history.model.objects.filter(id__in=action_ids)
    assert set(records.values_list("history_type", "history_user", "history_change_reason")) == {
        ("+", world.admin.pk, "Import of large.xlsx")
    }
    history_ids = list(records.values_list("history_id", flat=True))
    assert len(history_ids) == actions
    owners_history = apps.get_model("plans", "HistoricalAction_owners")
    assert owners_history.objects.filter(history_id__in=history_ids).count() == actions * 2
    assert SourceReference.history.model.objects.filter(action_id__in=action_ids, history_type="+").count() == actions
    updates = ProgressUpdate.objects.filter(action__theme__plan=result.plan)
    assert updates.count() == result.updates_created == actions // 2
    update = updates.get(action=saved.get(ref="1.1"))
    assert (update.progress_rag, update.author, update.note, update.evidence_links, update.no_change) == (
        Rag.GREEN,
        world.admin,
        "On track",
        "",
        False,
    )


@pytest.mark.django_db
def test_the_import_benchmark_runs_quick_and_leaves_nothing_behind(world):
    before = (
        Plan.objects.count(),
        Action.objects.count(),
        get_user_model().objects.count(),
        ProgressUpdate.objects.count(),
    )
    out = io.StringIO()
    call_command("benchmark", "importing", "--quick", "--peer", stdout=out)
    printed = out.getvalue()
    assert "ratio" in printed and "(target ≤ 2×)" in printed and "dry run" in printed and "peak memory" in printed
    assert "progress updates recorded as" in printed and " 0 progress updates" not in printed
    assert "peer:" in printed  # django-import-export is in the test extra
    assert (
        Plan.objects.count(),
        Action.objects.count(),
        get_user_model().objects.count(),
        ProgressUpdate.objects.count(),
    ) == before
