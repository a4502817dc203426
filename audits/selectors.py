"""Composed reads for the audit pages. Findings are a handful of aggregate queries.

How a case counts (docs/decisions/0005-audit-findings.md): only submitted judgements count.
For a standard, a case is *applicable* when at least one agency judged it met or not met;
it is *met* when it is applicable and no agency judged it not met; it is *not applicable*
when it was judged and every agency said not applicable. A KLOE adds up its standards'
figures (case results: one per case per standard). By agency, each agency's own judgements.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q

from audits.models import (
    Agency,
    AuditCase,
    AuditProgramme,
    GradedAuditItem,
    Judgement,
    JudgementResult,
    KeyLineOfEnquiry,
    LearningEvent,
    LearningEventAttendance,
    Lesson,
    Standard,
)


def percentage(numerator, denominator):
    """Whole-number percentage rounded half up (2 of 3 = 67, 1 of 8 = 13); None when nothing to divide."""
    if not denominator:
        return None
    return int((Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@dataclass
class Figure:
    met: int
    not_met: int
    not_applicable: int
    unit: str = "cases"

    @property
    def applicable(self):
        return self.met + self.not_met

    @property
    def percent(self):
        return percentage(self.met, self.applicable)

    @property
    def text(self):
        if not self.applicable:
            return f"no applicable {self.unit}"
        return f"{self.met} of {self.applicable} {self.unit} ({self.percent}%)"

    @property
    def band(self):
        """For colour (always shown with the text): good 80%+, mixed 50-79%, poor below."""
        if self.percent is None:
            return "none"
        return "good" if self.percent >= 80 else "mixed" if self.percent >= 50 else "poor"


@dataclass
class StandardFinding:
    standard: Standard
    figure: Figure


@dataclass
class KloeFinding:
    kloe: KeyLineOfEnquiry
    figure: Figure
    standards: list


@dataclass
class AgencyFinding:
    agency: Agency
    figure: Figure  # this agency's own judgements, all standards
    cells: list = field(default_factory=list)  # one Figure per standard, in standard order


@dataclass
class Findings:
    programme: AuditProgramme
    case_count: int
    kloes: list
    standards_least_met_first: list
    agencies: list
    standards: list
    matrix: list  # (standard, [Figure per agency, in agency order])


def _case_figure(row):
    """Turn distinct-case counts (judged, applicable, with a not met) into a Figure."""
    met = row["applicable_cases"] - row["not_met_cases"]
    return Figure(met=met, not_met=row["not_met_cases"], not_applicable=row["judged_cases"] - row["applicable_cases"])


def _sum(items, *, unit):
    """Add up figures already counted by the database (a KLOE is the sum of its standards)."""
    figures = [getattr(item, "figure", item) for item in items]
    return Figure(
        met=sum(f.met for f in figures),
        not_met=sum(f.not_met for f in figures),
        not_applicable=sum(f.not_applicable for f in figures),
        unit=unit,
    )


def _case_counts(prefix):
    submitted = Q(**{f"{prefix}status": "submitted"})
    applicable = submitted & Q(**{f"{prefix}result__in": [JudgementResult.MET, JudgementResult.NOT_MET]})
    return {
        "judged_cases": Count(f"{prefix}case", filter=submitted, distinct=True),
        "applicable_cases": Count(f"{prefix}case", filter=applicable, distinct=True),
        "not_met_cases": Count(
            f"{prefix}case", filter=submitted & Q(**{f"{prefix}result": JudgementResult.NOT_MET}), distinct=True
        ),
    }


def findings(*, programme):
    """Per standard, per KLOE, per agency and the standards × agencies matrix: four aggregate queries."""
    standards = list(
        Standard.objects.filter(kloe__programme=programme)
        .select_related("kloe")
        .annotate(**_case_counts("judgements__"))
        .order_by("kloe__number", "number")
    )
    kloe_rows = KeyLineOfEnquiry.objects.filter(programme=programme).order_by("number")
    standard_findings = [StandardFinding(standard=s, figure=_case_figure(s.__dict__)) for s in standards]
    by_kloe = {}
    for finding in standard_findings:
        by_kloe.setdefault(finding.standard.kloe_id, []).append(finding)
    kloes = [
        KloeFinding(kloe=k, figure=_sum(by_kloe.get(k.pk, []), unit="case results"), standards=by_kloe.get(k.pk, []))
        for k in kloe_rows
    ]

    matrix_rows = (
        Judgement.objects.submitted()
        .for_programme(programme)
        .values("agency_id", "standard_id")
        .result_counts()
        .order_by()
    )
    matrix = {(r["agency_id"], r["standard_id"]): r for r in matrix_rows}
    agencies = []
    for agency in Agency.objects.filter(cases__programme=programme).distinct().order_by("name"):
        cells = []
        for s in standards:
            r = matrix.get((agency.pk, s.pk), {"met": 0, "not_met": 0, "not_applicable": 0})
            cells.append(Figure(met=r["met"], not_met=r["not_met"], not_applicable=r["not_applicable"]))
        total = _sum(cells, unit="judgements")
        agencies.append(AgencyFinding(agency=agency, figure=total, cells=cells))

    def least_met_key(finding):
        percent = finding.figure.percent
        return (
            percent is None,
            percent if percent is not None else 0,
            finding.standard.kloe.number,
            finding.standard.number,
        )

    return Findings(
        programme=programme,
        case_count=AuditCase.objects.filter(programme=programme).count(),
        kloes=kloes,
        standards_least_met_first=sorted(standard_findings, key=least_met_key),
        agencies=agencies,
        standards=[f.standard for f in standard_findings],
        matrix=[(s, [a.cells[i] for a in agencies]) for i, s in enumerate(standards)],
    )


def programme_list():
    return AuditProgramme.objects.annotate(case_total=Count("cases", distinct=True)).order_by("-period_start")


def programme_detail(*, pk):
    return AuditProgramme.objects.prefetch_related(
        "priorities",
        Prefetch("kloes", queryset=KeyLineOfEnquiry.objects.prefetch_related("standards")),
        Prefetch(
            "cases",
            queryset=AuditCase.objects.select_related("priority")
            .prefetch_related("agencies")
            .annotate(submitted_total=Count("judgements", filter=Q(judgements__status="submitted"))),
        ),
        Prefetch("lessons", queryset=Lesson.objects.order_by("number")),
        Prefetch(
            "learning_events",
            queryset=LearningEvent.objects.prefetch_related(
                Prefetch("attendance", queryset=LearningEventAttendance.objects.select_related("agency"))
            ),
        ),
    ).get(pk=pk)


def case_detail(*, pk):
    return AuditCase.objects.select_related("programme", "priority").prefetch_related("agencies").get(pk=pk)


@dataclass
class JudgementRow:
    standard: Standard
    judgement: Judgement | None
    revisions: list


def judgement_sheet(*, case, agency):
    """Every standard of the case's programme, grouped by KLOE, with this agency's judgement and history."""
    kloes = list(KeyLineOfEnquiry.objects.filter(programme_id=case.programme_id).prefetch_related("standards"))
    judgements = {
        j.standard_id: j
        for j in Judgement.objects.filter(case=case, agency=agency)
        .select_related("updated_by")
        .prefetch_related("revisions__submitted_by")
    }
    groups = []
    for kloe in kloes:
        rows = []
        for standard in kloe.standards.all():
            judgement = judgements.get(standard.pk)
            rows.append(
                JudgementRow(
                    standard=standard,
                    judgement=judgement,
                    revisions=list(judgement.revisions.all()) if judgement else [],
                )
            )
        groups.append((kloe, rows))
    return groups


def lesson_detail(*, pk):
    from plans.models import Action

    return (
        Lesson.objects.select_related("programme", "kloe")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.with_current_rag()
                .select_related("theme__plan")
                .prefetch_related("owners")
                .order_by("theme__plan__title", "position", "pk"),
            )
        )
        .get(pk=pk)
    )


@dataclass
class GradedMonth:
    month: object
    total: int
    good_or_better: int
    requires_improvement: int
    inadequate: int

    @property
    def percent(self):
        return percentage(self.good_or_better, self.total)


def graded_trend(*, area):
    """Per month: how many items were graded and the % good or better (one aggregate query)."""
    return [GradedMonth(**row) for row in GradedAuditItem.objects.for_area(area).monthly_grades()]


def graded_areas():
    return list(GradedAuditItem.objects.values_list("area", flat=True).distinct().order_by("area"))


def case_agency_statuses(*, case):
    """Per involved agency: how many standards it has judged, submitted and left as draft (one query)."""
    rows = (
        Judgement.objects.filter(case=case)
        .values("agency_id")
        .annotate(
            judged=Count("pk", filter=~Q(result="")),
            submitted=Count("pk", filter=Q(status="submitted")),
            draft=Count("pk", filter=Q(status="draft")),
        )
        .order_by()
    )
    return {row["agency_id"]: row for row in rows}


def raise_action_choices(*, user):
    """Themes of the plans the user coordinates (all plans for Admins) and every owner role."""
    from plans import permissions as plan_permissions
    from plans.models import Owner, Theme

    themes = Theme.objects.select_related("plan").order_by("plan__title", "position", "pk")
    if not plan_permissions.is_admin(user):
        themes = themes.filter(plan__coordinators=user)
    return themes, Owner.objects.all()


def measure_choices(*, user):
    """Measures and reporting periods of the plans the user coordinates (all for Admins): open
    periods first; a closed one can still get a reading it lacks, marked late."""
    from plans import permissions as plan_permissions
    from plans.models import Measure, ReportingPeriod

    measures = Measure.objects.select_related("plan").order_by("plan__title", "name")
    periods = ReportingPeriod.objects.select_related("plan").order_by("plan__title", "closed", "-month")
    if not plan_permissions.is_admin(user):
        measures = measures.filter(plan__coordinators=user)
        periods = periods.filter(plan__coordinators=user)
    return measures, periods
