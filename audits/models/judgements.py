"""An agency's judgement of one standard for one case, and the history of what it submitted."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from audits.querysets import JudgementQuerySet
from plans.models.versioning import Versioned


class JudgementResult(models.TextChoices):
    MET = "met", "Met or exceeded"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class JudgementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Judgement(Versioned):
    """Current state of case × agency × standard. Findings count submitted judgements only.

    Versioned: an agency's auditors and the audit lead may have the same judgement sheet open at
    once, so a sheet saved over someone else's newer judgement is refused (audits.services.judgements)."""

    case = models.ForeignKey("audits.AuditCase", on_delete=models.CASCADE, related_name="judgements")
    agency = models.ForeignKey("audits.Agency", on_delete=models.PROTECT, related_name="judgements")
    standard = models.ForeignKey("audits.Standard", on_delete=models.CASCADE, related_name="judgements")
    result = models.CharField(max_length=20, choices=JudgementResult.choices, blank=True)
    reason = models.TextField(blank=True, help_text="Why the standard was not met.")
    evidence = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=JudgementStatus.choices, default=JudgementStatus.DRAFT)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = JudgementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "agency", "standard__kloe__number", "standard__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency", "standard"], name="one_judgement_per_case_agency_standard"
            ),
            models.CheckConstraint(condition=~models.Q(result="not_met", reason=""), name="not_met_needs_reason"),
            models.CheckConstraint(condition=~models.Q(status="submitted", result=""), name="submitted_needs_result"),
        ]

    def __str__(self):
        return f"{self.case} / {self.agency} / S{self.standard.number}: {self.get_result_display() or 'not judged'}"

    def clean(self):
        super().clean()
        if self.result == JudgementResult.NOT_MET and not self.reason.strip():
            raise ValidationError({"reason": "Say why the standard was not met."})
        if self.case_id and self.agency_id and not self.case.agencies.filter(pk=self.agency_id).exists():
            raise ValidationError({"agency": "Agencies only judge cases they were involved in."})
        if self.case_id and self.standard_id and self.standard.kloe.programme_id != self.case.programme_id:
            raise ValidationError({"standard": "Choose a standard of the case's audit programme."})


class JudgementRevision(models.Model):
    """Append-only: each submission of a judgement, as submitted. Never changed or deleted."""

    judgement = models.ForeignKey(Judgement, on_delete=models.CASCADE, related_name="revisions")
    result = models.CharField(max_length=20, choices=JudgementResult.choices)
    reason = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["judgement", "submitted_at", "pk"]

    def __str__(self):
        return f"{self.judgement} as submitted on {self.submitted_at:%d %B %Y %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("A submitted judgement is history: record a new revision instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A submitted judgement is history and cannot be deleted.")
