"""Writes for personal API tokens: create (the token is returned once) and revoke."""

import datetime
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken, token_hash

TOKEN_START = "ipt_"  # noqa: S105 - the visible prefix of every token, not a secret
LIFETIMES_DAYS = (30, 90, 180, 365)


@dataclass
class CreatedToken:
    token: ApiToken
    secret: str  # the whole token: shown to its owner once, never stored


def api_token_create(*, user, name, days, now=None):
    """A new token for `user`, usable for `days` days."""
    if days not in LIFETIMES_DAYS:
        raise ValueError(f"A token lasts one of {LIFETIMES_DAYS} days")
    now = now or timezone.now()
    prefix = secrets.token_hex(4)
    secret = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip()[:100],
            prefix=prefix,
            hashed=token_hash(secret),
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
    return CreatedToken(token=token, secret=secret)


def api_token_revoke(*, user, token_id, now=None):
    """Revoke one of `user`'s own tokens; revoking it again changes nothing."""
    token = ApiToken.objects.filter(pk=token_id).first()
    if token is None or token.user_id != user.pk:
        raise PermissionDenied("That is not one of your tokens.")
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
