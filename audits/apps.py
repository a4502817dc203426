from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_audit_groups(sender, **kwargs):
    from django.contrib.auth.models import Group

    from audits.permissions import AUDIT_GROUPS

    for name in AUDIT_GROUPS:
        Group.objects.get_or_create(name=name)


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Case audits"

    def ready(self):
        # The "Audit lead" and "Agency auditor" groups exist after migrate, for admins to assign.
        post_migrate.connect(_ensure_audit_groups, sender=self, dispatch_uid="audits_groups")
        _register_audited_models()


def _register_audited_models():
    """The audits models in the audit trail (the audit log page, each row's history). A label that
    would read a related row (a query per row) is built from the historical record's own columns."""
    from audits.models import (
        Agency,
        AgencyMembership,
        AuditCase,
        AuditPriority,
        AuditProgramme,
        GradedAuditItem,
        Judgement,
        KeyLineOfEnquiry,
        LearningEvent,
        LearningEventAttendance,
        Lesson,
        Standard,
    )
    from improvement import audit

    audit.register(AuditProgramme, "Audit programme")
    audit.register(AuditPriority, "Audit priority area")
    audit.register(KeyLineOfEnquiry, "Key line of enquiry")
    audit.register(Standard, "Audit standard")
    audit.register(Agency, "Agency")
    audit.register(AgencyMembership, "Agency auditor", object_label=lambda r: "Agency an auditor audits for")
    audit.register(AuditCase, "Audit case")
    audit.register(
        Judgement,
        "Judgement",
        object_label=lambda r: (
            f"Judgement: {r.get_result_display() or 'not judged'} ({r.get_status_display().lower()})"
        ),
    )
    audit.register(LearningEvent, "Learning event")
    audit.register(
        LearningEventAttendance, "Learning event attendance", object_label=lambda r: f"{r.attendees} attended"
    )
    audit.register(Lesson, "Lesson (learning log)")
    audit.register(GradedAuditItem, "Graded audit item")
