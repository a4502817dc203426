"""One way to time a figure and its floor, so no benchmark flatters itself.

Every figure is measured the same way as its floor: the same number of repeats, warmed alike (or both
cold), with CPU time (this process) and wall time, and reported as the minimum and median of n runs
with n printed. `compare` runs the figure and the floor interleaved, so a machine that gets busier
half way through slows both alike.

CPU time is this process's plus, on PostgreSQL, the CPU of the server process serving this
connection (read from /proc/<pid>/schedstat, in nanoseconds, when the server runs on this machine):
SQLite works inside this process, so without it a PostgreSQL figure would leave out the database's
share of the work and a one-statement floor would cost almost nothing.
"""

import gc
import os
import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Timing:
    """Times in milliseconds of n runs of one thing."""

    label: str
    cpu_ms: list = field(default_factory=list)
    wall_ms: list = field(default_factory=list)

    @property
    def n(self):
        return len(self.wall_ms)

    @property
    def cpu_min(self):
        return min(self.cpu_ms)

    @property
    def cpu_median(self):
        return statistics.median(self.cpu_ms)

    @property
    def wall_min(self):
        return min(self.wall_ms)

    @property
    def wall_median(self):
        return statistics.median(self.wall_ms)

    def add(self, cpu_ms, wall_ms):
        self.cpu_ms.append(cpu_ms)
        self.wall_ms.append(wall_ms)

    def describe(self):
        return (
            f"{self.label}: CPU min {self.cpu_min:.1f} ms, median {self.cpu_median:.1f} ms; "
            f"wall min {self.wall_min:.1f} ms, median {self.wall_median:.1f} ms (n={self.n})"
        )


_backend = {}  # the database connection's server process: {"connection": ..., "path": ...}


def _database_cpu_path():
    """/proc/<pid>/schedstat of the PostgreSQL backend serving the default connection, or None
    (SQLite, or a server on another machine). Asked once a connection, before anything is timed."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    if _backend.get("connection") is not connection.connection:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        path = f"/proc/{pid}/schedstat"
        _backend.update(connection=connection.connection, path=path if os.path.exists(path) else None)
    return _backend["path"]


def _database_cpu_ms(path):
    if path is None:
        return 0.0
    with open(path) as stat:
        return int(stat.read().split()[0]) / 1e6


def run_once(function):
    """Run `function` once; return (cpu_ms, wall_ms, result): CPU of this process and of the database
    server's process serving it."""
    gc.collect()
    path = _database_cpu_path()
    database_start = _database_cpu_ms(path)
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    result = function()
    wall = (time.perf_counter() - wall_start) * 1000
    cpu = (time.process_time() - cpu_start) * 1000 + _database_cpu_ms(path) - database_start
    return cpu, wall, result


def measure(label, function, *, repeats=3, warmup=0, before_each=None):
    """Time `function` `repeats` times after `warmup` untimed runs. `before_each` (untimed) runs
    before every timed run: clear a cache there to time a cold figure."""
    for _ in range(warmup):
        if before_each:
            before_each()
        function()
    timing = Timing(label)
    result = None
    for _ in range(repeats):
        if before_each:
            before_each()
        cpu, wall, result = run_once(function)
        timing.add(cpu, wall)
    return timing, result


def compare(figure, floor, *, repeats=3, warmup=1, before_each=None):
    """Time two `(label, function)` pairs interleaved, warmed alike. Returns (figure, floor) Timings."""
    (figure_label, figure_fn), (floor_label, floor_fn) = figure, floor
    for _ in range(warmup):
        for function in (figure_fn, floor_fn):
            if before_each:
                before_each()
            function()
    timings = Timing(figure_label), Timing(floor_label)
    for _ in range(repeats):
        for timing, function in zip(timings, (figure_fn, floor_fn)):
            if before_each:
                before_each()
            cpu, wall, _ = run_once(function)
            timing.add(cpu, wall)
    return timings


def ratio_line(figure, floor, *, target):
    """One line: the figure beside its floor, the ratio of their CPU medians and the target."""
    ratio = figure.cpu_median / floor.cpu_median if floor.cpu_median else float("inf")
    verdict = "meets" if ratio <= target else "MISSES"
    return ratio, f"  {figure.describe()}\n  {floor.describe()}\n  ratio {ratio:.2f}× (target ≤ {target}×): {verdict}"
