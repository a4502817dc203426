"""Plans and their themes."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned

from plans.validators import validate_plan_date


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    CLOSED = "closed", "Closed"
    ARCHIVED = "archived", "Archived"


class Plan(Versioned):
    title = models.CharField(max_length=300)
    organisation = models.CharField(max_length=200, blank=True)
    vision = models.TextField(blank=True)
    version_label = models.CharField("version", max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    start_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    end_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_plans",
        help_text="People who keep this plan's structure right and may update any of its actions.",
    )
    board_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="board_plans",
        help_text="Improvement board members who read this plan's dashboard and packs.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[coordinators, board_members])

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="plan_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan_detail", args=[self.pk])


class Theme(Versioned):
    """An area for improvement, or a strategic aim: one model for all three names."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    number = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=300)
    lead = models.ForeignKey("plans.Owner", on_delete=models.SET_NULL, null=True, blank=True, related_name="led_themes")
    objective = models.TextField(blank=True)
    outcomes = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()
