"""Importing plans from councils' spreadsheets: every layout in seeds/, the real Solihull workbook,
re-import keeping history, and bad files changing nothing."""

import datetime
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from plans.importing.files import ImportFileError
from plans.importing.reading import read_plan_workbook
from plans.models import Action, Owner, Plan, ProgressUpdate, Rag, Source
from plans.services.importing import plan_import, plan_import_preview
from tests.data import workbooks

pytestmark = pytest.mark.django_db

# The real Solihull workbook ships in the repository, so its test runs on every clone.
SOLIHULL_EXAMPLE = Path(settings.BASE_DIR) / "fixtures" / "solihull_iocs_plan.xlsx"


def read(content, name="plan.xlsx", **kwargs):
    return read_plan_workbook(io.BytesIO(content), name=name, **kwargs)


def actions_by_ref(plan):
    return {(a.theme.number, a.ref): a for a in Action.objects.filter(theme__plan=plan).select_related("theme")}


def owner_titles(action):
    return [
        link.owner.title
        for link in Action.owners.through.objects.filter(action=action).order_by("pk").select_related("owner")
    ]


def source_pairs(action):
    return [(r.source.code, r.paragraph) for r in action.source_references.order_by("position")]


# ---------------------------------------------------------------- layouts


def test_solihull_layout_themes_fields_continuations_and_duplicates(world):
    parsed = read(workbooks.solihull_layout())
    assert parsed.title == "Solihull Improving Outcomes for Children Plan"
    assert [(t.number, t.title) for t in parsed.themes] == [
        ("1", "Leadership and Governance"),
        ("2", "Partnerships"),
        ("3", "Workforce"),
    ]
    assert parsed.themes[0].lead == "Director of Children's Services"
    assert parsed.themes[0].objective.startswith("Leadership and governance")
    refs = [(a.theme, a.ref) for a in parsed.actions]
    assert refs == [("1", "1.1"), ("1", "1.2"), ("2", "2.14"), ("2", "2.15"), ("3", "2.14"), ("3", "3.2")]
    first = parsed.actions[0]
    assert first.action == "Impact measures to be developed\nReport monthly to the board"  # continuation folded
    assert parsed.actions[1].improvement_need == "Finance\nForecasting\nOversight"  # HTML made plain
    assert parsed.actions[3].owners == parsed.actions[2].owners  # "As above"
    assert parsed.actions[3].sources == [("Nat. Enq", "1.1")]
    assert [a.progress_rag for a in parsed.actions[:3]] == ["G", "A", "B"]
    messages = " ".join(w.message for w in parsed.warnings)
    assert "Ref 2.14 is used again" in messages
    assert "“Purple” is not a RAG rating" in messages
    assert "No due date could be read from the timescale “when funded”" in messages
    assert "no action text" in messages
    by_row = parsed.warnings_by_row
    assert by_row[16] == ["Row has no action text (ref 3.2)."]

    result = plan_import(parsed=parsed, author=world.admin)
    plan = result.plan
    saved = actions_by_ref(plan)
    assert owner_titles(saved[("2", "2.14")]) == [
        "T/Detective Chief Superintendent Public Protection Unit",
        "T/Detective Chief Inspector Public Protection Unit",
    ]
    assert source_pairs(saved[("1", "1.2")]) == [("JTAI", "1.1a"), ("JTAI", "6.1b")]
    assert saved[("1", "1.2")].due_date == datetime.date(2027, 1, 31)
    assert saved[("2", "2.15")].timescale == "12/12/2026"
    assert plan.themes.get(number="1").lead.title == "Director of Children's Services"
    update = saved[("1", "1.1")].updates.get()
    assert (update.progress_rag, update.author) == (Rag.GREEN, world.admin)
    assert not saved[("2", "2.15")].updates.exists()


def test_walsall_layout_two_line_header_title_rows_and_fill_colour_rag(world):
    parsed = read(workbooks.walsall_layout())
    assert parsed.header_rows == 2
    assert set(parsed.mapping.values()) >= {
        "ref",
        "sources",
        "action",
        "timescale",
        "owners",
        "measures",
        "latest_note",
        "progress_rag",
    }
    assert [(a.theme, a.ref) for a in parsed.actions] == [("1", "1.1"), ("1", "1.2"), ("2", "3.3"), ("2", "3.8")]
    one, two, three, four = parsed.actions
    assert one.timescale == "WSCB to consider – 31 Jan 2013 Plan for WSCB work – 31 Mar 2013"
    assert one.due_date == datetime.date(2013, 3, 31)
    assert one.progress_rag == Rag.GREY
    assert two.sources == [("IN", "1.7"), ("IN", "3.1"), ("OIS 2012", "")]
    assert two.measures == "Partner agreement to baseline\nFormal endorsement"
    assert three.owners == ["Sue Butcher", "Jane Parry", "Kate Bargh"]
    assert three.sources == [("OIS 2012", ""), ("IN", "1.4"), ("IN", "1.6")]
    assert parsed.themes[0].objective.startswith("Strengthen the role and leadership")
    assert three.progress_rag == Rag.RED  # only the cell's fill says so
    assert four.sources == [("PR 2012", "")]
    plan = plan_import(parsed=parsed, author=world.admin).plan
    assert ProgressUpdate.objects.filter(action__theme__plan=plan).count() == 4
    assert ProgressUpdate.objects.get(action__ref="1.2", action__theme__plan=plan).note == "Partners endorsed the plan"


def test_lscb_layout_strategic_aims_and_categories():
    parsed = read(workbooks.lscb_layout())
    assert [t.title for t in parsed.themes] == [
        "To lead, listen to and advise on safeguarding issues for children and young people within Solihull",
        "To use learning to influence safeguarding practice and improve outcomes",
    ]
    got = [(a.theme, a.ref, a.category) for a in parsed.actions]
    assert got == [
        ("1", "1.1", "business_fundamental"),
        ("1", "1.2", "business_fundamental"),
        ("1", "1.7", "change_priority"),
        ("2", "2.2", "business_fundamental"),
        ("2", "2.5", "change_priority"),
    ]
    assert parsed.actions[0].output == "Communication plan"
    assert parsed.actions[0].owners == ["Julie Harrison, Senior Communications Officer"]
    assert parsed.actions[3].owners == [
        "Paul Nash Safeguarding Officer",
        "Dara Lloyd, Manager, Child Death Review Process",
    ]


def test_shropshire_layout_areas_lead_and_timescale_and_two_rags(world):
    parsed = read(workbooks.shropshire_layout())
    assert parsed.header_rows == 2
    assert [(t.number, t.title) for t in parsed.themes] == [("1", "Quality of Practice"), ("2", "Child Protection")]
    assert parsed.themes[0].objective == "The quality of practice will evidence it is consistently good or outstanding."
    first, second = parsed.actions
    assert (first.owners, first.timescale, first.due_date) == (["SM QA"], "Jan 2024", datetime.date(2024, 1, 31))
    assert (second.owners, second.timescale, second.due_date) == (
        ["Head of Service"],
        "12/12/2023",
        datetime.date(2023, 12, 12),
    )
    assert first.measures == "Assessments judged good increases to 90%, milestones 70%/80%"
    assert first.reporting_mechanism == "Monthly/ Quarterly QA reports"
    assert first.latest_note == "PIP Officer in post\nQ4 report in development"
    assert (first.progress_rag, first.impact_rag) == (Rag.GREEN, Rag.AMBER)
    plan = plan_import(parsed=parsed, author=world.admin).plan
    update = ProgressUpdate.objects.get(action__theme__plan=plan, action__ref="2.1")
    assert (update.progress_rag, update.impact_rag) == (Rag.BLUE, Rag.GREEN)


def test_admin_may_correct_the_detected_mapping():
    parsed = read(workbooks.shropshire_layout())
    mapping = dict(parsed.mapping)
    moved = {index: name for index, name in mapping.items() if name != "expected_impact"}
    corrected = read(workbooks.shropshire_layout(), mapping={str(k): v for k, v in moved.items()})
    assert corrected.actions[0].expected_impact == ""
    with pytest.raises(ImportFileError):
        read(workbooks.shropshire_layout(), mapping={"6": "latest_note"})


# ---------------------------------------------------------------- the real Solihull workbook


def test_real_solihull_workbook_recovers_every_action_owner_and_source(world):
    """Compared with the hand-checked demo data drawn from the same plan."""
    expected = json.loads((Path(settings.BASE_DIR) / "fixtures" / "solihull_iocs_plan.json").read_text())
    parsed = read_plan_workbook(SOLIHULL_EXAMPLE)
    assert len(parsed.themes) == 6 and len(parsed.actions) == 118
    assert [(t.number, t.title, t.lead) for t in parsed.themes] == [
        (t["number"], t["title"], t["lead"]) for t in expected["themes"]
    ]

    def dashes(titles):
        return [title.replace("–", "-") for title in titles]

    for got, want in zip(parsed.actions, expected["actions"]):
        assert (got.theme, got.ref) == (want["theme"], want["ref"])
        assert dashes(got.owners) == dashes(want["owners"]), got.ref
        assert [{"code": c, "paragraph": p} for c, p in got.sources] == want["sources"], got.ref
        assert got.action == want["action"], got.ref
    plan = plan_import(parsed=parsed, author=world.admin).plan
    assert Action.objects.filter(theme__plan=plan).count() == 118
    assert set(Source.objects.filter(references__action__theme__plan=plan).values_list("code", flat=True)) == {
        "IOCS",
        "JTAI",
        "Nat. Enq",
    }


# ---------------------------------------------------------------- re-import


def test_reimport_updates_matched_actions_adds_new_reports_missing_and_keeps_history(world):
    first = plan_import(parsed=read(workbooks.solihull_layout()), author=world.admin).plan
    before = actions_by_ref(first)
    old_update = before[("1", "1.1")].updates.get()

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbooks.solihull_layout()))
    sheet = book.active
    sheet["C7"] = "Impact measures developed and agreed"
    sheet["G7"] = "B"
    sheet.delete_rows(12)  # 2.15 removed
    sheet.append(["3.3", "Recruitment", "Recruit permanent managers", "IOCS", "HR Business Manager", "Jan 2027", "A"])
    newer = workbooks.to_bytes(book)

    result = plan_import(parsed=read(newer), author=world.admin, plan=first)
    saved = result.saved
    assert Plan.objects.filter(title=first.title).count() == 1
    assert (saved.actions_created, saved.actions_updated, saved.actions_unchanged) == (
        1,
        1,
        4,
    )  # unchanged ones untouched
    assert [(a.theme.number, a.ref) for a in saved.actions_not_in_file] == [("2", "2.15")]
    after = actions_by_ref(first)
    assert after[("1", "1.1")].pk == before[("1", "1.1")].pk
    assert after[("1", "1.1")].action_text.startswith("Impact measures developed and agreed")
    assert after[("2", "2.15")].pk == before[("2", "2.15")].pk  # kept, not deleted
    history = list(after[("1", "1.1")].updates.order_by("created_at", "pk"))
    assert history[0] == old_update and history[-1].progress_rag == Rag.BLUE
    # The duplicate 2.14s are matched in order: theme 2's and theme 3's keep their own rows.
    assert after[("3", "2.14")].pk == before[("3", "2.14")].pk
    count = ProgressUpdate.objects.filter(action__theme__plan=first).count()
    plan_import(parsed=read(newer), author=world.admin, plan=first)
    assert ProgressUpdate.objects.filter(action__theme__plan=first).count() == count  # same file, nothing new


# ---------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    "content, name, words",
    [
        (b"Ref,Action\n1.1,Do it\n", "plan.csv", "not an Excel spreadsheet"),
        (b"%PDF-1.4 not a workbook", "plan.xlsx", "not an Excel spreadsheet"),
        (workbooks.old_xls(), "plan.xls", "old Excel format (.xls)"),
        (workbooks.encrypted(), "plan.xlsx", "protected with a password"),
        (b"", "plan.xlsx", "The file is empty"),
        (workbooks.empty_workbook(), "plan.xlsx", "no data"),
        (workbooks.no_header(), "plan.xlsx", "No header row was recognised"),
        (workbooks.zip_bomb(), "plan.xlsx", "unpacks to far more data"),
        (workbooks.with_macros(), "plan.xlsx", "contains macros"),
        (workbooks.solihull_layout(), "plan.xlsm", "contains macros"),
        (workbooks.damaged(), "plan.xlsx", "damaged"),
    ],
)
def test_bad_files_get_one_clear_message_and_change_nothing(world, content, name, words):
    counts = (Plan.objects.count(), Action.objects.count(), Owner.objects.count())
    with pytest.raises(ImportFileError) as error:
        plan_import_preview(source=io.BytesIO(content), name=name)
    assert words in str(error.value)
    assert (Plan.objects.count(), Action.objects.count(), Owner.objects.count()) == counts


def test_oversized_file_is_refused(world, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ImportFileError, match="too big"):
        plan_import_preview(source=io.BytesIO(workbooks.solihull_layout()), name="plan.xlsx")


# ---------------------------------------------------------------- command line


def test_import_plan_command_writes_and_summarises(world, tmp_path):
    path = tmp_path / "walsall.xlsx"
    path.write_bytes(workbooks.walsall_layout())
    out = io.StringIO()
    call_command(
        "import_plan", str(path), "--title", "Walsall improvement plan", "--author", world.admin.username, stdout=out
    )
    plan = Plan.objects.get(title="Walsall improvement plan")
    assert Action.objects.filter(theme__plan=plan).count() == 4
    assert "2 themes, 4 actions" in out.getvalue()


def test_import_plan_dry_run_writes_nothing(world, tmp_path):
    path = tmp_path / "walsall.xlsx"
    path.write_bytes(workbooks.walsall_layout())
    plans = Plan.objects.count()
    out = io.StringIO()
    call_command("import_plan", str(path), "--dry-run", stdout=out)
    assert Plan.objects.count() == plans
    assert "4 actions" in out.getvalue() and "Dry run" in out.getvalue()


def test_import_plan_command_fails_on_a_bad_file(world, tmp_path):
    path = tmp_path / "plan.xls"
    path.write_bytes(workbooks.old_xls())
    with pytest.raises(CommandError, match="old Excel format"):
        call_command("import_plan", str(path))


def test_theme_lead_and_outcomes_rows_and_aim_rows_fill_the_theme():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead"])
    sheet.append(["Strategic aim 2: Learning"])
    sheet.append(["Theme Lead: Head of Service Safeguards"])
    sheet.append(["Outcomes: Practice improves"])
    sheet.append(["2.1", "Run learning events", "Training Manager & Head of Probation"])
    parsed = read(workbooks.to_bytes(book))
    theme = parsed.themes[0]
    assert (theme.number, theme.title, theme.lead, theme.outcomes) == (
        "2",
        "Learning",
        "Head of Service Safeguards",
        "Practice improves",
    )
    assert parsed.actions[0].owners == ["Training Manager", "Head of Probation"]


def test_json_export_imports_back_through_the_same_writer(world):
    from plans.services.exporting import plan_export_data
    from plans.services.plan_data import plan_create_from_data

    plan = plan_import(parsed=read(workbooks.shropshire_layout()), author=world.admin).plan
    data = plan_export_data(plan=plan)
    copy = plan_create_from_data(data=json.loads(json.dumps(data)), author=world.admin)
    assert plan_export_data(plan=copy) == data


def test_import_plan_command_refuses_a_second_plan_of_the_same_title_and_updates_with_update(world, tmp_path):
    path = tmp_path / "walsall.xlsx"
    path.write_bytes(workbooks.walsall_layout())
    call_command("import_plan", str(path), stdout=io.StringIO())
    plan = Plan.objects.get(title="Walsall Children's Services Improvement Plan")
    with pytest.raises(CommandError, match=f"--update {plan.pk}"):
        call_command("import_plan", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_plan", str(path), "--update", str(plan.pk), stdout=out)
    assert "0 actions added, 0 changed, 4 unchanged, 0 progress updates recorded" in out.getvalue()
    assert Plan.objects.filter(title=plan.title).count() == 1


def test_reading_reports_progress_on_long_sheets():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Action Owner"])
    for number in range(1, 601):
        sheet.append([f"1.{number}", f"Action {number}", "Head of Service"])
    calls = []
    parsed = read(workbooks.to_bytes(book), progress=lambda done, total: calls.append((done, total)))
    assert len(parsed.actions) == 600
    assert [done for done, _total in calls] == [250, 500, 600]
    assert all(total == 601 for _done, total in calls)
