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
