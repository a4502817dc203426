"""The read-only data feed (/api/v1/) and each person's API tokens page.

Every list reads only what its user may read: plans.permissions for plans and everything in them,
audits.permissions for case-audit figures. A token is its user: the same rules, nothing more.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination

from api import serializers
from api.models import ApiToken
from api.services import LIFETIMES_DAYS, api_token_create, api_token_revoke
from api.status import period_status_rows
from audits import permissions as audit_permissions
from audits.models import AuditProgramme
from audits.selectors import findings
from plans.models import Action, Measure, MeasureReading, Owner, Plan, ReportingPeriod, SourceReference, Theme
from plans.permissions import plans_visible_to
from plans.selectors.reporting import default_period, plan_periods

PLAN = OpenApiParameter("plan", int, description="Only this plan (its id, from /api/v1/plans/).")
PERIOD = OpenApiParameter("period", int, description="Only this reporting period (its id, from /api/v1/periods/).")
PROGRAMME = OpenApiParameter("programme", int, description="Only this audit programme (its id).")


class FeedPagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


def _id_param(request, name):
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    if not value.isdigit():
        raise ValidationError({name: [f"Give the {name}'s number (its id), for example ?{name}=3."]})
    return int(value)


class FeedView(generics.ListAPIView):
    pagination_class = FeedPagination

    def visible_plans(self):
        return plans_visible_to(self.request.user)

    def requested_plan(self):
        plan_id = _id_param(self.request, "plan")
        if plan_id is None:
            return None
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise NotFound("There is no plan with that id.")
        if not self.visible_plans().filter(pk=plan.pk).exists():
            raise PermissionDenied("You do not have access to this plan.")
        return plan

    def requested_period(self):
        period_id = _id_param(self.request, "period")
        if period_id is None:
            return None
        period = ReportingPeriod.objects.select_related("plan").filter(pk=period_id).first()
        if period is None:
            raise NotFound("There is no reporting period with that id.")
        if not self.visible_plans().filter(pk=period.plan_id).exists():
            raise PermissionDenied("You do not have access to this plan.")
        return period

    def plan_filter(self, queryset, field):
        """Rows of the plans the user may read; of one plan when ?plan= names it."""
        plan = self.requested_plan()
        if plan is not None:
            return queryset.filter(**{field: plan})
        return queryset.filter(**{f"{field}__in": self.visible_plans()})


@extend_schema(summary="Plans you may read")
class PlanList(FeedView):
    serializer_class = serializers.PlanSerializer

    def get_queryset(self):
        return self.visible_plans().order_by("title", "pk")


@extend_schema(summary="Themes (areas for improvement)", parameters=[PLAN])
class ThemeList(FeedView):
    serializer_class = serializers.ThemeSerializer

    def get_queryset(self):
        return self.plan_filter(Theme.objects.select_related("lead"), "plan").order_by("plan_id", "position", "pk")


@extend_schema(summary="Monthly reporting periods", parameters=[PLAN])
class PeriodList(FeedView):
    serializer_class = serializers.PeriodSerializer

    def get_queryset(self):
        return self.plan_filter(ReportingPeriod.objects.all(), "plan").order_by("plan_id", "month")


@extend_schema(summary="Actions", parameters=[PLAN])
class ActionList(FeedView):
    serializer_class = serializers.ActionSerializer

    def get_queryset(self):
        return (
            self.plan_filter(Action.objects.all(), "theme__plan")
            .select_related("theme")
            .prefetch_related(
                Prefetch("owners", queryset=Owner.objects.order_by("title")),
                Prefetch(
                    "source_references",
                    queryset=SourceReference.objects.select_related("source").order_by("position", "pk"),
                ),
            )
            .order_by("theme__plan_id", "theme__position", "theme__pk", "position", "pk")
        )


@extend_schema(
    summary="Each action's status in a period",
    description="One row per action as reported for the period: its progress and impact RAG, note, overdue "
    "and stale flags (a closed period's frozen figures). Give ?period=, or ?plan= for the plan's "
    "current period.",
    parameters=[PLAN, PERIOD],
)
class ActionStatusList(FeedView):
    serializer_class = serializers.ActionStatusSerializer

    def get_queryset(self):
        period = self.requested_period()
        plan = self.requested_plan()
        if period is None:
            if plan is None:
                raise ValidationError({"period": ["Give ?period=<id> (see /api/v1/periods/) or ?plan=<id>."]})
            period = default_period(plan_periods(plan=plan))
            if period is None:
                return []
        elif plan is not None and period.plan_id != plan.pk:
            raise ValidationError({"period": ["That period belongs to another plan."]})
        return period_status_rows(plan=period.plan, period=period)


@extend_schema(summary="Impact measures with their milestones and readings", parameters=[PLAN, PERIOD])
class MeasureList(FeedView):
    serializer_class = serializers.MeasureSerializer

    def get_queryset(self):
        readings = MeasureReading.objects.select_related("period").order_by("period__month")
        period = self.requested_period()
        measures = self.plan_filter(Measure.objects.all(), "plan")
        if period is not None:
            readings = readings.filter(period=period)
            measures = measures.filter(plan_id=period.plan_id)
        return measures.prefetch_related(
            "milestones", Prefetch("readings", queryset=readings, to_attr="feed_readings")
        ).order_by("plan_id", "name", "pk")


class AuditFeedView(FeedView):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not audit_permissions.can_view_audits(request.user):
            raise PermissionDenied("You do not have access to case audits.")


@extend_schema(summary="Case-audit programmes")
class AuditProgrammeList(AuditFeedView):
    serializer_class = serializers.AuditProgrammeSerializer

    def get_queryset(self):
        return AuditProgramme.objects.annotate(case_total=Count("cases", distinct=True)).order_by("-period_start", "pk")


@extend_schema(
    summary="Case-audit findings: figures per standard, overall and by agency",
    description="Figures only (met, not met, not applicable, % met), never cases or judgements. Give ?programme=.",
    parameters=[PROGRAMME],
)
class AuditFindingList(AuditFeedView):
    serializer_class = serializers.AuditFindingSerializer

    def get_queryset(self):
        programme_id = _id_param(self.request, "programme")
        if programme_id is None:
            raise ValidationError({"programme": ["Give ?programme=<id> (see /api/v1/audit-programmes/)."]})
        programme = AuditProgramme.objects.filter(pk=programme_id).first()
        if programme is None:
            raise NotFound("There is no audit programme with that id.")
        result = findings(programme=programme)
        overall = {finding.standard.pk: finding.figure for kloe in result.kloes for finding in kloe.standards}
        rows = []
        for standard, agency_figures in result.matrix:
            for agency, figure in [(None, overall[standard.pk]), *zip(result.agencies, agency_figures)]:
                rows.append(
                    {
                        "programme": programme.pk,
                        "kloe": standard.kloe.number,
                        "standard": standard.number,
                        "standard_text": standard.text,
                        "agency": agency.agency.name if agency else None,
                        "unit": figure.unit,
                        "met": figure.met,
                        "not_met": figure.not_met,
                        "not_applicable": figure.not_applicable,
                        "applicable": figure.applicable,
                        "percent_met": figure.percent,
                    }
                )
        return rows


# ---------------------------------------------------------------- each person's tokens page


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is it for?",
        max_length=100,
        help_text='For example "Power BI board dashboard".',
        error_messages={"required": "Enter what the token is for", "max_length": "Enter 100 characters or fewer"},
    )
    days = forms.TypedChoiceField(
        label="How long should it work?",
        coerce=int,
        initial=90,
        widget=forms.RadioSelect,
        choices=[(days, f"{days} days") for days in LIFETIMES_DAYS],
        error_messages={
            "required": "Choose how long the token should work",
            "invalid_choice": "Choose how long the token should work",
        },
    )


@method_decorator(never_cache, name="dispatch")
class TokenListView(View):
    """Your API tokens: create one (shown once) and revoke any."""

    template_name = "api/tokens/list.html"

    def page(self, request, form, created=None, status=200):
        tokens = ApiToken.objects.filter(user=request.user)
        return render(request, self.template_name, {"form": form, "tokens": tokens, "created": created}, status=status)

    def get(self, request):
        return self.page(request, TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        created = api_token_create(user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"])
        return self.page(request, TokenForm(), created=created)


class TokenRevokeView(View):
    """A button: revoke one of your own tokens."""

    def post(self, request, pk):
        token = api_token_revoke(user=request.user, token_id=pk)
        messages.success(request, f"“{token.name}” is revoked: it no longer reads anything.")
        return redirect("api:token_list")

    def get(self, request, pk):
        if not ApiToken.objects.filter(pk=pk, user=request.user).exists():
            raise DjangoPermissionDenied("That is not one of your tokens.")
        return HttpResponseNotAllowed(["POST"])
