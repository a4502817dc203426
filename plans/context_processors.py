"""Values every page needs: the organisation's name and the user's roles for navigation."""

from django.conf import settings

from plans import permissions


def product(request):
    user = getattr(request, "user", None)
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "user_is_admin": bool(user and permissions.is_admin(user)),
        "user_can_coordinate": bool(user and permissions.in_group(user, permissions.COORDINATOR)),
    }
