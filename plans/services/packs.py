"""Full board packs (the summary and every action as an appendix), built in the background and kept.

The full pack of a real plan takes WeasyPrint tens of seconds (about 40 pages at 118 actions), more
than a request may wait. So it is never drawn inside a request: `board_pack_request` queues it for
the background worker (django-tasks, `manage.py db_worker`; plans.tasks.board_pack_render) and
the page waiting for it shows how far it has got, page by page, from WeasyPrint's own progress log.

- A closed period's pack is queued when the period's close is committed
  (plans.services.periods.period_close_work_enqueue) and kept (BoardPackDocument): its figures
  never change. Its stamp holds the names it prints as they are now (owners, themes, the plan), so
  renaming one makes a new stamp and the pack is made again on the next request.
- The open period's full pack is kept under a stamp of everything it prints (updates, actions,
  measures, the highlight report, reviews, today's date for "overdue"): any change makes a new one.
- The open period's summary (at most about eight pages) is drawn in the request
  (plans.services.reports.board_pack_pdf with full=False): it does not grow with the plan.
- A pack left waiting for nothing is queued again when next asked for: its task finished or is gone
  without the pack being made, or its build has said nothing for STALLED_AFTER (the worker was
  stopped mid-way). A task still waiting its turn behind other work is left alone.
"""

import datetime
import hashlib
import logging
import re
import threading

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django_tasks import TaskResultStatus

from plans.models import (
    Action,
    BoardPackDocument,
    BoardPackKind,
    BoardPackState,
    HighlightReport,
    Measure,
    MeasureReading,
    ProgressUpdate,
    Theme,
)
from plans.models.round import DueDateChange, UpdateReview
from plans.selectors.reporting import owners_stamp

logger = logging.getLogger(__name__)

FAILED_MESSAGE = (
    "Something went wrong while preparing the board pack. Try again; if it fails again, tell the administrator."
)
# WeasyPrint logs "Step 5 - Creating layout - Page 12" to this logger as it lays out each page.
WEASYPRINT_PROGRESS = "weasyprint.progress"
_PAGE = re.compile(r"Creating layout - Page (\d+)")
# Write the page count at most this often (seconds): the waiting page refreshes every few seconds.
PROGRESS_WRITE_SECONDS = 1.0
# A build that has said nothing for this long has stopped (it writes every page it lays out).
STALLED_AFTER = datetime.timedelta(minutes=10)


def _aggregate_text(queryset, **aggregates):
    values = queryset.aggregate(**aggregates)
    return ",".join(f"{key}={values[key]}" for key in sorted(values))


def pack_stamp(*, period, today=None):
    """What the full pack of `period` is drawn from, as a short hash: it changes when anything the
    pack prints changes (for a closed period, only the names it prints as they are now)."""
    plan = period.plan
    parts = [
        f"plan={plan.pk}:{plan.version}",
        f"owners={owners_stamp()}",
        "themes=" + _aggregate_text(Theme.objects.filter(plan=plan), n=Count("pk"), v=Sum("version")),
    ]
    if period.closed:
        parts.append(f"closed={period.closed_at.isoformat() if period.closed_at else ''}")
    else:
        parts += [
            f"today={today or timezone.localdate()}",
            "updates="
            + _aggregate_text(ProgressUpdate.objects.filter(action__theme__plan=plan), n=Count("pk"), last=Max("pk")),
            "actions=" + _aggregate_text(Action.objects.filter(theme__plan=plan), n=Count("pk"), v=Sum("version")),
            "measures=" + _aggregate_text(Measure.objects.filter(plan=plan), n=Count("pk"), v=Sum("version")),
            "readings="
            + _aggregate_text(MeasureReading.objects.filter(measure__plan=plan), n=Count("pk"), last=Max("pk")),
            "highlight="
            + _aggregate_text(HighlightReport.objects.filter(period=period), n=Count("pk"), v=Sum("version")),
            "reviews="
            + _aggregate_text(
                UpdateReview.objects.filter(update__action__theme__plan=plan), n=Count("pk"), last=Max("pk")
            ),
            "moves="
            + _aggregate_text(DueDateChange.objects.filter(action__theme__plan=plan), n=Count("pk"), last=Max("pk")),
        ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def board_pack_current(*, period, today=None):
    """The kept full pack of `period` for what it would print now, or None (nothing is queued)."""
    return (
        BoardPackDocument.objects.defer("pdf")
        .filter(period=period, kind=BoardPackKind.FULL, stamp=pack_stamp(period=period, today=today))
        .first()
    )


def board_pack_request(*, period, today=None, retry=False):
    """The full pack of `period` for what it would print now: the kept one, or one queued now for the
    background worker (again if the last try failed and `retry`). Returns the BoardPackDocument
    (without its PDF)."""
    from plans.tasks import board_pack_render

    stamp = pack_stamp(period=period, today=today)
    document = (
        BoardPackDocument.objects.defer("pdf").filter(period=period, kind=BoardPackKind.FULL, stamp=stamp).first()
    )
    if document is not None and not (
        (document.state == BoardPackState.FAILED and retry) or _abandoned(document, now=timezone.now())
    ):
        return document
    if document is None:
        earlier = (
            BoardPackDocument.objects.filter(period=period, kind=BoardPackKind.FULL, pages__isnull=False)
            .order_by("-pk")
            .first()
        )
        try:
            with transaction.atomic():
                document = BoardPackDocument.objects.create(
                    period=period,
                    kind=BoardPackKind.FULL,
                    stamp=stamp,
                    step="Waiting for the background worker",
                    pages_expected=earlier.pages if earlier else _pages_estimate(period),
                )
        except IntegrityError:  # asked for at the same moment by someone else: theirs is queued
            return BoardPackDocument.objects.defer("pdf").get(period=period, kind=BoardPackKind.FULL, stamp=stamp)
    else:
        BoardPackDocument.objects.filter(pk=document.pk).update(
            state=BoardPackState.QUEUED,
            error="",
            pages_done=0,
            step="Waiting for the background worker",
            touched_at=timezone.now(),
        )
    result = board_pack_render.enqueue(document_id=document.pk, today=(today.isoformat() if today else None))
    # Immediate tasks (tests) have run already: only a pack still waiting keeps its task's id.
    BoardPackDocument.objects.filter(pk=document.pk, state__in=(BoardPackState.QUEUED, BoardPackState.RUNNING)).update(
        task_id=result.id
    )
    return BoardPackDocument.objects.defer("pdf").get(pk=document.pk)


def _abandoned(document, *, now):
    """Is this queued or running pack waiting for nothing? Its task finished or is gone without
    making it, or its build has said nothing for STALLED_AFTER (the worker stopped mid-way)."""
    from django_tasks.exceptions import TaskResultDoesNotExist

    from plans.tasks import board_pack_render

    if document.state not in (BoardPackState.QUEUED, BoardPackState.RUNNING):
        return False
    quiet_since = document.waiting_since
    if document.task_id:
        try:
            result = board_pack_render.get_result(document.task_id)
        except TaskResultDoesNotExist:
            return True
        except NotImplementedError:  # a backend that cannot look tasks up: only time can tell
            pass
        else:
            if result.is_finished:
                return True
            if result.status == TaskResultStatus.READY:
                return False  # waiting its turn behind other work
    return now - quiet_since > STALLED_AFTER


def _pages_estimate(period):
    """About how many pages a full pack will take, before the first is made: the summary's eight
    and about three actions a page."""
    return 8 + Action.objects.filter(theme__plan=period.plan).count() // 3


class _PageCounter(logging.Handler):
    """Writes WeasyPrint's page-by-page progress to the document, for the page that waits for it."""

    def __init__(self, document_id):
        super().__init__(level=logging.INFO)
        self.document_id = document_id
        self.thread = threading.get_ident()
        self.pages = 0
        self.written_at = 0.0

    def emit(self, record):
        if record.thread != self.thread:
            return  # another build in another thread of this process
        message = record.getMessage()
        match = _PAGE.search(message)
        if match:
            self.pages = int(match.group(1))
            now = record.created
            if now - self.written_at >= PROGRESS_WRITE_SECONDS:
                self.written_at = now
                BoardPackDocument.objects.filter(pk=self.document_id).update(
                    pages_done=self.pages, step=f"Laying out page {self.pages}", touched_at=timezone.now()
                )
        elif "Creating PDF" in message:
            BoardPackDocument.objects.filter(pk=self.document_id).update(
                pages_done=self.pages, step="Writing the tagged PDF", touched_at=timezone.now()
            )


def board_pack_build(*, document_id, today=None):
    """Draw one queued full pack and keep it (the background worker's job; see plans.tasks)."""
    from improvement.pdf import pdf_from_html
    from plans.selectors.pack import board_pack
    from plans.services.reports import board_pack_html

    document = BoardPackDocument.objects.defer("pdf").select_related("period__plan").filter(pk=document_id).first()
    if document is None or document.state == BoardPackState.DONE:
        return None
    period = document.period
    BoardPackDocument.objects.filter(pk=document.pk).update(
        state=BoardPackState.RUNNING, step="Gathering the figures", touched_at=timezone.now()
    )
    progress = logging.getLogger(WEASYPRINT_PROGRESS)
    counter = _PageCounter(document.pk)
    level = progress.level
    progress.addHandler(counter)
    if not progress.isEnabledFor(logging.INFO):
        progress.setLevel(logging.INFO)
    try:
        html = board_pack_html(pack=board_pack(plan=period.plan, period=period, today=today, full=True))
        BoardPackDocument.objects.filter(pk=document.pk).update(step="Laying out the pages", touched_at=timezone.now())
        pdf = pdf_from_html(html=html)
    except Exception:
        logger.exception("Board pack %s could not be made", document.pk)
        BoardPackDocument.objects.filter(pk=document.pk).update(state=BoardPackState.FAILED, error=FAILED_MESSAGE)
        raise
    finally:
        progress.removeHandler(counter)
        progress.setLevel(level)
    BoardPackDocument.objects.filter(pk=document.pk).update(
        state=BoardPackState.DONE,
        pdf=pdf,
        pages=counter.pages or None,
        pages_done=counter.pages,
        step="Ready",
        finished_at=timezone.now(),
    )
    # Older packs of the period (drawn from figures or names since changed) are no longer needed.
    BoardPackDocument.objects.filter(period=period, kind=BoardPackKind.FULL).exclude(pk=document.pk).delete()
    return document.pk


def board_pack_bytes(document):
    """The kept PDF of a document that is done."""
    pdf = BoardPackDocument.objects.values_list("pdf", flat=True).get(pk=document.pk)
    return bytes(pdf)
