"""Spreadsheet import at size: the whole import beside openpyxl merely reading the file, and beside the peer.

First, the corpus fidelity: how many expected facts of the workbooks in tests/data/corpus/ an import
with no mapping gets right (see plans.benchmarks.fidelity).

Then, at 5,000 and 50,000 actions (--quick: 200 and 1,000), on a generated workbook laid out like
Walsall's (a title row, a theme row and a repeated header every 50 actions, owners and sources to
split, RAGs as words, letters and fills only):

- **the import**: read, classify, clean, write (actions, owners, sources, history records of each)
  and the sheet's RAGs recorded as progress updates by a named admin (one is made for the run when
  the database has none), exactly as `plan_import` does it for the import page and the background
  import; each run in a transaction rolled back, so nothing is left behind (the commit is not timed);
- **the floor**: openpyxl reading the same workbook bare: `load_workbook(read_only=True,
  data_only=True)`, then every row of the sheet through `iter_rows(values_only=True)`, counted and
  dropped. Nothing is classified, kept or written;
- **the dry run**: what the preview does: read, the people named, what the import would change;
  nothing written;
- **the peer** (with --peer, when django-import-export is installed: the `test` extra): its
  ModelResource for Action, tuned as its documentation advises for large imports (use_bulk,
  skip_diff, force_init_instance, skip_html_diff, batch_size 1,000), loading the same rows from a
  flat workbook (one header, the same 5,000 or 50,000 action rows: it cannot read the themed layout).
  It writes the action rows only: no owners, sources, history or progress updates.

All are timed by plans.benchmarks.timing's primitives, interleaved (import, dry run, floor, peer,
then again) and warmed alike, CPU and wall, min and median of n, with DEBUG off (as in production:
no query log). Targets: the import ≤ TARGET_RATIO × the floor (CPU medians) at both sizes; the dry
run cheaper than the import; peak memory (tracemalloc: Python's allocations, the same for each) of
the import at the largest size no more than the peer's.
"""

import importlib.util
import random
import tempfile
import tracemalloc
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill

from plans.benchmarks import fidelity
from plans.benchmarks.timing import Timing, ratio_line, run_once
from plans.importing.reading import read_plan_workbook
from plans.services.importing import people_found, plan_import, plan_import_changes, plan_import_preview

TARGET_RATIO = 2
SIZES = (5000, 50000)
QUICK_SIZES = (200, 1000)
OWNERS = [
    "Head of Service Safeguards",
    "Service Manager QA / Interim Principal Social Worker",
    "Head of Probation",
    "T/Detective Chief Inspector Public Protection Unit",
    "Sue Butcher, Jane Parry, Kate Bargh",
    "Head of Service - Family Support and Child Protection Service",
    "As above",
]
SOURCES = ["JTAI 1.1a / 6.1b", "Nat. Enq 1.6 / 1.8 /1.9", "IOCS", "IN 1.7, 3.1 OIS 2012", "Nat Enq. 1.1"]
RAGS = ["G", "Amber", "Red", "B", "Gr", None]
FILLS = [PatternFill("solid", fgColor=colour) for colour in ("FF00B050", "FFFFC000", "FFFF0000")]
HEADER = [
    "Ref",
    "Improvement need",
    "Action",
    "Derived From",
    "Action Owner",
    "Timescale",
    "Measures of success",
    "Review note for this period",
    "RAG",
]


class _Rollback(Exception):
    pass


def _action_rows(actions, seed):
    """(theme number, the row's values, a fill for its RAG cell or None) for each generated action."""
    rnd = random.Random(seed)  # noqa: S311 - repeatable benchmark data
    for number in range(actions):
        theme = number // 50 + 1
        rag = rnd.choice(RAGS)
        values = [
            f"{theme}.{number % 50 + 1}",
            "Thresholds understood and effectively used by partners " * rnd.randint(1, 3),
            f"<ul><li>Review multi-agency threshold document {number}</li><li>Report to the board</li></ul>",
            rnd.choice(SOURCES),
            rnd.choice(OWNERS),
            rnd.choice(["31 Jan 2027", "Mar 2027 and ongoing", "12/12/2026", "ongoing"]),
            "Audit shows 90% of assessments judged good",
            "Progress as expected; audit scheduled.",
            rag,
        ]
        yield theme, values, rnd.choice(FILLS) if rag is None else None


def generate_workbook(path, actions, seed=3):
    """A plan laid out like Walsall's: title row, themes of 50 actions with repeated headers."""
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.append(["Generated improvement plan"])
    current = 0
    for theme, values, fill in _action_rows(actions, seed):
        if theme != current:
            current = theme
            sheet.append([f"Theme {theme}: Generated theme {theme}"])
            sheet.append(HEADER)
        sheet.append(values)
        if fill is not None:
            sheet.cell(row=sheet.max_row, column=9).fill = fill
    book.save(path)


def generate_flat_workbook(path, actions, seed=3):
    """The same action rows under one header, nothing else: what the peer can read."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for _theme, values, _fill in _action_rows(actions, seed):
        sheet.append(values)
    book.save(path)


def openpyxl_read(path):
    """The floor: openpyxl reading every row of the sheet, values only, keeping nothing."""
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in book.active.iter_rows(values_only=True))
    book.close()
    return count


def _rolled_back(function):
    result = None
    try:
        with transaction.atomic():
            result = function()
            raise _Rollback
    except _Rollback:
        pass
    return result


def _admin():
    """An admin to record the sheet's RAGs as (made inside the run's rolled-back transaction if none)."""
    users = get_user_model().objects
    return users.filter(is_superuser=True, is_active=True).order_by("pk").first() or users.create_superuser(
        username="benchmark-admin",
        email="benchmark-admin@example.org",
        password=None,
    )


def our_import(path, admin):
    """The whole import, as the import page's confirm step and the background import run it."""

    def run():
        parsed = read_plan_workbook(path)
        return plan_import(parsed=parsed, author=admin, name=path.name).saved

    return _rolled_back(run)


def dry_run(path):
    """The preview: read, the people named in it, what the import would change; nothing written."""
    parsed = plan_import_preview(source=path, name=path.name)
    people_found(parsed)
    return plan_import_changes(parsed=parsed, plan=None)


def peer_available():
    return importlib.util.find_spec("import_export") is not None and importlib.util.find_spec("tablib") is not None


def peer_import_function(flat_path, theme_id):
    """django-import-export importing the flat workbook's rows as actions, tuned for size."""
    import tablib
    from import_export import fields, resources

    from plans.models import Action

    class ActionResource(resources.ModelResource):
        ref = fields.Field(attribute="ref", column_name="Ref")
        improvement_need = fields.Field(attribute="improvement_need", column_name="Improvement need")
        action_text = fields.Field(attribute="action_text", column_name="Action")
        timescale = fields.Field(attribute="timescale", column_name="Timescale")
        measures_of_success = fields.Field(attribute="measures_of_success", column_name="Measures of success")
        imported_note = fields.Field(attribute="imported_note", column_name="Review note for this period")

        class Meta:
            model = Action
            fields = ("ref", "improvement_need", "action_text", "timescale", "measures_of_success", "imported_note")
            use_bulk = True
            batch_size = 1000
            skip_diff = True
            skip_html_diff = True
            force_init_instance = True
            skip_unchanged = False
            report_skipped = False

        def init_instance(self, row=None):
            return Action(theme_id=theme_id)

    def run():
        with open(flat_path, "rb") as handle:
            dataset = tablib.Dataset().load(handle, format="xlsx")
        result = ActionResource().import_data(dataset, dry_run=False, raise_errors=True, use_transactions=False)
        return result.totals.get("new", 0)

    return lambda: _rolled_back(run)


def _interleaved(pairs, *, repeats, warmup):
    """Time each `(label, function)` `repeats` times, one of each in turn, after `warmup` rounds alike."""
    for _ in range(warmup):
        for _label, function in pairs:
            function()
    timings = [Timing(label) for label, _function in pairs]
    for _ in range(repeats):
        for timing, (_label, function) in zip(timings, pairs, strict=True):
            cpu, wall, _result = run_once(function)
            timing.add(cpu, wall)
    return timings


def peak_memory(function):
    """Peak bytes Python allocated while `function` ran (tracemalloc)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        function()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def _mb(size):
    return f"{size / 1024 / 1024:.1f} MB"


def run(*, out, options):
    fidelity.report(out=out)
    quick = options.get("quick")
    with_peer = options.get("peer")
    sizes = QUICK_SIZES if quick else SIZES
    repeats, warmup = (1, 1) if quick else (3, 1)
    if with_peer and not peer_available():
        out.write("  The peer (django-import-export) is not installed: `pip install -e '.[test]'`. Run without it.")
        with_peer = False
    out.write(
        f"Import at size; target: the whole import ≤ {TARGET_RATIO}× openpyxl's bare read (CPU medians), "
        f"the dry run cheaper than the import, peak memory at {sizes[-1]:,} actions ≤ the peer's."
    )
    out.write(
        "  Floor: openpyxl load_workbook(read_only=True, data_only=True), every row through "
        "iter_rows(values_only=True), counted and dropped."
    )
    with override_settings(DEBUG=False), tempfile.TemporaryDirectory() as folder:
        try:
            with transaction.atomic():
                admin = _admin()
                for size in sizes:
                    _run_size(
                        out,
                        Path(folder),
                        size,
                        admin,
                        repeats=repeats,
                        warmup=warmup,
                        with_peer=with_peer,
                        largest=size == sizes[-1],
                    )
                raise _Rollback
        except _Rollback:
            pass


def _run_size(out, folder, size, admin, *, repeats, warmup, with_peer, largest):
    from plans.models import Plan, Theme

    path = folder / f"plan-{size}.xlsx"
    generate_workbook(path, size)
    pairs = [
        ("import", lambda: our_import(path, admin)),
        ("dry run", lambda: dry_run(path)),
        ("floor", lambda: openpyxl_read(path)),
    ]
    peer = None
    if with_peer:
        flat = folder / f"flat-{size}.xlsx"
        generate_flat_workbook(flat, size)
        theme = Theme.objects.create(plan=Plan.objects.create(title="Benchmark peer plan"), number="1", title="Peer")
        peer = peer_import_function(flat, theme.pk)
        pairs.append(("peer", peer))
    saved = our_import(path, admin)
    out.write(
        f"{size:,} actions ({path.stat().st_size / 1024:,.0f} KB, {openpyxl_read(path):,} rows): the import writes "
        f"{saved.actions_created:,} actions with their owners, sources and history, and {saved.updates_created:,} "
        f"progress updates recorded as {admin.get_username()}."
    )
    timings = _interleaved(pairs, repeats=repeats, warmup=warmup)
    by_label = dict(zip([label for label, _f in pairs], timings, strict=True))
    ours, dry, floor = by_label["import"], by_label["dry run"], by_label["floor"]
    _ratio, line = ratio_line(ours, floor, target=TARGET_RATIO)
    out.write(line)
    dry_ratio = dry.cpu_median / ours.cpu_median if ours.cpu_median else float("inf")
    out.write(
        f"  {dry.describe()}\n  dry run {dry.cpu_median / floor.cpu_median:.2f}× the floor, {dry_ratio:.2f}× the import "
        f"(target < 1×): {'meets' if dry_ratio < 1 else 'MISSES'}"
    )
    if peer is not None:
        theirs = by_label["peer"]
        out.write(
            f"  {theirs.describe()}\n  peer {theirs.cpu_median / floor.cpu_median:.2f}× the floor; "
            f"ours is {ours.cpu_median / theirs.cpu_median:.2f}× the peer's time (it writes action rows only)"
        )
    memory = {"import": peak_memory(lambda: our_import(path, admin)), "floor": peak_memory(lambda: openpyxl_read(path))}
    if peer is not None:
        memory["peer"] = peak_memory(peer)
    line = f"  peak memory (tracemalloc): import {_mb(memory['import'])}, floor {_mb(memory['floor'])}"
    if "peer" in memory:
        verdict = "meets" if memory["import"] <= memory["peer"] else "MISSES"
        line += f", peer {_mb(memory['peer'])}" + (
            f" (target: import ≤ peer at {size:,}): {verdict}" if largest else ""
        )
    else:
        line += " (the peer's with --peer)"
    out.write(line)
