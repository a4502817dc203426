"""Impact measures, their milestones, and a reading per reporting period."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned
from plans.validators import validate_plan_date


def value_text(value, unit=""):
    """A reading, milestone, baseline or target as people write it, with its unit: "73%",
    "12.5 days", "400" (not "73.00%"); "—" when there is none."""
    if value is None or value == "":
        return "—"
    number = format(Decimal(value).normalize(), "f")
    if not unit:
        return number
    return f"{number}{unit}" if not unit[:1].isalnum() else f"{number} {unit}"


# Units read as a percentage: their values run from 0 to 100.
PERCENTAGE_UNITS = {"%", "percent", "per cent", "percentage", "% of cases", "% of children"}


def unit_is_percentage(unit):
    return " ".join((unit or "").casefold().split()) in PERCENTAGE_UNITS


def value_problem(value, unit, what="The reading"):
    """Why `value` cannot be a figure in `unit`, or None. Every measure counts something (cases,
    days, children, a rate or a share): a figure is never negative, and a percentage is at most 100."""
    if value is None:
        return None
    if unit_is_percentage(unit) and not 0 <= value <= 100:
        return f"{what} is a percentage: enter a number from 0 to 100"
    if value < 0:
        return f"{what} must be 0 or more"
    return None


class MeasureDirection(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Measure(Versioned):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="measures")
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=50, blank=True, help_text='For example "%" or "days".')
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    direction = models.CharField(max_length=10, choices=MeasureDirection.choices, default=MeasureDirection.HIGHER)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="measures")

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "name"]

    def __str__(self):
        return self.name

    def value_text(self, value):
        return value_text(value, self.unit)

    def value_problem(self, value, what="The reading"):
        return value_problem(value, self.unit, what)

    def is_met(self, value, goal):
        """Whether a reading reaches a goal (a milestone or the target), given the direction."""
        if value is None or goal is None:
            return None
        return value >= goal if self.direction == MeasureDirection.HIGHER else value <= goal


class MeasureMilestone(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="milestones")
    due_date = models.DateField(validators=[validate_plan_date])
    value = models.DecimalField(max_digits=12, decimal_places=2)
    label = models.CharField(max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "due_date"]

    def __str__(self):
        return f"{self.value} by {self.due_date:%b %Y}"


class MeasureReading(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="readings")
    period = models.ForeignKey("plans.ReportingPeriod", on_delete=models.PROTECT, related_name="measure_readings")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where the figure comes from.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    late = models.BooleanField(
        default=False, help_text="Recorded after its month was closed: the board read the month without it."
    )

    class Meta:
        ordering = ["measure", "period__month"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="one_reading_per_measure_period")]

    def __str__(self):
        return f"{self.measure}: {self.value} ({self.period})"
