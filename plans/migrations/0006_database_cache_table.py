"""The table of the database cache (settings.CACHES): made with the schema, so every database that is
migrated (development, tests, production) has it; `manage.py createcachetable` does the same."""
from django.core.management import call_command
from django.db import migrations


def cache_table_create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("plans", "0005_source_version")]

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop, elidable=True)]
