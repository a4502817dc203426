"""Sign-in throttling that applies to web sign-ins only, and the switch that turns local passwords off."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.exceptions import PermissionDenied


class WebSignInThrottleBackend(AxesStandaloneBackend):
    """django-axes' check, skipped when there is no request (management commands, scripts, tests
    calling `authenticate()` directly): there is no client address to throttle there, and
    axes would otherwise refuse the call outright. Every web sign-in passes a request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        if not settings.PASSWORD_SIGN_IN:
            # Organisation sign-in only: no web page (the Django admin's included) accepts a password.
            raise PermissionDenied("Passwords are switched off: sign in with your organisation's account.")
        return super().authenticate(request, username=username, password=password, **kwargs)
