"""The operations scripts fail clearly when what they need is missing."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_with_postgres_names_what_is_missing_when_postgresql_is_not_installed():
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "with-postgres"), "true"],
        env={**os.environ, "PG_BIN": "/nonexistent/postgresql/bin"}, capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2
    assert "PostgreSQL server binaries not found in /nonexistent/postgresql/bin" in result.stderr
    assert "apt-get install postgresql-15" in result.stderr


def test_load_test_refuses_to_run_without_postgresql():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "load_test.py"), "--seconds", "5", "--users", "1"],
        env=environment, capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode != 0
    assert "DATABASE_URL must point at a PostgreSQL database" in result.stderr
