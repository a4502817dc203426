"""The board pack the board reads: a summary of at most about eight pages, then every action as an
appendix; no half-empty page and no empty chart (read from the real PDF); full packs built by the real
background worker and kept; Excel charts; downloads only for the plan's board and coordinators."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from plans.models import BoardPackDocument, BoardPackState, HighlightReport, MeasureMilestone, Rag
from plans.permissions import OWNER
from plans.rag import RAG_PALETTE
from plans.services.periods import period_close
from tests.documents import pdf_structure
from tests.factories import ActionFactory, MeasureFactory, MeasureReadingFactory, OwnerFactory, UserFactory
from tests.plans.reporting_fixtures import board, update  # noqa: F401 (fixture)

MARGIN = 16 / 25.4 * 72  # the pack's top and bottom page margins, in points


def pdf_url(board, name="board_pack_pdf", slug="2026-02"):
    return reverse(f"plans:{name}", args=[board.plan.pk]) + f"?period={slug}"


def pages(content):
    return PdfReader(io.BytesIO(content)).pages


def text_of(content):
    return " ".join(" ".join(page.extract_text() for page in pages(content)).split())


def lowest_text(page):
    """The lowest line of the page's body text (page-margin text left out), in points from the bottom."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    body = [y for y in found if MARGIN < y < height - MARGIN]
    return min(body) if body else height


def a_busy_plan(board, n=60):
    """Many actions in every list (Red, overdue, no update, worsened, progress without impact), a
    highlight report, a measure with readings and one without."""
    owner = OwnerFactory(title="Assistant Director, Children's Social Care and Early Help Services")
    for i in range(n):
        action = ActionFactory(
            theme=board.themes[i % 2],
            ref=f"3.{i}",
            position=10 + i,
            owners=[owner],
            action_text=f"Action {i}: audit the use of the threshold document with partners and "
            "report what changed for children to the partnership board.",
            due_date=datetime.date(2026, 1, 20) if i % 3 == 0 else datetime.date(2027, 3, 31),
        )
        update(action, board.jan, Rag.GREEN, Rag.AMBER, author=board.author)
        if i % 4:
            update(
                action,
                board.feb,
                [Rag.RED, Rag.GREEN, Rag.AMBER][i % 3],
                [Rag.RED, Rag.AMBER, Rag.GREY][i % 3],
                note="A long note from the owner explaining what happened this month, who was involved and "
                "what is planned next, as owners write them. " * 2,
                author=board.author,
            )
    HighlightReport.objects.create(
        period=board.feb,
        achievements="Front door redesigned.\n" * 5,
        risks="Recruitment of social workers.\n" * 5,
        decisions="Agree the new threshold.",
    )
    measure = MeasureFactory(plan=board.plan, name="Re-referrals within 12 months", baseline=30, target=18)
    MeasureReadingFactory(measure=measure, period=board.jan, value=24)
    MeasureReadingFactory(measure=measure, period=board.feb, value=22)
    MeasureMilestone.objects.create(measure=measure, due_date=datetime.date(2026, 6, 30), value=20)
    MeasureFactory(plan=board.plan, name="Children seen within 5 days", baseline=60, target=90)


def test_the_summary_is_at_most_eight_pages_without_half_empty_pages_or_empty_charts(client, board):
    a_busy_plan(board)
    client.force_login(board.board)
    response = client.get(pdf_url(board))  # February is open: its pack is the summary, drawn at once
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    summary = pages(response.content)
    assert 4 <= len(summary) <= 8
    for number, page in enumerate(summary[1:-1], start=2):  # the cover and the last page may end early
        assert lowest_text(page) < float(page.mediabox.height) / 2, f"page {number} is half empty"
    text = text_of(response.content)
    for heading in (
        "Highlight report",
        "Summary of progress",
        "Movement since January 2026",
        "Exceptions",
        "Progress without impact",
        "Measures",
    ):
        assert heading in text
    assert "more in the full pack" in text
    assert "Action 59" not in text  # the appendix is not in the summary
    # One chart per measure with a reading, and the progress and impact trends; the measure with
    # none says so in words.
    structure = pdf_structure(response.content)
    assert len(structure.figure_alts) == 3
    assert structure.figure_alts[1].startswith("Stacked bar chart of the impact RAG mix")
    assert structure.figure_alts[2].startswith("Line chart of Re-referrals within 12 months")
    assert "Children seen within 5 days No reading yet by February 2026: nothing to chart." in text


def test_the_full_pack_adds_every_action_as_an_appendix(client, board):
    a_busy_plan(board, n=30)
    client.force_login(board.board)
    summary = pages(client.get(pdf_url(board)).content)
    response = client.get(pdf_url(board, "board_pack_full_pdf"))  # tests run tasks at once
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    full = pages(response.content)
    assert len(full) > len(summary)
    text = text_of(response.content)
    assert "Appendix: every action, by theme, owner and measure" in text
    assert all(f"Action {i}:" in text for i in range(30))
    for number, page in enumerate(full[1:-1], start=2):
        assert lowest_text(page) < float(page.mediabox.height) / 2, f"page {number} is half empty"
    document = BoardPackDocument.objects.get(period=board.feb)
    assert document.state == BoardPackState.DONE and document.pages == len(full)


@pytest.mark.django_db(transaction=True)
def test_a_closed_periods_pack_is_rendered_by_the_background_worker_kept_and_redrawn_after_a_rename(
    client, board, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    [document] = BoardPackDocument.objects.filter(period=board.jan)
    assert document.state == BoardPackState.QUEUED  # queued when the period closed, not drawn in the request
    client.force_login(board.board)
    response = client.get(pdf_url(board, slug="2026-01"))
    status_url = reverse("plans:board_pack_status", args=[board.plan.pk]) + "?period=2026-01"
    assert response.status_code == 302 and response["Location"] == status_url
    waiting = client.get(status_url).content.decode()
    assert '<meta http-equiv="refresh"' in waiting and "Waiting for the background worker" in waiting
    assert re.search(
        r'<progress class="app-progress" max="100" value="0" aria-labelledby="pack-progress-label">', waiting
    )

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())

    ready = client.get(status_url).content.decode()
    assert '<meta http-equiv="refresh"' not in ready and "is ready" in ready
    response = client.get(pdf_url(board, slug="2026-01"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    document.refresh_from_db()
    assert document.pages == len(pages(response.content)) and "Head of Safeguarding" in text_of(response.content)
    # Kept: asking again draws nothing new.
    client.get(pdf_url(board, slug="2026-01"))
    assert BoardPackDocument.objects.filter(period=board.jan).count() == 1

    # An owner renamed: the kept pack names owners as they are now, so it is made again.
    owner = board.owners[0]
    owner.title = "Head of Safeguarding and Quality"
    owner.save()
    assert client.get(pdf_url(board, slug="2026-01")).status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    response = client.get(pdf_url(board, slug="2026-01"))
    assert response.status_code == 200 and "Head of Safeguarding and Quality" in text_of(response.content)
    assert BoardPackDocument.objects.filter(period=board.jan).count() == 1  # the older one is gone


@pytest.mark.django_db(transaction=True)
def test_a_pack_whose_worker_stopped_half_way_is_queued_again_when_next_asked_for(client, board, settings):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from plans.services.packs import STALLED_AFTER

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    [document] = BoardPackDocument.objects.filter(period=board.jan)
    [task] = DBTaskResult.objects.all()
    assert document.task_id == str(task.id)
    # A worker took the task, laid out a few pages and was stopped (the server restarted) long ago.
    task.claim("stopped-worker")
    long_ago = timezone.now() - STALLED_AFTER - datetime.timedelta(minutes=1)
    BoardPackDocument.objects.filter(pk=document.pk).update(
        state=BoardPackState.RUNNING, pages_done=3, step="Laying out page 3", touched_at=long_ago, requested_at=long_ago
    )
    client.force_login(board.board)
    status_url = reverse("plans:board_pack_status", args=[board.plan.pk]) + "?period=2026-01"
    waiting = client.get(status_url).content.decode()
    assert "Waiting for the background worker" in waiting  # queued again, not stuck on page 3
    assert "may not be running" not in waiting  # asked for long ago, but only just queued again
    document.refresh_from_db()
    assert document.state == BoardPackState.QUEUED and document.task_id != str(task.id)
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())

    assert "is ready" in client.get(status_url).content.decode()
    assert client.get(pdf_url(board, slug="2026-01")).content.startswith(b"%PDF")


@pytest.mark.django_db(transaction=True)
def test_a_pack_is_queued_again_when_its_task_ended_without_making_it_but_not_while_it_waits_its_turn(
    client, board, settings
):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    [document] = BoardPackDocument.objects.filter(period=board.jan)
    client.force_login(board.board)
    status_url = reverse("plans:board_pack_status", args=[board.plan.pk]) + "?period=2026-01"

    # Waiting its turn behind a long import for hours: still the same task, nothing queued twice.
    BoardPackDocument.objects.filter(pk=document.pk).update(requested_at=timezone.now() - datetime.timedelta(hours=3))
    page = client.get(status_url).content.decode()
    assert "Waiting for the background worker" in page and "the background worker may not be running" in page
    assert DBTaskResult.objects.count() == 1
    assert BoardPackDocument.objects.get(pk=document.pk).task_id == document.task_id

    # Its task record is gone (the queue was cleared): queued again at once.
    DBTaskResult.objects.all().delete()
    client.get(status_url)
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    assert "is ready" in client.get(status_url).content.decode()


def test_a_pack_that_failed_says_so_and_can_be_tried_again(client, board):
    from plans.services.packs import pack_stamp

    BoardPackDocument.objects.create(
        period=board.feb,
        stamp=pack_stamp(period=board.feb),
        state=BoardPackState.FAILED,
        error="Something went wrong while preparing the board pack.",
    )
    client.force_login(board.board)
    status_url = reverse("plans:board_pack_status", args=[board.plan.pk]) + "?period=2026-02"
    page = client.get(status_url).content.decode()
    assert "could not be made" in page and "Something went wrong" in page and "retry=1" in page
    page = client.get(status_url + "&retry=1").content.decode()  # tests run tasks at once
    assert "is ready" in page
    assert BoardPackDocument.objects.get(period=board.feb).state == BoardPackState.DONE


@pytest.mark.parametrize("name", ["board_pack_pdf", "board_pack_full_pdf", "board_pack_status", "board_pack_xlsx"])
def test_only_the_plans_board_and_coordinators_download_the_packs(client, board, name):
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    owner = UserFactory(username="just-owner", groups=[OWNER])
    board.owners[0].holders.add(owner)
    other_board = UserFactory(username="other-board")
    for who in (owner, other_board):
        client.force_login(who)
        for slug in ("2026-01", "2026-02"):
            assert client.get(pdf_url(board, name, slug)).status_code == 403
    assert not BoardPackDocument.objects.exists()  # a refused request queues nothing
    client.force_login(board.coordinator)
    assert client.get(pdf_url(board, name, "2026-01")).status_code == 200


def colour(shape):
    value = shape.graphicalProperties.solidFill.srgbClr
    return str(getattr(value, "val", value)).upper()


def test_the_excel_pack_carries_its_charts_in_the_rag_palette(client, board):
    a_busy_plan(board, n=6)
    client.force_login(board.board)
    response = client.get(pdf_url(board, "board_pack_xlsx"))
    wb = load_workbook(io.BytesIO(response.content))
    charted = {ws.title: len(ws._charts) for ws in wb.worksheets if ws._charts}
    assert charted == {
        "Progress RAG summary": 1,
        "Impact RAG summary": 1,
        "Progress RAG trend": 1,
        "Measure readings": 1,
    }
    points = wb["Progress RAG summary"]._charts[0].series[0].dPt
    assert [colour(point) for point in points[:5]] == [
        RAG_PALETTE[rag].fill.lstrip("#").upper() for rag in (Rag.BLUE, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.GREY)
    ]
    trend = wb["Progress RAG trend"]._charts[0]
    assert colour(trend.series[3]) == RAG_PALETTE[Rag.RED].fill.lstrip("#").upper()
    [line] = wb["Measure readings"]._charts
    assert line.y_axis.scaling.min == 0 and len(line.series) == 2  # readings and target
    rows = list(wb["Progress without impact"].iter_rows(min_row=2, values_only=True))
    assert rows and all(row[5] in ("Blue", "Green") for row in rows)
