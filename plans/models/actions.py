"""Actions: what a plan will do, owned by roles, answering paragraphs of sources."""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from plans import categories
from plans.categories import CATEGORY_LABELS
from plans.models.versioning import Versioned
from plans.querysets import ActionQuerySet
from plans.validators import validate_plan_date


class ActionCategory(models.TextChoices):
    NONE = "", "None"
    BUSINESS_FUNDAMENTAL = categories.BUSINESS_FUNDAMENTAL, CATEGORY_LABELS[categories.BUSINESS_FUNDAMENTAL]
    CHANGE_PRIORITY = categories.CHANGE_PRIORITY, CATEGORY_LABELS[categories.CHANGE_PRIORITY]


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


@dataclass(frozen=True)
class PlanField:
    """One of an action's own fields as a council's plan writes it (a column of the plan).

    Its label, type, length and choices are the model field's; what is declared here is only what
    the model cannot say: the field's key in the published JSON format where that differs from its
    name, the width of its workbook column, and whether the published JSON export carries it."""

    name: str
    json_key: str = ""
    width: int = 20
    in_json: bool = True

    @property
    def key(self):
        """Its key in the JSON format (export and import)."""
        return self.json_key or self.name


# The one list of an action's own fields, in the order plans write them. The action form, the
# services that create and change actions, the JSON and Excel exports, the JSON import and its
# re-import comparison, and the data feed all read it: a new field of an action is its model
# field, its migration, a line here, and the places that truly differ (the page's layout, the
# spreadsheet reader's header words).
ACTION_PLAN_FIELDS = (
    PlanField("ref", width=8),
    PlanField("improvement_need", width=40),
    PlanField("action_text", json_key="action", width=50),
    PlanField("category", width=16),
    PlanField("timescale", width=16),
    PlanField("due_date", width=12),
    PlanField("expected_impact", width=30),
    PlanField("measures_of_success", json_key="measures", width=30),
    PlanField("reporting_mechanism", in_json=False),
    PlanField("output", in_json=False),
)


def names_after_due_date():
    """The declared fields after the due date: the free-text details of an action, shown in turn on its
    page and its form."""
    names = [plan_field.name for plan_field in ACTION_PLAN_FIELDS]
    return names[names.index("due_date") + 1 :]


class Action(Versioned):
    theme = models.ForeignKey("plans.Theme", on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(default=0, help_text="Order within the plan, as written.")
    ref = models.CharField(max_length=50, blank=True, help_text="Not unique: real plans repeat refs.")
    improvement_need = models.TextField(blank=True)
    action_text = models.TextField("action")
    category = models.CharField(max_length=30, choices=ActionCategory.choices, default=ActionCategory.NONE, blank=True)
    owners = models.ManyToManyField("plans.Owner", blank=True, related_name="actions")
    sources = models.ManyToManyField(
        "plans.Source", through="plans.SourceReference", blank=True, related_name="actions"
    )
    timescale = models.CharField(max_length=300, blank=True, help_text="As written in the plan.")
    due_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    original_due_date = models.DateField(
        null=True, blank=True, help_text="The due date first agreed, kept when the date moves."
    )
    expected_impact = models.TextField(blank=True)
    measures_of_success = models.TextField(blank=True)
    reporting_mechanism = models.TextField(blank=True)
    output = models.TextField(blank=True)
    cross_references = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="referenced_by")
    cross_reference_note = models.TextField(blank=True, help_text="Cross references as written.")
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    closed_reason = models.TextField(blank=True)
    completed_date = models.DateField(null=True, blank=True, validators=[validate_plan_date])
    imported_note = models.TextField(
        "imported progress note",
        blank=True,
        help_text="A progress note the imported spreadsheet gave without a RAG rating, kept as written.",
    )

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[owners])

    class Meta:
        ordering = ["theme__plan", "theme__position", "position", "pk"]
        indexes = [
            # Plan order within a theme (the plan page and every list of actions).
            models.Index(fields=["theme", "position"]),
            # The same, covering what the dashboard's open-period figures read of each action (its
            # status and due date) without a visit to the action's row. Kept beside the narrower one,
            # which the plan page's queries read faster on PostgreSQL.
            models.Index(fields=["theme", "position", "status", "due_date"], name="plans_action_in_theme"),
        ]

    def __str__(self):
        return f"{self.ref} {self.short_text}".strip()

    @property
    def short_text(self):
        return shorten(self.action_text)

    @property
    def ref_with_theme(self):
        """How lists show the action outside its theme, "2.15 (theme 3)": plans reuse refs across themes."""
        return ref_with_theme(self.ref, self.theme.number, self.theme.title)

    def plan_details(self):
        """(label, value) of its own fields after the due date, in the declaration's order: the
        action page lists them in turn, so a field declared there shows without a template change."""
        return [
            (str(self._meta.get_field(name).verbose_name).capitalize(), getattr(self, name))
            for name in names_after_due_date()
        ]

    @property
    def due_date_moved(self):
        return bool(self.original_due_date and self.due_date and self.original_due_date != self.due_date)

    def get_absolute_url(self):
        return reverse("plans:action_detail", args=[self.pk])


def shorten(text, limit=80):
    """Text on one line, cut to `limit` characters with an ellipsis (how action lists show an action)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "…"


def ref_with_theme(ref, theme_number, theme_title=""):
    """An action's ref with its theme, "2.15 (theme 3)", for lists that mix themes: real plans reuse
    refs across themes (Solihull's theme 3 repeats 2.14-2.16), so a ref alone can name two actions.
    A no-break space keeps "theme 3" together in a narrow Ref column."""
    theme = f"theme\u00a0{theme_number}" if theme_number else shorten(theme_title, 40)  # "theme 3" kept on one line
    if not ref:
        return f"(no ref, {theme})" if theme else "(no ref)"
    return f"{ref} ({theme})" if theme else ref
