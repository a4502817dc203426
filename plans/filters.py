"""Filters for the plan's action list (kept in the URL)."""
import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone

from plans.models import Action, Owner, Rag, Source, Theme

NO_RATING = "none"


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search ref, need or action", method="filter_text")
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.none(), empty_label="All themes", method="filter_theme"
    )
    owner = django_filters.ModelChoiceFilter(
        label="Owner", queryset=Owner.objects.none(), empty_label="All owners", method="filter_owner"
    )
    source = django_filters.ModelChoiceFilter(
        label="Source", queryset=Source.objects.none(), field_name="sources", empty_label="All sources"
    )
    progress_rag = django_filters.ChoiceFilter(
        label="Progress RAG",
        choices=[*Rag.choices, (NO_RATING, "No rating")],
        method="filter_progress_rag",
        empty_label="Any rating",
    )
    impact_rag = django_filters.ChoiceFilter(
        label="Impact RAG",
        choices=[*Rag.choices, (NO_RATING, "No rating")],
        method="filter_impact_rag",
        empty_label="Any rating",
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only", method="filter_overdue", widget=forms.CheckboxInput
    )
    stale = django_filters.BooleanFilter(
        label="No update this period only", method="filter_stale", widget=forms.CheckboxInput
    )
    period = django_filters.ChoiceFilter(
        label="As reported for", method="filter_period", empty_label="Now (latest updates)"
    )

    class Meta:
        model = Action
        fields = ["q", "theme", "owner", "source", "progress_rag", "impact_rag", "overdue", "stale", "period"]

    def __init__(self, *args, plan, period, report_period=None, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.period = period
        # With ?period=YYYY-MM the queryset carries that period's status (see selectors_reporting.plan_actions_at):
        # RAGs, overdue, stale, theme and owners as reported then, so dashboard counts and this list agree.
        self.report_period = report_period
        self.filters["period"].extra["choices"] = [
            (p.slug, f"{p.label} (closed)" if p.closed else p.label) for p in periods
        ]
        self.filters["theme"].queryset = plan.themes.all()
        self.filters["owner"].queryset = Owner.objects.filter(actions__theme__plan=plan).distinct()
        self.filters["source"].queryset = Source.objects.filter(actions__theme__plan=plan).distinct()

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(ref__icontains=value) | Q(improvement_need__icontains=value) | Q(action_text__icontains=value)
        )

    def _filter_rag(self, queryset, field, value):
        if value == NO_RATING:
            return queryset.filter(**{f"{field}__isnull": True})
        return queryset.filter(**{field: value})

    def filter_progress_rag(self, queryset, name, value):
        return self._filter_rag(queryset, "current_progress_rag", value)

    def filter_impact_rag(self, queryset, name, value):
        return self._filter_rag(queryset, "current_impact_rag", value)

    def filter_overdue(self, queryset, name, value):
        if value and self.report_period:
            return queryset.filter(period_overdue=True)
        return queryset.overdue(timezone.localdate()) if value else queryset

    def filter_stale(self, queryset, name, value):
        if value and self.report_period:
            return queryset.filter(period_stale=True)
        return queryset.stale(self.period) if value else queryset

    def filter_period(self, queryset, name, value):
        return queryset  # the view has already chosen the period's queryset

    def filter_theme(self, queryset, name, value):
        if self.report_period:
            return queryset.filter(period_theme_id=value.pk)
        return queryset.filter(theme=value)

    def filter_owner(self, queryset, name, value):
        if self.report_period:
            from plans.selectors_reporting import period_owner_filter

            return period_owner_filter(queryset, period=self.report_period, owner=value)
        return queryset.filter(owners=value)
