"""Build the second, independently written set of tool exports in the corpus (slugs `unseen_tool_…`).

These workbooks were written from each tool's documented "export to Excel" format, without looking at
the reader, so that the corpus holds exports the reader was not shaped around: a Smartsheet sheet whose
top row is the plan and whose actions sit two outline levels down; a Smartsheet sheet of contacts as
emails with revised end dates; two monday.com boards (groups each with their own header row, subitem
blocks, custom status labels, timeline ranges, renamed item column); a Planner plan (plan name / ID /
export date rows, buckets, several people, checklist counts, labels, Late); a Microsoft Project task
table (project summary task, outline levels, summary tasks, resource names with units); a Pentana
action report (objective rows whose code prefixes their actions' codes, status words, a key); and a
Word table pasted into Excel (merged theme rows and cells, the header row repeated on each page).

Each workbook is written with its expected facts (<slug>.json, the corpus format scored by
plans/benchmarks/fidelity.py). Run: .venv/bin/python tests/data/corpus/build_unseen_tools.py
"""

import datetime
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
FIXED = (2024, 11, 1, 9, 0, 0)
BOLD = Font(bold=True)


def _save(workbook, path):
    """Save with fixed timestamps, so that a rebuild writes the same bytes."""
    workbook.properties.creator = "export"
    workbook.properties.created = datetime.datetime(*FIXED)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    stamp = "2024-11-01T09:00:00Z"
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode()
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(<)", rf"\g<1>{stamp}\2", text)
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(<)", rf"\g<1>{stamp}\2", text)
                data = text.encode()
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)


def _write(folder, slug, workbook, facts):
    _save(workbook, folder / f"{slug}.xlsx")
    (folder / f"{slug}.json").write_text(json.dumps(facts, indent=2, ensure_ascii=False) + "\n")
    return slug


def _themes(titles):
    return [{"number": str(index), "title": title} for index, title in enumerate(titles, 1)]


def _date(text):
    return datetime.date.fromisoformat(text)


# ---------------------------------------------------------------- Smartsheet


def smartsheet_plan_row_harvey(folder):
    """A Smartsheet sheet: row 1 the header; the first row is the plan itself (outline level 0), themes
    one level down, actions two levels down (Excel row groups plus indentation of the primary column);
    parent rows carry roll-ups; Harvey balls for progress, an RYGB ball column for the RAG, a "Done"
    checkbox exported as TRUE/FALSE; "Lead" contacts as display names, several joined by ", "."""
    slug = "unseen_tool_smartsheet_plan_row_harvey"
    plan = "Southvale Children's Services Improvement Plan"
    themes = {
        "Leadership and management oversight": [
            (
                "Introduce a monthly performance clinic for team managers",
                ["Grace Allen"],
                "Three Quarter",
                "Green",
                False,
                "2025-01-31",
                "Para 12",
            ),
            (
                "Refresh the quality assurance framework and audit schedule",
                ["Grace Allen", "Dev Patel"],
                "Full",
                "Blue",
                True,
                "2024-10-31",
                "Para 13",
            ),
            (
                "Report supervision compliance to the improvement board each month",
                ["Dev Patel"],
                "Quarter",
                "Yellow",
                False,
                "2024-12-31",
                "Para 13",
            ),
        ],
        "Help and protection": [
            (
                "Review strategy discussion attendance with police and health",
                ["Nadia Rahman", "DI Karen Ross"],
                "Half",
                "Red",
                False,
                "2024-11-30",
                "Para 21",
            ),
            (
                "Embed the revised pre-proceedings tracker in legal gateway meetings",
                ["Nadia Rahman"],
                "Empty",
                "Gray",
                False,
                "2025-03-31",
                "Para 24",
            ),
        ],
        "Children in care and care leavers": [
            (
                "Complete pathway plans with every care leaver aged 18 to 21",
                ["Owen Hughes"],
                "Half",
                "Green",
                False,
                "2025-02-28",
                "Para 33",
            ),
            (
                "Commission an independent review of sufficiency of local placements",
                ["Owen Hughes", "Grace Allen"],
                "Empty",
                "Gray",
                False,
                "2025-06-30",
                "Para 35",
            ),
        ],
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "Southvale Improvement Plan"
    header = ["Workstream / Action", "Lead", "Due", "Progress", "RAG", "Done", "Ofsted paragraph", "Latest update"]
    ws.append(header)
    for cell in ws[1]:
        cell.font = BOLD
    ws.append([plan, None, _date("2025-06-30"), "Half", "Yellow", False, None, None])
    expected = []
    for theme, actions in themes.items():
        due = max(a[5] for a in actions)
        ws.append([theme, None, _date(due), "Half", "Yellow", False, None, None])
        ws.cell(ws.max_row, 1).alignment = Alignment(indent=1)
        ws.row_dimensions[ws.max_row].outline_level = 1
        for text, leads, harvey, ball, done, due_date, para in actions:
            ws.append(
                [
                    text,
                    ", ".join(leads),
                    _date(due_date),
                    harvey,
                    ball,
                    done,
                    para,
                    "Update given at the October board.",
                ]
            )
            ws.cell(ws.max_row, 1).alignment = Alignment(indent=2)
            ws.cell(ws.max_row, 3).number_format = "dd/mm/yy"
            ws.row_dimensions[ws.max_row].outline_level = 2
            expected.append(
                {
                    "theme": theme,
                    "action": text,
                    "owners": leads,
                    "progress_rag": {"Green": "green", "Blue": "blue", "Yellow": "amber", "Red": "red", "Gray": "grey"}[
                        ball
                    ],
                    "due_date": due_date,
                }
            )
    facts = {
        "description": "Smartsheet sheet export: header on row 1; the first data row is the plan itself (outline level 0, the title), themes at level 1, actions at level 2 (row groups and indented primary column); parent rows carry roll-up dates, Harvey balls and RAG; Harvey balls (Empty … Full) for progress, an RYGB ball column (Red/Yellow/Green/Blue/Gray words) for the RAG, a Done checkbox as TRUE/FALSE; leads as display names joined by commas; no refs.",
        "tool": "smartsheet",
        "title": plan,
        "themes": _themes(themes),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def smartsheet_emails_revised_dates(folder):
    """A Smartsheet project sheet: themes at outline level 0 only by row grouping (no indent in the
    export), actions at level 1; contacts with no display name exported as their email address, several
    per cell; "End Date" and a "Revised End Date" (revised wins when given); "Status" dropdown words
    (Not Started / In Progress / Complete / On Hold / Cancelled) and a "Health" RYG column (Gray/Green/
    Yellow/Red); a completed task keeps Health Green but is Complete; a cancelled task is kept closed."""
    slug = "unseen_tool_smartsheet_emails_revised_dates"
    rows = [
        ("Early help and the front door", None),
        (
            "Agree a single early help assessment with schools and health",
            (["ruth.cole@eastbrook.gov.uk"], "In Progress", "Green", "2025-01-31", None),
        ),
        (
            "Recruit two advanced practitioners to the MASH",
            (
                ["ruth.cole@eastbrook.gov.uk", "sam.price@eastbrook.gov.uk"],
                "In Progress",
                "Yellow",
                "2024-10-31",
                "2025-01-31",
            ),
        ),
        (
            "Publish the threshold document on the partnership website",
            (["sam.price@eastbrook.gov.uk"], "Complete", "Green", "2024-09-30", None),
        ),
        ("Workforce", None),
        (
            "Reduce agency social workers to below 15% of the establishment",
            (["hr.business.partner@eastbrook.gov.uk"], "In Progress", "Red", "2025-03-31", "2025-09-30"),
        ),
        (
            "Launch a social work academy for newly qualified staff",
            (["liz.morgan@eastbrook.gov.uk"], "Not Started", "Gray", "2025-04-30", None),
        ),
        (
            "Buy an online exit interview tool",
            (["liz.morgan@eastbrook.gov.uk"], "Cancelled", "Gray", "2024-12-31", None),
        ),
        ("Disabled children", None),
        (
            "Review short breaks eligibility with parent carers",
            (["ann.fox@eastbrook.gov.uk", "liz.morgan@eastbrook.gov.uk"], "On Hold", "Yellow", "2025-02-28", None),
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Eastbrook ILACS plan"
    ws.append(
        [
            "Task Name",
            "Assigned To",
            "Start Date",
            "End Date",
            "Revised End Date",
            "Duration",
            "% Complete",
            "Status",
            "Health",
            "Comments",
        ]
    )
    for cell in ws[1]:
        cell.font = BOLD
    expected, themes, theme = [], [], None
    for name, detail in rows:
        if detail is None:
            theme = name
            themes.append(name)
            ws.append([name, None, _date("2024-09-01"), _date("2025-04-30"), None, "172d", 0.4, None, None, None])
            continue
        owners, status, health, end, revised = detail
        percent = {"Complete": 1, "Not Started": 0, "Cancelled": 0}.get(status, 0.5)
        ws.append(
            [
                name,
                ", ".join(owners),
                _date("2024-09-02"),
                _date(end),
                _date(revised) if revised else None,
                "60d",
                percent,
                status,
                health,
                None,
            ]
        )
        ws.cell(ws.max_row, 7).number_format = "0%"
        ws.row_dimensions[ws.max_row].outline_level = 1
        item = {"theme": theme, "action": name, "owners": owners, "due_date": revised or end}
        if status == "Cancelled":
            item["closed"] = True
        else:
            item["progress_rag"] = (
                "blue"
                if status == "Complete"
                else {"Green": "green", "Yellow": "amber", "Red": "red", "Gray": "grey"}[health]
            )
        expected.append(item)
    facts = {
        "description": 'Smartsheet project sheet export: header on row 1; theme rows at outline level 0 with roll-up dates, duration and % complete, actions one level down (row groups only, no indentation); Assigned To contacts exported as email addresses, several joined by ", "; End Date with a Revised End Date that wins when given; Status dropdown (Not Started/In Progress/Complete/On Hold/Cancelled) beside a Health RYG column (Gray/Green/Yellow/Red): Complete is blue whatever the Health ball, a Cancelled task is kept as closed; % Complete as numbers; no refs.',
        "tool": "smartsheet",
        "themes": _themes(themes),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- monday.com


def monday_groups_subitems(folder):
    """A monday.com "Export board to Excel": the board name on row 1, then per group a row with the
    group's name, that group's column header row ("Name", "Person", "Status", "Timeline", …) and its
    items; an item with subitems is followed by a "Subitems" header row (one column in) and the subitem
    rows (column A empty); a blank row between groups. Custom status labels: Done, Working on it, Stuck,
    Not started, Waiting for partners, Cancelled. People joined by ", ". Timeline "YYYY-MM-DD - YYYY-MM-DD"."""
    slug = "unseen_tool_monday_groups_subitems"
    board = "Westmere CSC Improvement Board"
    label_rag = {
        "Done": "blue",
        "Working on it": "green",
        "Stuck": "red",
        "Not started": "grey",
        "Waiting for partners": "amber",
    }
    groups = {
        "Front door and MASH": [
            (
                "Audit 40 contacts a month for consistent threshold decisions",
                ["Helen Marsh"],
                "Working on it",
                "2024-09-01 - 2025-03-31",
                [
                    ("Agree audit tool", "Helen Marsh", "Done", "2024-09-15"),
                    ("Train auditors", "Helen Marsh", "Working on it", "2024-10-31"),
                ],
            ),
            (
                "Co-locate a police decision maker in the MASH",
                ["DI Paul Grant", "Helen Marsh"],
                "Waiting for partners",
                "2024-10-01 - 2025-01-31",
                [],
            ),
        ],
        "Children in need and child protection": [
            (
                "Introduce a CP plan review checklist for conference chairs",
                ["Farah Iqbal"],
                "Done",
                "2024-07-01 - 2024-10-31",
                [],
            ),
            (
                "Clear the backlog of overdue CIN visits",
                ["Farah Iqbal", "Luke Dean"],
                "Stuck",
                "2024-09-01 - 2024-12-31",
                [("Weekly overdue visits report", "Luke Dean", "Working on it", "2024-09-30")],
            ),
            ("Buy a case-note dictation app", ["Luke Dean"], "Cancelled", "2024-08-01 - 2024-11-30", []),
        ],
        "Care leavers": [
            (
                "Offer every care leaver a named personal adviser by 18",
                ["Joy Okoro"],
                "Not started",
                "2025-01-01 - 2025-06-30",
                [],
            ),
        ],
    }
    wb = Workbook()
    ws = wb.active
    ws.title = board[:31]
    ws.append([board])
    ws["A1"].font = Font(bold=True, size=16)
    expected = []
    header = ["Name", "Person", "Status", "Timeline", "Priority", "Item ID"]
    item_id = 1780001000
    for group, items in groups.items():
        ws.append([])
        ws.append([group])
        ws.cell(ws.max_row, 1).font = Font(bold=True, color="FF579BFC")
        ws.append(header)
        for cell in ws[ws.max_row]:
            cell.font = BOLD
        for text, people, status, timeline, subitems in items:
            item_id += 7
            ws.append([text, ", ".join(people), status, timeline, "High", item_id])
            item = {"theme": group, "action": text, "owners": people, "due_date": timeline[-10:]}
            if status == "Cancelled":
                item["closed"] = True
            else:
                item["progress_rag"] = label_rag[status]
            expected.append(item)
            if subitems:
                ws.append([None, "Subitems", "Owner", "Status", "Date"])
                for cell in ws[ws.max_row]:
                    cell.font = BOLD
                for name, owner, sub_status, date in subitems:
                    ws.append([None, name, owner, sub_status, date])
    facts = {
        "description": 'monday.com board export: board name on row 1 (the title); per group a group-name row, its own header row (Name/Person/Status/Timeline/Priority/Item ID) and items; subitem blocks under their item (a "Subitems" header one column in, subitem rows with column A empty: never actions); blank rows between groups; custom status labels (Done, Working on it, Stuck, Not started, Waiting for partners, Cancelled kept as closed); people joined by ", "; Timeline ranges as text (the end is the due date); no refs.',
        "tool": "monday",
        "title": board,
        "themes": _themes(groups),
        "skipped_rows_at_least": 5,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def monday_priority_groups_rag_labels(folder):
    """A monday.com board whose item column is renamed "Action", groups named "Priority N: …", a
    status column called "RAG" with custom labels carrying words ("Blue - complete", "Green - on
    track", "Amber - at risk", "Red - off track", "Grey - not yet due"), a text column of Ofsted
    paragraphs, a date column as YYYY-MM-DD text, and a numbered "Ref" text column."""
    slug = "unseen_tool_monday_priority_groups_rag_labels"
    board = "Northfield Post-ILACS Action Plan"
    groups = [
        (
            "Priority 1: Stronger management oversight",
            "Stronger management oversight",
            [
                (
                    "1.1",
                    "Set a minimum standard for recorded management oversight",
                    "Kate Lyons",
                    "Green - on track",
                    "2025-01-31",
                    "Ofsted 15",
                ),
                (
                    "1.2",
                    "Audit supervision records for reflective discussion",
                    "Kate Lyons, Raj Mehta",
                    "Blue - complete",
                    "2024-10-31",
                    "Ofsted 15",
                ),
            ],
        ),
        (
            "Priority 2: Timely permanence",
            "Timely permanence",
            [
                (
                    "2.1",
                    "Track every child's permanence plan at a monthly panel",
                    "Raj Mehta",
                    "Amber - at risk",
                    "2024-12-31",
                    "Ofsted 27",
                ),
                (
                    "2.2",
                    "Reduce the time from placement to adoption order",
                    "Tessa Wood",
                    "Red - off track",
                    "2025-03-31",
                    "Ofsted 28",
                ),
                (
                    "2.3",
                    "Review special guardianship support plans",
                    "Tessa Wood",
                    "Grey - not yet due",
                    "2025-05-31",
                    "Ofsted 29",
                ),
            ],
        ),
    ]
    rag = {"Green": "green", "Blue": "blue", "Amber": "amber", "Red": "red", "Grey": "grey"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Post-ILACS Action Plan"
    ws.append([board])
    ws["A1"].font = Font(bold=True, size=16)
    ws.append([])
    expected, themes = [], []
    for index, (group, title, items) in enumerate(groups, 1):
        themes.append({"number": str(index), "title": title})
        ws.append([group])
        ws.cell(ws.max_row, 1).font = BOLD
        ws.append(["Action", "Ref", "Owner", "RAG", "Deadline", "Source", "Last updated"])
        for cell in ws[ws.max_row]:
            cell.font = BOLD
        for ref, text, owner, label, deadline, source in items:
            ws.append([text, ref, owner, label, deadline, source, "2024-10-28 14:02:11 UTC"])
            expected.append(
                {
                    "ref": ref,
                    "theme": title,
                    "action": text,
                    "owners": owner.split(", "),
                    "sources": [source],
                    "progress_rag": rag[label.split(" - ")[0]],
                    "due_date": deadline,
                }
            )
        ws.append([])
    facts = {
        "description": 'monday.com board export: board name on row 1 (the title), groups named "Priority N: …" (theme number and title) each followed by its own header row; the item column renamed "Action", a "Ref" text column, RAG status labels with words ("Green - on track", "Blue - complete", "Grey - not yet due"), Deadline dates as YYYY-MM-DD text, Ofsted paragraph sources, a "Last updated" timestamp column.',
        "tool": "monday",
        "title": board,
        "themes": themes,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- Microsoft Planner


def planner_buckets_checklists(folder):
    """Microsoft Planner "Export plan to Excel": "Plan name", "Plan ID", "Date of export" rows and a
    blank row above the header; the standard columns (Task ID, Task Name, Bucket Name, Progress,
    Priority, Assigned To, Created By, Created Date, Start date, Due date, Is Recurring, Late, Completed
    Date, Completed By, Completed Checklist Items, Checklist Items, Labels, Description); dates as UK
    text; several people joined by ";"; checklist items joined by ";" and counts like "2/4"."""
    slug = "unseen_tool_planner_buckets_checklists"
    plan = "Harbourside JTAI Action Plan"
    tasks = [
        (
            "Multi-agency front door",
            "Agree a shared risk assessment tool for domestic abuse referrals",
            "In progress",
            ["Maya Collins", "DS Ian Webb"],
            "31/01/2025",
            False,
            "1/3",
            "Draft tool;Consult partners;Sign off at the partnership",
            "JTAI;Domestic abuse",
        ),
        (
            "Multi-agency front door",
            "Hold daily domestic abuse triage meetings with police and health",
            "Completed",
            ["DS Ian Webb"],
            "30/09/2024",
            False,
            "",
            "",
            "JTAI",
        ),
        (
            "Multi-agency front door",
            "Train MASH staff in coercive control",
            "In progress",
            ["Maya Collins", "Beth Rowe", "Anil Shah"],
            "31/10/2024",
            True,
            "2/4",
            "Book trainer;Run session 1;Run session 2;Evaluate",
            "Training",
        ),
        (
            "Health partners",
            "Include GP information in every strategy discussion",
            "Not started",
            ["Dr Ellen Price"],
            "28/02/2025",
            False,
            "0/2",
            "Agree protocol;Audit",
            "Health",
        ),
        (
            "Health partners",
            "Refresh the child protection information sharing system in emergency departments",
            "Not started",
            ["Dr Ellen Price", "Anil Shah"],
            "30/11/2024",
            True,
            "",
            "",
            "Health;JTAI",
        ),
        (
            "Learning and assurance",
            "Run a multi-agency audit of domestic abuse cases",
            "In progress",
            ["Beth Rowe"],
            "31/03/2025",
            False,
            "3/5",
            "Select cases;Audit;Moderate;Report;Share learning",
            "Audit",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = plan[:31]
    ws.append(["Plan name", plan])
    ws.append(["Plan ID", "xqTb4Z1n0kCk3cV9uWl2vGQAE7pX"])
    ws.append(["Date of export", "01/11/2024"])
    ws.append([])
    header = [
        "Task ID",
        "Task Name",
        "Bucket Name",
        "Progress",
        "Priority",
        "Assigned To",
        "Created By",
        "Created Date",
        "Start date",
        "Due date",
        "Is Recurring",
        "Late",
        "Completed Date",
        "Completed By",
        "Completed Checklist Items",
        "Checklist Items",
        "Labels",
        "Description",
    ]
    ws.append(header)
    for cell in ws[5]:
        cell.font = BOLD
    expected, buckets = [], []
    for index, (bucket, name, progress, people, due, late, done, checklist, labels) in enumerate(tasks):
        if bucket not in buckets:
            buckets.append(bucket)
        ws.append(
            [
                f"k{index}Pq8sVt2EyZ0bH3nR",
                name,
                bucket,
                progress,
                "Important" if late else "Medium",
                ";".join(people),
                "Maya Collins",
                "02/09/2024",
                "02/09/2024",
                due,
                "false",
                "true" if late else "false",
                "15/10/2024" if progress == "Completed" else "",
                "DS Ian Webb" if progress == "Completed" else "",
                done,
                checklist,
                labels,
                "JTAI finding on the response to domestic abuse.",
            ]
        )
        if progress == "Completed":
            rag = "blue"
        elif late:
            rag = "red"
        else:
            rag = "green" if progress == "In progress" else "grey"
        day, month, year = due.split("/")
        expected.append(
            {
                "theme": bucket,
                "action": name,
                "owners": people,
                "progress_rag": rag,
                "due_date": f"{year}-{month}-{day}",
            }
        )
    facts = {
        "description": 'Microsoft Planner export: Plan name / Plan ID / Date of export rows and a blank row above the header row 5; buckets are the themes; Assigned To with up to three people joined by ";"; checklist item names joined by ";" and completed counts "2/4" (never actions); Labels joined by ";"; UK text dates; Progress Not started/In progress/Completed with Late true/false (late and not completed is red); no refs.',
        "tool": "planner",
        "title": plan,
        "themes": _themes(buckets),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- Microsoft Project


def project_outline_wbs(folder):
    """Microsoft Project "Save as Excel workbook" (sheet Task_Table1): the project summary task (ID 0,
    outline level 0) named for the plan, summary tasks at level 1 (themes), tasks at level 2 (actions),
    a WBS column, Start/Finish as text ("Mon 02/09/24"), Duration "65 days", Resource Names joined by
    "," with units in brackets, % Complete as "50%", a custom text field aliased "RAG"."""
    slug = "unseen_tool_project_outline_wbs"
    project = "Kingsmead Children's Services Improvement Programme"
    summaries = [
        (
            "Quality of practice",
            [
                (
                    "Implement the new practice model across all assessment teams",
                    "Head of Service Assessment,Practice Lead[50%]",
                    "60%",
                    "Green",
                    "Fri 28/02/25",
                    "2025-02-28",
                ),
                (
                    "Audit the quality of child and family assessments each quarter",
                    "Service Manager QA",
                    "100%",
                    "Complete",
                    "Mon 30/09/24",
                    "2024-09-30",
                ),
                (
                    "Improve the timeliness of initial child protection conferences",
                    "Head of Service Safeguarding",
                    "30%",
                    "Red",
                    "Tue 31/12/24",
                    "2024-12-31",
                ),
            ],
        ),
        (
            "Sufficiency and placements",
            [
                (
                    "Open a four-bed children's home in the borough",
                    "Head of Commissioning",
                    "10%",
                    "Amber",
                    "Mon 30/06/25",
                    "2025-06-30",
                ),
                (
                    "Recruit 20 additional foster carers",
                    "Fostering Service Manager,Marketing Officer[25%]",
                    "0%",
                    "Not started",
                    "Tue 31/03/26",
                    "2026-03-31",
                ),
            ],
        ),
    ]
    rag = {"Green": "green", "Complete": "blue", "Red": "red", "Amber": "amber", "Not started": "grey"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Task_Table1"
    ws.append(
        [
            "ID",
            "Active",
            "Task Mode",
            "WBS",
            "Name",
            "Duration",
            "Start",
            "Finish",
            "Predecessors",
            "Outline Level",
            "Resource Names",
            "% Complete",
            "RAG",
            "Notes",
        ]
    )
    ws.append(
        [
            0,
            "Yes",
            "Auto Scheduled",
            "0",
            project,
            "412 days",
            "Mon 02/09/24",
            "Tue 31/03/26",
            None,
            0,
            None,
            "41%",
            None,
            None,
        ]
    )
    expected, themes, task_id = [], [], 0
    for number, (summary, tasks) in enumerate(summaries, 1):
        task_id += 1
        themes.append(summary)
        ws.append(
            [
                task_id,
                "Yes",
                "Auto Scheduled",
                str(number),
                summary,
                "300 days",
                "Mon 02/09/24",
                tasks[-1][4],
                None,
                1,
                None,
                "40%",
                None,
                None,
            ]
        )
        for index, (name, resources, percent, status, finish, due) in enumerate(tasks, 1):
            task_id += 1
            ws.append(
                [
                    task_id,
                    "Yes",
                    "Auto Scheduled",
                    f"{number}.{index}",
                    name,
                    "65 days",
                    "Mon 02/09/24",
                    finish,
                    None,
                    2,
                    resources,
                    percent,
                    status,
                    None,
                ]
            )
            owners = [re.sub(r"\[.*\]", "", part) for part in resources.split(",")]
            expected.append(
                {
                    "ref": f"{number}.{index}",
                    "theme": summary,
                    "action": name,
                    "owners": owners,
                    "progress_rag": rag[status],
                    "due_date": due,
                }
            )
    facts = {
        "description": 'Microsoft Project workbook export (sheet Task_Table1): the project summary task (ID 0, outline level 0) is the title; summary tasks at outline level 1 are the themes, tasks at level 2 the actions; WBS codes as refs; Start/Finish as text "Tue 31/12/24" (UK order); Resource Names joined by "," with units in brackets ("Practice Lead[50%]"); % Complete as "60%"; a RAG text field (Green/Amber/Red/Complete/Not started).',
        "tool": "project",
        "title": project,
        "themes": _themes(themes),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- Pentana (Ideagen)


def pentana_objective_rows(folder):
    """A Pentana Performance action report exported to Excel: report title, "Report generated" and
    filter rows above the header; each objective (the theme) as a row with its own code and roll-up
    status, its actions below with codes that extend the objective's code; status words (Completed, In
    Progress, Overdue, Warning, Not Started, Cancelled); Progress "75%"; Original Due Date and Due Date
    as real dates (Due Date wins); officers joined by ", "; a status key block after the table."""
    slug = "unseen_tool_pentana_objective_rows"
    objectives = [
        (
            "CSC-O1",
            "Improve the quality and impact of supervision",
            "In Progress",
            [
                (
                    "CSC-O1-A01",
                    "Roll out supervision training to all team managers",
                    "Completed",
                    "100%",
                    "2024-09-30",
                    "2024-09-30",
                    "Sarah Blake",
                ),
                (
                    "CSC-O1-A02",
                    "Audit supervision records against the new standard",
                    "In Progress",
                    "50%",
                    "2024-12-31",
                    "2025-01-31",
                    "Sarah Blake, Imran Qureshi",
                ),
                (
                    "CSC-O1-A03",
                    "Survey social workers on the quality of supervision",
                    "Overdue",
                    "20%",
                    "2024-08-31",
                    "2024-10-31",
                    "Imran Qureshi",
                ),
            ],
        ),
        (
            "CSC-O2",
            "Strengthen the voice of children in care",
            "Warning",
            [
                (
                    "CSC-O2-A01",
                    "Relaunch the Children in Care Council with a new participation offer",
                    "Warning",
                    "40%",
                    "2024-12-31",
                    "2024-12-31",
                    "Leah Grant",
                ),
                (
                    "CSC-O2-A02",
                    "Add children's views to every looked after review record",
                    "Not Started",
                    "0%",
                    "2025-03-31",
                    "2025-03-31",
                    "Leah Grant, Tom Ainsworth",
                ),
                (
                    "CSC-O2-A03",
                    "Procure an advocacy app for children in care",
                    "Cancelled",
                    "0%",
                    "2024-11-30",
                    "2024-11-30",
                    "Tom Ainsworth",
                ),
            ],
        ),
    ]
    rag = {"Completed": "blue", "In Progress": "green", "Overdue": "red", "Warning": "amber", "Not Started": "grey"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Report"
    ws.append(["Children's Services Improvement Plan - Action Status Report"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Report generated: 01/11/2024 09:14 by Performance Team"])
    ws.append(["Filter: Directorate = Children's Services; Status = All"])
    ws.append([])
    ws.append(["Code", "Title", "Status", "Progress", "Original Due Date", "Due Date", "Assigned To", "Latest Note"])
    for cell in ws[5]:
        cell.font = BOLD
    expected, themes = [], []
    for code, title, status, actions in objectives:
        themes.append({"title": title})
        ws.append([code, title, status, None, None, None, None, None])
        for cell in ws[ws.max_row]:
            cell.font = BOLD
        for a_code, a_title, a_status, progress, original, due, officers in actions:
            ws.append(
                [
                    a_code,
                    a_title,
                    a_status,
                    progress,
                    _date(original),
                    _date(due),
                    officers,
                    "Reviewed at the October performance meeting.",
                ]
            )
            item = {"ref": a_code, "theme": title, "action": a_title, "owners": officers.split(", "), "due_date": due}
            if a_status == "Cancelled":
                item["closed"] = True
            else:
                item["progress_rag"] = rag[a_status]
            expected.append(item)
    ws.append([])
    ws.append(["Action Status Key"])
    for word, meaning in [
        ("Completed", "The action is complete"),
        ("In Progress", "The action is in progress and on target"),
        ("Warning", "The action may miss its due date"),
        ("Overdue", "The action has passed its due date"),
        ("Not Started", "The action has not started"),
        ("Cancelled", "The action has been cancelled"),
    ]:
        ws.append([word, meaning])
    facts = {
        "description": 'Pentana action status report exported to Excel: title, "Report generated" and filter rows above the header; each objective as a row with its own code ("CSC-O1") and roll-up status, its actions below with codes extending it ("CSC-O1-A02", the refs); status words Completed/In Progress/Warning/Overdue/Not Started and a Cancelled action kept as closed; Original Due Date and Due Date as real dates (Due Date wins); officers joined by ", "; a status key block after the table (not actions).',
        "tool": "pentana",
        "themes": themes,
        "skipped_rows_at_least": 6,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- Word table pasted into Excel


def word_table_repeated_headers(folder):
    """A Word improvement plan's table pasted into Excel: the document's title and version lines above;
    the header row repeated at the top of each printed page; theme rows merged across the table's width
    ("1. …"); the recommendation cell merged down over its actions; a lead cell merged over two actions;
    leads on separate lines in one cell; timescales as text ("End of March 2025", "Q3 2024/25",
    "31/01/2025"); RAG words; a "NB" note and the protective marking after the table."""
    slug = "unseen_tool_word_table_repeated_headers"
    title = "Ashcombe Children's Services Improvement Plan"
    header = ["Ref", "Area for improvement", "ILACS para", "Action", "Lead", "Timescale", "Progress to date", "RAG"]
    themes = [
        (
            "1",
            "Management oversight and supervision",
            [
                (
                    "1.1",
                    "Managers' oversight is not consistently recorded",
                    "Publish a practice standard for management oversight",
                    "Head of Service CIN/CP",
                    "End of December 2024",
                    "2024-12-31",
                    "Green",
                    ["ILACS 14"],
                ),
                (
                    "1.2",
                    None,
                    "Audit oversight on 30 children's records a month",
                    "Head of Service CIN/CP\nPrincipal Social Worker",
                    "Q3 2024/25",
                    "2024-12-31",
                    "Amber",
                    ["ILACS 14"],
                ),
                (
                    "1.3",
                    "Supervision lacks reflection",
                    "Train all team managers in reflective supervision",
                    "Principal Social Worker",
                    "31/01/2025",
                    "2025-01-31",
                    "Blue",
                    ["ILACS 15"],
                ),
            ],
        ),
        (
            "2",
            "Children in care",
            [
                (
                    "2.1",
                    "Care plans are not always updated after reviews",
                    "Send review recommendations to social workers within five working days",
                    "IRO Service Manager",
                    "End of March 2025",
                    "2025-03-31",
                    "Red",
                    ["ILACS 22", "ILACS 23"],
                ),
                (
                    "2.2",
                    None,
                    "Track care plan updates at the permanence panel",
                    "IRO Service Manager",
                    "Q4 2024/25",
                    "2025-03-31",
                    "Grey",
                    ["ILACS 22", "ILACS 23"],
                ),
                (
                    "2.3",
                    "Health assessments are late",
                    "Agree a timescale for initial health assessments with the ICB",
                    "Designated Nurse, Ashcombe ICB",
                    "30/11/2024",
                    "2024-11-30",
                    "Green",
                    ["ILACS 25"],
                ),
            ],
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Version 3.1 - updated 28 October 2024 - OFFICIAL"])
    ws.append([])
    fills = {"Green": "FF00B050", "Amber": "FFFFC000", "Red": "FFFF0000", "Blue": "FF0070C0", "Grey": "FFBFBFBF"}

    def header_row():
        ws.append(header)
        for cell in ws[ws.max_row]:
            cell.font = BOLD
            cell.fill = PatternFill("solid", fgColor="FFD9E2F3")

    header_row()
    expected, rows_on_page = [], 0
    for number, theme_title, actions in themes:
        if rows_on_page >= 3:
            header_row()
            rows_on_page = 0
        ws.append([f"{number}. {theme_title}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
        ws.cell(ws.max_row, 1).font = BOLD
        need_start = None
        for ref, need, text, lead, timescale, due, rag_word, sources in actions:
            paras = ", ".join(source.split()[-1] for source in sources) if need is not None else None
            ws.append([ref, need, paras, text, lead, timescale, "Work has started; see the October update.", rag_word])
            ws.cell(ws.max_row, 5).alignment = Alignment(wrap_text=True)
            ws.cell(ws.max_row, 8).fill = PatternFill("solid", fgColor=fills[rag_word])
            if need is not None:
                need_start = ws.max_row
            elif need_start is not None:
                for column in (2, 3):
                    ws.merge_cells(start_row=need_start, start_column=column, end_row=ws.max_row, end_column=column)
            rows_on_page += 1
            expected.append(
                {
                    "ref": ref,
                    "theme": theme_title,
                    "action": text,
                    "owners": lead.split("\n"),
                    "sources": sources,
                    "progress_rag": rag_word.lower(),
                    "due_date": due,
                }
            )
    ws.append(["NB: RAG ratings were agreed at the improvement board on 21 October 2024."])
    ws.append(["OFFICIAL"])
    facts = {
        "description": 'Word table pasted into Excel: title and version lines above; the header row repeated at each page break (not actions); theme rows "1. …" merged across the width; the area-for-improvement and "ILACS para" cells ("22, 23": the sources ILACS 22 and ILACS 23) merged down over their actions; leads on separate lines in one cell, a lead with a comma inside one role; timescales as month text, financial-year quarters and dd/mm/yyyy; RAG words with matching fills; an NB note and the protective marking after the table.',
        "tool": "word",
        "title": title,
        "themes": [{"number": number, "title": theme_title} for number, theme_title, _ in themes],
        "skipped_rows_at_least": 3,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


# ---------------------------------------------------------------- written after the first fixes (probes)


def project_gantt_copy(folder):
    """A Project Gantt table copied into Excel: no Outline Level, WBS or Summary column; the task name
    keeps its indent as leading spaces; Duration "60 days", Start/Finish "Mon 30/09/24" text, % Complete
    "25%" text, Resource Names joined by ","; no RAG column (so % Complete rates)."""
    slug = "unseen_tool_project_gantt_copy"
    rows = [
        ("Early help", None),
        (
            "   Launch the family hub offer in three localities",
            ("Early Help Manager", "50%", "Fri 28/03/25", "green", "2025-03-28"),
        ),
        (
            "   Train partners in the early help assessment",
            ("Early Help Manager,Partnership Officer", "100%", "Mon 30/09/24", "blue", "2024-09-30"),
        ),
        ("Quality assurance", None),
        (
            "   Introduce a practice week each quarter",
            ("Principal Social Worker", "0%", "Mon 30/06/25", "grey", "2025-06-30"),
        ),
        (
            "   Publish a quarterly learning bulletin",
            ("Principal Social Worker", "25%", "Tue 31/12/24", "green", "2024-12-31"),
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["Task Name", "Duration", "Start", "Finish", "% Complete", "Resource Names"])
    expected, themes, theme = [], [], None
    for name, detail in rows:
        if detail is None:
            theme = name
            themes.append(name)
            ws.append([name, "200 days", "Mon 02/09/24", "Mon 30/06/25", "40%", None])
            continue
        resources, percent, finish, rag, due = detail
        ws.append([name, "60 days", "Mon 02/09/24", finish, percent, resources])
        expected.append(
            {
                "theme": theme,
                "action": name.strip(),
                "owners": resources.split(","),
                "progress_rag": rag,
                "due_date": due,
            }
        )
    facts = {
        "description": 'Microsoft Project Gantt table copied into Excel (sheet Sheet): no Outline Level, WBS or Summary column, the hierarchy only as leading spaces in Task Name; "60 days" durations and "Mon 30/09/24" dates as text; % Complete as "25%" text with no RAG column (100 % blue, started green, 0 % grey); Resource Names joined by ",". Written after the first fixes, as a probe.',
        "tool": "project",
        "themes": _themes(themes),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def pentana_parent_columns(folder):
    """A Pentana action report with no objective rows: each action names its parent in "Parent Code"
    and "Parent Title" columns; dates as "31-Mar-2025" text; officers joined by "; "."""
    slug = "unseen_tool_pentana_parent_columns"
    rows = [
        (
            "IP 1.1",
            "Agree the new supervision policy",
            "Completed",
            "100%",
            "30-Sep-2024",
            "Mark Lane",
            "IP 1",
            "Supervision and oversight",
            "blue",
        ),
        (
            "IP 1.2",
            "Audit supervision quality quarterly",
            "In Progress",
            "40%",
            "31-Mar-2025",
            "Mark Lane; Ruth Ng",
            "IP 1",
            "Supervision and oversight",
            "green",
        ),
        (
            "IP 2.1",
            "Recruit a permanent IRO manager",
            "Overdue",
            "10%",
            "31-Oct-2024",
            "Ruth Ng",
            "IP 2",
            "Independent reviewing",
            "red",
        ),
        (
            "IP 2.2",
            "Review IRO caseloads",
            "Check Progress",
            "50%",
            "31-Dec-2024",
            "Ruth Ng",
            "IP 2",
            "Independent reviewing",
            "amber",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Improvement Plan Actions"])
    ws.append(["Generated on: 04 November 2024"])
    ws.append([])
    ws.append(
        [
            "Action Code",
            "Action Title",
            "Status",
            "Progress",
            "Due Date",
            "Assigned To",
            "Parent Code",
            "Parent Title",
            "Latest Note",
        ]
    )
    expected, themes = [], []
    for code, title, status, progress, due, officers, parent_code, parent_title, rag in rows:
        ws.append(
            [
                code,
                title,
                status,
                progress,
                due,
                officers,
                parent_code,
                parent_title,
                "Discussed at the performance meeting.",
            ]
        )
        if {"title": parent_title} not in themes:
            themes.append({"title": parent_title})
        iso = datetime.datetime.strptime(due, "%d-%b-%Y").date().isoformat()
        expected.append(
            {
                "ref": code,
                "theme": parent_title,
                "action": title,
                "owners": officers.split("; "),
                "progress_rag": rag,
                "due_date": iso,
            }
        )
    facts = {
        "description": 'Pentana action report with no objective rows: each action\'s parent in Parent Code and Parent Title columns (the title is the theme); status words (Completed/In Progress/Overdue/Check Progress); dates as 31-Mar-2025 text; officers joined by "; ". Written after the first fixes, as a probe.',
        "tool": "pentana",
        "themes": themes,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def project_outline_number(folder):
    """Project's Export Wizard with a map of ID, Name, Outline Number, Summary, Start, Finish, % Complete,
    Resource Names and an unaliased custom field Text1 holding the RAG; dates as "31 March 2025 17:00"
    text; % Complete as fractions; resources joined by ";"."""
    slug = "unseen_tool_project_outline_number"
    wb = Workbook()
    ws = wb.active
    ws.title = "Task_Table1"
    ws.append(["ID", "Name", "Outline Number", "Summary", "Start", "Finish", "% Complete", "Resource Names", "Text1"])
    start = "02 September 2024 08:00"
    ws.append([1, "Voice of the child", "1", "Yes", start, "31 March 2025 17:00", 0.5, None, None])
    ws.append(
        [
            2,
            "Add the child's words to every assessment",
            "1.1",
            "No",
            start,
            "31 December 2024 17:00",
            1,
            "Team Managers",
            "Complete",
        ]
    )
    ws.append(
        [
            3,
            "Run a children's panel twice a year",
            "1.2",
            "No",
            start,
            "31 March 2025 17:00",
            0.2,
            "Participation Officer;Head of Service",
            "Amber",
        ]
    )
    ws.append([4, "Care planning", "2", "Yes", start, "30 June 2025 17:00", 0, None, None])
    ws.append(
        [
            5,
            "Review every care plan after a move",
            "2.1",
            "No",
            start,
            "30 June 2025 17:00",
            0,
            "IRO Manager",
            "Not started",
        ]
    )
    expected = [
        {
            "ref": "1.1",
            "theme": "Voice of the child",
            "action": "Add the child's words to every assessment",
            "owners": ["Team Managers"],
            "progress_rag": "blue",
            "due_date": "2024-12-31",
        },
        {
            "ref": "1.2",
            "theme": "Voice of the child",
            "action": "Run a children's panel twice a year",
            "owners": ["Participation Officer", "Head of Service"],
            "progress_rag": "amber",
            "due_date": "2025-03-31",
        },
        {
            "ref": "2.1",
            "theme": "Care planning",
            "action": "Review every care plan after a move",
            "owners": ["IRO Manager"],
            "progress_rag": "grey",
            "due_date": "2025-06-30",
        },
    ]
    facts = {
        "description": 'Microsoft Project Export Wizard map: ID (a row number, not the ref), Outline Number (the refs and the hierarchy), Summary Yes/No, dates as "31 March 2025 17:00" text, % Complete as fractions, Resource Names joined by ";", an unaliased Text1 field holding the RAG. Written after the first fixes, as a probe.',
        "tool": "project",
        "themes": _themes(["Voice of the child", "Care planning"]),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def smartsheet_status_only(folder):
    """A Smartsheet project sheet with no RAG ball: the Status dropdown (Not Started / In Progress / At
    Risk / Blocked / Complete) and an At Risk flag; themes at outline level 0, actions indented at level 1."""
    slug = "unseen_tool_smartsheet_status_only"
    groups = [
        (
            "Workforce",
            [
                ("Recruit team managers", "Amy Lee", "In Progress", "2025-01-31", "green", False),
                ("Reduce caseloads to 18", "Amy Lee, Ben Ode", "At Risk", "2025-03-31", "amber", True),
                ("Hold exit interviews with every leaver", "Ben Ode", "Blocked", "2024-11-30", "red", False),
            ],
        ),
        (
            "Front door",
            [
                ("Refresh the MASH protocol", "Cat Moss", "Complete", "2024-10-31", "blue", False),
                ("Audit MASH decisions weekly", "Cat Moss", "Not Started", "2025-02-28", "grey", False),
            ],
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Improvement plan"
    ws.append(["Task Name", "Assigned To", "Start", "Finish", "Status", "% Complete", "At Risk", "Comments"])
    expected = []
    for theme, items in groups:
        ws.append([theme, None, _date("2024-09-01"), _date("2025-03-31"), None, 0.5, False, None])
        for text, people, status, finish, rag, at_risk in items:
            ws.append([text, people, _date("2024-09-01"), _date(finish), status, 0.5, at_risk, None])
            ws.cell(ws.max_row, 1).alignment = Alignment(indent=1)
            ws.row_dimensions[ws.max_row].outline_level = 1
            expected.append(
                {"theme": theme, "action": text, "owners": people.split(", "), "progress_rag": rag, "due_date": finish}
            )
    facts = {
        "description": 'Smartsheet project sheet with no RAG ball: Status dropdown words (In Progress green, At Risk amber, Blocked red, Complete blue, Not Started grey) beside an At Risk flag; themes at outline level 0, actions indented at level 1; contacts joined by ", ". Written after the first fixes, as a probe (it read right first time).',
        "tool": "smartsheet",
        "themes": _themes([theme for theme, _items in groups]),
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def word_fill_only(folder):
    """A Word table pasted into Excel whose RAG column is shading only; theme rows merged across; the
    header repeated after each theme (page breaks); month-name timescales; two roles joined by " / "."""
    slug = "unseen_tool_word_fill_only"
    title = "Littleton Children's Services Improvement Plan 2024-25"
    header = ["No.", "Action", "Responsible officer", "By when", "Update", "RAG"]
    fills = {"green": "FF92D050", "amber": "FFFFC000", "red": "FFFF0000", "blue": "FF00B0F0", "grey": "FFA6A6A6"}
    data = [
        (
            "1",
            "Leadership",
            [
                (
                    "1.1",
                    "Set up an improvement board chaired independently",
                    "Director of Children's Services",
                    "March 2025",
                    "2025-03-31",
                    "green",
                ),
                (
                    "1.2",
                    "Publish a self-evaluation every six months",
                    "Assistant Director Quality",
                    "September 2024",
                    "2024-09-30",
                    "blue",
                ),
            ],
        ),
        (
            "2",
            "Care leavers",
            [
                (
                    "2.1",
                    "Offer every care leaver a home by 18",
                    "Head of Service Care Leavers / Housing Options Manager",
                    "June 2025",
                    "2025-06-30",
                    "amber",
                ),
                (
                    "2.2",
                    "Increase care leavers in education, employment or training",
                    "Virtual School Head",
                    "December 2024",
                    "2024-12-31",
                    "red",
                ),
            ],
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.append([title])
    ws.append([])
    expected = []
    for number, theme, items in data:
        ws.append(header)
        ws.append([f"{number}. {theme}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
        for ref, text, officer, when, due, rag in items:
            ws.append([ref, text, officer, when, "See the October update.", None])
            ws.cell(ws.max_row, 6).fill = PatternFill("solid", fgColor=fills[rag])
            expected.append(
                {
                    "ref": ref,
                    "theme": theme,
                    "action": text,
                    "owners": officer.split(" / "),
                    "progress_rag": rag,
                    "due_date": due,
                }
            )
    ws.append(["Page 2 of 2"])
    facts = {
        "description": 'Word table pasted into Excel: RAG as cell shading only (no words, no key); the header repeated before each theme (page breaks); theme rows "1. …" merged across; month-name timescales; two roles joined by " / "; a "Page 2 of 2" line. Written after the first fixes, as a probe (it read right first time).',
        "tool": "word",
        "title": title,
        "themes": _themes([theme for _n, theme, _items in data]),
        "skipped_rows_at_least": 2,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def pentana_bold_objectives(folder):
    """A Pentana report whose objective rows are bold with codes of their own shape ("OBJ 01") that do
    not begin their actions' codes ("ACT 001"); each objective row has a roll-up status, no officer, no date."""
    slug = "unseen_tool_pentana_bold_objectives"
    wb = Workbook()
    ws = wb.active
    ws.title = "Report"
    ws.append(["Improvement plan report"])
    ws.append(["Generated by: Performance Team"])
    ws.append([])
    ws.append(["Code", "Title", "Status", "Due Date", "Assigned To", "Latest Note"])
    expected, themes = [], []
    objectives = [
        (
            "OBJ 01",
            "Leadership",
            "In Progress",
            [
                (
                    "ACT 001",
                    "Appoint a permanent director of children's services",
                    "Completed",
                    "2024-09-30",
                    "Chief Executive",
                    "blue",
                ),
                (
                    "ACT 002",
                    "Stabilise the senior leadership team",
                    "In Progress",
                    "2025-03-31",
                    "Director of Children's Services",
                    "green",
                ),
            ],
        ),
        (
            "OBJ 02",
            "Practice",
            "Overdue",
            [
                ("ACT 003", "Audit 50 cases a month", "Overdue", "2024-10-31", "Head of Quality Assurance", "red"),
            ],
        ),
    ]
    for code, title, status, items in objectives:
        themes.append({"title": title})
        ws.append([code, title, status, None, None, None])
        for cell in ws[ws.max_row]:
            cell.font = BOLD
        for a_code, text, a_status, due, officer, rag in items:
            ws.append([a_code, text, a_status, _date(due), officer, "Reported to the board."])
            expected.append(
                {
                    "ref": a_code,
                    "theme": title,
                    "action": text,
                    "owners": [officer],
                    "progress_rag": rag,
                    "due_date": due,
                }
            )
    facts = {
        "description": 'Pentana report with bold objective rows ("OBJ 01", a roll-up status, no officer, no date) whose codes do not begin their actions\' codes ("ACT 001"): each objective is the theme of the rows below it. Written after the first fixes, as a probe.',
        "tool": "pentana",
        "themes": themes,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


def project_for_the_web(folder):
    """Project for the web (premium Planner) "Export to Excel": "Project name", "Project manager", start,
    finish, duration and % complete rows above the task table; "Outline number" as refs and hierarchy;
    "Assigned to" people joined by "; "; UK text dates; "% complete" text; a Bucket column (one bucket)."""
    slug = "unseen_tool_project_for_the_web"
    plan = "Safeguarding partnership plan"
    wb = Workbook()
    ws = wb.active
    ws.title = "Project tasks"
    for key, value in [
        ("Project name", plan),
        ("Project manager", "Lucy Grey"),
        ("Project start date", "02/09/2024"),
        ("Project finish date", "31/03/2026"),
        ("Project duration", "400 days"),
        ("Project % complete", "35%"),
    ]:
        ws.append([key, value])
    ws.append([])
    ws.append(
        [
            "Outline number",
            "Name",
            "Assigned to",
            "Start",
            "Finish",
            "Duration",
            "% complete",
            "Bucket",
            "Priority",
            "Labels",
            "Notes",
        ]
    )
    rows = [
        ("1", "Neglect strategy", None, "31/03/2025", "50%", None),
        ("1.1", "Launch the neglect toolkit", "Kim Long; Ravi Das", "31/12/2024", "100%", "blue"),
        ("1.2", "Train 200 practitioners in the toolkit", "Kim Long", "31/03/2025", "40%", "green"),
        ("2", "Exploitation", None, "31/03/2026", "10%", None),
        ("2.1", "Commission a return home interview service", "Ravi Das", "30/06/2025", "0%", "grey"),
    ]
    expected, themes, theme = [], [], None
    for number, name, people, finish, percent, rag in rows:
        ws.append([number, name, people, "02/09/2024", finish, "100 days", percent, "Strategy", "Medium", None, None])
        if rag is None:
            theme = name
            themes.append({"title": name})
            continue
        day, month, year = finish.split("/")
        expected.append(
            {
                "ref": number,
                "theme": theme,
                "action": name,
                "owners": people.split("; "),
                "progress_rag": rag,
                "due_date": f"{year}-{month}-{day}",
            }
        )
    facts = {
        "description": 'Project for the web (premium Planner) export: Project name / manager / dates / duration / % complete rows above the task table (the name is the title); Outline number as refs and hierarchy (summary tasks are themes); Assigned to joined by "; "; UK text dates; % complete as text with no RAG column. Written after the first fixes, as a probe.',
        "tool": "project",
        "title": plan,
        "themes": themes,
        "actions": expected,
    }
    return _write(folder, slug, wb, facts)


BUILDERS = [
    smartsheet_plan_row_harvey,
    smartsheet_emails_revised_dates,
    monday_groups_subitems,
    monday_priority_groups_rag_labels,
    planner_buckets_checklists,
    project_outline_wbs,
    pentana_objective_rows,
    word_table_repeated_headers,
    project_gantt_copy,
    pentana_parent_columns,
    project_outline_number,
    smartsheet_status_only,
    word_fill_only,
    pentana_bold_objectives,
    project_for_the_web,
]


def build(folder=HERE):
    """Write every workbook and its facts into folder; return the slugs written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [builder(folder) for builder in BUILDERS]


if __name__ == "__main__":
    for slug in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(slug)
