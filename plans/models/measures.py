"""Impact measures, their milestones, and a reading per reporting period."""
from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned


def value_text(value, unit=""):
    """A reading, milestone, baseline or target as people write it, with its unit: "73%",
    "12.5 days", "400" (not "73.00%"); "—" when there is none."""
    if value is None or value == "":
        return "—"
    number = format(Decimal(value).normalize(), "f")
    if not unit:
        return number
    return f"{number}{unit}" if not unit[:1].isalnum() else f"{number} {unit}"


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
    target_date = models.DateField(null=True, blank=True)
    direction = models.CharField(max_length=10, choices=MeasureDirection.choices, default=MeasureDirection.HIGHER)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="measures")

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "name"]

    def __str__(self):
        return self.name

    def value_text(self, value):
        return value_text(value, self.unit)

    def is_met(self, value, goal):
        """Whether a reading reaches a goal (a milestone or the target), given the direction."""
        if value is None or goal is None:
            return None
        return value >= goal if self.direction == MeasureDirection.HIGHER else value <= goal


class MeasureMilestone(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="milestones")
    due_date = models.DateField()
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
