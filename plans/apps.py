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
