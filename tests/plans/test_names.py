"""Names people type are normalised before they are saved and compared: one matching rule per identity."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.text import name_key, normalise_name
from plans.models import Owner, Source
from plans.services import plan_data
from plans.services.owners import owner_create, owner_get_or_create
from plans.services.sources import source_get_or_create, source_match_key
from plans.services.structure import source_create
from tests.factories import OwnerFactory

pytestmark = pytest.mark.django_db

ZERO_WIDTH = "Head\u200bof Probation"
RIGHT_TO_LEFT = "Head of \u202eProbation"


@pytest.mark.parametrize(
    "typed, saved",
    [
        (ZERO_WIDTH, "Head of Probation"),
        (RIGHT_TO_LEFT, "Head of Probation"),
        ("  Head\u00a0of \t Probation\u200d ", "Head of Probation"),
        ("Cafe\u0301 lead", "Café lead"),  # NFC: one character, as a keyboard types it
        ("\u2066Head of Probation\u2069", "Head of Probation"),
    ],
)
def test_names_are_normalised(typed, saved):
    assert normalise_name(typed) == saved
    assert name_key(typed) == name_key(saved.upper())


@pytest.mark.parametrize("look_alike", [ZERO_WIDTH, RIGHT_TO_LEFT, "head of probation"])
def test_a_look_alike_role_is_refused_as_a_duplicate(look_alike):
    OwnerFactory(title="Head of Probation")
    with pytest.raises(ValidationError, match="There is already a role called"):
        owner_create(title=look_alike)
    assert Owner.objects.filter(title__icontains="probation").count() == 1


def test_the_role_page_refuses_a_look_alike(client, world):
    existing = world.other_role  # Head of Probation
    client.force_login(world.coordinator)
    response = client.post(reverse("plans:owner_create"), {"title": RIGHT_TO_LEFT, "agency": ""})
    assert "There is already a role called Head of Probation" in response.content.decode()
    assert list(Owner.objects.filter(title__icontains="probation")) == [existing]


def test_imports_and_the_action_form_match_the_same_role(world):
    existing = world.other_role  # Head of Probation
    assert plan_data.owner_get_or_create(ZERO_WIDTH, {}) == existing
    assert owner_get_or_create(title=RIGHT_TO_LEFT) == existing
    new = owner_get_or_create(title="Head\u200bof  Early Help\u202e")
    assert new.title == "Head of Early Help"


def test_source_codes_match_however_they_are_spelt():
    nat = Source.objects.create(code="Nat. Enq")
    assert source_match_key("Nat Enq") == source_match_key("NAT. ENQ\u200b")
    assert source_get_or_create(code="Nat Enq") == nat
    assert plan_data.source_get_or_create("nat enq.", plan_data.sources_by_key()) == nat
    with pytest.raises(ValidationError, match="There is already a source called Nat Enq"):
        source_create(code="Nat Enq")
    assert Source.objects.count() == 1


def test_titles_typed_in_forms_are_saved_normalised(client, world):
    client.force_login(world.coordinator)
    client.post(reverse("plans:source_create"), {"code": "OIS\u202e 2024", "title": "Ofsted\u200b  inspection"})
    source = Source.objects.get(code="OIS 2024")
    assert source.title == "Ofsted inspection"
