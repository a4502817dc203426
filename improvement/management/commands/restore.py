"""`manage.py restore PATH`: load a backup into an empty, freshly migrated database."""

from django.core.management.base import BaseCommand

from improvement.backup import backup_restore


class Command(BaseCommand):
    help = "Restore a backup written by `manage.py backup` into an empty database (run migrate first)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .json.gz file written by `manage.py backup`.")

    def handle(self, *args, path, **options):
        result = backup_restore(path=path)
        self.stdout.write(f"Restored {result.objects} records from {result.path}.")
