"""Load the demo plan, its progress history and the demo accounts (safe to run again)."""

from django.core.management.base import BaseCommand

from improvement.demo import demo_load
from plans.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the Solihull demo plan, months of progress updates and one demo account per role."

    def handle(self, *args, **options):
        result = demo_load()
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded “{result.plan.title}” with {result.updates} progress updates.")
            )
        else:
            self.stdout.write(f"“{result.plan.title}” is already loaded; demo accounts refreshed.")
        self.stdout.write(
            f"Demo accounts ({', '.join(DEMO_ACCOUNTS)}) use the password “{DEMO_PASSWORD}”: demo data only."
        )
