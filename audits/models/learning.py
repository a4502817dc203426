"""The learning event (with attendance per agency) and the learning log."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from plans.validators import validate_plan_date


class LearningEvent(models.Model):
    programme = models.ForeignKey("audits.AuditProgramme", on_delete=models.CASCADE, related_name="learning_events")
    title = models.CharField(max_length=300, default="Multi-agency learning event")
    date = models.DateField(validators=[validate_plan_date])
    summary = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "date"]

    def __str__(self):
        return f"{self.title} ({self.date:%d %B %Y})"


class LearningEventAttendance(models.Model):
    event = models.ForeignKey(LearningEvent, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey("audits.Agency", on_delete=models.PROTECT, related_name="+")
    attendees = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "agency__name"]
        verbose_name_plural = "learning event attendance"
        constraints = [models.UniqueConstraint(fields=["event", "agency"], name="one_attendance_per_agency")]

    def __str__(self):
        return f"{self.agency}: {self.attendees}"


class Lesson(models.Model):
    """A learning log entry: an area of development, what is already being done, next steps."""

    programme = models.ForeignKey("audits.AuditProgramme", on_delete=models.CASCADE, related_name="lessons")
    number = models.PositiveIntegerField()
    area_of_development = models.TextField()
    action_being_taken = models.TextField("action already being taken", blank=True)
    next_steps = models.TextField(blank=True)
    kloe = models.ForeignKey(
        "audits.KeyLineOfEnquiry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name="key line of enquiry",
    )
    actions = models.ManyToManyField(
        "plans.Action",
        blank=True,
        related_name="lessons",
        help_text="Plan actions raised from this lesson (closing the loop).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="unique_lesson_number")]

    def __str__(self):
        return f"Lesson {self.number}: {self.area_of_development}"

    def get_absolute_url(self):
        return reverse("audits:lesson_detail", args=[self.pk])
