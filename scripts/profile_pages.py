"""Where the load test's pages spend their time: CPU (the app's Python), queries and PostgreSQL's
own CPU, page by page, on the same data `scripts/load_test.py` uses.

    scripts/with-postgres .venv/bin/python scripts/profile_pages.py --actions 1000
    scripts/with-postgres .venv/bin/python scripts/profile_pages.py --actions 1000 --profile 'plan page'

Each page of the load test's mix (scripts/load_test.py READS, and the owner's update form and post)
is requested in-process with Django's test client, signed in as a board member or an owner, under
the production settings; after one warm-up request, --repeat more are timed: the app's CPU
(process time), its queries (count and time) and the PostgreSQL backend's CPU (from /proc, when
the server runs on this machine). --profile NAME prints cProfile's heaviest functions for pages
whose name contains NAME. Needs DATABASE_URL pointing at a PostgreSQL database it may fill.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--actions", type=int, default=0, choices=range(0, 5001), metavar="0-5000")
parser.add_argument("--users", type=int, default=50, choices=range(1, 201), metavar="1-200")
parser.add_argument("--repeat", type=int, default=10)
parser.add_argument("--profile", default="", help="print cProfile's heaviest functions for pages whose name has this")
parser.add_argument("--top", type=int, default=30)
parser.add_argument("--server-side-binding", action="store_true", help="experiment: psycopg binds on the server")
parser.add_argument(
    "--sample",
    default="",
    help="sample the stack every millisecond of CPU for pages whose name has this, and print where the time goes "
    "(each function's share of the samples it appears in, and of those it is running itself)",
)
parser.add_argument("--sql", default="", help="print the queries (with their times) of pages whose name has this")
parser.add_argument("--only", default="", help="a regular expression: print only the profile's lines matching it")
ARGS = parser.parse_args()


def backend_cpu(pid):
    """CPU seconds used so far by one PostgreSQL backend process (0 when it cannot be read)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Sampler:
    """A statistical profiler: every millisecond of the process's CPU time (SIGPROF), note the
    running stack. Cheap enough to leave the timings close to an unprofiled run, unlike cProfile."""

    def __init__(self):
        self.inclusive, self.own, self.samples = {}, {}, 0

    def __enter__(self):
        import signal

        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
        return self

    def __exit__(self, *exc):
        import signal

        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def _sample(self, signum, frame):
        self.samples += 1
        seen = set()
        first = True
        while frame is not None:
            code = frame.f_code
            key = f"{code.co_filename.replace(str(ROOT) + '/', '').replace('.venv/lib/python3.11/site-packages/', '')}:{code.co_firstlineno}({code.co_name})"
            if first:
                self.own[key] = self.own.get(key, 0) + 1
                first = False
            if key not in seen:
                seen.add(key)
                self.inclusive[key] = self.inclusive.get(key, 0) + 1
            frame = frame.f_back

    def report(self, top, only=""):
        import re

        lines = [f"  {self.samples} samples"]
        for title, table in (("in the stack", self.inclusive), ("running itself", self.own)):
            lines.append(f"  --- {title} ---")
            rows = sorted(table.items(), key=lambda item: -item[1])
            rows = [(k, v) for k, v in rows if not only or re.search(only, k)][:top]
            lines += [f"  {100 * v / self.samples:5.1f}%  {k}" for k, v in rows]
        return "\n".join(lines)


def prepared():
    """The load test's data, made once per database (a second run reuses it)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from plans.models import Action, Plan

    call_command("migrate", verbosity=0)
    sys.argv = [sys.argv[0], "--users", str(ARGS.users), "--actions", str(ARGS.actions)]
    sys.path.insert(0, str(ROOT / "scripts"))
    import load_test

    User = get_user_model()
    plan = Plan.objects.filter(title="Benchmark plan").order_by("-pk").first() if ARGS.actions else None
    if not User.objects.filter(username__startswith="load-").exists() or (ARGS.actions and plan is None):
        print("Preparing the load test's data …", flush=True)
        data, _accounts = load_test.prepare_data(ARGS.users)
        return data, load_test
    plan = plan or Plan.objects.order_by("pk").first()
    data = {
        "plan": plan.pk,
        "actions": list(Action.objects.filter(theme__plan=plan).values_list("pk", flat=True)),
        "closed_periods": [p.slug for p in plan.periods.filter(closed=True)],
    }
    return data, load_test


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "profile_pages: DATABASE_URL must point at a PostgreSQL database (run it through scripts/with-postgres)."
        )
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "improvement.settings",
            "DJANGO_ENV": "production",
            "SECRET_KEY": "load-test-only-" + "k" * 50,
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
            "STATIC_ROOT": os.environ.get("STATIC_ROOT", str(Path(tempfile.gettempdir()) / "profile-pages-static")),
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if ARGS.server_side_binding:
        settings.DATABASES["default"]["OPTIONS"]["server_side_binding"] = True

    if not (Path(os.environ["STATIC_ROOT"]) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from plans.models import Action, ActionStatus

    data, load_test = prepared()
    User = get_user_model()
    board = User.objects.filter(username__startswith="load-board-").order_by("username").first()
    owner = User.objects.filter(username__startswith="load-owner-").order_by("username").first()
    own_actions = list(
        Action.objects.filter(owners__holders=owner, theme__plan_id=data["plan"])
        .exclude(status=ActionStatus.WITHDRAWN)
        .values_list("pk", flat=True)
    )
    clients = {}
    for kind, user in (("board", board), ("owner", owner)):
        clients[kind] = Client(HTTP_X_FORWARDED_PROTO="https")
        clients[kind].force_login(user)

    rnd = random.Random(1)  # noqa: S311 - repeatable choice of actions
    pages = []
    for kind, reads in load_test.READS.items():
        for read in reads:
            path = read(data, rnd)
            label = path.replace(f"/{data['plan']}/", "/<id>/")
            if path.startswith("/actions/"):
                label = "/actions/<id>/" + path.split("/")[3] + ("/" if path.split("/")[3] else "")
            pages.append((f"{kind} {label}", kind, "GET", lambda p=path: p, None))
    pages.append(("owner update form", "owner", "GET", lambda: f"/actions/{rnd.choice(own_actions)}/update/", None))
    pages.append(
        (
            "owner post update",
            "owner",
            "POST",
            lambda: f"/actions/{rnd.choice(own_actions)}/update/",
            {
                "progress_rag": "G",
                "impact_rag": "",
                "note": "Profile update: progress as planned.",
                "evidence_links": "",
            },
        )
    )

    queries = {"count": 0, "seconds": 0.0, "log": []}

    def count_queries(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries["count"] += 1
            queries["seconds"] += time.perf_counter() - started
            queries["log"].append((time.perf_counter() - started, sql, params))
            queries["many"] = many

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    print(
        f"{len(data['actions'])} actions; {ARGS.repeat} requests a page after one warm-up; "
        "CPU in ms a request (median), queries a request"
    )
    print(f"{'page':48} {'app CPU':>8} {'queries':>8} {'query ms':>9} {'DB CPU':>7} {'KB':>6}")
    totals = {}
    for name, kind, method, path_of, form in pages:
        client = clients[kind]
        expected = 302 if method == "POST" else 200
        response = getattr(client, method.lower())(path_of(), form or {})
        assert response.status_code == expected, (name, response.status_code)
        cpu, db, count, seconds = [], [], [], []
        profiler = cProfile.Profile(time.process_time) if ARGS.profile and ARGS.profile in name else None
        sampler = Sampler() if ARGS.sample and ARGS.sample in name else None
        if sampler:
            sampler.__enter__()
        for _ in range(ARGS.repeat):
            path = path_of()
            queries.update(count=0, seconds=0.0, log=[])
            db_before = backend_cpu(pid)
            with connection.execute_wrapper(count_queries):
                if profiler:
                    profiler.enable()
                started = time.process_time()
                response = getattr(client, method.lower())(path, form or {})
                cpu.append(time.process_time() - started)
                if profiler:
                    profiler.disable()
            db.append(backend_cpu(pid) - db_before)
            count.append(queries["count"])
            seconds.append(queries["seconds"])
            assert response.status_code == expected, (name, response.status_code)
        if sampler:
            sampler.__exit__(None, None, None)
        median = sorted(cpu)[len(cpu) // 2] * 1000
        totals[name] = median
        print(
            f"{name:48} {median:8.1f} {max(count):8d} {sorted(seconds)[len(seconds) // 2] * 1000:9.1f} "
            f"{sum(db) * 1000 / len(db):7.1f} {len(response.content) / 1024:6.0f}",
            flush=True,
        )
        if ARGS.sql and ARGS.sql in name:
            for duration, sql, params in queries["log"]:
                plan = ""
                if sql.lstrip().upper().startswith("SELECT") and not queries.get("many"):
                    with connection.cursor() as cursor:
                        cursor.execute("EXPLAIN (ANALYZE, SUMMARY) " + sql, params)
                        lines = [row[0] for row in cursor.fetchall()]
                    plan = " | ".join(line.strip() for line in lines if "Time:" in line)
                print(f"  {duration * 1000:7.1f} ms  {plan}  {sql[:300]}")
        if sampler:
            print(sampler.report(ARGS.top, ARGS.only))
        if profiler:
            out = io.StringIO()
            restrict = [ARGS.only, ARGS.top] if ARGS.only else [ARGS.top]
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(*restrict)
            out.write("\n--- by own time ---\n")
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(ARGS.top)
            print(out.getvalue())
    # As the load test's mix weighs them: 4 board members to each owner; a board member reads one
    # of its pages a turn, an owner one of its three pages three turns in four and the update form
    # and its post on the fourth.
    weights = {name: (40 / len(load_test.READS["board"]) if name.startswith("board ") else 2.5) for name in totals}
    print(
        f"Mean CPU a request, weighted as the load test's mix: "
        f"{sum(totals[n] * w for n, w in weights.items()) / sum(weights.values()):.1f} ms"
    )
    board_pages = [v for k, v in totals.items() if k.startswith("board ")]
    owner_reads = [v for k, v in totals.items() if k.startswith("owner /")]
    print(
        f"Mean over the mix's reads: board {sum(board_pages) / len(board_pages):.1f} ms, "
        f"owner {sum(owner_reads) / len(owner_reads):.1f} ms"
    )


if __name__ == "__main__":
    main()
