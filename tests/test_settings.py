"""Settings come from the environment; production passes Django's deployment checks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "DJANGO_ENV"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_issue_in_production():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="x" * 20 + "-production-secret-key-for-the-check-0123456789",
        ALLOWED_HOSTS="improvement.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_ENV="production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_selects_the_database():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_manage("shell", "-c", code, DATABASE_URL="postgres://u:p@db.example.org:5432/plans")
    assert result.stdout.strip().endswith("postgresql")
    default = run_manage("shell", "-c", code)
    assert default.stdout.strip().endswith("sqlite3")


def test_postgresql_connections_run_without_jit(db):
    """Every query here is short: PostgreSQL's JIT would cost more than it saves (see settings)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_make_run_serves_the_demo_with_the_products_own_not_found_page():
    """`make run` is the demo councils look at: DEBUG off, so a wrong address gets the GOV.UK page, not Django's."""
    recipe = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    runserver = next(line for line in recipe.splitlines() if "manage.py runserver" in line)
    demo_env = dict(re.findall(r"\b([A-Z_]+)=(\S+) ", runserver.split("manage.py")[0]))
    assert demo_env.get("DEBUG") == "false"
    code = (
        "from django.test import Client; r = Client(HTTP_HOST='127.0.0.1').get('/no-such-page/'); "
        "print(r.status_code, 'Page not found – Improvement plan' in r.content.decode(), 'Django tried' in r.content.decode())"
    )
    result = run_manage("shell", "-c", code, **demo_env)
    assert result.stdout.split()[-3:] == ["404", "True", "False"], result.stdout + result.stderr
