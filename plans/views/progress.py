"""Pages for owners, coordinators and board members: My actions, plans, actions, progress updates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, ListView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from plans import permissions
from plans.filters import ActionFilter
from plans.forms.progress import IMPACT_HINTS, RAG_HINTS, ProgressUpdateForm
from plans.forms.round import CommentForm, NoChangeForm
from plans.models import Action, Plan
from plans.rag import rag_from_value
from plans.selectors import progress as selectors
from plans.selectors import reporting as selectors_reporting
from plans.selectors import round as selectors_round
from plans.selectors import structure
from plans.selectors.start import start_page
from plans.selectors.status import StatusQuery, is_overdue, status_rows
from plans.services.actions import progress_update_record
from plans.services.progress import progress_update_no_change
from plans.tables import ActionTable, StatusRowsData


class PlanAccessMixin:
    """Load the plan named in the URL and refuse users who may not see it (404 for unknown)."""

    plan_url_kwarg = "pk"

    def get_plan(self):
        if not hasattr(self, "_plan"):
            try:
                plan = structure.plan_with_themes(pk=self.kwargs[self.plan_url_kwarg])
            except Plan.DoesNotExist:
                raise Http404("No plan with that number") from None
            if not permissions.can_view_plan(self.request.user, plan):
                raise PermissionDenied("You do not have access to this plan.")
            self._plan = plan
        return self._plan


class ReadOnlyMixin:
    """Pages that only show: a POST (a board member trying to change something) answers 403."""

    def post(self, request, *args, **kwargs):
        raise PermissionDenied("This page cannot be changed.")


class HomeView(ReadOnlyMixin, TemplateView):
    """/ and the page after signing in: each role starts where its work is (plans.selectors.start);
    a board member of several plans chooses one of their boards here."""

    template_name = "plans/home/boards.html"
    extra_context = {"nav_section": "plans"}

    def get(self, request, *args, **kwargs):
        self.start = start_page(user=request.user)
        if self.start.url:
            return redirect(self.start.url)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(boards=self.start.boards, **kwargs)


class MyActionsView(ReadOnlyMixin, TemplateView):
    template_name = "plans/my_actions/list.html"
    extra_context = {"nav_section": "my_actions"}

    def get_context_data(self, **kwargs):
        page = selectors.my_actions(user=self.request.user)
        challenges = selectors_round.open_challenges(actions=[a.pk for a in page.actions]) if page.actions else {}
        for action in page.actions:
            action.challenge = challenges.get(action.pk)
        return super().get_context_data(page=page, challenges=list(challenges.values()), **kwargs)


class PlanListView(ReadOnlyMixin, ListView):
    template_name = "plans/plan/list.html"
    extra_context = {"nav_section": "plans"}
    context_object_name = "plans"

    def get_queryset(self):
        return structure.plan_list(user=self.request.user, archived=self.archived)

    def get(self, request, *args, **kwargs):
        self.archived = request.GET.get("archived") == "1"
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(showing_archived=self.archived, **kwargs)


class PlanDetailView(ReadOnlyMixin, PlanAccessMixin, SingleTableMixin, FilterView):
    template_name = "plans/plan/detail.html"
    extra_context = {"nav_section": "plans"}
    table_class = ActionTable
    filterset_class = ActionFilter

    strict = False  # the filter set itself answers no rows for filters that are not valid

    def get_queryset(self):
        # The actions as reported for the chosen period, or as they stand now: a query the filters
        # narrow and the table orders, counts and pages in the database.
        if self.report_period:
            return StatusQuery(plan=self.plan, period=self.report_period, periods=self.periods)
        return StatusQuery(plan=self.plan, period=self.period, now=True, periods=self.periods)

    def get_table_data(self):
        return StatusRowsData(self.object_list)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["plan"] = self.get_plan()
        kwargs["period"] = self.period
        kwargs["report_period"] = self.report_period
        kwargs["periods"] = self.periods
        return kwargs

    def get(self, request, *args, **kwargs):
        self.plan = self.get_plan()
        self.periods = selectors_reporting.plan_periods(plan=self.plan)
        self.period = selectors_reporting.current_period_of(self.periods)
        self.report_period = selectors_reporting.period_by_slug(self.periods, request.GET.get("period", ""))
        return super().get(request, *args, **kwargs)

    def get_table_pagination(self, table):
        return {"per_page": 25}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            plan=self.plan,
            period=self.period,
            can_coordinate=permissions.coordinates(self.request.user, self.plan),
            can_read_board=permissions.can_read_board_reports(self.request.user, self.plan),
            report_period=self.report_period,
            filter_query=query.urlencode(),
            filtered=any(v for k, v in self.request.GET.items() if k not in {"page", "sort"}),
        )
        return context


class ActionMixin:
    """Load the action named in the URL and refuse users who may not read its plan (404 for unknown).
    `action_selector` reads what the page shows: the action with its plan unless the page needs more."""

    action_selector = staticmethod(selectors.action_with_plan)

    def get_action(self):
        if not hasattr(self, "_action"):
            try:
                action = self.action_selector(pk=self.kwargs["pk"])
            except Action.DoesNotExist:
                raise Http404("No action with that number") from None
            if not permissions.can_view_plan(self.request.user, action.theme.plan):
                raise PermissionDenied("You do not have access to this plan.")
            self._action = action
        return self._action


class ActionDetailView(ReadOnlyMixin, ActionMixin, TemplateView):
    template_name = "plans/action/detail.html"
    extra_context = {"nav_section": "plans"}
    action_selector = staticmethod(selectors.action_detail)

    def get_context_data(self, **kwargs):
        action = self.get_action()
        updates = list(action.updates.all())
        today = timezone.localdate()
        thread = selectors_round.action_thread(action=action)
        return super().get_context_data(
            overdue=is_overdue(
                status=action.status,
                due_date=action.due_date,
                progress_rag=rag_from_value(action.current_progress_rag),
                as_of=today,
            ),
            action=action,
            plan=action.theme.plan,
            updates=updates,
            rag_history=list(reversed(updates)),
            thread=thread,
            challenge=selectors_round.thread_open_challenge(thread),
            form=CommentForm(),
            can_update=permissions.can_record_update(self.request.user, action),
            can_coordinate=permissions.coordinates(self.request.user, action.theme.plan),
            today=today,
            **kwargs,
        )


class ProgressUpdateCreateView(ActionMixin, FormView):
    template_name = "plans/action/update.html"
    extra_context = {"nav_section": "my_actions"}
    form_class = ProgressUpdateForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_record_update(request.user, self.get_action()):
            raise PermissionDenied("Only the action's owners and the plan's coordinators can record progress.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        action = self.get_action()
        plan = action.theme.plan
        kwargs.setdefault("no_change_form", NoChangeForm())
        round_ = selectors_round.owner_round(user=self.request.user)
        # Due date and overdue as every page says them: the one status read model (the owner's round
        # has read it already for each of their own actions).
        status = round_.rows.get(action.pk)
        if status is not None:
            period = round_.periods.get(plan.pk)
        else:
            period = selectors.current_period(plan)
            status = next(iter(status_rows(plan=plan, period=period, now=True, action_ids=[action.pk])), None)
        return super().get_context_data(
            action=action,
            plan=plan,
            period=period,
            status=status,
            latest=action.updates.select_related("author").first(),
            rag_hints=RAG_HINTS,
            impact_hints=IMPACT_HINTS,
            challenge=selectors_round.open_challenges(actions=[action]).get(action.pk),
            round=round_,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "no_change" in request.POST:
            form = NoChangeForm(request.POST)
            if form.is_valid():
                try:
                    recorded = progress_update_no_change(
                        action=self.get_action(),
                        author=request.user,
                        note=form.cleaned_data["note"],
                        period=self.reported_period(),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return self._saved(recorded, "No change since last month recorded")
            return self.render_to_response(
                self.get_context_data(form=self.get_form_class()(), no_change_form=form, errors_form=form)
            )
        return super().post(request, *args, **kwargs)

    def reported_period(self):
        """The period the page showed when it was loaded (its hidden field): if it has closed since,
        the update is recorded in the open period and marked late for it."""
        from plans.models import ReportingPeriod

        value = self.request.POST.get("period", "")
        if not value.isdigit():
            return None
        return ReportingPeriod.objects.filter(pk=int(value), plan=self.get_action().theme.plan).first()

    def form_valid(self, form):
        action = self.get_action()
        try:
            recorded = progress_update_record(
                action=action, author=self.request.user, period=self.reported_period(), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return self._saved(recorded, "Progress update recorded")

    def _saved(self, recorded, what):
        """Save and next: on to the owner's next action still needing an update this month."""
        action = self.get_action()
        period = f" for {recorded.period.label}" if recorded.period else ""
        if recorded.late_for:
            period = (
                f" in {recorded.period.label}, marked late for {recorded.late_for.label} "
                f"({recorded.late_for.label} closed before it was saved, so its board figures do not include it)"
            )
        ref = action.ref_with_theme
        if not permissions.holds_role_owning(self.request.user, action):
            messages.success(self.request, f"{what}{period}.")
            return redirect(action.get_absolute_url())
        round_ = selectors_round.owner_round(user=self.request.user, after=action)
        done = f"{round_.done} of {round_.total} of your actions updated this month."
        if round_.next_action is None:
            messages.success(self.request, f"{what}{period} on action {ref}. {done} Nothing else needs an update.")
            return redirect("plans:my_actions")
        messages.success(
            self.request, f"{what}{period} on action {ref}. {done} Next: action {round_.next_action.ref_with_theme}."
        )
        return redirect("plans:progress_update_create", pk=round_.next_action.pk)
