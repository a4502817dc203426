"""Build the import corpus: council plans laid out the way councils lay them out, and tool exports.

Run it from the repository root (it rewrites every workbook and its expected facts, byte for byte
the same each time):

    .venv/bin/python tests/data/corpus/build.py

Each workbook is tests/data/corpus/<slug>.xlsx with tests/data/corpus/<slug>.json beside it: what the
layout is, what makes it hard, and the facts an import with no mapping must get right (the format
is in the import contract and read by plans.benchmarks.fidelity). The rows and the facts are written
side by side below so that they cannot drift apart. Councils, people and plans are invented; no
child appears anywhere. Tool exports follow docs/decisions/0020-importing-tool-exports.md.
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
FIXED_TIME = "2025-01-01T00:00:00Z"
_ = object()  # a fact the workbook does not give: left out of the expected action, so not scored

BLUE, GREEN, AMBER, RED, GREY = "FF0070C0", "FF00B050", "FFFFC000", "FFFF0000", "FFA6A6A6"
BOLD = Font(bold=True)


def fill(colour):
    return PatternFill("solid", fgColor=colour)


def day(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d")


class Corpus:
    """One workbook and its expected facts."""

    def __init__(self, slug, description, *, tool=None, title=None, skipped_rows_at_least=None):
        self.slug = slug
        self.book = Workbook()
        self.expected = {"description": " ".join(description.split()), "tool": tool}
        if title is not None:
            self.expected["title"] = title
        self.expected["themes"] = []
        self.expected["actions"] = []
        if skipped_rows_at_least:
            self.expected["skipped_rows_at_least"] = skipped_rows_at_least

    def sheet(self, title, first=False):
        if first:
            ws = self.book.active
            ws.title = title
            return ws
        return self.book.create_sheet(title)

    def theme(self, number, title):
        theme = {"title": title}
        if number is not None:
            theme = {"number": number, "title": title}
        self.expected["themes"].append(theme)
        return title

    def action(
        self, ref, theme, action, *, owners=_, sources=_, progress_rag=_, impact_rag=_, category=_, due_date=_, closed=_
    ):
        fact = {}
        for key, value in (
            ("ref", ref),
            ("theme", theme),
            ("action", action),
            ("owners", owners),
            ("sources", sources),
            ("progress_rag", progress_rag),
            ("impact_rag", impact_rag),
            ("category", category),
            ("due_date", due_date),
            ("closed", closed),
        ):
            if value is not _:
                fact[key] = value
        self.expected["actions"].append(fact)

    def save(self, folder=HERE):
        for ws in self.book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top", indent=cell.alignment.indent)
        buffer = io.BytesIO()
        self.book.save(buffer)
        (folder / f"{self.slug}.xlsx").write_bytes(_deterministic(buffer.getvalue()))
        (folder / f"{self.slug}.json").write_text(json.dumps(self.expected, indent=2, ensure_ascii=False) + "\n")


def _deterministic(data):
    """The same bytes on every run: fixed document times and fixed zip entry times."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), content)
            entry = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    return out.getvalue()


# ------------------------------------------------------------------ council layouts


def post_ilacs_theme_sheets():
    c = Corpus(
        "post_ilacs_theme_sheets",
        """Post-ILACS plan kept as one sheet per priority, behind a cover sheet, a RAG-count summary
        sheet with a totals row, a RAG key sheet and an abbreviations sheet (none of which hold plan
        rows). Each priority sheet opens with "Priority N:" and a "Lead:" row. The source column is
        "Ofsted ref" holding only "Para 34" / "Paras 36, 37" (the report is named by the header);
        RAGs are status words under "RAG (progress)" and "RAG rating – impact"; the update column
        has a month in its name; owners under "Lead officer", dates under "By when".""",
        title="Westshire Council Children's Services – Post-ILACS Improvement Plan",
    )
    ws = c.sheet("Cover", first=True)
    ws.append(["Westshire Council Children's Services – Post-ILACS Improvement Plan"])
    ws["A1"].font = Font(bold=True, size=16)
    ws.append(["Version 3.2 – October 2024"])
    ws.append(["Plan owner: Director of Children's Services"])
    ws.append(["Inspection of local authority children's services (ILACS), June 2024: requires improvement to be good"])
    ws = c.sheet("Summary")
    ws.append(["RAG summary – October 2024"])
    ws.append(["Priority", "Blue", "Green", "Amber", "Red", "Grey", "Total"])
    ws.append(["Priority 1", 1, 1, 1, 0, 0, 3])
    ws.append(["Priority 2", 0, 2, 0, 1, 0, 3])
    ws.append(["Priority 3", 0, 1, 1, 0, 1, 3])
    ws.append(["Total", 1, 4, 2, 1, 1, 9])
    ws = c.sheet("Key")
    ws.append(["RAG", "Meaning"])
    for word, meaning, colour in (
        ("Complete", "Action completed and evidenced", BLUE),
        ("On track", "Progressing as planned", GREEN),
        ("At risk", "Some slippage; recovery plan in place", AMBER),
        ("Off track", "Not progressing; needs the board's attention", RED),
        ("Not started", "Not yet due to start", GREY),
    ):
        ws.append([word, meaning])
        ws.cell(row=ws.max_row, column=1).fill = fill(colour)
    ws = c.sheet("Abbreviations")
    ws.append(["Abbreviation", "Meaning"])
    for short, long in (
        ("IRO", "Independent Reviewing Officer"),
        ("PSW", "Principal Social Worker"),
        ("QA", "Quality assurance"),
        ("DMT", "Departmental Management Team"),
        ("CiC", "Children in care"),
    ):
        ws.append([short, long])

    header = [
        "Ref",
        "What needs to improve",
        "Action",
        "Ofsted ref",
        "Lead officer",
        "By when",
        "RAG (progress)",
        "RAG rating – impact",
        "Update (October 2024)",
    ]
    priorities = [
        (
            "1",
            "Management oversight and supervision",
            "Assistant Director, Safeguarding",
            [
                (
                    "1.1",
                    "Supervision is not consistently reflective or recorded on the child's file",
                    "Relaunch the supervision policy with a reflective supervision template on the case record system",
                    "Para 34",
                    ["Ofsted 34"],
                    "Principal Social Worker",
                    ["Principal Social Worker"],
                    day("2024-12-31"),
                    "2024-12-31",
                    "Complete",
                    "blue",
                    "Green",
                    "green",
                    "Template live since 1 October; 82% of supervisions recorded on it.",
                ),
                (
                    "1.2",
                    "Managers' decisions are not always explained on the child's record",
                    "Introduce a management oversight audit tool and monthly thematic audits of oversight",
                    "Paras 36, 37",
                    ["Ofsted 36", "Ofsted 37"],
                    "Head of Service Quality Assurance / Principal Social Worker",
                    ["Head of Service Quality Assurance", "Principal Social Worker"],
                    day("2025-01-31"),
                    "2025-01-31",
                    "On track",
                    "green",
                    "Amber",
                    "amber",
                    "Two thematic audits completed; findings to DMT in November.",
                ),
                (
                    "1.3",
                    "Caseloads in the assessment teams are too high for consistent oversight",
                    "Recruit six permanent social workers to the assessment service and reduce agency reliance",
                    "Para 38",
                    ["Ofsted 38"],
                    "Head of Service Assessment",
                    ["Head of Service Assessment"],
                    day("2025-03-31"),
                    "2025-03-31",
                    "At risk",
                    "amber",
                    "Not yet due",
                    "grey",
                    "Four of six posts offered; two candidates withdrew.",
                ),
            ],
        ),
        (
            "2",
            "Children in care and permanence",
            "Head of Service Children in Care",
            [
                (
                    "2.1",
                    "Plans for permanence are not secured early enough for some children",
                    "Track every child's permanence plan at the second looked-after review through a permanence panel",
                    "Para 41",
                    ["Ofsted 41"],
                    "Head of Service Children in Care",
                    ["Head of Service Children in Care"],
                    day("2024-11-30"),
                    "2024-11-30",
                    "On track",
                    "green",
                    "Green",
                    "green",
                    "Panel meeting fortnightly since September.",
                ),
                (
                    "2.2",
                    "IRO challenge is not always effective",
                    "Implement an IRO escalation protocol with quarterly reporting to the Corporate Parenting Board",
                    "Para 43",
                    ["Ofsted 43"],
                    "IRO Service Manager",
                    ["IRO Service Manager"],
                    day("2025-02-28"),
                    "2025-02-28",
                    "Off track",
                    "red",
                    "Red",
                    "red",
                    "Protocol drafted; not yet agreed with the IRO service.",
                ),
                (
                    "2.3",
                    "Children's views are not consistently captured in their plans",
                    "Roll out the 'My plan, my words' section of the care plan for children aged 8 and over",
                    "Para 44",
                    ["Ofsted 44"],
                    "Participation Lead",
                    ["Participation Lead"],
                    day("2025-03-31"),
                    "2025-03-31",
                    "On track",
                    "green",
                    "Amber",
                    "amber",
                    "Section designed with the Children in Care Council.",
                ),
            ],
        ),
        (
            "3",
            "Care leavers",
            "Head of Service Leaving Care",
            [
                (
                    "3.1",
                    "Pathway plans are not updated when young people's circumstances change",
                    "Review all pathway plans of care leavers aged 18 to 21 and update those more than six months old",
                    "Para 47",
                    ["Ofsted 47"],
                    "Leaving Care Team Manager",
                    ["Leaving Care Team Manager"],
                    day("2024-12-31"),
                    "2024-12-31",
                    "At risk",
                    "amber",
                    "Amber",
                    "amber",
                    "68% reviewed by the end of October.",
                ),
                (
                    "3.2",
                    "Too few care leavers are in education, employment or training",
                    "Agree a ring-fenced apprenticeship offer with council departments and two local employers",
                    "Para 48",
                    ["Ofsted 48"],
                    "Virtual School Head and Employment Support Lead",
                    ["Virtual School Head", "Employment Support Lead"],
                    day("2025-06-30"),
                    "2025-06-30",
                    "Not started",
                    "grey",
                    "Not yet due",
                    "grey",
                    "Planned to start in January.",
                ),
                (
                    "3.3",
                    "Care leavers do not all know their entitlements",
                    "Publish the updated local offer for care leavers, co-produced with the care leavers' forum",
                    "Para 49",
                    ["Ofsted 49"],
                    "Participation Lead",
                    ["Participation Lead"],
                    day("2024-10-31"),
                    "2024-10-31",
                    "On track",
                    "green",
                    "Green",
                    "green",
                    "Final draft approved by the forum.",
                ),
            ],
        ),
    ]
    for number, title, lead, rows in priorities:
        ws = c.sheet(f"Priority {number}")
        theme = c.theme(number, title)
        ws.append([f"Priority {number}: {title}"])
        ws["A1"].font = BOLD
        ws.append([f"Lead: {lead}"])
        ws.append([])
        ws.append(header)
        for (
            ref,
            need,
            action,
            source,
            sources,
            owner,
            owners,
            when,
            due,
            progress,
            progress_rag,
            impact,
            impact_rag,
            update,
        ) in rows:
            ws.append([ref, need, action, source, owner, when, progress, impact, update])
            c.action(
                ref,
                theme,
                action,
                owners=owners,
                sources=sources,
                progress_rag=progress_rag,
                impact_rag=impact_rag,
                due_date=due,
            )
    return c


def jtai_two_row_header():
    c = Corpus(
        "jtai_two_row_header",
        """Multi-agency JTAI (exploitation) action plan: two title rows and a one-line RAG key above a
        header of two rows (a group label row "Finding / Responsibility / Progress" above the column
        labels); theme rows "THEME 1 – …"; sources "JTAI paras 14, 15" (two sources) in a "JTAI ref"
        column; a separate "Agency" column that is not an owner; owners joined by line breaks, one
        of them a role holding a comma ("Designated Nurse, Eastbrook ICB") and one a slash
        ("Head of Service CIN/CP"); status words under "Status (Sept)"; timescales "end of March
        2025", "Q3 2024/25", "Ongoing" and dd/mm/yyyy text; an NB: row between actions.""",
        title="Eastbrook Safeguarding Children Partnership",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("JTAI action plan", first=True)
    ws.append(["Eastbrook Safeguarding Children Partnership"])
    ws.append(
        [
            "Joint targeted area inspection: the multi-agency response to children at risk of exploitation – partnership action plan"
        ]
    )
    ws.append(
        ["RAG key: Complete = Blue | On track = Green | Some slippage = Amber | Off track = Red | Not started = Grey"]
    )
    ws.append([])
    ws.append([None, "Finding", None, None, "Responsibility", None, None, "Progress", None])
    ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=3)
    ws.merge_cells(start_row=5, start_column=5, end_row=5, end_column=7)
    ws.merge_cells(start_row=5, start_column=8, end_row=5, end_column=9)
    ws.append(
        ["Ref", "JTAI ref", "Area of concern", "Action", "Lead", "Agency", "Timescale", "Status (Sept)", "Evidence"]
    )
    themes = [
        (
            "1",
            "Information sharing at the front door",
            [
                (
                    "1.1",
                    "JTAI paras 14, 15",
                    ["JTAI 14", "JTAI 15"],
                    "Police notifications reach the MASH late",
                    "Agree a 24-hour standard for police child concern notifications and audit compliance monthly",
                    "Detective Inspector, MASH\nMASH Team Manager",
                    ["Detective Inspector, MASH", "MASH Team Manager"],
                    "Police / LA",
                    "end of March 2025",
                    "2025-03-31",
                    "On track",
                    "green",
                    "Monthly compliance report to the partnership",
                ),
                (
                    "1.2",
                    "JTAI 16",
                    ["JTAI 16"],
                    "Health information is not always shared at strategy discussions",
                    "Ensure a health professional attends or contributes to every strategy discussion",
                    "Designated Nurse, Eastbrook ICB\nHead of Service CIN/CP",
                    ["Designated Nurse, Eastbrook ICB", "Head of Service CIN/CP"],
                    "ICB / LA",
                    "Q3 2024/25",
                    "2024-12-31",
                    "Some slippage",
                    "amber",
                    "Attendance log",
                ),
            ],
        ),
        (
            "2",
            "Return home interviews",
            [
                (
                    "2.1",
                    "JTAI para 22",
                    ["JTAI 22"],
                    "Return home interviews are offered late and their learning is lost",
                    "Commission the return home interview service to offer every interview within 72 hours",
                    "Missing and Exploitation Service Manager",
                    ["Missing and Exploitation Service Manager"],
                    "LA",
                    "30/11/2024",
                    "2024-11-30",
                    "Complete",
                    "blue",
                    "Contract variation signed",
                ),
                (
                    "2.2",
                    "JTAI paras 23, 24",
                    ["JTAI 23", "JTAI 24"],
                    "Intelligence from interviews is not mapped",
                    "Feed return home interview intelligence into the monthly exploitation mapping meeting",
                    "Police Exploitation Lead\nMissing and Exploitation Service Manager",
                    ["Police Exploitation Lead", "Missing and Exploitation Service Manager"],
                    "Police / LA",
                    "Ongoing",
                    None,
                    "Off track",
                    "red",
                    "Meeting minutes",
                ),
            ],
        ),
        (
            "3",
            "Schools and education settings",
            [
                (
                    "3.1",
                    "JTAI 31",
                    ["JTAI 31"],
                    "Schools are not invited to exploitation risk meetings",
                    "Invite the designated safeguarding lead to every exploitation risk meeting for a child on roll",
                    "Education Safeguarding Lead",
                    ["Education Safeguarding Lead"],
                    "LA",
                    "31/01/2025",
                    "2025-01-31",
                    "Not started",
                    "grey",
                    "",
                ),
                (
                    "3.2",
                    "JTAI para 33",
                    ["JTAI 33"],
                    "Children missing education are not linked to exploitation risk",
                    "Cross-check children missing education weekly against the exploitation risk register",
                    "Children Missing Education Officer\nExploitation Coordinator",
                    ["Children Missing Education Officer", "Exploitation Coordinator"],
                    "LA",
                    "end of February 2025",
                    "2025-02-28",
                    "On track",
                    "green",
                    "Weekly cross-check record",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"THEME {number} – {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, source, sources, concern, action, owner, owners, agency, when, due, status, rag, evidence in rows:
            ws.append([ref, source, concern, action, owner, agency, when, status, evidence])
            c.action(ref, theme, action, owners=owners, sources=sources, progress_rag=rag, due_date=due)
            if ref == "2.1":
                ws.append(["NB: actions 2.1 and 2.2 are shared with the review of the missing children protocol."])
    return c


def improvement_notice_merged():
    c = Corpus(
        "improvement_notice_merged",
        """Improvement notice plan: "Recommendation N:" theme rows; an "IN ref" source column; refs
        A1, A2, B3a; one lead and one target date merged down over three actions, one RAG merged
        over two; an action whose text runs on to a second row with no ref; RAG as letters (B, G,
        A, R, Gr); target dates "end of March 2025", "Q3 2024/25", "Ongoing"; an NB: row and a
        RAG-count totals row at the foot.""",
        title="Northvale Borough Council – Children's Services Improvement Plan (Improvement Notice, 4 March 2024)",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("IN plan", first=True)
    ws.append(["Northvale Borough Council – Children's Services Improvement Plan (Improvement Notice, 4 March 2024)"])
    ws.append([])
    ws.append(["IN ref", "Ref", "Action", "Lead", "Target date", "RAG", "Comments"])
    theme = c.theme("1", "Improve the quality and timeliness of assessments")
    ws.append(["Recommendation 1: Improve the quality and timeliness of assessments"])
    start = ws.max_row + 1
    ws.append(
        [
            "IN 3",
            "A1",
            "Introduce an assessment quality standard agreed with partners",
            "Head of Service Assessment",
            "end of March 2025",
            "G",
            "Standard drafted",
        ]
    )
    ws.append(
        [
            "IN 3",
            "A2",
            "Introduce a weekly assessment tracker reviewed by team managers",
            None,
            None,
            "A",
            "Tracker built",
        ]
    )
    ws.append([None, None, "and reported to the Improvement Board each month.", None, None, None, None])
    ws.append(
        [
            "IN 3.2",
            "A3",
            "Audit twenty assessments a month against the new standard",
            None,
            None,
            "R",
            "Audits behind schedule",
        ]
    )
    ws.merge_cells(start_row=start, start_column=4, end_row=ws.max_row, end_column=4)
    ws.merge_cells(start_row=start, start_column=5, end_row=ws.max_row, end_column=5)
    for ref, action, rag, sources in (
        ("A1", "Introduce an assessment quality standard agreed with partners", "green", ["IN 3"]),
        (
            "A2",
            "Introduce a weekly assessment tracker reviewed by team managers and reported to the Improvement Board each month.",
            "amber",
            ["IN 3"],
        ),
        ("A3", "Audit twenty assessments a month against the new standard", "red", ["IN 3.2"]),
    ):
        c.action(
            ref,
            theme,
            action,
            owners=["Head of Service Assessment"],
            sources=sources,
            progress_rag=rag,
            due_date="2025-03-31",
        )
    theme = c.theme("2", "Strengthen the child protection conference service")
    ws.append(["Recommendation 2: Strengthen the child protection conference service"])
    start = ws.max_row + 1
    ws.append(
        [
            "IN 4",
            "B1",
            "Recruit two additional child protection chairs",
            "Safeguarding Service Manager",
            "Q3 2024/25",
            "B",
            "Both in post",
        ]
    )
    ws.append(
        [
            "IN 4",
            "B2",
            "Introduce mid-point reviews of every child protection plan",
            "Safeguarding Service Manager",
            "Q3 2024/25",
            None,
            "",
        ]
    )
    ws.merge_cells(start_row=start, start_column=6, end_row=ws.max_row, end_column=6)
    c.action(
        "B1",
        theme,
        "Recruit two additional child protection chairs",
        owners=["Safeguarding Service Manager"],
        sources=["IN 4"],
        progress_rag="blue",
        due_date="2024-12-31",
    )
    c.action(
        "B2",
        theme,
        "Introduce mid-point reviews of every child protection plan",
        owners=["Safeguarding Service Manager"],
        sources=["IN 4"],
        progress_rag="blue",
        due_date="2024-12-31",
    )
    ws.append(
        [
            "IN 4.1",
            "B3a",
            "Chairs to challenge drift at every review conference",
            "Child Protection Chairs",
            "Ongoing",
            "G",
            "Escalations logged",
        ]
    )
    ws.append(
        [
            "IN 4.1",
            "B3b",
            "Report escalations quarterly to the Safeguarding Partnership",
            "Safeguarding Service Manager & Partnership Business Manager",
            "30 June 2025",
            "Gr",
            "",
        ]
    )
    c.action(
        "B3a",
        theme,
        "Chairs to challenge drift at every review conference",
        owners=["Child Protection Chairs"],
        sources=["IN 4.1"],
        progress_rag="green",
        due_date=None,
    )
    c.action(
        "B3b",
        theme,
        "Report escalations quarterly to the Safeguarding Partnership",
        owners=["Safeguarding Service Manager", "Partnership Business Manager"],
        sources=["IN 4.1"],
        progress_rag="grey",
        due_date="2025-06-30",
    )
    ws.append(["NB: the Department for Education's adviser reviews progress against the notice every quarter."])
    theme = c.theme("3", "Stabilise the workforce")
    ws.append(["Recommendation 3: Stabilise the workforce"])
    ws.append(
        [
            "IN 6",
            "C1",
            "Launch a recruitment and retention offer for experienced social workers",
            "Head of Workforce Development",
            "31 January 2025",
            "G",
            "Offer agreed by Cabinet",
        ]
    )
    c.action(
        "C1",
        theme,
        "Launch a recruitment and retention offer for experienced social workers",
        owners=["Head of Workforce Development"],
        sources=["IN 6"],
        progress_rag="green",
        due_date="2025-01-31",
    )
    ws.append([])
    ws.append(["Total actions: 8", None, "B: 2   G: 3   A: 1   R: 1   Gr: 1"])
    return c


def partnership_business_plan():
    c = Corpus(
        "partnership_business_plan",
        """Safeguarding children partnership business plan: "Priority N:" rows each followed by
        "Lead:", "Objective:" and "Why this matters:" rows; "Business as usual" and "Change
        priorities" sub-headings giving the category of the actions below; refs 1a, 1b; headers
        "What we will do", "Responsible", "By when", "Measure of success"; owners joined by "and"
        and "&" where one role itself holds "&" ("Learning & Development Officer"); month-name
        dates; RAG words including "Blue - complete" and "Not yet due".""",
        title="Southmoor Safeguarding Children Partnership – Business Plan 2024–26",
    )
    ws = c.sheet("Business plan", first=True)
    ws.append(["Southmoor Safeguarding Children Partnership – Business Plan 2024–26"])
    ws.append(["Approved by the Partnership Executive, 12 April 2024"])
    ws.append([])
    ws.append(["Ref", "What we will do", "Responsible", "By when", "Measure of success", "RAG"])
    priorities = [
        (
            "1",
            "Neglect",
            "Chair of the Neglect Strategy Group",
            "Children living with neglect are identified early and helped effectively",
            "Neglect is the most common category of child protection plan in Southmoor.",
            [
                (
                    "business_fundamental",
                    "1a",
                    "Maintain the multi-agency neglect toolkit and its training offer",
                    "Learning & Development Officer and Partnership Business Manager",
                    ["Learning & Development Officer", "Partnership Business Manager"],
                    "September 2024",
                    "2024-09-30",
                    "Blue - complete",
                    "blue",
                ),
                (
                    "business_fundamental",
                    "1b",
                    "Audit the use of the neglect toolkit in child in need plans each year",
                    "Head of Service CIN/CP & Designated Nurse",
                    ["Head of Service CIN/CP", "Designated Nurse"],
                    "March 2025",
                    "2025-03-31",
                    "Green",
                    "green",
                ),
                (
                    "change_priority",
                    "1c",
                    "Introduce a neglect screening tool for health visitors and school nurses",
                    "Designated Nurse",
                    ["Designated Nurse"],
                    "June 2025",
                    "2025-06-30",
                    "Amber",
                    "amber",
                ),
                (
                    "change_priority",
                    "1d",
                    "Pilot a family neglect support worker in two localities",
                    "Head of Early Help",
                    ["Head of Early Help"],
                    "March 2026",
                    "2026-03-31",
                    "Not yet due",
                    "grey",
                ),
            ],
        ),
        (
            "2",
            "Child exploitation",
            "Detective Superintendent, Public Protection",
            "Children at risk of exploitation are safe and disrupted from harm",
            "Exploitation referrals rose by a third in 2023–24.",
            [
                (
                    "business_fundamental",
                    "2a",
                    "Run the monthly multi-agency exploitation risk meeting",
                    "Exploitation Coordinator",
                    ["Exploitation Coordinator"],
                    "April 2025",
                    "2025-04-30",
                    "Green",
                    "green",
                ),
                (
                    "change_priority",
                    "2b",
                    "Adopt the contextual safeguarding approach in two secondary schools",
                    "Education Safeguarding Lead and Youth Service Manager",
                    ["Education Safeguarding Lead", "Youth Service Manager"],
                    "December 2024",
                    "2024-12-31",
                    "Red",
                    "red",
                ),
            ],
        ),
        (
            "3",
            "Learning from reviews",
            "Independent Scrutineer",
            "Learning from reviews changes practice",
            "Two local child safeguarding practice reviews are due to publish in 2024.",
            [
                (
                    "business_fundamental",
                    "3a",
                    "Publish a seven-minute briefing for every local review within a month of sign-off",
                    "Partnership Business Manager",
                    ["Partnership Business Manager"],
                    "Ongoing",
                    None,
                    "Green",
                    "green",
                ),
                (
                    "change_priority",
                    "3b",
                    "Test the impact of review learning through a practitioner survey",
                    "Quality Assurance Officer & Learning & Development Officer",
                    ["Quality Assurance Officer", "Learning & Development Officer"],
                    "February 2025",
                    "2025-02-28",
                    "Amber",
                    "amber",
                ),
            ],
        ),
    ]
    for number, title, lead, objective, why, rows in priorities:
        theme = c.theme(number, title)
        ws.append([f"Priority {number}: {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.append([f"Lead: {lead}"])
        ws.append([f"Objective: {objective}"])
        ws.append([f"Why this matters: {why}"])
        current = None
        for category, ref, action, owner, owners, when, due, rag_text, rag in rows:
            if category != current:
                ws.append(["Business as usual" if category == "business_fundamental" else "Change priorities"])
                ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
                current = category
            ws.append([ref, action, owner, when, "Evidence reported to the Partnership Executive", rag_text])
            c.action(ref, theme, action, owners=owners, progress_rag=rag, category=category, due_date=due)
    return c


def send_wsoa_area_column():
    c = Corpus(
        "send_wsoa_area_column",
        """SEND written statement of action tracker: a cover sheet and a glossary sheet around the
        plan sheet; the theme is an "Area for improvement" column repeated on every row ("1. The
        timeliness…"); refs 1.1.1; "Lead officer", "Completion date" as dd/mm/yyyy text and real
        dates, "Measure of success"; RAG words with a suffix ("Green - on track") under "RAG
        (progress)" and "Impact RAG"; owners joined by ";", "and", and one role holding "&".""",
        title="Riverford Local Area SEND Written Statement of Action – monitoring tracker",
    )
    ws = c.sheet("Cover", first=True)
    ws.append(["Riverford Local Area Partnership"])
    ws.append(["Written Statement of Action following the joint Ofsted and CQC SEND inspection, May 2023"])
    ws.append(["Owned by the SEND Improvement Board"])
    ws = c.sheet("WSoA")
    ws.append(["Riverford Local Area SEND Written Statement of Action – monitoring tracker"])
    ws.append(["Last updated: 15/01/2025"])
    ws.append([])
    ws.append(
        [
            "Area for improvement",
            "Action ref",
            "Action",
            "Lead officer",
            "Completion date",
            "Measure of success",
            "RAG (progress)",
            "Impact RAG",
        ]
    )
    areas = {
        "1": "The timeliness and quality of education, health and care plans",
        "2": "Joint commissioning of therapies",
        "3": "Co-production with parents and carers",
    }
    rows = [
        (
            "1",
            "1.1.1",
            "Recruit four additional EHC plan coordinators",
            "SEND Service Manager; Head of SEND & Inclusion",
            ["SEND Service Manager", "Head of SEND & Inclusion"],
            "31/03/2024",
            "2024-03-31",
            "Blue - complete",
            "blue",
            "Green",
            "green",
        ),
        (
            "1",
            "1.1.2",
            "Introduce a multi-agency quality assurance panel for new EHC plans",
            "Head of SEND & Inclusion",
            ["Head of SEND & Inclusion"],
            day("2024-09-30"),
            "2024-09-30",
            "Green - on track",
            "green",
            "Amber",
            "amber",
        ),
        (
            "1",
            "1.2.1",
            "Issue 60% of new EHC plans within 20 weeks",
            "SEND Service Manager",
            ["SEND Service Manager"],
            "31/03/2025",
            "2025-03-31",
            "Amber - some slippage",
            "amber",
            "Amber",
            "amber",
        ),
        (
            "2",
            "2.1.1",
            "Agree a joint speech and language therapy specification with the ICB",
            "Designated Clinical Officer and Joint Commissioning Manager",
            ["Designated Clinical Officer", "Joint Commissioning Manager"],
            day("2024-12-31"),
            "2024-12-31",
            "Red - off track",
            "red",
            "Red",
            "red",
        ),
        (
            "2",
            "2.1.2",
            "Reduce waits for occupational therapy assessment to 18 weeks",
            "Designated Clinical Officer",
            ["Designated Clinical Officer"],
            "30/09/2025",
            "2025-09-30",
            "Green - on track",
            "green",
            "Not yet due",
            "grey",
        ),
        (
            "3",
            "3.1.1",
            "Co-produce the local offer website with the parent carer forum",
            "Parent Carer Forum Chair; SEND Participation Officer",
            ["Parent Carer Forum Chair", "SEND Participation Officer"],
            "31/07/2024",
            "2024-07-31",
            "Blue - complete",
            "blue",
            "Green",
            "green",
        ),
        (
            "3",
            "3.1.2",
            "Run termly 'you said, we did' events for families",
            "SEND Participation Officer",
            ["SEND Participation Officer"],
            day("2025-07-31"),
            "2025-07-31",
            "Green - on track",
            "green",
            "Amber",
            "amber",
        ),
    ]
    for number, title in areas.items():
        c.theme(number, title)
    for number, ref, action, owner, owners, when, due, progress, progress_rag, impact, impact_rag in rows:
        ws.append([f"{number}. {areas[number]}", ref, action, owner, when, "Performance dashboard", progress, impact])
        c.action(
            ref, areas[number], action, owners=owners, progress_rag=progress_rag, impact_rag=impact_rag, due_date=due
        )
    ws = c.sheet("Glossary")
    ws.append(["Term", "Meaning"])
    ws.append(["EHC plan", "Education, health and care plan"])
    ws.append(["ICB", "Integrated care board"])
    ws.append(["DCO", "Designated Clinical Officer"])
    return c


def send_app_fill_key():
    c = Corpus(
        "send_app_fill_key",
        """SEND accelerated progress plan whose RAG column is empty: the rating is the cell's fill
        colour only, with a colour key in the rows above the header using the plan's own shades
        (yellow for "Some risk", light green for "On track"). Theme rows "Priority D:" with letter
        refs D.1 / E.2; owners on separate lines; a progress column named after its month.""",
        title="Lowfield Local Area Partnership – SEND Accelerated Progress Plan",
        skipped_rows_at_least=1,
    )
    ws = c.sheet("APP", first=True)
    ws.append(["Lowfield Local Area Partnership – SEND Accelerated Progress Plan"])
    ws.append(["Key:", "Complete", "On track", "Some risk", "Off track", "Not started"])
    key = {"blue": "FF00B0F0", "green": "FF92D050", "amber": "FFFFFF00", "red": "FFC00000", "grey": "FFBFBFBF"}
    for column, rag in enumerate(("blue", "green", "amber", "red", "grey"), start=2):
        ws.cell(row=2, column=column).fill = fill(key[rag])
    ws.append([])
    ws.append(["Ref", "Priority action", "Responsible", "Deadline", "Progress (January 2025)", "RAG"])
    themes = [
        (
            "D",
            "Identification of need at SEN support",
            [
                (
                    "D.1",
                    "Train every SENCo in the graduated approach toolkit",
                    "Head of SEND\nPrincipal Educational Psychologist",
                    ["Head of SEND", "Principal Educational Psychologist"],
                    "Dec 2024",
                    "2024-12-31",
                    "blue",
                ),
                (
                    "D.2",
                    "Introduce termly SEN support audits in primary schools",
                    "School Improvement Lead",
                    ["School Improvement Lead"],
                    "Jul 2025",
                    "2025-07-31",
                    "green",
                ),
                (
                    "D.3",
                    "Publish SEN support data by school to the partnership board",
                    "SEND Data Lead",
                    ["SEND Data Lead"],
                    "Mar 2025",
                    "2025-03-31",
                    "amber",
                ),
            ],
        ),
        (
            "E",
            "Preparation for adulthood",
            [
                (
                    "E.1",
                    "Start preparing-for-adulthood reviews from Year 9 in every EHC plan",
                    "Preparing for Adulthood Manager",
                    ["Preparing for Adulthood Manager"],
                    "Sep 2025",
                    "2025-09-30",
                    "red",
                ),
                (
                    "E.2",
                    "Agree a supported internship offer with two further education colleges",
                    "Preparing for Adulthood Manager\nPost-16 Commissioning Lead",
                    ["Preparing for Adulthood Manager", "Post-16 Commissioning Lead"],
                    "Jan 2026",
                    "2026-01-31",
                    "grey",
                ),
            ],
        ),
    ]
    for letter, title, rows in themes:
        theme = c.theme(letter, title)
        ws.append([f"Priority {letter}: {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, action, owner, owners, when, due, rag in rows:
            ws.append([ref, action, owner, when, "See highlight report", None])
            ws.cell(row=ws.max_row, column=6).fill = fill(key[rag])
            c.action(ref, theme, action, owners=owners, progress_rag=rag, due_date=due)
    return c


def youth_justice_plan():
    c = Corpus(
        "youth_justice_plan",
        """Youth justice plan delivery tracker: "SECTION A – …" theme rows; refs written "Action
        1"; an objective column repeated per row; owners joined by ";"; target dates as
        financial-year quarters ("Q1 2025/26" is the end of June 2025), month names and "Ongoing";
        status words (Achieved, On track, Partially, Delayed, Not started); a blank spacer and two
        totals rows under the table.""",
        title="Westbrook Youth Justice Service – Youth Justice Plan 2024/25: delivery tracker",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("Delivery plan", first=True)
    ws.append(["Westbrook Youth Justice Service – Youth Justice Plan 2024/25: delivery tracker"])
    ws.append([])
    ws.append(["No.", "Objective", "Action", "Lead", "Target date", "RAG", "Update (Q2)"])
    sections = [
        (
            "A",
            "Governance and partnership",
            [
                (
                    "Action 1",
                    "Board members understand their duties",
                    "Run an induction for every new management board member",
                    "YJS Head of Service; Chair of the YJ Management Board",
                    ["YJS Head of Service", "Chair of the YJ Management Board"],
                    "Q1 2025/26",
                    "2025-06-30",
                    "On track",
                    "green",
                ),
                (
                    "Action 2",
                    "The board hears children's voices",
                    "Hold two board meetings a year co-chaired by young people",
                    "Participation Officer",
                    ["Participation Officer"],
                    "Ongoing",
                    None,
                    "Achieved",
                    "blue",
                ),
            ],
        ),
        (
            "B",
            "Prevention and diversion",
            [
                (
                    "Action 3",
                    "Fewer first-time entrants",
                    "Extend the Turnaround programme to children aged 10 to 17 on the edge of the justice system",
                    "Prevention Team Manager",
                    ["Prevention Team Manager"],
                    "Q4 2024/25",
                    "2025-03-31",
                    "Partially",
                    "amber",
                ),
                (
                    "Action 4",
                    "Diversion decisions are consistent",
                    "Introduce a joint decision-making panel with the police for out-of-court disposals",
                    "Police Inspector Youth Justice; YJS Operational Manager",
                    ["Police Inspector Youth Justice", "YJS Operational Manager"],
                    "September 2025",
                    "2025-09-30",
                    "Delayed",
                    "red",
                ),
            ],
        ),
        (
            "C",
            "Serious youth violence",
            [
                (
                    "Action 5",
                    "Children carrying knives are identified and helped",
                    "Deliver knife crime awareness sessions in every secondary school",
                    "Community Safety Manager",
                    ["Community Safety Manager"],
                    "Q3 2024/25",
                    "2024-12-31",
                    "On track",
                    "green",
                ),
                (
                    "Action 6",
                    "Victims of youth violence are supported",
                    "Offer every child victim a referral to the victim support worker within five days",
                    "Victim Liaison Officer",
                    ["Victim Liaison Officer"],
                    "Q2 2025/26",
                    "2025-09-30",
                    "Not started",
                    "grey",
                ),
            ],
        ),
    ]
    for letter, title, rows in sections:
        theme = c.theme(letter, title)
        ws.append([f"SECTION {letter} – {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, objective, action, owner, owners, when, due, status, rag in rows:
            ws.append([ref, objective, action, owner, when, status, "Update given to the board in October"])
            c.action(ref, theme, action, owners=owners, progress_rag=rag, due_date=due)
    ws.append([])
    ws.append(["Total actions", 6])
    ws.append(["Achieved", 1, "On track", 2, "Partially", 1, "Delayed", 1])
    return c


def numbered_merged_themes():
    c = Corpus(
        "numbered_merged_themes",
        """Post-ILACS plan whose themes are numbered rows merged across the whole table ("1. The
        quality of child protection planning"); headers "No", "Inspection report paragraph",
        "Responsible", "Progress RAG", "Impact RAG", "Progress update (December 2024)"; sources
        "ILACS 14 & 15"; RAG letters B/G/A/R/Gr; timescales as real dates and "Monthly"; owners
        joined by commas between two roles; a key line and a source note under the table.""",
        title="Eastmoor Council – Improvement plan following the ILACS inspection (published 9 August 2024)",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("Improvement plan", first=True)
    ws.append(["Eastmoor Council – Improvement plan following the ILACS inspection (published 9 August 2024)"])
    header = [
        "No",
        "What needs to improve",
        "Inspection report paragraph",
        "Action",
        "Responsible",
        "Timescale",
        "Progress RAG",
        "Impact RAG",
        "Progress update (December 2024)",
    ]
    ws.append(header)
    themes = [
        (
            "1",
            "The quality of child protection planning",
            [
                (
                    "1.1",
                    "Plans are not specific",
                    "ILACS 12",
                    ["ILACS 12"],
                    "Introduce SMART outcome-focused child protection plan templates",
                    "Head of Service CIN/CP",
                    ["Head of Service CIN/CP"],
                    day("2024-11-30"),
                    "2024-11-30",
                    "B",
                    "blue",
                    "G",
                    "green",
                ),
                (
                    "1.2",
                    "Core groups do not review progress",
                    "ILACS 14 & 15",
                    ["ILACS 14", "ILACS 15"],
                    "Require core group minutes to record progress against each outcome",
                    "Child Protection Chair Manager, Head of Service CIN/CP",
                    ["Child Protection Chair Manager", "Head of Service CIN/CP"],
                    day("2025-01-31"),
                    "2025-01-31",
                    "G",
                    "green",
                    "A",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Permanence planning for children in care",
            [
                (
                    "2.1",
                    "Permanence is not considered early",
                    "ILACS 21",
                    ["ILACS 21"],
                    "Hold a permanence planning meeting by every child's second review",
                    "Fostering Service Manager, Head of Service Children in Care",
                    ["Fostering Service Manager", "Head of Service Children in Care"],
                    day("2025-02-28"),
                    "2025-02-28",
                    "A",
                    "amber",
                    "A",
                    "amber",
                ),
                (
                    "2.2",
                    "Later-life letters are not written",
                    "ILACS 23",
                    ["ILACS 23"],
                    "Write a later-life letter for every child adopted since 2022",
                    "Adoption Team Manager",
                    ["Adoption Team Manager"],
                    "Monthly",
                    None,
                    "R",
                    "red",
                    "R",
                    "red",
                ),
                (
                    "2.3",
                    "Family time is not reviewed",
                    "ILACS 24",
                    ["ILACS 24"],
                    "Review family time arrangements at every looked-after review",
                    "IRO Service Manager",
                    ["IRO Service Manager"],
                    day("2025-06-30"),
                    "2025-06-30",
                    "Gr",
                    "grey",
                    "Gr",
                    "grey",
                ),
            ],
        ),
        (
            "3",
            "Care leavers' access to suitable accommodation",
            [
                (
                    "3.1",
                    "Some care leavers live in unsuitable accommodation",
                    "ILACS 30",
                    ["ILACS 30"],
                    "Agree a joint housing protocol for care leavers with the housing service",
                    "Head of Service Leaving Care, Housing Options Manager",
                    ["Head of Service Leaving Care", "Housing Options Manager"],
                    day("2025-03-31"),
                    "2025-03-31",
                    "G",
                    "green",
                    "A",
                    "amber",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"{number}. {title}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for (
            ref,
            need,
            source,
            sources,
            action,
            owner,
            owners,
            when,
            due,
            progress,
            progress_rag,
            impact,
            impact_rag,
        ) in rows:
            ws.append([ref, need, source, action, owner, when, progress, impact, "Reported to the Improvement Board"])
            c.action(
                ref,
                theme,
                action,
                owners=owners,
                sources=sources,
                progress_rag=progress_rag,
                impact_rag=impact_rag,
                due_date=due,
            )
    ws.append([])
    ws.append(["Key: B = complete, G = on track, A = at risk, R = off track, Gr = not started"])
    ws.append(["Source: paragraphs as numbered in the published ILACS report."])
    return c


def focused_visit_theme_column():
    c = Corpus(
        "focused_visit_theme_column",
        """Focused visit action plan: a "Theme" column repeated on every row instead of theme rows;
        refs are plain numbers (1, 2, 3 as numeric cells); a "Letter ref" source column ("FV 2");
        status words Done / In progress / Overdue / Not yet due / Cancelled (the cancelled action
        is kept as closed); blank spacer rows between themes; an action whose text runs on to the
        next row with every other cell empty; owners joined by "&"; dates as dd/mm/yyyy text.""",
        title="Southfield Children's Services – Focused visit action plan",
    )
    ws = c.sheet("Action plan", first=True)
    ws.append(["Southfield Children's Services – Focused visit action plan"])
    ws.append(["No.", "Theme", "Letter ref", "Action", "Responsible", "Due", "Status", "Notes"])
    rows = [
        (
            1,
            "Front door and MASH",
            "FV 1",
            "Move all contacts to a single digital front door form",
            None,
            "MASH Team Manager & Police MASH Detective Inspector",
            ["MASH Team Manager", "Police MASH Detective Inspector"],
            "28/02/2025",
            "2025-02-28",
            "Done",
            "blue",
        ),
        (
            2,
            "Front door and MASH",
            "FV 2",
            "Record the rationale for every threshold decision on the child's file",
            "and audit a sample of twenty decisions each month",
            "MASH Team Manager",
            ["MASH Team Manager"],
            "31/03/2025",
            "2025-03-31",
            "In progress",
            "green",
        ),
        (None, None, None, None, None, None, None, None, None, None, None),
        (
            3,
            "Children with disabilities",
            "FV 4",
            "Complete outstanding assessments of children with disabilities",
            None,
            "Disabled Children's Team Manager",
            ["Disabled Children's Team Manager"],
            "31/12/2024",
            "2024-12-31",
            "Overdue",
            "red",
        ),
        (
            4,
            "Children with disabilities",
            "FV 5",
            "Commission an independent review of short breaks",
            None,
            "Head of Service Disabled Children",
            ["Head of Service Disabled Children"],
            "30/06/2025",
            "2025-06-30",
            "Cancelled",
            "closed",
        ),
        (None, None, None, None, None, None, None, None, None, None, None),
        (
            5,
            "Care leavers",
            "FV 6",
            "Offer every care leaver a health passport",
            None,
            "Leaving Care Team Manager & Children in Care Nurse",
            ["Leaving Care Team Manager", "Children in Care Nurse"],
            "31/07/2025",
            "2025-07-31",
            "Not yet due",
            "grey",
        ),
    ]
    themes = {}
    for ref, theme_title, source, action, more, owner, owners, when, due, status, rag in rows:
        if ref is None:
            ws.append([])
            continue
        if theme_title not in themes:
            themes[theme_title] = c.theme(str(len(themes) + 1), theme_title)
        ws.append([ref, theme_title, source, action, owner, when, status, ""])
        if more:
            ws.append([None, None, None, more, None, None, None, None])
        text = f"{action} {more}" if more else action
        if rag == "closed":
            c.action(str(ref), theme_title, text, owners=owners, sources=[source], due_date=due, closed=True)
        else:
            c.action(str(ref), theme_title, text, owners=owners, sources=[source], progress_rag=rag, due_date=due)
    return c


def fill_colours_offset_table():
    c = Corpus(
        "fill_colours_offset_table",
        """Early help and edge-of-care plan whose table starts at B4 (column A and the first rows
        empty but for a title in B2); the RAG is only the fill colour of an empty "RAG" cell, in
        Excel's standard shades, with no key; "Theme 1 –" rows in column B; owners joined by " / "
        between roles while "Head of Early Help/Prevention" keeps its slash; the header says
        "Derived from" with "Ofsted 2024 para 52" style sources.""",
        title="Greyfield Council – Early Help and Edge of Care Improvement Plan",
    )
    ws = c.sheet("Plan", first=True)
    ws["B2"] = "Greyfield Council – Early Help and Edge of Care Improvement Plan"
    ws["B2"].font = Font(bold=True, size=14)
    header = ["Ref", "Improvement need", "Action", "Derived from", "Action owner", "Timescale", "RAG"]
    for column, text in enumerate(header, start=2):
        ws.cell(row=4, column=column, value=text)
    row = 5
    themes = [
        (
            "1",
            "Early help assessments",
            [
                (
                    "1.1",
                    "Early help assessments vary in quality",
                    "Introduce a single early help assessment across partners",
                    "Ofsted 52",
                    ["Ofsted 52"],
                    "Head of Early Help/Prevention",
                    ["Head of Early Help/Prevention"],
                    day("2024-12-31"),
                    "2024-12-31",
                    GREEN,
                    "green",
                ),
                (
                    "1.2",
                    "Step-down is not planned",
                    "Agree a step-down protocol between social care and early help",
                    "Ofsted 53",
                    ["Ofsted 53"],
                    "Head of Early Help/Prevention / Head of Service CIN/CP",
                    ["Head of Early Help/Prevention", "Head of Service CIN/CP"],
                    day("2025-02-28"),
                    "2025-02-28",
                    AMBER,
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Edge of care",
            [
                (
                    "2.1",
                    "Families in crisis wait for support",
                    "Launch a rapid-response edge of care team",
                    "Ofsted 55",
                    ["Ofsted 55"],
                    "Edge of Care Service Manager",
                    ["Edge of Care Service Manager"],
                    day("2025-04-30"),
                    "2025-04-30",
                    RED,
                    "red",
                ),
                (
                    "2.2",
                    "Family group conferences are offered late",
                    "Offer a family group conference before every pre-proceedings meeting",
                    "Ofsted 56, 57",
                    ["Ofsted 56", "Ofsted 57"],
                    "FGC Coordinator",
                    ["FGC Coordinator"],
                    day("2024-09-30"),
                    "2024-09-30",
                    BLUE,
                    "blue",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        ws.cell(row=row, column=2, value=f"Theme {number} – {title}").font = BOLD
        row += 1
        for ref, need, action, source, sources, owner, owners, when, due, colour, rag in rows:
            for column, value in enumerate([ref, need, action, source, owner, when, None], start=2):
                ws.cell(row=row, column=column, value=value)
            ws.cell(row=row, column=8).fill = fill(colour)
            c.action(ref, theme, action, owners=owners, sources=sources, progress_rag=rag, due_date=due)
            row += 1
    return c


def owner_variants():
    c = Corpus(
        "owner_variants",
        """Children in care sufficiency plan that tests owners: one cell per action joining roles by
        line breaks, ";", " & ", " and ", ", " and " / ", while roles that hold a slash
        ("Head of Service CIN/CP"), an ampersand ("Learning & Development Officer") or a comma
        ("Designated Nurse, Westshire Health") stay whole; "As above" repeating the owners of the
        row above; people's names listed with commas.""",
        title="Westshire Sufficiency and Children in Care Plan 2024-25",
    )
    ws = c.sheet("Sufficiency plan", first=True)
    ws.append(["Westshire Sufficiency and Children in Care Plan 2024-25"])
    ws.append(["Ref", "Action", "Action owner", "Timescale", "RAG"])
    theme = c.theme("1", "Sufficiency of homes for children in care")
    ws.append(["Theme 1: Sufficiency of homes for children in care"])
    rows = [
        (
            "1.1",
            "Recruit thirty new foster carers through the regional fostering hub",
            "Fostering Recruitment Manager\nMarketing Lead",
            ["Fostering Recruitment Manager", "Marketing Lead"],
        ),
        (
            "1.2",
            "Open two council-run children's homes for children with complex needs",
            "Head of Residential Services; Capital Projects Manager",
            ["Head of Residential Services", "Capital Projects Manager"],
        ),
        (
            "1.3",
            "Train foster carers in trauma-informed care",
            "Learning & Development Officer and Fostering Support Manager",
            ["Learning & Development Officer", "Fostering Support Manager"],
        ),
        (
            "1.4",
            "Review health assessments for children placed out of area",
            "Designated Nurse, Westshire Health & Head of Service CIN/CP",
            ["Designated Nurse, Westshire Health", "Head of Service CIN/CP"],
        ),
        (
            "1.5",
            "Report placement stability to the Corporate Parenting Board quarterly",
            "As above",
            ["Designated Nurse, Westshire Health", "Head of Service CIN/CP"],
        ),
        (
            "1.6",
            "Commission supported lodgings for 16 and 17 year olds",
            "Commissioning Manager / Head of Service Leaving Care",
            ["Commissioning Manager", "Head of Service Leaving Care"],
        ),
        (
            "1.7",
            "Run a sufficiency workshop with independent providers",
            "Amira Hussain, Colin Baxter, Ruth Ellis",
            ["Amira Hussain", "Colin Baxter", "Ruth Ellis"],
        ),
    ]
    for ref, action, owner, owners in rows:
        ws.append([ref, action, owner, "March 2025", "Green"])
        c.action(ref, theme, action, owners=owners, progress_rag="green", due_date="2025-03-31")
    return c


def quarterly_tracker_revised_dates():
    c = Corpus(
        "quarterly_tracker_revised_dates",
        """Improvement board tracker with one update column and one RAG column per quarter ("Q1
        update", "Q1 RAG" … "Q3 RAG"): the current RAG is the latest quarter's; an original and a
        revised timescale ("Original timescale", "Revised timescale"), where the revised one, when
        given, is the due date; timescales written as quarters ("Q3 2024/25") and month names;
        theme rows "Workstream 2:".""",
        title="Brookhampton Children's Services – Improvement Board tracker",
    )
    ws = c.sheet("Tracker", first=True)
    ws.append(["Brookhampton Children's Services – Improvement Board tracker"])
    ws.append(
        [
            "Ref",
            "Action",
            "Owner",
            "Original timescale",
            "Revised timescale",
            "Q1 update",
            "Q1 RAG",
            "Q2 update",
            "Q2 RAG",
            "Q3 update",
            "Q3 RAG",
        ]
    )
    workstreams = [
        (
            "1",
            "Quality assurance",
            [
                (
                    "1.1",
                    "Embed the practice quality framework across all teams",
                    "Head of Quality Assurance",
                    "Q2 2024/25",
                    "Q3 2024/25",
                    "2024-12-31",
                    ("Green", "Amber", "Green"),
                    "green",
                ),
                (
                    "1.2",
                    "Publish a monthly practice quality report to the Improvement Board",
                    "Performance Manager",
                    "June 2024",
                    None,
                    "2024-06-30",
                    ("Green", "Blue", "Blue"),
                    "blue",
                ),
            ],
        ),
        (
            "2",
            "Workforce",
            [
                (
                    "2.1",
                    "Reduce agency social workers to below 15%",
                    "Head of Workforce",
                    "Q4 2024/25",
                    "Q2 2025/26",
                    "2025-09-30",
                    ("Amber", "Red", "Red"),
                    "red",
                ),
                (
                    "2.2",
                    "Launch an ASYE academy for newly qualified social workers",
                    "Principal Social Worker",
                    "September 2024",
                    "January 2025",
                    "2025-01-31",
                    ("Grey", "Green", "Amber"),
                    "amber",
                ),
            ],
        ),
    ]
    for number, title, rows in workstreams:
        theme = c.theme(number, title)
        ws.append([f"Workstream {number}: {title}"])
        for ref, action, owner, original, revised, due, (q1, q2, q3), rag in rows:
            ws.append(
                [
                    ref,
                    action,
                    owner,
                    original,
                    revised,
                    "Progress as reported",
                    q1,
                    "Progress as reported",
                    q2,
                    "Progress as reported",
                    q3,
                ]
            )
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def pre_proceedings_notes_rows():
    c = Corpus(
        "pre_proceedings_notes_rows",
        """Pre-proceedings and court work plan with paragraphs between the rows: an introduction
        paragraph above the header, a description row under each theme heading ("Theme 2 –
        Timeliness of care proceedings" followed by a sentence about the theme, which is neither an
        action nor the theme's objective), "Note:" rows and a "Sub-total" row per theme;
        "Completed" / "Not on track" / "At risk" status words; refs 1.1 to 2.3.""",
        title="Harbury Council – Pre-proceedings and Court Work Improvement Plan",
        skipped_rows_at_least=3,
    )
    ws = c.sheet("Plan", first=True)
    ws.append(["Harbury Council – Pre-proceedings and Court Work Improvement Plan"])
    ws.append(
        [
            "This plan responds to the focused visit of November 2023 and the Public Law Outline review. It is reviewed monthly by the Improvement Board."
        ]
    )
    ws.append([])
    ws.append(["Ref", "Action", "Lead", "Timescale", "Status", "Progress update"])
    themes = [
        (
            "1",
            "Use of pre-proceedings",
            "Pre-proceedings should be used purposefully and reviewed within 12 weeks.",
            [
                (
                    "1.1",
                    "Introduce a legal gateway tracker with a 12-week review point",
                    "Legal Gateway Chair",
                    "31 October 2024",
                    "2024-10-31",
                    "Completed",
                    "blue",
                ),
                (
                    "1.2",
                    "Write every letter before proceedings in plain language with the family",
                    "Head of Service Court Work",
                    "31 January 2025",
                    "2025-01-31",
                    "At risk",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Timeliness of care proceedings",
            "Care proceedings should conclude within 26 weeks unless there is good reason.",
            [
                (
                    "2.1",
                    "Agree a local protocol with the family court and Cafcass",
                    "Head of Service Court Work",
                    "31 December 2024",
                    "2024-12-31",
                    "Not on track",
                    "red",
                ),
                (
                    "2.2",
                    "Complete parenting assessments within eight weeks",
                    "Assessment Team Manager",
                    "31 March 2025",
                    "2025-03-31",
                    "On track",
                    "green",
                ),
                (
                    "2.3",
                    "Track the age of every case in proceedings at the weekly performance meeting",
                    "Performance Manager",
                    "30 November 2024",
                    "2024-11-30",
                    "Completed",
                    "blue",
                ),
            ],
        ),
    ]
    for number, title, about, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"Theme {number} – {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.append([about])
        for ref, action, owner, when, due, status, rag in rows:
            ws.append([ref, action, owner, when, status, "See monthly report"])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
        ws.append(["Note: dates agreed at the Improvement Board in September 2024."])
        ws.append(["Sub-total", f"{len(rows)} actions"])
    return c


def merged_theme_column():
    c = Corpus(
        "merged_theme_column",
        """Post-ILACS plan whose first column is the theme, one cell merged down over all of that
        theme's actions ("1 – Voice of the child"), so only the first row of each theme holds it;
        the source column "Ofsted para" holds "Ofsted 19, 20" style values; header labels with line
        breaks inside them ("Action\nowner", "Target\ndate"); a RAG column of words and a second,
        unlabelled column of fills that is not a RAG; an instruction row above the header.""",
        title="Kingsbury Children's Services – Practice Improvement Plan 2024-25",
        skipped_rows_at_least=1,
    )
    ws = c.sheet("Practice plan", first=True)
    ws.append(["Kingsbury Children's Services – Practice Improvement Plan 2024-25"])
    ws.append(["Please update the RAG and commentary by the fifth working day of each month."])
    ws.append(["Theme", "Ref", "Action", "Ofsted para", "Action\nowner", "Target\ndate", "RAG", "Commentary"])
    themes = [
        (
            "1",
            "Voice of the child",
            [
                (
                    "1.1",
                    "Record children's wishes and feelings in their own words in every assessment",
                    "Ofsted 19, 20",
                    ["Ofsted 19", "Ofsted 20"],
                    "Principal Social Worker",
                    ["Principal Social Worker"],
                    day("2025-01-31"),
                    "2025-01-31",
                    "Green",
                    "green",
                ),
                (
                    "1.2",
                    "Offer an advocate to every child subject to a child protection conference",
                    "Ofsted 21",
                    ["Ofsted 21"],
                    "Safeguarding Service Manager",
                    ["Safeguarding Service Manager"],
                    day("2024-12-31"),
                    "2024-12-31",
                    "Complete",
                    "blue",
                ),
                (
                    "1.3",
                    "Use direct work tools in every child in need visit",
                    "Ofsted 22",
                    ["Ofsted 22"],
                    "Head of Service CIN/CP",
                    ["Head of Service CIN/CP"],
                    day("2025-03-31"),
                    "2025-03-31",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Quality of plans",
            [
                (
                    "2.1",
                    "Write every child's plan with the family using the family-friendly template",
                    "Ofsted 27",
                    ["Ofsted 27"],
                    "Head of Service CIN/CP",
                    ["Head of Service CIN/CP"],
                    day("2025-02-28"),
                    "2025-02-28",
                    "Red",
                    "red",
                ),
                (
                    "2.2",
                    "Review plans for children on a plan for more than nine months at a legal gateway",
                    "Ofsted 28",
                    ["Ofsted 28"],
                    "Legal Gateway Chair",
                    ["Legal Gateway Chair"],
                    day("2025-04-30"),
                    "2025-04-30",
                    "Not started",
                    "grey",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        first = ws.max_row + 1
        for index, (ref, action, source, sources, owner, owners, when, due, word, rag) in enumerate(rows):
            ws.append(
                [
                    f"{number} – {title}" if index == 0 else None,
                    ref,
                    action,
                    source,
                    owner,
                    when,
                    word,
                    "Reported monthly",
                ]
            )
            ws.cell(row=ws.max_row, column=9).fill = fill("FFDDEBF7")  # banding, not a RAG
            c.action(ref, theme, action, owners=owners, sources=sources, progress_rag=rag, due_date=due)
        ws.merge_cells(start_row=first, start_column=1, end_row=ws.max_row, end_column=1)
    return c


def version_table_and_intro():
    c = Corpus(
        "version_table_and_intro",
        """Plan whose header is on row 12: above it the council's name, the plan's name, a "Version
        control" table with a header row of its own (Version / Date / Author / Changes: not the
        plan's header, its rows not actions), a vision statement and a how-to-read paragraph.
        "Outcome N:" theme rows; "Accountable lead"; RAG words with "Not yet due" for impact.""",
        title="Ashcombe Council – Children's Services Improvement Plan 2025–2027",
    )
    ws = c.sheet("Improvement plan", first=True)
    ws.append(["Ashcombe Council – Children's Services Improvement Plan 2025–2027"])
    ws.append([])
    ws.append(["Version control"])
    ws.append(["Version", "Date", "Author", "Changes"])
    ws.append(["1.0", day("2025-01-10"), "Improvement Programme Manager", "First draft for the Improvement Board"])
    ws.append(
        [
            "1.1",
            day("2025-02-14"),
            "Improvement Programme Manager",
            "Board comments added; actions 2.2 and 2.3 reworded",
        ]
    )
    ws.append([])
    ws.append(["Our vision: every child in Ashcombe grows up safe, loved and with the chance to thrive."])
    ws.append(
        [
            "How to read this plan: each action has one accountable lead; RAG ratings are reviewed monthly by the Improvement Board."
        ]
    )
    ws.append([])
    ws.append([])
    ws.append(
        ["Ref", "Improvement need", "Action", "Source", "Accountable lead", "Timescale", "Progress RAG", "Impact RAG"]
    )
    outcomes = [
        (
            "1",
            "Children at risk are protected quickly",
            [
                (
                    "1.1",
                    "Strategy discussions are not always held promptly",
                    "Hold every strategy discussion within one working day of the decision",
                    "ILACS 12",
                    ["ILACS 12"],
                    "Head of Service Assessment and Intervention",
                    day("2025-04-30"),
                    "2025-04-30",
                    "Green",
                    "green",
                    "Amber",
                    "amber",
                ),
                (
                    "1.2",
                    "Section 47 enquiries are not consistently completed",
                    "Audit every section 47 enquiry not completed within 15 working days",
                    "ILACS 13",
                    ["ILACS 13"],
                    "Quality Assurance Manager",
                    day("2025-06-30"),
                    "2025-06-30",
                    "Amber",
                    "amber",
                    "Not yet due",
                    "grey",
                ),
            ],
        ),
        (
            "2",
            "Children in care live in stable homes",
            [
                (
                    "2.1",
                    "Too many children move home more than twice a year",
                    "Hold a stability meeting when a child's home is at risk of breaking down",
                    "ILACS 30",
                    ["ILACS 30"],
                    "Head of Service Children in Care",
                    day("2025-05-31"),
                    "2025-05-31",
                    "Red",
                    "red",
                    "Red",
                    "red",
                ),
                (
                    "2.2",
                    "Sufficiency of local foster homes",
                    "Recruit twenty new local foster carers",
                    "ILACS 31",
                    ["ILACS 31"],
                    "Fostering Service Manager",
                    day("2026-03-31"),
                    "2026-03-31",
                    "Green",
                    "green",
                    "Not yet due",
                    "grey",
                ),
                (
                    "2.3",
                    "Children's views on where they live are not heard",
                    "Ask every child about their home at each review and report the themes quarterly",
                    "ILACS 32",
                    ["ILACS 32"],
                    "IRO Service Manager",
                    day("2025-03-31"),
                    "2025-03-31",
                    "Blue",
                    "blue",
                    "Green",
                    "green",
                ),
            ],
        ),
    ]
    for number, title, rows in outcomes:
        theme = c.theme(number, title)
        ws.append([f"Outcome {number}: {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, need, action, source, sources, owner, when, due, progress, progress_rag, impact, impact_rag in rows:
            ws.append([ref, need, action, source, owner, when, progress, impact])
            c.action(
                ref,
                theme,
                action,
                owners=[owner],
                sources=sources,
                progress_rag=progress_rag,
                impact_rag=impact_rag,
                due_date=due,
            )
    return c


def outcomes_sheet_then_plan():
    c = Corpus(
        "outcomes_sheet_then_plan",
        """Two sheets: first an outcomes framework (measures with a baseline, a target, quarterly
        figures and a RAG: a table that looks like a plan but holds no actions, no owners and no
        refs), then the action plan with "Outcome N –" theme rows, an "Action ref" column, an
        "Owner" column and a "RAG status" column.""",
        title="Fernley Children's Services – Action plan 2024-25",
    )
    ws = c.sheet("Outcomes framework", first=True)
    ws.append(["Fernley Children's Services – Outcomes framework 2024-25"])
    ws.append(["Measure", "Baseline (Mar 2024)", "Target (Mar 2025)", "Q1", "Q2", "Q3", "RAG"])
    for measure, values, rag in (
        ("Re-referrals within 12 months", ("24%", "20%", "23%", "22%", "21%"), "Amber"),
        ("Assessments completed within 45 working days", ("71%", "85%", "78%", "83%", "86%"), "Green"),
        ("Children seen alone at their last visit", ("64%", "90%", "70%", "72%", "74%"), "Red"),
        ("Care leavers in suitable accommodation", ("88%", "95%", "90%", "91%", "93%"), "Green"),
    ):
        ws.append([measure, *values, rag])
    ws = c.sheet("Action plan")
    ws.append(["Fernley Children's Services – Action plan 2024-25"])
    ws.append(["Action ref", "Action", "Owner", "Deadline", "RAG status"])
    outcomes = [
        (
            "1",
            "Fewer children are referred again",
            [
                (
                    "1.1",
                    "Review every re-referral within 12 months at the weekly front door meeting",
                    "Front Door Service Manager",
                    day("2024-12-31"),
                    "2024-12-31",
                    "Green",
                    "green",
                ),
                (
                    "1.2",
                    "Step families down to early help with a named lead worker",
                    "Head of Early Help",
                    day("2025-03-31"),
                    "2025-03-31",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Children are seen and heard",
            [
                (
                    "2.1",
                    "Record whether the child was seen alone at every statutory visit",
                    "Principal Social Worker",
                    day("2024-10-31"),
                    "2024-10-31",
                    "Blue",
                    "blue",
                ),
                (
                    "2.2",
                    "Introduce a 'child's voice' audit question in monthly audits",
                    "Quality Assurance Manager",
                    day("2025-01-31"),
                    "2025-01-31",
                    "Red",
                    "red",
                ),
            ],
        ),
    ]
    for number, title, rows in outcomes:
        theme = c.theme(number, title)
        ws.append([f"Outcome {number} – {title}"])
        for ref, action, owner, when, due, word, rag in rows:
            ws.append([ref, action, owner, when, word])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def area_for_improvement_lead_timescale():
    c = Corpus(
        "area_for_improvement_lead_timescale",
        """Post-Ofsted plan in the Shropshire style: "Area for Improvement 1:" alone on a row with
        the area's title on the next row and a description row after it; the first header on two
        lines ("Reporting / Mechanism", "Lead and / Timescale", "Progress / RAG"), then repeated on
        one line for the next area; lead and timescale in one cell ("SM QA" over "Jan 2025"); an
        action's second line on its own row; progress and impact RAG words.""",
        title="MARLOW CHILDREN'S SERVICES POST OFSTED IMPROVEMENT ACTION PLAN",
    )
    ws = c.sheet("Action plan", first=True)
    ws.append(["MARLOW CHILDREN'S SERVICES POST OFSTED IMPROVEMENT ACTION PLAN"])
    ws.append(["Area for Improvement 1:"])
    ws.append(["Quality of Practice"])
    ws.append(["The quality of practice will evidence it is consistently good or outstanding."])
    ws.append(
        [
            "Ref",
            "Actions",
            "Expected Impact/Outcome",
            "Impact Measure",
            "Reporting",
            "Lead and",
            "Progress to date",
            "Progress",
            "Impact",
        ]
    )
    ws.append([None, None, None, None, "Mechanism", "Timescale", None, "RAG", "RAG"])
    theme = c.theme("1", "Quality of Practice")
    ws.append(
        [
            "1.1",
            "Strengthen the quality assurance framework so that audits",
            "Audits drive better practice",
            "90% of audits graded good",
            "Monthly QA report",
            "SM QA\nJan 2025",
            "Framework revised",
            "Green",
            "Amber",
        ]
    )
    ws.append(
        [
            None,
            "are moderated and their learning shared with every team.",
            None,
            None,
            None,
            None,
            "Moderation panel meets monthly",
            None,
            None,
        ]
    )
    c.action(
        "1.1",
        theme,
        "Strengthen the quality assurance framework so that audits are moderated and their learning shared with every team.",
        owners=["SM QA"],
        progress_rag="green",
        impact_rag="amber",
        due_date="2025-01-31",
    )
    ws.append(
        [
            "1.2",
            "Introduce practice observations for every social worker each year",
            "Practice is consistent",
            "Observations completed",
            "Quarterly workforce report",
            "Principal Social Worker\n31st March 2025",
            "Pilot complete",
            "Blue",
            "Green",
        ]
    )
    c.action(
        "1.2",
        theme,
        "Introduce practice observations for every social worker each year",
        owners=["Principal Social Worker"],
        progress_rag="blue",
        impact_rag="green",
        due_date="2025-03-31",
    )
    ws.append(["Area for Improvement 2:"])
    ws.append(["Child Protection"])
    ws.append(["Children subject to child protection plans are safeguarded and their plans progress without drift."])
    ws.append(
        [
            "Ref",
            "Actions",
            "Expected Impact/Outcome",
            "Impact Measure",
            "Reporting\nMechanism",
            "Lead and\nTimescale",
            "Progress to date",
            "Progress\nRAG",
            "Impact\nRAG",
        ]
    )
    theme = c.theme("2", "Child Protection")
    ws.append(
        [
            "2.1",
            "Hold strategy discussions within one working day",
            "Children are safeguarded promptly",
            "Timeliness of strategy discussions",
            "Monthly Improvement Board",
            "Head of Service\n12/12/2024",
            "Training delivered",
            "Blue",
            "Green",
        ]
    )
    c.action(
        "2.1",
        theme,
        "Hold strategy discussions within one working day",
        owners=["Head of Service"],
        progress_rag="blue",
        impact_rag="green",
        due_date="2024-12-12",
    )
    ws.append(
        [
            "2.2",
            "Review every child protection plan at its mid-point",
            "Plans progress without drift",
            "Mid-point reviews held",
            "Child protection performance report",
            "CP Chair Manager\nApril 2025",
            "Reviews started in January",
            "Amber",
            "Amber",
        ]
    )
    c.action(
        "2.2",
        theme,
        "Review every child protection plan at its mid-point",
        owners=["CP Chair Manager"],
        progress_rag="amber",
        impact_rag="amber",
        due_date="2025-04-30",
    )
    return c


def strategic_aims_unlabelled_ref():
    c = Corpus(
        "strategic_aims_unlabelled_ref",
        """Safeguarding board business plan in the older LSCB style: the ref column has no header
        (found by its values); strategic aims written "1. To lead and coordinate…" as theme rows;
        "Business Fundamentals" and "Change Priorities" rows (one of them in the second column)
        setting the category; capital headers ACTION / LEAD / TIMESCALE / OUTPUT / PROGRESS TO
        DATE and no RAG column; owners as "Name, Role." (one owner) and two roles joined by "and";
        timescales "July 13 – June 14", "Jan 14", "Quarterly".""",
        title="Hartcliffe Safeguarding Children Board Business Plan 2013-14",
    )
    ws = c.sheet("Business plan", first=True)
    ws.append(["Hartcliffe Safeguarding Children Board Business Plan 2013-14"])
    ws.append([None, "ACTION", "LEAD", "TIMESCALE", "OUTPUT", "PROGRESS TO DATE"])
    aims = [
        (
            "1",
            "To lead and coordinate safeguarding arrangements across Hartcliffe",
            [
                (
                    "business_fundamental",
                    "1.1",
                    "Publish the board's annual report and share it with partner agencies",
                    "Julie Hart, Board Business Manager.",
                    ["Julie Hart, Board Business Manager"],
                    "July 13 – June 14",
                    "2014-06-30",
                ),
                (
                    "business_fundamental",
                    "1.2",
                    "Keep the multi-agency procedures up to date",
                    "Procedures Officer",
                    ["Procedures Officer"],
                    "Quarterly",
                    None,
                ),
                (
                    "change_priority",
                    "1.3",
                    "Run a campaign on private fostering arrangements",
                    "Training Officer and Communications Officer",
                    ["Training Officer", "Communications Officer"],
                    "Jan 14",
                    "2014-01-31",
                ),
            ],
        ),
        (
            "2",
            "To learn from practice and improve outcomes for children",
            [
                (
                    "business_fundamental",
                    "2.1",
                    "Review every child death through the child death overview panel",
                    "Child Death Review Manager",
                    ["Child Death Review Manager"],
                    "July 13 – June 14",
                    "2014-06-30",
                ),
                (
                    "change_priority",
                    "2.2",
                    "Evaluate the impact of multi-agency training on practice",
                    "Training Officer",
                    ["Training Officer"],
                    "Mar 14",
                    "2014-03-31",
                ),
            ],
        ),
    ]
    for number, title, rows in aims:
        theme = c.theme(number, title)
        ws.append([f"{number}. {title}"])
        current = None
        for category, ref, action, owner, owners, when, due in rows:
            if category != current:
                if category == "business_fundamental":
                    ws.append(["Business Fundamentals"])
                else:
                    ws.append([None, "Change Priorities"])
                current = category
            ws.append([ref, action, owner, when, "Agreed output", None])
            c.action(ref, theme, action, owners=owners, category=category, due_date=due)
    return c


def dates_as_typed():
    c = Corpus(
        "dates_as_typed",
        """Early help partnership plan whose due dates are typed every way officers type them:
        "31st March 2025", "Mar-25", "31.03.2025", "Sept 2025", "end Q2 2025/26", a real date, an
        ISO text date, and "Ongoing – reviewed monthly" (no due date); theme rows "Priority 1 -"
        with a hyphen; refs "EH1", "EH2".""",
        title="Oakdene Early Help Partnership – Delivery Plan 2024-26",
    )
    ws = c.sheet("Delivery plan", first=True)
    ws.append(["Oakdene Early Help Partnership – Delivery Plan 2024-26"])
    ws.append(["Ref", "Action", "Lead", "Due", "RAG"])
    priorities = [
        (
            "1",
            "Families get help early",
            [
                (
                    "EH1",
                    "Open family hubs in the three most deprived wards",
                    "Family Hubs Programme Lead",
                    "31st March 2025",
                    "2025-03-31",
                    "Green",
                ),
                (
                    "EH2",
                    "Publish the early help offer online and in print",
                    "Early Help Partnership Manager",
                    "Mar-25",
                    "2025-03-31",
                    "Blue",
                ),
                (
                    "EH3",
                    "Train school staff to lead early help assessments",
                    "Early Help Partnership Manager",
                    "31.03.2025",
                    "2025-03-31",
                    "Amber",
                ),
            ],
        ),
        (
            "2",
            "Partners share one view of need",
            [
                (
                    "EH4",
                    "Agree an early help data-sharing agreement with health and schools",
                    "Information Governance Lead",
                    "Sept 2025",
                    "2025-09-30",
                    "Red",
                ),
                (
                    "EH5",
                    "Report early help outcomes to the partnership each quarter",
                    "Performance Manager",
                    "Ongoing – reviewed monthly",
                    None,
                    "Green",
                ),
                (
                    "EH6",
                    "Evaluate the family hubs with families who use them",
                    "Family Hubs Programme Lead",
                    "end Q2 2025/26",
                    "2025-09-30",
                    "Grey",
                ),
                (
                    "EH7",
                    "Move early help records onto the case record system",
                    "Systems Lead",
                    day("2025-11-28"),
                    "2025-11-28",
                    "Amber",
                ),
                ("EH8", "Retire the old early help database", "Systems Lead", "2026-01-30", "2026-01-30", "Grey"),
            ],
        ),
    ]
    for number, title, rows in priorities:
        theme = c.theme(number, title)
        ws.append([f"Priority {number} - {title}"])
        for ref, action, owner, when, due, word in rows:
            ws.append([ref, action, owner, when, word])
            c.action(ref, theme, action, owners=[owner], progress_rag=word.lower(), due_date=due)
    return c


def status_and_rag_columns():
    c = Corpus(
        "status_and_rag_columns",
        """Plan with both a "Status" column (Open / Closed / Cancelled) and a separate "RAG" column:
        the RAG is the progress rating; "Closed" and "Cancelled" actions are kept as closed (a
        cancelled one has no RAG); "Date closed" and "Date opened" columns that are not the due
        date beside the "Target date"; a "Board meeting" column of dates.""",
        title="Northvale Improvement Board – Action log",
    )
    ws = c.sheet("Action log", first=True)
    ws.append(["Northvale Improvement Board – Action log"])
    ws.append(["Ref", "Date opened", "Board meeting", "Action", "Owner", "Target date", "Status", "RAG", "Date closed"])
    theme = c.theme("1", "Board actions")
    ws.append(["Board actions"])
    rows = [
        (
            "IB-01",
            "2024-09-12",
            "Circulate the revised performance scorecard to board members",
            "Performance Manager",
            "2024-10-10",
            "Closed",
            "Blue",
            "2024-10-08",
            "blue",
            True,
        ),
        (
            "IB-02",
            "2024-09-12",
            "Bring the workforce plan to the next board",
            "Head of Workforce",
            "2024-11-14",
            "Open",
            "Green",
            None,
            "green",
            None,
        ),
        (
            "IB-03",
            "2024-10-10",
            "Arrange a board visit to the front door",
            "Improvement Programme Manager",
            "2024-12-12",
            "Open",
            "Amber",
            None,
            "amber",
            None,
        ),
        (
            "IB-04",
            "2024-10-10",
            "Commission a peer review of the IRO service",
            "IRO Service Manager",
            "2025-01-16",
            "Cancelled",
            None,
            "2024-11-14",
            None,
            True,
        ),
        (
            "IB-05",
            "2024-11-14",
            "Report on agency staff spend",
            "Finance Business Partner",
            "2025-02-13",
            "Open",
            "Red",
            None,
            "red",
            None,
        ),
    ]
    for ref, opened, action, owner, target, status, rag_word, closed_on, rag, closed in rows:
        ws.append(
            [
                ref,
                day(opened),
                day(opened),
                action,
                owner,
                day(target),
                status,
                rag_word,
                day(closed_on) if closed_on else None,
            ]
        )
        facts = {"owners": [owner], "due_date": target}
        if rag:
            facts["progress_rag"] = rag
        if closed:
            facts["closed"] = True
        c.action(ref, theme, action, **facts)
    return c


def sheet_per_agency():
    c = Corpus(
        "sheet_per_agency",
        """SEND improvement plan kept as one sheet per service, the sheet's name its theme and no
        heading row on the sheet ("Education", "Health", "Social care"), each sheet starting with
        its header on row 1; a "Read me" sheet first; refs restart on each sheet (1, 2, 3 as
        numbers), so the same ref appears under each theme; "Due by" dates; "Progress" RAG words.""",
    )
    ws = c.sheet("Read me", first=True)
    ws.append(["Westbrook SEND Improvement Plan – one tab per service"])
    ws.append(
        [
            "Each service updates its own tab before the SEND Partnership Board. RAG: Green on track, Amber at risk, Red off track, Blue complete."
        ]
    )
    services = [
        (
            "Education",
            [
                (
                    1,
                    "Publish an inclusion charter signed by every school",
                    "Head of Inclusion",
                    "2025-03-31",
                    "Green",
                    "green",
                ),
                (
                    2,
                    "Reduce part-time timetables for pupils with SEND by half",
                    "Head of Inclusion",
                    "2025-07-18",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "Health",
            [
                (
                    1,
                    "Cut the wait for an autism assessment to 18 weeks",
                    "Designated Clinical Officer",
                    "2025-12-31",
                    "Red",
                    "red",
                ),
                (
                    2,
                    "Provide health advice for EHC needs assessments within six weeks",
                    "Designated Clinical Officer",
                    "2024-12-31",
                    "Blue",
                    "blue",
                ),
            ],
        ),
        (
            "Social care",
            [
                (
                    1,
                    "Assess every disabled child referred within 45 working days",
                    "Disabled Children's Team Manager",
                    "2025-03-31",
                    "Green",
                    "green",
                ),
            ],
        ),
    ]
    for number, (service, rows) in enumerate(services, start=1):
        theme = c.theme(str(number), service)
        ws = c.sheet(service)
        ws.append(["Ref", "Action", "Lead", "Due by", "Progress"])
        for ref, action, owner, due, word, rag in rows:
            ws.append([ref, action, owner, day(due), word])
            c.action(str(ref), theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def rag_group_header():
    c = Corpus(
        "rag_group_header",
        """Header of two rows where the group label matters: "RAG rating" merged over two columns
        labelled only "Progress" and "Impact", and "Lead" merged over "Officer" and "Partner
        agency" (the agency is not an owner); a "Ref." column with refs written "1.1." (trailing
        dot); "Strand 1:" theme rows; letters G/A/R/B in both RAG columns.""",
        title="Hollins Partnership – Exploitation and Missing Strategy Action Plan",
    )
    ws = c.sheet("Action plan", first=True)
    ws.append(["Hollins Partnership – Exploitation and Missing Strategy Action Plan"])
    ws.append([None, None, "Lead", None, None, "RAG rating", None])
    ws.merge_cells("C2:D2")
    ws.merge_cells("F2:G2")
    ws.append(["Ref.", "Action", "Officer", "Partner agency", "Timescale", "Progress", "Impact"])
    strands = [
        (
            "1",
            "Prevent",
            [
                (
                    "1.1.",
                    "1.1",
                    "Deliver exploitation awareness sessions to Year 7 pupils",
                    "Youth Service Manager",
                    "Schools",
                    "July 2025",
                    "2025-07-31",
                    "G",
                    "green",
                    "A",
                    "amber",
                ),
                (
                    "1.2.",
                    "1.2",
                    "Train taxi drivers and hotel staff to spot and report exploitation",
                    "Licensing Manager",
                    "Police",
                    "March 2025",
                    "2025-03-31",
                    "B",
                    "blue",
                    "G",
                    "green",
                ),
            ],
        ),
        (
            "2",
            "Protect",
            [
                (
                    "2.1.",
                    "2.1",
                    "Hold a multi-agency child exploitation meeting for every child at high risk",
                    "Exploitation Coordinator",
                    "Police",
                    "December 2024",
                    "2024-12-31",
                    "R",
                    "red",
                    "R",
                    "red",
                ),
                (
                    "2.2.",
                    "2.2",
                    "Offer every child reported missing a return home interview within 72 hours",
                    "Missing Children Coordinator",
                    "Commissioned service",
                    "January 2025",
                    "2025-01-31",
                    "A",
                    "amber",
                    "A",
                    "amber",
                ),
            ],
        ),
    ]
    for number, title, rows in strands:
        theme = c.theme(number, title)
        ws.append([f"Strand {number}: {title}"])
        for written, ref, action, officer, agency, when, due, progress, progress_rag, impact, impact_rag in rows:
            ws.append([written, action, officer, agency, when, progress, impact])
            c.action(
                ref, theme, action, owners=[officer], progress_rag=progress_rag, impact_rag=impact_rag, due_date=due
            )
    return c


def owner_and_inside_roles():
    c = Corpus(
        "owner_and_inside_roles",
        """Owners where "and" and commas sit inside one role as often as between two: "Head of
        Quality and Performance" and "Assistant Director Education, Learning and Skills" are one
        role each, "Director of Children's Services and Director of Public Health" is two, "Head of
        Commissioning and Partnerships & Designated Nurse" is two, "HoS CIN/CP and PSW" is two
        abbreviated roles, "Team Managers (all localities)" is one.""",
        title="Westshire Children and Young People's Partnership Plan – delivery actions",
    )
    ws = c.sheet("Delivery actions", first=True)
    ws.append(["Westshire Children and Young People's Partnership Plan – delivery actions"])
    ws.append(["Ref", "Action", "Responsible", "Timescale", "RAG"])
    theme = c.theme("1", "Partnership working")
    ws.append(["Theme 1: Partnership working"])
    rows = [
        (
            "1.1",
            "Publish a partnership performance dashboard",
            "Head of Quality and Performance",
            ["Head of Quality and Performance"],
        ),
        (
            "1.2",
            "Agree a joint health and wellbeing priority for children",
            "Director of Children's Services and Director of Public Health",
            ["Director of Children's Services", "Director of Public Health"],
        ),
        (
            "1.3",
            "Align the education inclusion strategy with the partnership plan",
            "Assistant Director Education, Learning and Skills",
            ["Assistant Director Education, Learning and Skills"],
        ),
        (
            "1.4",
            "Commission a joint emotional wellbeing service",
            "Head of Commissioning and Partnerships & Designated Nurse",
            ["Head of Commissioning and Partnerships", "Designated Nurse"],
        ),
        ("1.5", "Refresh the practice model with every team", "HoS CIN/CP and PSW", ["HoS CIN/CP", "PSW"]),
        (
            "1.6",
            "Check that every child's record shows their lived experience",
            "Team Managers (all localities)",
            ["Team Managers (all localities)"],
        ),
    ]
    for ref, action, owner, owners in rows:
        ws.append([ref, action, owner, "June 2025", "Amber"])
        c.action(ref, theme, action, owners=owners, progress_rag="amber", due_date="2025-06-30")
    return c


# ------------------------------------------------------------------ tool exports


def smartsheet_export():
    c = Corpus(
        "smartsheet_export",
        """Smartsheet "Export to Microsoft Excel" of a project sheet: header on row 1, the Primary
        Column "Task Name" first; parent rows (themes, no number) with roll-up dates and % complete;
        actions one outline level down (indented, grouped); sub-task rows a further level down that
        are not actions; an "Action ID" auto-number column; "Assigned To" contacts as names or
        emails joined by commas; RAG balls exported as Red/Yellow/Green/Gray/Blue; a "Status"
        dropdown with one "Cancelled" action (kept as closed); real dates.""",
        tool="smartsheet",
    )
    ws = c.sheet("CSC Improvement Plan 2024-25", first=True)
    ws.append(
        [
            "Task Name",
            "Action ID",
            "Source",
            "Assigned To",
            "Start",
            "End Date",
            "% Complete",
            "Status",
            "RAG",
            "At Risk",
            "Comments",
        ]
    )
    data = [
        (
            "Front door and assessment",
            [
                (
                    "A-001",
                    "Review the MASH threshold document with partners",
                    "Ofsted 18",
                    ["Ofsted 18"],
                    "Priya Shah, j.okafor@westshire.gov.uk",
                    ["Priya Shah", "j.okafor@westshire.gov.uk"],
                    "2024-09-01",
                    "2024-12-20",
                    0.6,
                    "In Progress",
                    "Green",
                    "green",
                    ["Draft revised threshold document", "Consult partners on the draft"],
                ),
                (
                    "A-002",
                    "Reduce re-referrals within 12 months to below 20%",
                    "Ofsted 19",
                    ["Ofsted 19"],
                    "Tom Reid",
                    ["Tom Reid"],
                    "2024-10-01",
                    "2025-03-31",
                    0.25,
                    "In Progress",
                    "Yellow",
                    "amber",
                    [],
                ),
            ],
        ),
        (
            "Practice quality",
            [
                (
                    "A-003",
                    "Launch the practice standards and audit programme",
                    "Ofsted 25",
                    ["Ofsted 25"],
                    "Helen Marsh",
                    ["Helen Marsh"],
                    "2024-06-01",
                    "2024-09-30",
                    1,
                    "Complete",
                    "Blue",
                    "blue",
                    [],
                ),
                (
                    "A-004",
                    "Introduce group supervision in every locality team",
                    "Ofsted 26",
                    ["Ofsted 26"],
                    "Helen Marsh, Priya Shah",
                    ["Helen Marsh", "Priya Shah"],
                    "2024-11-01",
                    "2025-02-28",
                    0.1,
                    "In Progress",
                    "Red",
                    "red",
                    ["Pilot in north locality"],
                ),
                (
                    "A-005",
                    "Pilot a practice week for senior leaders",
                    "Ofsted 27",
                    ["Ofsted 27"],
                    "d.cole@westshire.gov.uk",
                    ["d.cole@westshire.gov.uk"],
                    "2025-04-01",
                    "2025-06-30",
                    0,
                    "Not Started",
                    "Gray",
                    "grey",
                    [],
                ),
                (
                    "A-006",
                    "Buy an external audit tool",
                    "Ofsted 28",
                    ["Ofsted 28"],
                    "Tom Reid",
                    ["Tom Reid"],
                    "2024-07-01",
                    "2024-08-31",
                    0,
                    "Cancelled",
                    None,
                    "closed",
                    [],
                ),
            ],
        ),
    ]
    for title, actions in data:
        theme = c.theme(str(len(c.expected["themes"]) + 1), title)
        starts = [day(a[6]) for a in actions]
        ends = [day(a[7]) for a in actions]
        ws.append(
            [
                title,
                None,
                None,
                None,
                min(starts),
                max(ends),
                round(sum(a[8] for a in actions) / len(actions), 2),
                None,
                None,
                False,
                None,
            ]
        )
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, action, source, sources, people, owners, start, end, done, status, ball, rag, steps in actions:
            ws.append([action, ref, source, people, day(start), day(end), done, status, ball, ball == "Yellow", None])
            ws.row_dimensions[ws.max_row].outline_level = 1
            ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=1)
            for step in steps:
                ws.append([step, None, None, people.split(",")[0], day(start), day(end), None, None, None, False, None])
                ws.row_dimensions[ws.max_row].outline_level = 2
                ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=2)
            if rag == "closed":
                c.action(ref, theme, action, owners=owners, sources=sources, due_date=end, closed=True)
            else:
                c.action(ref, theme, action, owners=owners, sources=sources, progress_rag=rag, due_date=end)
    for cell in ws[1]:
        cell.font = BOLD
    return c


def monday_export():
    c = Corpus(
        "monday_export",
        """monday.com "Export board to Excel": the board name alone on row 1, then one block per
        group (the group name alone, the group's own header row starting "Name", its items, a blank
        row); a "Subitems" header row and subitem rows (first cell empty) under one item — checklist
        steps, not actions; people as full names joined by ", "; a Timeline range "2024-10-01 -
        2025-01-31" whose end is the due date; status labels Working on it / Stuck / Done and the
        board's own "Not started" and "Cancelled" (kept as closed).""",
        tool="monday",
        title="Children's Services Improvement Plan",
    )
    ws = c.sheet("Children's Services Improvement", first=True)
    ws.append(["Children's Services Improvement Plan"])
    ws.append([])
    header = ["Name", "Ref", "Owner", "Status", "Timeline", "Source", "Last updated"]
    groups = [
        (
            "Leadership and governance",
            [
                (
                    "Agree the improvement plan with the Improvement Board",
                    "1.1",
                    "Gemma Holt, Tom Reid",
                    ["Gemma Holt", "Tom Reid"],
                    "Done",
                    "blue",
                    "2024-06-01 - 2024-07-31",
                    "2024-07-31",
                    "Ofsted 8",
                    ["Ofsted 8"],
                    [],
                ),
                (
                    "Report performance monthly to the Lead Member",
                    "1.2",
                    "Gemma Holt",
                    ["Gemma Holt"],
                    "Working on it",
                    "green",
                    "2024-08-01 - 2025-03-31",
                    "2025-03-31",
                    "Ofsted 9",
                    ["Ofsted 9"],
                    [
                        ("Agree the scorecard", "Aisha Khan", "Done", "2024-08-30"),
                        ("First report to Lead Member", "Gemma Holt", "Working on it", "2024-09-30"),
                    ],
                ),
            ],
        ),
        (
            "Help and protection",
            [
                (
                    "Cut the time from contact to decision in the front door to 24 hours",
                    "2.1",
                    "Aisha Khan",
                    ["Aisha Khan"],
                    "Stuck",
                    "red",
                    "2024-10-01 - 2025-01-31",
                    "2025-01-31",
                    "Ofsted 15",
                    ["Ofsted 15"],
                    [],
                ),
                (
                    "Audit strategy discussions with police and health",
                    "2.2",
                    "Aisha Khan, Mark Ellison",
                    ["Aisha Khan", "Mark Ellison"],
                    "Not started",
                    "grey",
                    "2025-02-01 - 2025-05-31",
                    "2025-05-31",
                    "JTAI 4",
                    ["JTAI 4"],
                    [],
                ),
                (
                    "Buy a new case audit app",
                    "2.3",
                    "Tom Reid",
                    ["Tom Reid"],
                    "Cancelled",
                    "closed",
                    "",
                    None,
                    "Ofsted 16",
                    ["Ofsted 16"],
                    [],
                ),
            ],
        ),
    ]
    for group, items in groups:
        theme = c.theme(str(len(c.expected["themes"]) + 1), group)
        ws.append([group])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.append(header)
        for name, ref, people, owners, status, rag, timeline, due, source, sources, subitems in items:
            ws.append([name, ref, people, status, timeline, source, "2025-01-14 10:32"])
            if subitems:
                ws.append(["Subitems", "Name", "Owner", "Status", "Date"])
                for sub in subitems:
                    ws.append([None, *sub])
            if rag == "closed":
                c.action(ref, theme, name, owners=owners, sources=sources, due_date=due, closed=True)
            else:
                c.action(ref, theme, name, owners=owners, sources=sources, progress_rag=rag, due_date=due)
        ws.append([])
    return c


def planner_export():
    c = Corpus(
        "planner_export",
        """Microsoft Planner "Export plan to Excel": "Plan name" / "Plan ID" / "Date of export"
        rows and a blank row above the header; buckets are the themes; no refs (so refs are not
        scored); "Assigned To" names joined by ";"; checklist items inside one cell (never
        actions); UK text dates; Progress Not started / In progress / Completed with Late true or
        false (late and not completed is red).""",
        tool="planner",
        title="Westshire CSC improvement plan",
    )
    ws = c.sheet("Westshire CSC improvement plan", first=True)
    ws.append(["Plan name", "Westshire CSC improvement plan"])
    ws.append(["Plan ID", "xqT2vB7mZk2n4Yp0QhW1d2UAF8sE"])
    ws.append(["Date of export", "14/03/2025"])
    ws.append([])
    ws.append(
        [
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
    )
    tasks = [
        (
            "Practice quality",
            "Relaunch the supervision policy",
            "Completed",
            "Important",
            "Priya Shah;Tom Reid",
            ["Priya Shah", "Tom Reid"],
            "01/07/2024",
            "30/09/2024",
            "2024-09-30",
            "false",
            "27/09/2024",
            "blue",
            "3/3",
            "Draft policy;Consult staff;Approve at DMT",
        ),
        (
            "Practice quality",
            "Run monthly thematic audits of management oversight",
            "In progress",
            "Medium",
            "Helen Marsh",
            ["Helen Marsh"],
            "01/09/2024",
            "31/05/2025",
            "2025-05-31",
            "false",
            "",
            "green",
            "2/6",
            "September audit;October audit;November audit;December audit;January audit;February audit",
        ),
        (
            "Workforce",
            "Recruit six permanent social workers",
            "In progress",
            "Urgent",
            "Tom Reid",
            ["Tom Reid"],
            "01/08/2024",
            "31/01/2025",
            "2025-01-31",
            "true",
            "",
            "red",
            "4/6",
            "",
        ),
        (
            "Workforce",
            "Agree a retention payment for experienced social workers",
            "Not started",
            "Important",
            "Gemma Holt;Priya Shah",
            ["Gemma Holt", "Priya Shah"],
            "01/04/2025",
            "30/06/2025",
            "2025-06-30",
            "false",
            "",
            "grey",
            "",
            "",
        ),
        (
            "Partnerships",
            "Refresh the multi-agency threshold document",
            "Not started",
            "Medium",
            "Aisha Khan",
            ["Aisha Khan"],
            "01/11/2024",
            "28/02/2025",
            "2025-02-28",
            "true",
            "",
            "red",
            "0/2",
            "Draft;Partnership sign-off",
        ),
    ]
    for number, (
        bucket,
        name,
        progress,
        priority,
        people,
        owners,
        start,
        due_text,
        due,
        late,
        completed,
        rag,
        done,
        checklist,
    ) in enumerate(tasks):
        if bucket not in [t["title"] for t in c.expected["themes"]]:
            c.theme(str(len(c.expected["themes"]) + 1), bucket)
        ws.append(
            [
                f"Tk{number:02d}Qm8vF0aLr5s",
                name,
                bucket,
                progress,
                priority,
                people,
                "Gemma Holt",
                "03/06/2024",
                start,
                due_text,
                "false",
                late,
                completed,
                "Priya Shah" if completed else "",
                done,
                checklist,
                "",
                "Improvement plan action",
            ]
        )
        c.action(_, bucket, name, owners=owners, progress_rag=rag, due_date=due)
    for fact in c.expected["actions"]:
        fact.pop("ref", None)
    return c


def project_export():
    c = Corpus(
        "project_export",
        """Microsoft Project "Save As Excel" with a task map: sheet "Task_Table1" with ID, Unique
        ID, Name, Duration, Start, Finish, % Complete, Outline Level, WBS, Resource Names, Status
        and a custom "RAG" field; the project summary task (level 0) names the plan; level-1
        summary tasks are themes with roll-up dates; level-2 tasks are the actions, their WBS code
        the ref; resources joined by "," with units in brackets ("Tom Reid[50%]"); finish dates
        with 17:00 times; a custom RAG wins over the computed Status; a resource sheet that holds no
        actions.""",
        tool="project",
        title="Westshire Children's Services Improvement Programme",
    )
    ws = c.sheet("Task_Table1", first=True)
    ws.append(
        [
            "ID",
            "Unique ID",
            "Name",
            "Duration",
            "Start",
            "Finish",
            "% Complete",
            "Outline Level",
            "WBS",
            "Resource Names",
            "Status",
            "RAG",
        ]
    )
    ws.append(
        [
            0,
            0,
            "Westshire Children's Services Improvement Programme",
            "260 days",
            datetime.datetime(2024, 4, 1, 8),
            datetime.datetime(2025, 3, 31, 17),
            0.45,
            0,
            "0",
            None,
            "On Schedule",
            None,
        ]
    )
    workstreams = [
        (
            "Front door",
            [
                (
                    "Relaunch the MASH with co-located police and health staff",
                    "Jane Smith,Tom Reid[50%]",
                    ["Jane Smith", "Tom Reid"],
                    "2024-04-01",
                    "2024-07-31",
                    1,
                    "Complete",
                    None,
                    "blue",
                ),
                (
                    "Introduce a daily MASH triage meeting",
                    "Jane Smith",
                    ["Jane Smith"],
                    "2024-08-01",
                    "2024-12-20",
                    0.7,
                    "On Schedule",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "Children in care",
            [
                (
                    "Agree a placement sufficiency strategy",
                    "Omar Farouk",
                    ["Omar Farouk"],
                    "2024-06-03",
                    "2024-11-29",
                    0.5,
                    "Late",
                    None,
                    "red",
                ),
                (
                    "Open a second council children's home",
                    "Omar Farouk,Lucy Grant",
                    ["Omar Farouk", "Lucy Grant"],
                    "2025-01-06",
                    "2025-03-31",
                    0,
                    "Future Task",
                    None,
                    "grey",
                ),
                (
                    "Train all foster carers in the new allowances scheme",
                    "Lucy Grant[25%]",
                    ["Lucy Grant"],
                    "2024-09-02",
                    "2025-02-28",
                    0.4,
                    "On Schedule",
                    None,
                    "green",
                ),
            ],
        ),
    ]
    task_id = 1
    for number, (title, tasks) in enumerate(workstreams, start=1):
        theme = c.theme(str(number), title)
        ws.append(
            [
                task_id,
                100 + task_id,
                title,
                "120 days",
                day(min(t[3] for t in tasks)).replace(hour=8),
                day(max(t[4] for t in tasks)).replace(hour=17),
                round(sum(t[5] for t in tasks) / len(tasks), 2),
                1,
                str(number),
                None,
                "On Schedule",
                None,
            ]
        )
        task_id += 1
        for sub, (name, resources, owners, start, finish, done, status, rag_field, rag) in enumerate(tasks, start=1):
            ws.append(
                [
                    task_id,
                    100 + task_id,
                    name,
                    "40 days",
                    day(start).replace(hour=8),
                    day(finish).replace(hour=17),
                    done,
                    2,
                    f"{number}.{sub}",
                    resources,
                    status,
                    rag_field,
                ]
            )
            task_id += 1
            c.action(f"{number}.{sub}", theme, name, owners=owners, progress_rag=rag, due_date=finish)
    for row in ws.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].number_format = "0%"
    ws = c.sheet("Resource_Table1")
    ws.append(["ID", "Name", "Initials", "Max Units", "Std. Rate"])
    for number, name in enumerate(["Jane Smith", "Tom Reid", "Omar Farouk", "Lucy Grant"], start=1):
        ws.append([number, name, "".join(part[0] for part in name.split()), 1, "£0.00/hr"])
    return c


def pentana_export():
    c = Corpus(
        "pentana_export",
        """Pentana (Covalent) actions report exported to Excel: a title block ("Generated on:",
        "Generated by:"), a group row per plan priority with its code ("CSIP P1 …"), the column
        header repeated after each group, action codes "CSIP 1.01" as refs, a milestone row with a
        deeper code under one action (not an action), status icon words (Completed, In Progress,
        Overdue, Not Started, Check Progress, Cancelled — kept as closed), original and revised due
        dates as "31-Mar-2025" text (the revised "Due Date" is the due date), officers joined by
        "; ", and a status legend block at the end.""",
        tool="pentana",
        skipped_rows_at_least=5,
    )
    ws = c.sheet("Actions Report", first=True)
    ws.append(["Children's Services Improvement Plan 2024-26 – Actions Report"])
    ws.append(["Generated on: 14 March 2025 09:12"])
    ws.append(["Generated by: Performance and Intelligence Team"])
    ws.append([])
    header = [
        "Code",
        "Title",
        "Description",
        "Status",
        "Progress",
        "Original Due Date",
        "Due Date",
        "Assigned To",
        "Latest Note",
        "Note Date",
    ]
    groups = [
        (
            "CSIP P1",
            "Leadership, management oversight and supervision",
            [
                (
                    "CSIP 1.01",
                    "Embed the reflective supervision model",
                    "Completed",
                    "blue",
                    1,
                    "31-Dec-2024",
                    "31-Dec-2024",
                    "2024-12-31",
                    "Sarah Blake; Imran Qureshi",
                    ["Sarah Blake", "Imran Qureshi"],
                    None,
                ),
                (
                    "CSIP 1.02",
                    "Audit management oversight on children's records quarterly",
                    "In Progress",
                    "green",
                    0.5,
                    "31-Mar-2025",
                    "30-Jun-2025",
                    "2025-06-30",
                    "Imran Qureshi",
                    ["Imran Qureshi"],
                    ("CSIP 1.02.1", "Q1 audit reported to the Improvement Board", "Completed"),
                ),
                (
                    "CSIP 1.03",
                    "Reduce team manager vacancies to two",
                    "Overdue",
                    "red",
                    0.3,
                    "31-Jan-2025",
                    "31-Jan-2025",
                    "2025-01-31",
                    "Sarah Blake",
                    ["Sarah Blake"],
                    None,
                ),
            ],
        ),
        (
            "CSIP P2",
            "Practice with children in need of help and protection",
            [
                (
                    "CSIP 2.01",
                    "Introduce a pre-birth assessment pathway with midwifery",
                    "Check Progress",
                    "amber",
                    0.6,
                    "28-Feb-2025",
                    "31-May-2025",
                    "2025-05-31",
                    "Nadia Perez; Designated Nurse",
                    ["Nadia Perez", "Designated Nurse"],
                    None,
                ),
                (
                    "CSIP 2.02",
                    "Review all children on a plan for more than 18 months",
                    "Not Started",
                    "grey",
                    0,
                    "30-Sep-2025",
                    "30-Sep-2025",
                    "2025-09-30",
                    "Nadia Perez",
                    ["Nadia Perez"],
                    None,
                ),
                (
                    "CSIP 2.03",
                    "Procure a new family support app",
                    "Cancelled",
                    "closed",
                    0,
                    "31-Oct-2024",
                    "31-Oct-2024",
                    "2024-10-31",
                    "Imran Qureshi",
                    ["Imran Qureshi"],
                    None,
                ),
            ],
        ),
    ]
    for code, title, actions in groups:
        theme = c.theme(None, title)
        ws.append([f"{code} {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.append(header)
        for ref, name, status, rag, progress, original, due_text, due, people, owners, milestone in actions:
            ws.append(
                [
                    ref,
                    name,
                    "Action in the Children's Services Improvement Plan",
                    status,
                    progress,
                    original,
                    due_text,
                    people,
                    "Progress reported to the Improvement Board",
                    "28-Feb-2025",
                ]
            )
            if milestone:
                m_code, m_title, m_status = milestone
                ws.append([m_code, m_title, "Milestone", m_status, 1, original, original, people, "", ""])
            if rag == "closed":
                c.action(ref, theme, name, owners=owners, due_date=due, closed=True)
            else:
                c.action(ref, theme, name, owners=owners, progress_rag=rag, due_date=due)
    ws.append([])
    ws.append(["Action Status"])
    for word in (
        "Cancelled",
        "Overdue; Neglected",
        "Unassigned; Check Progress",
        "Not Started; In Progress; Assigned",
        "Completed",
    ):
        ws.append([None, word])
    return c


def word_table_paste():
    c = Corpus(
        "word_table_paste",
        """A Word table pasted into Excel: the document's heading paragraphs above the table; theme
        rows merged across the table ("1. Management oversight…"); cells of several paragraphs
        split into one row per paragraph with the other cells merged down (an action over two rows,
        two owners over two rows); the header row repeated at a page break; RAG as cell shading,
        sometimes with a word; a footnote and a page line at the end.""",
        tool="word",
        title="Westmere Children's Services – Ofsted Focused Visit Action Plan",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("Sheet1", first=True)
    ws.append(["Westmere Children's Services – Ofsted Focused Visit Action Plan"])
    ws.append(["Version 4 – Date of last update: 3 February 2025"])
    ws.append([])
    header = ["No.", "Recommendation", "Action", "Lead", "Timescale", "RAG"]
    ws.append(header)

    def theme_row(text):
        ws.append([text])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(header))
        ws.cell(row=ws.max_row, column=1).font = BOLD

    def action(ref, recommendation, paragraphs, leads, timescale, colour, word):
        lines = max(len(paragraphs), len(leads))
        first = ws.max_row + 1
        for line in range(lines):
            ws.append(
                [
                    ref if line == 0 else None,
                    recommendation if line == 0 else None,
                    paragraphs[line] if line < len(paragraphs) else None,
                    leads[line] if line < len(leads) else None,
                    timescale if line == 0 else None,
                    word if line == 0 else None,
                ]
            )
        if lines > 1:
            for column in (1, 2, 5, 6):
                ws.merge_cells(start_row=first, start_column=column, end_row=first + lines - 1, end_column=column)
            for column, values in ((3, paragraphs), (4, leads)):
                if len(values) == 1:
                    ws.merge_cells(start_row=first, start_column=column, end_row=first + lines - 1, end_column=column)
        ws.cell(row=first, column=6).fill = fill(colour)

    theme = c.theme("1", "Management oversight of children in need")
    theme_row("1. Management oversight of children in need")
    action(
        "1.1",
        "Managers' oversight of CIN plans",
        ["Introduce monthly case reviews for every child in need plan.", "Record each review on the child's file."],
        ["Head of Service CIN"],
        "March 2025",
        GREEN,
        "On track",
    )
    c.action(
        "1.1",
        theme,
        "Introduce monthly case reviews for every child in need plan. Record each review on the child's file.",
        owners=["Head of Service CIN"],
        progress_rag="green",
        due_date="2025-03-31",
    )
    action(
        "1.2",
        "Managers' oversight of CIN plans",
        ["Close CIN plans only with a manager's recorded rationale."],
        ["Team Managers", "Quality Assurance Manager"],
        "December 2024",
        BLUE,
        "Complete",
    )
    c.action(
        "1.2",
        theme,
        "Close CIN plans only with a manager's recorded rationale.",
        owners=["Team Managers", "Quality Assurance Manager"],
        progress_rag="blue",
        due_date="2024-12-31",
    )
    theme = c.theme("2", "Disabled children")
    theme_row("2. Disabled children")
    action(
        "2.1",
        "Assessments of disabled children",
        ["Complete a new assessment for every disabled child whose assessment is over a year old."],
        ["Disabled Children's Team Manager"],
        "June 2025",
        AMBER,
        None,
    )
    c.action(
        "2.1",
        theme,
        "Complete a new assessment for every disabled child whose assessment is over a year old.",
        owners=["Disabled Children's Team Manager"],
        progress_rag="amber",
        due_date="2025-06-30",
    )
    ws.append(header)  # the table's header row repeated at the top of the next page
    action(
        "2.2",
        "Short breaks",
        ["Publish the short breaks statement.", "Consult families on it before publication."],
        ["Head of Service Disabled Children", "Parent Carer Forum Chair"],
        "April 2025",
        RED,
        "Off track",
    )
    c.action(
        "2.2",
        theme,
        "Publish the short breaks statement. Consult families on it before publication.",
        owners=["Head of Service Disabled Children", "Parent Carer Forum Chair"],
        progress_rag="red",
        due_date="2025-04-30",
    )
    action(
        "2.3",
        "Short breaks",
        ["Commission additional overnight short breaks."],
        ["Commissioning Manager"],
        "September 2025",
        GREY,
        "Not started",
    )
    c.action(
        "2.3",
        theme,
        "Commission additional overnight short breaks.",
        owners=["Commissioning Manager"],
        progress_rag="grey",
        due_date="2025-09-30",
    )
    ws.append([])
    ws.append(["¹ CIN – child in need, under section 17 of the Children Act 1989."])
    ws.append(["Page 2 of 2"])
    return c


def smartsheet_rygb_export():
    c = Corpus(
        "smartsheet_rygb_export",
        """Smartsheet export of a partnership sheet built from scratch, not the project template:
        Primary Column "Priority / action" with numbered parent rows ("1. Neglect") and their
        actions one outline level down; a "Ref" text column; "Lead" contacts as email addresses
        only; an RYGB "Health" column (Red/Yellow/Green/Blue); a "Done" checkbox column
        (TRUE/FALSE); "Due" dates; an empty spacer row between priorities; a comments column.""",
        tool="smartsheet",
    )
    ws = c.sheet("Partnership plan 2025", first=True)
    ws.append(["Priority / action", "Ref", "Lead", "Due", "Health", "Done", "Latest comment"])
    priorities = [
        (
            "1",
            "Neglect",
            [
                (
                    "N1",
                    "Relaunch the neglect toolkit with a practitioner briefing",
                    "s.murphy@southmoor-scp.org.uk",
                    ["s.murphy@southmoor-scp.org.uk"],
                    "2025-03-31",
                    "Green",
                    "green",
                    False,
                ),
                (
                    "N2",
                    "Audit neglect cases stepped down to early help",
                    "s.murphy@southmoor-scp.org.uk, k.adeyemi@southmoor.nhs.uk",
                    ["s.murphy@southmoor-scp.org.uk", "k.adeyemi@southmoor.nhs.uk"],
                    "2025-05-30",
                    "Yellow",
                    "amber",
                    False,
                ),
            ],
        ),
        (
            "2",
            "Safer sleep",
            [
                (
                    "S1",
                    "Deliver safer sleep training to every health visiting team",
                    "k.adeyemi@southmoor.nhs.uk",
                    ["k.adeyemi@southmoor.nhs.uk"],
                    "2024-11-29",
                    "Blue",
                    "blue",
                    True,
                ),
                (
                    "S2",
                    "Add safer sleep questions to the pre-birth assessment",
                    "j.lowe@southmoor.gov.uk",
                    ["j.lowe@southmoor.gov.uk"],
                    "2025-01-31",
                    "Red",
                    "red",
                    False,
                ),
            ],
        ),
    ]
    for number, title, rows in priorities:
        theme = c.theme(number, title)
        ws.append([f"{number}. {title}", None, None, max(day(r[4]) for r in rows), None, all(r[7] for r in rows), None])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, action, people, owners, due, health, rag, done in rows:
            ws.append([action, ref, people, day(due), health, done, "Discussed at the March executive"])
            ws.row_dimensions[ws.max_row].outline_level = 1
            ws.cell(row=ws.max_row, column=1).alignment = Alignment(indent=1)
            c.action(ref, theme, action, owners=owners, progress_rag=rag, due_date=due)
        ws.append([])
    return c


def monday_dates_and_ids():
    c = Corpus(
        "monday_dates_and_ids",
        """monday.com board export with a board description row under the board name; a "Person"
        column; a "Status" column with the board's own labels ("On track", "At risk", "Off track",
        "Complete"); a "Due date" column as ISO text; a long numeric "Item ID" column at the end
        that is not a ref; a connected "Inspection finding" column as text; a group whose items
        have subitems with their own header; a group holding a single item.""",
        tool="monday",
        title="Youth Justice Improvement Board",
    )
    ws = c.sheet("Youth Justice Improvement Board", first=True)
    ws.append(["Youth Justice Improvement Board"])
    ws.append(["Actions from the HMIP inspection of Westbrook YJS, October 2024"])
    ws.append([])
    header = ["Name", "Person", "Status", "Due date", "Inspection finding", "Item ID"]
    groups = [
        (
            "Governance and leadership",
            [
                (
                    "Refresh the management board's terms of reference",
                    "Dawn Pike",
                    ["Dawn Pike"],
                    "Complete",
                    "blue",
                    "2024-12-13",
                    "HMIP 1.1",
                    ["HMIP 1.1"],
                    1812345601,
                    [
                        ("Draft terms of reference", "Dawn Pike", "Done", "2024-11-29"),
                        ("Board sign-off", "Dawn Pike", "Done", "2024-12-13"),
                    ],
                ),
                (
                    "Appoint a board champion for children's participation",
                    "Dawn Pike, Sunil Rao",
                    ["Dawn Pike", "Sunil Rao"],
                    "At risk",
                    "amber",
                    "2025-03-28",
                    "HMIP 1.3",
                    ["HMIP 1.3"],
                    1812345602,
                    [],
                ),
            ],
        ),
        (
            "Resettlement",
            [
                (
                    "Start resettlement planning at the first custody review",
                    "Sunil Rao",
                    ["Sunil Rao"],
                    "Off track",
                    "red",
                    "2025-02-14",
                    "HMIP 3.2",
                    ["HMIP 3.2"],
                    1812345603,
                    [],
                ),
            ],
        ),
        (
            "Out-of-court work",
            [
                (
                    "Screen every out-of-court case for speech and language needs",
                    "Megan Doyle",
                    ["Megan Doyle"],
                    "On track",
                    "green",
                    "2025-06-30",
                    "HMIP 4.1",
                    ["HMIP 4.1"],
                    1812345604,
                    [("Agree screening tool with the NHS", "Megan Doyle", "Working on it", "2025-04-30")],
                ),
            ],
        ),
    ]
    for group, items in groups:
        theme = c.theme(str(len(c.expected["themes"]) + 1), group)
        ws.append([group])
        ws.append(header)
        for name, people, owners, status, rag, due, finding, sources, item_id, subitems in items:
            ws.append([name, people, status, due, finding, item_id])
            if subitems:
                ws.append(["Subitems", "Name", "Owner", "Status", "Date"])
                for sub in subitems:
                    ws.append([None, *sub])
            c.action(_, theme, name, owners=owners, sources=sources, progress_rag=rag, due_date=due)
        ws.append([])
    return c


def project_excel_template():
    c = Corpus(
        "project_excel_template",
        """Microsoft Project "Project Excel Template" export: sheets Task_Table, Resource_Table,
        Assignment_Table and Info_Table, only the first holding actions; no Outline Level column,
        so the hierarchy is the WBS code alone (1, 1.1, 1.1.1); level-1 summaries are themes,
        level-2 summaries are objectives (not actions), level-3 tasks are the actions with their
        WBS as ref; Start/Finish as text in the project's format ("Mon 31/03/25"); resources
        joined by "," with units; % Complete as text ("100%"); a "Late" computed status.""",
        tool="project",
    )
    ws = c.sheet("Task_Table", first=True)
    ws.append(
        ["ID", "Name", "Duration", "Start", "Finish", "Predecessors", "Resource Names", "% Complete", "WBS", "Status"]
    )
    rows = [
        ("1", "Workforce", None),
        ("1.1", "Stable, skilled social work teams", None),
        (
            "1.1.1",
            "Run a social worker recruitment campaign",
            (
                "Amy Clarke,Ben Hollis[50%]",
                ["Amy Clarke", "Ben Hollis"],
                "Mon 02/09/24",
                "Fri 29/11/24",
                "100%",
                "Complete",
                "blue",
                "2024-11-29",
            ),
        ),
        (
            "1.1.2",
            "Introduce a career progression framework",
            ("Amy Clarke", ["Amy Clarke"], "Mon 04/11/24", "Fri 28/03/25", "40%", "On Schedule", "green", "2025-03-28"),
        ),
        ("1.2", "Manageable caseloads", None),
        (
            "1.2.1",
            "Cap caseloads at 18 children in the assessment service",
            ("Ben Hollis", ["Ben Hollis"], "Mon 01/07/24", "Tue 31/12/24", "60%", "Late", "red", "2024-12-31"),
        ),
        ("2", "Partnership working", None),
        ("2.1", "Timely information sharing", None),
        (
            "2.1.1",
            "Agree an information-sharing protocol with schools",
            ("Chloe Venn", ["Chloe Venn"], "Mon 06/01/25", "Mon 30/06/25", "0%", "Future Task", "grey", "2025-06-30"),
        ),
        (
            "2.1.2",
            "Give health partners access to the case record system",
            (
                "Chloe Venn,Amy Clarke",
                ["Chloe Venn", "Amy Clarke"],
                "Mon 02/12/24",
                "Mon 31/03/25",
                "20%",
                "On Schedule",
                "green",
                "2025-03-31",
            ),
        ),
    ]
    theme = None
    for task_id, (wbs, name, action) in enumerate(rows, start=1):
        if action is None:
            ws.append([task_id, name, "100 days", None, None, None, None, None, wbs, "On Schedule"])
            if "." not in wbs:
                theme = c.theme(wbs, name)
            continue
        resources, owners, start, finish, done, status, rag, due = action
        ws.append([task_id, name, "60 days", start, finish, None, resources, done, wbs, status])
        c.action(wbs, theme, name, owners=owners, progress_rag=rag, due_date=due)
    ws = c.sheet("Resource_Table")
    ws.append(["ID", "Name", "Type", "Initials", "Max Units"])
    for number, name in enumerate(["Amy Clarke", "Ben Hollis", "Chloe Venn"], start=1):
        ws.append([number, name, "Work", "".join(part[0] for part in name.split()), "100%"])
    ws = c.sheet("Assignment_Table")
    ws.append(["Task Name", "Resource Name", "% Work Complete", "Work", "Units"])
    ws.append(["Run a social worker recruitment campaign", "Amy Clarke", "100%", "120 hrs", "100%"])
    ws.append(["Run a social worker recruitment campaign", "Ben Hollis", "100%", "60 hrs", "50%"])
    ws = c.sheet("Info_Table")
    ws.append(["Title", "Author", "Start Date", "Finish Date"])
    ws.append(["Northvale Improvement Programme", "Programme Office", "Mon 01/07/24", "Mon 30/06/25"])
    return c


def word_table_no_themes():
    c = Corpus(
        "word_table_no_themes",
        """A Word table of a safeguarding partnership's learning review actions pasted into Excel:
        no theme rows at all (the facts check the actions, not which theme they fall in); the
        header repeated at a page break;
        several owner paragraphs in one cell split over rows; the recommendation merged down over
        the actions that answer it; "Ongoing" and "By March 2025" timescales; status words only
        (no shading); a "Page n" line after each page.""",
        tool="word",
        skipped_rows_at_least=2,
    )
    ws = c.sheet("Sheet1", first=True)
    ws.append(["Southmoor Safeguarding Children Partnership"])
    ws.append(["Local child safeguarding practice review 2024-01: partnership action plan"])
    ws.append([])
    header = ["Rec", "Recommendation", "Ref", "Action", "Who", "When", "Progress"]
    ws.append(header)

    def action(rec, recommendation, ref, text, owners, when, status):
        first = ws.max_row + 1
        for line, owner in enumerate(owners):
            ws.append(
                [
                    rec if line == 0 else None,
                    recommendation if line == 0 else None,
                    ref if line == 0 else None,
                    text if line == 0 else None,
                    owner,
                    when if line == 0 else None,
                    status if line == 0 else None,
                ]
            )
        if len(owners) > 1:
            for column in (3, 4, 6, 7):
                ws.merge_cells(start_row=first, start_column=column, end_row=ws.max_row, end_column=column)

    def merge_recommendation(first):
        for column in (1, 2):
            ws.merge_cells(start_row=first, start_column=column, end_row=ws.max_row, end_column=column)

    rows = [
        (
            "1",
            "Agencies should share information about fathers and male carers",
            "1a",
            "Add a question about fathers and male carers to every referral form",
            ["Partnership Business Manager"],
            "By March 2025",
            "2025-03-31",
            "On track",
            "green",
        ),
        (
            "1",
            None,
            "1b",
            "Train front-door staff to ask about every adult in the household",
            ["MASH Team Manager", "Police MASH Detective Sergeant"],
            "By January 2025",
            "2025-01-31",
            "Complete",
            "blue",
        ),
        (
            "2",
            "Health partners should record bruising in non-mobile babies consistently",
            "2a",
            "Re-issue the bruising in non-mobile babies protocol to GP practices",
            ["Designated Doctor", "Named GP"],
            "Ongoing",
            None,
            "On track",
            "green",
        ),
        (
            "2",
            None,
            "2b",
            "Audit compliance with the bruising protocol in emergency departments",
            ["Named Nurse, Southmoor Hospitals"],
            "By June 2025",
            "2025-06-30",
            "Not started",
            "grey",
        ),
    ]
    first = None
    for index, (rec, recommendation, ref, text, owners, when, due, status, rag) in enumerate(rows):
        if recommendation and first is not None:
            merge_recommendation(first)
        if index == 2:
            ws.append(["Page 1"])
            ws.append(header)
        if recommendation:
            first = ws.max_row + 1
        action(rec if recommendation else None, recommendation, ref, text, owners, when, status)
        c.action(ref, _, text, owners=owners, progress_rag=rag, due_date=due)
    merge_recommendation(first)
    ws.append(["Page 2"])
    return c


def pentana_scorecard_with_pis():
    c = Corpus(
        "pentana_scorecard_with_pis",
        """Pentana (Covalent) scorecard exported to Excel mixing performance indicators and actions:
        under each group row ("CPS1 Placement stability") a block of indicators (Code, PI Title,
        Current Value, Current Target, Status OK / Warning / Alert, Short Trend — not actions),
        then a block of actions with their own header (Code, Action Title, Status, Progress, Due
        Date, Assigned To); a "Generated on" line; statuses In Progress, Completed, Overdue,
        Not Started; percentages as numbers.""",
        tool="pentana",
        skipped_rows_at_least=4,
    )
    ws = c.sheet("Scorecard", first=True)
    ws.append(["Corporate Parenting Scorecard – Q3 2024/25"])
    ws.append(["Generated on: 20 January 2025 14:05"])
    ws.append([])
    pi_header = ["Code", "PI Title", "Current Value", "Current Target", "Status", "Short Trend"]
    action_header = ["Code", "Action Title", "Status", "Progress", "Due Date", "Assigned To"]
    groups = [
        (
            "CPS1",
            "Placement stability",
            [
                (
                    "CP PI 01",
                    "Children with three or more placements in the year",
                    0.11,
                    0.09,
                    "Alert",
                    "Getting worse",
                ),
                ("CP PI 02", "Children in the same placement for two years", 0.68, 0.7, "Warning", "Improving"),
            ],
            [
                (
                    "CPS1.01",
                    "Hold a stability meeting before any planned move",
                    "In Progress",
                    0.6,
                    "31-Mar-2025",
                    "2025-03-31",
                    "Leanne Ward",
                    ["Leanne Ward"],
                    "green",
                ),
                (
                    "CPS1.02",
                    "Recruit therapeutic foster carers",
                    "Overdue",
                    0.3,
                    "31-Dec-2024",
                    "2024-12-31",
                    "Leanne Ward; Omar Haddad",
                    ["Leanne Ward", "Omar Haddad"],
                    "red",
                ),
            ],
        ),
        (
            "CPS2",
            "Care leavers",
            [
                (
                    "CP PI 05",
                    "Care leavers aged 19-21 in education, employment or training",
                    0.57,
                    0.55,
                    "OK",
                    "Improving",
                ),
            ],
            [
                (
                    "CPS2.01",
                    "Publish the care leavers' local offer",
                    "Completed",
                    1,
                    "30-Sep-2024",
                    "2024-09-30",
                    "Rachel Moss",
                    ["Rachel Moss"],
                    "blue",
                ),
                (
                    "CPS2.02",
                    "Exempt care leavers from council tax to age 25",
                    "Not Started",
                    0,
                    "30-Jun-2025",
                    "2025-06-30",
                    "Rachel Moss",
                    ["Rachel Moss"],
                    "grey",
                ),
            ],
        ),
    ]
    for code, title, indicators, actions in groups:
        theme = c.theme(None, title)
        ws.append([f"{code} {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.append(pi_header)
        for indicator in indicators:
            ws.append(list(indicator))
        ws.append(action_header)
        for ref, name, status, progress, due_text, due, people, owners, rag in actions:
            ws.append([ref, name, status, progress, due_text, people])
            c.action(ref, theme, name, owners=owners, progress_rag=rag, due_date=due)
    return c


def planner_numbered_buckets():
    c = Corpus(
        "planner_numbered_buckets",
        """Planner export of a plan whose buckets are numbered ("1. Voice of the child"), so the
        themes keep those numbers; "Late" as TRUE/FALSE cells rather than text; one task assigned
        to nobody (no owners); a completed task that had been late; "Priority" values (Urgent,
        Important) that are not RAGs; a description holding the inspection paragraph; dates as UK
        text.""",
        tool="planner",
        title="Kingsbury practice improvement",
    )
    ws = c.sheet("Kingsbury practice improvement", first=True)
    ws.append(["Plan name", "Kingsbury practice improvement"])
    ws.append(["Plan ID", "p7Rk2aQ0xN4mVb9cLz3sT1UeH6w"])
    ws.append(["Date of export", "06/02/2025"])
    ws.append([])
    ws.append(
        [
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
    )
    buckets = {"1. Voice of the child": ("1", "Voice of the child"), "2. Quality of plans": ("2", "Quality of plans")}
    for number, title in buckets.values():
        c.theme(number, title)
    tasks = [
        (
            "1. Voice of the child",
            "Add a 'my words' section to every assessment",
            "Completed",
            "Important",
            "Nadia Perez",
            ["Nadia Perez"],
            "14/10/2024",
            "2024-10-14",
            True,
            "blue",
        ),
        (
            "1. Voice of the child",
            "Offer independent advocacy at every child protection conference",
            "In progress",
            "Urgent",
            "Sunil Rao;Nadia Perez",
            ["Sunil Rao", "Nadia Perez"],
            "31/03/2025",
            "2025-03-31",
            False,
            "green",
        ),
        (
            "2. Quality of plans",
            "Rewrite the child in need plan template with families",
            "Not started",
            "Medium",
            "",
            [],
            "30/04/2025",
            "2025-04-30",
            False,
            "grey",
        ),
        (
            "2. Quality of plans",
            "Audit twenty child protection plans a month",
            "In progress",
            "Important",
            "Leanne Ward",
            ["Leanne Ward"],
            "31/01/2025",
            "2025-01-31",
            True,
            "red",
        ),
    ]
    for number, (bucket, name, progress, priority, people, owners, due_text, due, late, rag) in enumerate(tasks):
        ws.append(
            [
                f"Kq{number:02d}Xw3pLm8RtZ",
                name,
                bucket,
                progress,
                priority,
                people,
                "Leanne Ward",
                "02/09/2024",
                "02/09/2024",
                due_text,
                False,
                late,
                "20/10/2024" if progress == "Completed" else "",
                "Nadia Perez" if progress == "Completed" else "",
                "",
                "",
                "",
                f"Ofsted ILACS paragraph {20 + number}",
            ]
        )
        c.action(_, buckets[bucket][1], name, owners=owners, progress_rag=rag, due_date=due)
    return c


def monday_rag_and_priority():
    c = Corpus(
        "monday_rag_and_priority",
        """monday.com board export where the board's status column is titled "RAG" with the
        board's own labels Blue / Green / Amber / Red / Grey, beside a second status column
        "Priority" (Critical, High, Medium, Low) that is not a rating; a "Lead" people column with
        two people in one cell; a "Due" date column; a numbered group name ("2. Workforce"); the
        board name followed by a blank row.""",
        tool="monday",
        title="Northvale Improvement Plan board",
    )
    ws = c.sheet("Northvale Improvement Plan boa", first=True)
    ws.append(["Northvale Improvement Plan board"])
    ws.append([])
    header = ["Name", "Lead", "Priority", "RAG", "Due", "Ref"]
    groups = [
        (
            "1. Front door",
            "1",
            "Front door",
            [
                (
                    "Answer every professional's call to the front door within 10 minutes",
                    "Aisha Khan",
                    ["Aisha Khan"],
                    "High",
                    "Green",
                    "green",
                    "2025-02-28",
                    "FD1",
                ),
                (
                    "Publish the front door's response times each month",
                    "Aisha Khan, Mark Ellison",
                    ["Aisha Khan", "Mark Ellison"],
                    "Medium",
                    "Blue",
                    "blue",
                    "2024-11-29",
                    "FD2",
                ),
            ],
        ),
        (
            "2. Workforce",
            "2",
            "Workforce",
            [
                (
                    "Bring social worker vacancies below 10%",
                    "Tom Reid",
                    ["Tom Reid"],
                    "Critical",
                    "Red",
                    "red",
                    "2025-09-30",
                    "WF1",
                ),
                (
                    "Give every newly qualified social worker a protected caseload",
                    "Gemma Holt",
                    ["Gemma Holt"],
                    "High",
                    "Amber",
                    "amber",
                    "2025-03-31",
                    "WF2",
                ),
                (
                    "Run exit interviews with every leaver",
                    "Gemma Holt",
                    ["Gemma Holt"],
                    "Low",
                    "Grey",
                    "grey",
                    "2025-06-30",
                    "WF3",
                ),
            ],
        ),
    ]
    for group, number, title, items in groups:
        theme = c.theme(number, title)
        ws.append([group])
        ws.append(header)
        for name, people, owners, priority, rag_label, rag, due, ref in items:
            ws.append([name, people, priority, rag_label, due, ref])
            c.action(ref, theme, name, owners=owners, progress_rag=rag, due_date=due)
        ws.append([])
    return c


# ------------------------------------------------------------------ layouts added for unseen files: colour keys, long
# preambles, grouped headers, lettered actions, term dates, RAG codes and symbols, monthly columns, hidden columns


def fill_key_sheet_custom_shades():
    c = Corpus(
        "fill_key_sheet_custom_shades",
        """Post-ILACS plan rated by fill colour only, in the council's own shades (purple for
        complete, teal for on track, dark orange for at risk, pink for off track, pale blue-grey
        for not started), explained by a "RAG Key" sheet AFTER the plan: a filled cell beside
        "Blue – complete", "Green – on track" and so on. Without the key, purple and the others
        would map wrongly or not at all.""",
        title="Brookmere Children's Services Improvement Plan 2025",
        skipped_rows_at_least=1,
    )
    shades = {"blue": "FF7030A0", "green": "FF00A3A3", "amber": "FFC65911", "red": "FFFF66CC", "grey": "FFD6DCE4"}
    ws = c.sheet("Improvement Plan", first=True)
    ws.append(["Brookmere Children's Services Improvement Plan 2025"])
    ws.append([])
    ws.append(["No.", "What we will do", "Lead officer", "Target date", "RAG", "Update"])
    themes = [
        (
            "1",
            "Leadership and oversight",
            [
                (
                    "1.1",
                    "Refresh the practice standards and launch them with every team",
                    "Principal Social Worker",
                    day("2025-03-31"),
                    "2025-03-31",
                    "blue",
                ),
                (
                    "1.2",
                    "Hold monthly performance clinics with every service manager",
                    "Head of Service Safeguarding",
                    day("2025-06-30"),
                    "2025-06-30",
                    "green",
                ),
            ],
        ),
        (
            "2",
            "Children in care",
            [
                (
                    "2.1",
                    "Review every care plan of a child placed more than 20 miles away",
                    "Head of Children in Care",
                    day("2025-05-31"),
                    "2025-05-31",
                    "amber",
                ),
                (
                    "2.2",
                    "Open a second in-house children's home",
                    "Director of Children's Services",
                    day("2025-12-31"),
                    "2025-12-31",
                    "red",
                ),
                (
                    "2.3",
                    "Introduce life-story work training for foster carers",
                    "Fostering Service Manager",
                    day("2026-01-31"),
                    "2026-01-31",
                    "grey",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"{number}. {title}"])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for ref, action, owner, when, due, rag in rows:
            ws.append([ref, action, owner, when, None, "See the highlight report"])
            ws.cell(row=ws.max_row, column=5).fill = fill(shades[rag])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    key = c.sheet("RAG Key")
    key.append(["RAG key used in this plan"])
    for rag, words in (
        ("blue", "Blue – complete"),
        ("green", "Green – on track"),
        ("amber", "Amber – at risk"),
        ("red", "Red – off track"),
        ("grey", "Grey – not started"),
    ):
        key.append([None, words])
        key.cell(row=key.max_row, column=1).fill = fill(shades[rag])
    return c


def fill_hue_theme_colours_no_key():
    c = Corpus(
        "fill_hue_theme_colours_no_key",
        """Quarterly tracker rated by fill colour only with no key anywhere: shades picked from
        the workbook's theme palette (the Office 2007 theme openpyxl writes: Accent 3 green lighter
        40 %, Accent 6 orange, Accent 1 blue darker 25 %), hand-mixed shades (olive green, crimson, light orange), and one cell filled black,
        which no RAG means: it is reported and left empty, never guessed.""",
        title="Eastbury Safeguarding Partnership Business Plan – Q3 tracker",
        skipped_rows_at_least=1,
    )
    from openpyxl.styles.colors import Color

    def theme_fill(index, tint=0.0):
        return PatternFill("solid", fgColor=Color(theme=index, tint=tint))

    ws = c.sheet("Q3 tracker", first=True)
    ws.append(["Eastbury Safeguarding Partnership Business Plan – Q3 tracker"])
    ws.append(["Ref", "Priority action", "Lead agency", "Due", "Q3 RAG"])
    rows = [
        (
            "P1.1",
            "Publish the multi-agency neglect strategy",
            "Partnership Business Manager",
            day("2024-12-31"),
            "2024-12-31",
            theme_fill(6, 0.3999),
            "green",
        ),
        (
            "P1.2",
            "Train 200 practitioners in the neglect toolkit",
            "Partnership Training Lead",
            day("2025-03-31"),
            "2025-03-31",
            theme_fill(9),
            "amber",
        ),
        (
            "P1.3",
            "Audit neglect cases with police, health and education",
            "Partnership QA Manager",
            day("2025-06-30"),
            "2025-06-30",
            theme_fill(4, -0.249977),
            "blue",
        ),
        (
            "P2.1",
            "Agree a joint protocol for children missing from education",
            "Head of Inclusion",
            day("2025-02-28"),
            "2025-02-28",
            fill("FF6B8E23"),
            "green",
        ),
        (
            "P2.2",
            "Launch a single referral route for exploitation concerns",
            "Detective Inspector, Exploitation Hub",
            day("2025-01-31"),
            "2025-01-31",
            fill("FFB22222"),
            "red",
        ),
        (
            "P2.3",
            "Review the escalation policy with schools",
            "Partnership Business Manager",
            day("2025-04-30"),
            "2025-04-30",
            fill("FFFFB366"),
            "amber",
        ),
        (
            "P2.4",
            "Evaluate the impact of the neglect strategy",
            "Partnership QA Manager",
            day("2025-09-30"),
            "2025-09-30",
            fill("FF000000"),
            None,
        ),
    ]
    theme = c.theme(None, "Q3 tracker")
    for ref, action, owner, when, due, cell_fill, rag in rows:
        ws.append([ref, action, owner, when, None])
        ws.cell(row=ws.max_row, column=5).fill = cell_fill
        c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def legend_beside_table():
    c = Corpus(
        "legend_beside_table",
        """JTAI action plan rated by fill colour only, its legend sitting to the right of the table
        (two columns over, on the first rows): a filled cell and the words "Completed", "On track",
        "Some slippage", "Significantly off track", "Not yet due". The plan's shades are its own
        (dark green for complete, light green for on track): read by the legend, dark green is
        Blue.""",
        title="Millbrook JTAI Action Plan – Child Exploitation",
    )
    shades = {"blue": "FF375623", "green": "FFA9D08E", "amber": "FFFFE699", "red": "FFC00000", "grey": "FFFFFFFF"}
    ws = c.sheet("JTAI plan", first=True)
    ws.append(["Millbrook JTAI Action Plan – Child Exploitation"])
    ws.append(["Ref", "JTAI finding", "Action", "Owner", "Timescale", "Progress"])
    legend = [
        ("blue", "Completed"),
        ("green", "On track"),
        ("amber", "Some slippage"),
        ("red", "Significantly off track"),
        ("grey", "Not yet due"),
    ]
    rows = [
        (
            "1",
            "Return home interviews are late",
            "Commission return home interviews within 72 hours",
            "Head of Adolescent Services",
            "March 2025",
            "2025-03-31",
            "blue",
        ),
        (
            "2",
            "Health is not at strategy meetings",
            "Invite the named nurse to every exploitation strategy meeting",
            "Designated Nurse",
            "January 2025",
            "2025-01-31",
            "green",
        ),
        (
            "3",
            "Disruption plans are not reviewed",
            "Review every disruption plan at the monthly MACE panel",
            "Detective Inspector, Exploitation Hub",
            "April 2025",
            "2025-04-30",
            "amber",
        ),
        (
            "4",
            "Schools are not told of risks",
            "Share exploitation risk notifications with designated safeguarding leads",
            "Head of Inclusion",
            "February 2025",
            "2025-02-28",
            "red",
        ),
    ]
    theme = c.theme(None, "JTAI plan")
    for index, (ref, finding, action, owner, when, due, rag) in enumerate(rows):
        ws.append([ref, finding, action, owner, when, None])
        ws.cell(row=ws.max_row, column=6).fill = fill(shades[rag])
        row = ws.max_row
        if index < len(legend):
            ws.cell(row=row, column=8).fill = fill(shades[legend[index][0]])
            ws.cell(row=row, column=9, value=legend[index][1])
        c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    ws.append([None, None, None, None, None, None, None, None, legend[4][1]])
    ws.cell(row=ws.max_row, column=8).fill = fill("FFE7E6E6")
    return c


def long_preamble_repeated_page_headers():
    c = Corpus(
        "long_preamble_repeated_page_headers",
        """Improvement notice plan whose first sheet is the whole document: 48 rows of foreword,
        governance, a version table and a glossary before the header row on row 52; the header is
        repeated at the top of each printed page with a "Page N of 3" line and the document's
        "OFFICIAL – SENSITIVE" marking above it.""",
        title="Hartfield Borough Council – Improvement Notice Action Plan",
        skipped_rows_at_least=10,
    )
    ws = c.sheet("Plan", first=True)
    ws.append(["Hartfield Borough Council – Improvement Notice Action Plan"])
    ws.append([])
    ws.append(["Foreword"])
    for n in range(8):
        ws.append(
            [
                f"The council received an improvement notice in 2024. This plan sets out how we will respond (paragraph {n + 1} of the foreword)."
            ]
        )
    ws.append([])
    ws.append(["Governance"])
    for n in range(10):
        ws.append(
            [
                f"The Improvement Board meets monthly and receives a highlight report on every priority; section {n + 1} explains its terms."
            ]
        )
    ws.append([])
    ws.append(["Version", "Date", "Author", "Change"])
    for n in range(6):
        ws.append(
            [f"0.{n + 1}", day(f"2024-0{n + 1}-15"), "Improvement Programme Manager", "Redrafted after the board"]
        )
    ws.append([])
    ws.append(["Glossary"])
    for short, long in (
        ("IN", "Improvement notice"),
        ("DCS", "Director of Children's Services"),
        ("IRO", "Independent reviewing officer"),
        ("PLO", "Public Law Outline"),
        ("QA", "Quality assurance"),
        ("MASH", "Multi-agency safeguarding hub"),
        ("LADO", "Local authority designated officer"),
        ("SW", "Social worker"),
        ("TM", "Team manager"),
    ):
        ws.append([short, long])
    while ws._current_row < 51:
        ws.append([])
    header = ["Ref", "IN para", "Action", "Responsible officer", "Deadline", "RAG"]
    ws.append(header)
    actions = [
        (
            "1",
            "Leadership",
            [
                (
                    "1.1",
                    "IN 3",
                    ["IN 3"],
                    "Appoint a permanent Director of Children's Services",
                    "Chief Executive",
                    "Jan 2025",
                    "2025-01-31",
                    "Blue",
                    "blue",
                ),
                (
                    "1.2",
                    "IN 4",
                    ["IN 4"],
                    "Agree a workforce strategy with the Improvement Board",
                    "Director of Children's Services",
                    "Mar 2025",
                    "2025-03-31",
                    "Green",
                    "green",
                ),
                (
                    "1.3",
                    "IN 4",
                    ["IN 4"],
                    "Reduce agency social workers to under 20 %",
                    "Head of Workforce",
                    "Sep 2025",
                    "2025-09-30",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Front door",
            [
                (
                    "2.1",
                    "IN 6",
                    ["IN 6"],
                    "Make every MASH decision within one working day",
                    "Head of MASH",
                    "Feb 2025",
                    "2025-02-28",
                    "Red",
                    "red",
                ),
                (
                    "2.2",
                    "IN 7",
                    ["IN 7"],
                    "Audit 50 contacts a month and report to the board",
                    "Head of QA",
                    "Apr 2025",
                    "2025-04-30",
                    "Green",
                    "green",
                ),
                (
                    "2.3",
                    "IN 7",
                    ["IN 7"],
                    "Train MASH staff in thresholds",
                    "MASH Team Manager",
                    "Jun 2025",
                    "2025-06-30",
                    "Grey",
                    "grey",
                ),
            ],
        ),
        (
            "3",
            "Children in care",
            [
                (
                    "3.1",
                    "IN 9",
                    ["IN 9"],
                    "Give every child in care an up-to-date care plan",
                    "Head of Children in Care",
                    "May 2025",
                    "2025-05-31",
                    "Amber",
                    "amber",
                ),
                (
                    "3.2",
                    "IN 10",
                    ["IN 10"],
                    "Double the IRO footprint on care plans",
                    "IRO Service Manager",
                    "Jul 2025",
                    "2025-07-31",
                    "Green",
                    "green",
                ),
            ],
        ),
    ]
    page = 1
    count = 0
    for number, title, rows in actions:
        theme = c.theme(number, title)
        ws.append([f"Priority {number}: {title}"])
        for ref, source, sources, action, owner, when, due, word, rag in rows:
            ws.append([ref, source, action, owner, when, word])
            c.action(ref, theme, action, owners=[owner], sources=sources, progress_rag=rag, due_date=due)
            count += 1
            if count % 3 == 0:
                page += 1
                ws.append([f"Page {page - 1} of 3"])
                ws.append(["OFFICIAL – SENSITIVE"])
                ws.append(header)
    return c


def progress_group_header_rag_first():
    c = Corpus(
        "progress_group_header_rag_first",
        """Youth justice plan whose RAG is the first column, with a two-row header: merged group
        labels ("Progress" over "RAG" and "Update"; "Delivery" over "Lead" and "By when"; "The
        action" over "No." and "Description") above the column labels. Theme rows are
        "Strategic priority 1 –" merged across the table.""",
        title="Riverside Youth Justice Plan 2024-25",
    )
    ws = c.sheet("YJ Plan", first=True)
    ws.append(["Riverside Youth Justice Plan 2024-25"])
    ws.append(["Progress", None, "The action", None, "Delivery", None])
    ws.append(["RAG", "Update", "No.", "Description", "Lead", "By when"])
    for start, end in (("A2", "B2"), ("C2", "D2"), ("E2", "F2")):
        ws.merge_cells(f"{start}:{end}")
    themes = [
        (
            "1",
            "Prevention and diversion",
            [
                (
                    "Green",
                    "green",
                    "Six schools signed up",
                    "1.1",
                    "Extend the diversion scheme to every secondary school",
                    "Youth Justice Service Manager",
                    "July 2025",
                    "2025-07-31",
                ),
                (
                    "Amber",
                    "amber",
                    "Recruitment delayed",
                    "1.2",
                    "Appoint a speech and language therapist to the youth justice team",
                    "Head of Youth Justice",
                    "March 2025",
                    "2025-03-31",
                ),
            ],
        ),
        (
            "2",
            "Education, training and employment",
            [
                (
                    "Blue",
                    "blue",
                    "Done",
                    "2.1",
                    "Agree a protocol with the virtual school for every child open to the service",
                    "Virtual School Head",
                    "December 2024",
                    "2024-12-31",
                ),
                (
                    "Red",
                    "red",
                    "No provider yet",
                    "2.2",
                    "Commission a post-16 engagement programme",
                    "Head of Youth Justice",
                    "April 2025",
                    "2025-04-30",
                ),
                (
                    "Grey",
                    "grey",
                    "",
                    "2.3",
                    "Report education outcomes to the management board each quarter",
                    "Youth Justice Service Manager",
                    "June 2025",
                    "2025-06-30",
                ),
            ],
        ),
    ]
    for number, title, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"Strategic priority {number} – {title}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        for word, rag, update, ref, action, owner, when, due in rows:
            ws.append([word, update, ref, action, owner, when])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def merged_theme_lettered_actions():
    c = Corpus(
        "merged_theme_lettered_actions",
        """Focused visit plan with no ref column: each recommendation is a merged row "1 | Management
        oversight …" whose number is the only ref, and its actions are lettered or numbered inside
        the action text: "(a)", "b)", "i.", "ii)", "1.", "2." — read as refs 1a, 1b, 2.i, 2.ii,
        3.1, 3.2 (the recommendation's number and the action's label) with the label taken off the
        text.""",
        title="Ashdown Focused Visit Action Plan",
    )
    ws = c.sheet("Action plan", first=True)
    ws.append(["Ashdown Focused Visit Action Plan"])
    ws.append(["Recommendation", "Actions", "Who", "When", "RAG"])
    recs = [
        (
            "1",
            "Management oversight of children in need",
            [
                (
                    "(a)",
                    "1a",
                    "Set a standard for monthly supervision of every child in need plan",
                    "Head of Service CIN",
                    "Jan 2025",
                    "2025-01-31",
                    "Green",
                    "green",
                ),
                (
                    "b)",
                    "1b",
                    "Audit twenty children in need plans each month",
                    "Head of QA",
                    "Feb 2025",
                    "2025-02-28",
                    "Amber",
                    "amber",
                ),
            ],
        ),
        (
            "2",
            "Timeliness of child and family assessments",
            [
                (
                    "i.",
                    "2.i",
                    "Track every assessment open more than 35 days at the weekly performance meeting",
                    "Head of Assessment",
                    "Dec 2024",
                    "2024-12-31",
                    "Blue",
                    "blue",
                ),
                (
                    "ii)",
                    "2.ii",
                    "Add two assessment social workers to the team",
                    "Head of Assessment",
                    "Mar 2025",
                    "2025-03-31",
                    "Red",
                    "red",
                ),
            ],
        ),
        (
            "3",
            "Voice of the child in plans",
            [
                (
                    "1.",
                    "3.1",
                    "Introduce a child's own words section in every plan",
                    "Principal Social Worker",
                    "Apr 2025",
                    "2025-04-30",
                    "Green",
                    "green",
                ),
                (
                    "2.",
                    "3.2",
                    "Train all team managers in writing plans with children",
                    "Principal Social Worker",
                    "Jun 2025",
                    "2025-06-30",
                    "Grey",
                    "grey",
                ),
            ],
        ),
    ]
    for number, title, rows in recs:
        theme = c.theme(number, title)
        ws.append([number, f"Recommendation {number}: {title}"])
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=5)
        ws.cell(row=ws.max_row, column=2).font = BOLD
        for label, ref, action, owner, when, due, word, rag in rows:
            ws.append([None, f"{label} {action}", owner, when, word])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def owner_lead_support_term_dates():
    c = Corpus(
        "owner_lead_support_term_dates",
        """SEND written statement of action whose owner cells say "Lead: X / Support: Y" (both are
        owners, without the labels) and whose dates are written as people write them: "Sept 25",
        "Apr-25", "Spring term 2025" (end of March), "End of summer term 2025" (end of July),
        "Autumn term 2024" (end of December), an Excel date serial stored as text ("45747"), a
        real date, and "By Q2" with no year (kept as the timescale, no due date).""",
        title="Kingsmere SEND Written Statement of Action",
    )
    ws = c.sheet("WSoA", first=True)
    ws.append(["Kingsmere SEND Written Statement of Action"])
    ws.append(["Ref", "Area of weakness", "Action", "Owner", "Completion date", "Status"])
    rows = [
        (
            "1.1",
            "EHC plans are late",
            "Clear the backlog of EHC needs assessments",
            "Lead: Head of SEND / Support: EHC Team Manager",
            ["Head of SEND", "EHC Team Manager"],
            "Sept 25",
            "2025-09-30",
            "On track",
            "green",
        ),
        (
            "1.2",
            "EHC plans are late",
            "Introduce weekly EHC timeliness tracking",
            "Lead: EHC Team Manager",
            ["EHC Team Manager"],
            "Apr-25",
            "2025-04-30",
            "Complete",
            "blue",
        ),
        (
            "2.1",
            "Health advice is poor",
            "Agree a health advice quality standard",
            "Lead: Designated Clinical Officer; Support: Head of SEND",
            ["Designated Clinical Officer", "Head of SEND"],
            "Spring term 2025",
            "2025-03-31",
            "At risk",
            "amber",
        ),
        (
            "2.2",
            "Health advice is poor",
            "Audit health advice in 30 plans",
            "Lead: Designated Clinical Officer",
            ["Designated Clinical Officer"],
            "End of summer term 2025",
            "2025-07-31",
            "Not started",
            "grey",
        ),
        (
            "3.1",
            "Parents are not heard",
            "Co-produce the local offer with the parent carer forum",
            "Lead: Head of SEND\nSupport: Parent Carer Forum Chair",
            ["Head of SEND", "Parent Carer Forum Chair"],
            "Autumn term 2024",
            "2024-12-31",
            "Complete",
            "blue",
        ),
        (
            "3.2",
            "Parents are not heard",
            "Publish 'You said, we did' each term",
            "Lead: SEND Engagement Officer",
            ["SEND Engagement Officer"],
            "45747",
            "2025-03-31",
            "Off track",
            "red",
        ),
        (
            "3.3",
            "Parents are not heard",
            "Survey parents about the local offer",
            "Lead: SEND Engagement Officer",
            ["SEND Engagement Officer"],
            day("2025-06-30"),
            "2025-06-30",
            "On track",
            "green",
        ),
        (
            "3.4",
            "Parents are not heard",
            "Report the survey to the SEND board",
            "Lead: SEND Engagement Officer",
            ["SEND Engagement Officer"],
            "By Q2",
            None,
            "Not started",
            "grey",
        ),
    ]
    theme = c.theme(None, "WSoA")
    for ref, need, action, owner, owners, when, due, status, rag in rows:
        ws.append([ref, need, action, owner, when, status])
        c.action(ref, theme, action, owners=owners, progress_rag=rag, due_date=due)
    return c


def rag_codes_and_symbols():
    c = Corpus(
        "rag_codes_and_symbols",
        """Safeguarding partnership plan whose RAG cells are written every way people write them:
        "G", "A/R" (a split rating counts as its weaker part: Red), "Amber/Green" (Amber),
        "B (complete)", a tick "✓" (complete), emoji circles 🟢 🟠 🔴 🔵, "R/A" and "G/B".""",
        title="Westcombe Safeguarding Children Partnership – Business Plan Tracker",
    )
    ws = c.sheet("Tracker", first=True)
    ws.append(["Westcombe Safeguarding Children Partnership – Business Plan Tracker"])
    ws.append(["Ref", "Action", "Lead", "RAG"])
    rows = [
        ("1", "Refresh the threshold document", "Partnership Business Manager", "G", "green"),
        ("2", "Run a neglect audit with all agencies", "Partnership QA Manager", "A/R", "red"),
        ("3", "Publish the annual report", "Partnership Business Manager", "Amber/Green", "amber"),
        ("4", "Train GPs in the neglect toolkit", "Named GP", "B (complete)", "blue"),
        ("5", "Agree the exploitation strategy", "Detective Chief Inspector", "✓", "blue"),
        ("6", "Launch the partnership website", "Partnership Business Manager", "🟢", "green"),
        ("7", "Review the escalation policy", "Partnership QA Manager", "🟠", "amber"),
        ("8", "Hold a learning event on the child safeguarding practice review", "Independent Scrutineer", "🔴", "red"),
        ("9", "Appoint an education representative to the executive", "Director of Education", "🔵", "blue"),
        ("10", "Audit multi-agency strategy meetings", "Partnership QA Manager", "R/A", "red"),
        ("11", "Commission a young people's advisory group", "Partnership Business Manager", "G/B", "green"),
    ]
    theme = c.theme(None, "Tracker")
    for ref, action, owner, word, rag in rows:
        ws.append([ref, action, owner, word])
        c.action(ref, theme, action, owners=[owner], progress_rag=rag)
    return c


def monthly_updates_hidden_columns():
    c = Corpus(
        "monthly_updates_hidden_columns",
        """Monthly tracker with an update and RAG column per month (Jan update, Jan RAG, Feb update,
        Feb RAG, Mar update, Mar RAG) where the last filled month is the latest; the old
        December columns are hidden, and so is the old "Lead" column left of the current one (the
        same title: the owners are the visible column's); one hidden row is a completed action kept in the plan.""",
        title="Northam Children's Services Monthly Tracker",
    )
    ws = c.sheet("Tracker", first=True)
    ws.append(["Northam Children's Services Monthly Tracker"])
    ws.append(
        [
            "Ref",
            "Action",
            "Lead",
            "Lead",
            "Due date",
            "Dec update",
            "Dec RAG",
            "Jan update",
            "Jan RAG",
            "Feb update",
            "Feb RAG",
            "Mar update",
            "Mar RAG",
        ]
    )
    rows = [
        (
            "1.1",
            "Stabilise the front door workforce",
            "Interim Head of MASH",
            "Head of MASH",
            day("2025-03-31"),
            "2025-03-31",
            ["Started", "Red", "Two appointed", "Amber", "Four appointed", "Green", "Fully staffed", "Blue"],
            "blue",
        ),
        (
            "1.2",
            "Audit referrals from schools",
            "QA Lead",
            "Head of QA",
            day("2025-04-30"),
            "2025-04-30",
            ["Planned", "Grey", "Scoped", "Green", "First audit late", "Amber", None, None],
            "amber",
        ),
        (
            "1.3",
            "Launch the consultation line for schools",
            "Head of MASH",
            "Head of MASH",
            day("2025-02-28"),
            "2025-02-28",
            ["Planned", "Grey", "Launched", "Blue", None, None, None, None],
            "blue",
        ),
        (
            "2.1",
            "Review children on child protection plans over 15 months",
            "Head of CP",
            "Head of Safeguarding",
            day("2025-06-30"),
            "2025-06-30",
            ["Not started", "Grey", "Started", "Green", "Reviews behind", "Red", "Recovery plan agreed", "Amber"],
            "amber",
        ),
        (
            "2.2",
            "Agree a neglect pathway with health",
            "Head of CP",
            "Head of Safeguarding",
            day("2025-05-31"),
            "2025-05-31",
            ["Not started", "Grey", None, None, "Draft shared", "Green", None, None],
            "green",
        ),
    ]
    theme = c.theme(None, "Tracker")
    for ref, action, old, owner, when, due, months, rag in rows:
        ws.append([ref, action, old, owner, when, *months[:2], *months[2:]])
        c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    ws.column_dimensions["C"].hidden = True
    ws.column_dimensions["F"].hidden = True
    ws.column_dimensions["G"].hidden = True
    ws.row_dimensions[5].hidden = True
    return c


def theme_sheets_count_rows():
    c = Corpus(
        "theme_sheets_count_rows",
        """A plan kept as one sheet per theme, each sheet ending with its own count rows: "Actions in
        this theme: 3", "Complete 1 / On track 1 / At risk 1", "% complete 33%", and a
        signature line "Theme lead sign-off: Head of Service" — none of which are actions.""",
        skipped_rows_at_least=6,
    )
    sheets = [
        (
            "Early Help",
            [
                ("EH1", "Launch family hubs in the three localities", "Head of Early Help", "Complete", "blue"),
                (
                    "EH2",
                    "Train partners in the early help assessment",
                    "Early Help Partnership Lead",
                    "On track",
                    "green",
                ),
                ("EH3", "Publish the early help offer online", "Head of Early Help", "At risk", "amber"),
            ],
        ),
        (
            "Permanence",
            [
                (
                    "P1",
                    "Track every child's permanence plan at the monthly panel",
                    "Head of Children in Care",
                    "On track",
                    "green",
                ),
                (
                    "P2",
                    "Reduce special guardianship assessment times to 16 weeks",
                    "Kinship Care Manager",
                    "Off track",
                    "red",
                ),
            ],
        ),
    ]
    first = True
    for name, rows in sheets:
        ws = c.sheet(name, first=first)
        first = False
        theme = c.theme(None, name)
        ws.append(["Ref", "Action", "Lead", "Status"])
        for ref, action, owner, word, rag in rows:
            ws.append([ref, action, owner, word])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag)
        ws.append([])
        ws.append([None, f"Actions in this theme: {len(rows)}"])
        ws.append([None, "Complete 1 / On track 1 / At risk 1" if len(rows) == 3 else "On track 1 / Off track 1"])
        ws.append([None, "% complete", None, "33%" if len(rows) == 3 else "0%"])
        ws.append([None, "Theme lead sign-off: Head of Service"])
    return c


def pentana_traffic_light_icon():
    c = Corpus(
        "pentana_traffic_light_icon",
        """Pentana Performance "Action Plan" report: "Generated on" and filter lines above, columns
        "Code", "Action", "Traffic Light Icon" (the icon's words: Completed, In Progress, Check
        Progress, Overdue, Not Started, Cancelled), "Progress Bar" (a percentage), "Assigned To"
        (names with emails), "Due Date" as "31/03/2025" text, "Latest Note"; an "Action Plan" group row
        per priority (its code without the action's last part).""",
        tool="pentana",
        title="Children's Services Improvement Plan",
        skipped_rows_at_least=3,
    )
    ws = c.sheet("Action Plan Report", first=True)
    ws.append(["Children's Services Improvement Plan"])
    ws.append(["Generated on: 03 March 2025 14:20"])
    ws.append(["Filter: Action Plan = CSIP; Status = All"])
    ws.append([])
    ws.append(
        ["Code", "Action", "Traffic Light Icon", "Progress Bar", "Assigned To", "Due Date", "Latest Note", "Note Date"]
    )
    groups = [
        (
            "CSIP01",
            "Leadership and workforce",
            [
                (
                    "CSIP01.01",
                    "Agree a recruitment and retention strategy",
                    "Completed",
                    "blue",
                    1,
                    "Gail Porter (gail.porter@northfold.gov.uk)",
                    ["Gail Porter (gail.porter@northfold.gov.uk)"],
                    "31/12/2024",
                    "2024-12-31",
                ),
                (
                    "CSIP01.02",
                    "Reduce caseloads to 18 on average",
                    "In Progress",
                    "green",
                    0.45,
                    "Gail Porter (gail.porter@northfold.gov.uk)",
                    ["Gail Porter (gail.porter@northfold.gov.uk)"],
                    "30/06/2025",
                    "2025-06-30",
                ),
                (
                    "CSIP01.03",
                    "Launch the social work academy",
                    "Check Progress",
                    "amber",
                    0.2,
                    "Dev Sharma (dev.sharma@northfold.gov.uk)",
                    ["Dev Sharma (dev.sharma@northfold.gov.uk)"],
                    "31/03/2025",
                    "2025-03-31",
                ),
            ],
        ),
        (
            "CSIP02",
            "Care leavers",
            [
                (
                    "CSIP02.01",
                    "Offer every care leaver a personal adviser by 17",
                    "Overdue",
                    "red",
                    0.6,
                    "Ruth Adeyemi (ruth.adeyemi@northfold.gov.uk)",
                    ["Ruth Adeyemi (ruth.adeyemi@northfold.gov.uk)"],
                    "31/01/2025",
                    "2025-01-31",
                ),
                (
                    "CSIP02.02",
                    "Agree council tax exemption for care leavers",
                    "Not Started",
                    "grey",
                    0,
                    "Ruth Adeyemi (ruth.adeyemi@northfold.gov.uk)",
                    ["Ruth Adeyemi (ruth.adeyemi@northfold.gov.uk)"],
                    "30/09/2025",
                    "2025-09-30",
                ),
                (
                    "CSIP02.03",
                    "Buy a care leavers' app",
                    "Cancelled",
                    "closed",
                    0,
                    "Dev Sharma (dev.sharma@northfold.gov.uk)",
                    ["Dev Sharma (dev.sharma@northfold.gov.uk)"],
                    "31/10/2024",
                    "2024-10-31",
                ),
            ],
        ),
    ]
    for code, title, actions in groups:
        theme = c.theme(None, title)
        ws.append([code, title, None, None, None, None, None, None])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        ws.cell(row=ws.max_row, column=2).font = BOLD
        for ref, name, icon, rag, progress, people, owners, due_text, due in actions:
            ws.append([ref, name, icon, progress, people, due_text, "Reported to the board in February", "28/02/2025"])
            if rag == "closed":
                c.action(ref, theme, name, owners=owners, due_date=due, closed=True)
            else:
                c.action(ref, theme, name, owners=owners, progress_rag=rag, due_date=due)
    return c


def monday_custom_status_labels():
    c = Corpus(
        "monday_custom_status_labels",
        """monday.com board export with the board's own status labels: "Working on it", "Stuck",
        "Done", and custom ones "Needs help" (Red), "Under review" (Amber), "Not yet" (Grey),
        "Complete ✅" (Blue), "On hold" (Amber); a "Person" column with several people; a "Due
        date" column; each group a block with its own header row.""",
        tool="monday",
        title="Improvement Programme Board",
    )
    ws = c.sheet("Improvement Programme Board", first=True)
    ws.append(["Improvement Programme Board"])
    ws.append([])
    header = ["Name", "Person", "Status", "Due date", "Item ID"]
    groups = [
        (
            "Workforce",
            [
                (
                    "Run a social work recruitment campaign",
                    "Lee Chambers",
                    ["Lee Chambers"],
                    "Working on it",
                    "green",
                    "2025-03-31",
                ),
                (
                    "Introduce a retention payment for experienced social workers",
                    "Lee Chambers, Priya Nair",
                    ["Lee Chambers", "Priya Nair"],
                    "Needs help",
                    "red",
                    "2025-02-28",
                ),
                ("Launch the ASYE academy", "Priya Nair", ["Priya Nair"], "Complete ✅", "blue", "2024-12-31"),
            ],
        ),
        (
            "Quality of practice",
            [
                ("Refresh the audit programme", "Owen Hart", ["Owen Hart"], "Under review", "amber", "2025-04-30"),
                ("Introduce practice weeks", "Owen Hart", ["Owen Hart"], "Not yet", "grey", "2025-09-30"),
                ("Agree a supervision policy", "Priya Nair", ["Priya Nair"], "Stuck", "red", "2025-01-31"),
                (
                    "Train managers in the new supervision policy",
                    "Owen Hart",
                    ["Owen Hart"],
                    "On hold",
                    "amber",
                    "2025-06-30",
                ),
            ],
        ),
    ]
    item = 1834000100
    for group, items in groups:
        theme = c.theme(str(len(c.expected["themes"]) + 1), group)
        ws.append([group])
        ws.append(header)
        for name, people, owners, status, rag, due in items:
            item += 7
            ws.append([name, people, status, due, str(item)])
            c.action(_, theme, name, owners=owners, progress_rag=rag, due_date=due)
        ws.append([])
    return c


def word_paste_split_rows_no_refs():
    c = Corpus(
        "word_paste_split_rows_no_refs",
        """A Word table pasted into Excel with no merges and no refs: each action's cell held several
        paragraphs, now one row each with the other cells empty (a bulleted list under "We will:",
        a sentence carrying on in lower case); the owner cell's second paragraph is on the second
        row too. Theme rows are the document's bold headings. One action has no owner yet (its own
        action, not part of the one above).""",
        title="Fernley Multi-agency Neglect Strategy – Action Plan",
    )
    ws = c.sheet("Sheet1", first=True)
    ws.append(["Fernley Multi-agency Neglect Strategy – Action Plan"])
    ws.append([])
    ws.append(["Action", "Lead", "Timescale", "Progress"])
    themes = [
        (
            "Early identification",
            [
                (
                    ["We will:", "• train 300 practitioners in the neglect toolkit", "• publish a practice guide"],
                    ["Partnership Training Lead", "Named Nurse"],
                    ["Partnership Training Lead", "Named Nurse"],
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    "green",
                    "We will:\n• train 300 practitioners in the neglect toolkit\n• publish a practice guide",
                ),
                (
                    ["Audit 40 neglect cases with all agencies", "and report the findings to the partnership board"],
                    ["Partnership QA Manager"],
                    ["Partnership QA Manager"],
                    "June 2025",
                    "2025-06-30",
                    "At risk",
                    "amber",
                    "Audit 40 neglect cases with all agencies\nand report the findings to the partnership board",
                ),
            ],
        ),
        (
            "Support for families",
            [
                (
                    ["Offer a family network meeting to every family on a neglect plan"],
                    ["Head of Early Help"],
                    ["Head of Early Help"],
                    "September 2025",
                    "2025-09-30",
                    "Not started",
                    "grey",
                    "Offer a family network meeting to every family on a neglect plan",
                ),
                (
                    ["Commission a parenting programme for parents of teenagers"],
                    [],
                    [],
                    "December 2025",
                    "2025-12-31",
                    "Not started",
                    "grey",
                    "Commission a parenting programme for parents of teenagers",
                ),
                (
                    [
                        "Review the housing protocol for families at risk of eviction",
                        "including those in temporary accommodation",
                    ],
                    ["Head of Housing Options"],
                    ["Head of Housing Options"],
                    "April 2025",
                    "2025-04-30",
                    "Complete",
                    "blue",
                    "Review the housing protocol for families at risk of eviction\nincluding those in temporary accommodation",
                ),
            ],
        ),
    ]
    for title, actions in themes:
        theme = c.theme(None, title)
        ws.append([title])
        ws.cell(row=ws.max_row, column=1).font = BOLD
        for paragraphs, leads, owners, when, due, status, rag, whole in actions:
            for index, paragraph in enumerate(paragraphs):
                lead = leads[index] if index < len(leads) else None
                ws.append([paragraph, lead, when if index == 0 else None, status if index == 0 else None])
            if len(leads) > len(paragraphs):
                for lead in leads[len(paragraphs) :]:
                    ws.append([None, lead, None, None])
            c.action(_, theme, whole, owners=owners, progress_rag=rag, due_date=due)
    return c


def abbreviated_multiline_headers():
    c = Corpus(
        "abbreviated_multiline_headers",
        """Post-ILACS tracker whose header cells are abbreviated and broken over lines: "Act.\\nNo.",
        "Action\\nrequired", "Resp.\\nOfficer", "Tgt\\nDate", "Ofsted\\nPara", "RAG\\n(B/G/A/R)",
        "Impact\\nRAG", "Last\\nupdated"; the last-updated date must not be taken as the due date.""",
        title="Oakhurst Post-ILACS Tracker",
    )
    ws = c.sheet("Tracker", first=True)
    ws.append(["Oakhurst Post-ILACS Tracker"])
    ws.append(
        [
            "Act.\nNo.",
            "Action\nrequired",
            "Resp.\nOfficer",
            "Last\nupdated",
            "Tgt\nDate",
            "Ofsted\nPara",
            "RAG\n(B/G/A/R)",
            "Impact\nRAG",
        ]
    )
    rows = [
        (
            "1",
            "Strengthen management oversight of visits",
            "Head of Service CIN/CP",
            day("2025-01-10"),
            day("2025-03-31"),
            "2025-03-31",
            "12",
            ["Ofsted 12"],
            "G",
            "green",
            "A",
            "amber",
        ),
        (
            "2",
            "Improve the quality of pathway plans",
            "Leaving Care Service Manager",
            day("2025-01-12"),
            day("2025-06-30"),
            "2025-06-30",
            "27, 28",
            ["Ofsted 27", "Ofsted 28"],
            "A",
            "amber",
            "R",
            "red",
        ),
        (
            "3",
            "Complete return home interviews within 72 hours",
            "Head of Adolescent Services",
            day("2025-01-09"),
            day("2024-12-31"),
            "2024-12-31",
            "31",
            ["Ofsted 31"],
            "B",
            "blue",
            "G",
            "green",
        ),
        (
            "4",
            "Agree a sufficiency strategy with the Cabinet",
            "Director of Children's Services",
            day("2025-01-15"),
            day("2025-09-30"),
            "2025-09-30",
            "40",
            ["Ofsted 40"],
            "R",
            "red",
            "R",
            "red",
        ),
    ]
    theme = c.theme(None, "Tracker")
    for ref, action, owner, updated, when, due, para, sources, word, rag, impact_word, impact in rows:
        ws.append([ref, action, owner, updated, when, para, word, impact_word])
        c.action(ref, theme, action, owners=[owner], sources=sources, progress_rag=rag, impact_rag=impact, due_date=due)
    return c


def rag_dots_font_colour():
    c = Corpus(
        "rag_dots_font_colour",
        """Youth justice partnership plan whose RAG column holds a "●" dot coloured by its font (red,
        amber, green, blue), the way some boards mark ratings; one dot is black (no RAG: reported,
        left empty). Refs "YJ1".."YJ5".""",
        title="Bramford Youth Justice Partnership – Improvement Plan",
    )
    ws = c.sheet("Plan", first=True)
    ws.append(["Bramford Youth Justice Partnership – Improvement Plan"])
    ws.append(["Ref", "Action", "Lead", "RAG"])
    rows = [
        (
            "YJ1",
            "Screen every child for speech and language needs",
            "Youth Justice Service Manager",
            "FF00B050",
            "green",
        ),
        (
            "YJ2",
            "Agree a protocol with the police for out-of-court disposals",
            "Head of Youth Justice",
            "FFFFC000",
            "amber",
        ),
        ("YJ3", "Reduce first-time entrants by 10 %", "Head of Youth Justice", "FFFF0000", "red"),
        ("YJ4", "Publish the youth justice plan", "Youth Justice Board Chair", "FF0070C0", "blue"),
        ("YJ5", "Review serious incidents with the partnership", "Head of Youth Justice", "FF000000", None),
    ]
    theme = c.theme(None, "Plan")
    for ref, action, owner, colour, rag in rows:
        ws.append([ref, action, owner, "●"])
        ws.cell(row=ws.max_row, column=4).font = Font(color=colour)
        c.action(ref, theme, action, owners=[owner], progress_rag=rag)
    return c


def spelled_priorities_rag_with_commentary():
    c = Corpus(
        "spelled_priorities_rag_with_commentary",
        """Children in care sufficiency plan whose theme rows spell their numbers ("Priority One:",
        "Priority Two –"); the RAG cell holds the rating and a comment ("Green – recruitment done in
        January", "Amber-Red: two homes delayed", "RED"); due dates carry their history
        ("31/03/2025 (revised from 31/12/2024)") and the later date is the due date.""",
        title="Southvale Sufficiency Plan 2025-27",
    )
    ws = c.sheet("Plan", first=True)
    ws.append(["Southvale Sufficiency Plan 2025-27"])
    ws.append(["Ref", "Action", "Lead", "Due date", "RAG and comment"])
    themes = [
        (
            "1",
            "One",
            "Homes close to home",
            ":",
            [
                (
                    "1.1",
                    "Open two in-house children's homes",
                    "Head of Residential Services",
                    "31/03/2026 (revised from 31/12/2025)",
                    "2026-03-31",
                    "Amber-Red: two homes delayed by planning",
                    "red",
                ),
                (
                    "1.2",
                    "Recruit 30 new foster carers",
                    "Fostering Service Manager",
                    "31/12/2025",
                    "2025-12-31",
                    "Green – recruitment done in January",
                    "green",
                ),
            ],
        ),
        (
            "2",
            "Two",
            "Commissioning",
            " –",
            [
                (
                    "2.1",
                    "Join the regional framework for residential placements",
                    "Head of Commissioning",
                    "30/06/2025",
                    "2025-06-30",
                    "RED",
                    "red",
                ),
                (
                    "2.2",
                    "Publish a market position statement",
                    "Head of Commissioning",
                    "31/05/2025",
                    "2025-05-31",
                    "Blue (done)",
                    "blue",
                ),
            ],
        ),
    ]
    for number, word, title, sep, rows in themes:
        theme = c.theme(number, title)
        ws.append([f"Priority {word}{sep} {title}"])
        for ref, action, owner, when, due, rag_text, rag in rows:
            ws.append([ref, action, owner, when, rag_text])
            c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    return c


def numeric_refs_tbc_owners():
    c = Corpus(
        "numeric_refs_tbc_owners",
        """Partnership neglect plan whose refs are typed as numbers, so Excel stores 1.10 as 1.1 and
        1.20 as 1.2 (after 1.9 and 1.19 they are 1.10 and 1.20); owners not yet named are "TBC" or
        "N/A" (no owner, not a role called TBC); the outcome column holds the theme alone on the row
        above its actions; "Start date" and "End date" (the end is the due date).""",
    )
    ws = c.sheet("Neglect plan", first=True)
    ws.append(["Outcome", "No.", "Action", "Lead", "Start date", "End date", "Progress (RAG)", "Progress commentary"])
    theme = c.theme(None, "Children living with neglect are seen sooner")
    ws.append([theme])
    words = {"green": "G", "amber": "A", "red": "R", "blue": "B", "grey": "Gr"}
    cycle = ["green", "amber", "blue", "red", "grey"]
    for n in range(1, 21):
        ref = f"1.{n}"
        owner = "TBC" if n == 4 else "N/A" if n == 12 else "Partnership Business Manager" if n % 2 else "Named Nurse"
        owners = [] if n in (4, 12) else [owner]
        rag = cycle[n % 5]
        ws.append(
            [
                None,
                float(ref),
                f"Neglect action {n}: agree step {n} with partners",
                owner,
                day("2025-01-01"),
                day(f"2025-{(n % 12) + 1:02d}-01"),
                words[rag],
                "Update given to the board",
            ]
        )
        due = (datetime.date(2025, (n % 12) + 1, 1)).isoformat()
        c.action(
            ref,
            theme,
            f"Neglect action {n}: agree step {n} with partners",
            owners=owners,
            progress_rag=rag,
            due_date=due,
        )
    return c


def percent_complete_buckets():
    c = Corpus(
        "percent_complete_buckets",
        """A task list in the shape of a premium Planner / Project for the web export (Task number,
        Name, Bucket, Assigned to, Start, Finish, % complete, Priority, Notes): no status or RAG
        column, so "% complete" rates (100 % Blue, started Green, 0 % Grey); buckets are the themes;
        names joined by ";"; "Finish" is the due date; "Priority" is not a rating. Read by the
        general reader (it is not one of the exports the tool rules know).""",
    )
    ws = c.sheet("Tasks", first=True)
    ws.append(["Task number", "Name", "Bucket", "Assigned to", "Start", "Finish", "% complete", "Priority", "Notes"])
    rows = [
        (
            1,
            "Agree the performance scorecard",
            "Leadership",
            "Gemma Holt",
            ["Gemma Holt"],
            "01/10/2024",
            "31/12/2024",
            "2024-12-31",
            100,
            "blue",
            "Important",
        ),
        (
            2,
            "Report performance to the board monthly",
            "Leadership",
            "Gemma Holt;Tom Reid",
            ["Gemma Holt", "Tom Reid"],
            "01/10/2024",
            "31/03/2025",
            "2025-03-31",
            50,
            "green",
            "Medium",
        ),
        (
            3,
            "Audit strategy discussions with police and health",
            "Help and protection",
            "Aisha Khan",
            ["Aisha Khan"],
            "01/02/2025",
            "31/05/2025",
            "2025-05-31",
            0,
            "grey",
            "Low",
        ),
        (
            4,
            "Cut the time from contact to decision to one day",
            "Help and protection",
            "Aisha Khan;Mark Ellison",
            ["Aisha Khan", "Mark Ellison"],
            "01/11/2024",
            "28/02/2025",
            "2025-02-28",
            25,
            "green",
            "Urgent",
        ),
    ]
    themes = {}
    for number, name, bucket, people, owners, start, finish, due, percent, rag, priority in rows:
        if bucket not in themes:
            themes[bucket] = c.theme(None, bucket)
        ws.append([number, name, bucket, people, start, finish, percent, priority, "Weekly check-in"])
        c.action(str(number), themes[bucket], name, owners=owners, progress_rag=rag, due_date=due)
    return c


def quarter_group_header_key_rows():
    c = Corpus(
        "quarter_group_header_key_rows",
        """Early help plan whose header is two rows only under one merged group: "Progress update"
        merged over "Q1", "Q2", "Q3", "Q4" (the quarters are periods, not refs), each quarter's cell
        a rating with a comment, the latest filled quarter the rating; "Who's responsible?" as the
        owner header; a RAG key in the table's own columns after a blank row ("Blue" in the ref
        column, its meaning in the action column) that must not become actions.""",
        title="Westvale Early Help Improvement Plan",
        skipped_rows_at_least=3,
    )
    ws = c.sheet("Plan", first=True)
    ws.append(["Westvale Early Help Improvement Plan"])
    ws.append(["Ref", "Action", "Who's responsible?", "Target", "Progress update", None, None, None])
    ws.append([None, None, None, None, "Q1", "Q2", "Q3", "Q4"])
    ws.merge_cells("E2:H2")
    rows = [
        (
            "1.1",
            "Agree early help thresholds with partners",
            "Head of Early Help",
            "Mar 2025",
            "2025-03-31",
            ["Green – agreed in principle", "Blue"],
            "blue",
        ),
        (
            "1.2",
            "Audit early help assessments each quarter",
            "Head of QA",
            "Jun 2025",
            "2025-06-30",
            ["Amber", "Amber", "Red - audit late"],
            "red",
        ),
        (
            "1.3",
            "Train 100 staff in the early help assessment",
            "Early Help Partnership Lead",
            "Sep 2025",
            "2025-09-30",
            ["Grey"],
            "grey",
        ),
        (
            "1.4",
            "Open a family hub in the north locality",
            "Head of Early Help",
            "Dec 2025",
            "2025-12-31",
            ["Green", "Green", "Green", "Amber – lease delayed"],
            "amber",
        ),
    ]
    theme = c.theme(None, "Plan")
    for ref, action, owner, when, due, quarters, rag in rows:
        ws.append([ref, action, owner, when, *quarters])
        c.action(ref, theme, action, owners=[owner], progress_rag=rag, due_date=due)
    ws.append([])
    for word, meaning, colour in (
        ("Blue", "Complete and evidenced", BLUE),
        ("Green", "Progressing as planned", GREEN),
        ("Amber", "Some slippage, recovery in hand", AMBER),
        ("Red", "Significant slippage", RED),
    ):
        ws.append([word, meaning])
        ws.cell(row=ws.max_row, column=1).fill = fill(colour)
    return c


BUILDERS = [
    post_ilacs_theme_sheets,
    jtai_two_row_header,
    improvement_notice_merged,
    partnership_business_plan,
    send_wsoa_area_column,
    send_app_fill_key,
    youth_justice_plan,
    numbered_merged_themes,
    focused_visit_theme_column,
    fill_colours_offset_table,
    owner_variants,
    quarterly_tracker_revised_dates,
    pre_proceedings_notes_rows,
    merged_theme_column,
    version_table_and_intro,
    outcomes_sheet_then_plan,
    area_for_improvement_lead_timescale,
    strategic_aims_unlabelled_ref,
    dates_as_typed,
    status_and_rag_columns,
    sheet_per_agency,
    rag_group_header,
    owner_and_inside_roles,
    smartsheet_export,
    smartsheet_rygb_export,
    monday_export,
    monday_dates_and_ids,
    monday_rag_and_priority,
    planner_export,
    planner_numbered_buckets,
    project_export,
    project_excel_template,
    pentana_export,
    pentana_scorecard_with_pis,
    word_table_paste,
    word_table_no_themes,
    fill_key_sheet_custom_shades,
    fill_hue_theme_colours_no_key,
    legend_beside_table,
    long_preamble_repeated_page_headers,
    progress_group_header_rag_first,
    merged_theme_lettered_actions,
    owner_lead_support_term_dates,
    rag_codes_and_symbols,
    monthly_updates_hidden_columns,
    theme_sheets_count_rows,
    pentana_traffic_light_icon,
    monday_custom_status_labels,
    word_paste_split_rows_no_refs,
    abbreviated_multiline_headers,
    rag_dots_font_colour,
    spelled_priorities_rag_with_commentary,
    numeric_refs_tbc_owners,
    percent_complete_buckets,
    quarter_group_header_key_rows,
]


def build(folder=HERE):
    slugs = []
    for builder in BUILDERS:
        corpus = builder()
        corpus.save(folder)
        slugs.append(corpus.slug)
    return slugs


if __name__ == "__main__":
    built = build()
    sys.stdout.write(f"Built {len(built)} workbooks in {HERE}: {', '.join(built)}\n")
