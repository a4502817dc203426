"""Request logging (one structured line per request, never its body or query string), the
rolling session expiry, and no caching of what a signed-in user is shown."""

import logging
import time

from django.conf import settings
from django.utils.cache import patch_cache_control

logger = logging.getLogger("improvement.request")


class RequestLogMiddleware:
    """Log method, path, status, duration in milliseconds and the user's id (not their name)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_method": request.method,
                "path": request.path,
                "status_code": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "user": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


class SessionRefreshMiddleware:
    """Keep a session alive while it is used: sign-out follows SESSION_COOKIE_AGE of inactivity.

    Django's SESSION_SAVE_EVERY_REQUEST would write the session row on every page; this writes it
    (moving its expiry on) at most once every SESSION_REFRESH_SECONDS, so the idle limit is kept to
    within that many seconds at a fraction of the database writes. Must come after SessionMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.interval = settings.SESSION_REFRESH_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty() and response.status_code < 500:
            now = int(time.time())
            if now - session.get("_refreshed_at", 0) >= self.interval:
                session["_refreshed_at"] = now  # marks the session modified: SessionMiddleware saves it
        return response


class PrivateResponseMiddleware:
    """Send `Cache-Control: no-store, private` on every response to a signed-in user.

    Pages, board packs, exports and audit findings hold what only that user may read: neither a
    shared computer's browser cache nor a proxy may keep a copy. Static files never reach this
    (whitenoise answers them earlier) and stay cacheable. Must come after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
