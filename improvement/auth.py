"""Sign-in throttling that applies to web sign-ins only."""
from axes.backends import AxesStandaloneBackend


class WebSignInThrottleBackend(AxesStandaloneBackend):
    """django-axes' check, skipped when there is no request (management commands, scripts, tests
    calling `authenticate()` directly): there is no client address to throttle there, and
    axes would otherwise refuse the call outright. Every web sign-in passes a request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
