"""Sign-in with the organisation's accounts (OpenID Connect, mozilla-django-oidc), configured from the environment.

The provider's endpoints come from its discovery document (`OIDC_ISSUER` + /.well-known/openid-configuration),
read once per process; any endpoint can be set explicitly instead. People are matched to an existing account by
email (case-insensitive), else a new account is created with no role: an admin grants roles. Every ID token is
checked for its signature, issuer, audience (this app's client id), expiry and nonce; an email outside
`OIDC_ALLOWED_EMAIL_DOMAINS` is refused. Sign-out ends the provider's session too when it offers an
end_session_endpoint (see improvement.oidc.SignOutView).

The sign-in throttle (django-axes) counts password attempts only: the callback authenticates through this
backend directly, so a refused organisation sign-in is logged here and never locks a username out.
"""

import logging
import threading
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

logger = logging.getLogger(__name__)

BACKEND_PATH = "improvement.oidc.OrganisationSignInBackend"
# mozilla-django-oidc setting -> key of the provider's discovery document
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
TRY_AGAIN = "Sign in again. If it keeps happening, ask your administrator."

_discovery = {}
_discovery_lock = threading.Lock()


class SignInRefused(Exception):
    """An organisation sign-in we refuse; the message is shown to the person signing in."""


def sso_enabled():
    return bool(getattr(settings, "OIDC_ISSUER", "") and getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def discovery_document(issuer):
    """The provider's /.well-known/openid-configuration, fetched once per process and issuer."""
    with _discovery_lock:
        if issuer not in _discovery:
            response = requests.get(
                issuer.rstrip("/") + "/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
            )
            response.raise_for_status()
            document = response.json()
            if document.get("issuer") != issuer:
                raise ImproperlyConfigured(
                    f"OIDC_ISSUER is {issuer!r} but the provider calls itself {document.get('issuer')!r}."
                )
            _discovery[issuer] = document
        return _discovery[issuer]


def oidc_setting(attr, *default):
    """A mozilla-django-oidc setting: set explicitly, else (an endpoint) from the discovery document."""
    value = getattr(settings, attr, None)
    if value:
        return value
    if attr in DISCOVERED and sso_enabled():
        value = discovery_document(settings.OIDC_ISSUER).get(DISCOVERED[attr])
        if value:
            return value
    if value is None and not default and attr not in DISCOVERED:
        raise ImproperlyConfigured(f"Setting {attr} not found")
    return value if value is not None else (default[0] if default else None)


def email_domain_allowed(email):
    allowed = [domain.lower().lstrip("@") for domain in settings.OIDC_ALLOWED_EMAIL_DOMAINS]
    if not allowed:
        return True
    return email.rsplit("@", 1)[-1].lower() in allowed


class OrganisationSignInBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, read lazily from settings (it is loaded for every request that has a
    session, with or without SSO), stricter about ID tokens, and never reached by a password sign-in."""

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    get_settings = staticmethod(oidc_setting)

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_USER_ENDPOINT"))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_JWKS_ENDPOINT"))
    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_RP_CLIENT_ID)
    OIDC_RP_CLIENT_SECRET = property(lambda self: settings.OIDC_RP_CLIENT_SECRET)
    OIDC_RP_SIGN_ALGO = property(lambda self: settings.OIDC_RP_SIGN_ALGO)
    OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, **credentials):
        """Never: Django's authenticate() is for passwords. The callback calls sign_in()."""
        return None

    def sign_in(self, request, *, nonce, code_verifier):
        """The user for the authorisation code in `request`, or raise SignInRefused."""
        self.request = request
        payload = {
            "client_id": self.OIDC_RP_CLIENT_ID,
            "client_secret": self.OIDC_RP_CLIENT_SECRET,
            "grant_type": "authorization_code",
            "code": request.GET["code"],
            "redirect_uri": absolutify(request, reverse("oidc_authentication_callback")),
        }
        if code_verifier is not None:
            payload["code_verifier"] = code_verifier
        try:
            token_info = self.get_token(payload)
        except requests.RequestException as error:
            logger.warning("Organisation sign-in: the token request failed: %s", error)
            raise SignInRefused(f"{settings.OIDC_PROVIDER_NAME} did not confirm your sign-in. {TRY_AGAIN}") from None
        id_token, access_token = token_info.get("id_token"), token_info.get("access_token")
        if not id_token:
            raise SignInRefused(f"{settings.OIDC_PROVIDER_NAME} did not confirm your sign-in. {TRY_AGAIN}")
        try:
            claims = self.verify_token(id_token, nonce=nonce)
        except (SuspiciousOperation, jwt.PyJWTError, requests.RequestException) as error:
            logger.warning("Organisation sign-in: ID token refused: %s", error)
            raise SignInRefused(
                f"Your sign-in with {settings.OIDC_PROVIDER_NAME} could not be checked. {TRY_AGAIN}"
            ) from None
        claims = self.claims_with_userinfo(claims, access_token)
        self.store_tokens(access_token, id_token)
        return self.user_for_claims(claims)

    def get_payload_data(self, token, key):
        """The ID token's claims, checked: signature and algorithm, issuer, audience, expiry, issue time."""
        header = jwt.get_unverified_header(token)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token signed with {header.get('alg')!r}, not {self.OIDC_RP_SIGN_ALGO!r}.")
        return jwt.decode(
            token,
            key,
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
            leeway=settings.OIDC_CLOCK_LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )

    def claims_with_userinfo(self, claims, access_token):
        """The ID token's claims, completed from the userinfo endpoint when the email claim is not in it
        (providers differ in which claims they put in the ID token)."""
        if claims.get(settings.OIDC_EMAIL_CLAIM) or not access_token or not self.OIDC_OP_USER_ENDPOINT:
            return claims
        try:
            userinfo = super().get_userinfo(access_token, None, claims)
        except requests.RequestException as error:
            logger.warning("Organisation sign-in: userinfo request failed: %s", error)
            return claims
        if userinfo.get("sub") != claims.get("sub"):
            raise SignInRefused(f"Your sign-in with {settings.OIDC_PROVIDER_NAME} could not be checked. {TRY_AGAIN}")
        return {**userinfo, **{k: v for k, v in claims.items() if v not in (None, "")}}

    def user_for_claims(self, claims):
        email = (claims.get(settings.OIDC_EMAIL_CLAIM) or "").strip()
        if not email or "@" not in email:
            raise SignInRefused(
                f"{settings.OIDC_PROVIDER_NAME} did not give your email address, so you cannot be signed in. "
                "Ask your administrator."
            )
        if not email_domain_allowed(email):
            logger.warning("Organisation sign-in refused: email domain %s not allowed", email.rsplit("@", 1)[-1])
            raise SignInRefused(
                f"Accounts with an email address ending @{email.rsplit('@', 1)[-1]} cannot sign in here. "
                "Sign in with your organisation's account, or ask your administrator."
            )
        users = list(self.UserModel.objects.filter(email__iexact=email)[:2])
        if len(users) > 1:
            logger.warning("Organisation sign-in refused: several accounts share one email address")
            raise SignInRefused("More than one account has your email address. Ask your administrator to fix it.")
        if users:
            user = users[0]
            if not user.is_active:
                raise SignInRefused("Your account is switched off. Ask your administrator.")
            return user
        return self.create_user_from_claims(claims, email)

    def create_user_from_claims(self, claims, email):
        """A new account with no role (an admin grants roles) and no usable password."""
        base = str(claims.get(settings.OIDC_USERNAME_CLAIM) or email).strip()[:140] or email[:140]
        username, n = base, 1
        while self.UserModel.objects.filter(username__iexact=username).exists():
            n += 1
            username = f"{base}-{n}"
        user = self.UserModel(
            username=username,
            email=email,
            first_name=str(claims.get("given_name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
        )
        user.set_unusable_password()
        user.save()
        logger.info("Organisation sign-in: account %s created with no role", user.pk)
        return user


class SignInStartView(OIDCAuthenticationRequestView):
    """Sends the browser to the organisation's sign-in page (state, nonce and PKCE kept in the session)."""

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        if not sso_enabled():
            raise Http404("Sign-in with an organisation account is not set up here.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, ValueError, ImproperlyConfigured) as error:
            logger.error("Organisation sign-in: the provider's discovery document could not be read: %s", error)
            messages.error(
                request, f"{settings.OIDC_PROVIDER_NAME} cannot be reached just now. Try again in a few minutes."
            )
            return redirect("login")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class SignInCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back: checks the state, exchanges the code, signs the person in."""

    get_settings = staticmethod(oidc_setting)

    def refuse(self, message):
        if self.request.user.is_authenticated:
            auth.logout(self.request)
        messages.error(self.request, message)
        return redirect("login")

    def get(self, request):
        if not sso_enabled():
            raise Http404("Sign-in with an organisation account is not set up here.")
        states = request.session.get("oidc_states") or {}
        state = request.GET.get("state")
        if request.GET.get("error"):
            if state in states:
                del states[state]
                request.session["oidc_states"] = states
            logger.warning("Organisation sign-in: the provider answered %s", request.GET.get("error"))
            return self.refuse(f"{settings.OIDC_PROVIDER_NAME} did not sign you in. {TRY_AGAIN}")
        if not state or state not in states or not request.GET.get("code"):
            logger.warning("Organisation sign-in refused: unknown or missing state")
            return self.refuse(
                "Your sign-in could not be completed: it was started in another window or has timed out. Sign in again."
            )
        entry = states.pop(state)
        request.session["oidc_states"] = states
        request.session.save()
        backend = OrganisationSignInBackend()
        try:
            user = backend.sign_in(request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier"))
        except SignInRefused as refused:
            return self.refuse(str(refused))
        user.backend = BACKEND_PATH
        self.user = user
        return self.login_success()


def provider_sign_out_url(request, id_token):
    """The provider's end-session address for this sign-out, or None when it has none."""
    try:
        endpoint = oidc_setting("OIDC_OP_LOGOUT_ENDPOINT")
    except (requests.RequestException, ValueError, ImproperlyConfigured):
        return None
    if not endpoint:
        return None
    query = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
    }
    return f"{endpoint}?{urlencode(query)}"


class SignOutView(LogoutView):
    """Django's sign-out; after an organisation sign-in, it goes on to end the provider's session too."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token") if sso_enabled() else None
        response = super().post(request, *args, **kwargs)
        if id_token:
            url = provider_sign_out_url(request, id_token)
            if url:
                return HttpResponseRedirect(url)
        return response


class SignInView(LoginView):
    """The sign-in page: "Sign in with <organisation>" when SSO is set up, the password form unless switched off."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            sso_enabled=sso_enabled(),
            sso_name=settings.OIDC_PROVIDER_NAME,
            password_sign_in=settings.PASSWORD_SIGN_IN,
        )
        return context
