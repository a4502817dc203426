"""A real OpenID Connect provider for the sign-in tests: npm oidc-provider (tests/oidc/provider.mjs), started as
a subprocess on a free 127.0.0.1 port, and the settings that point the app at it."""

import html
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from improvement import oidc

SCRIPT = Path(__file__).with_name("provider.mjs")
ROOT = SCRIPT.parents[2]
CALLBACK = "http://testserver/oidc/callback/"
AFTER_SIGN_OUT = "http://testserver/login/"
CLIENT_ID, CLIENT_SECRET = "tracker", "tracker-secret"
OTHER_CLIENT_ID, OTHER_CLIENT_SECRET = "other-app", "other-app-secret"


@dataclass
class RunningProvider:
    issuer: str
    process: subprocess.Popen


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(**env):
    node = shutil.which("node")
    assert node, "Node.js is needed for the sign-in tests (make install sets up its packages)"
    assert (ROOT / "node_modules" / "oidc-provider").is_dir(), "npm oidc-provider is missing: run `make install`"
    port = _free_port()
    process = subprocess.Popen(
        [node, str(SCRIPT)],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "PORT": str(port),
            "REDIRECT_URIS": CALLBACK,
            "POST_LOGOUT_REDIRECT_URIS": AFTER_SIGN_OUT,
            **{k: str(v) for k, v in env.items()},
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("listening "):
        process.kill()
        pytest.fail(f"The test OpenID Connect provider did not start (it printed {line!r})")
    issuer = line.split(" ", 1)[1].strip()
    for _ in range(50):  # the port answers as soon as it is printed; this only guards a slow machine
        try:
            requests.get(issuer + "/.well-known/openid-configuration", timeout=2).raise_for_status()
            break
        except requests.RequestException:
            time.sleep(0.1)
    return RunningProvider(issuer=issuer, process=process)


def _stop(provider):
    provider.process.terminate()
    try:
        provider.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        provider.process.kill()


@pytest.fixture(scope="session")
def oidc_provider():
    provider = _start()
    yield provider
    _stop(provider)


@pytest.fixture(scope="session")
def slow_clock_provider():
    """A provider whose clock is ten minutes behind, issuing ID tokens that live one minute: each token
    it issues has expired before it arrives."""
    provider = _start(CLOCK_SKEW_SECONDS=-600, ID_TOKEN_TTL=60)
    yield provider
    _stop(provider)


def configure(settings, issuer, **overrides):
    settings.OIDC_ISSUER = issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_PROVIDER_NAME = "Solihull Council"
    settings.OIDC_ALLOWED_EMAIL_DOMAINS = ["solihull.gov.uk"]
    for name, value in overrides.items():
        setattr(settings, name, value)
    oidc._discovery.clear()


@pytest.fixture
def sso(settings, oidc_provider):
    configure(settings, oidc_provider.issuer)
    yield oidc_provider
    oidc._discovery.clear()


class ProviderBrowser:
    """The person's browser on the provider's side: a real HTTP client with its own cookies. The app's side
    is Django's test client; the two meet at the redirects, as they do in a browser."""

    def __init__(self):
        self.http = requests.Session()

    def follow(self, url, login=None):
        """Follow the provider's redirects from `url` (signing in as `login` when it asks) until it sends the
        browser back to the app; return that address (or the provider's last response when it stops)."""
        method, data = "GET", None
        for _ in range(20):
            response = self.http.request(method, url, data=data, allow_redirects=False, timeout=10)
            method, data = "GET", None
            if response.status_code in (301, 302, 303):
                url = urljoin(url, response.headers["Location"])
                if url.startswith("http://testserver/"):
                    return url
                continue
            form = re.search(r'<form[^>]*action="([^"]+)"', response.text)
            if response.status_code == 200 and 'name="login"' in response.text and login:
                url, method, data, login = urljoin(url, html.unescape(form.group(1))), "POST", {"login": login}, None
                continue
            return response
        raise AssertionError("The provider kept redirecting")


@pytest.fixture
def provider_browser():
    return ProviderBrowser()


def sign_in(client, provider_browser, login, start=None):
    """Press "Sign in with …" on the app, sign in at the provider as `login`, and return the app's answer
    to the provider's redirect back (the callback's response)."""
    response = client.get(start or "/oidc/authenticate/")
    assert response.status_code == 302, response
    back = provider_browser.follow(response["Location"], login=login)
    assert isinstance(back, str), f"the provider did not send the browser back: {back.status_code} {back.text[:300]}"
    return client.get(back)
