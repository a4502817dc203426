"""Board reporting pages: the dashboard, the board pack (PDF and Excel), closing and opening periods,
the highlight report. Board members read; coordinators (and admins) also write."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView

from plans import permissions

from plans.selectors import reporting as selectors_reporting
from plans.charts import rag_trend_chart
from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin, without_version
from plans.forms.reporting import HighlightReportForm
from plans.models import HighlightReport, Plan
from plans.rag import RAG_ORDER
from plans.services import periods as period_services
from plans.models import BoardPackState
from plans.services import packs, reports
from plans.services.measure_charts import measure_status_charts
from plans.selectors.periods import period_close_preview
from plans.views.coordination import CoordinatorButtonView, CoordinatorsOnlyMixin
from plans.views.progress import ReadOnlyMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BoardReportMixin:
    """Load the plan and the period (?period=YYYY-MM, or in the URL); board members, coordinators, admins only."""

    def get_plan(self):
        if not hasattr(self, "_plan"):
            try:
                plan = Plan.objects.get(pk=self.kwargs["pk"])
            except Plan.DoesNotExist:
                raise Http404("No plan with that number")
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
DASHBOARD_ROW_LIMIT = 25


class BoardDashboardView(ReadOnlyMixin, BoardReportMixin, TemplateView):
    template_name = "plans/reporting/dashboard.html"
    figures_template_name = "plans/reporting/_dashboard_figures.html"
    extra_context = {"nav_section": "plans"}

    def _figures_html(self, *, plan, period, periods):
        """The period's figures (summary, trend, groups, movement, exceptions) drawn by their template."""
        dashboard = selectors_reporting.board_dashboard(plan=plan, period=period, periods=periods)
        html = render_to_string(self.figures_template_name, {
            "d": dashboard, "plan": plan, "period": period, "trend_chart": rag_trend_chart(dashboard.trend),
            "row_limit": DASHBOARD_ROW_LIMIT, "rag_columns": [*RAG_ORDER, None],
        }, request=self.request)
        return html, dashboard

    def get_template_names(self):
        if not self.get_periods():
            return ["plans/reporting/no_periods.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        context = super().get_context_data(
            plan=plan, can_coordinate=permissions.coordinates(self.request.user, plan), **kwargs
        )
        period = self.get_period(required=False)
        if period is None:
            return context
        periods = self.get_periods()
        if period.closed:
            # A closed period's figures never change: drawn once, then read from the cache by
            # every board member (drawn again when an owner is renamed, as the by-owner table
            # names owners as they are now).
            measures = selectors_reporting.measure_statuses(plan=plan, period=period)
            key = f"dashboard-figures:{period.pk}:{period.closed_at.isoformat() if period.closed_at else ''}:{selectors_reporting.owners_stamp()}"
            figures_html = cache.get(key)
            if figures_html is None:
                figures_html, context["dashboard"] = self._figures_html(plan=plan, period=period, periods=periods)
                cache.set(key, str(figures_html), CLOSED_FIGURES_SECONDS)
            figures_html = mark_safe(figures_html)  # noqa: S308 - rendered by the template above, escaped there
        else:
            figures_html, dashboard = self._figures_html(plan=plan, period=period, periods=periods)
            measures = dashboard.measures
            context["dashboard"] = dashboard
        context.update(
            period=period, periods=periods, figures_html=figures_html, measures=measures,
            measure_charts=measure_status_charts(measures),
        )
        return context


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
            return _pdf_response(packs.board_pack_bytes(document),
                                 reports.board_pack_filename(plan=plan, period=period, extension="pdf").replace(".pdf", f"{suffix}.pdf"))
        pdf = reports.board_pack_pdf(plan=plan, period=period, base_url=request.build_absolute_uri("/"), full=False)
        return _pdf_response(pdf, reports.board_pack_filename(plan=plan, period=period, extension="pdf").replace(".pdf", "-summary.pdf"))


class BoardPackFullPdfView(BoardPackPdfView):
    """The full pack (summary and every action as an appendix) of any period, kept once made."""

    full = True


class BoardPackStatusView(ReadOnlyMixin, BoardReportMixin, TemplateView):
    """How far the period's full pack has got (queued, then page by page), refreshing itself until it
    is ready; then the link to download it."""

    template_name = "plans/reporting/pack_status.html"
    extra_context = {"nav_section": "plans"}
    refresh_seconds = 3

    def get_context_data(self, **kwargs):
        plan, period = self.get_plan(), self.get_period()
        document = packs.board_pack_request(period=period, retry="retry" in self.request.GET)
        running = document.state in (BoardPackState.QUEUED, BoardPackState.RUNNING)
        return super().get_context_data(
            plan=plan, period=period, document=document, running=running, refresh_seconds=self.refresh_seconds,
            dashboard_url=_dashboard_url(plan, period), **kwargs,
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
