"""Whether the signed-in user may see case audits (for the navigation)."""

from audits import permissions


def audits(request):
    user = getattr(request, "user", None)
    return {"user_can_view_audits": bool(user and permissions.can_view_audits(user))}
