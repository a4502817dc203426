"""Findings as an Excel workbook: one table per sheet, written by the shared, formula-safe helpers
(improvement/spreadsheets.py)."""

from openpyxl.chart import BarChart, Reference

from improvement.spreadsheets import cell_write, chart_place, table_finish, table_sheet, workbook_bytes, workbook_new


def _sheet(workbook, title, header, rows, *, widths):
    sheet = table_sheet(workbook, title, header, widths=widths)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell_write(sheet, row_number, column, value)
    return table_finish(sheet)


def findings_workbook(*, findings):
    """Return the bytes of an .xlsx with the findings by standard, by KLOE and by agency."""
    programme = findings.programme
    workbook = workbook_new(
        title=f"{programme.title}: findings",
        description=(
            f"Findings of {programme.title} ({findings.case_count} cases): standards met by standard, by "
            "key line of enquiry (KLOE) and by agency, and each agency's judgements per standard. "
            "Percentages count applicable judgements only."
        ),
    )
    header = ["Met", "Applicable cases", "Percentage met", "Not met", "Not applicable", "Finding"]
    _sheet(
        workbook,
        "By standard",
        ["KLOE", "Standard", "Text", *header],
        [
            [
                f.standard.kloe.number,
                f.standard.number,
                f.standard.text,
                f.figure.met,
                f.figure.applicable,
                f.figure.percent,
                f.figure.not_met,
                f.figure.not_applicable,
                f.figure.text,
            ]
            for kloe in findings.kloes
            for f in kloe.standards
        ],
        widths=[8, 10, 60, 8, 12, 12, 10, 14, 28],
    )
    by_kloe = _sheet(
        workbook,
        "By KLOE",
        ["KLOE", "Question", *header],
        [
            [
                k.kloe.number,
                k.kloe.question,
                k.figure.met,
                k.figure.applicable,
                k.figure.percent,
                k.figure.not_met,
                k.figure.not_applicable,
                k.figure.text,
            ]
            for k in findings.kloes
        ],
        widths=[8, 60, 8, 12, 12, 10, 14, 28],
    )
    if findings.kloes:
        chart = BarChart()
        chart.type = "bar"
        chart.legend = None
        chart.y_axis.title = "Percentage of applicable cases met"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        last = len(findings.kloes) + 1
        chart.add_data(Reference(by_kloe, min_col=5, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(by_kloe, min_col=1, min_row=2, max_row=last))
        chart.series[0].graphicalProperties.solidFill = "1D70B8"
        chart_place(
            by_kloe,
            chart,
            "J2",
            title="Percentage met by key line of enquiry",
            description="Bar chart of the percentage of applicable cases that met the standards of each key "
            "line of enquiry (KLOE). The table in columns A to H gives the same figures, with the "
            "counts behind each percentage.",
        )
    _sheet(
        workbook,
        "By agency",
        ["Agency", "Met", "Judged applicable", "Percentage met", "Not met", "Not applicable"],
        [
            [
                a.agency.name,
                a.figure.met,
                a.figure.applicable,
                a.figure.percent,
                a.figure.not_met,
                a.figure.not_applicable,
            ]
            for a in findings.agencies
        ],
        widths=[40, 8, 16, 14, 10, 14],
    )
    _sheet(
        workbook,
        "Judgements by agency",
        [
            "Standard",
            *[f"{a.agency.label} met" for a in findings.agencies],
            *[f"{a.agency.label} not met" for a in findings.agencies],
        ],
        [
            [
                f"S{s.number}",
                *[a.cells[i].met for a in findings.agencies],
                *[a.cells[i].not_met for a in findings.agencies],
            ]
            for i, s in enumerate(findings.standards)
        ],
        widths=[10] + [14] * (2 * len(findings.agencies)),
    )
    return workbook_bytes(workbook)
