"""`/healthz` for load balancers: is this app server up and can it reach its database?

Answered by a middleware at the top of the stack, before the HTTPS redirect, the host check and the
sign-in check: load balancers probe over plain HTTP with the server's own address as host name.
It says only "ok" or "unavailable": no version, no detail an outsider could use.
"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse

logger = logging.getLogger("improvement.health")

HEALTHZ_PATH = "/healthz"


# A real table, present on every migrated database (SQLite and PostgreSQL alike): `SELECT 1` alone
# succeeds on a missing SQLite file (which connecting creates, empty) or a corrupt one.
PROBE = "SELECT COUNT(*) FROM django_migrations"


def database_ok(alias="default"):
    """True when the database answers a query on its schema (the migrations table has rows)."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(PROBE)
            (count,) = cursor.fetchone()
            return count > 0
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return False


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != HEALTHZ_PATH or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        if database_ok():
            response = JsonResponse({"status": "ok"})
        else:
            response = JsonResponse({"status": "unavailable"}, status=503)
        response["Cache-Control"] = "no-store"
        return response
