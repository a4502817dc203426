"""Owners: roles that own actions, held by user accounts that change over time."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from plans.models.versioning import Versioned


class Owner(Versioned):
    """A role title ("Head of Probation"), not a person: a change of post-holder keeps history."""

    title = models.CharField(max_length=300)
    agency = models.CharField(max_length=200, blank=True)
    holders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="owner_roles",
        help_text="The user accounts that currently hold this role.",
    )

    history = HistoricalRecords(m2m_fields=[holders])

    class Meta:
        ordering = ["title", "agency"]
        constraints = [models.UniqueConstraint(fields=["title", "agency"], name="unique_owner_title_agency")]

    def __str__(self):
        return f"{self.title} ({self.agency})" if self.agency else self.title


class PersonRoleMapping(models.Model):
    """A person (or email) an imported file names as an owner, and the owner role they stand for.

    Chosen by an admin in the import preview and applied to every later import, across plans.
    """

    name = models.CharField(max_length=300, help_text="As the file writes it: a name or an email.")
    key = models.CharField(max_length=300, unique=True, editable=False, help_text="The name, case-folded.")
    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="people_mapped")
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} → {self.owner}"

    @staticmethod
    def key_for(name):
        return " ".join(str(name).split()).casefold()
