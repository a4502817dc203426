"""Graded audits: record grades, see "% good or better" per month, and feed a plan measure."""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from audits import permissions, selectors
from audits.charts import good_or_better_chart
from audits.forms import EVERY_MONTH, GradedItemForm, GradedReadingForm
from audits.services.graded import graded_item_record, graded_percentage_record, graded_percentages_record_every
from audits.views.access import NAV, audit_reader_required, lead_required
from audits.views.programmes import _apply_errors


@audit_reader_required
def graded_trend(request):
    areas = selectors.graded_areas()
    area = request.GET.get("area") or (areas[0] if areas else "")
    trend = selectors.graded_trend(area=area) if area else []
    is_lead = permissions.is_audit_lead(request.user)
    measures, periods = selectors.measure_choices(user=request.user)
    reading_form = GradedReadingForm(
        request.POST or None,
        months=[row.month for row in trend],
        measures=measures,
        periods=periods,
    )
    if request.method == "POST":
        if not is_lead:
            raise PermissionDenied("Only audit leads can record a measure reading.")
        if reading_form.is_valid():
            data = reading_form.cleaned_data
            if data["month"] == EVERY_MONTH:
                try:
                    feed = graded_percentages_record_every(area=area, measure=data["measure"], user=request.user)
                except ValidationError as error:
                    _apply_errors(reading_form, error)
                else:
                    messages.success(
                        request,
                        f"Recorded {len(feed.recorded)} monthly reading"
                        f"{'' if len(feed.recorded) == 1 else 's'} of “{data['measure'].name}”.",
                    )
                    for month, why in feed.skipped:
                        messages.warning(request, f"{month:%B %Y} not recorded: {why}")
                    return redirect(f"{request.path}?{urlencode({'area': area})}")
                return _trend_page(request, areas, area, trend, is_lead, reading_form)
            try:
                result = graded_percentage_record(
                    area=area,
                    month=datetime.date.fromisoformat(data["month"]),
                    measure=data["measure"],
                    period=data["period"],
                    user=request.user,
                )
            except ValidationError as error:
                _apply_errors(reading_form, error)
            else:
                messages.success(
                    request,
                    f"Recorded {result.reading.value:.0f}% as the {result.reading.period.label} "
                    f"reading of “{result.reading.measure.name}”.",
                )
                return redirect(f"{request.path}?{urlencode({'area': area})}")
    return _trend_page(request, areas, area, trend, is_lead, reading_form)


def _trend_page(request, areas, area, trend, is_lead, reading_form):
    return render(
        request,
        "audits/graded/trend.html",
        {
            **NAV,
            "areas": areas,
            "area": area,
            "trend": trend,
            "is_lead": is_lead,
            "form": reading_form,
            "chart": good_or_better_chart(trend=trend, area=area) if trend else "",
        },
    )


@lead_required
def graded_item_create(request):
    form = GradedItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = graded_item_record(**form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Grade recorded for {item.item_code}.")
            if "add_another" in request.POST:
                return redirect(request.path)
            return redirect(f"{reverse('audits:graded_trend')}?{urlencode({'area': item.area})}")
    return render(
        request,
        "audits/programme/form.html",
        {**NAV, "form": form, "heading": "Record a graded audit", "add_another": True},
    )
