"""Export a plan as Excel (.xlsx) or JSON: a thin wrapper over plans.services.exporting."""

import sys

from django.core.management.base import BaseCommand, CommandError

from plans.models import Plan
from plans.services.exporting import plan_export_json, plan_export_workbook


class Command(BaseCommand):
    help = "Export a plan to Excel or JSON."

    def add_arguments(self, parser):
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--format", choices=["xlsx", "json"], default="xlsx")
        parser.add_argument(
            "-o",
            "--output",
            default="",
            help="File to write (default: standard output for JSON, plan-ID.xlsx for Excel).",
        )

    def handle(self, *args, plan_id, format, output, **options):
        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"There is no plan {plan_id}.")
        if format == "json":
            text = plan_export_json(plan=plan)
            if output:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.write(text)
            else:
                self.stdout.write(text, ending="")
                return
        else:
            output = output or f"plan-{plan.pk}.xlsx"
            if output == "-":
                sys.stdout.buffer.write(plan_export_workbook(plan=plan))
                return
            with open(output, "wb") as handle:
                handle.write(plan_export_workbook(plan=plan))
        self.stderr.write(f"Wrote {output}")
