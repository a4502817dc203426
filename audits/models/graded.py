"""Graded audits (child journey audits, dip samples): one grade per audited item, no child identity."""

from django.db import models
from simple_history.models import HistoricalRecords

from audits.querysets import GradedAuditItemQuerySet
from plans.validators import validate_plan_date


class GradedAuditKind(models.TextChoices):
    CHILD_JOURNEY = "child_journey", "Child journey audit"
    DIP_SAMPLE = "dip_sample", "Dip sample"
    THEMATIC = "thematic", "Thematic audit"


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


GOOD_OR_BETTER = (Grade.OUTSTANDING, Grade.GOOD)


class GradedAuditItem(models.Model):
    kind = models.CharField(max_length=20, choices=GradedAuditKind.choices, default=GradedAuditKind.CHILD_JOURNEY)
    area = models.CharField(max_length=200, help_text='What was audited, for example "Assessments".')
    month = models.DateField(help_text="The first day of the month audited.", validators=[validate_plan_date])
    item_code = models.CharField(max_length=40, help_text="A pseudonymous item code, never a child's name.")
    grade = models.CharField(max_length=25, choices=Grade.choices)

    objects = GradedAuditItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["area", "month", "item_code"]
        constraints = [
            models.UniqueConstraint(fields=["area", "month", "item_code"], name="one_grade_per_item_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="graded_month_is_first_day"),
        ]

    def __str__(self):
        return f"{self.area} {self.month:%b %Y} {self.item_code}: {self.get_grade_display()}"

    def clean(self):
        super().clean()
        from audits.pseudonymity import pseudonymous_code_validate

        pseudonymous_code_validate(self.item_code)
