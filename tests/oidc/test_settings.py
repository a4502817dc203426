"""Organisation sign-in is configured from the environment alone."""

import json

from tests.test_settings import run_manage

CODE = (
    "import json; from django.conf import settings as s; from improvement.oidc import sso_enabled; "
    "print(json.dumps({'on': sso_enabled(), 'domains': s.OIDC_ALLOWED_EMAIL_DOMAINS, 'id': s.OIDC_RP_CLIENT_ID, "
    "'username': s.OIDC_USERNAME_CLAIM, 'email': s.OIDC_EMAIL_CLAIM, 'passwords': s.PASSWORD_SIGN_IN, "
    "'name': s.OIDC_PROVIDER_NAME, 'form_action': [str(v) for v in s.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']]}))"
)


def test_sign_in_settings_come_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        CODE,
        OIDC_ISSUER="https://login.microsoftonline.com/tenant-id/v2.0",
        OIDC_CLIENT_ID="client-id",
        OIDC_CLIENT_SECRET="secret",
        OIDC_ALLOWED_EMAIL_DOMAINS="solihull.gov.uk, solihull.nhs.uk",
        OIDC_USERNAME_CLAIM="upn",
        OIDC_EMAIL_CLAIM="mail",
        PASSWORD_SIGN_IN="false",
        OIDC_PROVIDER_NAME="Solihull Council",
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "on": True,
        "domains": ["solihull.gov.uk", "solihull.nhs.uk"],
        "id": "client-id",
        "username": "upn",
        "email": "mail",
        "passwords": False,
        "name": "Solihull Council",
        # Signing out goes on to the provider's end-session page: the CSP lets the form's redirect go there.
        "form_action": ["'self'", "https://login.microsoftonline.com"],
    }


def test_without_an_issuer_sign_in_is_passwords_only():
    values = json.loads(run_manage("shell", "-c", CODE).stdout.strip().splitlines()[-1])
    assert values["on"] is False and values["passwords"] is True and values["form_action"] == ["'self'"]
