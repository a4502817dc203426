"""Full backup and restore of the database, as portable gzipped JSON (any database to any database).

The backup holds every row of every app (users and their groups, plans, progress updates, the audit
trail, the Django admin's log) except what `migrate` recreates (content types, permissions),
sessions (users sign in again) and the sign-in throttle's counters. Users, groups and content
types are written by natural key, so the backup loads into a freshly migrated database whose
internal ids differ.
"""

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.base import DeserializationError
from django.db import transaction
from django.db.models.signals import pre_save

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
# Rows that `migrate` itself creates: present in an "empty" database.
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group", "auth.group_permissions"}
SUFFIX = ".json.gz"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    objects: int


def _path(path):
    path = Path(path)
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


def backup_write(*, path):
    """Write the whole database to PATH (gzipped JSON; `.json.gz` is added if missing)."""
    path = _path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=True,
        indent=None,
        output=str(path),
        verbosity=0,
    )
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        count = len(json.load(handle))
    return BackupResult(path=path, objects=count)


def _rows_present():
    """{model label: row count} for every table holding data that migrate does not create."""
    present = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in CREATED_BY_MIGRATE or model._meta.app_label in {"sessions", "axes"} or model._meta.proxy:
            continue
        count = model._base_manager.count()
        if count:
            present[label] = count
    return present


def _damaged(path, problem):
    return CommandError(
        f"The backup at {path} is incomplete or damaged ({problem}), so nothing was restored. "
        "It may have been cut short while it was written or copied: use another backup."
    )


def _read_rows(path):
    """The backup's rows, read whole before anything is written; CommandError if it is not whole."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = json.load(handle)
    except EOFError:
        raise _damaged(path, "the file ends early") from None
    except gzip.BadGzipFile:
        raise _damaged(path, "it is not a gzipped backup") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise _damaged(path, f"it cannot be read: {error.__class__.__name__}") from None
    if not isinstance(rows, list) or not all(isinstance(row, dict) and "model" in row for row in rows):
        raise _damaged(path, "it does not hold a list of records")
    return rows


_SKIP_HISTORY = "backup-restore-skip-history"


def _skip_history_of_loaded_rows(sender, instance, raw=False, **kwargs):
    """Rows loaded from a backup (raw saves) record no history of their own, nor of the
    many-to-many links loaddata sets on them just after: their history is in the backup."""
    if raw:
        instance.skip_history_when_saving = True


def backup_restore(*, path):
    """Load a backup into an empty (freshly migrated) database, all or nothing."""
    path = Path(path)
    if not path.exists():
        raise CommandError(f"There is no backup at {path}.")
    rows = _read_rows(path)
    present = _rows_present()
    if present:
        summary = ", ".join(f"{count} {label}" for label, count in sorted(present.items())[:6])
        raise CommandError(
            "Restore refused: the database is not empty (it holds "
            f"{summary}{', …' if len(present) > 6 else ''}). Restore only into a new database "
            "prepared with `manage.py migrate`, so nothing is overwritten or mixed."
        )
    # Loading sets many-to-many links, which the audit trail would otherwise record as new changes:
    # the restored history must be the backed-up history, nothing more.
    pre_save.connect(_skip_history_of_loaded_rows, dispatch_uid=_SKIP_HISTORY)
    try:
        with transaction.atomic():
            call_command("loaddata", str(path), verbosity=0)
    except DeserializationError as error:
        raise _damaged(path, f"a record cannot be loaded: {str(error).splitlines()[0][:200]}") from None
    finally:
        pre_save.disconnect(dispatch_uid=_SKIP_HISTORY)
    return BackupResult(path=path, objects=len(rows))
