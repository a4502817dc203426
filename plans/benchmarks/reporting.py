"""Board reporting at size: the dashboard on a generated plan, beside its baseline (the board pack is
timed in plans/benchmarks/pack.py).

The plan (1,000 actions × 36 monthly updates; --quick: 200 × 12) is written with bulk_create inside a
transaction on the default database that is rolled back at the end, so nothing is left behind and no
second database or migration run is needed. The first 35 periods are closed (snapshots written by
period_snapshots_backfill, as period_close does), the last is open: the usual shape of a plan 3 years in.

Baseline, measured in the same run: the bare aggregate query of the period's RAG summary. Targets:
dashboard < 10 × bare and < 300 ms.
"""
import datetime
import statistics
import time

from django.core.signals import request_started
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from plans.rag import Rag

TARGET_DASHBOARD_MS = 300
TARGET_DASHBOARD_RATIO = 10


class _Rollback(Exception):
    pass


def _timed(function, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def _generate(n_actions, n_periods):
    from django.contrib.auth import get_user_model

    from plans.models import Action, Owner, Plan, ProgressUpdate, ReportingPeriod, Theme
    from plans.services.periods import period_snapshots_backfill

    user = get_user_model().objects.create(username=f"benchmark-{time.time_ns()}")
    plan = Plan.objects.create(title="Benchmark plan", organisation="Benchmark Council")
    themes = Theme.objects.bulk_create(
        [Theme(plan=plan, number=str(i + 1), title=f"Theme {i + 1}", position=i) for i in range(8)]
    )
    owners = Owner.objects.bulk_create([Owner(title=f"Benchmark owner {time.time_ns()} {i}") for i in range(40)])
    start = datetime.date(2023, 1, 1)
    months = []
    for i in range(n_periods):
        year, month = divmod(start.month - 1 + i, 12)
        months.append(datetime.date(start.year + year, month + 1, 1))
    periods = ReportingPeriod.objects.bulk_create([
        ReportingPeriod(plan=plan, month=m, closed=i < n_periods - 1) for i, m in enumerate(months)
    ])
    periods = list(ReportingPeriod.objects.filter(plan=plan).order_by("month"))
    actions = Action.objects.bulk_create([
        Action(
            theme=themes[i % len(themes)], ref=f"{i % 8 + 1}.{i}", position=i,
            action_text=f"Benchmark action {i}: review the threshold document with partners and audit its use.",
            due_date=months[min(i % n_periods, n_periods - 1)],
        )
        for i in range(n_actions)
    ])
    through = Action.owners.through
    through.objects.bulk_create(
        [through(action_id=a.pk, owner_id=owners[i % len(owners)].pk) for i, a in enumerate(actions)]
        + [through(action_id=a.pk, owner_id=owners[(i * 7 + 3) % len(owners)].pk) for i, a in enumerate(actions) if i % 3 == 0]
    )
    rags = [Rag.GREY, Rag.GREEN, Rag.AMBER, Rag.GREEN, Rag.RED, Rag.GREEN, Rag.BLUE]
    updates = []
    for i, action in enumerate(actions):
        for j, period in enumerate(periods):
            updates.append(ProgressUpdate(
                action_id=action.pk, period_id=period.pk, author=user, progress_rag=rags[(i + j // 4) % len(rags)],  # a change every 4 months
                impact_rag=rags[(i * 3 + j) % len(rags)], note=f"Update {j} on action {i}: progress as reported.",
                created_at=datetime.datetime(period.month.year, period.month.month, 12, tzinfo=datetime.UTC),
            ))
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    period_snapshots_backfill(plan=plan)
    return plan, periods


def _bare_rag_counts(plan, period):
    """The baseline: the period's progress and impact RAG counts as one aggregate query, nothing else."""
    from django.db.models import Count, OuterRef, Q, Subquery

    from plans.models import Action, ActionSnapshot, ProgressUpdate
    from plans.rag import RAG_ORDER

    if period.closed:
        rows = ActionSnapshot.objects.filter(period=period).annotate(p=F("progress_rag"), i=F("impact_rag"))
    else:
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk"), period__month__lte=period.month).order_by(
            "-created_at", "-pk"
        )
        rows = Action.objects.for_plan(plan).annotate(
            p=Subquery(latest.values("progress_rag")[:1]), i=Subquery(latest.values("impact_rag")[:1])
        )
    counts = {f"{field}_{rag.value}": Count("pk", filter=Q(**{field: rag.value})) for field in "pi" for rag in RAG_ORDER}
    return rows.aggregate(total=Count("pk"), **counts)


def run(*, out, options):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from plans.selectors.reporting import board_dashboard, plan_periods

    quick = options.get("quick")
    n_actions, n_periods = (200, 12) if quick else (1000, 36)
    repeat = 3 if quick else 5
    try:
        with transaction.atomic():
            started = time.perf_counter()
            plan, periods = _generate(n_actions, n_periods)
            out.write(f"Generated {n_actions} actions × {n_periods} monthly updates ({n_periods - 1} periods closed) "
                      f"in {time.perf_counter() - started:.1f} s (rolled back afterwards).")
            periods = plan_periods(plan=plan)
            client = Client(HTTP_HOST="localhost")
            client.force_login(get_user_model().objects.filter(is_superuser=True).first()
                               or get_user_model().objects.create_superuser(f"benchmark-admin-{time.time_ns()}"))
            for label, period in (("open period", periods[-1]), ("closed period", periods[-2])):
                def bare():
                    return _bare_rag_counts(plan, period)

                url = reverse("plans:board_dashboard", args=[plan.pk]) + f"?period={period.slug}"

                def page():
                    response = client.get(url)
                    assert response.status_code == 200, response.status_code
                    return response

                bare_ms, _ = _timed(bare, repeat)
                figures_ms, _ = _timed(lambda: board_dashboard(plan=plan, period=period), repeat)
                page()  # the session and the caches are warm, as for a board member reading the page
                # The test client's request_started signal would empty the query log mid-capture.
                request_started.disconnect(reset_queries)
                reset_queries()  # a full log (9,000 entries under DEBUG) would hide the new ones
                try:
                    with CaptureQueriesContext(connection) as queries:
                        response = page()
                finally:
                    request_started.connect(reset_queries)
                dash_ms, _ = _timed(page, repeat)
                ratio = dash_ms / bare_ms if bare_ms else float("inf")
                ok = dash_ms < TARGET_DASHBOARD_MS and ratio < TARGET_DASHBOARD_RATIO
                out.write(
                    f"Dashboard page ({label}, {len(response.content) // 1024} KB): {dash_ms:.0f} ms in "
                    f"{len(queries.captured_queries)} queries (its figures alone {figures_ms:.0f} ms); "
                    f"bare aggregate query {bare_ms:.0f} ms; ratio {ratio:.1f}× "
                    f"(target < {TARGET_DASHBOARD_RATIO}× and < {TARGET_DASHBOARD_MS} ms): {'OK' if ok else 'MISSED'}"
                )

            raise _Rollback
    except _Rollback:
        pass
