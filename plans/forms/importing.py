"""Forms for importing a plan from a spreadsheet (kept apart from forms.py to keep merges small)."""

from django import forms
from django.conf import settings

from plans.importing.reading import FIELDS, PERIOD_FIELDS
from plans.models import Plan
from plans.services.status_labels import SCALE_CHOICES

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


class ColumnGroup:
    """The columns of one sheet, or of several sheets with the same header read the same way: one
    set of choices corrects all of them."""

    def __init__(self, *, number, sheets, headers, mapping, columns):
        self.number, self.sheets, self.headers, self.mapping, self.columns = number, sheets, headers, mapping, columns
        self.prefix = "column_" if number == 1 else f"sheet{number}_column_"
        self.field_names = []

    @property
    def legend(self):
        names = [f"“{name}”" for name in self.sheets]
        if len(names) == 1:
            return f"Sheet {names[0]}"
        return f"Sheets {', '.join(names[:-1])} and {names[-1]} (the same columns: one choice applies to all)"

    @property
    def described(self):
        names = [f"“{name}”" for name in self.sheets]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

    def field_name(self, index):
        return f"{self.prefix}{index}"


def column_groups(sheets):
    """Group the sheets that have a header by their columns and how they were read, in workbook order."""
    groups = {}
    for sheet in sheets:
        if not sheet.header_row:
            continue
        key = (tuple(sorted(sheet.headers.items())), tuple(sorted(sheet.mapping.items())))
        group = groups.get(key)
        if group is None:
            group = groups[key] = ColumnGroup(
                number=len(groups) + 1,
                sheets=[],
                headers=sheet.headers,
                mapping=dict(sheet.mapping),
                columns=set(),
            )
        group.sheets.append(sheet.name)
        group.columns |= set(sheet.headers) | set(sheet.mapping) | set(sheet.columns)
    return list(groups.values())


class ImportOptionsForm(forms.Form):
    """The title, the plan to update, and the column mapping of every sheet, which the admin may correct."""

    title = forms.CharField(
        label="Plan title",
        max_length=300,
        error_messages={
            "required": "Enter the plan's title",
            "max_length": "The plan's title must be 300 characters or fewer",
        },
    )
    plan = forms.ModelChoiceField(
        label="Update a plan already here, or import as a new plan",
        queryset=Plan.objects.order_by("title"),
        required=False,
        empty_label="No: create a new plan",
        help_text="Choose the plan to update: its actions are matched by theme and ref, their progress history is "
        "kept, and it takes the title above.",
        error_messages={"invalid_choice": "Choose the plan to update from the list, or “No: create a new plan”"},
    )

    def __init__(self, *args, sheets, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = column_groups(sheets)
        self.column_fields = []
        for group in self.groups:
            for index in sorted(group.columns):
                header = group.headers.get(index) or f"Column {index + 1}"
                letter = _letter(index)
                used = group.mapping.get(index, "")
                self.fields[group.field_name(index)] = forms.ChoiceField(
                    label=f"Column {letter}: “{header}”",
                    choices=FIELD_CHOICES,
                    required=False,
                    initial=used,
                    help_text="" if used else "Not used now: choose what it holds if the plan needs it.",
                    error_messages={
                        "invalid_choice": f"Choose what column {letter} of {group.described} holds from the list"
                    },
                )
                group.field_names.append(group.field_name(index))
                self.column_fields.append(group.field_name(index))

    def clean(self):
        cleaned = super().clean()
        several = len(self.groups) > 1
        anything = False
        for group in self.groups:
            chosen = [cleaned.get(name) for name in group.field_names if cleaned.get(name)]
            if not chosen:
                continue  # every column ignored: the sheet is skipped (unless every sheet is)
            anything = True
            where = f" on sheet {group.described}" if several else ""
            first = group.field_names[0]
            # Progress notes and RAGs may come from several columns (one per month, or a RAG and a status).
            duplicates = sorted(
                {FIELDS[name][0] for name in chosen if chosen.count(name) > 1 and name not in PERIOD_FIELDS}
            )
            if duplicates:
                field_name = next(
                    n for n in group.field_names if cleaned.get(n) and FIELDS[cleaned[n]][0] in duplicates
                )
                self.add_error(
                    field_name,
                    f"Choose each kind of column once{where}: {', '.join(duplicates)} is chosen more than once.",
                )
            elif not {"action", "ref"} & set(chosen):
                self.add_error(
                    first,
                    f"Choose which column{f' of sheet {group.described}' if several else ''} holds the action (or its ref)."
                    + (" To skip the sheet, ignore every column of it." if several else ""),
                )
            elif len(set(chosen)) < 2:
                self.add_error(first, f"Choose at least an Action or Ref column, and one other column{where}.")
        if self.groups and not anything:
            self.add_error(
                self.groups[0].field_names[0] if self.groups[0].field_names else None,
                "Choose which column holds the action (or its ref).",
            )
        return cleaned

    def mapping(self):
        """{sheet name: {column index: field}} for every sheet with a header."""
        chosen = {}
        for group in self.groups:
            columns = {
                int(name.removeprefix(group.prefix)): self.cleaned_data[name]
                for name in group.field_names
                if self.cleaned_data.get(name)
            }
            for sheet in group.sheets:
                chosen[sheet] = dict(columns)
        return chosen

    def detected(self):
        """The mapping the preview shows now, in the same shape as mapping()."""
        return {
            sheet: {index: name for index, name in group.mapping.items()}
            for group in self.groups
            for sheet in group.sheets
        }

    @property
    def column_bound_fields(self):
        return [self[name] for name in self.column_fields]

    @property
    def bound_groups(self):
        return [(group, [self[name] for name in group.field_names]) for group in self.groups]

    def field_for_column(self, sheet_name, index):
        for group in self.groups:
            if sheet_name in group.sheets:
                return group.field_name(index)
        return ""


class StatusLabelsForm(forms.Form):
    """Every status or RAG label the file uses, with the RAG it is read as: the admin confirms or
    changes each, once per file, and must decide each label the reader could not read before importing."""

    def __init__(self, *args, labels, remembered=(), chosen=(), confirming=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels, self.confirming = list(labels), confirming
        self.label_fields = []
        for number, item in enumerate(self.labels, start=1):
            shown = self.add_prefix(f"status_{number}_shown")
            # Left undecided on the page the admin sent: still offered as not decided, whatever is remembered now.
            unknown = not item.known or (self.is_bound and shown in self.data and not self.data.get(shown))
            notes = [
                f"{item.count} cell{'s' if item.count != 1 else ''} in the {item.columns} column{'s' if len(item.fields) > 1 else ''}."
            ]
            if unknown:
                notes.append(
                    "Not read: left empty. It is not a RAG or status we know: choose what it means, or No rating."
                )
            elif item.label in chosen:
                notes.append("As you chose.")
            elif item.key in remembered:
                notes.append("As chosen at an earlier import.")
            if item.closed:
                notes.append("Actions with it are kept as closed.")
            name = f"status_{number}"
            self.fields[name] = forms.ChoiceField(
                label=f"“{item.label}” is read as",
                choices=([("", "Not decided yet")] if unknown else []) + SCALE_CHOICES,
                required=False,
                initial=item.read_as,
                help_text=" ".join(notes),
                error_messages={"invalid_choice": f"Choose what “{item.label}” means from the list"},
            )
            self.label_fields.append(name)
            # The label the page showed for this choice: a choice is never applied to another label.
            self.fields[f"{name}_label"] = forms.CharField(widget=forms.HiddenInput, required=False, initial=item.label)
            # What the page showed it read as ("" for not decided): a label the page left undecided is decided
            # by the admin, never by a reading that changed after the page was shown (another admin's choice).
            self.fields[f"{name}_shown"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=item.read_as
            )

    def clean(self):
        cleaned = super().clean()
        for name, item in zip(self.label_fields, self.labels):
            shown = cleaned.get(f"{name}_label")
            if shown and shown != item.label and name not in self.errors:
                # The page was for another reading of the file: its choice is not this label's.
                cleaned[name] = ""
                self.add_error(
                    name,
                    f"The status labels were read again: choose what “{item.label}” means on the RAG scale, "
                    "or No rating",
                )
        if self.confirming:
            for name, item in zip(self.label_fields, self.labels):
                shown_undecided = self.add_prefix(f"{name}_shown") in self.data and not cleaned.get(f"{name}_shown")
                if (not item.known or shown_undecided) and not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name, f"Choose what “{item.label}” means on the RAG scale, or No rating, before importing"
                    )
        return cleaned

    def refuse_undecided(self, labels):
        """Mark every label still not decided (after the file was read with the choices made) as an error."""
        for item in labels:
            if item.known:
                continue
            name = next((n for n, own in zip(self.label_fields, self.labels) if own.key == item.key), None)
            message = f"Choose what “{item.label}” means on the RAG scale, or No rating, before importing"
            if name is None or name in self.errors:
                self.add_error(None, message)
            else:
                self.add_error(name, message)

    def changed_choices(self):
        """{label: slug} for the labels the admin set to something other than what they are read as now."""
        return {
            item.label: self.cleaned_data[name]
            for name, item in zip(self.label_fields, self.labels)
            if self.cleaned_data.get(name)
            and self.cleaned_data[name] != item.read_as
            and self.cleaned_data.get(f"{name}_label", item.label) in ("", item.label)
        }

    @property
    def undecided(self):
        return [item for item in self.labels if not item.known]

    @property
    def bound_labels(self):
        return [(item, self[name]) for name, item in zip(self.label_fields, self.labels)]


def _letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
