"""Report the performance figures the product promises (timing lives here, never in tests)."""

import contextlib
import importlib
import logging
import pkgutil
import warnings

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings


def benchmark_modules():
    """{name: dotted module} for every module in an installed app's `benchmarks` package."""
    found = {}
    for config in apps.get_app_configs():
        try:
            package = importlib.import_module(f"{config.name}.benchmarks")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            if hasattr(module, "run"):
                found[info.name] = module.__name__
    return dict(sorted(found.items()))


# A line a request or sign-in would bury the figures: only their warnings and errors are shown.
QUIET_LOGGERS = ("improvement.request", "axes")


@contextlib.contextmanager
def _quiet_logging():
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Run the benchmarks of every app (its benchmarks package) and report their figures against their targets."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="Benchmarks to run (default: all).")
        parser.add_argument("--quick", action="store_true", help="Smaller sizes, for a quick look.")
        parser.add_argument(
            "--peer",
            action="store_true",
            help="Also time the peer tools where a benchmark has one (importing: django-import-export).",
        )

    def handle(self, *args, names, **options):
        available = benchmark_modules()
        unknown = sorted(set(names) - set(available))
        if unknown:
            raise CommandError(f"No benchmark called {', '.join(unknown)}. Known: {', '.join(available)}.")
        # Timed as the app is served (DJANGO_ENV=production): DEBUG off, so no query is logged (on
        # SQLite, logging one runs a query of its own to quote its parameters) and no request looks
        # for a static file on disk first, whatever the environment this command is run in.
        self.stdout.write("Run with DEBUG off, as the app is served.")
        with _quiet_logging(), override_settings(DEBUG=False), warnings.catch_warnings():
            # Served, the static files are collected; timed here they need not be.
            warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
            for name in names or available:
                self.stdout.write(self.style.MIGRATE_HEADING(f"== {name}"))
                importlib.import_module(available[name]).run(out=self.stdout, options=options)
