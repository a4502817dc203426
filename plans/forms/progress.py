"""Forms for recording progress and editing owners."""

from django import forms
from django.core.validators import URLValidator

from plans.models import Rag
from plans.rag import IMPACT_MEANINGS

RAG_HINTS = {rag.value: rag.meaning for rag in Rag}
IMPACT_HINTS = {rag.value: IMPACT_MEANINGS[rag] for rag in Rag}

# Characters that change how text is displayed without being seen: bidirectional overrides can
# make a note read differently from what was typed, zero-width ones hide inside words.
INVISIBLE_CHARACTERS = dict.fromkeys(map(ord, "\u200b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"))


def without_invisible_characters(text):
    return text.translate(INVISIBLE_CHARACTERS)


class ProgressUpdateForm(forms.Form):
    progress_rag = forms.ChoiceField(
        label="Progress RAG",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a progress RAG rating",
            "invalid_choice": "Select a progress RAG rating from the list",
        },
    )
    impact_rag = forms.ChoiceField(
        label="Impact RAG (optional)",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Select an impact RAG rating from the list"},
    )
    note = forms.CharField(
        label="Progress note",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text="What has happened since the last update, and what happens next.",
        error_messages={
            "required": "Enter a progress note",
            "max_length": "Progress note must be 10,000 characters or fewer",
            "null_characters_not_allowed": "Progress note must not contain hidden control characters (NUL)",
        },
    )
    evidence_links = forms.CharField(
        label="Evidence links (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5_000,
        help_text="One web address per line, for example a link to a report on the council's intranet.",
        error_messages={
            "max_length": "Evidence links must be 5,000 characters or fewer",
            "null_characters_not_allowed": "Evidence links must not contain hidden control characters (NUL)",
        },
    )

    def clean_note(self):
        note = without_invisible_characters(self.cleaned_data["note"]).strip()
        if not note:
            raise forms.ValidationError("Enter a progress note")
        return note

    def clean_evidence_links(self):
        validate = URLValidator(schemes=["http", "https"])
        text = without_invisible_characters(self.cleaned_data["evidence_links"])
        links = [line.strip() for line in text.splitlines() if line.strip()]
        for link in links:
            try:
                validate(link)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"Evidence link “{link[:80]}” must be a web address starting with http:// or https://"
                ) from None
        return "\n".join(links)
