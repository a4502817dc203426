"""Sign-in with the organisation's accounts, against a real OpenID Connect provider (tests/oidc/provider.mjs)."""

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import jwt
import pytest
import requests
from django.contrib.auth import get_user_model
from django.urls import reverse

from improvement.oidc import OrganisationSignInBackend
from tests.oidc.conftest import (
    AFTER_SIGN_OUT,
    CALLBACK,
    CLIENT_ID,
    CLIENT_SECRET,
    OTHER_CLIENT_ID,
    OTHER_CLIENT_SECRET,
    configure,
    sign_in,
)

pytestmark = pytest.mark.django_db


def test_first_sign_in_creates_an_account_with_no_role(client, sso, provider_browser):
    response = sign_in(client, provider_browser, "jane.smith", start="/oidc/authenticate/?next=/plans/")
    assert response.status_code == 302
    assert response["Location"] == "/plans/"
    user = get_user_model().objects.get(email="jane.smith@solihull.gov.uk")
    assert user.username == "jane.smith@solihull.gov.uk"
    assert not user.groups.exists()
    assert not user.has_usable_password()
    assert client.get(reverse("plans:my_actions")).wsgi_request.user == user


def test_sign_in_matches_an_existing_account_by_email_whatever_its_case(client, sso, provider_browser, world):
    world.board.email = "board.member@solihull.gov.uk"
    world.board.save()
    users_before = get_user_model().objects.count()
    response = sign_in(client, provider_browser, "board.member")  # the provider says Board.Member@Solihull.GOV.UK
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:home")
    assert get_user_model().objects.count() == users_before
    assert client.get(reverse("plans:plan_detail", args=[world.plan.pk])).status_code == 200  # the board's own rights


def _messages(response):
    return [str(m) for m in response.wsgi_request._messages]


def _signed_in(client):
    return client.get(reverse("plans:my_actions")).wsgi_request.user.is_authenticated


def test_a_callback_whose_state_this_browser_did_not_start_is_refused(client, sso, provider_browser):
    start = client.get("/oidc/authenticate/")
    back = provider_browser.follow(start["Location"], login="jane.smith")
    forged = back.replace("state=", "state=forged")
    response = client.get(forged)
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "started in another window or has timed out" in " ".join(_messages(response))
    assert not _signed_in(client)
    assert not get_user_model().objects.filter(email="jane.smith@solihull.gov.uk").exists()


def test_a_callback_cannot_be_replayed(client, sso, provider_browser):
    start = client.get("/oidc/authenticate/")
    back = provider_browser.follow(start["Location"], login="jane.smith")
    assert client.get(back)["Location"] == reverse("plans:home")
    client.post(reverse("logout"))
    client.cookies.clear()
    replay = client.get(back)  # a fresh browser presenting the same address: no such state in its session
    assert replay["Location"] == reverse("login")
    assert not _signed_in(client)


def test_an_email_outside_the_allowed_domains_is_refused(client, sso, provider_browser):
    response = sign_in(client, provider_browser, "partner")
    assert response["Location"] == reverse("login")
    assert "@westmidlands.police.example cannot sign in here" in " ".join(_messages(response))
    assert not _signed_in(client)
    assert not get_user_model().objects.filter(email__icontains="westmidlands").exists()


def test_any_domain_signs_in_when_none_is_listed(client, sso, settings, provider_browser):
    settings.OIDC_ALLOWED_EMAIL_DOMAINS = []
    response = sign_in(client, provider_browser, "partner")
    assert response["Location"] == reverse("plans:home")
    assert get_user_model().objects.filter(email="pat.partner@westmidlands.police.example").exists()


def test_a_person_without_an_email_address_is_refused(client, sso, provider_browser):
    response = sign_in(client, provider_browser, "no.email")
    assert response["Location"] == reverse("login")
    assert "did not give your email address" in " ".join(_messages(response))
    assert not _signed_in(client)


def test_an_expired_id_token_is_refused(client, settings, slow_clock_provider, provider_browser, caplog):
    configure(settings, slow_clock_provider.issuer)
    response = sign_in(client, provider_browser, "jane.smith")
    assert response["Location"] == reverse("login")
    assert "Signature has expired" in caplog.text
    assert "could not be checked" in " ".join(_messages(response))
    assert not _signed_in(client)
    assert not get_user_model().objects.filter(email="jane.smith@solihull.gov.uk").exists()


def _id_token_for(provider, provider_browser, client_id, client_secret, nonce):
    """A real ID token from the provider for `client_id` (the code flow, as that app would run it)."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": CALLBACK,
            "scope": "openid email",
            "state": "s",
            "nonce": nonce,
        }
    )
    back = provider_browser.follow(f"{provider.issuer}/auth?{query}", login="jane.smith")
    code = parse_qs(urlsplit(back).query)["code"][0]
    tokens = requests.post(
        f"{provider.issuer}/token",
        timeout=10,
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "client_id": client_id,
            "client_secret": client_secret,
        },
    )
    tokens.raise_for_status()
    return tokens.json()["id_token"]


def test_an_id_token_issued_to_another_app_is_refused(sso, provider_browser):
    """The provider signs tokens for every app registered with it: one issued to another app (its audience)
    must not sign anyone in here, however it arrives."""
    backend = OrganisationSignInBackend()
    ours = _id_token_for(sso, provider_browser, CLIENT_ID, CLIENT_SECRET, nonce="n1")
    assert backend.verify_token(ours, nonce="n1")["sub"] == "jane.smith"
    theirs = _id_token_for(sso, provider_browser, OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, nonce="n2")
    with pytest.raises(jwt.InvalidAudienceError):
        backend.verify_token(theirs, nonce="n2")


def test_a_token_from_another_issuer_is_refused(sso, settings, provider_browser):
    backend = OrganisationSignInBackend()
    token = _id_token_for(sso, provider_browser, CLIENT_ID, CLIENT_SECRET, nonce="n")
    settings.OIDC_OP_JWKS_ENDPOINT = sso.issuer + "/jwks"
    settings.OIDC_ISSUER = "http://login.example.invalid"
    with pytest.raises(jwt.InvalidIssuerError):
        backend.verify_token(token, nonce="n")


def test_sign_out_ends_the_provider_session_too(client, sso, provider_browser):
    sign_in(client, provider_browser, "jane.smith")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    end_session = response["Location"]
    assert end_session.startswith(sso.issuer + "/session/end?")
    assert "id_token_hint=" in end_session
    assert not _signed_in(client)
    confirm = provider_browser.follow(end_session)
    form = re.search(r'<form[^>]*action="([^"]+)"', confirm.text)
    xsrf = re.search(r'name="xsrf" value="([^"]+)"', confirm.text).group(1)
    back = provider_browser.http.post(
        urljoin(end_session, form.group(1)), data={"xsrf": xsrf, "logout": "yes"}, allow_redirects=False, timeout=10
    )
    assert back.headers["Location"] == AFTER_SIGN_OUT
    # The provider has forgotten the person: signing in again asks who they are.
    again = client.get("/oidc/authenticate/")
    assert 'name="login"' in provider_browser.follow(again["Location"]).text


def test_without_signing_out_the_provider_signs_the_person_straight_back_in(client, sso, provider_browser):
    """The contrast for the test above: the provider's own session is what sign-out must end."""
    sign_in(client, provider_browser, "jane.smith")
    client.cookies.clear()  # the app's session gone, the provider's kept
    again = client.get("/oidc/authenticate/")
    back = provider_browser.follow(again["Location"])
    assert isinstance(back, str) and back.startswith(CALLBACK)


def test_password_sign_out_stays_local(client, sso, world):
    client.force_login(world.owner)
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")


def test_sign_in_page_offers_the_organisation_when_configured(client, sso):
    page = client.get(reverse("login") + "?next=/plans/").content.decode()
    assert "Sign in with Solihull Council" in page
    assert 'href="/oidc/authenticate/?next=/plans/"' in page
    assert 'name="password"' in page


def test_sign_in_page_without_sso_has_passwords_only(client, settings):
    settings.OIDC_ISSUER = ""
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with" not in page
    assert 'name="password"' in page
    assert client.get("/oidc/authenticate/").status_code == 404


def test_passwords_switched_off_refuse_every_password_sign_in(client, sso, settings, world):
    settings.PASSWORD_SIGN_IN = False
    world.admin.set_password("a-long-password-1")
    world.admin.is_staff = True
    world.admin.save()
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Solihull Council" in page
    assert 'name="password"' not in page
    response = client.post(reverse("login"), {"username": world.admin.username, "password": "a-long-password-1"})
    assert response.status_code == 200
    assert "Passwords are switched off here" in response.content.decode()
    assert not _signed_in(client)
    admin_login = client.post(
        reverse("admin:login"), {"username": world.admin.username, "password": "a-long-password-1"}
    )
    assert admin_login.status_code == 200  # the form again, not a redirect into the admin
    assert not _signed_in(client)


def test_provider_out_of_reach_is_said_plainly(client, settings):
    configure(settings, "http://127.0.0.1:9")  # nothing listens on the discard port
    response = client.get("/oidc/authenticate/")
    assert response["Location"] == reverse("login")
    assert "cannot be reached just now" in " ".join(_messages(response))
