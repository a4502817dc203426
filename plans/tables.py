"""The plan's action table."""

import django_tables2 as tables
from django_tables2.data import TableData
from django_tables2.utils import OrderBy


class StatusRowsData(TableData):
    """The table's data as a status query (plans.selectors.status.StatusQuery): the table orders it
    by its columns' order_by fields and the paginator counts it and takes a page, all in the database,
    so a page reads its 25 rows whatever the plan's size."""

    def __len__(self):
        return len(self.data)

    def order_by(self, aliases):
        fields = []
        for alias in aliases:
            column = self.table.columns[OrderBy(alias).bare]
            # As django-tables2 orders a list: the column's order_by, or its opposite for "-column".
            fields += column.order_by.opposite if alias[0] != column.order_by_alias[0] else column.order_by
        self.data = self.data.order_by(*fields)


class ActionTable(tables.Table):
    """Columns (headers, sorting) and pagination of the plan's actions, one status row each
    (plans.selectors.status.StatusRow). The cells are drawn by the table's template, a row at a
    time: see templates/plans/plan/_action_table.html."""

    # The page's "Actions" heading names the table for sighted users; screen readers get the caption.
    caption = "Actions with their owners, due dates and current progress and impact RAG"
    caption_class = "govuk-visually-hidden"

    ref = tables.Column(verbose_name="Ref", order_by=("theme_position", "position", "action_id"))
    theme = tables.Column(verbose_name="Theme", accessor="theme_number", order_by=("theme_position",))
    action_text = tables.Column(verbose_name="Action", orderable=False)
    owners = tables.Column(verbose_name="Owners", orderable=False)
    due_date = tables.Column(verbose_name="Due")
    current_progress_rag = tables.Column(verbose_name="Progress", accessor="progress_rag", default=None)
    current_impact_rag = tables.Column(verbose_name="Impact", accessor="impact_rag", default=None)

    class Meta:
        template_name = "plans/plan/_action_table.html"
        fields = ["ref", "theme", "action_text", "owners", "due_date", "current_progress_rag", "current_impact_rag"]
        order_by = "ref"
        empty_text = "No actions match these filters."
        attrs = {"class": "govuk-table app-table--compact"}
