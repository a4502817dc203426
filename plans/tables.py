"""The plan's action table."""
import django_tables2 as tables

from plans.models import Action


class ActionTable(tables.Table):
    """Columns (headers, sorting) and pagination of the plan's actions. The cells are drawn by the
    table's template, a row at a time: see templates/plans/plan/_action_table.html."""

    # The page's "Actions" heading names the table for sighted users; screen readers get the caption.
    caption = "Actions with their owners, due dates and current progress and impact RAG"
    caption_class = "govuk-visually-hidden"

    ref = tables.Column(verbose_name="Ref", order_by=("theme__position", "position", "pk"))
    theme = tables.Column(verbose_name="Theme", accessor="theme__number", order_by=("theme__position",))
    action_text = tables.Column(verbose_name="Action", orderable=False)
    owners = tables.Column(verbose_name="Owners", accessor="pk", orderable=False)
    due_date = tables.Column(verbose_name="Due")
    current_progress_rag = tables.Column(verbose_name="Progress", default=None)
    current_impact_rag = tables.Column(verbose_name="Impact", default=None)

    class Meta:
        model = Action
        template_name = "plans/plan/_action_table.html"
        fields = ["ref", "theme", "action_text", "owners", "due_date", "current_progress_rag", "current_impact_rag"]
        order_by = "ref"
        empty_text = "No actions match these filters."
        attrs = {"class": "govuk-table app-table--compact"}
