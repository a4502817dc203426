"""The server-error page, and the cache every app server shares."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import RequestFactory
from django.views.defaults import server_error


@pytest.mark.django_db
def test_a_server_error_shows_the_services_own_page_without_touching_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/plans/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "<h1>Server Error (500)</h1>" not in html  # Django's bare page


@pytest.mark.django_db
def test_the_cache_is_the_database_shared_by_every_app_server_and_its_table_is_migrated():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    cache.set("figures", "<p>drawn once</p>", 60)
    assert cache.get("figures") == "<p>drawn once</p>"
