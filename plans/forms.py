"""Forms for recording progress and editing owners."""
from django import forms
from django.core.validators import URLValidator

from plans.concurrency import VersionedFormMixin
from plans.models import Owner, Rag

RAG_HINTS = {rag.value: rag.meaning for rag in Rag}


class ProgressUpdateForm(forms.Form):
    progress_rag = forms.ChoiceField(
        label="Progress RAG",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a progress RAG rating"},
    )
    impact_rag = forms.ChoiceField(
        label="Impact RAG (optional)",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label="Progress note",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text="What has happened since the last update, and what happens next.",
        error_messages={
            "required": "Enter a progress note",
            "max_length": "Progress note must be 10,000 characters or fewer",
        },
    )
    evidence_links = forms.CharField(
        label="Evidence links (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text="One web address per line, for example a link to a report on the council's intranet.",
    )

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError("Enter a progress note")
        return note

    def clean_evidence_links(self):
        validate = URLValidator(schemes=["http", "https"])
        links = [line.strip() for line in self.cleaned_data["evidence_links"].splitlines() if line.strip()]
        for link in links:
            try:
                validate(link)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Evidence link “{link[:80]}” must be a web address starting with http:// or https://"
                )
        return "\n".join(links)


class OwnerForm(VersionedFormMixin, forms.ModelForm):
    """An owner (role) title and agency, carrying the version it was loaded with."""

    class Meta:
        model = Owner
        fields = ["title", "agency"]
        labels = {"title": "Role title", "agency": "Agency (optional)"}
        help_texts = {"title": "For example “Head of Service Safeguards”.", "agency": "For example “West Midlands Police”."}
        error_messages = {
            "title": {"required": "Enter the role title", "max_length": "Role title must be 300 characters or fewer"},
            "agency": {"max_length": "Agency must be 200 characters or fewer"},
        }

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Enter the role title")
        return title
