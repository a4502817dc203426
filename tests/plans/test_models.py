"""Model invariants: progress updates are append-only; the RAG scale is the contract's."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from plans.models import ProgressUpdate, Rag
from plans.models.progress import AppendOnlyError
from tests.factories import ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_rag_scale_has_codes_labels_and_meanings():
    assert [(r.value, r.label) for r in Rag] == [
        ("B", "Blue"),
        ("G", "Green"),
        ("A", "Amber"),
        ("R", "Red"),
        ("Gr", "Grey"),
    ]
    assert Rag.BLUE.meaning == "Completed"
    assert Rag.GREY.meaning == "Not yet started, not yet due"
    assert Rag.RED.rank < Rag.AMBER.rank < Rag.GREEN.rank < Rag.BLUE.rank


def test_progress_update_cannot_be_changed():
    update = ProgressUpdateFactory(note="What was said")
    update.note = "Rewritten history"
    with pytest.raises(AppendOnlyError):
        update.save()
    assert ProgressUpdate.objects.get(pk=update.pk).note == "What was said"


def test_progress_update_cannot_be_deleted():
    update = ProgressUpdateFactory()
    with pytest.raises(AppendOnlyError):
        update.delete()
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()


def test_admin_offers_no_change_or_delete_of_progress_updates():
    model_admin = admin.site._registry[ProgressUpdate]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_every_plans_model_is_in_the_admin():
    from django.apps import apps

    registered = {model for model in admin.site._registry}
    # The history tables (django-simple-history) are read through the audit log, not edited.
    models = {m for m in apps.get_app_config("plans").get_models() if not m._meta.object_name.startswith("Historical")}
    assert models <= registered


def test_a_ref_out_of_its_theme_names_the_theme_by_number_else_by_title():
    from plans.models.actions import ref_with_theme

    assert ref_with_theme("2.15", "3", "Workforce") == "2.15 (theme\u00a03)"
    assert ref_with_theme("2.15", "", "Workforce") == "2.15 (Workforce)"
    assert ref_with_theme("", "3", "Workforce") == "(no ref, theme\u00a03)"
    assert ref_with_theme("", "", "") == "(no ref)"
