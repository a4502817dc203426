"""The write side of the import preview: who coordinates and reads the new plan, and which owner
role each person the file names stands for (kept apart from importing.py, the reading side)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from plans.models import Owner
from plans.permissions import ADMIN, BOARD, COORDINATOR


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


def _users(*groups):
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=groups) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ImportSetupForm(forms.Form):
    coordinators = UserChoiceField(
        label="Coordinators of the new plan (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They see the draft, keep its structure right and publish it.",
        error_messages={
            "invalid_choice": "Select coordinators from the list",
            "invalid_pk_value": "Select coordinators from the list",
        },
    )
    board_members = UserChoiceField(
        label="Board members of the new plan (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They read its dashboard and board packs once it is published.",
        error_messages={
            "invalid_choice": "Select board members from the list",
            "invalid_pk_value": "Select board members from the list",
        },
    )

    def __init__(self, *args, people=(), remembered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinators"].queryset = _users(COORDINATOR, ADMIN)
        self.fields["board_members"].queryset = _users(BOARD)
        remembered = remembered or {}
        roles = list(Owner.objects.filter(agency="").order_by("title").values_list("title", flat=True))
        self.people = list(people)
        self.person_fields = []
        for index, name in enumerate(self.people):
            choices = [("", f"A role called “{name}”")] + [(title, title) for title in roles if title != name]
            field_name = f"person_{index}"
            self.fields[field_name] = forms.ChoiceField(
                label=f"“{name}” in the file is",
                choices=choices,
                required=False,
                initial=remembered.get(name, ""),
                error_messages={"invalid_choice": f"Choose an owner role for “{name}” from the list"},
            )
            self.person_fields.append(field_name)

    def people_choices(self):
        """{person's name: owner role title, or "" for a role called after them}."""
        return {name: self.cleaned_data.get(f"person_{index}") or "" for index, name in enumerate(self.people)}

    @property
    def person_bound_fields(self):
        return [self[name] for name in self.person_fields]
