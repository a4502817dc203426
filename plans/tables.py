"""The plan's action table."""
import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html

from plans.models import Action
from plans.templatetags.plan_tags import rag_tag


class RagColumn(tables.Column):
    def render(self, value):
        return rag_tag(value)


class ActionTable(tables.Table):
    # The page's "Actions" heading names the table for sighted users; screen readers get the caption.
    caption = "Actions with their owners, due dates and current progress and impact RAG"
    caption_class = "govuk-visually-hidden"

    ref = tables.Column(verbose_name="Ref", order_by=("theme__position", "position", "pk"))
    theme = tables.Column(verbose_name="Theme", accessor="theme__number", order_by=("theme__position",))
    action_text = tables.Column(verbose_name="Action", orderable=False)
    owners = tables.Column(verbose_name="Owners", accessor="pk", orderable=False)
    due_date = tables.Column(verbose_name="Due")
    current_progress_rag = RagColumn(verbose_name="Progress", default=None)
    current_impact_rag = RagColumn(verbose_name="Impact", default=None)

    class Meta:
        model = Action
        fields = ["ref", "theme", "action_text", "owners", "due_date", "current_progress_rag", "current_impact_rag"]
        order_by = "ref"
        empty_text = "No actions match these filters."
        attrs = {"class": "govuk-table app-table--compact"}

    def render_ref(self, record):
        return format_html('<a class="govuk-link" href="{}">{}</a>', record.get_absolute_url(), record.ref or "(no ref)")

    def render_due_date(self, value):
        # As DateColumn(format="j M Y") shows it, without a template rendered for every cell.
        return date_format(value, "j M Y")

    def render_action_text(self, record):
        return record.short_text

    def render_owners(self, record):
        return "; ".join(owner.title for owner in record.owners.all()) or "—"

    def value_owners(self, record):
        return self.render_owners(record)
