"""Audit findings: time the findings selector and the overview PDF on a large programme."""

import datetime
import time

from django.db import transaction


def run(*, out, options):
    from audits.models import Agency, AuditCase, Judgement, JudgementStatus, KeyLineOfEnquiry, Standard
    from audits.selectors import findings
    from audits.services.reports import overview_pdf
    from audits.services.setup import programme_create

    cases, agencies = (20, 5) if options.get("quick") else (60, 12)
    with transaction.atomic():
        programme = programme_create(
            title="Benchmark audit", period_start=datetime.date(2020, 4, 1), period_end=datetime.date(2021, 3, 31)
        )
        standards = []
        for k in range(1, 6):
            kloe = KeyLineOfEnquiry.objects.create(programme=programme, number=k, question=f"Question {k}?")
            standards += [
                Standard.objects.create(kloe=kloe, number=(k - 1) * 5 + s, text=f"Standard {s}") for s in range(1, 6)
            ]
        agency_rows = [Agency.objects.get_or_create(name=f"Benchmark agency {a}")[0] for a in range(agencies)]
        judgements = []
        for c in range(cases):
            case = AuditCase.objects.create(programme=programme, code=f"BENCH-{c:03d}")
            case.agencies.set(agency_rows)
            for a, agency in enumerate(agency_rows):
                for s, standard in enumerate(standards):
                    result = ["met", "met", "met", "not_met", "not_applicable"][(c + a + s) % 5]
                    judgements.append(
                        Judgement(
                            case=case,
                            agency=agency,
                            standard=standard,
                            result=result,
                            reason="x" if result == "not_met" else "",
                            status=JudgementStatus.SUBMITTED,
                        )
                    )
        Judgement.objects.bulk_create(judgements, batch_size=2000)
        started = time.perf_counter()
        findings(programme=programme)
        took = time.perf_counter() - started
        out.write(
            f"findings for {cases} cases × {agencies} agencies × 25 standards "
            f"({len(judgements)} judgements): {took * 1000:.0f} ms (target < 500 ms)"
        )
        started = time.perf_counter()
        overview_pdf(programme=programme)
        out.write(f"overview PDF: {time.perf_counter() - started:.2f} s (target < 5 s)")
        transaction.set_rollback(True)
