"""Report the performance figures the product promises (timing lives here, never in tests)."""
import importlib
import pkgutil

from django.core.management.base import BaseCommand, CommandError

import plans.benchmarks


def benchmark_modules():
    return sorted(info.name for info in pkgutil.iter_modules(plans.benchmarks.__path__))


class Command(BaseCommand):
    help = "Run the benchmarks in plans/benchmarks/ and report their figures against their targets."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help=f"Benchmarks to run (default: all of {', '.join(benchmark_modules())}).")
        parser.add_argument("--quick", action="store_true", help="Smaller sizes, for a quick look.")
        parser.add_argument("--peer", action="store_true", help="Also time the peer tools where a benchmark has one (importing: django-import-export).")

    def handle(self, *args, names, **options):
        available = benchmark_modules()
        unknown = sorted(set(names) - set(available))
        if unknown:
            raise CommandError(f"No benchmark called {', '.join(unknown)}. Known: {', '.join(available)}.")
        for name in names or available:
            module = importlib.import_module(f"plans.benchmarks.{name}")
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {name}"))
            module.run(out=self.stdout, options=options)
