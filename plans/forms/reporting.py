"""Forms for board reporting: the highlight report."""

from django import forms

from improvement.concurrency import VersionedFormMixin


class HighlightReportForm(VersionedFormMixin, forms.Form):
    """The report's three texts, and the version of the report the page was loaded with (0 when
    the period had no report yet)."""

    version_min_value = 0

    achievements = forms.CharField(
        label="Key achievements",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Key achievements must be 5,000 characters or fewer"},
    )
    risks = forms.CharField(
        label="Risks and issues",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Risks and issues must be 5,000 characters or fewer"},
    )
    decisions = forms.CharField(
        label="Decisions needed from the board",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Decisions needed must be 5,000 characters or fewer"},
    )
