"""Load test: simulated users against gunicorn on 127.0.0.1 with PostgreSQL, then a check that no
progress update was lost.

    make load                                   # = scripts/with-postgres .venv/bin/python scripts/load_test.py
    scripts/with-postgres .venv/bin/python scripts/load_test.py --users 50 --seconds 60

Needs DATABASE_URL pointing at a PostgreSQL database it may fill (scripts/with-postgres gives a
throwaway one). It migrates, loads the demo, adds load-test accounts, collects static files,
starts gunicorn under DJANGO_ENV=production on 127.0.0.1, signs every user in, then for
--seconds board members read pages while owners read and post progress updates. It stops by
itself: bounded in users, time and requests, and only ever talks to 127.0.0.1.

Prints requests per second, latency percentiles and errors, checks every update it posted is in
the database, and exits 1 if a target is missed (any error, any lost update, p95 over --p95-ms).
It also prints the server's CPU time per request (gunicorn's master and workers, read from /proc
before and after the measured window), how busy the whole machine was and its load average, so a
slow app (much CPU per request) is told apart from a busy machine (little CPU per request, but
other processes using the cores). `--actions 1000` runs against a generated plan of that many
actions (12 months of updates) instead of the demo plan.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PASSWORD = "load-test-password-2026"  # noqa: S105 - accounts of a throwaway load-test database
MAX_REQUESTS_PER_USER = 2_000

# What each kind of user reads, as functions of the test data: one line a page.
READS = {
    "board": [
        lambda d, r: f"/plans/{d['plan']}/dashboard/",
        lambda d, r: (
            f"/plans/{d['plan']}/dashboard/?period={r.choice(d['closed_periods'])}"
            if d["closed_periods"]
            else f"/plans/{d['plan']}/dashboard/"
        ),
        lambda d, r: f"/plans/{d['plan']}/",
        lambda d, r: f"/plans/{d['plan']}/?page=2",
        lambda d, r: f"/plans/{d['plan']}/?progress_rag=R",
        lambda d, r: f"/plans/{d['plan']}/?sort=-current_progress_rag",
        lambda d, r: f"/actions/{r.choice(d['actions'])}/",
        lambda d, r: f"/actions/{r.choice(d['actions'])}/history/",
        lambda d, r: "/plans/",
    ],
    "owner": [
        lambda d, r: "/my-actions/",
        lambda d, r: f"/actions/{r.choice(d['actions'])}/",
        lambda d, r: f"/plans/{d['plan']}/?overdue=on",
    ],
}
POST_EVERY = 4  # an owner posts an update every few of their requests


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SIGN_IN_SLOTS = threading.Semaphore(4)


def process_tree_cpu(root_pid):
    """CPU seconds (user + system) used so far by a process and its children, from /proc: the
    children still running, plus those already reaped (counted in the parent's cutime and cstime,
    so a worker gunicorn restarts after max_requests is not lost)."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = text[text.rindex(")") + 2 :].split()
        stats[int(entry)] = (int(fields[1]), [int(v) for v in fields[11:15]])  # ppid, utime stime cutime cstime
    if root_pid not in stats:
        return 0.0
    ticks = sum(stats[root_pid][1])  # its own time and its reaped children's
    ticks += sum(sum(times[:2]) for pid, (ppid, times) in stats.items() if ppid == root_pid)
    return ticks / CLOCK_TICKS


def machine_cpu():
    """(busy, total) CPU seconds of the whole machine so far, all cores (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle and iowait
    total = sum(values[:8])  # guest time is already counted in user
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def cpu_sample(server_pid):
    busy, total = machine_cpu()
    own = os.times()
    return {"server": process_tree_cpu(server_pid), "busy": busy, "total": total, "generator": own.user + own.system}


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def django_setup(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_data(users):
    """Demo plan plus load-test accounts: a fifth owners (each holding a role with actions), the rest board."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db.models import Count, Q

    from plans.models import Action, ActionStatus, Owner, Plan

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    plan = Plan.objects.order_by("pk").first()
    if ARGS.actions:
        from plans.benchmarks.reporting import _generate

        plan, _periods = _generate(ARGS.actions, 12)
    User = get_user_model()
    roles = list(
        Owner.objects.annotate(n=Count("actions", filter=~Q(actions__status=ActionStatus.WITHDRAWN)))
        .filter(n__gt=0)
        .order_by("-n", "pk")
    )
    owners_wanted = max(1, users // 5)
    accounts = []
    for n in range(users):
        kind = "owner" if n < owners_wanted else "board"
        user, _ = User.objects.get_or_create(
            username=f"load-{kind}-{n:03d}", defaults={"first_name": "Load", "last_name": f"User {n}"}
        )
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name="Owner" if kind == "owner" else "Board"))
        own_actions = []
        if kind == "owner":
            role = roles[n % len(roles)]
            role.holders.add(user)
            own_actions = list(
                Action.objects.filter(owners=role, theme__plan=plan)
                .exclude(status=ActionStatus.WITHDRAWN)
                .values_list("pk", flat=True)
            )
        else:
            plan.board_members.add(user)
        accounts.append({"username": user.username, "kind": kind, "own_actions": own_actions})
    data = {
        "plan": plan.pk,
        "actions": list(Action.objects.filter(theme__plan=plan).values_list("pk", flat=True)),
        "closed_periods": [p.slug for p in plan.periods.filter(closed=True)],
    }
    data["action_count"] = len(data["actions"])
    return data, accounts


class Browser:
    """One user's connection: keeps cookies, reads the CSRF token, follows nothing automatically."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.connection = None

    def request(self, method, path, form=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "Host": f"{HOST}:{self.port}",
            "Referer": f"https://{HOST}:{self.port}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once (not counted as an error).
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
            except Exception:
                # A timeout leaves the connection mid-request: start the next request on a new one
                # (otherwise every later request fails with CannotSendRequest). The error is counted.
                self.connection.close()
                self.connection = None
                raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content.decode("utf-8", "replace")

    def csrf_token(self, html):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else ""

    def sign_in(self, username):
        status, html = self.request("GET", "/login/")
        status, _ = self.request(
            "POST",
            "/login/",
            {"csrfmiddlewaretoken": self.csrf_token(html), "username": username, "password": PASSWORD},
        )
        return status == 302


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.by_page = {}
        self.statuses = Counter()
        self.errors = Counter()
        self.posted = []
        self.sign_ins = []

    def record(self, label, started, status, expected):
        elapsed = (time.monotonic() - started) * 1000
        with self.lock:
            self.latencies.append(elapsed)
            self.by_page.setdefault(label, []).append(elapsed)
            self.statuses[status] += 1
            if status != expected:
                self.errors[f"{label}: HTTP {status}"] += 1


class Clock:
    """Everyone signs in first (password hashing is deliberately slow); the measured window starts
    when the last sign-in is done, so it measures pages and updates, not a crowd of sign-ins."""

    def __init__(self, users, seconds):
        self.remaining = users
        self.seconds = seconds
        self.lock = threading.Lock()
        self.started = threading.Event()
        self.start = self.deadline = None

    def signed_in(self):
        with self.lock:
            self.remaining -= 1
            if self.remaining == 0:
                self.start = time.monotonic()
                self.deadline = self.start + self.seconds
                self.started.set()


def simulate(account, data, port, clock, stats, seed):
    rnd = random.Random(seed)  # noqa: S311 - repeatable load
    browser = Browser(port)
    try:
        with SIGN_IN_SLOTS:  # a few at a time: password hashing is slow on purpose, and not what is measured
            started = time.monotonic()
            ok = browser.sign_in(account["username"])
        with stats.lock:
            stats.sign_ins.append((time.monotonic() - started) * 1000)
            if not ok:
                stats.errors[f"sign-in failed: {account['kind']}"] += 1
    except Exception as error:  # noqa: BLE001 - counted, reported
        ok = False
        with stats.lock:
            stats.errors[f"sign-in: {type(error).__name__}"] += 1
    clock.signed_in()
    if not ok or not clock.started.wait(timeout=300):
        return
    time.sleep(rnd.uniform(0, 2 * ARGS.think))  # users do not all click at the same instant
    deadline = clock.deadline
    count = 0
    while time.monotonic() < deadline and count < MAX_REQUESTS_PER_USER:
        count += 1
        try:
            if account["kind"] == "owner" and count % POST_EVERY == 0 and account["own_actions"]:
                action = rnd.choice(account["own_actions"])
                started = time.monotonic()
                status, html = browser.request("GET", f"/actions/{action}/update/")
                stats.record("update form", started, status, 200)
                note = f"Load test update {account['username']} #{count}: progress as planned."
                started = time.monotonic()
                status, _ = browser.request(
                    "POST",
                    f"/actions/{action}/update/",
                    {
                        "csrfmiddlewaretoken": browser.csrf_token(html),
                        "progress_rag": rnd.choice("GAR"),
                        "impact_rag": "",
                        "note": note,
                        "evidence_links": "",
                    },
                )
                stats.record("post update", started, status, 302)
                if status == 302:
                    with stats.lock:
                        stats.posted.append(note)
            else:
                path = rnd.choice(READS[account["kind"]])(data, rnd)
                started = time.monotonic()
                status, _ = browser.request("GET", path)
                stats.record(
                    re.sub(r"period=\d{4}-\d{2}", "period=<closed>", re.sub(r"/\d+/", "/<id>/", path)),
                    started,
                    status,
                    200,
                )
        except Exception as error:  # noqa: BLE001 - counted, reported
            with stats.lock:
                stats.errors[f"{type(error).__name__}"] += 1
        time.sleep(rnd.uniform(0, 2 * ARGS.think))


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("load_test: DATABASE_URL must point at a PostgreSQL database (run it through scripts/with-postgres).")
    static_root = tempfile.mkdtemp(prefix="load-static-")
    env = {
        "DJANGO_SETTINGS_MODULE": "improvement.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "load-test-only-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }
    django_setup(env)
    print(f"Preparing: migrate, demo plan, {ARGS.users} accounts …", flush=True)
    data, accounts = prepare_data(ARGS.users)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )

    port = free_port()
    gunicorn_env = {
        **os.environ,
        **env,
        "WEB_CONCURRENCY": str(ARGS.workers),
        "GUNICORN_THREADS": str(ARGS.threads),
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    server = subprocess.Popen(  # noqa: S603 - our own server command, no user input
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "improvement/gunicorn.conf.py",
            "--bind",
            f"{HOST}:{port}",
            "improvement.wsgi",
        ],
        cwd=ROOT,
        env=gunicorn_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        if not wait_for(port):
            sys.exit(
                "load_test: gunicorn did not answer /healthz:\n"
                + (server.stderr.read() if server.poll() is not None else "")
            )
        print(
            f"gunicorn on {HOST}:{port}: {ARGS.workers} workers × {ARGS.threads} threads. "
            f"{ARGS.users} users for {ARGS.seconds} s (think time ~{ARGS.think} s) …",
            flush=True,
        )
        stats = Stats()
        clock = Clock(len(accounts), ARGS.seconds)
        threads = [
            threading.Thread(target=simulate, args=(account, data, port, clock, stats, n), daemon=True)
            for n, account in enumerate(accounts)
        ]
        for thread in threads:
            thread.start()
        if not clock.started.wait(timeout=300):
            sys.exit("load_test: the users could not all sign in within 5 minutes")
        cpu_before, load_before = cpu_sample(server.pid), os.getloadavg()
        print(
            f"All signed in (p95 {percentile(stats.sign_ins, 95):.0f} ms); measuring for {ARGS.seconds} s …", flush=True
        )
        for thread in threads:
            thread.join(timeout=max(1, clock.deadline - time.monotonic()) + 45)
        elapsed = time.monotonic() - clock.start
        cpu_after, load_after = cpu_sample(server.pid), os.getloadavg()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(static_root, ignore_errors=True)

    from plans.models import ProgressUpdate

    stored = set(ProgressUpdate.objects.filter(note__in=stats.posted).values_list("note", flat=True))
    lost = [note for note in stats.posted if note not in stored]
    requests = len(stats.latencies)
    errors = sum(stats.errors.values())
    cpu = {key: cpu_after[key] - cpu_before[key] for key in cpu_before}
    cores = os.cpu_count() or 1
    other = max(0.0, cpu["busy"] - cpu["server"] - cpu["generator"])
    summary = {
        "users": ARGS.users,
        "seconds": round(elapsed, 1),
        "requests": requests,
        "requests_per_second": round(requests / elapsed, 1) if elapsed else 0,
        "p50_ms": round(percentile(stats.latencies, 50), 1),
        "p95_ms": round(percentile(stats.latencies, 95), 1),
        "p99_ms": round(percentile(stats.latencies, 99), 1),
        "max_ms": round(max(stats.latencies, default=0), 1),
        "p95_ms_by_page": {page: round(percentile(values, 95), 1) for page, values in sorted(stats.by_page.items())},
        "sign_in_p95_ms": round(percentile(stats.sign_ins, 95), 1),
        "errors": errors,
        "error_kinds": dict(stats.errors),
        "statuses": dict(stats.statuses),
        "updates_posted": len(stats.posted),
        "updates_lost": len(lost),
        "gunicorn_workers": ARGS.workers,
        "gunicorn_threads": ARGS.threads,
        "think_seconds": ARGS.think,
        "plan_actions": data["action_count"],
        # The app's own cost: gunicorn's CPU time over the measured window, per request served.
        "server_cpu_seconds": round(cpu["server"], 1),
        "server_cpu_ms_per_request": round(cpu["server"] * 1000 / requests, 1) if requests else 0,
        # How busy the machine was meanwhile (all cores), and how much of that was neither the app
        # nor this script (PostgreSQL, and anything else running).
        "cpu_cores": cores,
        "machine_cpu_busy_percent": round(100 * cpu["busy"] / cpu["total"], 1) if cpu["total"] else 0,
        "load_generator_cpu_seconds": round(cpu["generator"], 1),
        "other_processes_cpu_seconds": round(other, 1),
        "load_average_1min_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    print(json.dumps(summary, indent=2))
    ok = errors == 0 and not lost and summary["p95_ms"] < ARGS.p95_ms and requests > 0
    print(
        ("PASS" if ok else "FAIL")
        + f": errors {errors} (target 0), updates lost {len(lost)} of {len(stats.posted)} (target 0), "
        f"p95 {summary['p95_ms']} ms (target < {ARGS.p95_ms:g} ms), {summary['requests_per_second']} requests/s"
    )
    print(
        f"Server CPU {summary['server_cpu_ms_per_request']} ms a request (median latency {summary['p50_ms']} ms); "
        f"machine {summary['machine_cpu_busy_percent']}% busy on {cores} cores, {summary['other_processes_cpu_seconds']} s of "
        f"it by other processes (database included); load average {load_before[0]:.2f} before, {load_after[0]:.2f} after. "
        + (
            "No request was served."
            if not requests
            else "Latency well above the CPU per request: time spent waiting for a busy machine or the database, not computing."
            if summary["p50_ms"] > 2 * summary["server_cpu_ms_per_request"]
            else "Latency close to the CPU per request: the app's own work is the cost."
        )
    )
    return 0 if ok else 1


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--users", type=int, default=50, choices=range(1, 201), metavar="1-200")
parser.add_argument("--seconds", type=int, default=60, choices=range(5, 601), metavar="5-600")
parser.add_argument(
    "--think",
    type=float,
    default=3.0,
    help="mean pause between a user's requests, in seconds (people read a page before clicking on)",
)
parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
parser.add_argument("--threads", type=int, default=int(os.environ.get("GUNICORN_THREADS", "4")))
parser.add_argument("--p95-ms", type=float, default=500.0)
parser.add_argument(
    "--actions",
    type=int,
    default=0,
    choices=range(0, 5001),
    metavar="0-5000",
    help="run against a generated plan of this many actions (12 months of updates) instead of the demo plan",
)
ARGS = parser.parse_args()

if __name__ == "__main__":
    sys.exit(main())
