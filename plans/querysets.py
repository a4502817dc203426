"""The vocabulary of reads over plans: current RAG, plan order, owners; RAG summaries.

An action's status in a period (overdue, no update this period...) is plans.selectors.status."""

from django.db import models
from django.db.models import Exists, OuterRef, Subquery

from plans.rag import RAG_ORDER


def _latest_update():
    from plans.models import ProgressUpdate

    return ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-created_at", "-pk")


class ActionQuerySet(models.QuerySet):
    def in_plan_order(self):
        return self.order_by("theme__position", "theme__pk", "position", "pk")

    def for_plan(self, plan):
        return self.filter(theme__plan=plan)

    def with_current_rag(self):
        """Annotate each action with the RAGs, note and time of its latest update."""
        if "current_progress_rag" in self.query.annotations:
            return self
        updates = _latest_update()
        return self.annotate(
            current_progress_rag=Subquery(updates.values("progress_rag")[:1]),
            current_impact_rag=Subquery(updates.values("impact_rag")[:1]),
            latest_note=Subquery(updates.values("note")[:1]),
            latest_update_at=Subquery(updates.values("created_at")[:1]),
        )

    def open(self):
        from plans.models import ActionStatus

        return self.filter(status=ActionStatus.OPEN)

    def published(self):
        """Actions of published plans: a draft's actions are in no one's My actions or reminders."""
        return self.exclude(theme__plan__status="draft")

    def owned_by_user(self, user):
        return self.filter(Exists(self.model.owners.through.objects.filter(action=OuterRef("pk"), owner__holders=user)))


class RagSummary(list):
    """[(rag or None, count, percent)] with percentages adding up to 100."""

    total = 0

    @classmethod
    def build(cls, rows, total):
        percents = largest_remainder_percentages([n for _, n in rows], total)
        summary = cls((rag, n, pct) for (rag, n), pct in zip(rows, percents))
        summary.total = total
        return summary

    @classmethod
    def from_counts(cls, counts):
        """From {Rag or None (no rating): number of actions}: the one way RAG mixes are counted."""
        rows = [(rag, counts.get(rag, 0)) for rag in [*RAG_ORDER, None]]
        return cls.build(rows, sum(n for _, n in rows))

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
