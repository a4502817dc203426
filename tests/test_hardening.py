"""Hardening: sign-in throttling, Content-Security-Policy, health check, request log, uploads,
sessions."""

import json
import logging
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement import middleware
from improvement.uploads import SPREADSHEET, safe_file_name, validate_upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failed_sign_ins_lock_the_account_with_a_clear_message(client):
    UserFactory(username="alex", password="the-right-password-123")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "alex", "wrong")
        assert response.status_code == 200
    locked = sign_in(client, "alex", "wrong")

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Your account is locked" in html
    assert "Your account is locked for 30 minutes" in html
    # Even the right password is refused while locked.
    assert sign_in(client, "alex", "the-right-password-123").status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lock_is_per_account_and_address(client):
    UserFactory(username="alex", password="the-right-password-123")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alex", "wrong", address="203.0.113.7")
    ok = sign_in(client, "alex", "the-right-password-123", address="198.51.100.9")
    assert ok.status_code == 302


def test_a_successful_sign_in_resets_the_count(client):
    UserFactory(username="alex", password="the-right-password-123")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "alex", "wrong")
    assert sign_in(client, "alex", "the-right-password-123").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "alex", "wrong").status_code == 200


def test_pages_carry_a_strict_content_security_policy(client, world):
    client.force_login(world.owner)
    response = client.get(reverse("plans:my_actions"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    html = response.content.decode()
    # No inline script: every <script> names a file (or carries the page's nonce).
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or "nonce=" in opening, opening


def test_health_check_answers_without_sign_in_host_or_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["improvement.example.org"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.12:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_health_check_says_unavailable_when_the_database_is_down(client, monkeypatch):
    from django.db import connections

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused to db.internal:5432 user=app")

    monkeypatch.setattr(connections["default"], "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert b"db.internal" not in response.content


@pytest.mark.parametrize("damage", ["missing", "empty", "corrupt"])
def test_health_check_says_unavailable_when_the_sqlite_file_is_missing_or_corrupt(
    client, db, tmp_path, monkeypatch, damage
):
    """SQLite creates a missing file on connecting, so `SELECT 1` alone answered "ok" over no schema."""
    from django.db.utils import ConnectionHandler

    from improvement import health

    path = tmp_path / "db.sqlite3"
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "corrupt":
        path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 4000)
    broken = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}})
    monkeypatch.setattr(health, "connections", broken)
    try:
        response = client.get("/healthz")
    finally:
        broken.close_all()
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_health_check_reads_the_schema_of_the_real_database(client, db):
    from improvement import health

    assert "django_migrations" in health.PROBE
    assert health.database_ok() is True


def test_requests_are_logged_without_bodies(client, world, caplog):
    client.force_login(world.owner)
    with caplog.at_level(logging.INFO, logger="improvement.request"):
        client.post(
            reverse("plans:progress_update_create", args=[world.action.pk]),
            {"progress_rag": "G", "note": "SECRET-NOTE-TEXT", "evidence_links": ""},
        )
    record = next(r for r in caplog.records if r.name == "improvement.request")
    assert (record.request_method, record.path, record.status_code, record.user) == (
        "POST",
        f"/actions/{world.action.pk}/update/",
        302,
        world.owner.pk,
    )
    assert record.duration_ms >= 0
    from improvement.logging import JsonFormatter

    line = json.loads(JsonFormatter().format(record))
    assert line["path"] == f"/actions/{world.action.pk}/update/" and line["user"] == world.owner.pk
    assert "SECRET-NOTE-TEXT" not in caplog.text


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"  # shared by every app server


def session_writes(queries):
    return [q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]


def test_a_session_in_use_is_kept_alive_and_written_at_most_once_a_minute(client, world, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(middleware.time, "time", lambda: clock[0])
    client.force_login(world.owner)
    client.get(reverse("plans:my_actions"))
    key = client.session.session_key
    first = Session.objects.get(session_key=key).expire_date

    clock[0] += 30  # within the minute: the page is served without writing the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("plans:my_actions")).status_code == 200
    assert not session_writes(queries)

    clock[0] += 31  # a minute on: the expiry moves forward (sign-out comes after idleness, not after sign-in)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("plans:my_actions")).status_code == 200
    assert len(session_writes(queries)) == 1
    assert Session.objects.get(session_key=key).expire_date > first


def test_an_idle_session_ends_and_the_next_page_asks_to_sign_in(client, world):
    client.force_login(world.owner)
    client.get(reverse("plans:my_actions"))
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("plans:my_actions"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_request_bodies_are_limited():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024


def test_a_huge_form_post_is_refused_not_processed(client, world):
    client.force_login(world.owner)
    response = client.post(
        reverse("plans:progress_update_create", args=[world.action.pk]),
        {"progress_rag": "G", "note": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)},
    )
    assert response.status_code == 400
    assert not world.action.updates.exists()


XLSX_HEAD = b"PK\x03\x04" + b"\x00" * 100


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.xlsx", b"", "The selected file is empty"),
        ("plan.exe", XLSX_HEAD, "must be an Excel workbook"),
        ("plan.xlsx.exe", XLSX_HEAD, "must be an Excel workbook"),
        ("plan.xlsx", b"<html><script>alert(1)</script>", "is not an Excel workbook"),
        ("plan.xlsx", b"PK\x03\x04" + b"\x00" * 2000, "must be smaller than"),
    ],
)
def test_uploads_are_checked_for_size_and_type(name, content, message):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as raised:
        validate_upload(upload, kinds=[SPREADSHEET], max_bytes=1000)
    assert message in " ".join(raised.value.messages)


@pytest.mark.parametrize(
    "name, safe",
    [
        ("../../etc/passwd.xlsx", "passwd.xlsx"),
        ("..\\..\\windows\\system.xlsx", "system.xlsx"),
        ("/absolute/plan.xlsx", "plan.xlsx"),
        ("plan\u202exslx.exe", "planxslx.exe"),  # right-to-left override hides the real extension
        ("plan\x00.xlsx", "plan.xlsx"),
        (".hidden.xlsx", "hidden.xlsx"),
    ],
)
def test_uploaded_file_names_lose_folders_and_control_characters(name, safe):
    assert safe_file_name(name) == safe


def test_a_genuine_workbook_passes_with_a_safe_name():
    upload = SimpleUploadedFile("../plan.xlsx", XLSX_HEAD)
    assert validate_upload(upload, kinds=[SPREADSHEET]).name == "plan.xlsx"


@pytest.mark.parametrize("name", ["plan_detail", "board_pack_pdf", "plan_export_xlsx", "board_pack_xlsx"])
def test_signed_in_pages_and_downloads_are_never_cached(client, world, name):
    client.force_login(world.coordinator)
    response = client.get(reverse(f"plans:{name}", args=[world.plan.pk]))
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives
    assert "public" not in directives
