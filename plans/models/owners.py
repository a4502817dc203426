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
        settings.AUTH_USER_MODEL, blank=True, related_name="owner_roles",
        help_text="The user accounts that currently hold this role.",
    )

    history = HistoricalRecords(m2m_fields=[holders])

    class Meta:
        ordering = ["title", "agency"]
        constraints = [models.UniqueConstraint(fields=["title", "agency"], name="unique_owner_title_agency")]

    def __str__(self):
        return f"{self.title} ({self.agency})" if self.agency else self.title
