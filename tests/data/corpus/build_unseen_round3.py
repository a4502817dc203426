"""Build the third round of unseen council layouts: twelve more plans drawn without looking at the reader.

Each workbook follows how English councils and partnerships lay out their plans (a SharePoint list export of a
post-ILACS plan, recommendations R1..R9 with lettered sub-actions, a transposed plan with one action per column,
a sheet per theme behind a cover, a guidance sheet and a chart, owners as initials with a key sheet, a dated
running log in one cell, emoji RAGs, Welsh and English headers, a youth justice plan with merges and hidden
columns, a SEND written statement of action with impact measures, a safeguarding partnership business plan with
"What will be different for children", a JTAI response with agency tick columns). Each writes
tests/data/corpus/round3_<name>.xlsx and its expected facts as round3_<name>.json, in the same format as
build.py's workbooks (see plans/benchmarks/fidelity.py). Councils, people and plans are invented; no child
appears anywhere.

Run: .venv/bin/python -m tests.data.corpus.build_unseen_round3
"""

import datetime
import sys

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table, TableStyleInfo

from tests.data.corpus import build_unseen
from tests.data.corpus.build import day, fill
from tests.data.corpus.build_unseen import AMBER, BIG, BLUE, BOLD, GREEN, GREY, HERE, RED, merged_heading, write_row


class Corpus(build_unseen.Corpus):
    """One workbook and its expected facts, named round3_<name>."""

    def __init__(self, slug, description, *, title=None):
        super().__init__(slug, description, title=title)
        self.slug = f"round3_{slug}"


COLOURS = {"blue": BLUE, "green": GREEN, "amber": AMBER, "red": RED, "grey": GREY}


# ------------------------------------------------------------------ the workbooks


def sharepoint_ilacs_list():
    """A post-ILACS plan kept as a SharePoint list and exported to Excel (Export to Excel gives a table on 'owssvr')."""
    c = Corpus(
        "sharepoint_ilacs_list",
        "A post-ILACS action plan kept as a SharePoint list and exported: one sheet 'owssvr' holding an Excel "
        "table from row 1 with no title; the action text in the list's 'Title' column; the Ofsted recommendation "
        "written out in full on every row (the theme); 'Action ID' refs; 'Status (RAG)' words Complete / On Track "
        "/ At Risk / Off Track / Not Started; real target dates; the list's own columns after the plan's "
        "(Modified, Modified By as 'Surname, Forename', Created, Item Type, Path) which are not plan facts.",
    )
    ws = c.sheet("owssvr")
    header = [
        "Action ID",
        "Title",
        "Ofsted Recommendation",
        "Action Owner",
        "Target Date",
        "Status (RAG)",
        "Latest Update",
        "Modified",
        "Modified By",
        "Created",
        "Item Type",
        "Path",
    ]
    write_row(ws, 1, header)
    recs = {
        1: "The quality and consistency of management oversight and supervision of social workers",
        2: "The timeliness of permanence planning for children in care, including early permanence",
        3: "The sufficiency of local homes for children in care",
    }
    rows = [
        (
            "ILACS-01",
            1,
            "Relaunch the supervision policy with a standard recording template",
            "Principal Social Worker",
            "2025-06-30",
            "Complete",
            "blue",
            "Policy launched at the practice week in June.",
        ),
        (
            "ILACS-02",
            1,
            "Audit twenty supervision records each month and report themes to the practice board",
            "Head of Quality Assurance",
            "2025-12-31",
            "On Track",
            "green",
            "Four monthly audits completed.",
        ),
        (
            "ILACS-03",
            1,
            "Deliver management oversight training to every team manager",
            "Workforce Development Manager",
            "2025-10-31",
            "At Risk",
            "amber",
            "Two cohorts delayed by trainer sickness.",
        ),
        (
            "ILACS-04",
            2,
            "Hold a permanence planning meeting by the second review for every child in care",
            "Head of Service Children in Care",
            "2025-09-30",
            "Off Track",
            "red",
            "Only 40% held on time.",
        ),
        (
            "ILACS-05",
            2,
            "Launch an early permanence (fostering for adoption) pathway with the regional adoption agency",
            "Regional Adoption Agency Manager",
            "2026-03-31",
            "Not Started",
            "grey",
            "",
        ),
        (
            "ILACS-06",
            2,
            "Track every child's permanence plan on the weekly performance report",
            "Head of Performance",
            "2025-08-31",
            "Complete",
            "blue",
            "Live since August.",
        ),
        (
            "ILACS-07",
            3,
            "Open two new in-house children's homes",
            "Head of Commissioning",
            "2026-03-31",
            "On Track",
            "green",
            "Planning permission granted for the first home.",
        ),
        (
            "ILACS-08",
            3,
            "Refresh the sufficiency strategy with care leavers' views",
            "Head of Commissioning",
            "2025-11-30",
            "At Risk",
            "amber",
            "Consultation extended to November.",
        ),
    ]
    for row, (ref, rec, text, owner, due, status, rag, update) in enumerate(rows, start=2):
        write_row(
            ws,
            row,
            [
                ref,
                text,
                recs[rec],
                owner,
                day(due),
                status,
                update or None,
                datetime.datetime(2025, 9, 1, 10, 15) + datetime.timedelta(hours=row),
                "Patel, Anita",
                datetime.datetime(2025, 3, 3, 9, 0),
                "Item",
                "sites/ChildrensImprovement/Lists/ILACS Action Plan",
            ],
        )
        ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=8).number_format = "dd/mm/yyyy hh:mm"
        ws.cell(row=row, column=10).number_format = "dd/mm/yyyy hh:mm"
        c.action(text, ref=ref, theme=recs[rec], owners=[owner], progress_rag=rag, due_date=due)
    for number in (1, 2, 3):
        c.theme(recs[number])
    table = Table(displayName="Table1", ref=f"A1:L{len(rows) + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    return c


def recommendations_r_sub_actions():
    """Recommendations R1..R9 as bold rows, the actions under each numbered R1.1, R1.2 or lettered R4.1a, R4.1b."""
    title = "Brackenford Children's Services – ILACS Improvement Plan 2025-26"
    c = Corpus(
        "recommendations_r_sub_actions",
        "Post-ILACS plan for 2025-26: nine Ofsted recommendations as bold filled rows 'R1' .. 'R9' with the "
        "recommendation beside the ref; the actions under each numbered R1.1, R1.2 or lettered sub-actions R4.1a, "
        "R4.1b; timescales 'Sept 25', 'End of March' (the plan's year: March 2026), 'Jan 26', 'Dec 2025', "
        "'Ongoing'; RAG words and 'Complete'; a progress column with the month in its header; a note row at the "
        "foot.",
        title=title,
    )
    ws = c.sheet("Improvement Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Monitored monthly by the Children's Improvement Board"
    write_row(
        ws,
        4,
        ["Ref", "Recommendation / Action", "Lead", "Timescale", "RAG", "Progress update (September 2025)"],
        bold=True,
    )
    recommendations = [
        (
            "R1",
            "The quality of assessments and plans, so that they address children's needs and risks",
            [
                (
                    "R1.1",
                    "Introduce a single assessment practice standard",
                    "Principal Social Worker",
                    "Sept 25",
                    "2025-09-30",
                    "Complete",
                    "blue",
                ),
                (
                    "R1.2",
                    "Audit plans against the standard every quarter",
                    "Head of Quality Assurance",
                    "Ongoing",
                    None,
                    "Green",
                    "green",
                ),
            ],
        ),
        (
            "R2",
            "The response to children who go missing from home or care",
            [
                (
                    "R2.1",
                    "Offer every child a return home interview within 72 hours",
                    "Missing and Exploitation Manager",
                    "Dec 2025",
                    "2025-12-31",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "R3",
            "Management oversight of children subject to pre-proceedings",
            [
                (
                    "R3.1",
                    "Track every pre-proceedings case at a monthly legal gateway panel",
                    "Head of Service Safeguarding",
                    "End of March",
                    "2026-03-31",
                    "Green",
                    "green",
                ),
                (
                    "R3.2",
                    "Set a twelve-week review point for every letter before proceedings",
                    "Head of Service Safeguarding",
                    "Jan 26",
                    "2026-01-31",
                    "Red",
                    "red",
                ),
            ],
        ),
        (
            "R4",
            "The quality of support for care leavers aged 21 to 25",
            [
                (
                    "R4.1a",
                    "Write to every care leaver aged 21 to 25 offering a personal adviser",
                    "Leaving Care Team Manager",
                    "Sept 25",
                    "2025-09-30",
                    "Complete",
                    "blue",
                ),
                (
                    "R4.1b",
                    "Record each care leaver's reply and the support agreed",
                    "Leaving Care Team Manager",
                    "Dec 2025",
                    "2025-12-31",
                    "Green",
                    "green",
                ),
            ],
        ),
        (
            "R5",
            "The sufficiency of placements close to home",
            [
                (
                    "R5.1",
                    "Recruit thirty new foster carers",
                    "Fostering Service Manager",
                    "End of March",
                    "2026-03-31",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "R6",
            "The timeliness of initial health assessments for children in care",
            [
                (
                    "R6.1",
                    "Agree a joint escalation route with the designated nurse for late assessments",
                    "Designated Nurse Children in Care",
                    "Dec 2025",
                    "2025-12-31",
                    "Green",
                    "green",
                ),
            ],
        ),
        (
            "R7",
            "Social workers' caseloads",
            [
                (
                    "R7.1",
                    "Reduce average caseloads in the assessment teams to eighteen",
                    "Head of Service Assessment",
                    "End of March",
                    "2026-03-31",
                    "Red",
                    "red",
                ),
            ],
        ),
        (
            "R8",
            "Children's participation in their reviews",
            [
                (
                    "R8.1",
                    "Offer every child an advocate before their second review",
                    "IRO Service Manager",
                    "Jan 26",
                    "2026-01-31",
                    "Green",
                    "green",
                ),
            ],
        ),
        (
            "R9",
            "The use of performance information by leaders",
            [
                (
                    "R9.1",
                    "Publish a monthly performance scorecard to the improvement board",
                    "Head of Performance",
                    "Sept 25",
                    "2025-09-30",
                    "Complete",
                    "blue",
                ),
                (
                    "R9.2",
                    "Train senior managers to use the scorecard in supervision",
                    "Head of Performance",
                    "Ongoing",
                    None,
                    "Green",
                    "green",
                ),
            ],
        ),
    ]
    row = 5
    for ref, recommendation, actions in recommendations:
        write_row(ws, row, [ref, recommendation], bold=True)
        for column in range(1, 7):
            ws.cell(row=row, column=column).fill = fill("FFDDEBF7")
        c.theme(recommendation)
        row += 1
        for action_ref, text, lead, timescale, due, rag_word, rag in actions:
            write_row(ws, row, [action_ref, text, lead, timescale, rag_word, "Update given at the September board."])
            c.action(text, ref=action_ref, theme=recommendation, owners=[lead], progress_rag=rag, due_date=due)
            row += 1
    ws.cell(row=row + 1, column=1, value="NB: timescales are for the 2025-26 financial year unless stated.")
    c.skipped_at_least(1)
    return c


def transposed_action_columns():
    """An action tracker laid out sideways: field names down column A, one action per column."""
    title = "Harrowfield Safeguarding Improvement Plan – Action tracker"
    c = Corpus(
        "transposed_action_columns",
        "A tracker laid out sideways for printing on one landscape page: the field names down column A (Theme, "
        "Action ref, Action, Lead officer, Deadline, RAG, Update) and one action per column from B to H; the "
        "theme written in each action's column; real deadline dates; RAG words.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    labels = ["Theme", "Action ref", "Action", "Lead officer", "Deadline", "RAG", "Update"]
    actions = [
        (
            "Front door",
            "FD1",
            "Move police notifications into the MASH daily triage meeting",
            "MASH Team Manager",
            "2025-10-31",
            "Green",
            "green",
        ),
        (
            "Front door",
            "FD2",
            "Publish a revised threshold document with partners",
            "Partnership Business Manager",
            "2025-12-31",
            "Amber",
            "amber",
        ),
        (
            "Child protection",
            "CP1",
            "Hold every initial child protection conference within 15 working days",
            "Child Protection Chair Manager",
            "2026-01-31",
            "Red",
            "red",
        ),
        (
            "Child protection",
            "CP2",
            "Convene core groups within ten working days of the conference",
            "Head of Service Safeguarding",
            "2025-11-30",
            "Green",
            "green",
        ),
        (
            "Child protection",
            "CP3",
            "Issue the child protection plan to the family within five days",
            "Child Protection Chair Manager",
            "2025-09-30",
            "Blue",
            "blue",
        ),
        (
            "Workforce",
            "WF1",
            "Recruit a permanent team manager for each assessment team",
            "Head of Workforce",
            "2026-03-31",
            "Amber",
            "amber",
        ),
        (
            "Workforce",
            "WF2",
            "Launch a practice academy for newly qualified social workers",
            "Principal Social Worker",
            "2025-09-30",
            "Blue",
            "blue",
        ),
    ]
    for row, label in enumerate(labels, start=3):
        ws.cell(row=row, column=1, value=label).font = BOLD
    for column, (theme, ref, text, lead, due, rag_word, rag) in enumerate(actions, start=2):
        values = [theme, ref, text, lead, day(due), rag_word, "Reported to the October board."]
        for row, value in enumerate(values, start=3):
            ws.cell(row=row, column=column, value=value)
        ws.cell(row=7, column=column).number_format = "dd/mm/yyyy"
        c.action(text, ref=ref, theme=theme, owners=[lead], progress_rag=rag, due_date=due)
    for theme in ("Front door", "Child protection", "Workforce"):
        c.theme(theme)
    return c


def theme_sheets_guidance_chart():
    """A cover, a guidance sheet, a summary with RAG totals and a chart sheet, then one sheet per theme, BRAG letters."""
    title = "Westmere Children's Services Improvement Plan 2025-2027"
    c = Corpus(
        "theme_sheets_guidance_chart",
        "One sheet per theme ('1 Leadership', '2 Practice', '3 Partnerships') behind a Cover sheet, a 'Guidance' "
        "sheet of instructions, a 'Summary' sheet counting each BRAG letter per theme with COUNTIF formulas and a "
        "totals row, and a chart sheet drawn from the summary; a hidden 'Lists' sheet of the drop-down values last. "
        "Each theme sheet opens with 'Theme N: title' and a 'Lead:' line above its header; BRAG letters B/G/A/R "
        "(B = complete); timescales 'Sept 25', 'Q3 2025/26', 'Q1 2026/27', 'Ongoing' and a real date.",
        title=title,
    )
    cover = c.sheet("Cover")
    cover["A1"] = title
    cover["A1"].font = BIG
    cover["A3"] = "Owner: Director of Children's Services"
    cover["A4"] = "Version 2.1, September 2025"
    guidance = c.sheet("Guidance")
    for row, text in enumerate(
        [
            "Guidance for action owners",
            "Update the BRAG column and your comments by the 20th of each month.",
            "B = Complete, G = On track, A = At risk of slipping, R = Off track.",
            "Do not insert columns: the Summary sheet counts each theme sheet's BRAG column.",
        ],
        start=1,
    ):
        guidance.cell(row=row, column=1, value=text)
    summary = c.sheet("Summary")
    write_row(summary, 1, ["Theme", "B", "G", "A", "R", "Total"], bold=True)
    themes = [
        (
            "1 Leadership",
            1,
            "Leadership and governance",
            "Director of Children's Services",
            [
                (
                    "1.1",
                    "Agree the improvement board's terms of reference with the DfE adviser",
                    "Director of Children's Services",
                    "Sept 25",
                    "2025-09-30",
                    "B",
                    "blue",
                ),
                (
                    "1.2",
                    "Set up a monthly performance clinic for heads of service",
                    "Head of Performance",
                    "Q3 2025/26",
                    "2025-12-31",
                    "G",
                    "green",
                ),
                (
                    "1.3",
                    "Review the scheme of delegation for placement decisions",
                    "Assistant Director Resources",
                    "Ongoing",
                    None,
                    "A",
                    "amber",
                ),
            ],
        ),
        (
            "2 Practice",
            2,
            "Quality of social work practice",
            "Head of Service Quality Assurance",
            [
                (
                    "2.1",
                    "Introduce a practice framework with a single model of assessment",
                    "Principal Social Worker",
                    day("2025-11-28"),
                    "2025-11-28",
                    "G",
                    "green",
                ),
                (
                    "2.2",
                    "Run a thematic audit of child in need plans",
                    "Head of Service Quality Assurance",
                    "Q1 2026/27",
                    "2026-06-30",
                    "R",
                    "red",
                ),
            ],
        ),
        (
            "3 Partnerships",
            3,
            "Working with partners",
            "Partnership Business Manager",
            [
                (
                    "3.1",
                    "Agree a joint protocol for strategy discussions with police and health",
                    "Partnership Business Manager",
                    "Q3 2025/26",
                    "2025-12-31",
                    "A",
                    "amber",
                ),
                (
                    "3.2",
                    "Invite schools' designated safeguarding leads to the practice week",
                    "Education Safeguarding Lead",
                    "Sept 25",
                    "2025-09-30",
                    "B",
                    "blue",
                ),
            ],
        ),
    ]
    for sheet_row, (sheet_name, number, theme, lead, actions) in enumerate(themes, start=2):
        ws = c.sheet(sheet_name)
        ws["A1"] = f"Theme {number}: {theme}"
        ws["A1"].font = BIG
        ws["A2"] = f"Lead: {lead}"
        write_row(ws, 4, ["Ref", "Action", "Owner", "Timescale", "BRAG", "Comments"], bold=True)
        c.theme(theme, number)
        for row, (ref, text, owner, timescale, due, letter, rag) in enumerate(actions, start=5):
            write_row(ws, row, [ref, text, owner, timescale, letter, "See the monthly highlight report."])
            if isinstance(timescale, datetime.datetime):
                ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=5).fill = fill(COLOURS[rag])
            c.action(text, ref=ref, theme=theme, owners=[owner], progress_rag=rag, due_date=due)
        summary.cell(row=sheet_row, column=1, value=theme)
        for column, letter in enumerate("BGAR", start=2):
            summary.cell(row=sheet_row, column=column, value=f"=COUNTIF('{sheet_name}'!E:E,\"{letter}\")")
        summary.cell(row=sheet_row, column=6, value=f"=SUM(B{sheet_row}:E{sheet_row})")
    write_row(
        summary, 5, ["Total", "=SUM(B2:B4)", "=SUM(C2:C4)", "=SUM(D2:D4)", "=SUM(E2:E4)", "=SUM(F2:F4)"], bold=True
    )
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Actions by BRAG and theme"
    chart.add_data(Reference(summary, min_col=2, max_col=5, min_row=1, max_row=4), titles_from_data=True)
    chart.set_categories(Reference(summary, min_col=1, min_row=2, max_row=4))
    chart_sheet = c.book.create_chartsheet("Chart")
    chart_sheet.add_chart(chart)
    lists = c.sheet("Lists")
    for row, letter in enumerate("BGAR", start=1):
        lists.cell(row=row, column=1, value=letter)
    lists.sheet_state = "hidden"
    return c


def initials_key_sheet():
    """Owners written as initials, with a key sheet giving each person's job title."""
    title = "Thornbury Council – Children's Social Care Practice Improvement Plan"
    c = Corpus(
        "initials_key_sheet",
        "Owners written as initials ('JM', 'SK/PB', 'AH & JM') with a 'Key' sheet after the plan giving each "
        "set of initials a name and a job title (the job titles are the owners); 'Priority N –' theme rows; G/A/R "
        "letters with B for complete; financial-year quarters 'Q3 2025/26', 'Q4 2025/26', 'Q1 2026/27'.",
        title=title,
    )
    ws = c.sheet("Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", "Owner", "When", "RAG", "Update"], bold=True)
    people = {
        "JM": ("Jo Marsh", "Director of Children's Services"),
        "SK": ("Sam Kaur", "Head of Service Children in Care"),
        "PB": ("Priya Bell", "Head of Service Safeguarding"),
        "AH": ("Alex Hughes", "Principal Social Worker"),
        "DW": ("Dee Walsh", "Head of Performance and Quality"),
    }
    priorities = [
        (
            1,
            "Stable, skilled workforce",
            [
                (
                    "1.1",
                    "Agree a market supplement for hard-to-fill social work posts",
                    "JM",
                    "Q3 2025/26",
                    "2025-12-31",
                    "G",
                    "green",
                ),
                (
                    "1.2",
                    "Introduce a reflective supervision group for every team",
                    "AH & JM",
                    "Q4 2025/26",
                    "2026-03-31",
                    "A",
                    "amber",
                ),
            ],
        ),
        (
            2,
            "Children in care have stable homes",
            [
                (
                    "2.1",
                    "Hold a stability meeting when a child has a second move in twelve months",
                    "SK/PB",
                    "Q3 2025/26",
                    "2025-12-31",
                    "R",
                    "red",
                ),
                (
                    "2.2",
                    "Report placement stability to the corporate parenting panel each quarter",
                    "SK",
                    "Q1 2026/27",
                    "2026-06-30",
                    "B",
                    "blue",
                ),
            ],
        ),
        (
            3,
            "Leaders know the quality of practice",
            [
                (
                    "3.1",
                    "Run a monthly audit programme moderated by heads of service",
                    "DW",
                    "Q4 2025/26",
                    "2026-03-31",
                    "G",
                    "green",
                ),
                (
                    "3.2",
                    "Publish a practice quality report to the improvement board each quarter",
                    "DW/JM",
                    "Q1 2026/27",
                    "2026-06-30",
                    "A",
                    "amber",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in priorities:
        merged_heading(ws, row, f"Priority {number} – {theme}", last=6)
        c.theme(theme, number)
        row += 1
        for ref, text, initials, when, due, letter, rag in actions:
            write_row(ws, row, [ref, text, initials, when, letter, ""])
            owners = [people[part.strip()][1] for part in initials.replace("&", "/").split("/")]
            c.action(text, ref=ref, theme=theme, owners=owners, progress_rag=rag, due_date=due)
            row += 1
    key = c.sheet("Key")
    write_row(key, 1, ["Initials", "Name", "Job title"], bold=True)
    for row, (initials, (name, role)) in enumerate(people.items(), start=2):
        write_row(key, row, [initials, name, role])
    return c


def running_log_progress():
    """Progress kept as a dated running log in one cell, newest first, beside a current RAG column."""
    title = "Millbrook Children's Services – Improvement Programme Tracker"
    c = Corpus(
        "running_log_progress",
        "A workstream tracker: the workstream written on every row of a 'Workstream' column; refs 'WS1-01'; the "
        "progress kept as a running log in one cell, newest first, each entry opening with a date "
        "('12/03/25 - ...'), some entries saying an action was completed or is delayed; a 'Current RAG' column of "
        "words that is the rating; a 'Last updated' date column and an 'Original due date' column beside the "
        "'Revised due date' that is the due date.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Log entries newest first. Please date every entry."
    write_row(
        ws,
        4,
        [
            "Workstream",
            "Ref",
            "Action",
            "Owner",
            "Original due date",
            "Revised due date",
            "Current RAG",
            "Last updated",
            "Progress log",
        ],
        bold=True,
    )
    rows = [
        (
            "Early help",
            "WS1-01",
            "Set up an early help hub in each locality",
            "Head of Early Help",
            "2025-01-31",
            "2025-04-30",
            "Amber",
            "amber",
            "2025-03-12",
            "12/03/25 - Second hub opened; third delayed by the building lease.\n"
            "04/02/25 - First hub completed and open.\n15/01/25 - Staff recruited for all three hubs.",
        ),
        (
            "Early help",
            "WS1-02",
            "Train partners to lead early help assessments",
            "Early Help Partnership Manager",
            "2025-03-31",
            "2025-03-31",
            "Green",
            "green",
            "2025-03-10",
            "10/03/25 - 140 practitioners trained.\n11/02/25 - Schools cohort completed.",
        ),
        (
            "Front door",
            "WS2-01",
            "Bring the emergency duty team into the MASH",
            "Head of Service Front Door",
            "2024-12-31",
            "2025-06-30",
            "Red",
            "red",
            "2025-03-14",
            "14/03/25 - Delayed: staff consultation not yet closed.\n20/01/25 - Consultation launched.",
        ),
        (
            "Front door",
            "WS2-02",
            "Publish daily MASH performance to team managers",
            "Head of Performance",
            "2025-02-28",
            "2025-02-28",
            "Blue",
            "blue",
            "2025-02-27",
            "27/02/25 - Completed; dashboard live.\n03/02/25 - Testing with two teams.",
        ),
        (
            "Children in care",
            "WS3-01",
            "Review every child placed more than 20 miles from home",
            "Head of Service Children in Care",
            "2025-06-30",
            "2025-06-30",
            "Green",
            "green",
            "2025-03-11",
            "11/03/25 - 31 of 52 reviews done.",
        ),
        (
            "Children in care",
            "WS3-02",
            "Start a sufficiency panel for unregistered placements",
            "Head of Commissioning",
            "2025-09-30",
            "2025-09-30",
            "Grey",
            "grey",
            None,
            None,
        ),
    ]
    for row, (stream, ref, text, owner, original, revised, rag_word, rag, updated, log) in enumerate(rows, start=5):
        write_row(
            ws,
            row,
            [stream, ref, text, owner, day(original), day(revised), rag_word, day(updated) if updated else None, log],
        )
        for column in (5, 6, 8):
            ws.cell(row=row, column=column).number_format = "dd/mm/yyyy"
        c.action(text, ref=ref, theme=stream, owners=[owner], progress_rag=rag, due_date=revised)
    for stream in ("Early help", "Front door", "Children in care"):
        c.theme(stream)
    return c


def emoji_rag():
    """An improvement notice plan whose progress and impact ratings are coloured-circle emoji."""
    title = "Ravensholme Council – Improvement Notice Action Plan"
    c = Corpus(
        "emoji_rag",
        "An improvement notice plan rated with coloured-circle emoji only: a key line at the top ('Key: 🔵 "
        "Complete  🟢 On track  🟡 At risk  🔴 Off track  ⚪ Not started'); a 'Progress' and an 'Impact' column "
        "each holding one emoji (an impact not yet judged left blank); merged 'Area 1 — ...' theme rows; refs "
        "'1.01'; an 'IN para' source column ('IN 2', 'IN 3, 4'); dates as dd/mm/yyyy text.",
        title=title,
    )
    ws = c.sheet("IN plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Key: 🔵 Complete  🟢 On track  🟡 At risk  🔴 Off track  ⚪ Not started"
    write_row(ws, 4, ["Ref", "Action", "IN para", "Lead", "Due", "Progress", "Impact"], bold=True)
    emoji = {"blue": "🔵", "green": "🟢", "amber": "🟡", "red": "🔴", "grey": "⚪"}
    areas = [
        (
            1,
            "Front door and thresholds",
            [
                (
                    "1.01",
                    "Apply the revised threshold guidance to every contact in the MASH",
                    "IN 2",
                    ["IN 2"],
                    "MASH Service Manager",
                    "31/10/2025",
                    "2025-10-31",
                    "green",
                    "amber",
                ),
                (
                    "1.02",
                    "Audit 10% of contacts closed with no further action each month",
                    "IN 2",
                    ["IN 2"],
                    "Head of Quality Assurance",
                    "30/09/2025",
                    "2025-09-30",
                    "blue",
                    "green",
                ),
            ],
        ),
        (
            2,
            "Child protection practice",
            [
                (
                    "2.01",
                    "Hold strategy discussions with police and health present for every section 47 enquiry",
                    "IN 3, 4",
                    ["IN 3", "IN 4"],
                    "Head of Service Safeguarding",
                    "31/12/2025",
                    "2025-12-31",
                    "red",
                    "red",
                ),
                (
                    "2.02",
                    "Review every child subject to a plan for more than 18 months",
                    "IN 4",
                    ["IN 4"],
                    "Child Protection Chair Manager",
                    "31/01/2026",
                    "2026-01-31",
                    "amber",
                    None,
                ),
            ],
        ),
        (
            3,
            "Leadership and management oversight",
            [
                (
                    "3.01",
                    "Appoint a permanent Director of Children's Services",
                    "IN 6",
                    ["IN 6"],
                    "Chief Executive",
                    "30/11/2025",
                    "2025-11-30",
                    "blue",
                    "blue",
                ),
                (
                    "3.02",
                    "Report the improvement plan to cabinet every quarter",
                    "IN 7",
                    ["IN 7"],
                    "Director of Children's Services",
                    "31/03/2026",
                    "2026-03-31",
                    "grey",
                    None,
                ),
            ],
        ),
    ]
    row = 5
    for number, theme, actions in areas:
        merged_heading(ws, row, f"Area {number} — {theme}", last=7)
        c.theme(theme, number)
        row += 1
        for ref, text, para, sources, lead, due_text, due, progress, impact in actions:
            write_row(ws, row, [ref, text, para, lead, due_text, emoji[progress], emoji[impact] if impact else None])
            facts = dict(sources=sources, progress_rag=progress, impact_rag=impact, due_date=due)
            c.action(text, ref=ref, theme=theme, owners=[lead], **facts)
            row += 1
    return c


def welsh_bilingual():
    """A Welsh council's inspection action plan with bilingual headers, theme rows and status words."""
    title = "Cyngor Sir Glanyrafon / Glanyrafon County Council – Cynllun Gweithredu / Action Plan 2025-26"
    c = Corpus(
        "welsh_bilingual",
        "A Welsh council's plan after a Care Inspectorate Wales inspection, every header in Welsh then English "
        "('Cyf. / Ref', 'Cam gweithredu / Action', 'Swyddog arweiniol / Lead officer', 'Dyddiad targed / Target "
        "date', 'Statws / Status', 'Sylwadau / Comments'); theme rows 'Thema 1 / Theme 1: Welsh title / English "
        "title'; status words in both languages ('Gwyrdd / Green', 'Ambr / Amber', 'Coch / Red', 'Glas / Blue', "
        "'Heb ddechrau / Not started'); English owner roles; dates as dd/mm/yyyy text.",
        title=title,
    )
    ws = c.sheet("Cynllun - Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        [
            "Cyf. / Ref",
            "Cam gweithredu / Action",
            "Swyddog arweiniol / Lead officer",
            "Dyddiad targed / Target date",
            "Statws / Status",
            "Sylwadau / Comments",
        ],
        bold=True,
    )
    themes = [
        (
            1,
            "Llais y plentyn / Voice of the child",
            [
                (
                    "1.1",
                    "Record each child's wishes and feelings in their own words at every visit",
                    "Principal Social Worker",
                    "31/12/2025",
                    "2025-12-31",
                    "Gwyrdd / Green",
                    "green",
                ),
                (
                    "1.2",
                    "Offer every child an active offer of advocacy in Welsh or English",
                    "Advocacy Commissioning Lead",
                    "30/09/2025",
                    "2025-09-30",
                    "Glas / Blue",
                    "blue",
                ),
            ],
        ),
        (
            2,
            "Llesiant / Well-being",
            [
                (
                    "2.1",
                    "Complete well-being assessments within 42 working days",
                    "Head of Children's Services",
                    "31/03/2026",
                    "2026-03-31",
                    "Ambr / Amber",
                    "amber",
                ),
                (
                    "2.2",
                    "Review care and support plans with families every three months",
                    "Service Manager Care and Support",
                    "31/01/2026",
                    "2026-01-31",
                    "Coch / Red",
                    "red",
                ),
            ],
        ),
        (
            3,
            "Partneriaeth / Partnership",
            [
                (
                    "3.1",
                    "Agree information sharing with the health board's safeguarding team",
                    "Regional Safeguarding Board Manager",
                    "31/03/2026",
                    "2026-03-31",
                    "Heb ddechrau / Not started",
                    "grey",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in themes:
        merged_heading(ws, row, f"Thema {number} / Theme {number}: {theme}", last=6)
        c.theme(theme, number)
        row += 1
        for ref, text, lead, due_text, due, status, rag in actions:
            write_row(ws, row, [ref, text, lead, due_text, status, ""])
            c.action(text, ref=ref, theme=theme, owners=[lead], progress_rag=rag, due_date=due)
            row += 1
    return c


def yj_merged_hidden_totals():
    """A youth justice plan after an HMIP inspection: merges down the rows, hidden columns and a totals row."""
    title = "Kestrel Vale Youth Justice Service – HMIP Inspection Improvement Plan 2025-26"
    c = Corpus(
        "yj_merged_hidden_totals",
        "Youth justice plan after an HMI Probation inspection: the HMIP recommendation ('1. Improve ...') in a "
        "first column merged down over its actions (the theme); one lead merged down over two actions and one "
        "timescale merged down over two; hidden columns holding an old target date and the previous RAG; RAG "
        "words on matching fills; timescales 'Sept 25', 'Q3 2025/26', 'End of March 2026', a real date; a "
        "'Partner agency' column that is not the lead; a totals row counting the RAGs at the foot.",
        title=title,
    )
    ws = c.sheet("YJ Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Reported to the Youth Justice Management Board"
    header = [
        "HMIP recommendation",
        "No.",
        "Action",
        "Lead",
        "Partner agency",
        "Old target",
        "Target",
        "Previous RAG",
        "RAG",
        "Update",
    ]
    write_row(ws, 4, header, bold=True)
    ws.column_dimensions["F"].hidden = True
    ws.column_dimensions["H"].hidden = True
    recs = [
        (
            1,
            "Improve the quality of assessment and planning for keeping children and others safe",
            [
                (
                    "1.1",
                    "Introduce a risk and safety panel chaired by the operational manager",
                    "YJS Operations Manager",
                    "Police",
                    "Sept 25",
                    "2025-09-30",
                    "Red",
                    "Green",
                    "green",
                ),
                (
                    "1.2",
                    "Train case managers in contingency planning",
                    None,
                    "",
                    None,
                    "2025-09-30",
                    "Amber",
                    "Amber",
                    "amber",
                ),
                (
                    "1.3",
                    "Audit ten assessments each quarter against HMIP standards",
                    "YJS Quality Assurance Lead",
                    "",
                    "Q3 2025/26",
                    "2025-12-31",
                    "Green",
                    "Blue",
                    "blue",
                ),
            ],
        ),
        (
            2,
            "Ensure children's education, training and employment needs are met",
            [
                (
                    "2.1",
                    "Second an education officer into the youth justice service",
                    "Head of Inclusion",
                    "Education",
                    "End of March 2026",
                    "2026-03-31",
                    "Amber",
                    "Red",
                    "red",
                ),
                (
                    "2.2",
                    "Agree a protocol with schools for children on reduced timetables",
                    "Head of Inclusion",
                    "Schools",
                    day("2025-11-30"),
                    "2025-11-30",
                    "Grey",
                    "Green",
                    "green",
                ),
            ],
        ),
        (
            3,
            "Strengthen the management board's oversight of disproportionality",
            [
                (
                    "3.1",
                    "Report ethnicity and care status of children entering the system at every board",
                    "YJS Head of Service",
                    "Police, Health",
                    "Q3 2025/26",
                    "2025-12-31",
                    "Green",
                    "Green",
                    "green",
                ),
            ],
        ),
    ]
    row = 5
    lead_start = None
    for number, rec, actions in recs:
        first = row
        c.theme(rec, number)
        for ref, text, lead, partner, target, due, previous, rag_word, rag in actions:
            write_row(
                ws,
                row,
                [
                    None,
                    ref,
                    text,
                    lead,
                    partner or None,
                    day("2025-06-30"),
                    target,
                    previous,
                    rag_word,
                    "See board report.",
                ],
            )
            ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
            if isinstance(target, datetime.datetime):
                ws.cell(row=row, column=7).number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=9).fill = fill(COLOURS[rag])
            if lead is None:
                ws.merge_cells(start_row=lead_start, start_column=4, end_row=row, end_column=4)
            if target is None:
                ws.merge_cells(start_row=row - 1, start_column=7, end_row=row, end_column=7)
            lead_start = row
            owner = lead if lead is not None else ws.cell(row=row - 1, column=4).value
            c.action(text, ref=ref, theme=rec, owners=[owner], progress_rag=rag, due_date=due)
            row += 1
        ws.cell(row=first, column=1, value=f"{number}. {rec}")
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    row += 1
    write_row(ws, row, ["Totals", None, "6 actions", None, None, None, None, None, "B 1 / G 3 / A 1 / R 1"], bold=True)
    c.skipped_at_least(1)
    return c


def send_wsoa_impact_evidence():
    """A SEND written statement of action with impact measures, evidence, and progress and impact RAGs."""
    title = "Fernleigh Local Area Partnership – SEND Written Statement of Action 2025"
    c = Corpus(
        "send_wsoa_impact_evidence",
        "SEND written statement of action: 'Area of weakness N:' theme rows merged across; refs '1.1'; an "
        "'Impact measure' column of targets with percentages and an 'Evidence' column of documents, neither "
        "of them the action; two ratings 'Progress RAG' and 'Impact RAG' as words (the impact of a new action "
        "'Not yet measurable'); owners from the council and the ICB joined by 'and' or '/' ('SEND Lead (LA) and "
        "Designated Clinical Officer (ICB)'); dates 'End of March 2026', 'Sept 25', '31.12.25', 'Ongoing'.",
        title=title,
    )
    ws = c.sheet("WSOA")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Joint Ofsted and CQC area SEND inspection, March 2025"
    write_row(
        ws,
        4,
        ["Ref", "Action", "Lead", "By when", "Impact measure", "Evidence", "Progress RAG", "Impact RAG"],
        bold=True,
    )
    areas = [
        (
            1,
            "Timeliness and quality of education, health and care plans",
            [
                (
                    "1.1",
                    "Recruit three EHC plan writers and a quality assurance officer",
                    "Head of SEND Service",
                    ["Head of SEND Service"],
                    "Sept 25",
                    "2025-09-30",
                    "90% of EHC plans issued within 20 weeks (baseline 41%)",
                    "Monthly EHCP timeliness report",
                    "Blue",
                    "blue",
                    "Amber",
                    "amber",
                ),
                (
                    "1.2",
                    "Moderate a sample of new EHC plans each month with health and social care",
                    "SEND Lead (LA) and Designated Clinical Officer (ICB)",
                    ["SEND Lead (LA)", "Designated Clinical Officer (ICB)"],
                    "31.12.25",
                    "2025-12-31",
                    "80% of audited plans judged good",
                    "Moderation panel minutes",
                    "Green",
                    "green",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            2,
            "Waiting times for neurodevelopmental assessment",
            [
                (
                    "2.1",
                    "Commission additional autism assessments from an independent provider",
                    "Designated Clinical Officer (ICB)",
                    ["Designated Clinical Officer (ICB)"],
                    "End of March 2026",
                    "2026-03-31",
                    "No child waits more than 52 weeks",
                    "ICB waiting list data",
                    "Red",
                    "red",
                    "Red",
                    "red",
                ),
                (
                    "2.2",
                    "Offer families support while they wait through the parent carer forum",
                    "Parent Carer Forum Chair / Head of Early Help",
                    ["Parent Carer Forum Chair", "Head of Early Help"],
                    "Ongoing",
                    None,
                    "Families report feeling supported (survey)",
                    "Parent survey results",
                    "Green",
                    "green",
                    "Not yet measurable",
                    None,
                ),
            ],
        ),
        (
            3,
            "Joint commissioning across education, health and care",
            [
                (
                    "3.1",
                    "Agree a joint commissioning strategy with the ICB",
                    "Assistant Director Education and ICB Director of Commissioning",
                    ["Assistant Director Education", "ICB Director of Commissioning"],
                    "End of March 2026",
                    "2026-03-31",
                    "Strategy signed off by both partners",
                    "Signed strategy",
                    "Amber",
                    "amber",
                    "Not yet measurable",
                    None,
                ),
            ],
        ),
    ]
    row = 5
    for number, area, actions in areas:
        merged_heading(ws, row, f"Area of weakness {number}: {area}", last=8)
        c.theme(area, number)
        row += 1
        for (
            ref,
            text,
            lead,
            owners,
            when,
            due,
            measure,
            evidence,
            progress_word,
            progress,
            impact_word,
            impact,
        ) in actions:
            write_row(ws, row, [ref, text, lead, when, measure, evidence, progress_word, impact_word])
            facts = dict(progress_rag=progress, due_date=due)
            if impact is not None:
                facts["impact_rag"] = impact
            c.action(text, ref=ref, theme=area, owners=owners, **facts)
            row += 1
    return c


def lscp_priorities_children():
    """A safeguarding children partnership business plan: priorities, 'Why this matters', no refs, two categories."""
    title = "Ashcombe Safeguarding Children Partnership – Business Plan 2025-2027"
    c = Corpus(
        "lscp_priorities_children",
        "Safeguarding partnership business plan: 'Priority N: title' rows, each followed by a 'Why is this a "
        "priority?' row of prose; sub-headings 'Business as usual' and 'Change priority' (the actions' categories); "
        "no refs; columns 'What we will do', 'Who', 'When', 'What will be different for children', 'How will we "
        "know', 'Progress' with words Complete / In progress / Delayed / Not yet started; owners from several "
        "agencies joined by ';'; dates 'Sept 25', 'By April 2026', 'Dec 2025', 'Ongoing'.",
        title=title,
    )
    ws = c.sheet("Business Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        ["What we will do", "Who", "When", "What will be different for children", "How will we know", "Progress"],
        bold=True,
    )
    priorities = [
        (
            1,
            "Neglect",
            "Neglect is the most common reason for a child protection plan in Ashcombe.",
            [
                (
                    "business_fundamental",
                    [
                        (
                            "Refresh the neglect strategy and toolkit",
                            "LSCP Business Manager",
                            ["LSCP Business Manager"],
                            "Sept 25",
                            "2025-09-30",
                            "Complete",
                            "blue",
                        ),
                    ],
                ),
                (
                    "change_priority",
                    [
                        (
                            "Train practitioners in every agency to use the graded care profile",
                            "LSCP Training Coordinator; Named Nurse Safeguarding",
                            ["LSCP Training Coordinator", "Named Nurse Safeguarding"],
                            "By April 2026",
                            "2026-04-30",
                            "In progress",
                            "green",
                        ),
                        (
                            "Audit how schools identify and refer neglect",
                            "Education Safeguarding Lead",
                            ["Education Safeguarding Lead"],
                            "Dec 2025",
                            "2025-12-31",
                            "Delayed",
                            "red",
                        ),
                    ],
                ),
            ],
        ),
        (
            2,
            "Child exploitation",
            "Children told us they do not feel safe in the town centre after dark.",
            [
                (
                    "business_fundamental",
                    [
                        (
                            "Hold a multi-agency exploitation panel every month",
                            "Detective Inspector Public Protection; Exploitation Service Manager",
                            ["Detective Inspector Public Protection", "Exploitation Service Manager"],
                            "Ongoing",
                            None,
                            "In progress",
                            "green",
                        ),
                    ],
                ),
                (
                    "change_priority",
                    [
                        (
                            "Map the places children are exploited with the community safety partnership",
                            "Community Safety Manager",
                            ["Community Safety Manager"],
                            "By April 2026",
                            "2026-04-30",
                            "Not yet started",
                            "grey",
                        ),
                    ],
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, why, groups in priorities:
        merged_heading(ws, row, f"Priority {number}: {theme}", last=6)
        c.theme(theme, number)
        row += 1
        ws.cell(row=row, column=1, value=f"Why is this a priority? {why}")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        row += 1
        for category, actions in groups:
            label = "Business as usual" if category == "business_fundamental" else "Change priority"
            ws.cell(row=row, column=1, value=label).font = Font(bold=True, italic=True)
            row += 1
            for text, who, owners, when, due, progress, rag in actions:
                write_row(
                    ws,
                    row,
                    [
                        text,
                        who,
                        when,
                        "Children get help earlier and from the right people.",
                        "Multi-agency audit findings",
                        progress,
                    ],
                )
                c.action(text, theme=theme, owners=owners, progress_rag=rag, category=category, due_date=due)
                row += 1
    c.skipped_at_least(1)
    return c


def jtai_agency_ticks():
    """A JTAI response with a tick column per agency involved, a lead agency and a lead officer."""
    title = "Dunmore Safeguarding Partnership – JTAI Action Plan: Children's Mental Health (2025)"
    c = Corpus(
        "jtai_agency_ticks",
        "JTAI multi-agency response: an 'Area for development' column repeated on every row (the theme); a "
        "'JTAI para' source column of bare numbers ('14', '15, 16'); a 'Lead agency' column and a 'Lead officer' "
        "column (the owner); tick columns LA / Police / Health / Education holding '✓' for the agencies involved; "
        "status words Complete / On track / Some slippage / Not on track / Not due; dates 'Sept 25', "
        "'end of Dec 2025', 'Feb 2026' and real dates.",
        title=title,
    )
    ws = c.sheet("JTAI plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        [
            "Ref",
            "JTAI para",
            "Area for development",
            "Action",
            "Lead agency",
            "Lead officer",
            "LA",
            "Police",
            "Health",
            "Education",
            "Due",
            "Status",
        ],
        bold=True,
    )
    rows = [
        (
            "A1",
            "14",
            ["JTAI 14"],
            "Identification of emotional wellbeing needs",
            "Add an emotional wellbeing question to the MASH contact form",
            "LA",
            "MASH Service Manager",
            "LA Police",
            "Sept 25",
            "2025-09-30",
            "Complete",
            "blue",
        ),
        (
            "A2",
            "15, 16",
            ["JTAI 15", "JTAI 16"],
            "Identification of emotional wellbeing needs",
            "Place a mental health practitioner in the MASH three days a week",
            "Health",
            "CAMHS Service Manager",
            "LA Police Health",
            "end of Dec 2025",
            "2025-12-31",
            "On track",
            "green",
        ),
        (
            "B1",
            "22",
            ["JTAI 22"],
            "Waiting times for specialist help",
            "Offer a first appointment to every referred child within four weeks",
            "Health",
            "CAMHS Service Manager",
            "Health",
            "Feb 2026",
            "2026-02-28",
            "Not on track",
            "red",
        ),
        (
            "B2",
            "23",
            ["JTAI 23"],
            "Waiting times for specialist help",
            "Give schools a named mental health support team contact",
            "Education",
            "Mental Health Support Team Lead",
            "Education",
            day("2025-11-14"),
            "2025-11-14",
            "Some slippage",
            "amber",
        ),
        (
            "C1",
            "31",
            ["JTAI 31"],
            "Police response to children in crisis",
            "Brief every response officer on the section 136 protocol for children",
            "Police",
            "Detective Inspector, Public Protection Unit",
            "Police Health",
            day("2026-01-31"),
            "2026-01-31",
            "Not due",
            "grey",
        ),
    ]
    for row, (ref, para, sources, area, text, agency, officer, ticks, due_text, due, status, rag) in enumerate(
        rows, start=4
    ):
        marks = [
            "✓" if agency_name in ticks.split() else None for agency_name in ("LA", "Police", "Health", "Education")
        ]
        write_row(ws, row, [ref, para, area, text, agency, officer, *marks, due_text, status])
        if isinstance(due_text, datetime.datetime):
            ws.cell(row=row, column=11).number_format = "dd/mm/yyyy"
        c.action(text, ref=ref, theme=area, owners=[officer], sources=sources, progress_rag=rag, due_date=due)
    for area in (
        "Identification of emotional wellbeing needs",
        "Waiting times for specialist help",
        "Police response to children in crisis",
    ):
        c.theme(area)
    return c


BUILDERS = [
    sharepoint_ilacs_list,
    recommendations_r_sub_actions,
    transposed_action_columns,
    theme_sheets_guidance_chart,
    initials_key_sheet,
    running_log_progress,
    emoji_rag,
    welsh_bilingual,
    yj_merged_hidden_totals,
    send_wsoa_impact_evidence,
    lscp_priorities_children,
    jtai_agency_ticks,
]


def build(folder=HERE):
    return build_unseen.build(folder, builders=BUILDERS)


if __name__ == "__main__":
    built = build()
    sys.stdout.write(f"Built {len(built)} workbooks in {HERE}: {', '.join(built)}\n")
