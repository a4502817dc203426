"""Forms for setting up audits, entering judgements, the learning log and graded audits."""

from django import forms

from audits.models import Agency, AuditProgramme, Grade, GradedAuditKind, JudgementResult, ProgrammeStatus
from audits.pseudonymity import pseudonymous_code_validate
from improvement.concurrency import VersionedFormMixin
from improvement.forms import NamedErrorsMixin, NameField
from plans.validators import validate_plan_date


class ProgrammeForm(NamedErrorsMixin, forms.Form):
    title = NameField(max_length=300, help_text='For example "Multi-agency case audit 2016-17".')
    organisation = NameField(max_length=200, required=False)
    period_start = forms.DateField(
        validators=[validate_plan_date],
        label="Audit period starts",
        help_text="For example 1/4/2016",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    period_end = forms.DateField(
        validators=[validate_plan_date], label="Audit period ends", widget=forms.DateInput(attrs={"type": "date"})
    )
    priorities = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="One priority area a line."
    )
    copy_from = forms.ModelChoiceField(
        queryset=AuditProgramme.objects.all(),
        required=False,
        label="Copy key lines of enquiry and standards from",
        empty_label="Do not copy: I will add them",
    )

    def clean(self):
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", "The end of the audit period must be after its start.")
        return data


class KloeForm(NamedErrorsMixin, forms.Form):
    number = forms.IntegerField(min_value=1)
    question = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class StandardForm(NamedErrorsMixin, forms.Form):
    kloe = forms.ModelChoiceField(queryset=None, label="Key line of enquiry")
    number = forms.IntegerField(min_value=1, help_text="Standards are numbered across the programme.")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Standard")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kloe"].queryset = programme.kloes.all()


class AgencyForm(NamedErrorsMixin, forms.Form):
    name = NameField(max_length=200)
    short_name = NameField(max_length=50, required=False, help_text='For tables, for example "CCG".')


class CaseForm(NamedErrorsMixin, forms.Form):
    code = forms.CharField(
        max_length=40,
        validators=[pseudonymous_code_validate],
        label="Case code",
        help_text='A pseudonymous code such as "MACA-2015-07" or "Case 7". Never a name or a date of birth.',
    )
    priority = forms.ModelChoiceField(queryset=None, required=False, label="Priority area")
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.all(), label="Agencies involved", help_text="Only these agencies judge the case."
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = programme.priorities.all()


class JudgementSheetForm(forms.Form):
    """One result, reason and evidence field per standard: result_<id>, reason_<id>, evidence_<id>;
    and version_<id>, hidden: the version of the standard's judgement the sheet was loaded with (0 when
    there was none yet), so a save over someone else's newer judgement is refused. A post without
    it (not from the page) is not checked."""

    def __init__(self, *args, groups, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        self.submitting = submitting
        for kloe, rows in groups:
            fields = []
            for row in rows:
                standard, judgement = row.standard, row.judgement
                key = str(standard.pk)
                self.fields[f"result_{key}"] = forms.ChoiceField(
                    choices=JudgementResult.choices,
                    required=False,
                    widget=forms.RadioSelect,
                    label=f"Standard {standard.number}: {standard.text}",
                    initial=judgement.result if judgement else "",
                )
                self.fields[f"reason_{key}"] = forms.CharField(
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    label=f"Why standard {standard.number} was not met",
                    help_text="Only when it was not met: leave it empty for met or not applicable.",
                    initial=judgement.reason if judgement else "",
                )
                self.fields[f"evidence_{key}"] = forms.CharField(
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    label=f"Evidence for standard {standard.number}",
                    initial=judgement.evidence if judgement else "",
                )
                self.fields[f"version_{key}"] = forms.IntegerField(
                    required=False,
                    min_value=0,
                    widget=forms.HiddenInput,
                    initial=judgement.version if judgement else 0,
                    error_messages={
                        "invalid": "This page is out of date: open it again and redo your change",
                        "min_value": "This page is out of date: open it again and redo your change",
                    },
                )
                fields.append((row, self[f"result_{key}"], self[f"reason_{key}"], self[f"evidence_{key}"]))
            self.groups.append((kloe, fields))

    def clean(self):
        data = super().clean()
        for _kloe, fields in self.groups:
            for row, _result, _reason, _evidence in fields:
                key = str(row.standard.pk)
                if data.get(f"result_{key}") == JudgementResult.NOT_MET and not data.get(f"reason_{key}", "").strip():
                    self.add_error(f"reason_{key}", f"Say why standard {row.standard.number} was not met.")
                if self.submitting and not data.get(f"result_{key}"):
                    self.add_error(
                        f"result_{key}", f"Choose met, not met or not applicable for standard {row.standard.number}."
                    )
        return data

    def versions(self):
        """{standard pk: the version its judgement had when the sheet was loaded} for the standards
        whose version the post carried."""
        return {
            row.standard.pk: self.cleaned_data[f"version_{row.standard.pk}"]
            for _kloe, fields in self.groups
            for row, *_ in fields
            if self.cleaned_data.get(f"version_{row.standard.pk}") is not None
        }

    def versions_move_to(self, judgements):
        """After a refused save: carry the judgements' current versions, so saving again (having
        seen what changed) is a deliberate choice; what was typed stays."""
        data = self.data.copy()
        for judgement in judgements:
            data[self.add_prefix(f"version_{judgement.standard_id}")] = judgement.version
        self.data = data

    def entries(self):
        from audits.services.judgements import JudgementEntry

        return [
            JudgementEntry(
                standard=row.standard,
                result=self.cleaned_data.get(f"result_{row.standard.pk}") or "",
                reason=self.cleaned_data.get(f"reason_{row.standard.pk}") or "",
                evidence=self.cleaned_data.get(f"evidence_{row.standard.pk}") or "",
            )
            for _kloe, fields in self.groups
            for row, *_ in fields
        ]


class LessonForm(NamedErrorsMixin, forms.Form):
    area_of_development = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Area of development")
    action_being_taken = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Action already being taken"
    )
    next_steps = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Next steps")
    kloe = forms.ModelChoiceField(queryset=None, required=False, label="Key line of enquiry")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kloe"].queryset = programme.kloes.all()


class RaiseActionForm(NamedErrorsMixin, forms.Form):
    theme = forms.ModelChoiceField(
        queryset=None, label="Plan and theme", help_text="The plan the action joins, and where in it."
    )
    ref = forms.CharField(max_length=50, label="Reference", help_text='For example "2.17".')
    action_text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Action")
    owners = forms.ModelMultipleChoiceField(queryset=None, label="Owner roles")
    due_date = forms.DateField(
        validators=[validate_plan_date], label="Due date", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, themes, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
        self.fields["theme"].label_from_instance = lambda theme: f"{theme.plan.title} – {theme}"
        self.fields["owners"].queryset = owners


class GradedItemForm(NamedErrorsMixin, forms.Form):
    kind = forms.ChoiceField(choices=GradedAuditKind.choices, label="Kind of audit")
    area = NameField(max_length=200, help_text='For example "Assessments".')
    month = forms.DateField(
        validators=[validate_plan_date],
        help_text="Any day in the month audited.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    item_code = forms.CharField(
        max_length=40,
        validators=[pseudonymous_code_validate],
        label="Item code",
        help_text='A pseudonymous code such as "CJA-2016-03-04".',
    )
    grade = forms.ChoiceField(choices=Grade.choices, widget=forms.RadioSelect)


EVERY_MONTH = "every"


class GradedReadingForm(NamedErrorsMixin, forms.Form):
    month = forms.ChoiceField(label="Month audited")
    measure = forms.ModelChoiceField(queryset=None, label="Plan measure")
    period = forms.ModelChoiceField(
        queryset=None,
        label="Reporting period",
        required=False,
        help_text="Not needed for every month: each month goes into the reporting period of the same month. "
        "A closed period without a reading gets it marked late.",
    )

    def __init__(self, *args, months, measures, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(m.isoformat(), m.strftime("%B %Y")) for m in months] + (
            [(EVERY_MONTH, "Every month, each into the reporting period of the same month")] if months else []
        )
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = lambda m: f"{m.plan.title} – {m.name}"
        self.fields["period"].queryset = periods
        self.fields["period"].label_from_instance = lambda p: (
            f"{p.plan.title} – {p.label}" + (" (closed: recorded late)" if p.closed else "")
        )

    def clean(self):
        data = super().clean()
        if (
            data.get("month")
            and data["month"] != EVERY_MONTH
            and not data.get("period")
            and "period" not in self.errors
        ):
            self.add_error("period", "Select the reporting period the reading is for, or choose every month")
        return data


class LearningEventForm(NamedErrorsMixin, forms.Form):
    """The event, and how many people from each agency attended (one number field per agency)."""

    title = forms.CharField(max_length=300, initial="Multi-agency learning event")
    date = forms.DateField(validators=[validate_plan_date], widget=forms.DateInput(attrs={"type": "date"}))
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = list(agencies)
        for agency in self.agencies:
            self.fields[f"attendance_{agency.pk}"] = forms.IntegerField(
                min_value=0,
                required=False,
                label=f"Attended from {agency.name}",
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def attendance(self):
        return {
            a: self.cleaned_data.get(f"attendance_{a.pk}")
            for a in self.agencies
            if self.cleaned_data.get(f"attendance_{a.pk}")
        }


class ProgrammeStatusForm(VersionedFormMixin, forms.Form):
    """The programme's status, carrying the version the page was loaded with (no lost updates
    between two audit leads). A post without it (not from the page) is not checked."""

    status = forms.ChoiceField(
        choices=ProgrammeStatus.choices,
        label="Status",
        help_text="A closed programme's judgements can no longer change.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False
