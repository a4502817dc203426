"""People named as owners in an imported file, and the owner roles an admin maps them to.

Plans own actions by role ("Head of Service"); tools' exports often name people ("Sue Butcher",
"s.butcher@council.gov.uk"). The import preview lists the people found; the admin maps each to an
existing role or keeps a role named after them. The choice is remembered (PersonRoleMapping) and
applied to the next import: nothing is mapped that an admin did not choose.
"""

import dataclasses
import re

from plans.importing.values import NAMED_EMAIL
from plans.models import Owner, PersonRoleMapping

EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(\.[\w-]+)+$")
NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\.?$|^[A-Z]\.?$")
# Words that make a title a role, not a person's name.
ROLE_WORDS = {
    "head",
    "director",
    "manager",
    "officer",
    "lead",
    "leads",
    "service",
    "services",
    "team",
    "board",
    "chair",
    "coordinator",
    "co-ordinator",
    "advisor",
    "adviser",
    "nurse",
    "doctor",
    "principal",
    "social",
    "worker",
    "assistant",
    "deputy",
    "chief",
    "executive",
    "partnership",
    "council",
    "police",
    "health",
    "safeguarding",
    "group",
    "panel",
    "unit",
    "all",
    "partners",
    "agencies",
    "business",
    "quality",
    "practice",
    "senior",
    "designated",
    "named",
    "commissioner",
    "analyst",
    "administrator",
    "consultant",
    "specialist",
    "governance",
}


def looks_like_a_person(title):
    """An email, or two to four capitalised words none of which names a role ("Sue Butcher")."""
    title = " ".join(str(title).split())
    if EMAIL.match(title) or NAMED_EMAIL.fullmatch(title):
        return True  # an email, or a name with its email ("Bob Jones <bob.jones@council.gov.uk>")
    words = title.split(" ")
    if not 2 <= len(words) <= 4:
        return False
    return all(NAME_WORD.match(word) for word in words) and not any(
        w.casefold().strip(".") in ROLE_WORDS for w in words
    )


def people_found(parsed):
    """The people the file names as owners or leads, in order: the reader's list when it gives one."""
    found = getattr(parsed, "people", None)
    if found is not None:
        return [getattr(person, "name", person) for person in found]
    data = parsed.as_data(copy=False) if hasattr(parsed, "as_data") else parsed
    titles = [theme.get("lead") or "" for theme in data.get("themes", [])]
    titles += [owner for action in data.get("actions", []) for owner in action.get("owners", [])]
    people = []
    # Each title once, in order: the same few owners come back on every row of a large file.
    for title in dict.fromkeys(" ".join(str(title).split()) for title in titles):
        if title and looks_like_a_person(title):
            people.append(title)
    return people


def remembered_roles(names):
    """{name: owner role title} for the people an admin has mapped before."""
    keys = {PersonRoleMapping.key_for(name): name for name in names}
    return {
        keys[key]: str(title)
        for key, title in PersonRoleMapping.objects.filter(key__in=keys).values_list("key", "owner__title")
    }


def people_mapping_apply(*, data, choices=None):
    """`data` with each person replaced by the role chosen for them (`choices`: {name: role title};
    "" keeps a role named after them). Without choices, the remembered mappings apply."""
    if choices is None:
        choices = remembered_roles(people_found(data))
    choices = {" ".join(name.split()): role for name, role in choices.items() if role}
    if not choices:
        return data

    def mapped(title):
        return choices.get(" ".join(str(title).split()), title)

    themes = [
        {**theme, "lead": mapped(theme["lead"]) if theme.get("lead") else theme.get("lead")}
        for theme in data.get("themes", [])
    ]
    actions = []
    for action in data.get("actions", []):
        owners = []
        for owner in action.get("owners", []):
            role = mapped(owner)
            if role not in owners:
                owners.append(role)
        actions.append(
            dataclasses.replace(action, owners=owners)  # the reader's ParsedAction (as_data(copy=False))
            if dataclasses.is_dataclass(action)
            else {**action, "owners": owners}
        )
    return {**data, "themes": themes, "actions": actions}


def people_mappings_remember(*, choices, author=None):
    """Remember each person mapped to an existing role, for the next import (and forget those the
    admin now keeps as a role called after them)."""
    roles = {
        owner.title: owner for owner in Owner.objects.filter(title__in=[r for r in choices.values() if r], agency="")
    }
    for name, role in choices.items():
        owner = roles.get(role)
        if owner is None:  # a role called after them: forget an earlier choice
            PersonRoleMapping.objects.filter(key=PersonRoleMapping.key_for(name)).delete()
            continue
        PersonRoleMapping.objects.update_or_create(
            key=PersonRoleMapping.key_for(name),
            defaults={"name": " ".join(name.split()), "owner": owner, "chosen_by": author},
        )
