"""Every URL of the project, walked: anonymous → sign-in page, wrong role → 403, right role → 200.

A URL name that is not in ACCESS below FAILS `test_every_url_name_is_classified`: whoever adds a
page adds it here, with the objects its URL needs and who may open it. Users come from the
`world` fixture (tests/conftest.py): plan A (actions owned by two roles) and plan B.
"""
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = ["admin", "coordinator", "owner", "board", "outsider_coordinator", "outsider_board", "nobody"]


def only(*allowed):
    """200 for the roles named, 403 for every other signed-in role."""
    return {role: 200 if role in allowed else 403 for role in ROLES}


EVERYONE = only(*ROLES)
READERS_OF_PLAN_A = only("admin", "coordinator", "owner", "board")


@dataclass(frozen=True)
class Case:
    args: object = lambda world: []  # noqa: E731 - the objects the URL names
    expect: dict = field(default_factory=lambda: dict(EVERYONE))
    label: str = ""


# url name -> the cases to try (several when the object matters: another role's action, another plan)
ACCESS = {
    "plans:my_actions": [Case()],
    "plans:plan_list": [Case()],
    "plans:plan_detail": [
        Case(lambda w: [w.plan.pk], READERS_OF_PLAN_A, "plan A"),
        Case(lambda w: [w.other_plan.pk], only("admin", "outsider_coordinator", "outsider_board"), "plan B"),
    ],
    "plans:action_detail": [
        Case(lambda w: [w.action.pk], READERS_OF_PLAN_A, "own action"),
        Case(lambda w: [w.foreign_action.pk], only("admin", "outsider_coordinator", "outsider_board"), "plan B action"),
    ],
    "plans:progress_update_create": [
        Case(lambda w: [w.action.pk], only("admin", "coordinator", "owner"), "action of the owner's role"),
        Case(lambda w: [w.other_action.pk], only("admin", "coordinator"), "action of another role"),
        Case(lambda w: [w.foreign_action.pk], only("admin", "outsider_coordinator"), "plan B action"),
    ],
    "plans:action_history": [
        Case(lambda w: [w.action.pk], READERS_OF_PLAN_A, "plan A action"),
        Case(lambda w: [w.foreign_action.pk], only("admin", "outsider_coordinator", "outsider_board"), "plan B action"),
    ],
    "plans:owner_edit": [Case(lambda w: [w.owner_role.pk], only("admin", "coordinator"))],
    "plans:audit_log": [Case(expect=only("admin"))],
}
# Open to everyone, signed in or not.
PUBLIC = {"login", "logout"}
# The Django admin guards itself (staff accounts only) and signs in through its own page.
SELF_GUARDED_NAMESPACES = {"admin"}


def all_url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from all_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def all_views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_views(pattern)
        else:
            yield pattern


def walk():
    for name, cases in ACCESS.items():
        for case in cases:
            yield pytest.param(name, case, id=f"{name}[{case.label}]" if case.label else name)


def test_every_url_name_is_classified():
    names = {n for n in all_url_names() if n.split(":")[0] not in SELF_GUARDED_NAMESPACES}
    unclassified = names - set(ACCESS) - PUBLIC
    assert not unclassified, f"Add these URL names to ACCESS in {__file__}: {sorted(unclassified)}"
    assert not (set(ACCESS) | PUBLIC) - names, "ACCESS names a URL that no longer exists"


def test_no_view_is_exempt_from_csrf():
    exempt = [p.name or str(p.pattern) for p in all_views() if getattr(p.callback, "csrf_exempt", False)]
    assert not exempt


@pytest.mark.parametrize("name, case", list(walk()))
def test_anonymous_visitor_is_sent_to_sign_in(client, world, name, case):
    url = reverse(name, args=case.args(world))
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.parametrize("name, case", list(walk()))
def test_role_matrix(world, name, case):
    url = reverse(name, args=case.args(world))
    for role in ROLES:
        client = Client()
        client.force_login(world.user(role))
        response = client.get(url)
        assert response.status_code == case.expect[role], f"{role} GET {url}"
        if case.expect[role] == 403:
            # The wrong role cannot change anything by posting to the URL either.
            assert client.post(url, {"title": "x", "note": "x", "progress_rag": "G", "version": 1}).status_code == 403, (
                f"{role} POST {url}"
            )


@pytest.mark.parametrize("name, case", list(walk()))
def test_posting_without_the_csrf_token_is_refused(world, name, case):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin)
    response = client.post(reverse(name, args=case.args(world)), {"note": "x", "progress_rag": "G"})
    assert response.status_code == 403


def test_the_django_admin_is_for_staff_only(client, world):
    index = reverse("admin:index")
    assert client.get(index)["Location"].startswith(reverse("admin:login"))
    client.force_login(world.coordinator)  # not staff
    assert client.get(index).status_code == 302
    change = reverse("admin:plans_action_change", args=[world.action.pk])
    assert client.get(change)["Location"].startswith(reverse("admin:login"))


def test_sign_in_page_is_public(client):
    assert client.get(reverse("login")).status_code == 200
