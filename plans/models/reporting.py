"""Monthly reporting periods; what a closed period said, frozen; the highlight report; reminder
bookkeeping."""

import calendar
import functools

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned
from plans.querysets import ReportingPeriodQuerySet
from plans.rag import Rag
from plans.validators import validate_plan_date


def month_end(month):
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


class ReportingPeriod(models.Model):
    """One month of reporting, ending with the board meeting that reads it."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="periods")
    month = models.DateField(help_text="The first day of the month reported on.", validators=[validate_plan_date])
    board_meeting_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    closed = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "month"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "month"], name="one_period_per_plan_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="period_month_is_first_day"),
        ]

    def __str__(self):
        return self.label

    # Read for every period of a plan on every dashboard (its period picker): worked out once.
    @functools.cached_property
    def label(self):
        return self.month.strftime("%B %Y")

    @functools.cached_property
    def slug(self):
        return self.month.strftime("%Y-%m")

    @property
    def start(self):
        return self.month

    @property
    def end(self):
        return month_end(self.month)


class ActionSnapshot(models.Model):
    """One action as reported for a closed period: written once by period_close, never changed.

    Theme, owners, ref, text and due date are copied so that later edits to the plan
    never change what the board read for this period.
    """

    period = models.ForeignKey("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="snapshots")
    action = models.ForeignKey("plans.Action", on_delete=models.SET_NULL, null=True, related_name="snapshots")
    theme = models.ForeignKey("plans.Theme", on_delete=models.SET_NULL, null=True, related_name="+")
    theme_number = models.CharField(max_length=20, blank=True)
    theme_title = models.CharField(max_length=300, blank=True)
    theme_position = models.PositiveIntegerField(default=0)
    position = models.PositiveIntegerField(default=0)
    ref = models.CharField(max_length=50, blank=True)
    action_text = models.TextField(blank=True)
    owners = models.ManyToManyField("plans.Owner", blank=True, related_name="+")
    owner_titles = models.TextField(blank=True, help_text="Owners as they were, joined with '; '.")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, blank=True)
    progress_rag = models.CharField(max_length=2, choices=Rag.choices, blank=True)
    impact_rag = models.CharField(max_length=2, choices=Rag.choices, blank=True)
    previous_progress_rag = models.CharField(max_length=2, choices=Rag.choices, blank=True)
    note = models.TextField(blank=True)
    latest_update_at = models.DateTimeField(null=True, blank=True)
    is_overdue = models.BooleanField(default=False)
    is_stale = models.BooleanField(default=False)

    class Meta:
        ordering = ["period", "theme_position", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["period", "action"], name="one_snapshot_per_action_period")]

    def __str__(self):
        return f"{self.ref} ({self.period})"


class PeriodFigures(models.Model):
    """A closed period's figures, counted once from its snapshots (which never change): the groups
    of actions sharing everything the dashboard's status rules read, with their numbers
    (plans.selectors.dashboard). The dashboard, its trend and the board pack read these rather than
    count the period's snapshots again. `rules` names the layout of each group's key; figures
    counted under other rules are counted again (and rewritten) when next read."""

    period = models.OneToOneField("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="figures")
    rules = models.CharField(max_length=200)
    groups = models.JSONField(help_text="[[theme id, [the group's key values], number of actions], ...]")
    mix = models.JSONField(
        default=dict,
        help_text='What the trend reads, summed from the groups: {"all": [progress, impact, movement], '
        '"themes": {theme id: [progress, impact, movement]}}, each {RAG or movement: number of actions}.',
    )
    counted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "period figures"

    def __str__(self):
        return f"Figures of {self.period}"


class HighlightReport(Versioned):
    """The coordinator's narrative for the board, one per period; frozen when the period closes.

    Versioned, so two coordinators writing it at once cannot overwrite each other unseen; every
    change is in its history (and the audit log)."""

    period = models.OneToOneField("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="highlight_report")
    achievements = models.TextField("Key achievements", blank=True)
    risks = models.TextField("Risks and issues", blank=True)
    decisions = models.TextField("Decisions needed from the board", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    def __str__(self):
        return f"Highlight report {self.period}"

    @property
    def is_empty(self):
        return not (self.achievements.strip() or self.risks.strip() or self.decisions.strip())


class ReminderLog(models.Model):
    """A reminder sent to a user about a plan on a day: cron may run twice, users get one email."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    action_count = models.PositiveIntegerField(default=0)
    actions = models.ManyToManyField("plans.Action", blank=True, related_name="+")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The coordinator who pressed Send; empty when the daily command sent it.",
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "plan", "date"], name="one_reminder_per_user_plan_day")]

    def __str__(self):
        return f"Reminder to {self.user} about {self.plan} on {self.date:%d %B %Y}"
