"""The vocabulary of reads over plans: current RAG, overdue, stale, summaries."""
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery

from plans.rag import RAG_ORDER, Rag

RAG_ANNOTATIONS = ("current_progress_rag", "current_impact_rag", "latest_note", "latest_update_at")


def _latest_update(filter_kwargs=None):
    from plans.models import ProgressUpdate

    updates = ProgressUpdate.objects.filter(action=OuterRef("pk"))
    if filter_kwargs:
        updates = updates.filter(**filter_kwargs)
    return updates.order_by("-created_at", "-pk")


class ActionQuerySet(models.QuerySet):
    def in_plan_order(self):
        return self.order_by("theme__position", "theme__pk", "position", "pk")

    def for_plan(self, plan):
        return self.filter(theme__plan=plan)

    def _annotate_latest(self, updates):
        return self.annotate(
            current_progress_rag=Subquery(updates.values("progress_rag")[:1]),
            current_impact_rag=Subquery(updates.values("impact_rag")[:1]),
            latest_note=Subquery(updates.values("note")[:1]),
            latest_update_at=Subquery(updates.values("created_at")[:1]),
        )

    def annotate_latest_period(self):
        return self.annotate(latest_update_period_id=Subquery(_latest_update().values("period_id")[:1]))

    def with_current_rag(self):
        """Annotate each action with the RAGs, note and time of its latest update."""
        if "current_progress_rag" in self.query.annotations:
            return self
        return self._annotate_latest(_latest_update())

    def with_rag_at(self, period):
        """Annotate with the status reported for `period`: the latest update for it or an earlier period."""
        return self._annotate_latest(_latest_update({"period__month__lte": period.month}))

    def open(self):
        from plans.models import ActionStatus

        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, today):
        """Due date passed and not Blue (completed), nor closed."""
        return (
            self.with_current_rag()
            .open()
            .filter(due_date__lt=today)
            .filter(Q(current_progress_rag__isnull=True) | ~Q(current_progress_rag=Rag.BLUE))
        )

    def with_update_in(self, period):
        from plans.models import ProgressUpdate

        return self.annotate(
            updated_in_period=Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period))
        )

    def stale(self, period):
        """Open, not completed, and no update recorded for `period` (every open action when there is none)."""
        from plans.models import ProgressUpdate

        qs = self.with_current_rag().open().filter(
            Q(current_progress_rag__isnull=True) | ~Q(current_progress_rag=Rag.BLUE)
        )
        if period is None:
            return qs
        return qs.exclude(Exists(ProgressUpdate.objects.filter(action=OuterRef("pk"), period=period)))

    def published(self):
        """Actions of published plans: a draft's actions are in no one's My actions or reminders."""
        return self.exclude(theme__plan__status="draft")

    def owned_by_user(self, user):
        return self.filter(Exists(
            self.model.owners.through.objects.filter(action=OuterRef("pk"), owner__holders=user)
        ))

    def rag_summary(self, field="current_progress_rag"):
        """Count and percentage of actions per RAG (and with no rating), in one query.

        Percentages are rounded so that they add up to exactly 100 (largest remainder).
        """
        qs = self if field in self.query.annotations else self.with_current_rag()
        aggregates = {rag.value: Count("pk", filter=Q(**{field: rag.value})) for rag in RAG_ORDER}
        aggregates["total"] = Count("pk")
        counts = qs.aggregate(**{f"n_{key}": value for key, value in aggregates.items()})
        total = counts["n_total"]
        rows = [(rag, counts[f"n_{rag.value}"]) for rag in RAG_ORDER]
        rows.append((None, total - sum(n for _, n in rows)))
        return RagSummary.build(rows, total)


class RagSummary(list):
    """[(rag or None, count, percent)] with percentages adding up to 100."""

    total = 0

    @classmethod
    def build(cls, rows, total):
        percents = largest_remainder_percentages([n for _, n in rows], total)
        summary = cls((rag, n, pct) for (rag, n), pct in zip(rows, percents))
        summary.total = total
        return summary

    def count(self, rag):
        for row_rag, n, _ in self:
            if row_rag == rag:
                return n
        return 0


def largest_remainder_percentages(counts, total):
    """Whole percentages of `total` for each count, adding up to exactly 100 (0s when total is 0)."""
    if not total:
        return [0 for _ in counts]
    exact = [n * 100 / total for n in counts]
    floors = [int(value) for value in exact]
    shortfall = 100 - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: (exact[i] - floors[i], counts[i]), reverse=True)
    for i in by_remainder[:shortfall]:
        floors[i] += 1
    return floors


class ReportingPeriodQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed=False)

    def current_for(self, plan, today):
        """The open period owners are reporting for: the latest open one that has begun, else the earliest open."""
        return pick_current_period(self.filter(plan=plan, closed=False).order_by("month"), today)


def pick_current_period(open_periods, today):
    """Of one plan's open periods in month order, the latest that has begun, else the earliest."""
    chosen = None
    for period in open_periods:
        if chosen is None or period.month <= today:
            chosen = period
    return chosen
