from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_role_groups(sender, **kwargs):
    from plans.services.roles import role_groups_ensure

    role_groups_ensure()


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Improvement plans"

    def ready(self):
        # Permissions exist only after migrate, so the groups are completed then.
        post_migrate.connect(_ensure_role_groups, sender=self, dispatch_uid="plans_role_groups")
        _register_audited_models()


def _register_audited_models():
    from improvement import audit
    from plans.models import (
        Action,
        ActionComment,
        DueDateChange,
        HighlightReport,
        Measure,
        MeasureMilestone,
        Owner,
        Plan,
        Source,
        SourceReference,
        Theme,
        UpdateReview,
    )

    audit.register(Plan)
    audit.register(Theme)
    audit.register(Action)
    audit.register(Owner, "Owner (role)")
    audit.register(Measure)
    audit.register(MeasureMilestone, "Measure milestone", object_label=lambda r: f"Milestone {r.value} by {r.due_date}")
    audit.register(Source)
    audit.register(SourceReference, "Source reference", object_label=lambda r: f"Paragraph {r.paragraph or '(none)'}")
    audit.register(HighlightReport, "Highlight report", object_label=lambda r: "Highlight report")
    audit.register(UpdateReview, "Review of an update", object_label=lambda r: f"{r.get_decision_display()} update")
    audit.register(
        ActionComment,
        "Comment on an action",
        object_label=lambda r: "Reply to a challenge" if r.review_id else "Comment",
    )
    audit.register(DueDateChange, "Due date moved", object_label=lambda r: f"Due date moved by {r.agreed_by}")
