"""Imports that run in the background (django-tasks), and what the browser is told while they run.

The uploaded file waits in MEDIA_ROOT/imports/<token>.xlsx (see plans.views.importing); a
background import writes its progress beside it, in <token>.status.json, replaced whole at each
step so a reader never sees half of it. The worker (`manage.py db_worker`) and the web server
share MEDIA_ROOT. The status lives in a file, not the database, because the write runs in one
transaction: rows counted inside it could not be seen by the page polling for them until the end.
"""

import hashlib
import json
import os
import pickle
import re
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

STATES = {
    "queued": "Waiting to start",
    "reading": "Reading the spreadsheet",
    "read": "Read",
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


# ------------------------------------------------------------------- a read plan, kept between steps
#
# Reading a 20,000-row workbook takes seconds; the preview is shown again after every correction
# and the confirm step needs the same reading. The read plan is kept beside the upload, signed
# with the SECRET_KEY (an HMAC over the bytes), and loaded only when the signature matches, so a
# file put there by anything but this server is never unpickled.

_PARSED_SALT = "plans.import.parsed"


def parsed_key(mapping, title, statuses=None):
    """Which reading: the column mapping (one for all sheets, or per sheet), title and status labels
    ({status key: RAG code or ""}) it was read with."""
    parts = [sorted((str(k), v) for k, v in (mapping or {}).items()), title or ""]
    if statuses:
        parts.append(sorted(statuses.items()))
    text = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def mapping_from_session(mapping):
    """A mapping kept as JSON (string keys) as the reader takes it: {column index: field}, or
    {sheet name: {column index: field}} per sheet."""
    if not mapping:
        return None
    if not any(isinstance(value, dict) for value in mapping.values()):
        return {int(key): value for key, value in mapping.items()}
    return {sheet: {int(key): value for key, value in columns.items()} for sheet, columns in mapping.items()}


def _parsed_path(token, key):
    return import_folder() / f"{token}.{key}.parsed"


def parsed_save(token, key, parsed):
    data = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    signature = salted_hmac(_PARSED_SALT, data, algorithm="sha256").hexdigest().encode()
    path = _parsed_path(token, key)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(signature + b"\n" + data)
    os.replace(temporary, path)


def parsed_load(token, key):
    """The plan as read before with this mapping and title; None if not kept or not ours."""
    try:
        signature, data = _parsed_path(token, key).read_bytes().split(b"\n", 1)
    except (OSError, ValueError):
        return None
    expected = salted_hmac(_PARSED_SALT, data, algorithm="sha256").hexdigest().encode()
    if not constant_time_compare(signature, expected):
        return None
    try:
        return pickle.loads(data)  # noqa: S301 - signed by this server above
    except Exception:  # a reading kept by an older version of the code
        return None


def import_files_forget(token):
    """Everything kept for one upload: the file, its readings and its status."""
    for path in import_folder().glob(f"{token}.*"):
        path.unlink(missing_ok=True)


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def workbook_rows_estimate(source):
    """The rows the workbook's sheets say they span (their <dimension>), without reading them: 0 if unknown."""
    rows = 0
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as handle:
                        match = _DIMENSION.search(handle.read(2048))
                    if match:
                        rows += int(match.group(1))
    except (OSError, zipfile.BadZipFile, ValueError):
        return 0
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    return rows
