"""Filters for the plan's action list (kept in the URL), over the status rows it shows."""

import django_filters
from django import forms
from django.db.models import Q

from plans.models import Action, Owner, Rag, Source, Theme
from plans.selectors.status import progress_without_impact_rows

NO_RATING = "none"


class ActionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search ref, need or action")
    theme = django_filters.ModelChoiceFilter(queryset=Theme.objects.none(), empty_label="All themes")
    owner = django_filters.ModelChoiceFilter(label="Owner", queryset=Owner.objects.none(), empty_label="All owners")
    source = django_filters.ModelChoiceFilter(
        label="Source", queryset=Source.objects.none(), field_name="sources", empty_label="All sources"
    )
    progress_rag = django_filters.ChoiceFilter(
        label="Progress RAG",
        choices=[*Rag.choices, (NO_RATING, "No rating")],
        empty_label="Any rating",
    )
    impact_rag = django_filters.ChoiceFilter(
        label="Impact RAG",
        choices=[*Rag.choices, (NO_RATING, "No rating")],
        empty_label="Any rating",
    )
    overdue = django_filters.BooleanFilter(label="Overdue only", widget=forms.CheckboxInput)
    stale = django_filters.BooleanFilter(label="No update this period only", widget=forms.CheckboxInput)
    without_impact = django_filters.BooleanFilter(
        label="Progress without impact only",
        widget=forms.CheckboxInput,
        help_text="Progress Blue or Green while impact is Amber or Red, or has not moved for 3 periods.",
    )
    period = django_filters.ChoiceFilter(label="As reported for", empty_label="Now (latest updates)")

    class Meta:
        model = Action
        fields = [
            "q",
            "theme",
            "owner",
            "source",
            "progress_rag",
            "impact_rag",
            "overdue",
            "stale",
            "without_impact",
            "period",
        ]

    def __init__(self, data=None, queryset=None, *, plan, period, report_period=None, periods=(), **kwargs):
        super().__init__(data, Action.objects.none(), **kwargs)
        self.rows = queryset
        self.plan = plan
        self.period = period
        # The rows (the view's "queryset") are the status rows of the period shown, as a query
        # (plans.selectors.status.StatusQuery): with ?period=YYYY-MM its RAGs, overdue, stale, theme and
        # owners as reported then, so dashboard counts and this list agree.
        self.report_period = report_period
        self.periods = list(periods)
        self.filters["period"].extra["choices"] = [
            (p.slug, f"{p.label} (closed)" if p.closed else p.label) for p in periods
        ]
        self.filters["theme"].queryset = plan.themes.all()
        self.filters["owner"].queryset = Owner.objects.filter(actions__theme__plan=plan).distinct()
        self.filters["source"].queryset = Source.objects.filter(actions__theme__plan=plan).distinct()

    @property
    def qs(self):
        """The status rows that match the filters, as a query (none when the filters are not valid)."""
        if not hasattr(self, "_qs"):
            if not self.is_bound:
                self._qs = self.rows
            elif not self.is_valid():
                self._qs = self.rows.none()
            else:
                self._qs = self.filter_rows(self.rows, self.form.cleaned_data)
        return self._qs

    def filter_rows(self, rows, data):
        """Narrow the status query `rows` (plans.selectors.status.StatusQuery) in the database."""
        actions = Action.objects.for_plan(self.plan)
        text = (data.get("q") or "").strip()
        if text:
            matching = actions.filter(
                Q(ref__icontains=text) | Q(improvement_need__icontains=text) | Q(action_text__icontains=text)
            )
            rows = rows.filter(action_id__in=matching.values("pk"))
        if data.get("theme"):
            rows = rows.filter(theme=data["theme"].pk)
        if data.get("owner"):
            rows = rows.filter(owners=data["owner"].pk)
        if data.get("source"):
            rows = rows.filter(action_id__in=actions.filter(sources=data["source"]).values("pk"))
        for field in ("progress_rag", "impact_rag"):
            value = data.get(field)
            if value:
                rows = rows.filter(**{field: "" if value == NO_RATING else Rag(value).value})
        if data.get("overdue"):
            rows = rows.filter(is_overdue=True)
        if data.get("stale"):
            rows = rows.filter(is_stale=True)
        if data.get("without_impact"):
            # As reported for the period shown, or (now) the periods before the open one: the rule needs
            # every row and the periods before (plans.selectors.status.progress_without_impact_rows).
            listed = [
                row.action_id
                for row in progress_without_impact_rows(
                    self.rows.all_rows(),
                    plan=self.plan,
                    period=self.report_period or self.period,
                    periods=self.periods or None,
                )
            ]
            rows = rows.filter(action_id__in=listed)
        return rows
