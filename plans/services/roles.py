"""The four role groups and the Django permissions each carries (for the admin site)."""

from django.contrib.auth.models import Group, Permission

from plans.permissions import ADMIN, BOARD, COORDINATOR, OWNER, ROLE_GROUPS

# Admins manage everything in the Django admin; the other roles work in the product's own pages.
ADMIN_APPS = ("plans", "audits", "auth")


def role_groups_ensure():
    """Create the role groups if missing and give Admin the admin-site permissions. Idempotent."""
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLE_GROUPS}
    permissions = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
    groups[ADMIN].permissions.set(permissions)
    return groups


__all__ = ["role_groups_ensure", "ADMIN", "BOARD", "COORDINATOR", "OWNER"]
