"""Personal API tokens: created on one's own page (shown once, with an expiry), hashed at rest, revocable,
and reading exactly what their user may read."""

import datetime
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.services import api_token_create

pytestmark = pytest.mark.django_db


def _bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_creating_a_token_shows_it_once_and_keeps_only_its_hash(client, world):
    client.force_login(world.board)
    response = client.post(reverse("api:token_list"), {"name": "Power BI board dashboard", "days": "90"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    secret = response.context["created"].secret
    assert secret.startswith("ipt_") and secret in response.content.decode()
    token = ApiToken.objects.get(user=world.board)
    assert token.hashed == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.name, token.prefix, token.hashed} and secret.startswith(f"ipt_{token.prefix}_")
    assert token.expires_at.date() == (timezone.now() + datetime.timedelta(days=90)).date()
    again = client.get(reverse("api:token_list")).content.decode()
    assert "Power BI board dashboard" in again and secret not in again
    assert f"ipt_{token.prefix}…" in again


def test_a_token_needs_a_name_and_a_lifetime(client, world):
    client.force_login(world.board)
    response = client.post(reverse("api:token_list"), {"name": "", "days": "7"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Enter what the token is for" in text and "Choose how long the token should work" in text
    assert not ApiToken.objects.exists()


def test_a_token_reads_as_its_user(client, world):
    secret = api_token_create(user=world.owner, name="Excel", days=30).secret
    response = client.get(reverse("api:plan_list"), **_bearer(secret))
    assert [p["title"] for p in response.json()["results"]] == ["Plan A"]
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_reads_nothing(client, world):
    created = api_token_create(user=world.board, name="Power BI", days=30)
    client.force_login(world.board)
    response = client.post(reverse("api:token_revoke", args=[created.token.pk]))
    assert response["Location"] == reverse("api:token_list")
    client.logout()
    refused = client.get(reverse("api:plan_list"), **_bearer(created.secret))
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]


def test_nobody_revokes_another_person_s_token(client, world):
    created = api_token_create(user=world.board, name="Board figures", days=30)
    client.force_login(world.admin)
    assert client.post(reverse("api:token_revoke", args=[created.token.pk])).status_code == 403
    assert ApiToken.objects.get().revoked_at is None
    assert "Board figures" not in client.get(reverse("api:token_list")).content.decode()


def test_an_expired_token_reads_nothing(client, world):
    created = api_token_create(
        user=world.board, name="Power BI", days=30, now=timezone.now() - datetime.timedelta(days=31)
    )
    refused = client.get(reverse("api:plan_list"), **_bearer(created.secret))
    assert refused.status_code == 401
    assert "expired" in refused.json()["detail"]


def test_a_switched_off_account_s_token_reads_nothing(client, world):
    created = api_token_create(user=world.board, name="Power BI", days=30)
    world.board.is_active = False
    world.board.save()
    assert client.get(reverse("api:plan_list"), **_bearer(created.secret)).status_code == 401


@pytest.mark.parametrize("header", ["Bearer ipt_nothing_like_it", "Bearer", "Bearer a b", "Bearer notours"])
def test_a_wrong_token_is_refused(client, world, header):
    response = client.get(reverse("api:plan_list"), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_no_token_no_session_is_refused_with_401(client, world):
    response = client.get(reverse("api:plan_list"))
    assert response.status_code == 401


def test_a_token_opens_the_feed_only_not_the_site(client, world):
    secret = api_token_create(user=world.admin, name="Power BI", days=30).secret
    for url in (
        reverse("plans:plan_list"),
        reverse("api:token_list"),
        reverse("plans:plan_export_json", args=[world.plan.pk]),
    ):
        response = client.get(url, **_bearer(secret))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    # ...and it cannot make a token either
    assert client.post(reverse("api:token_list"), {"name": "x", "days": "30"}, **_bearer(secret)).status_code == 302
    assert ApiToken.objects.count() == 1


def test_the_feed_cannot_be_written_to(client, world):
    secret = api_token_create(user=world.admin, name="Power BI", days=30).secret
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(reverse("api:plan_list"), **_bearer(secret))
        assert response.status_code in (403, 405), method
    from plans.models import Plan

    assert Plan.objects.count() == 2
