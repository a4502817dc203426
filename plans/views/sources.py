"""Sources and recommendation coverage: which paragraphs the plan's actions answer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from improvement.concurrency import ConcurrentEditError, ConcurrentEditViewMixin
from plans import permissions
from plans.forms.coordination import ParagraphsForm, SourceForm
from plans.models import Source
from plans.selectors.coordination import source_coverage, source_list
from plans.services import sources as services
from plans.services.structure import source_create
from plans.views.coordination import add_service_errors

CONTEXT = {"nav_section": "plans"}


class SourcesReadableMixin:
    """Sources are read by whoever can see a plan (action pages link to them) or manages sources,
    not by a signed-in user with no part in any plan. The visible plans are read once, for the
    check and for the page."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.visible_plans = list(permissions.plans_visible_to(request.user).order_by("title"))
            if not (self.visible_plans or permissions.can_manage_sources(request.user)):
                raise PermissionDenied("Sources are for the people who take part in a plan.")
        return super().dispatch(request, *args, **kwargs)


class SourceListView(SourcesReadableMixin, TemplateView):
    template_name = "plans/source/list.html"
    extra_context = CONTEXT

    def post(self, request, *args, **kwargs):
        raise PermissionDenied("This page cannot be changed.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sources=list(source_list()),
            can_manage=permissions.can_manage_sources(self.request.user),
            plans=self.visible_plans,
            **kwargs,
        )


class SourceDetailView(SourcesReadableMixin, TemplateView):
    """?plan=<id> limits coverage to one plan; otherwise every plan the user can see."""

    template_name = "plans/source/detail.html"
    extra_context = CONTEXT

    def post(self, request, *args, **kwargs):
        raise PermissionDenied("This page cannot be changed.")

    def get_context_data(self, **kwargs):
        try:
            source = Source.objects.prefetch_related("paragraphs").get(pk=self.kwargs["pk"])
        except Source.DoesNotExist:
            raise Http404("No source with that number") from None
        visible = self.visible_plans
        plans = visible
        chosen = self.request.GET.get("plan")
        selected = None
        if chosen:
            selected = next((p for p in visible if str(p.pk) == chosen), None)
            if selected is None:
                raise Http404("No plan with that number that you can see")
            plans = [selected]
        coverage = source_coverage(source=source, plans=plans)
        return super().get_context_data(
            source=source,
            coverage=coverage,
            visible_plans=visible,
            selected_plan=selected,
            can_manage=permissions.can_manage_sources(self.request.user),
            **kwargs,
        )


class SourcesAllowedMixin:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_manage_sources(request.user):
            raise PermissionDenied("Only admins and coordinators manage sources.")
        return super().dispatch(request, *args, **kwargs)


class SourceCreateView(SourcesAllowedMixin, FormView):
    template_name = "plans/source/form.html"
    form_class = SourceForm
    extra_context = CONTEXT

    def form_valid(self, form):
        try:
            source = source_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Source {source} added. List its paragraphs to check coverage.")
        return redirect("plans:source_paragraphs", pk=source.pk)


class SourceParagraphsView(ConcurrentEditViewMixin, SourcesAllowedMixin, FormView):
    template_name = "plans/source/paragraphs.html"
    form_class = ParagraphsForm
    extra_context = CONTEXT

    def get_source(self):
        if not hasattr(self, "_source"):
            try:
                self._source = Source.objects.get(pk=self.kwargs["pk"])
            except Source.DoesNotExist:
                raise Http404("No source with that number") from None
        return self._source

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_source()}

    def get_initial(self):
        from plans.models.sources import paragraph_sort_key

        paragraphs = sorted(self.get_source().paragraphs.all(), key=lambda p: paragraph_sort_key(p.number))
        return {"paragraphs": "\n".join(f"{p.number} {p.text}".strip() for p in paragraphs)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.get_source(), **kwargs)

    def form_valid(self, form):
        try:
            rows = services.source_paragraphs_parse(form.cleaned_data["paragraphs"])
            services.source_paragraphs_set(
                source=self.get_source(), paragraphs=rows, expected_version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as error:
            return self.edit_conflict(form, error)
        except ValidationError as error:
            form.add_error("paragraphs", error)
            return self.form_invalid(form)
        messages.success(self.request, f"{len(rows)} paragraphs of {self.get_source()} saved.")
        return redirect("plans:source_detail", pk=self.get_source().pk)
