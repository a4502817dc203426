"""The operations scripts fail clearly when what they need is missing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_with_postgres_names_what_is_missing_when_postgresql_is_not_installed():
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "with-postgres"), "true"],
        env={**os.environ, "PG_BIN": "/nonexistent/postgresql/bin"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "PostgreSQL server binaries not found in /nonexistent/postgresql/bin" in result.stderr
    assert "apt-get install postgresql-15" in result.stderr


def test_load_test_refuses_to_run_without_postgresql():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "load_test.py"), "--seconds", "5", "--users", "1"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "DATABASE_URL must point at a PostgreSQL database" in result.stderr


def test_load_test_reads_the_servers_cpu_time_and_the_machines_from_proc(monkeypatch):
    """`make load` prints the server's CPU per request: the readings behind it are real and grow."""
    import importlib.util
    import time

    monkeypatch.setattr(sys, "argv", ["load_test.py"])
    spec = importlib.util.spec_from_file_location("load_test_module", ROOT / "scripts" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\ntime.sleep(5)",
        ]
    )
    try:
        deadline = time.monotonic() + 10
        while module.process_tree_cpu(os.getpid()) < 0.25 and time.monotonic() < deadline:
            time.sleep(0.1)
        # This process's tree counts the busy child still running.
        assert module.process_tree_cpu(os.getpid()) >= 0.25
    finally:
        child.kill()
        child.wait()
    busy, total = module.machine_cpu()
    assert 0 < busy <= total
    sample = module.cpu_sample(os.getpid())
    assert set(sample) == {"server", "busy", "total", "generator"}
