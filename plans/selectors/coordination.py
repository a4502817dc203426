"""Composed reads for the coordinators' pages: measures, source coverage, owner roles.

Kept apart from selectors.py so parallel work on other pages merges cleanly.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Subquery

from plans.models import (
    Action,
    Measure,
    MeasureMilestone,
    MeasureReading,
    Owner,
    ProgressUpdate,
    Source,
    SourceReference,
)
from plans.models.sources import paragraph_sort_key

# Measures ------------------------------------------------------------------------------------


def plan_measures(*, plan):
    return (
        Measure.objects.filter(plan=plan)
        .annotate(n_readings=Count("readings", distinct=True), n_actions=Count("actions", distinct=True))
        .order_by("name")
    )


@dataclass
class ReadingRow:
    period: object
    reading: object
    milestone: object
    met: bool | None


@dataclass
class MeasurePage:
    measure: object
    rows: list
    milestones: list
    actions: list
    target_met: bool | None


def milestone_due_by(milestones, date):
    """The latest milestone due on or before `date` (milestones in date order), or None."""
    due = None
    for milestone in milestones:
        if milestone.due_date <= date:
            due = milestone
    return due


def measure_page(*, pk):
    """The measure, one row per reporting period of its plan with the reading and the milestone
    due by the period's end, whether the reading meets it; a fixed number of queries."""
    measure = (
        Measure.objects.select_related("plan")
        .prefetch_related(
            Prefetch("milestones", queryset=MeasureMilestone.objects.order_by("due_date")),
            Prefetch("actions", queryset=Action.objects.with_current_rag().select_related("theme").in_plan_order()),
            Prefetch("plan__periods"),
            Prefetch("readings", queryset=MeasureReading.objects.select_related("recorded_by")),
        )
        .get(pk=pk)
    )
    milestones = list(measure.milestones.all())
    readings = {r.period_id: r for r in measure.readings.all()}
    rows = []
    for period in sorted(measure.plan.periods.all(), key=lambda p: p.month):
        reading = readings.get(period.pk)
        milestone = milestone_due_by(milestones, period.end)
        met = measure.is_met(reading.value, milestone.value) if reading and milestone else None
        rows.append(ReadingRow(period=period, reading=reading, milestone=milestone, met=met))
    latest = next((row.reading for row in reversed(rows) if row.reading), None)
    return MeasurePage(
        measure=measure,
        rows=rows,
        milestones=milestones,
        actions=list(measure.actions.all()),
        target_met=measure.is_met(latest.value, measure.target) if latest else None,
    )


# Sources and coverage ------------------------------------------------------------------------


@dataclass
class ParagraphRow:
    number: str
    text: str
    listed: bool
    actions: list = field(default_factory=list)

    @property
    def answered(self):
        return bool(self.actions)


@dataclass
class Coverage:
    source: object
    plans: list
    rows: list
    answered: int
    total: int
    percent: int
    unlisted_only: bool  # no paragraph list entered: only cited paragraphs can be counted
    general_actions: list  # actions citing the source with no paragraph


def coverage_percent(answered, total):
    """Whole percentage of paragraphs answered, rounded half up; 0 when there are none."""
    return (answered * 100 * 2 + total) // (total * 2) if total else 0


def source_coverage(*, source, plans):
    """Each paragraph of the source (listed, or cited by an action of `plans`) with the actions
    answering it and their current RAG; paragraphs with no action are unanswered."""
    references = (
        SourceReference.objects.filter(source=source, action__theme__plan__in=plans)
        .select_related("action__theme__plan")
        .annotate(
            current_progress_rag=Subquery(
                ProgressUpdate.objects.filter(action=OuterRef("action_id"))
                .order_by("-created_at", "-pk")
                .values("progress_rag")[:1]
            )
        )
        .order_by("action__theme__position", "action__position", "action__pk")
    )
    rows = {p.number: ParagraphRow(number=p.number, text=p.text, listed=True) for p in source.paragraphs.all()}
    general = []
    for reference in references:
        action = reference.action
        action.current_progress_rag = reference.current_progress_rag
        if not reference.paragraph:
            general.append(action)
            continue
        row = rows.setdefault(reference.paragraph, ParagraphRow(number=reference.paragraph, text="", listed=False))
        if action not in row.actions:
            row.actions.append(action)
    ordered = sorted(rows.values(), key=lambda r: paragraph_sort_key(r.number))
    answered = sum(1 for r in ordered if r.answered)
    return Coverage(
        source=source,
        plans=list(plans),
        rows=ordered,
        answered=answered,
        total=len(ordered),
        percent=coverage_percent(answered, len(ordered)),
        unlisted_only=not any(r.listed for r in ordered),
        general_actions=general,
    )


def source_list():
    return Source.objects.annotate(
        n_paragraphs=Count("paragraphs", distinct=True),
        n_references=Count("references", distinct=True),
    ).order_by("code")


# Owners --------------------------------------------------------------------------------------


def owner_list():
    return (
        Owner.objects.prefetch_related("holders")
        .annotate(n_actions=Count("actions", distinct=True))
        .order_by("title", "agency")
    )
