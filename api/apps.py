from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Data feed (API)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from api import schema  # noqa: F401 - registers the token's OpenAPI description
