"""Forms for coordinators: plans, themes, actions, owner roles, measures, readings, sources.

Forms only read and tidy input; the services in plans/services/ validate the rules and write.
"""

from django import forms
from django.db import models

from improvement.concurrency import VersionedFormMixin
from improvement.forms import NameField
from plans.models import (
    Action,
    ActionStatus,
    BoardWeek,
    MeasureDirection,
    Owner,
    PlanStatus,
    Source,
    Weekday,
)
from plans.models.actions import ACTION_PLAN_FIELDS, names_after_due_date
from plans.services.sources import source_match_key
from plans.services.structure import source_references_parse
from plans.validators import validate_plan_date


class DateInput(forms.DateInput):
    """The browser's accessible date picker; the value travels as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class IsoDateField(forms.DateField):
    """A date field whose value reaches the template as YYYY-MM-DD, as <input type="date"> needs."""

    def prepare_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


def date_field(label, required=False, help_text=""):
    return IsoDateField(
        label=label,
        required=required,
        widget=DateInput,
        help_text=help_text,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        validators=[validate_plan_date],
        error_messages={
            "invalid": f"{label.replace(' (optional)', '')} must be a real date, for example 31/03/2027",
            "required": f"Enter the {label.lower()}",
        },
    )


def text(label, required=False, rows=3, max_length=10_000, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "max_length": f"{label} must be {max_length:,} characters or fewer",
            "required": f"Enter the {label.lower()}",
        },
    )


def line(label, required=False, max_length=300, help_text=""):
    """A one-line field: names, titles, codes, refs, normalised as they are typed (NameField)."""
    return NameField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "max_length": f"{label.replace(' (optional)', '')} must be {max_length} characters or fewer",
            "required": f"Enter the {label.lower()}",
        },
    )


def number(label, required=False, help_text=""):
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=12,
        decimal_places=2,
        help_text=help_text,
        error_messages={
            "invalid": f"{label.replace(' (optional)', '')} must be a number, like 75 or 12.5",
            "required": f"Enter the {label.lower()}",
            "max_digits": f"{label} must be smaller than 10,000,000,000",
            "max_decimal_places": f"{label} can have at most 2 decimal places",
            "max_whole_digits": f"{label} must be smaller than 10,000,000,000",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class PlanForm(forms.Form):
    title = line("Title", required=True)
    organisation = line("Organisation (optional)", max_length=200)
    vision = text("Vision (optional)")
    version_label = line("Version (optional)", max_length=100, help_text="For example v3.2, agreed by the board in May")
    status = forms.ChoiceField(label="Status", choices=PlanStatus.choices)
    start_date = date_field("Start date (optional)", help_text="No action can be due before the plan starts.")
    end_date = date_field("End date (optional)")
    board_week = forms.TypedChoiceField(
        label="The board meets on the (optional)",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not set"), *BoardWeek.choices],
        help_text="With the day below, for example the second Tuesday of each month. Each reporting period "
        "gets its board meeting date from it: the board reads a month at its meeting the month after.",
        error_messages={"invalid_choice": "Choose the week of the month from the list"},
    )
    board_weekday = forms.TypedChoiceField(
        label="Day of the week (optional)",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not set"), *Weekday.choices],
        error_messages={"invalid_choice": "Choose the day of the week from the list"},
    )


def _person_label(user):
    return f"{user.get_full_name()} ({user.get_username()})" if user.get_full_name() else user.get_username()


class PlanEditForm(VersionedFormMixin, PlanForm):
    """The plan's details, its coordinators and board members, carrying the version they were
    loaded with (no lost updates). Archived: read-only, out of My actions and lists, still reported."""

    coordinators = forms.ModelMultipleChoiceField(
        label="Coordinators",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="People in the Coordinator group who keep this plan right and may update any of its actions.",
        error_messages={
            "required": "Keep at least one coordinator",
            "invalid_choice": "Select coordinators from the list",
            "invalid_pk_value": "Select coordinators from the list",
        },
    )
    board_members = forms.ModelMultipleChoiceField(
        label="Board members (optional)",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="People in the Board group who read this plan's dashboard and packs.",
        error_messages={
            "invalid_choice": "Select board members from the list",
            "invalid_pk_value": "Select board members from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from plans.permissions import ADMIN, BOARD, COORDINATOR

        users = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        self.fields["coordinators"].queryset = users.filter(groups__name__in=[COORDINATOR, ADMIN]).distinct()
        self.fields["board_members"].queryset = users.filter(groups__name=BOARD).distinct()
        self.fields["coordinators"].label_from_instance = _person_label
        self.fields["board_members"].label_from_instance = _person_label


class ThemeForm(forms.Form):
    number = line("Number (optional)", max_length=20, help_text="As written in the plan, for example 2 or AFI 3")
    title = line("Title", required=True)
    lead = forms.ModelChoiceField(
        label="Lead (optional)",
        queryset=Owner.objects.order_by("title", "agency"),
        required=False,
        empty_label="No lead",
    )
    objective = text("Objective (optional)")
    outcomes = text("Outcomes (optional)")


class ThemeEditForm(VersionedFormMixin, ThemeForm):
    """A theme, carrying the version it was loaded with (no lost updates)."""


class OwnerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


# Rows of the text boxes that are not the usual three lines.
ACTION_TEXT_ROWS = {"action_text": 4, "cross_reference_note": 2}


def action_formfield(model_field, **kwargs):
    """The form field of one of an action's own fields, built from the model field: its label
    (marked "(optional)" when it may be blank), its length and its choices; dates in the date
    picker, text in a box, one-line text normalised as typed. `kwargs` carry Meta's labels and
    help texts."""
    required = not model_field.blank
    label = kwargs.get("label") or str(model_field.verbose_name).capitalize() + ("" if required else " (optional)")
    help_text = kwargs.get("help_text", "")
    if isinstance(model_field, (models.ForeignKey, models.ManyToManyField)):
        return model_field.formfield(**kwargs)  # declared on the form: their querysets depend on the plan
    if model_field.choices:
        return forms.ChoiceField(label=label, choices=model_field.choices, required=required, help_text=help_text)
    if isinstance(model_field, models.DateField):
        return date_field(label, required=required, help_text=help_text)
    if isinstance(model_field, models.TextField):
        return text(label, required=required, rows=ACTION_TEXT_ROWS.get(model_field.name, 3), help_text=help_text)
    if isinstance(model_field, models.CharField):
        return line(label, required=required, max_length=model_field.max_length, help_text=help_text)
    return model_field.formfield(**kwargs)


def _action_field_order():
    """The page's order: the action's own fields up to its category, then its owners and sources
    (with the boxes to add a new role or source), then the rest of its own fields."""
    names = [plan_field.name for plan_field in ACTION_PLAN_FIELDS]
    split = names.index("category") + 1
    return [
        "theme",
        *names[:split],
        "owners",
        "new_owner_title",
        "new_owner_agency",
        "source_references",
        "new_source_code",
        "new_source_title",
        *names[split:],
        "cross_references",
        "cross_reference_note",
    ]


class ActionForm(forms.ModelForm):
    """An action: its own fields come from the model (ACTION_PLAN_FIELDS, one declaration), the
    theme, owners, sources and cross references are chosen from this plan's."""

    theme = forms.ModelChoiceField(
        label="Theme",
        queryset=None,
        empty_label=None,
        error_messages={"required": "Select a theme", "invalid_choice": "Select a theme of this plan"},
    )
    owners = OwnerChoiceField(
        label="Owners (optional)",
        queryset=Owner.objects.order_by("title", "agency"),
        required=False,
        widget=forms.SelectMultiple,
        help_text="Select every role that owns this action: hold Ctrl (Cmd on a Mac) to choose several.",
        error_messages={
            "invalid_choice": "Select owners from the list",
            "invalid_pk_value": "Select owners from the list",
        },
    )
    new_owner_title = line(
        "Add a new owner role (optional)", help_text="If the role is not in the list, for example Head of Early Help"
    )
    new_owner_agency = line("Agency of the new role (optional)", max_length=200)
    source_references = text(
        "Derived from (optional)",
        rows=2,
        max_length=2_000,
        help_text="Source codes and paragraphs, separated by semicolons, for example JTAI 3.4; Nat. Enq 1.6",
    )
    new_source_code = line(
        "Add a new source (optional)",
        max_length=50,
        help_text="If the source is not in the list of known sources, its code, for example OIS 2024",
    )
    new_source_title = line("Title of the new source (optional)")
    cross_references = forms.ModelMultipleChoiceField(
        label="Cross references (optional)",
        queryset=None,
        required=False,
        help_text="Other actions of this plan this one depends on or relates to.",
        error_messages={
            "invalid_choice": "Select cross references from this plan's actions",
            "invalid_pk_value": "Select cross references from this plan's actions",
        },
    )

    field_order = _action_field_order()

    class Meta:
        model = Action
        fields = (
            "theme",
            *(plan_field.name for plan_field in ACTION_PLAN_FIELDS),
            "owners",
            "cross_references",
            "cross_reference_note",
        )
        formfield_callback = action_formfield
        labels = {"category": "Category"}
        help_texts = {
            "ref": "For example 2.14. Real plans sometimes repeat a ref: you will be warned.",
            "timescale": "As written, for example “By March 2027, then quarterly”",
        }

    def __init__(self, *args, plan, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["theme"].queryset = plan.themes.order_by("position", "pk")
        others = Action.objects.for_plan(plan).select_related("theme").in_plan_order()
        if action is not None:
            others = others.exclude(pk=action.pk)
        self.fields["cross_references"].queryset = others
        self.known_codes = list(Source.objects.values_list("code", flat=True))
        self.fields["source_references"].help_text += ". Known sources: " + (", ".join(self.known_codes) or "none yet")

    def clean_new_source_code(self):
        code = self.cleaned_data["new_source_code"]
        if code and any(source_match_key(code) == source_match_key(known) for known in self.known_codes):
            raise forms.ValidationError(f"There is already a source called {code}: write it in “Derived from”")
        return code

    def clean(self):
        data = super().clean()
        if self.errors.get("new_source_code"):
            return data
        codes = list(self.known_codes)
        if data.get("new_source_code"):
            codes.append(data["new_source_code"])
        try:
            data["parsed_source_references"] = source_references_parse(
                data.get("source_references", ""), known_codes=codes
            )
        except forms.ValidationError as error:
            self.add_error("source_references", error)
        if data.get("new_owner_agency") and not data.get("new_owner_title"):
            self.add_error("new_owner_title", "Enter the new role's title, or leave its agency empty")
        return data

    def details(self):
        """The fields of the action's free-text details (its declared fields after the due date), in turn."""
        return [self[name] for name in names_after_due_date()]

    def _post_clean(self):
        """Forms only read and tidy input: the services validate the action and write it, so the
        instance (the action as loaded, which the edit compares against) is left untouched."""


class ActionEditForm(VersionedFormMixin, ActionForm):
    """An action, carrying the version it was loaded with (no lost updates). Moving its due date
    needs who agreed the move and when."""

    due_date_agreed_by = line(
        "Who agreed to move the due date",
        max_length=200,
        help_text="Only when the due date moves: for example board, or Improvement Board",
    )
    due_date_agreed_on = date_field("Date the move was agreed", help_text="Only when the due date moves")

    def clean(self):
        data = super().clean()
        action = self.instance
        moved = action is not None and action.due_date and "due_date" in data and data["due_date"] != action.due_date
        if moved:
            if not " ".join((data.get("due_date_agreed_by") or "").split()):
                self.add_error("due_date_agreed_by", "Enter who agreed to move the due date, for example board")
            if not data.get("due_date_agreed_on") and "due_date_agreed_on" not in self.errors:
                self.add_error("due_date_agreed_on", "Enter the date the move was agreed, for example 14 December 2026")
        return data


class CloseActionForm(VersionedFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="How is the action being closed?",
        widget=forms.RadioSelect,
        choices=[(ActionStatus.COMPLETED, "Completed"), (ActionStatus.WITHDRAWN, "Withdrawn")],
        error_messages={"required": "Select whether the action was completed or withdrawn"},
    )
    reason = text(
        "Reason",
        required=True,
        rows=4,
        help_text="What was achieved, or why the action is no longer needed. Its history is kept.",
    )
    completed_date = date_field("Completion date (optional)", help_text="If completed; leave empty for today.")


class OwnerForm(forms.Form):
    """A new role's title and agency."""

    title = line("Role title", required=True, help_text="The post, not the person: for example Head of Early Help")
    agency = line("Agency (optional)", max_length=200, help_text="For example Police, Health, Children's Services")


class OwnerEditForm(VersionedFormMixin, OwnerForm):
    """A role's title and agency, carrying the version it was loaded with (no lost updates)."""


class HoldersForm(VersionedFormMixin, forms.Form):
    """Who holds a role, carrying the role's version as the page showed it (no lost updates)."""

    holders = forms.ModelMultipleChoiceField(
        label="Who holds this role",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The accounts that see this role's actions in My actions.",
        error_messages={
            "invalid_choice": "Select people from the list",
            "invalid_pk_value": "Select people from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name", "username")
        self.fields["holders"].queryset = users
        self.fields["holders"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.get_username()})" if u.get_full_name() else u.get_username()
        )


class OwnerMergeForm(forms.Form):
    """Two roles that are the same: the one to keep, and the one merged into it."""

    keep = forms.ModelChoiceField(
        label="Role to keep",
        queryset=Owner.objects.order_by("title", "agency"),
        empty_label="Choose a role",
        help_text="Its title stays. Start typing to search.",
        error_messages={
            "required": "Choose the role to keep",
            "invalid_choice": "Choose the role to keep from the list",
        },
    )
    merge = forms.ModelChoiceField(
        label="Role to merge into it",
        queryset=Owner.objects.order_by("title", "agency"),
        empty_label="Choose a role",
        help_text="Its actions, holders and history move to the role kept, and it is removed.",
        error_messages={
            "required": "Choose the role to merge",
            "invalid_choice": "Choose the role to merge from the list",
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("keep") and data.get("merge") and data["keep"] == data["merge"]:
            self.add_error("merge", "Choose two different roles: a role cannot be merged into itself")
        return data


class MeasureForm(forms.Form):
    name = line("Name", required=True)
    description = text("Description (optional)")
    unit = line("Unit (optional)", max_length=50, help_text="For example % or days")
    baseline = number("Baseline (optional)")
    target = number("Target (optional)")
    target_date = date_field("Target date (optional)")
    direction = forms.ChoiceField(
        label="Which way is better?",
        choices=MeasureDirection.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether higher or lower is better"},
    )
    actions = forms.ModelMultipleChoiceField(
        label="Linked actions (optional)",
        queryset=None,
        required=False,
        help_text="The actions whose impact this measure shows.",
        error_messages={
            "invalid_choice": "Select actions of this plan",
            "invalid_pk_value": "Select actions of this plan",
        },
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.for_plan(plan).select_related("theme").in_plan_order()


class MeasureEditForm(VersionedFormMixin, MeasureForm):
    """A measure's definition, carrying the version it was loaded with (no lost updates)."""


class MilestoneForm(forms.Form):
    due_date = date_field("Milestone date", required=True)
    value = number("Value to reach", required=True)
    label = line("Label (optional)", max_length=100)


class ReadingForm(forms.Form):
    period = forms.ModelChoiceField(
        label="Reporting period",
        queryset=None,
        empty_label=None,
        error_messages={
            "required": "Select a reporting period",
            "invalid_choice": "Select a reporting period of this plan",
        },
    )
    value = number("Reading", required=True)
    note = text("Note (optional)")
    source = line(
        "Source (optional)", help_text="Where the figure comes from, for example the monthly performance report"
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        # Open periods first; a closed month without its reading can still get one, marked late.
        self.fields["period"].queryset = plan.periods.order_by("closed", "-month")
        self.fields["period"].label_from_instance = lambda p: (
            f"{p.label} (closed: recorded late)" if p.closed else p.label
        )


class SourceForm(forms.Form):
    code = line("Code", required=True, max_length=50, help_text="For example JTAI or Nat. Enq")
    title = line("Title (optional)")
    date = date_field("Date (optional)")


class ParagraphsForm(VersionedFormMixin, forms.Form):
    paragraphs = text(
        "Paragraphs",
        rows=12,
        max_length=100_000,
        help_text="One per line: the paragraph number, then its text. For example “3.4 Partners should ensure …”",
    )
