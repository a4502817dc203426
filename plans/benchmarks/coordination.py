"""Coverage page, measure page and chart render times on generated data (rolled back afterwards)."""

import datetime
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

TARGET_MS = 300  # each page's reads and chart well under a third of a second


class _Rollback(Exception):
    pass


def _timed(label, fn, out, repeat=5):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        elapsed = (time.perf_counter() - start) * 1000
        best = elapsed if best is None else min(best, elapsed)
    status = "ok" if best <= TARGET_MS else "SLOW"
    out.write(f"{label}: {best:.1f} ms (target {TARGET_MS} ms) {status}")


def run(*, out, options):
    from plans.models import (
        Action,
        MeasureMilestone,
        MeasureReading,
        Owner,
        Plan,
        ProgressUpdate,
        ReportingPeriod,
        Source,
        SourceParagraph,
        SourceReference,
        Theme,
    )
    from plans.selectors.coordination import measure_page, source_coverage
    from plans.services.measure_charts import measure_chart_svg
    from plans.services.measures import measure_create

    n_actions = 60 if options.get("quick") else 400
    try:
        with transaction.atomic():
            user = get_user_model().objects.create(username="benchmark-coordination")
            plan = Plan.objects.create(title="Benchmark plan", start_date=datetime.date(2024, 1, 1))
            theme = Theme.objects.create(plan=plan, title="Theme")
            owner = Owner.objects.create(title="Benchmark owner")
            source = Source.objects.create(code="BENCH-JTAI")
            SourceParagraph.objects.bulk_create(
                SourceParagraph(source=source, number=f"{i // 10 + 1}.{i % 10 + 1}") for i in range(n_actions // 2)
            )
            actions = Action.objects.bulk_create(
                Action(theme=theme, position=i, ref=f"1.{i}", action_text=f"Action {i}") for i in range(n_actions)
            )
            Action.owners.through.objects.bulk_create(Action.owners.through(action=a, owner=owner) for a in actions)
            SourceReference.objects.bulk_create(
                SourceReference(action=a, source=source, paragraph=f"{i // 10 + 1}.{i % 10 + 1}")
                for i, a in enumerate(actions[: n_actions // 3])
            )
            now = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
            ProgressUpdate.objects.bulk_create(
                ProgressUpdate(action=a, author=user, progress_rag="G", note="n", created_at=now) for a in actions
            )
            periods = ReportingPeriod.objects.bulk_create(
                ReportingPeriod(plan=plan, month=datetime.date(2024 + i // 12, i % 12 + 1, 1)) for i in range(36)
            )
            measure = measure_create(plan=plan, name="Benchmark measure", target=Decimal(90), actions=actions[:20])
            MeasureReading.objects.bulk_create(
                MeasureReading(measure=measure, period=p, value=Decimal(50 + i)) for i, p in enumerate(periods)
            )
            MeasureMilestone.objects.bulk_create(
                MeasureMilestone(measure=measure, due_date=p.end, value=Decimal(45 + i))
                for i, p in enumerate(periods[::3])
            )

            out.write(f"{n_actions} actions, {n_actions // 2} paragraphs, 36 readings")
            _timed("source coverage", lambda: source_coverage(source=source, plans=[plan]), out)

            def measure_and_chart():
                page = measure_page(pk=measure.pk)
                measure_chart_svg(
                    measure=page.measure,
                    readings=[(r.period.month, r.reading.value) for r in page.rows if r.reading],
                    milestones=[(m.due_date, m.value) for m in page.milestones],
                )

            _timed("measure page with chart", measure_and_chart, out)
            raise _Rollback
    except _Rollback:
        pass
