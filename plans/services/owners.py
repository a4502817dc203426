"""Writes about owner roles and the user accounts that hold them; the one place roles are matched.

A role is the same role when its title and agency match by improvement.text.name_key (Unicode NFC,
invisible and bidirectional control characters removed, spaces collapsed, case ignored): the role
pages, the action form's "add a new role", JSON and spreadsheet imports and the demo all create
roles through owner_create / owner_get_or_create, so "Head\u200bof Probation" is Head of Probation.

Actions are owned by roles, not people: reassigning a role changes its holders, so "My actions"
follows the new post-holder at once, while every past ProgressUpdate keeps pointing at the user
who wrote it (updates reference the author, never the role, and are never rewritten).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from improvement.concurrency import many_to_many, save_if_unchanged
from improvement.text import name_key, normalise_name
from plans.models import Owner


def owner_key(title, agency=""):
    """What two roles are compared by: their normalised title and agency, ignoring case."""
    return name_key(title), name_key(agency)


def owner_find(*, title, agency=""):
    """The role with this title and agency (however it is spelt), or None."""
    key = owner_key(title, agency)
    # Compared here rather than by the database: SQLite's case-insensitive match knows ASCII only,
    # and a role saved before names were normalised may still hold an invisible character.
    for owner in Owner.objects.all():
        if owner_key(owner.title, owner.agency) == key:
            return owner
    return None


def owners_by_key():
    """{owner_key: role} for every role: the cache owner_get_or_create fills as it goes."""
    return {owner_key(owner.title, owner.agency): owner for owner in Owner.objects.all()}


def _owner_new(*, title, agency, stamp):
    owner = Owner(title=title, agency=agency)
    if stamp is not None:
        stamp(owner)
    owner.save()
    return owner


def owner_get_or_create(*, title, agency="", cache=None, stamp=None):
    """The role with this title and agency, created if new (title cut to 300 characters).

    `cache` (a dict, filled from owners_by_key on first use) saves a query per role when many
    are matched at once, as imports do. `stamp(owner)` is called on a new role before it is saved
    (imports name themselves in its history)."""
    title, agency = normalise_name(title)[:300], normalise_name(agency)[:200]
    if cache is None:
        owner = owner_find(title=title, agency=agency)
        return owner or _owner_new(title=title, agency=agency, stamp=stamp)
    if not cache:
        cache.update(owners_by_key())
        cache.setdefault(None, None)  # filled: an empty table is not looked up again
    key = owner_key(title, agency)
    if key not in cache:
        cache[key] = _owner_new(title=title, agency=agency, stamp=stamp)
    return cache[key]


def _clean(title, agency):
    title, agency = normalise_name(title), normalise_name(agency)
    errors = {}
    if not title:
        errors["title"] = "Enter the role's title, for example Head of Early Help"
    elif len(title) > 300:
        errors["title"] = "Role title must be 300 characters or fewer"
    if len(agency) > 200:
        errors["agency"] = "Agency must be 200 characters or fewer"
    if errors:
        raise ValidationError(errors)
    return title, agency


def _check_unique(title, agency, exclude=None):
    clash = owner_find(title=title, agency=agency)
    if clash is not None and (exclude is None or clash.pk != exclude.pk):
        where = f" at {agency}" if agency else ""
        raise ValidationError({"title": f"There is already a role called {title}{where}"})


def owner_create(*, title, agency="", holders=()):
    title, agency = _clean(title, agency)
    with transaction.atomic():
        _check_unique(title, agency)
        owner = Owner.objects.create(title=title, agency=agency)
        owner.holders.set(holders)
    return owner


def owner_update(*, owner, title, agency="", expected_version):
    """Rename a role or change its agency; refused (ConcurrentEditError, nothing written) if
    someone saved the role since the page was loaded at `expected_version`."""
    title, agency = _clean(title, agency)
    with transaction.atomic():
        _check_unique(title, agency, exclude=owner)
        save_if_unchanged(owner, expected_version=expected_version, changes={"title": title, "agency": agency})
    return owner


def _person(user):
    return user.get_full_name() or user.get_username()


def owner_reassign(*, owner, holders, expected_version):
    """Make `holders` the accounts holding the role. Returns (added, removed) user lists.

    Refused (ConcurrentEditError, nothing written) if someone saved the role, or its holders,
    since the page was loaded at `expected_version`."""
    holders = list(holders)
    with transaction.atomic():
        before = set(owner.holders.all())
        save_if_unchanged(
            owner,
            expected_version=expected_version,
            changes={},
            related={
                "holders": many_to_many(Owner, "holders", holders, label="Who holds this role", describe=_person),
            },
        )
        owner.holders.set(holders)
    after = set(holders)
    return sorted(after - before, key=lambda u: u.pk), sorted(before - after, key=lambda u: u.pk)


def owner_merge(*, keep, merge, user):
    """Merge two roles that are the same ("HSB team" and "HSB Team"): `merge`'s actions, theme
    leads, holders and frozen snapshots move to `keep`, then `merge` is deleted. Every move is in
    the audit trail (the actions' owners, the kept role's holders, the merged role's deletion,
    with the reason "Merged into …"). Returns the number of actions moved."""
    from plans import permissions
    from plans.models import Action, ActionSnapshot, Theme

    if keep is None or merge is None:
        raise ValidationError({"merge": "Choose the two roles to merge"})
    if keep.pk == merge.pk:
        raise ValidationError({"merge": "Choose two different roles: a role cannot be merged into itself"})
    if not (permissions.can_manage_owner(user, keep) and permissions.can_manage_owner(user, merge)):
        raise PermissionDenied("You can merge only roles that own actions in the plans you coordinate.")
    with transaction.atomic():
        actions = list(Action.objects.filter(owners=merge).order_by("pk"))
        for action in actions:
            action._change_reason = f"Owner {merge} merged into {keep}"
            action.owners.add(keep)
            action.owners.remove(merge)
        for theme in Theme.objects.filter(lead=merge):
            theme.lead = keep
            theme.save(update_fields=["lead"])
        for snapshot in ActionSnapshot.objects.filter(owners=merge):
            snapshot.owners.add(keep)
            snapshot.owners.remove(merge)
        keep.holders.add(*merge.holders.all())
        keep._change_reason = f"Merged {merge} into this role"
        keep.save()
        merge._change_reason = f"Merged into {keep}"
        merge.delete()
    return len(actions)
