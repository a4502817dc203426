"""Measures of a plan: list, define, milestones, readings, and the measure's page with its chart."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin, without_version
from plans import permissions
from plans.forms.coordination import MeasureEditForm, MeasureForm, MilestoneForm, ReadingForm
from plans.models import Measure, MeasureMilestone
from plans.selectors.coordination import measure_page, plan_measures
from plans.services import measures as services
from plans.services.measure_charts import measure_chart_svg
from plans.views.coordination import CoordinatorButtonView, CoordinatorFormView, PlanObjectMixin, add_service_errors
from plans.views.progress import PlanAccessMixin

MEASURE_FIELDS = services.MEASURE_FIELDS


class MeasureListView(PlanAccessMixin, TemplateView):
    template_name = "plans/measure/list.html"
    extra_context = {"nav_section": "plans"}

    def post(self, request, *args, **kwargs):
        raise PermissionDenied("This page cannot be changed.")

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        return super().get_context_data(
            plan=plan,
            measures=list(plan_measures(plan=plan)),
            can_coordinate=permissions.coordinates(self.request.user, plan),
            **kwargs,
        )


class MeasureObjectMixin:
    def get_measure(self):
        if not hasattr(self, "_measure"):
            self._measure = get_object_or_404(Measure.objects.select_related("plan"), pk=self.kwargs["pk"])
        return self._measure

    def get_plan(self):
        return self.get_measure().plan


class MeasureCreateView(PlanObjectMixin, CoordinatorFormView):
    template_name = "plans/measure/form.html"
    form_class = MeasureForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.get_plan()}

    def get_initial(self):
        return {"direction": "higher"}

    def form_valid(self, form):
        try:
            measure = services.measure_create(plan=self.get_plan(), **form.cleaned_data)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Measure “{measure}” added. Add its milestones below.")
        return redirect("plans:measure_edit", pk=measure.pk)


class MeasureEditView(ConcurrentEditViewMixin, MeasureObjectMixin, CoordinatorFormView):
    """The measure's definition, and its milestones (add one; remove each with its own button)."""

    template_name = "plans/measure/form.html"
    form_class = MeasureEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.get_plan(), "instance": self.get_measure()}

    def get_initial(self):
        measure = self.get_measure()
        return {**{name: getattr(measure, name) for name in MEASURE_FIELDS}, "actions": list(measure.actions.all())}

    def get_context_data(self, **kwargs):
        measure = self.get_measure()
        kwargs.setdefault("milestone_form", MilestoneForm())
        return super().get_context_data(
            measure=measure, milestones=list(measure.milestones.order_by("due_date")), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "milestone_submit" in request.POST:
            # The milestone's fields come in one form with the measure's: whatever the coordinator
            # typed in the measure stays on the page, unsaved, whether the milestone is added or not.
            form = MilestoneForm(request.POST)
            typed = self._typed_measure(request.POST)
            if form.is_valid():
                try:
                    services.milestone_add(measure=self.get_measure(), **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    if typed is None:
                        messages.success(request, "Milestone added.")
                        return redirect("plans:measure_edit", pk=self.get_measure().pk)
                    messages.success(
                        request,
                        "Milestone added. Your changes to the measure are not saved yet: "
                        "check them and press Save measure.",
                    )
                    return self.render_to_response(self.get_context_data(form=typed))
            return self.render_to_response(
                self.get_context_data(milestone_form=form, **({"form": typed} if typed is not None else {}))
            )
        return super().post(request, *args, **kwargs)

    def _typed_measure(self, data):
        """The measure form showing what was typed (not checked, not saved), or None if nothing was
        typed that differs from the measure as saved."""
        if not any(name in data for name in MEASURE_FIELDS):
            return None
        initial = {name: data.get(name, "") for name in MEASURE_FIELDS}
        initial["actions"] = data.getlist("actions")
        initial["version"] = data.get("version")
        saved = self.get_initial()
        as_text = lambda value: "" if value is None else str(value)  # noqa: E731
        changed = any(as_text(saved.get(name)) != as_text(initial[name]) for name in MEASURE_FIELDS) or (
            sorted(map(str, initial["actions"])) != sorted(str(a.pk) for a in saved["actions"])
        )
        if not changed:
            return None
        form = self.get_form_class()(plan=self.get_plan(), instance=self.get_measure(), initial=initial)
        return form

    def form_valid(self, form):
        data, version = without_version(form)
        try:
            services.measure_update(measure=self.get_measure(), expected_version=version, **data)
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            return self.service_failed(form, error)
        messages.success(self.request, f"Measure “{self.get_measure()}” saved.")
        return redirect("plans:measure_detail", pk=self.get_measure().pk)


class MilestoneRemoveView(MeasureObjectMixin, CoordinatorButtonView):
    refusal = "Only the plan's coordinators can change its measures."

    def post(self, request, *args, **kwargs):
        measure = self.get_measure()
        milestone = get_object_or_404(MeasureMilestone, pk=kwargs["milestone_pk"], measure=measure)
        services.milestone_remove(milestone=milestone)
        messages.success(request, f"Milestone {milestone} removed.")
        return redirect("plans:measure_edit", pk=measure.pk)


class MeasureDetailView(MeasureObjectMixin, CoordinatorFormView):
    """Anyone who can see the plan reads the measure; coordinators also record readings here."""

    template_name = "plans/measure/detail.html"
    form_class = ReadingForm

    def allowed(self):
        if self.request.method == "POST":
            return permissions.coordinates(self.request.user, self.get_plan())
        return permissions.can_view_plan(self.request.user, self.get_plan())

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.get_plan()}

    def get_context_data(self, **kwargs):
        page = measure_page(pk=self.get_measure().pk)
        readings = [(row.period.month, row.reading.value) for row in page.rows if row.reading]
        late = [row.period.month for row in page.rows if row.reading and row.reading.late]
        chart = measure_chart_svg(
            measure=page.measure,
            readings=readings,
            milestones=[(m.due_date, m.value) for m in page.milestones],
            late=late,
        )
        can_coordinate = permissions.coordinates(self.request.user, self.get_plan())
        return super().get_context_data(
            page=page, measure=page.measure, chart=chart, can_coordinate=can_coordinate, **kwargs
        )

    def form_valid(self, form):
        try:
            reading, corrected = services.reading_record(
                measure=self.get_measure(), recorded_by=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            return self.service_failed(form, error)
        verb = "corrected; the earlier value is kept in its note" if corrected else "recorded"
        if reading.late:
            verb = "recorded late: it is marked late, and the figures the board read for that month do not change"
        messages.success(self.request, f"Reading for {reading.period.label} {verb}.")
        return redirect("plans:measure_detail", pk=self.get_measure().pk)
