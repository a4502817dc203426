"""The vocabulary of reads for audits: submitted judgements, cases an agency may judge,
and "% good or better" per month for graded audits."""

from django.db import models
from django.db.models import Count, Q


class AuditCaseQuerySet(models.QuerySet):
    def involving(self, agency):
        """Cases the agency was involved in: the only cases it judges."""
        return self.filter(agencies=agency)


class JudgementQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status="submitted")

    def for_programme(self, programme):
        return self.filter(case__programme=programme)

    def result_counts(self):
        """Annotate counts of met, not met and not applicable (use after .values(...))."""
        return self.annotate(
            met=Count("pk", filter=Q(result="met")),
            not_met=Count("pk", filter=Q(result="not_met")),
            not_applicable=Count("pk", filter=Q(result="not_applicable")),
        )


class GradedAuditItemQuerySet(models.QuerySet):
    def for_area(self, area):
        return self.filter(area=area)

    def monthly_grades(self):
        """One row per month: total items and items graded good or better (Outstanding or Good)."""
        return (
            self.values("month")
            .annotate(
                total=Count("pk"),
                good_or_better=Count("pk", filter=Q(grade__in=["outstanding", "good"])),
                requires_improvement=Count("pk", filter=Q(grade="requires_improvement")),
                inadequate=Count("pk", filter=Q(grade="inadequate")),
            )
            .order_by("month")
        )
