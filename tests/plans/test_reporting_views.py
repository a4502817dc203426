"""Board reporting through the web: permissions, drill-down, the PDF and Excel packs, query counts."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from plans.models import ActionSnapshot, HighlightReport, Rag, ReportingPeriod
from plans.permissions import OWNER
from plans.services.periods import highlight_report_save, period_close
from tests.factories import ActionFactory, OwnerFactory, UserFactory
from tests.plans.reporting_fixtures import board, update  # noqa: F401 (fixture)


def dashboard_url(board, slug="2026-02", section=None):
    url = reverse("plans:board_dashboard", args=[board.plan.pk]) + f"?period={slug}"
    return f"{url}&section={section}" if section else url


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def close_jan_feb(board):
    period_close(period=board.jan, user=board.coordinator, today=datetime.date(2026, 2, 3))
    period_close(period=board.feb, user=board.coordinator, today=datetime.date(2026, 3, 3))


@pytest.mark.parametrize("who, status", [("board", 200), ("coordinator", 200)])
def test_board_and_coordinators_read_the_dashboard(client, board, who, status):
    client.force_login(getattr(board, who))
    assert client.get(dashboard_url(board)).status_code == status


def test_owner_who_is_not_on_the_board_gets_403(client, board):
    owner = UserFactory(username="just-owner", groups=[OWNER])
    board.owners[0].holders.add(owner)
    client.force_login(owner)
    for name in ("board_dashboard", "board_pack_pdf", "board_pack_xlsx"):
        assert client.get(reverse(f"plans:{name}", args=[board.plan.pk])).status_code == 403
    # ...but the plan page is theirs to read.
    assert client.get(reverse("plans:plan_detail", args=[board.plan.pk])).status_code == 200


def test_unknown_period_is_a_clear_404(client, board):
    client.force_login(board.board)
    response = client.get(dashboard_url(board, "2030-01"))
    assert response.status_code == 404


def test_board_members_cannot_close_a_period(client, board):
    client.force_login(board.board)
    response = client.post(reverse("plans:period_close", args=[board.plan.pk, "2026-01"]))
    assert response.status_code == 403
    assert not ReportingPeriod.objects.get(pk=board.jan.pk).closed
    assert client.post(reverse("plans:period_create", args=[board.plan.pk])).status_code == 403
    # The buttons answer 403 to a board member whatever the method, not 405.
    assert client.get(reverse("plans:period_close", args=[board.plan.pk, "2026-01"])).status_code == 403
    assert client.get(reverse("plans:period_create", args=[board.plan.pk])).status_code == 403
    assert client.get(reverse("plans:highlight_report_edit", args=[board.plan.pk, "2026-02"])).status_code == 403


def test_coordinator_closes_a_period_after_confirming(client, board):
    client.force_login(board.coordinator)
    page = client.get(reverse("plans:period_close", args=[board.plan.pk, "2026-01"]))
    assert page.status_code == 200  # the confirmation page: nothing is closed by reading it
    assert not ReportingPeriod.objects.get(pk=board.jan.pk).closed
    response = client.post(reverse("plans:period_close", args=[board.plan.pk, "2026-01"]))
    assert response.status_code == 302
    assert ReportingPeriod.objects.get(pk=board.jan.pk).closed
    assert ActionSnapshot.objects.filter(period=board.jan).count() == 6


def test_closing_needs_the_csrf_token(board):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(board.coordinator)
    response = client.post(reverse("plans:period_close", args=[board.plan.pk, "2026-01"]))
    assert response.status_code == 403
    assert not ReportingPeriod.objects.get(pk=board.jan.pk).closed


def test_coordinator_writes_the_highlight_report(client, board):
    client.force_login(board.coordinator)
    url = reverse("plans:highlight_report_edit", args=[board.plan.pk, "2026-02"])
    assert 'name="version" value="0"' in client.get(url).content.decode()  # no report yet
    response = client.post(
        url, {"version": "0", "achievements": "Front door redesigned", "risks": "", "decisions": "Agree funding"}
    )
    assert response.status_code == 302
    assert HighlightReport.objects.get(period=board.feb).decisions == "Agree funding"
    client.force_login(board.board)
    assert "Front door redesigned" in client.get(dashboard_url(board, section="highlight")).content.decode()


def test_two_coordinators_writing_the_highlight_report_at_once_cannot_overwrite_each_other(client, board):
    """Both open the empty report; the first saves; the second is refused and shown both texts."""
    second = UserFactory(username="second-coordinator", groups=["Coordinator"])
    board.plan.coordinators.add(second)
    url = reverse("plans:highlight_report_edit", args=[board.plan.pk, "2026-02"])
    client.force_login(board.coordinator)
    client.post(url, {"version": "0", "achievements": "Front door redesigned", "risks": "", "decisions": ""})

    client.force_login(second)
    response = client.post(
        url, {"version": "0", "achievements": "Audit programme started", "risks": "", "decisions": ""}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this highlight report while you were editing it" in html
    assert "Front door redesigned" in html and "Audit programme started" in html  # theirs, and what was typed (kept)
    report = HighlightReport.objects.get(period=board.feb)
    assert report.achievements == "Front door redesigned" and report.version == 1

    # Having seen their text, saving again (the page now carries the current version) is deliberate.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    assert version == "1"
    response = client.post(
        url,
        {
            "version": version,
            "achievements": "Front door redesigned; audit programme started",
            "risks": "",
            "decisions": "",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.achievements == "Front door redesigned; audit programme started" and report.updated_by == second
    # Both saves are in the report's history, with who made them.
    assert [r.history_user for r in report.history.order_by("history_date")] == [board.coordinator, second]


def _drill_links(html):
    return {
        re.sub(r"<[^>]+>", "", m.group(2)).strip(): m.group(1).replace("&amp;", "&")
        for m in re.finditer(r'<a class="govuk-link" href="([^"]*period=[^"]*)">(.*?)</a>', html, re.S)
    }


@pytest.mark.parametrize("closed", [False, True])
def test_clicking_a_count_lands_on_those_actions(client, board, closed):
    if closed:
        close_jan_feb(board)
        update(board.actions[4], board.mar, Rag.RED)  # later: must not appear in February's Red list
    client.force_login(board.board)
    links = _drill_links(client.get(dashboard_url(board)).content.decode())
    red_link = links["Progress Red: 2"]
    assert "progress_rag=R" in red_link and "period=2026-02" in red_link
    page = client.get(red_link).content.decode()
    refs = re.findall(r'href="/actions/\d+/">([^<]+)</a>', page)
    assert sorted(refs) == ["1.2", "1.3"]
    assert links["2 Red"] == red_link  # the exceptions' count leads to the same actions
    no_rating = client.get(links["Progress no rating: 1"]).content.decode()
    assert re.findall(r'href="/actions/\d+/">([^<]+)</a>', no_rating) == ["2.2"]
    # Each cell of the by-theme and by-owner tables leads to its own actions, as many as it counts.
    for section in ("themes", "owners"):
        links.update(_drill_links(client.get(dashboard_url(board, section=section)).content.decode()))
    group_links = {
        label: url for label, url in links.items() if re.search(r", (Red|Green|Amber|Blue|Grey|No rating): \d+$", label)
    }
    assert any("theme=" in url for url in group_links.values()) and any("owner=" in url for url in group_links.values())
    for label, url in group_links.items():
        assert "period=2026-02" in url and re.search(r"(progress|impact)_rag=", url), url
        page = client.get(url).content.decode()
        assert len(re.findall(r'href="/actions/\d+/">', page)) == int(label.rsplit(": ", 1)[1]), label


def test_pdf_contains_the_summary_table_and_exceptions(client, board):
    highlight_report_save(
        period=board.feb, user=board.coordinator, expected_version=0, achievements="Front door redesigned"
    )
    client.force_login(board.board)
    response = client.get(reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-02")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Improvement board pack: February 2026" in text
    assert "Number of actions 1 1 0 2 1 1 6" in " ".join(text.split())
    assert "% of total 17% 17% 0% 33% 17% 16% 100%" in " ".join(text.split())
    assert "Recruitment stalled" in text
    assert "Front door redesigned" in text
    assert "Page 1 of" in text


def _xlsx(client, board, slug="2026-02"):
    response = client.get(reverse("plans:board_pack_xlsx", args=[board.plan.pk]) + f"?period={slug}")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _rows(ws):
    return [[cell for cell in row] for row in ws.iter_rows(values_only=True)]


def test_excel_pack_holds_the_same_figures(client, board):
    client.force_login(board.board)
    wb = _xlsx(client, board)
    assert wb.sheetnames == [
        "About this pack",
        "Progress RAG summary",
        "Impact RAG summary",
        "Progress RAG trend",
        "Progress by theme",
        "Impact by theme",
        "Progress by owner",
        "Impact by owner",
        "Movement",
        "Exceptions",
        "Progress without impact",
        "All actions",
        "Measures",
        "Measure readings",
        "Highlight report",
        "Review of updates",
    ]
    assert _rows(wb["Review of updates"]) == [
        ["Accepted", "Challenged", "Not reviewed", "Updates"],
        [0, 0, 5, 5],
    ]  # five updates this period, none reviewed yet
    summary = _rows(wb["Progress RAG summary"])
    progress = {row[0]: row[2] for row in summary[1:7]}
    assert progress == {"Blue": 1, "Green": 1, "Amber": 0, "Red": 2, "Grey": 1, "No rating": 1}
    exceptions = _rows(wb["Exceptions"])
    assert [(r[0], r[2]) for r in exceptions[1:] if r[0] == "Red"] == [("Red", "1.2"), ("Red", "1.3")]
    assert any(r[7] == "Recruitment stalled" for r in exceptions)
    all_actions = _rows(wb["All actions"])
    assert [r[1] for r in all_actions[1:]] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]


def test_excel_pack_cannot_carry_formulas(client, board):
    board.actions[0].action_text = '=HYPERLINK("http://evil.example","click")'
    board.actions[0].save()
    update(board.actions[1], board.feb, Rag.RED, note="+1+cmd|' /C calc'!A0", day=datetime.date(2026, 2, 25))
    client.force_login(board.board)
    wb = _xlsx(client, board)
    cells = [cell for row in wb["All actions"].iter_rows() for cell in row]
    for text in ('=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0"):
        matching = [c for c in cells if c.value == text]
        assert matching, text
        assert all(c.data_type == "s" for c in matching)
    assert not any(c.data_type == "f" for ws in wb for row in ws.iter_rows() for c in row)


def test_closed_period_packs_do_not_change_after_later_updates_and_edits(client, board):
    close_jan_feb(board)
    client.force_login(board.board)
    pdf_url = reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-02"
    before_pdf = pdf_text(client.get(pdf_url).content)
    before_xlsx = [_rows(ws) for ws in _xlsx(client, board)]
    before_page = client.get(dashboard_url(board)).content.decode()

    update(board.actions[2], board.mar, Rag.BLUE, note="Done in March")
    board.actions[0].action_text = "Rewritten after the board"
    board.actions[0].due_date = datetime.date(2025, 1, 1)
    board.actions[0].save()
    board.actions[1].owners.set([OwnerFactory(title="New owner")])
    ActionFactory(theme=board.themes[0], ref="1.9")

    after_pdf = pdf_text(client.get(pdf_url).content)
    # Only the page header's "issued" date could differ: it is the closing date, so nothing does.
    assert after_pdf == before_pdf
    assert [_rows(ws) for ws in _xlsx(client, board)] == before_xlsx
    after_page = client.get(dashboard_url(board)).content.decode()
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # noqa: E731
    assert strip(after_page) == strip(before_page)


def _bulk_plan(board, n_actions):
    """Add actions (with updates in each period) to the fixture's plan, in bulk."""
    from plans.models import Action, ProgressUpdate

    owner = board.owners[0]
    actions = Action.objects.bulk_create(
        [
            Action(theme=board.themes[i % 2], ref=f"9.{i}", position=100 + i, action_text=f"Bulk action {i}")
            for i in range(n_actions)
        ]
    )
    Action.owners.through.objects.bulk_create([Action.owners.through(action=a, owner=owner) for a in actions])
    rags = [Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE, Rag.GREY]
    ProgressUpdate.objects.bulk_create(
        [
            ProgressUpdate(
                action=a,
                period=p,
                author=board.author,
                progress_rag=rags[(i + j) % 5],
                note="n",
                created_at=datetime.datetime(2026, p.month.month, 10, tzinfo=datetime.UTC),
            )
            for i, a in enumerate(actions)
            for j, p in enumerate([board.jan, board.feb])
        ]
    )


@pytest.mark.parametrize("closed", [False, True])
def test_dashboard_query_count_does_not_grow_with_the_plan(client, board, closed, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if closed:
        period_close(period=board.jan, user=board.coordinator)
    client.force_login(board.board)
    client.get(dashboard_url(board))  # warm the session
    with CaptureQueriesContext(connection) as small:
        assert client.get(dashboard_url(board)).status_code == 200
    _bulk_plan(board, 1000)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(dashboard_url(board))
    assert response.context["figures"].progress.total == 1006
    assert len(small.captured_queries) <= 20


def test_drill_down_list_query_count_is_bounded(client, board, django_assert_max_num_queries):
    close_jan_feb(board)
    _bulk_plan(board, 200)
    client.force_login(board.board)
    url = reverse("plans:plan_detail", args=[board.plan.pk]) + "?period=2026-02&progress_rag=R"
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200


def test_plan_page_links_board_readers_to_the_dashboard(client, board):
    url = reverse("plans:plan_detail", args=[board.plan.pk])
    dashboard = reverse("plans:board_dashboard", args=[board.plan.pk])
    client.force_login(board.board)
    assert dashboard in client.get(url).content.decode()
    owner = UserFactory(username="owner-only", groups=[OWNER])
    board.owners[0].holders.add(owner)
    client.force_login(owner)
    assert dashboard not in client.get(url).content.decode()


def test_pdf_of_a_period_without_updates_renders(client, board):
    client.force_login(board.board)
    period_close(period=board.jan, user=board.coordinator)
    response = client.get(reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-03")
    assert response.status_code == 200
    assert "Provisional" in pdf_text(response.content)


# ---------------------------------------------------------------- measure charts on the dashboard


def _measure(board, name, readings, milestones=()):
    from plans.models import MeasureMilestone
    from tests.factories import MeasureFactory, MeasureReadingFactory

    measure = MeasureFactory(plan=board.plan, name=name, baseline=50, target=90)
    for period, value in readings:
        MeasureReadingFactory(measure=measure, period=period, value=value)
    for due, value in milestones:
        MeasureMilestone.objects.create(measure=measure, due_date=due, value=value)
    return measure


def _chart_images(client, html):
    """The SVG of every chart image on the page (each fetched from its own URL), keyed by its alt text."""
    from html import unescape

    charts = {}
    for src, alt in re.findall(r'<img class="app-chart__image" src="([^"]+)"[^>]* alt="([^"]+)"', html):
        response = client.get(unescape(src))
        assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")
        charts[unescape(alt)] = response.content.decode()
    return charts


def test_dashboard_charts_each_measure_up_to_the_period(client, board):
    _measure(
        board,
        "Assessments judged good",
        [(board.jan, "61.5"), (board.feb, "72"), (board.mar, "88.25")],
        milestones=[(datetime.date(2026, 6, 30), 80)],
    )
    client.force_login(board.board)
    charts = _chart_images(client, client.get(dashboard_url(board, section="measures")).content.decode())
    [(alt, svg)] = [(alt, svg) for alt, svg in charts.items() if alt.startswith("Assessments judged good")]
    assert "up to February 2026" in alt
    assert "<title>Assessments judged good</title>" in svg
    values = re.findall(r"<title>(?:Reading|Milestone) [A-Za-z]+ \d{4}: ([^<(]*?)(?: \(recorded late\))?</title>", svg)
    assert "61.5%" in values and "72%" in values and "80%" in values  # readings and the milestone
    assert "88.25%" not in values  # March's reading is after the period the board is reading


def test_board_pack_pdf_carries_the_measure_charts(client, board):
    _measure(board, "Re-referrals within 12 months", [(board.jan, "24"), (board.feb, "22")])
    client.force_login(board.board)
    response = client.get(reverse("plans:board_pack_pdf", args=[board.plan.pk]) + "?period=2026-02")
    text = pdf_text(response.content)
    assert text.count("Re-referrals within 12 months") >= 2  # in the measures table and over its chart


def test_charts_are_images_so_the_content_security_policy_keeps_their_styles(client, board):
    _measure(board, "Assessments judged good", [(board.jan, "61.5")])
    client.force_login(board.board)
    html = client.get(dashboard_url(board)).content.decode()
    assert "<svg" not in html  # inline SVG would carry a <style> the policy refuses
    assert len(_chart_images(client, html)) == 1  # the trend of the first screen
    html = client.get(dashboard_url(board, section="measures")).content.decode()
    assert "<svg" not in html and len(_chart_images(client, html)) == 1  # the measure
    html = client.get(dashboard_url(board, section="trends")).content.decode()
    assert "<svg" not in html and len(_chart_images(client, html)) == 4  # progress, impact, and one per theme


def test_dashboard_query_count_does_not_grow_with_measures(client, board, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _measure(board, "Measure 0", [(board.jan, "1"), (board.feb, "2")], milestones=[(FEB_END, 3)])
    client.force_login(board.board)
    client.get(dashboard_url(board, section="measures"))
    with CaptureQueriesContext(connection) as one:
        client.get(dashboard_url(board, section="measures"))
    for n in range(1, 8):
        _measure(board, f"Measure {n}", [(board.jan, "1"), (board.feb, "2")], milestones=[(FEB_END, 3)])
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(dashboard_url(board, section="measures"))
    assert len(_chart_images(client, response.content.decode())) == 8


FEB_END = datetime.date(2026, 2, 28)


def test_closed_period_figures_are_counted_once_then_read_from_the_cache(client, board):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    close_jan_feb(board)
    client.force_login(board.board)
    with CaptureQueriesContext(connection) as first:
        first_page = client.get(dashboard_url(board)).content.decode()
    with CaptureQueriesContext(connection) as second:
        second_page = client.get(dashboard_url(board)).content.decode()
    assert len(second.captured_queries) < len(first.captured_queries)
    assert not any("plans_actionsnapshot" in q["sql"] for q in second.captured_queries)
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # noqa: E731
    assert strip(second_page) == strip(first_page)
    assert "2 Red" in re.sub(r"<[^>]+>", "", second_page)
    assert "drawn once" not in second_page  # the template's comment is not shown

    # Renaming an owner shows at once on the closed period's by-owner table, as in the board pack.
    client.get(dashboard_url(board, section="owners"))  # drawn and kept
    owner = board.actions[0].owners.first()
    old_title = owner.title
    owner.title = "Head of Early Help (renamed)"
    owner.save()
    third_page = client.get(dashboard_url(board, section="owners")).content.decode()
    by_owner_rows = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', third_page)
    assert "Head of Early Help (renamed)" in by_owner_rows and old_title not in by_owner_rows
    # The period's lists keep the owners as they were reported then (frozen with the period).
    lists = client.get(dashboard_url(board, section="exceptions")).content.decode()
    assert f'<td class="govuk-table__cell">{old_title}</td>' in lists


def test_dashboard_lists_link_to_every_action_beyond_the_first_10(client, board):
    _bulk_plan(board, 200)
    client.force_login(board.board)
    html = client.get(dashboard_url(board, section="exceptions")).content.decode()
    red = re.search(r"Red: needs the board&#x27;s attention \((\d+)\)", html)
    assert int(red.group(1)) > 10
    assert f"Showing the first 10 of {red.group(1)}." in html
    see_all = re.search(r'<a class="govuk-link" href="([^"]+)">See all ' + red.group(1), html).group(1)
    assert "progress_rag=R" in see_all and "period=2026-02" in see_all  # the plan's actions, filtered alike


@pytest.mark.parametrize("version", ["", "abc", "-1", "1e9999", "<script>"])
def test_a_highlight_report_save_with_a_broken_version_is_refused_clearly_and_saves_nothing(client, board, version):
    client.force_login(board.coordinator)
    url = reverse("plans:highlight_report_edit", args=[board.plan.pk, "2026-02"])
    response = client.post(
        url, {"version": version, "achievements": "Front door redesigned", "risks": "", "decisions": ""}
    )
    assert response.status_code == 200
    assert "This page is out of date: open it again and redo your change" in response.content.decode()
    assert not HighlightReport.objects.filter(period=board.feb).exists()
