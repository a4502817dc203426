"""Forms for importing a plan from a spreadsheet (kept apart from forms.py to keep merges small)."""
from django import forms
from django.conf import settings

from plans.importing.reading import FIELDS, PERIOD_FIELDS
from plans.models import Plan

FIELD_CHOICES = [("", "Ignore this column")] + [(name, label) for name, (label, _words) in FIELDS.items()]


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the plan",
        help_text="An Excel workbook (.xlsx) with a header row naming its columns, for example Ref, Action, Action Owner, Timescale.",
        error_messages={"required": "Choose the Excel file (.xlsx) that holds your plan"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is too big ({upload.size / 1024 / 1024:.1f} MB). The largest file you can import is "
                f"{settings.MAX_UPLOAD_BYTES / 1024 / 1024:.0f} MB."
            )
        return upload


class ImportOptionsForm(forms.Form):
    """The title, the plan to update, and the column mapping the admin may correct."""

    title = forms.CharField(label="Plan title", max_length=300, error_messages={"required": "Enter the plan's title"})
    plan = forms.ModelChoiceField(
        label="Is this a newer version of a plan already here?",
        queryset=Plan.objects.order_by("title"),
        required=False,
        empty_label="No: create a new plan",
        help_text="Choose the plan to update. Its actions are matched by theme and ref; their progress history is kept.",
    )

    def __init__(self, *args, headers, mapping, columns=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.column_fields = []
        for index in sorted(set(headers) | set(mapping) | set(columns)):
            name = f"column_{index}"
            header = headers.get(index) or f"Column {index + 1}"
            self.fields[name] = forms.ChoiceField(
                label=f"Column {_letter(index)}: “{header}”", choices=FIELD_CHOICES, required=False, initial=mapping.get(index, ""),
                help_text="" if mapping.get(index) else "Not used now: choose what it holds if the plan needs it.",
            )
            self.column_fields.append(name)

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(name) for name in self.column_fields if cleaned.get(name)]
        # Progress notes and RAGs may come from several columns (one per month, or a RAG and a status).
        duplicates = sorted({FIELDS[name][0] for name in chosen if chosen.count(name) > 1 and name not in PERIOD_FIELDS})
        if duplicates:
            raise forms.ValidationError(f"Choose each kind of column once: {', '.join(duplicates)} is chosen more than once.")
        if not {"action", "ref"} & set(chosen):
            raise forms.ValidationError("Choose which column holds the action (or its ref).")
        return cleaned

    def mapping(self):
        return {int(name.removeprefix("column_")): self.cleaned_data[name] for name in self.column_fields if self.cleaned_data.get(name)}

    @property
    def column_bound_fields(self):
        return [self[name] for name in self.column_fields]


def _letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
