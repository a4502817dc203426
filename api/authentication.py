"""Personal API tokens in the Authorization header ("Bearer ipt_…"), for BI tools reading the data feed."""

import datetime

from django.utils import timezone
from rest_framework import authentication, exceptions

from api.models import ApiToken, token_hash
from api.services import TOKEN_START

# How often a token's "last used" time is written: once per quarter hour is enough to read it, and spares
# a write on every page a BI tool fetches.
LAST_USED_EVERY = datetime.timedelta(minutes=15)


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode("latin-1") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token after the word Bearer, and nothing else.")
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("That token is not valid.") from None
        if not secret.startswith(TOKEN_START):
            raise exceptions.AuthenticationFailed("That token is not valid.")
        now = timezone.now()
        token = ApiToken.objects.select_related("user").filter(hashed=token_hash(secret)).first()
        if token is None or token.revoked_at is not None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("That token is not valid: it may have been revoked.")
        if token.expires_at <= now:
            raise exceptions.AuthenticationFailed("That token has expired: create a new one on your API tokens page.")
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
