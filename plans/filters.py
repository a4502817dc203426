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
        # The rows (the view's "queryset") are the status rows of the period shown (plans.selectors.status): with
        # ?period=YYYY-MM its RAGs, overdue, stale, theme and owners as reported then, so dashboard
        # counts and this list agree.
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
        """The status rows that match the filters (none when the filters are not valid)."""
        if not hasattr(self, "_qs"):
            if not self.is_bound:
                self._qs = list(self.rows)
            elif not self.is_valid():
                self._qs = []
            else:
                self._qs = self.filter_rows(self.rows, self.form.cleaned_data)
        return self._qs

    def filter_rows(self, rows, data):
        tests = []
        text = (data.get("q") or "").strip()
        if text:
            matching = set(
                Action.objects.for_plan(self.plan)
                .filter(Q(ref__icontains=text) | Q(improvement_need__icontains=text) | Q(action_text__icontains=text))
                .values_list("pk", flat=True)
            )
            tests.append(lambda row: row.action_id in matching)
        if data.get("theme"):
            theme_id = data["theme"].pk
            tests.append(lambda row: row.theme_id == theme_id)
        if data.get("owner"):
            owner_id = data["owner"].pk
            tests.append(lambda row: owner_id in row.owner_ids)
        if data.get("source"):
            with_source = set(
                Action.objects.for_plan(self.plan).filter(sources=data["source"]).values_list("pk", flat=True)
            )
            tests.append(lambda row: row.action_id in with_source)
        for field in ("progress_rag", "impact_rag"):
            value = data.get(field)
            if value:
                wanted = None if value == NO_RATING else Rag(value)
                tests.append(lambda row, field=field, wanted=wanted: getattr(row, field) == wanted)
        if data.get("overdue"):
            tests.append(lambda row: row.is_overdue)
        if data.get("stale"):
            tests.append(lambda row: row.is_stale)
        if data.get("without_impact"):
            # As reported for the period shown, or (now) the periods before the open one.
            listed = {
                row.action_id
                for row in progress_without_impact_rows(
                    rows, plan=self.plan, period=self.report_period or self.period, periods=self.periods or None
                )
            }
            tests.append(lambda row: row.action_id in listed)
        return [row for row in rows if all(test(row) for test in tests)]
