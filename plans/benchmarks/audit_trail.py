"""Benchmark: the audit log page and an action's history with a long history behind them.

Builds a plan whose actions have been edited many times (inside a transaction rolled back at the
end: nothing is left behind), then times one page of the audit log and an action's history.
Target: each under 250 ms, whatever the length of the history.
"""

import time

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from improvement import audit
from plans.models import Action, Owner, Plan, Theme
from plans.views.history import AUDIT_LOG_PAGE_SIZE

TARGET_MS = 250


class _Rollback(Exception):
    pass


def _timed(callable_, repeat=3):
    best = None
    for _ in range(repeat):
        connection.queries_log.clear()  # the building above filled the query log
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            callable_()
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best, len(queries)


def run(*, out, options):
    actions_count, edits = (20, 5) if options.get("quick") else (200, 25)
    try:
        with transaction.atomic():
            user = get_user_model().objects.create(username="benchmark-audit-user")
            plan = Plan.objects.create(title="Benchmark plan")
            theme = Theme.objects.create(plan=plan, number="1", title="Benchmark theme")
            roles = [Owner.objects.create(title=f"Benchmark role {n}") for n in range(10)]
            actions = []
            for n in range(actions_count):
                action = Action(theme=theme, ref=f"1.{n}", action_text=f"Benchmark action {n}")
                action._history_user = user
                action.save()
                actions.append(action)
            for round_ in range(edits):
                for action in actions:
                    action.action_text = f"Benchmark action {action.ref}, revision {round_}"
                    action._history_user = user
                    action.save()
                    if round_ % 5 == 0:
                        action.owners.add(roles[round_ % 10])
            total = sum(model.history.count() for _label, model in audit.audited_models().values())

            def log_page():
                page = Paginator(audit.audit_log_rows(audit.AuditFilter()), AUDIT_LOG_PAGE_SIZE).get_page(2)
                audit.audit_log_entries(list(page.object_list))

            def one_history():
                audit.object_history(actions[0])

            for label, callable_ in (("audit log, page 2", log_page), ("one action's history", one_history)):
                ms, queries = _timed(callable_)
                verdict = "ok" if ms < TARGET_MS else "SLOW"
                out.write(
                    f"{label}: {ms:.0f} ms, {queries} queries, over {total} history records "
                    f"(target < {TARGET_MS} ms) {verdict}"
                )
            raise _Rollback
    except _Rollback:
        pass
