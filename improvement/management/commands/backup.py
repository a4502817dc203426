"""`manage.py backup PATH`: write a full backup of the database as gzipped JSON."""

from django.core.management.base import BaseCommand

from improvement.backup import backup_write


class Command(BaseCommand):
    help = "Write a full backup of the database (users, plans, updates, audit trail) to PATH.json.gz."

    def add_arguments(self, parser):
        parser.add_argument("path", help="File to write; .json.gz is added if missing.")

    def handle(self, *args, path, **options):
        result = backup_write(path=path)
        self.stdout.write(f"Backed up {result.objects} records to {result.path}.")
