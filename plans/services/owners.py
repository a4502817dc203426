"""Writes about owners (roles): editing a role's title and agency, safe against lost updates."""
from django.core.exceptions import PermissionDenied

from plans import permissions
from plans.concurrency import save_if_unchanged


def owner_update(*, owner, expected_version, title, agency, by):
    """Rename a role or change its agency; refused if someone saved it since `expected_version`."""
    if not permissions.is_admin(by):
        raise PermissionDenied("Only administrators can change owners.")
    return save_if_unchanged(
        owner, expected_version=expected_version, changes={"title": title.strip(), "agency": agency.strip()}
    )
