"""Plans and their themes, and the board's meeting schedule."""

import calendar
import datetime

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


class BoardWeek(models.IntegerChoices):
    """Which of the month's weekdays the board meets on ("second Tuesday", "last Thursday")."""

    FIRST = 1, "First"
    SECOND = 2, "Second"
    THIRD = 3, "Third"
    FOURTH = 4, "Fourth"
    LAST = 5, "Last"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


def nth_weekday(year, month, week, weekday):
    """The `week`-th (1-4, or BoardWeek.LAST) `weekday` (0 = Monday) of a month."""
    if week == BoardWeek.LAST:
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


class Plan(Versioned):
    title = models.CharField(max_length=300)
    organisation = models.CharField(max_length=200, blank=True)
    vision = models.TextField(blank=True)
    version_label = models.CharField("version", max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    start_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    end_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_plans",
        help_text="People who keep this plan's structure right and may update any of its actions.",
    )
    board_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="board_plans",
        help_text="Improvement board members who read this plan's dashboard and packs.",
    )
    board_week = models.PositiveSmallIntegerField(
        "board meets on the",
        choices=BoardWeek.choices,
        null=True,
        blank=True,
        help_text="With board_weekday, the board's schedule: for example the second Tuesday of each month.",
    )
    board_weekday = models.PositiveSmallIntegerField("day", choices=Weekday.choices, null=True, blank=True)
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
            ),
            models.CheckConstraint(
                condition=models.Q(board_week__isnull=True, board_weekday__isnull=True)
                | models.Q(board_week__isnull=False, board_weekday__isnull=False),
                name="plan_board_schedule_whole",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def board_schedule(self):
        """The schedule in words ("second Tuesday of each month"), or "" when none is set."""
        if self.board_week is None or self.board_weekday is None:
            return ""
        return f"{BoardWeek(self.board_week).label.lower()} {Weekday(self.board_weekday).label} of each month"

    def board_meeting_for(self, month):
        """The board meeting that reads the period of `month`: the scheduled day in the month after
        it (the board reads a month once it is over); None when the plan has no schedule."""
        if self.board_week is None or self.board_weekday is None:
            return None
        following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return nth_weekday(following.year, following.month, self.board_week, self.board_weekday)


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
