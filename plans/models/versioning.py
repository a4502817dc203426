"""A version number on the rows people edit, for optimistic locking (see improvement/concurrency.py)."""

from django.db import models


class Versioned(models.Model):
    """Every save of an existing row moves its version on by one.

    An edit form remembers the version it was loaded with; `improvement.concurrency.save_if_unchanged`
    refuses the save when the row has moved on since. Saves from anywhere else (the Django admin,
    services) move the version too, so an edit form never overwrites them unseen. Bulk writes
    (`QuerySet.update`, `bulk_update`) must do it themselves: `version=F("version") + 1`.
    Fixtures and restores (raw saves) keep the version they carry.
    """

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Moves on by one at every change; edit forms check it."
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk is not None:
            self.version = (self.version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)
