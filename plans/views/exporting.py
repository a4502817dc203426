"""Plan downloads in the JSON export's format (the same as `export_plan --format json`, importable again)."""

from django.http import HttpResponse
from django.utils.text import slugify
from django.views import View

from plans.services.exporting import plan_export_json
from plans.views.progress import PlanAccessMixin, ReadOnlyMixin


class PlanExportJsonView(ReadOnlyMixin, PlanAccessMixin, View):
    """The plan as JSON, for anyone who can view the plan."""

    def get(self, request, pk):
        plan = self.get_plan()
        response = HttpResponse(plan_export_json(plan=plan), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slugify(plan.title) or "plan"}.json"'
        return response
