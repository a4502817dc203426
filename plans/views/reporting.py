"""Board reporting pages: the dashboard, the board pack (PDF and Excel), closing and opening periods,
the highlight report. Board members read; coordinators (and admins) also write."""

import datetime

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import FormView, TemplateView

from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin, without_version
from plans import permissions
from plans.charts import (
    GLANCE_CHART_SIZE,
    ON_TRACK_TITLE,
    THEME_CHART_SIZE,
    chart_image,
    chart_svg_from_token,
    on_track_figures,
    rag_trend_figures,
)
from plans.forms.reporting import HighlightReportForm
from plans.models import BoardPackState, HighlightReport, Plan
from plans.rag import RAG_ORDER
from plans.selectors import dashboard
from plans.selectors import reporting as selectors_reporting
from plans.selectors.periods import period_close_preview
from plans.services import packs, reports
from plans.services import periods as period_services
from plans.services.measure_charts import HEIGHT as MEASURE_HEIGHT
from plans.services.measure_charts import WIDTH as MEASURE_WIDTH
from plans.services.measure_charts import measure_chart_figures
from plans.views.coordination import CoordinatorButtonView, CoordinatorsOnlyMixin
from plans.views.progress import ReadOnlyMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BoardReportMixin:
    """Load the plan and the period (?period=YYYY-MM, or in the URL); board members, coordinators, admins only."""

    def get_plan(self):
        if not hasattr(self, "_plan"):
            try:
                plan = permissions.plan_for(self.request.user, self.kwargs["pk"])
            except Plan.DoesNotExist:
                raise Http404("No plan with that number") from None
            if not permissions.can_read_board_reports(self.request.user, plan):
                raise PermissionDenied("Only the plan's board members and coordinators can read its board reports.")
            self._plan = plan
        return self._plan

    def get_periods(self):
        if not hasattr(self, "_periods"):
            self._periods = selectors_reporting.plan_periods(plan=self.get_plan())
        return self._periods

    def get_period(self, required=True):
        periods = self.get_periods()
        slug = self.kwargs.get("period") or self.request.GET.get("period")
        if slug:
            period = selectors_reporting.period_by_slug(periods, slug)
            if period is None:
                raise Http404(f"This plan has no reporting period {slug}. Choose one of its periods.")
            return period
        period = selectors_reporting.default_period(periods)
        if period is None and required:
            raise Http404("This plan has no reporting periods yet.")
        return period


# How long a closed period's drawn figures are kept (they never change; see CACHES in settings).
CLOSED_FIGURES_SECONDS = 3600

# Each list of actions on the dashboard shows this many, then links to them all (the pack lists every one).
DASHBOARD_ROW_LIMIT = 10
# The by-owner table shows this many owners a page.
OWNERS_PER_PAGE = 25
# The first screen's trend: the last this many periods (the Trends section has every one).
GLANCE_PERIODS = 12

# The Trends section's two bar charts: each fits half the page, or a phone's width at 86 % or more.
RAG_CHART_SIZE = (400, 290)

# The dashboard's sections, each one step from the first screen (?section=...).
DASHBOARD_SECTIONS = {
    "glance": "At a glance",
    "highlight": "Highlight report",
    "trends": "Trends",
    "themes": "By theme",
    "owners": "By owner",
    "measures": "Measures",
    "exceptions": "Exceptions",
    "movement": "Movement",
}


class BoardDashboardView(ReadOnlyMixin, BoardReportMixin, TemplateView):
    """The board's dashboard: the first screen (at a glance) and its sections, each a bounded page.

    The figures are counted by the database (plans.selectors.dashboard); a closed period's drawn
    section is kept in the cache (its figures never change) under the owners' stamp, as the
    by-owner table names owners as they are now."""

    template_name = "plans/reporting/dashboard.html"
    extra_context = {"nav_section": "plans"}

    def get_template_names(self):
        if not self.get_periods():
            return ["plans/reporting/no_periods.html"]
        return [self.template_name]

    def get_section(self):
        section = self.request.GET.get("section") or "glance"
        if section not in DASHBOARD_SECTIONS:
            raise Http404("The dashboard has no such section. Choose one from its contents.")
        return section

    def get_page_number(self):
        try:
            return max(1, int(self.request.GET.get("page") or 1))
        except ValueError:
            raise Http404("That page number is not a whole number.") from None

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        context = super().get_context_data(
            plan=plan, can_coordinate=permissions.coordinates(self.request.user, plan), **kwargs
        )
        period = self.get_period(required=False)
        if period is None:
            return context
        periods = self.get_periods()
        section = self.get_section()
        page = self.get_page_number() if section == "owners" else 1
        context.update(
            period=period,
            periods=periods,
            section=section,
            section_label=DASHBOARD_SECTIONS[section],
            sections=DASHBOARD_SECTIONS,
        )
        if period.closed:
            key = (
                f"dashboard:{period.pk}:{period.closed_at.isoformat() if period.closed_at else ''}:"
                f"{selectors_reporting.owners_stamp()}:{section}:{page}"
            )
            html = cache.get(key)
            if html is None:
                html = self._section_html(
                    section, plan=plan, period=period, periods=periods, page=page, context=context
                )
                cache.set(key, str(html), CLOSED_FIGURES_SECONDS)
            html = mark_safe(html)  # noqa: S308 - rendered by the section's template, escaped there
        else:
            html = self._section_html(section, plan=plan, period=period, periods=periods, page=page, context=context)
        context["section_html"] = html
        return context

    def _section_html(self, section, *, plan, period, periods, page, context):
        data = getattr(self, f"_{section}")(plan=plan, period=period, periods=periods, page=page)
        context.update(data)
        return render_to_string(
            f"plans/reporting/dashboard_{section}.html",
            {
                **data,
                "plan": plan,
                "period": period,
                "periods": periods,
                "rag_columns": [*RAG_ORDER, None],
                "row_limit": DASHBOARD_ROW_LIMIT,
                "can_coordinate": context["can_coordinate"],
            },
        )

    def _glance(self, *, plan, period, periods, page):
        figures = dashboard.figures(plan=plan, period=period, periods=periods)
        trend = dashboard.trend(plan=plan, period=period, periods=periods, current=figures, last=GLANCE_PERIODS)
        return {
            "figures": figures,
            "trend": trend,
            "boards": [p for p in trend if p.movement is not None][-dashboard.MOVEMENT_BOARDS :],
            "previous": selectors_reporting.previous_period(periods, period),
            "glance_chart": chart_image(
                plan=plan,
                kind="on-track",
                width=GLANCE_CHART_SIZE[0],
                height=GLANCE_CHART_SIZE[1],
                figures=on_track_figures(trend),
                title=ON_TRACK_TITLE,
            ),
            "review_counts": {"reviews": selectors_reporting.review_counts(plan=plan, period=period), "period": period},
        }

    def _highlight(self, *, plan, period, periods, page):
        return {"highlight": dashboard.highlight(period=period)}

    def _trends(self, *, plan, period, periods, page):
        figures = dashboard.figures(plan=plan, period=period, periods=periods)
        trend = dashboard.trend(plan=plan, period=period, periods=periods, current=figures)
        by_theme = dashboard.trend(
            plan=plan, period=period, periods=periods, current=figures, last=GLANCE_PERIODS, by_theme=True
        )
        themes = {t.pk: t for t in plan.themes.order_by("position", "pk")}
        # Each theme's chart has no title of its own: the page writes the theme's whole title above it.
        small = [
            (
                theme,
                by_theme[key],
                chart_image(
                    plan=plan,
                    kind="on-track",
                    width=THEME_CHART_SIZE[0],
                    height=THEME_CHART_SIZE[1],
                    figures=on_track_figures(by_theme[key]),
                    title=f"{theme.number} {theme.title}".strip(),
                    show_title=False,
                    name="theme",
                ),
            )
            for key, theme in themes.items()
            if key in by_theme
        ]
        shown = trend[-GLANCE_PERIODS:]
        return {
            # The charts draw the last GLANCE_PERIODS periods (the page stays light); the table has them all.
            "trend": trend,
            "progress_chart": self._rag_chart(plan, shown, "Progress RAG by period", "progress"),
            "impact_chart": self._rag_chart(plan, shown, "Impact RAG by period", "impact"),
            "theme_trends": small,
            "boards": [p for p in trend if p.movement is not None][-dashboard.MOVEMENT_BOARDS :],
        }

    @staticmethod
    def _rag_chart(plan, trend, title, field):
        return chart_image(
            plan=plan,
            kind="rag-trend",
            width=RAG_CHART_SIZE[0],
            height=RAG_CHART_SIZE[1],
            figures=rag_trend_figures(trend, field=field),
            title=title,
        )

    def _themes(self, *, plan, period, periods, page):
        figures = dashboard.figures(plan=plan, period=period, periods=periods)
        labels = {t.pk: f"{t.number} {t.title}".strip() for t in plan.themes.order_by("position", "pk")}
        groups = [
            selectors_reporting.GroupSummary(
                key=key, label=label, progress=figures.by_theme[key][0], impact=figures.by_theme[key][1]
            )
            for key, label in labels.items()
            if key in figures.by_theme
        ]
        return {"groups": groups}

    def _owners(self, *, plan, period, periods, page):
        from django.core.paginator import Paginator

        owners = [
            selectors_reporting.GroupSummary(key=key, label=title, progress=p, impact=i)
            for key, title, p, i in dashboard.by_owner(plan=plan, period=period, periods=periods)
        ]
        paginator = Paginator(owners, OWNERS_PER_PAGE)
        if page > paginator.num_pages:
            raise Http404(f"The by-owner table has {paginator.num_pages} pages.")
        return {"owners_page": paginator.page(page), "paginator": paginator}

    def _measures(self, *, plan, period, periods, page):
        measures = selectors_reporting.measure_statuses(plan=plan, period=period)
        charts = []
        for status in measures:
            figures = measure_chart_figures(status)  # None: no reading yet, said in words
            image = figures and chart_image(
                plan=plan, kind="measure", width=MEASURE_WIDTH, height=MEASURE_HEIGHT, figures=figures
            )
            charts.append((status, image))
        return {"measures": measures, "measure_charts": charts}

    def _exceptions(self, *, plan, period, periods, page):
        return {
            "lists": list(
                dashboard.action_lists(
                    plan=plan, period=period, periods=periods, names=dashboard.EXCEPTIONS, limit=DASHBOARD_ROW_LIMIT
                ).values()
            )
        }

    def _movement(self, *, plan, period, periods, page):
        return {
            "previous": selectors_reporting.previous_period(periods, period),
            "lists": list(
                dashboard.action_lists(
                    plan=plan, period=period, periods=periods, names=dashboard.MOVEMENTS, limit=DASHBOARD_ROW_LIMIT
                ).values()
            ),
        }


class BoardChartView(ReadOnlyMixin, BoardReportMixin, View):
    """One of the dashboard's charts as an SVG image, for the readers of the dashboard. Its figures
    come signed in the URL (plans.charts.chart_image): drawing it takes no query (and the drawing
    is kept in the process's cache). Like every page of the plan it is sent `no-store`
    (improvement.middleware.PrivateResponseMiddleware): a shared computer keeps no copy."""

    def get(self, request, *args, **kwargs):
        svg = chart_svg_from_token(kwargs["token"], plan=self.get_plan())
        if svg is None:
            raise Http404("No such chart. Open the dashboard again.")
        return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def _pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _pack_status_url(plan, period):
    from django.urls import reverse

    return f"{reverse('plans:board_pack_status', args=[plan.pk])}?period={period.slug}"


class BoardPackPdfView(ReadOnlyMixin, BoardReportMixin, View):
    """The board pack PDF. The open period's is the summary, drawn now (at most about eight pages);
    a closed period's is the full pack, rendered in the background when it closed and kept. A full
    pack not ready yet sends the reader to the page that shows its progress."""

    full = False

    def get(self, request, *args, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        if self.full or period.closed:
            document = packs.board_pack_request(period=period)
            if document.state != BoardPackState.DONE:
                return redirect(_pack_status_url(plan, period))
            suffix = "-full" if not period.closed else ""
            return _pdf_response(
                packs.board_pack_bytes(document),
                reports.board_pack_filename(plan=plan, period=period, extension="pdf").replace(".pdf", f"{suffix}.pdf"),
            )
        pdf = reports.board_pack_pdf(plan=plan, period=period, base_url=request.build_absolute_uri("/"), full=False)
        return _pdf_response(
            pdf, reports.board_pack_filename(plan=plan, period=period, extension="pdf").replace(".pdf", "-summary.pdf")
        )


class BoardPackFullPdfView(BoardPackPdfView):
    """The full pack (summary and every action as an appendix) of any period, kept once made."""

    full = True


class BoardPackStatusView(ReadOnlyMixin, BoardReportMixin, TemplateView):
    """How far the period's full pack has got (queued, then page by page), refreshing itself until it
    is ready; then the link to download it."""

    template_name = "plans/reporting/pack_status.html"
    extra_context = {"nav_section": "plans"}
    refresh_seconds = 3
    waiting_long = datetime.timedelta(minutes=5)  # then the page says what may be holding it up

    def get_context_data(self, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        document = packs.board_pack_request(period=period, retry="retry" in self.request.GET)
        running = document.state in (BoardPackState.QUEUED, BoardPackState.RUNNING)
        now = timezone.now()
        return super().get_context_data(
            waiting_long=document.state == BoardPackState.QUEUED and now - document.waiting_since > self.waiting_long,
            today=timezone.localtime(now),
            plan=plan,
            period=period,
            document=document,
            running=running,
            refresh_seconds=self.refresh_seconds,
            dashboard_url=_dashboard_url(plan, period),
            **kwargs,
        )


class BoardPackXlsxView(ReadOnlyMixin, BoardReportMixin, View):
    def get(self, request, *args, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        response = HttpResponse(reports.board_pack_xlsx(plan=plan, period=period), content_type=XLSX)
        filename = reports.board_pack_filename(plan=plan, period=period, extension="xlsx")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def _dashboard_url(plan, period):
    from django.urls import reverse

    return f"{reverse('plans:board_dashboard', args=[plan.pk])}?period={period.slug}"


class PeriodCloseView(BoardReportMixin, CoordinatorsOnlyMixin, TemplateView):
    """Closing a period: a confirmation page saying what will be frozen (counts by RAG) and who has
    not reported (roles and people); the POST closes it and opens the next period at once."""

    template_name = "plans/reporting/period_close.html"
    refusal = "Only the plan's coordinators can close a reporting period."
    extra_context = {"nav_section": "plans"}

    def get(self, request, *args, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        if period.closed:
            messages.info(request, f"{period.label} is already closed.")
            return redirect(_dashboard_url(plan, period))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        preview = period_close_preview(plan=plan, period=period, periods=self.get_periods())
        kwargs.pop("period", None)  # the URL's slug: the page reads the period itself
        return super().get_context_data(plan=plan, period=period, preview=preview, **kwargs)

    def post(self, request, *args, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        try:
            result = period_services.period_close(period=period, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_dashboard_url(plan, period))
        following = result.next_period
        board = f" (board meets {following.board_meeting_date:%-d %B %Y})" if following.board_meeting_date else ""
        messages.success(
            request,
            f"{period.label} is closed: {result.snapshot_count} actions frozen for its board pack. "
            f"{following.label} is open for reporting{board}.",
        )
        return redirect(_dashboard_url(plan, period))


class PeriodCreateView(BoardReportMixin, CoordinatorButtonView):
    refusal = "Only the plan's coordinators can open a reporting period."

    def post(self, request, *args, **kwargs):
        plan = self.get_plan()
        try:
            period = period_services.period_create_next(plan=plan, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("plans:board_dashboard", pk=plan.pk)
        messages.success(request, f"{period.label} is open for reporting.")
        return redirect(_dashboard_url(plan, period))


class HighlightReportEditView(ConcurrentEditViewMixin, BoardReportMixin, FormView):
    template_name = "plans/reporting/highlight_form.html"
    form_class = HighlightReportForm
    extra_context = {"nav_section": "plans"}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            plan = self.get_plan()
            if not permissions.coordinates(request.user, plan):
                raise PermissionDenied("Only the plan's coordinators can write the highlight report.")
            self.period = self.get_period()
            if self.period.closed:
                messages.error(request, f"{self.period.label} is closed: its highlight report can no longer change.")
                return redirect(_dashboard_url(plan, self.period))
        return super().dispatch(request, *args, **kwargs)

    def get_report(self):
        if not hasattr(self, "_report"):
            self._report = HighlightReport.objects.filter(period=self.period).first()
        return self._report

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_report()}

    def get_initial(self):
        report = self.get_report()
        if report is None:
            return {}
        return {"achievements": report.achievements, "risks": report.risks, "decisions": report.decisions}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.get_plan(), period=self.period, **kwargs)

    def form_valid(self, form):
        data, version = without_version(form)
        try:
            period_services.highlight_report_save(
                period=self.period, user=self.request.user, expected_version=version, **data
            )
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Highlight report for {self.period.label} saved.")
        return redirect(_dashboard_url(self.get_plan(), self.period))
