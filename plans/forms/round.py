"""Forms of the monthly round: no change since last month, reviewing an update, comments, reminders."""

from django import forms

from plans.forms.progress import without_invisible_characters
from plans.models import ReviewDecision


def _clean_text(value, message):
    text = without_invisible_characters(value or "").strip()
    if not text:
        raise forms.ValidationError(message)
    return text


class NoChangeForm(forms.Form):
    prefix = "no_change"

    note = forms.CharField(
        label="Short note",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5_000,
        help_text="Why nothing has changed, for example “Waiting for the audit in March”.",
        error_messages={
            "required": "Enter a short note saying why nothing has changed",
            "max_length": "Note must be 5,000 characters or fewer",
            "null_characters_not_allowed": "Note must not contain hidden control characters (NUL)",
        },
    )

    def clean_note(self):
        return _clean_text(self.cleaned_data["note"], "Enter a short note saying why nothing has changed")


class ReviewForm(forms.Form):
    update = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=ReviewDecision.choices,
        error_messages={
            "required": "Choose to accept or challenge the update",
            "invalid_choice": "Choose to accept or challenge the update",
        },
    )
    comment = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5_000,
        error_messages={
            "max_length": "Comment must be 5,000 characters or fewer",
            "null_characters_not_allowed": "Comment must not contain hidden control characters (NUL)",
        },
    )

    def clean(self):
        cleaned = super().clean()
        comment = without_invisible_characters(cleaned.get("comment") or "").strip()
        cleaned["comment"] = comment
        if cleaned.get("decision") == ReviewDecision.CHALLENGED and not comment:
            self.add_error(
                "comment", "Say why you challenge the update, for example “Green, but the audit says otherwise”"
            )
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5_000,
        help_text="A comment is not a progress update: it never changes a RAG.",
        error_messages={
            "required": "Enter your comment",
            "max_length": "Comment must be 5,000 characters or fewer",
            "null_characters_not_allowed": "Comment must not contain hidden control characters (NUL)",
        },
    )
    review = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_text(self):
        return _clean_text(self.cleaned_data["text"], "Enter your comment")


class ReminderForm(forms.Form):
    """Send reminders now: to everyone who has not reported, or to the people ticked."""

    people = forms.MultipleChoiceField(
        label="Who to remind",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose people from the list"},
    )
    everyone = forms.BooleanField(required=False)

    def __init__(self, *args, chasers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [
            (str(c.user.pk), c.user.get_full_name() or c.user.get_username()) for c in chasers
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("everyone") and not cleaned.get("people") and not self.errors:
            self.add_error("people", "Choose who to remind, or send to everyone who has not reported")
        return cleaned
