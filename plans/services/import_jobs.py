"""Imports that run in the background (django-tasks), and what the browser is told while they run.

The uploaded file waits in MEDIA_ROOT/imports/<token>.xlsx (see plans.views.importing); a
background import writes its progress beside it, in <token>.status.json, replaced whole at each
step so a reader never sees half of it. The worker (`manage.py db_worker`) and the web server
share MEDIA_ROOT. The status lives in a file, not the database, because the write runs in one
transaction: rows counted inside it could not be seen by the page polling for them until the end.
"""
import json
import os
from pathlib import Path

from django.conf import settings

STATES = {
    "queued": "Waiting to start",
    "reading": "Reading the spreadsheet",
    "writing": "Saving the plan",
    "done": "Imported",
    "failed": "Not imported",
}


def import_folder():
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def upload_path(token):
    return import_folder() / f"{token}.xlsx"


def _status_path(token):
    return import_folder() / f"{token}.status.json"


def import_status_write(token, **values):
    """Merge `values` into the import's status (state, rows_read, rows_total, actions_written, …)."""
    path = _status_path(token)
    status = import_status_read(token) or {}
    status.update(values)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(status))
    os.replace(temporary, path)
    return status


def import_status_read(token):
    """The import's status as last written; None when there is none."""
    try:
        status = json.loads(_status_path(token).read_text())
    except (OSError, ValueError):
        return None
    status["label"] = STATES.get(status.get("state"), "")
    total = status.get("rows_total") or 0
    status["percent"] = min(100, int(100 * (status.get("rows_read") or 0) / total)) if total else 0
    return status


def import_status_forget(token):
    _status_path(token).unlink(missing_ok=True)
