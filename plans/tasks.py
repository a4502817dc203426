"""Work done in the background by `manage.py db_worker` (django-tasks with django-tasks-db)."""

import datetime
import time

from django.contrib.auth import get_user_model
from django_tasks import task

from plans.importing.files import ImportFileError
from plans.models import Plan
from plans.services.import_jobs import (
    import_files_forget,
    import_status_write,
    mapping_from_session,
    parsed_key,
    parsed_load,
    parsed_save,
    upload_path,
)
from plans.services.importing import import_summary, plan_import, plan_import_preview
from plans.services.status_labels import status_labels_for_reading, status_labels_reading_key, status_labels_remember

STATUS_EVERY = 0.5  # seconds between two writes of the status file while reading or writing


def _every(seconds, report):
    """`report(done, total)` at most once every `seconds`, and always at the first and the last step."""
    last = [None]

    def progress(done, total):
        now = time.monotonic()
        if last[0] is None or done >= total or now - last[0] >= seconds:
            last[0] = now
            report(done, total)

    return progress


@task()
def plan_import_run(
    *,
    token,
    user_id,
    name,
    mapping=None,
    title="",
    plan_id=None,
    as_of=None,
    coordinators=(),
    board_members=(),
    people=None,
    statuses=None,
):
    """Read and write one uploaded workbook, telling the status file how far it has got.

    All or nothing, as on the page: a failure leaves the database as it was and says why."""
    path = upload_path(token)
    user = get_user_model().objects.get(pk=user_id)
    import_status_write(token, state="reading", rows_read=0)
    read_progress = _every(
        STATUS_EVERY, lambda done, total: import_status_write(token, state="reading", rows_read=done, rows_total=total)
    )
    write_progress = _every(
        STATUS_EVERY,
        lambda done, total: import_status_write(token, state="writing", actions_written=done, actions_total=total),
    )

    try:
        reading = status_labels_for_reading(statuses)
        parsed = parsed_load(
            token, parsed_key(mapping, title, status_labels_reading_key(reading))
        ) or plan_import_preview(
            source=path,
            name=name,
            mapping=mapping_from_session(mapping),
            title=title,
            progress=read_progress,
            statuses=reading,
        )
        import_status_write(
            token, state="writing", rows_read=parsed.rows_read, actions_total=len(parsed.actions), actions_written=0
        )
        plan = Plan.objects.get(pk=plan_id) if plan_id else None
        users = get_user_model().objects.filter(is_active=True)
        result = plan_import(
            parsed=parsed,
            author=user,
            plan=plan,
            title=title,
            name=name,
            as_of=datetime.datetime.fromisoformat(as_of) if as_of else None,
            coordinators=list(users.filter(pk__in=coordinators)),
            board_members=list(users.filter(pk__in=board_members)),
            people=people,
            progress=write_progress,
        )
        status_labels_remember(choices=statuses or {}, author=user)
    except (ImportFileError, Plan.DoesNotExist) as error:
        import_status_write(
            token,
            state="failed",
            error=str(error)
            if isinstance(error, ImportFileError)
            else "The plan to update no longer exists. Nothing was imported.",
        )
        return None
    except Exception:
        import_status_write(token, state="failed", error="Something went wrong while importing. Nothing was imported.")
        raise
    saved = result.saved
    import_status_write(
        token,
        state="done",
        plan_id=saved.plan.pk,
        plan_title=saved.plan.title,
        created=saved.created,
        actions_written=saved.actions_created + saved.actions_updated,
        summary=import_summary(saved),
    )
    for kept in path.parent.glob(f"{token}.*"):
        if not kept.name.endswith(".status.json"):
            kept.unlink(missing_ok=True)
    return saved.plan.pk


@task()
def plan_import_read(*, token, name):
    """Read a large upload for its preview, telling the status file how far it has got; the
    reading is kept for the preview (and the import) so it is not read again."""
    import_status_write(token, state="reading", rows_read=0)
    read_progress = _every(
        STATUS_EVERY, lambda done, total: import_status_write(token, state="reading", rows_read=done, rows_total=total)
    )

    reading = status_labels_for_reading()
    try:
        parsed = plan_import_preview(source=upload_path(token), name=name, progress=read_progress, statuses=reading)
    except ImportFileError as error:
        import_files_forget(token)
        import_status_write(token, state="failed", error=str(error))
        return None
    except Exception:
        import_status_write(token, state="failed", error="Something went wrong while reading the file.")
        raise
    parsed_save(token, parsed_key(None, "", status_labels_reading_key(reading)), parsed)
    import_status_write(token, state="read", rows_read=parsed.rows_read, actions_total=len(parsed.actions))
    return len(parsed.actions)


@task()
def board_pack_render(*, document_id, today=None):
    """Draw a queued full board pack (summary and every action) and keep it; the page waiting for it
    reads how far it has got (plans.services.packs)."""
    from plans.services.packs import board_pack_build

    return board_pack_build(document_id=document_id, today=datetime.date.fromisoformat(today) if today else None)
