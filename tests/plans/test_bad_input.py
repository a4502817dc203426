"""Bad input on every form: empty, huge, wrong type, script tags, SQL, unicode tricks, NUL bytes.
Each gets a clear message (or is stored and shown harmlessly), nothing else changes, nothing runs."""

import pytest
from django.urls import reverse

from plans.models import Action, Owner, ProgressUpdate

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SQL = "'; DROP TABLE plans_action; --"


def update_url(world):
    return reverse("plans:progress_update_create", args=[world.action.pk])


def post_update(client, world, **fields):
    data = {"progress_rag": "G", "impact_rag": "", "note": "A sensible note.", "evidence_links": ""}
    data.update(fields)
    client.force_login(world.owner)
    return client.post(update_url(world), data)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"progress_rag": "", "note": ""}, "Select a progress RAG rating"),
        ({"note": ""}, "Enter a progress note"),
        ({"note": "   \n\t  "}, "Enter a progress note"),
        ({"note": "\u200b\u200b\ufeff"}, "Enter a progress note"),
        ({"note": "x" * 10_001}, "Progress note must be 10,000 characters or fewer"),
        ({"progress_rag": "Purple"}, "Select a progress RAG rating from the list"),
        ({"progress_rag": ["G", "R"]}, None),  # two values: the last wins, like any form field
        ({"progress_rag": SQL}, "Select a progress RAG rating from the list"),
        ({"impact_rag": "7"}, "Select an impact RAG rating from the list"),
        ({"note": "Bad\x00note"}, "Progress note must not contain hidden control characters"),
        (
            {"evidence_links": "https://intranet.example.org/a\x00"},
            "Evidence links must not contain hidden control characters",
        ),
        ({"evidence_links": "javascript:alert(1)"}, "must be a web address starting with http:// or https://"),
        ({"evidence_links": "file:///etc/passwd"}, "must be a web address starting with http:// or https://"),
        ({"evidence_links": "../../etc/passwd"}, "must be a web address starting with http:// or https://"),
        ({"evidence_links": "x" * 5_001}, "Evidence links must be 5,000 characters or fewer"),
    ],
)
def test_bad_progress_update_gets_a_clear_message_and_changes_nothing(client, world, fields, message):
    response = post_update(client, world, **fields)
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_script_tags_are_stored_as_text_and_shown_escaped(client, world):
    assert post_update(client, world, note=SCRIPT).status_code == 302
    assert ProgressUpdate.objects.get().note == SCRIPT
    for url in (world.action.get_absolute_url(), reverse("plans:my_actions"), update_url(world)):
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url


def test_sql_in_a_note_is_just_text(client, world):
    actions = Action.objects.count()
    assert post_update(client, world, note=SQL).status_code == 302
    assert ProgressUpdate.objects.get().note == SQL
    assert Action.objects.count() == actions


def test_bidirectional_overrides_and_zero_width_characters_are_removed(client, world):
    note = "Complete\u202e by March\u200b 2026\ufeff"
    assert post_update(client, world, note=note).status_code == 302
    assert ProgressUpdate.objects.get().note == "Complete by March 2026"


def test_other_unicode_is_kept(client, world):
    note = "Café – Ysgol Gymraeg – 学校 – مدرسة – 👩‍👧"
    assert post_update(client, world, note=note).status_code == 302
    assert ProgressUpdate.objects.get().note == note


def test_a_plan_filter_with_malicious_input_is_harmless(client, world):
    client.force_login(world.coordinator)
    for query in (SQL, SCRIPT, "\x00", "%", "_", "x" * 5000):
        response = client.get(
            reverse("plans:plan_detail", args=[world.plan.pk]), {"q": query, "theme": SQL, "page": "-1"}
        )
        assert response.status_code in (200, 404), query
        assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize(
    "username, password",
    [
        ("", ""),
        ("x" * 10_000, "x"),
        ("x", "y" * 10_000),
        ("admin\x00", "x"),
        (SQL, SQL),
        ("' OR '1'='1", "' OR '1'='1"),
        (SCRIPT, "x"),
        ("adm\u200bin", "improvement-demo"),
    ],
)
def test_bad_sign_in_gets_a_message_not_an_error(client, world, username, password):
    response = client.post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert SCRIPT not in html
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"title": ""}, "Enter the role title"),
        ({"title": "   "}, "Enter the role title"),
        ({"title": "x" * 301}, "Role title must be 300 characters or fewer"),
        ({"title": "Head\x00"}, "Null characters are not allowed"),
        ({"version": "abc"}, "This page is out of date"),
        ({"version": "-5"}, "This page is out of date"),
    ],
)
def test_bad_owner_edit_gets_a_clear_message(client, world, fields, message):
    owner = world.owner_role
    data = {"title": "New title", "agency": "", "version": owner.version}
    data.update(fields)
    client.force_login(world.admin)
    response = client.post(reverse("plans:owner_edit", args=[owner.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Owner.objects.get(pk=owner.pk).title == "Head of Service Safeguards"
