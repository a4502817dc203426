"""Spreadsheet import: time against openpyxl merely reading the file, and peak memory at two sizes.

Targets: import (read and parse) at most 3 × the time openpyxl takes to stream the same rows;
working memory flat in file size (openpyxl read-only streaming, fills read only for empty RAG cells).
Memory is reported as the parsed plan (it grows with the actions, by nature) and the working
memory beside it, compared with what openpyxl alone needs to stream the file.
The database write is timed too, inside a transaction that is rolled back.
First, the corpus fidelity: how many expected facts of the workbooks in tests/data/corpus/ an import
with no mapping gets right (see plans.benchmarks.fidelity).
"""
import gc
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill

from plans.benchmarks import fidelity
from plans.importing.reading import read_plan_workbook
from plans.services.plan_data import plan_save_from_data

TARGET_RATIO = 3.0
OWNERS = [
    "Head of Service Safeguards", "Service Manager QA / Interim Principal Social Worker", "Head of Probation",
    "T/Detective Chief Inspector Public Protection Unit", "Sue Butcher, Jane Parry, Kate Bargh",
    "Head of Service - Family Support and Child Protection Service", "As above",
]
SOURCES = ["JTAI 1.1a / 6.1b", "Nat. Enq 1.6 / 1.8 /1.9", "IOCS", "IN 1.7, 3.1 OIS 2012", "Nat Enq. 1.1"]
RAGS = ["G", "Amber", "Red", "B", "Gr", None]
FILLS = [PatternFill("solid", fgColor=colour) for colour in ("FF00B050", "FFFFC000", "FFFF0000")]


class _Rollback(Exception):
    pass


def generate_workbook(path, actions, seed=3):
    """A plan laid out like Walsall's: title row, themes of 50 actions with repeated headers."""
    rnd = random.Random(seed)
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.append(["Generated improvement plan"])
    header = ["Ref", "Improvement need", "Action", "Derived From", "Action Owner", "Timescale", "Measures of success", "Review note for this period", "RAG"]
    theme = 0
    for number in range(actions):
        if number % 50 == 0:
            theme += 1
            sheet.append([f"Theme {theme}: Generated theme {theme}"])
            sheet.append(header)
        rag = rnd.choice(RAGS)
        sheet.append([
            f"{theme}.{number % 50 + 1}",
            "Thresholds understood and effectively used by partners " * rnd.randint(1, 3),
            f"<ul><li>Review multi-agency threshold document {number}</li><li>Report to the board</li></ul>",
            rnd.choice(SOURCES), rnd.choice(OWNERS), rnd.choice(["31 Jan 2027", "Mar 2027 and ongoing", "12/12/2026", "ongoing"]),
            "Audit shows 90% of assessments judged good", "Progress as expected; audit scheduled.", rag,
        ])
        if rag is None:
            sheet.cell(row=sheet.max_row, column=9).fill = rnd.choice(FILLS)
    book.save(path)


def openpyxl_read(path):
    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in book.active.iter_rows(values_only=True))
    book.close()
    return count


def best_of(function, repeats):
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(function):
    """Return (peak bytes while running `function`, bytes still held by what it returned)."""
    gc.collect()
    tracemalloc.start()
    result = function()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak, held


def run(*, out, options):
    fidelity.report(out=out)
    quick = options.get("quick")
    sizes = (1000, 2000) if quick else (5000, 10000)
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for size in sizes:
            paths[size] = Path(folder) / f"plan-{size}.xlsx"
            generate_workbook(paths[size], size)
        size = sizes[0]
        path = paths[size]
        read_time = best_of(lambda: openpyxl_read(path), repeats)
        parse_time = best_of(lambda: read_plan_workbook(path), repeats)
        parsed = read_plan_workbook(path)
        ratio = parse_time / read_time
        verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
        out.write(f"{size} actions ({path.stat().st_size / 1024:.0f} KB): openpyxl reads it in {read_time:.2f} s; "
                  f"the importer reads and parses it in {parse_time:.2f} s = {ratio:.2f} × (target ≤ {TARGET_RATIO:g}: {verdict}).")
        out.write(f"  {len(parsed.actions)} actions, {len(parsed.themes)} themes, {len(parsed.warnings)} warnings read.")

        author = get_user_model().objects.filter(is_superuser=True).first()
        start = time.perf_counter()
        try:
            with transaction.atomic():
                plan_save_from_data(data=parsed.as_data(), author=author)
                saved = time.perf_counter() - start
                raise _Rollback
        except _Rollback:
            pass
        out.write(f"  Writing it to the database (one transaction, rolled back here) takes {saved:.2f} s; "
                  f"read + write = {(parse_time + saved) / read_time:.2f} × openpyxl's read.")

        figures = []
        for size in sizes:
            path = paths[size]
            reader_peak, _ = peak_memory(lambda: openpyxl_read(path))
            peak, held = peak_memory(lambda: read_plan_workbook(path))
            working = peak - held
            figures.append((size, working, reader_peak))
            out.write(f"  {size} actions: peak {peak / 1024 / 1024:.1f} MB, of which the parsed plan holds {held / 1024 / 1024:.1f} MB; "
                      f"working memory {working / 1024 / 1024:.2f} MB (openpyxl alone streaming the file: {reader_peak / 1024 / 1024:.2f} MB).")
        (small, small_working, small_reader), (large, large_working, large_reader) = figures
        # openpyxl itself must hold the workbook's shared-strings table, which grows with the file's
        # distinct text; what the importer adds on top of that is what must stay flat.
        extra_small = max(small_working - small_reader, 0)
        extra_large = max(large_working - large_reader, 0)
        flat = extra_large <= max(256 * 1024, extra_small * 1.3)
        out.write(f"  beyond what openpyxl needs to stream the file, the importer adds {extra_small / 1024 / 1024:.2f} MB at {small} "
                  f"and {extra_large / 1024 / 1024:.2f} MB at {large} actions ({'flat' if flat else 'NOT flat'}); "
                  f"the parsed plan is about {held / large / 1024:.1f} KB an action.")
