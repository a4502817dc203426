"""Every audits URL name: anonymous users sign in first, people without an audit role are refused,
and the Django admin lists every audits model."""
import pytest
from django.apps import apps
from django.urls import reverse

from audits.urls import urlpatterns


def _all_urls(audit):
    case = audit.case("Case 1", [audit.police])
    from audits.services.lessons import lesson_record

    lesson = lesson_record(programme=audit.programme, area_of_development="Supervision")
    args = {
        "programme_detail": [audit.programme.pk], "programme_status": [audit.programme.pk], "kloe_create": [audit.programme.pk],
        "standard_create": [audit.programme.pk], "case_create": [audit.programme.pk],
        "findings": [audit.programme.pk], "findings_excel": [audit.programme.pk],
        "overview_pdf": [audit.programme.pk], "lesson_create": [audit.programme.pk],
        "learning_event_create": [audit.programme.pk], "case_detail": [case.pk],
        "judgement_entry": [case.pk, audit.police.pk], "lesson_detail": [lesson.pk],
        "lesson_raise_action": [lesson.pk],
    }
    return [reverse(f"audits:{p.name}", args=args.get(p.name, [])) for p in urlpatterns]


def test_every_audits_page_needs_sign_in_and_an_audit_role(audit, client):
    urls = _all_urls(audit)
    assert len(urls) == len(urlpatterns)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    client.force_login(audit.nobody)
    for url in urls:
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("model", [m for m in apps.get_app_config("audits").get_models()], ids=lambda m: m.__name__)
def test_admin_lists_every_audits_model(audit, admin_client, model):
    response = admin_client.get(reverse(f"admin:audits_{model._meta.model_name}_changelist"))
    assert response.status_code == 200
