"""Personal API tokens: each person's keys to the read-only data feed, hashed at rest."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone


def token_hash(token):
    """SHA-256 of the whole token, hex: what is stored and looked up (the token itself never is)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class ApiToken(models.Model):
    """A personal token reading exactly what its user may read. The token is shown once, when created;
    only its prefix (to recognise it in the list) and its SHA-256 hash are kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text='What it is for, for example "Power BI board dashboard".')
    prefix = models.CharField(max_length=16, unique=True)
    hashed = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
