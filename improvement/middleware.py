"""Request logging: one structured line per request, never its body or query string."""
import logging
import time

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
