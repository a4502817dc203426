"""Audit programmes, their priorities, key lines of enquiry, standards, agencies and cases."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from audits.pseudonymity import pseudonymous_code_validate
from audits.querysets import AuditCaseQuerySet
from plans.models.versioning import Versioned
from plans.validators import validate_plan_date


class ProgrammeStatus(models.TextChoices):
    PLANNING = "planning", "Planning"
    AUDITING = "auditing", "Auditing"
    REPORTING = "reporting", "Reporting"
    CLOSED = "closed", "Closed"


class AuditProgramme(Versioned):
    """An annual multi-agency case audit ("Multi-agency case audit 2015-16").

    Versioned: audit leads change its status from its page, so a change saved over another
    lead's newer one is refused (improvement/concurrency.py)."""

    title = models.CharField(max_length=300)
    organisation = models.CharField(max_length=200, blank=True)
    period_start = models.DateField(validators=[validate_plan_date])
    period_end = models.DateField(validators=[validate_plan_date])
    status = models.CharField(max_length=12, choices=ProgrammeStatus.choices, default=ProgrammeStatus.PLANNING)
    single_agency_plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The single-agency improvement plan: an ordinary plan whose owners are agencies.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="audit_programme_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("audits:programme_detail", args=[self.pk])


class AuditPriority(models.Model):
    """A priority area the cases are chosen for ("To promote practice on neglect")."""

    programme = models.ForeignKey(AuditProgramme, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "position", "pk"]
        verbose_name_plural = "audit priorities"

    def __str__(self):
        return self.title


class KeyLineOfEnquiry(models.Model):
    programme = models.ForeignKey(AuditProgramme, on_delete=models.CASCADE, related_name="kloes")
    number = models.PositiveIntegerField()
    question = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = "key line of enquiry"
        verbose_name_plural = "key lines of enquiry"
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="unique_kloe_number")]

    def __str__(self):
        return f"KLOE {self.number}: {self.question}"


class Standard(models.Model):
    """What the partnership expects to find; numbered across the programme (Standard 1 to 22)."""

    kloe = models.ForeignKey(KeyLineOfEnquiry, on_delete=models.CASCADE, related_name="standards")
    number = models.PositiveIntegerField()
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["kloe__number", "number"]
        constraints = [models.UniqueConstraint(fields=["kloe", "number"], name="unique_standard_number")]

    def __str__(self):
        return f"Standard {self.number}: {self.text}"


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=50, blank=True, help_text='For tables, for example "CCG".')

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.short_name or self.name


class AgencyMembership(models.Model):
    """The agency an agency auditor audits for: they enter that agency's judgements only."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_membership")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.user} – {self.agency}"


class AuditCase(models.Model):
    """A case in the sample: a pseudonymous code and a priority area, never a child's identity."""

    programme = models.ForeignKey(AuditProgramme, on_delete=models.CASCADE, related_name="cases")
    code = models.CharField(
        max_length=40,
        validators=[pseudonymous_code_validate],
        help_text='A pseudonymous code such as "MACA-2015-07". Never a name or a date of birth.',
    )
    priority = models.ForeignKey(
        AuditPriority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name="priority area",
    )
    agencies = models.ManyToManyField(
        Agency, related_name="cases", blank=True, help_text="The agencies involved: only they judge this case."
    )

    objects = AuditCaseQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["programme", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="unique_case_code")]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("audits:case_detail", args=[self.pk])

    def clean(self):
        super().clean()
        pseudonymous_code_validate(self.code)
        if self.priority_id and self.programme_id and self.priority.programme_id != self.programme_id:
            from django.core.exceptions import ValidationError

            raise ValidationError({"priority": "Choose a priority area of this programme."})
