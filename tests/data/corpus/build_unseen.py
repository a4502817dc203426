"""Build the second half of the layout corpus: councils' plans laid out as the reader's authors never laid them.

Each workbook here was drawn from how English councils lay out their plans (written statements of action,
JTAI and improvement-notice plans, partnership business plans, youth justice plans, early help and
corporate parenting plans, QA audit trackers) without looking at the reader, so that it tests the reader
on layouts nobody fitted it to. Each writes tests/data/corpus/unseen_<name>.xlsx and its expected facts
as unseen_<name>.json, in the same format as build.py's workbooks (see plans/benchmarks/fidelity.py).

Run: .venv/bin/python -m tests.data.corpus.build_unseen
"""

import datetime
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# The first half of the corpus shares its helpers: a fill, a date, byte-for-byte repeatable saving.
from tests.data.corpus.build import _deterministic, day, fill

HERE = Path(__file__).resolve().parent
BOLD = Font(bold=True)
BIG = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")

BLUE, GREEN, AMBER, RED, GREY = "FF0070C0", "FF00B050", "FFFFC000", "FFFF0000", "FFA6A6A6"


class Corpus:
    """One workbook and its expected facts."""

    def __init__(self, slug, description, *, title=None):
        self.slug = f"unseen_{slug}"
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.expected = {"description": description, "tool": None}
        if title is not None:
            self.expected["title"] = title
        self.expected["themes"] = []
        self.expected["actions"] = []

    def sheet(self, name):
        return self.book.create_sheet(name)

    def theme(self, title, number=None):
        theme = {"number": str(number), "title": title} if number is not None else {"title": title}
        self.expected["themes"].append(theme)

    def action(self, text, *, theme, owners, ref=None, **facts):
        action = {}
        if ref is not None:
            action["ref"] = ref
        action["theme"] = theme
        action["action"] = text
        action["owners"] = owners
        for name in ("sources", "progress_rag", "impact_rag", "category", "due_date", "closed"):
            if name in facts:
                action[name] = facts[name]
        self.expected["actions"].append(action)

    def skipped_at_least(self, count):
        self.expected["skipped_rows_at_least"] = count

    def save(self, folder):
        buffer = io.BytesIO()
        self.book.save(buffer)
        (folder / f"{self.slug}.xlsx").write_bytes(_deterministic(buffer.getvalue()))
        (folder / f"{self.slug}.json").write_text(json.dumps(self.expected, indent=2, ensure_ascii=False) + "\n")


def write_row(ws, row, values, *, start=1, bold=False):
    for offset, value in enumerate(values):
        if value is None:
            continue
        cell = ws.cell(row=row, column=start + offset, value=value)
        cell.alignment = WRAP
        if bold:
            cell.font = BOLD


def merged_heading(ws, row, text, *, first=1, last=8, colour="FFD9E1F2"):
    ws.cell(row=row, column=first, value=text).font = BOLD
    ws.cell(row=row, column=first).fill = fill(colour)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


# ------------------------------------------------------------------ the workbooks


def wsoa_cover_instructions():
    """SEND written statement of action behind a cover sheet and an instructions sheet."""
    title = "Eastmoor Local Area SEND Written Statement of Action 2024–2026"
    c = Corpus(
        "wsoa_cover_instructions",
        "SEND written statement of action: a cover sheet and a 'How to use this plan' sheet before the plan; a "
        "two-row header (group labels merged over the column labels) frozen below a title block; the area of "
        "significant weakness as a first column merged down over its actions ('1. The timeliness ...'); refs 1a, "
        "1b; owners joined by '/', '&' and ',' and one role holding 'and' ('Assistant Director Education and "
        "Inclusion'); a 'Partners involved' column that is not the owner; status words in odd forms ('Blue "
        "(complete)', 'grey - not yet due', 'AMBER'); dates as real dates, 'Dec 2024', 'Jan-25', '31/10/2024', "
        "'Ongoing'; a RAG key note row at the foot.",
        title=title,
    )
    cover = c.sheet("Cover")
    cover["A1"] = title
    cover["A1"].font = BIG
    cover["A3"] = (
        "Eastmoor Local Area Partnership: Eastmoor Council, Eastmoor Integrated Care Board, parent carer forum"
    )
    cover["A5"] = (
        "Following the joint Ofsted and CQC inspection of special educational needs and/or disabilities, May 2024"
    )
    cover["A7"] = "Version 3.2 – submitted 14 August 2024"
    cover["A8"] = "Approved by the SEND Improvement Board"

    guide = c.sheet("How to use this plan")
    for row, text in enumerate(
        [
            "How to use this plan",
            "1. Leads update the RAG Status column monthly before the SEND Improvement Board.",
            "2. Use Blue for complete, Green on track, Amber some slippage, Red off track, Grey not yet due.",
            "3. Evidence of impact should point to documents on the shared drive.",
            "4. Do not change the rows or the numbering: the board pack reads them.",
        ],
        start=1,
    ):
        guide.cell(row=row, column=1, value=text)

    ws = c.sheet("WSOA")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Joint Ofsted/CQC inspection May 2024 – areas of significant weakness"
    for first, last, text in ((1, 2, "Weakness"), (3, 5, "What we will do"), (6, 7, "Timescale"), (8, 9, "Monitoring")):
        ws.cell(row=4, column=first, value=text).font = BOLD
        ws.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
    write_row(
        ws,
        5,
        [
            "Area of significant weakness",
            "No.",
            "Action",
            "Lead officer(s)",
            "Partners involved",
            "Start",
            "Complete by",
            "Evidence of impact",
            "RAG Status",
        ],
        bold=True,
    )
    ws.freeze_panes = "A6"
    weaknesses = [
        (
            1,
            "The timeliness and quality of EHC plans",
            [
                (
                    "1a",
                    "Recruit four additional EHC plan coordinators and clear the backlog of overdue assessments",
                    "Head of SEND Service",
                    "Council",
                    day("2024-09-01"),
                    "Dec 2024",
                    "Green",
                    dict(owners=["Head of SEND Service"], progress_rag="green", due_date="2024-12-31"),
                ),
                (
                    "1b",
                    "Introduce a multi-agency quality assurance panel for draft EHC plans",
                    "Designated Clinical Officer / Head of SEND Service",
                    "Health, Social Care",
                    day("2024-09-01"),
                    day("2025-03-31"),
                    "AMBER",
                    dict(
                        owners=["Designated Clinical Officer", "Head of SEND Service"],
                        progress_rag="amber",
                        due_date="2025-03-31",
                    ),
                ),
                (
                    "1c",
                    "Train SENCOs and health practitioners in writing outcomes that are specific and measurable",
                    "Principal Educational Psychologist & SENCO Network Lead",
                    "Schools",
                    day("2024-10-01"),
                    "31/10/2024",
                    "Blue (complete)",
                    dict(
                        owners=["Principal Educational Psychologist", "SENCO Network Lead"],
                        progress_rag="blue",
                        due_date="2024-10-31",
                    ),
                ),
            ],
        ),
        (
            2,
            "The co-production of services with parents and carers",
            [
                (
                    "2a",
                    "Agree a co-production charter with the parent carer forum",
                    "Assistant Director Education and Inclusion",
                    "Parent carer forum",
                    day("2024-09-01"),
                    "Jan-25",
                    "Red",
                    dict(
                        owners=["Assistant Director Education and Inclusion"], progress_rag="red", due_date="2025-01-31"
                    ),
                ),
                (
                    "2b",
                    "Publish a 'you said, we did' report on the Local Offer every term",
                    "Head of Inclusion, Head of SEND Service",
                    "Parent carer forum",
                    day("2024-11-01"),
                    "Ongoing",
                    "grey - not yet due",
                    dict(owners=["Head of Inclusion", "Head of SEND Service"], progress_rag="grey", due_date=None),
                ),
            ],
        ),
        (
            3,
            "Preparation for adulthood",
            [
                (
                    "3a",
                    "Start transition planning at the Year 9 annual review for every young person with an EHC plan",
                    "Preparing for Adulthood Lead",
                    "Adult Social Care",
                    day("2024-09-01"),
                    day("2025-07-31"),
                    "green",
                    dict(owners=["Preparing for Adulthood Lead"], progress_rag="green", due_date="2025-07-31"),
                ),
                (
                    "3b",
                    "Commission supported internships with two further local employers",
                    "Post-16 Commissioning Manager",
                    "Further education colleges",
                    day("2025-01-06"),
                    "Jun 2025",
                    "Grey",
                    dict(owners=["Post-16 Commissioning Manager"], progress_rag="grey", due_date="2025-06-30"),
                ),
            ],
        ),
    ]
    row = 6
    for number, weakness, actions in weaknesses:
        c.theme(weakness, number)
        first_row = row
        for ref, text, lead, partners, start, due, rag, facts in actions:
            write_row(ws, row, [None, ref, text, lead, partners, start, due, "Board report", rag])
            ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=7).number_format = "dd mmm yyyy"
            c.action(text, ref=ref, theme=weakness, **facts)
            row += 1
        ws.cell(row=first_row, column=1, value=f"{number}. {weakness}").alignment = WRAP
        ws.merge_cells(start_row=first_row, start_column=1, end_row=row - 1, end_column=1)
    row += 1
    ws.cell(
        row=row,
        column=1,
        value="RAG key: Blue = complete; Green = on track; Amber = some slippage; Red = off track; Grey = not yet due",
    )
    c.skipped_at_least(1)
    return c


def jtai_colour_key_top():
    """JTAI multi-agency plan: colour-only progress with a key above the table."""
    title = "Brackenford Safeguarding Partnership – JTAI Multi-Agency Action Plan (Criminal Exploitation, 2024)"
    c = Corpus(
        "jtai_colour_key_top",
        "JTAI multi-agency action plan on one sheet: a title, a date line and a colour key (five filled cells with "
        "their meanings) to the right above the table; 'Area for priority action N –' and 'Area for improvement N –' "
        "merged theme rows; the source column 'JTAI finding' holds 'Para 14' / 'Paras 17 & 18'; progress is a "
        "fill colour only under 'Progress'; leads whose role holds a comma or an ampersand ('Detective Chief "
        "Inspector, Public Protection', 'Head of Service Exploitation & Missing') and two leads joined by ';'; an "
        "'Agency' column that is not the owner; dates '31st January 2025', 'Feb 2025', 'Q4 2024/25', '30/04/25', "
        "'Monthly'; a comments column with a month in its header.",
        title=title,
    )
    ws = c.sheet("JTAI action plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Updated for the Partnership Executive, 12 November 2024"
    ws["G2"] = "Key"
    ws["G2"].font = BOLD
    for row, (colour, meaning) in enumerate(
        [
            (BLUE, "Completed"),
            (GREEN, "On track"),
            (AMBER, "Some slippage, recovery plan in place"),
            (RED, "Off track – escalate to the Executive"),
            (GREY, "Not yet started"),
        ],
        start=3,
    ):
        ws.cell(row=row, column=7).fill = fill(colour)
        ws.cell(row=row, column=8, value=meaning)
    header = 9
    write_row(
        ws,
        header,
        ["JTAI finding", "Ref", "Action", "Agency", "Lead", "Timescale", "Progress", "Comments (Oct)"],
        bold=True,
    )
    ws.freeze_panes = f"A{header + 1}"
    colours = {"blue": BLUE, "green": GREEN, "amber": AMBER, "red": RED, "grey": GREY}
    themes = [
        (
            "Area for priority action 1 – Identification of children at risk of exploitation",
            1,
            "Identification of children at risk of exploitation",
            [
                (
                    "Para 14",
                    "1.1",
                    "Adopt one exploitation screening tool across police, health, schools and children's social care",
                    "All",
                    "Head of Service Exploitation & Missing",
                    "31st January 2025",
                    "green",
                    ["Head of Service Exploitation & Missing"],
                    ["JTAI 14"],
                    "2025-01-31",
                ),
                (
                    "Paras 17 & 18",
                    "1.2",
                    "Hold a weekly multi-agency exploitation meeting that maps peers, places and perpetrators",
                    "Police",
                    "Detective Chief Inspector, Public Protection",
                    "Feb 2025",
                    "amber",
                    ["Detective Chief Inspector, Public Protection"],
                    ["JTAI 17", "JTAI 18"],
                    "2025-02-28",
                ),
            ],
        ),
        (
            "Area for priority action 2 – Return home interviews",
            2,
            "Return home interviews",
            [
                (
                    "Para 21",
                    "2.1",
                    "Offer every child a return home interview within 72 hours of coming home",
                    "Council",
                    "Missing Children Coordinator",
                    day("2024-12-31"),
                    "blue",
                    ["Missing Children Coordinator"],
                    ["JTAI 21"],
                    "2024-12-31",
                ),
                (
                    "Para 22",
                    "2.2",
                    "Share what children say in return home interviews with the police missing person coordinator",
                    "Council, Police",
                    "Missing Children Coordinator; Police Missing Persons Coordinator",
                    "Q4 2024/25",
                    "red",
                    ["Missing Children Coordinator", "Police Missing Persons Coordinator"],
                    ["JTAI 22"],
                    "2025-03-31",
                ),
            ],
        ),
        (
            "Area for improvement 3 – Information sharing with schools",
            3,
            "Information sharing with schools",
            [
                (
                    "Para 30",
                    "3.1",
                    "Tell schools the same day when a pupil is discussed at the exploitation meeting",
                    "Education",
                    "Education Safeguarding Lead",
                    "30/04/25",
                    "grey",
                    ["Education Safeguarding Lead"],
                    ["JTAI 30"],
                    "2025-04-30",
                ),
                (
                    "para 31",
                    "3.2",
                    "Audit a sample of exploitation referrals from schools each month",
                    "Health",
                    "Designated Nurse Safeguarding Children, Brackenford ICB",
                    "Monthly",
                    "green",
                    ["Designated Nurse Safeguarding Children, Brackenford ICB"],
                    ["JTAI 31"],
                    None,
                ),
            ],
        ),
    ]
    row = header + 1
    for heading, number, theme, actions in themes:
        merged_heading(ws, row, heading)
        c.theme(theme, number)
        row += 1
        for para, ref, text, agency, lead, due, rag, owners, sources, due_date in actions:
            write_row(ws, row, [para, ref, text, agency, lead, due, None, "Update to follow at the November meeting"])
            ws.cell(row=row, column=7).fill = fill(colours[rag])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=6).number_format = "d mmmm yyyy"
            c.action(text, ref=ref, theme=theme, owners=owners, sources=sources, progress_rag=rag, due_date=due_date)
            row += 1
    return c


def yjs_theme_column_quarter_rags():
    """Youth justice plan: a priority column on every row, one RAG column per quarter, a totals row."""
    title = "Oakhampton Youth Justice Partnership – Youth Justice Plan 2024/25: delivery plan"
    c = Corpus(
        "yjs_theme_column_quarter_rags",
        "Youth justice plan behind a cover sheet, with a glossary sheet after it: the priority written on every "
        "row of a 'Priority' column; refs FTE1, SYV2, ETE1; one RAG column per quarter (Q1 RAG to Q4 RAG) as "
        "letters B/G/A/R/Gr, Q4 not yet filled, so the latest filled quarter is the current RAG; owners joined by "
        "'and' and a role holding brackets; deadlines 'Q2 2024/25', 'Q4 24/25', 'March 2025', 'Sep-24', "
        "'Ongoing'; a totals row counting the RAGs at the foot.",
        title=title,
    )
    cover = c.sheet("Cover")
    cover["A1"] = title
    cover["A1"].font = BIG
    cover["A3"] = "Agreed by the Youth Justice Management Board, 18 July 2024"
    cover["A4"] = "Contact: YJS Business Support"
    ws = c.sheet("YJ Plan 2024-25")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        ["Priority", "Action ID", "Action", "Owner", "Deadline", "Q1 RAG", "Q2 RAG", "Q3 RAG", "Q4 RAG", "Notes"],
        bold=True,
    )
    ws.freeze_panes = "C4"
    rows = [
        (
            "Reducing first time entrants",
            "FTE1",
            "Offer an out-of-court disposal assessment to every child arrested for a first offence",
            "YJS Head of Service",
            "Q2 2024/25",
            ("G", "G", "B"),
            ["YJS Head of Service"],
            "blue",
            "2024-09-30",
        ),
        (
            "Reducing first time entrants",
            "FTE2",
            "Run a joint decision-making panel with the police every fortnight",
            "Police Inspector (Youth Engagement) and YJS Operations Manager",
            "Q4 24/25",
            ("Gr", "A", "G"),
            ["Police Inspector (Youth Engagement)", "YJS Operations Manager"],
            "green",
            "2025-03-31",
        ),
        (
            "Serious youth violence",
            "SYV1",
            "Place a youth worker in the emergency department on Friday and Saturday nights",
            "Violence Reduction Unit Manager",
            "March 2025",
            ("A", "A", "R"),
            ["Violence Reduction Unit Manager"],
            "red",
            "2025-03-31",
        ),
        (
            "Serious youth violence",
            "SYV2",
            "Deliver the weapons awareness programme in every secondary school",
            "YJS Prevention Team Manager",
            "Ongoing",
            ("G", "G", "G"),
            ["YJS Prevention Team Manager"],
            "green",
            None,
        ),
        (
            "Education, training and employment",
            "ETE1",
            "Agree a protocol with schools on the reduced timetables of children known to the YJS",
            "Education Inclusion Officer (YJS)",
            "Sep-24",
            ("A", "B", "B"),
            ["Education Inclusion Officer (YJS)"],
            "blue",
            "2024-09-30",
        ),
        (
            "Education, training and employment",
            "ETE2",
            "Secure ten work taster placements with local employers for children on orders",
            "YJS Operations Manager",
            "Q1 2025/26",
            ("Gr", "Gr", "A"),
            ["YJS Operations Manager"],
            "amber",
            "2025-06-30",
        ),
    ]
    seen = []
    for index, (priority, ref, text, owner, deadline, rags, owners, rag, due) in enumerate(rows, start=4):
        write_row(ws, index, [priority, ref, text, owner, deadline, *rags, None, None])
        if priority not in seen:
            seen.append(priority)
            c.theme(priority)
        c.action(text, ref=ref, theme=priority, owners=owners, progress_rag=rag, due_date=due)
    total = 4 + len(rows)
    write_row(
        ws, total, ["Total actions", 6, None, None, None, "G 3, A 2, Gr 2", "G 3, A 2, B 1", "B 2, G 2, A 1, R 1"]
    )
    ws.cell(row=total, column=1).font = BOLD
    glossary = c.sheet("Glossary")
    for row, (term, meaning) in enumerate(
        [
            ("Term", "Meaning"),
            ("YJS", "Youth Justice Service"),
            ("FTE", "First time entrant"),
            ("SYV", "Serious youth violence"),
            ("ETE", "Education, training and employment"),
            ("VRU", "Violence Reduction Unit"),
        ],
        start=1,
    ):
        glossary.cell(row=row, column=1, value=term)
        glossary.cell(row=row, column=2, value=meaning)
    c.skipped_at_least(1)
    return c


def early_help_priority_sheets():
    """Early help strategy action plan: a contents sheet, one sheet per priority, a glossary."""
    title = "Early Help Strategy 2024–2027: Action Plan"
    c = Corpus(
        "early_help_priority_sheets",
        "Early help strategy action plan: a contents sheet, one sheet per priority (each opening with the plan's "
        "title, 'Priority N: ...' and an 'Outcome we want:' row above its header), a glossary sheet; refs '1.01' "
        "as text and 2.1 as numbers; headers 'What we will do', 'Who will lead', 'By when', 'Status', 'Latest "
        "comments'; status words 'Complete ✔', 'on track', 'AT RISK', 'Not started', 'Overdue'; dates as "
        "'31/01/2025', '2025-02-28' text, 'Jan 25', real dates; two leads joined by a comma; an NB: row.",
        title=title,
    )
    contents = c.sheet("Contents")
    contents["A1"] = title
    contents["A3"] = "Contents"
    for row, text in enumerate(
        ["P1 Identify early – Priority 1", "P2 Family hubs – Priority 2", "P3 Workforce – Priority 3", "Glossary"],
        start=4,
    ):
        contents.cell(row=row, column=1, value=text)
    priorities = [
        (
            "P1 Identify early",
            1,
            "Identify needs early and respond quickly",
            "Families get the right help at the first point of contact.",
            [
                (
                    "1.01",
                    "Launch a single early help request form for all partners",
                    "Early Help Partnership Manager",
                    "31/01/2025",
                    "Complete ✔",
                    ["Early Help Partnership Manager"],
                    "blue",
                    "2025-01-31",
                ),
                (
                    "1.02",
                    "Train designated safeguarding leads in schools to lead early help assessments",
                    "Early Help Partnership Manager, Education Safeguarding Lead",
                    "2025-02-28",
                    "on track",
                    ["Early Help Partnership Manager", "Education Safeguarding Lead"],
                    "green",
                    "2025-02-28",
                ),
                (
                    "1.03",
                    "Publish monthly data on early help assessments opened by each partner",
                    "Performance and Intelligence Manager",
                    "Jan 25",
                    "AT RISK",
                    ["Performance and Intelligence Manager"],
                    "amber",
                    "2025-01-31",
                ),
            ],
        ),
        (
            "P2 Family hubs",
            2,
            "Family hubs in every locality",
            "Every family can reach a family hub within a short bus ride.",
            [
                (
                    2.1,
                    "Open the north and east family hubs",
                    "Family Hubs Manager",
                    day("2025-04-30"),
                    "Not started",
                    ["Family Hubs Manager"],
                    "grey",
                    "2025-04-30",
                ),
                (
                    2.2,
                    "Co-locate health visiting and midwifery clinics in the family hubs",
                    "Family Hubs Manager, Head of Public Health Nursing",
                    day("2024-11-30"),
                    "Overdue",
                    ["Family Hubs Manager", "Head of Public Health Nursing"],
                    "red",
                    "2024-11-30",
                ),
            ],
        ),
        (
            "P3 Workforce",
            3,
            "A skilled early help workforce",
            "Practitioners are confident to lead early help for families.",
            [
                (
                    3.1,
                    "Deliver the early help practice framework training to 300 practitioners",
                    "Workforce Development Manager",
                    day("2025-03-31"),
                    "On Track",
                    ["Workforce Development Manager"],
                    "green",
                    "2025-03-31",
                ),
                (
                    3.2,
                    "Introduce group supervision for early help practitioners",
                    "Head of Early Help",
                    "31/03/2025",
                    "complete",
                    ["Head of Early Help"],
                    "blue",
                    "2025-03-31",
                ),
            ],
        ),
    ]
    for sheet_name, number, theme, outcome, actions in priorities:
        ws = c.sheet(sheet_name)
        ws["A1"] = title
        ws["A1"].font = BIG
        ws["A2"] = f"Priority {number}: {theme}"
        ws["A2"].font = BOLD
        ws["A3"] = f"Outcome we want: {outcome}"
        write_row(
            ws, 5, ["Action No.", "What we will do", "Who will lead", "By when", "Status", "Latest comments"], bold=True
        )
        ws.freeze_panes = "A6"
        c.theme(theme, number)
        row = 6
        for ref, text, lead, due, status, owners, rag, due_date in actions:
            write_row(ws, row, [ref, text, lead, due, status, "Discussed at the Early Help Board"])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            ref_text = ref if isinstance(ref, str) else f"{ref:g}"
            c.action(text, ref=ref_text, theme=theme, owners=owners, progress_rag=rag, due_date=due_date)
            row += 1
        if number == 3:
            ws.cell(row=row + 1, column=1, value="NB: actions 3.3 and 3.4 moved to the Workforce Strategy in October.")
    glossary = c.sheet("Glossary")
    glossary["A1"] = "Glossary"
    glossary["A2"] = "DSL"
    glossary["B2"] = "Designated safeguarding lead"
    glossary["A3"] = "EHA"
    glossary["B3"] = "Early help assessment"
    c.skipped_at_least(1)
    return c


def corporate_parenting_pledges():
    """Corporate parenting plan: pledge rows, Lead: and Why this matters: rows, category sub-headings."""
    title = "Corporate Parenting Strategy Action Plan 2024–25"
    c = Corpus(
        "corporate_parenting_pledges",
        "Corporate parenting action plan: 'PLEDGE N – ...' merged theme rows each followed by a 'Lead:' row and "
        "a 'Why this matters:' row; 'Business as usual' and 'Change priorities' sub-heading rows giving the "
        "category of the rows below; refs P1.1; owners that hold a slash or an ampersand inside one role ('Head "
        "of Service CIN/CP', 'Learning & Development Officer') beside owners joined by ' / ' and ' & '; RAG words "
        "in upper and lower case with trailing spaces; a measure column 'How we will know'.",
        title=title,
    )
    ws = c.sheet("Action Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Owned by the Corporate Parenting Board. Reviewed quarterly with the Children in Care Council."
    write_row(
        ws,
        4,
        ["Ref", "Action", "How we will know", "Responsible officer(s)", "Target date", "RAG status", "Update"],
        bold=True,
    )
    ws.freeze_panes = "A5"
    pledges = [
        (
            1,
            "We will help you feel safe and settled where you live",
            "Head of Service Children in Care",
            "Children told us moves of home are the hardest part of being in care.",
            [
                (
                    "Business as usual",
                    "business_fundamental",
                    [
                        (
                            "P1.1",
                            "Hold a stability meeting whenever a placement is at risk of ending",
                            "Head of Service CIN/CP",
                            day("2024-10-31"),
                            "GREEN",
                            ["Head of Service CIN/CP"],
                            "green",
                            "2024-10-31",
                        ),
                        (
                            "P1.2",
                            "Keep brothers and sisters together unless their plan says otherwise",
                            "Fostering Service Manager",
                            day("2025-03-31"),
                            "Amber ",
                            ["Fostering Service Manager"],
                            "amber",
                            "2025-03-31",
                        ),
                    ],
                ),
                (
                    "Change priorities",
                    "change_priority",
                    [
                        (
                            "P1.3",
                            "Recruit twenty new foster carers through the regional fostering hub",
                            "Fostering Service Manager & Marketing Manager",
                            day("2025-06-30"),
                            "red",
                            ["Fostering Service Manager", "Marketing Manager"],
                            "red",
                            "2025-06-30",
                        ),
                    ],
                ),
            ],
        ),
        (
            2,
            "We will help you do well in education",
            "Virtual School Head",
            "Too few of our children reach the expected standard at the end of primary school.",
            [
                (
                    "Business as usual",
                    "business_fundamental",
                    [
                        (
                            "P2.1",
                            "Review every personal education plan each term for quality",
                            "Virtual School Head / Head of Service Children in Care",
                            day("2024-12-20"),
                            "blue",
                            ["Virtual School Head", "Head of Service Children in Care"],
                            "blue",
                            "2024-12-20",
                        ),
                    ],
                ),
                (
                    "Change priorities",
                    "change_priority",
                    [
                        (
                            "P2.2",
                            "Train foster carers to support reading at home",
                            "Learning & Development Officer",
                            day("2025-02-28"),
                            "Grey",
                            ["Learning & Development Officer"],
                            "grey",
                            "2025-02-28",
                        ),
                    ],
                ),
            ],
        ),
        (
            3,
            "We will prepare you for adult life",
            "Leaving Care Manager",
            "Care leavers told us they did not know what help they could have.",
            [
                (
                    "Change priorities",
                    "change_priority",
                    [
                        (
                            "P3.1",
                            "Publish the local offer for care leavers in plain English",
                            "Leaving Care Manager",
                            day("2024-11-30"),
                            "Blue",
                            ["Leaving Care Manager"],
                            "blue",
                            "2024-11-30",
                        ),
                        (
                            "P3.2",
                            "Guarantee a tenancy-ready flat to every care leaver who wants one at 18",
                            "Leaving Care Manager & Housing Options Manager",
                            day("2025-09-30"),
                            "GREEN ",
                            ["Leaving Care Manager", "Housing Options Manager"],
                            "green",
                            "2025-09-30",
                        ),
                    ],
                ),
            ],
        ),
    ]
    row = 5
    for number, theme, lead, why, groups in pledges:
        merged_heading(ws, row, f"PLEDGE {number} – {theme}", last=7)
        c.theme(theme, number)
        ws.cell(row=row + 1, column=1, value=f"Lead: {lead}")
        ws.cell(row=row + 2, column=1, value=f"Why this matters: {why}")
        row += 3
        for heading, category, actions in groups:
            ws.cell(row=row, column=1, value=heading).font = Font(bold=True, italic=True)
            row += 1
            for ref, text, owner, due, rag, owners, expected_rag, due_date in actions:
                write_row(ws, row, [ref, text, "Quarterly report to the board", owner, due, rag, None])
                ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
                c.action(
                    text,
                    ref=ref,
                    theme=theme,
                    owners=owners,
                    progress_rag=expected_rag,
                    due_date=due_date,
                    category=category,
                )
                row += 1
    c.skipped_at_least(
        2
    )  # the title and the line under it (pledge, Lead:, Why this matters: and category rows are used)
    return c


def qa_audit_tracker_offset():
    """QA audit action tracker: offset table, the audit as a theme column written once, status phrases."""
    title = "Audit Action Tracker – Children's Social Care Quality Assurance"
    c = Corpus(
        "qa_audit_tracker_offset",
        "QA audit action tracker: the table starts at B5 under a title and a 'Last updated' line; the audit "
        "each action came from is a theme column written on its first row only (the rows below left blank); "
        "refs NEG-01, SD-02; the 'Finding' column hidden; status phrases 'Closed - complete', 'Open – on "
        "track', 'Open - at risk', 'Open - overdue', 'Not yet due'; two owners joined by '&'; a 'Date closed' "
        "column beside the target date.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["B1"] = title
    ws["B1"].font = BIG
    ws["B2"] = "Last updated: 03/12/2024"
    write_row(
        ws,
        5,
        [
            "Audit",
            "Ref",
            "Finding",
            "Action agreed",
            "Action owner",
            "Target date",
            "Status",
            "Date closed",
            "Evidence",
        ],
        start=2,
        bold=True,
    )
    ws.column_dimensions["D"].hidden = True
    ws.freeze_panes = "B6"
    audits = [
        (
            "Neglect thematic audit (June 2024)",
            [
                (
                    "NEG-01",
                    "Use of the graded care profile is inconsistent",
                    "Relaunch the graded care profile with refresher training for every team",
                    "Principal Social Worker",
                    day("2024-09-30"),
                    "Closed - complete",
                    day("2024-09-20"),
                    ["Principal Social Worker"],
                    "blue",
                ),
                (
                    "NEG-02",
                    "Chronologies are not kept up to date",
                    "Set a standard that chronologies are updated at every supervision",
                    "Head of Service Safeguarding",
                    day("2024-12-31"),
                    "Open – on track",
                    None,
                    ["Head of Service Safeguarding"],
                    "green",
                ),
                (
                    "NEG-03",
                    "Fathers are rarely seen",
                    "Add a question on fathers to the audit tool and report it monthly",
                    "Service Manager QA & Principal Social Worker",
                    day("2024-11-30"),
                    "Open - overdue",
                    None,
                    ["Service Manager QA", "Principal Social Worker"],
                    "red",
                ),
            ],
        ),
        (
            "Strategy discussions dip sample (Aug 2024)",
            [
                (
                    "SD-01",
                    "Health are not always present at strategy discussions",
                    "Agree with health a named attendee rota for strategy discussions",
                    "MASH Service Manager",
                    day("2025-01-31"),
                    "Open - at risk",
                    None,
                    ["MASH Service Manager"],
                    "amber",
                ),
                (
                    "SD-02",
                    "Outcomes of strategy discussions are not shared with schools",
                    "Send the outcome of every strategy discussion to the school the same day",
                    "MASH Service Manager",
                    day("2025-02-28"),
                    "Not yet due",
                    None,
                    ["MASH Service Manager"],
                    "grey",
                ),
            ],
        ),
        (
            "Supervision audit (Sept 2024)",
            [
                (
                    "SUP-01",
                    "Supervision records do not show reflection",
                    "Introduce a reflective supervision template",
                    "Principal Social Worker",
                    day("2024-12-31"),
                    "Open – on track",
                    None,
                    ["Principal Social Worker"],
                    "green",
                ),
            ],
        ),
    ]
    row = 6
    for audit, actions in audits:
        c.theme(audit)
        for index, (ref, finding, text, owner, due, status, closed, owners, rag) in enumerate(actions):
            write_row(
                ws,
                row,
                [
                    audit if index == 0 else None,
                    ref,
                    finding,
                    text,
                    owner,
                    due,
                    status,
                    closed,
                    "Audit report on the shared drive",
                ],
                start=2,
            )
            ws.cell(row=row, column=7).number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=9).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=audit, owners=owners, progress_rag=rag, due_date=due.date().isoformat())
            row += 1
    return c


def improvement_notice_monthly_pairs():
    """Improvement notice plan: a month group over an Update and a RAG column, three months, January hidden."""
    title = "Redmarsh Council – Improvement Notice Action Plan"
    c = Corpus(
        "improvement_notice_monthly_pairs",
        "Improvement notice plan: a two-row header whose upper row names a month (January 2025, February 2025, "
        "March 2025) merged over an 'Update' and a 'RAG' column each, the January pair hidden, so the current RAG "
        "is March's; 'Target N:' merged theme rows; an 'IN ref' source column holding paragraph numbers and a "
        "separate 'Action No' holding numbers 1-6; target dates '31.03.25', '30.06.2025', 'June 2025', real dates.",
        title=title,
    )
    ws = c.sheet("Improvement Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Improvement Notice issued 2 February 2024 by the Department for Education"
    for first, last, text in ((1, 5, "Plan"), (6, 7, "January 2025"), (8, 9, "February 2025"), (10, 11, "March 2025")):
        ws.cell(row=4, column=first, value=text).font = BOLD
        ws.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
    write_row(
        ws,
        5,
        ["IN ref", "Action No", "Action", "Lead", "Target Date", "Update", "RAG", "Update", "RAG", "Update", "RAG"],
        bold=True,
    )
    ws.column_dimensions["F"].hidden = True
    ws.column_dimensions["G"].hidden = True
    ws.freeze_panes = "A6"
    targets = [
        (
            1,
            "Children receive a timely and proportionate response at the front door",
            [
                (
                    "4.1",
                    1,
                    "Recruit a permanent MASH team manager and two senior practitioners",
                    "Head of Service Front Door",
                    "31.03.25",
                    ("Amber", "Green", "Blue"),
                    "2025-03-31",
                ),
                (
                    "4.2",
                    2,
                    "Review every contact that is not progressed within 24 hours",
                    "Head of Service Front Door",
                    day("2025-01-31"),
                    ("Red", "Amber", "Green"),
                    "2025-01-31",
                ),
            ],
        ),
        (
            2,
            "Children in need of protection have plans that reduce risk",
            [
                (
                    "5.1",
                    3,
                    "Chairs to quality-assure every child protection plan at the initial conference",
                    "Safeguarding Service Manager",
                    "30.06.2025",
                    ("Grey", "Grey", "Amber"),
                    "2025-06-30",
                ),
                (
                    "5.3",
                    4,
                    "Introduce core group minutes on the case record system",
                    "Business Systems Manager",
                    "June 2025",
                    ("Green", "Green", "Red"),
                    "2025-06-30",
                ),
            ],
        ),
        (
            3,
            "Leaders know the quality of practice",
            [
                (
                    "6.2",
                    5,
                    "Publish a monthly performance scorecard to the Improvement Board",
                    "Head of Performance",
                    day("2024-12-31"),
                    ("Green", "Blue", "Blue"),
                    "2024-12-31",
                ),
                (
                    "6.4",
                    6,
                    "Run a programme of practice weeks led by senior leaders",
                    "Director of Children's Services",
                    day("2025-05-31"),
                    ("Grey", "Green", "Grey"),
                    "2025-05-31",
                ),
            ],
        ),
    ]
    row = 6
    for number, theme, actions in targets:
        merged_heading(ws, row, f"Target {number}: {theme}", last=11)
        c.theme(theme, number)
        row += 1
        for para, number_in_plan, text, lead, due, rags, due_date in actions:
            updates = []
            for rag, month in zip(rags, ("January", "February", "March")):
                updates += [f"See the {month} highlight report", rag]
            write_row(ws, row, [para, number_in_plan, text, lead, due, *updates])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
            c.action(
                text,
                ref=str(number_in_plan),
                theme=theme,
                owners=[lead],
                sources=[f"IN {para}"],
                progress_rag=rags[-1].lower(),
                due_date=due_date,
            )
            row += 1
    return c


def partnership_merged_priority_column():
    """Safeguarding partnership business plan: a merged priority column, merged leads and RAGs, a summary sheet."""
    title = "Fernleigh Safeguarding Children Partnership Business Plan 2024–2026"
    c = Corpus(
        "partnership_merged_priority_column",
        "Safeguarding partnership business plan behind a front page, with a RAG summary sheet after it: a "
        "'Strategic priority' first column merged down over its actions ('Priority 1 – Neglect'); a lead merged "
        "over two actions and a RAG letter merged over two actions; owners whose role holds a comma ('Designated "
        "Nurse, Fernleigh ICB') or 'and' ('Learning and Improvement Officer') beside two joined by '&'; timescales "
        "'March 2025', 'Q2 2025/26', 'Ongoing', 'By end of Dec 2024'; blank spacer rows between priorities and an "
        "NB: row at the foot.",
        title=title,
    )
    front = c.sheet("Front page")
    front["A1"] = title
    front["A1"].font = BIG
    front["A3"] = "Statutory partners: Fernleigh Council, Fernleigh Integrated Care Board, Fernshire Police"
    front["A5"] = "Independent Scrutineer: annual report due September 2025"
    ws = c.sheet("Business plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        [
            "Strategic priority",
            "Ref",
            "What we will do",
            "Lead agency / officer",
            "Timescale",
            "Progress to date",
            "RAG",
        ],
        bold=True,
    )
    ws.freeze_panes = "B4"
    priorities = [
        (
            1,
            "Neglect",
            [
                (
                    "N1",
                    "Launch the neglect strategy and toolkit across the partnership",
                    "Partnership Business Manager",
                    "March 2025",
                    "G",
                ),
                (
                    "N2",
                    "Audit the use of the neglect toolkit in health visiting and schools",
                    "Designated Nurse, Fernleigh ICB",
                    "Q2 2025/26",
                    "A",
                ),
                (
                    "N3",
                    "Run neglect briefings for every primary school",
                    "Designated Nurse, Fernleigh ICB",
                    "Q2 2025/26",
                    "A",
                ),
            ],
        ),
        (
            2,
            "Safeguarding adolescents",
            [
                (
                    "SA1",
                    "Agree a contextual safeguarding approach for places where young people are at risk",
                    "Head of Public Protection (Police)",
                    "By end of Dec 2024",
                    "B",
                ),
                (
                    "SA2",
                    "Map children missing from education against exploitation referrals each quarter",
                    "Head of Public Protection (Police)",
                    "Ongoing",
                    "G",
                ),
            ],
        ),
        (
            3,
            "Learning from practice",
            [
                (
                    "LP1",
                    "Publish 7-minute briefings after every rapid review",
                    "Partnership Business Manager & Learning and Improvement Officer",
                    "Ongoing",
                    "R",
                ),
                (
                    "LP2",
                    "Hold two multi-agency learning events on the findings of local reviews",
                    "Learning and Improvement Officer",
                    day("2025-05-31"),
                    "Gr",
                ),
            ],
        ),
    ]
    owners_of = {
        "Partnership Business Manager": ["Partnership Business Manager"],
        "Designated Nurse, Fernleigh ICB": ["Designated Nurse, Fernleigh ICB"],
        "Head of Public Protection (Police)": ["Head of Public Protection (Police)"],
        "Partnership Business Manager & Learning and Improvement Officer": [
            "Partnership Business Manager",
            "Learning and Improvement Officer",
        ],
        "Learning and Improvement Officer": ["Learning and Improvement Officer"],
    }
    dates = {
        "March 2025": "2025-03-31",
        "Q2 2025/26": "2025-09-30",
        "By end of Dec 2024": "2024-12-31",
        "Ongoing": None,
    }
    rags = {"B": "blue", "G": "green", "A": "amber", "R": "red", "Gr": "grey"}
    row = 4
    for number, theme, actions in priorities:
        c.theme(theme, number)
        first = row
        previous = None
        for ref, text, lead, when, rag in actions:
            write_row(ws, row, [None, ref, text, lead, when, "Progress reported to the Executive in November", rag])
            if isinstance(when, datetime.datetime):
                ws.cell(row=row, column=5).number_format = "mmmm yyyy"
            due = when.date().isoformat() if isinstance(when, datetime.datetime) else dates[when]
            c.action(text, ref=ref, theme=theme, owners=owners_of[lead], progress_rag=rags[rag], due_date=due)
            if previous and previous[0] == lead and previous[1] == when and previous[2] == rag:
                # one lead, timescale and RAG for both actions: merged down, as councils do
                for column in (4, 5, 7):
                    ws.cell(row=row, column=column).value = None
                    ws.merge_cells(start_row=row - 1, start_column=column, end_row=row, end_column=column)
            previous = (lead, when, rag)
            row += 1
        ws.cell(row=first, column=1, value=f"Priority {number} – {theme}").alignment = WRAP
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
        row += 1  # a blank spacer
    ws.cell(row=row, column=1, value="NB: Priority 3 actions are shared with the Safeguarding Adults Board.")
    summary = c.sheet("RAG summary")
    write_row(summary, 1, ["RAG", "Number of actions", "%"], bold=True)
    for index, (word, count) in enumerate([("Blue", 1), ("Green", 2), ("Amber", 2), ("Red", 1), ("Grey", 1)], start=2):
        write_row(summary, index, [word, count, round(count / 7, 2)])
    write_row(summary, 7, ["Total", 7, 1])
    c.skipped_at_least(1)
    return c


def ilacs_summary_first_continuations():
    """Post-ILACS plan: a summary sheet first, numbered merged theme rows, RAG words with suffixes, continuations."""
    title = "Kingsbridge Children's Services – ILACS Improvement Plan"
    c = Corpus(
        "ilacs_summary_first_continuations",
        "Post-ILACS plan with a RAG summary sheet before the plan and a key sheet after it: numbered merged theme "
        "rows ('1) The quality ...'); refs 1.1; an action whose text runs on to a second row with no ref; RAG "
        "codes with a word after them ('G - on track', 'A – some slippage', 'B (complete)', 'R: off track', 'Gr "
        "– not started') under 'Progress RAG' and plain words under 'Impact RAG', one impact left blank; the "
        "source column 'Ofsted Report Para' holding 'para 23; para 24' and bare numbers; due dates 'end of March "
        "2025', 'April 2025' and real dates.",
        title=title,
    )
    summary = c.sheet("Summary")
    summary["A1"] = "RAG summary – November 2024"
    write_row(summary, 3, ["Priority", "Blue", "Green", "Amber", "Red", "Grey", "Total"], bold=True)
    write_row(summary, 4, ["1", 1, 1, 0, 0, 0, 2])
    write_row(summary, 5, ["2", 0, 0, 1, 1, 0, 2])
    write_row(summary, 6, ["3", 0, 1, 0, 0, 1, 2])
    write_row(summary, 7, ["Total", 1, 2, 1, 1, 1, 6])
    ws = c.sheet("Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws["A2"] = "Inspection of local authority children's services: requires improvement to be good (March 2024)"
    write_row(
        ws,
        4,
        [
            "No",
            "Action(s)",
            "Success measure / evidence of impact",
            "Lead",
            "Due",
            "Ofsted Report Para",
            "Progress RAG",
            "Impact RAG",
        ],
        bold=True,
    )
    ws.freeze_panes = "C5"
    themes = [
        (
            1,
            "The quality and impact of help for disabled children",
            [
                (
                    "1.1",
                    ["Re-assess every disabled child open to the service using the new assessment framework"],
                    "Head of Service Disabled Children",
                    "end of March 2025",
                    "para 23; para 24",
                    "B (complete)",
                    "Green",
                    "blue",
                    "green",
                    "2025-03-31",
                    ["Ofsted 23", "Ofsted 24"],
                ),
                (
                    "1.2",
                    [
                        "Commission short breaks that meet the needs identified in the re-assessments,",
                        "including overnight breaks for children with complex health needs",
                    ],
                    "Commissioning Manager Children",
                    "April 2025",
                    "25",
                    "G - on track",
                    "Amber",
                    "green",
                    "amber",
                    "2025-04-30",
                    ["Ofsted 25"],
                ),
            ],
        ),
        (
            2,
            "Permanence for children in care",
            [
                (
                    "2.1",
                    ["Track permanence for every child at the second review through the permanence panel"],
                    "Head of Service Children in Care",
                    day("2025-01-31"),
                    "31",
                    "A – some slippage",
                    "Grey",
                    "amber",
                    "grey",
                    "2025-01-31",
                    ["Ofsted 31"],
                ),
                (
                    "2.2",
                    ["Complete later life letters for every child adopted since 2022"],
                    "Adoption Team Manager",
                    day("2024-12-31"),
                    "para 33",
                    "R: off track",
                    None,
                    "red",
                    None,
                    "2024-12-31",
                    ["Ofsted 33"],
                ),
            ],
        ),
        (
            3,
            "Stability of the social care workforce",
            [
                (
                    "3.1",
                    ["Open a social work academy for newly qualified social workers"],
                    "Principal Social Worker",
                    day("2024-09-30"),
                    "40",
                    "G",
                    "Green",
                    "green",
                    "green",
                    "2024-09-30",
                    ["Ofsted 40"],
                ),
                (
                    "3.2",
                    ["Reduce agency social workers to below 15% of the workforce"],
                    "Head of Workforce",
                    day("2025-09-30"),
                    "41",
                    "Gr – not started",
                    "Grey",
                    "grey",
                    "grey",
                    "2025-09-30",
                    ["Ofsted 41"],
                ),
            ],
        ),
    ]
    row = 5
    for number, theme, actions in themes:
        merged_heading(ws, row, f"{number}) {theme}")
        c.theme(theme, number)
        row += 1
        for ref, lines, lead, due, para, progress, impact, progress_rag, impact_rag, due_date, sources in actions:
            write_row(
                ws, row, [ref, lines[0], "Monthly audit and performance report", lead, due, para, progress, impact]
            )
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=5).number_format = "dd-mmm-yy"
            row += 1
            for more in lines[1:]:
                ws.cell(row=row, column=2, value=more)
                row += 1
            c.action(
                " ".join(lines),
                ref=ref,
                theme=theme,
                owners=[lead],
                sources=sources,
                progress_rag=progress_rag,
                impact_rag=impact_rag,
                due_date=due_date,
            )
    key = c.sheet("Key")
    key["A1"] = "RAG key"
    for row, (code, meaning) in enumerate(
        [("B", "Complete"), ("G", "On track"), ("A", "Some slippage"), ("R", "Off track"), ("Gr", "Not started")],
        start=2,
    ):
        key.cell(row=row, column=1, value=code)
        key.cell(row=row, column=2, value=meaning)
    return c


def app_rag_first_fill_key_sheet():
    """SEND accelerated progress plan: the RAG is the first column, fill colours only, custom shades in a key sheet."""
    title = "Hallam Vale Local Area Partnership – SEND Accelerated Progress Plan"
    c = Corpus(
        "app_rag_first_fill_key_sheet",
        "SEND accelerated progress plan with an introduction sheet and a key sheet: the RAG is the first column, "
        "shown by fill colour only in custom shades that the key sheet names ('Complete', 'On track', 'Some "
        "slippage', 'Off track', 'Not yet started'); the area for improvement written on every row; refs E.1, "
        "F.2; two owners joined by 'and'; dates '30.09.25', 'Sept 25', 'end Dec 2025' and real dates.",
        title=title,
    )
    intro = c.sheet("Introduction")
    intro["A1"] = title
    intro["A3"] = (
        "This accelerated progress plan responds to the area SEND inspection of March 2024. "
        "It is monitored monthly by the SEND Partnership Board and the Department for Education."
    )
    shades = {
        "blue": "FF5B9BD5",
        "green": "FF92D050",
        "amber": "FFFFD966",
        "red": "FFC00000",
        "grey": "FFBFBFBF",
    }
    ws = c.sheet("APP")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["RAG", "Ref", "Area for improvement", "Action", "Owner", "By", "Progress update"], bold=True)
    ws.freeze_panes = "A4"
    rows = [
        (
            "green",
            "E.1",
            "Waiting times for neurodevelopmental assessment",
            "Commission additional autism assessment capacity from an independent provider",
            "Head of SEND and Designated Clinical Officer",
            "30.09.25",
            ["Head of SEND", "Designated Clinical Officer"],
            "2025-09-30",
        ),
        (
            "amber",
            "E.2",
            "Waiting times for neurodevelopmental assessment",
            "Offer every family on the waiting list a support contact within four weeks",
            "Designated Clinical Officer",
            "Sept 25",
            ["Designated Clinical Officer"],
            "2025-09-30",
        ),
        (
            "blue",
            "E.3",
            "Waiting times for neurodevelopmental assessment",
            "Publish waiting times on the Local Offer each month",
            "SEND Information Officer",
            day("2025-01-31"),
            ["SEND Information Officer"],
            "2025-01-31",
        ),
        (
            "red",
            "F.1",
            "Communication with parents and carers",
            "Answer every complaint from a parent or carer within 20 working days",
            "SENDIASS Manager",
            "end Dec 2025",
            ["SENDIASS Manager"],
            "2025-12-31",
        ),
        (
            "grey",
            "F.2",
            "Communication with parents and carers",
            "Hold termly open sessions with the parent carer forum in every locality",
            "Head of SEND",
            day("2025-07-18"),
            ["Head of SEND"],
            "2025-07-18",
        ),
        (
            "green",
            "G.1",
            "Inclusion in mainstream schools",
            "Fund an inclusion outreach team for primary schools",
            "Assistant Director Education",
            day("2025-04-30"),
            ["Assistant Director Education"],
            "2025-04-30",
        ),
    ]
    themes = []
    for row, (rag, ref, theme, text, owner, due, owners, due_date) in enumerate(rows, start=4):
        write_row(ws, row, [None, ref, theme, text, owner, due, "Reported to the SEND Partnership Board"])
        ws.cell(row=row, column=1).fill = fill(shades[rag])
        if isinstance(due, datetime.datetime):
            ws.cell(row=row, column=6).number_format = "dd/mm/yy"
        if theme not in themes:
            themes.append(theme)
            c.theme(theme)
        c.action(text, ref=ref, theme=theme, owners=owners, progress_rag=rag, due_date=due_date)
    key = c.sheet("Key")
    key["A1"] = "RAG key"
    for row, (rag, meaning) in enumerate(
        [
            ("blue", "Complete"),
            ("green", "On track"),
            ("amber", "Some slippage"),
            ("red", "Off track"),
            ("grey", "Not yet started"),
        ],
        start=2,
    ):
        key.cell(row=row, column=1).fill = fill(shades[rag])
        key.cell(row=row, column=2, value=meaning)
    return c


def action_plan_status_suffix_subtotals():
    """A departmental action plan: theme sheets named only 'Theme N', status written as 'On Track (G)', sub-totals."""
    c = Corpus(
        "action_plan_status_suffix_subtotals",
        "Children's services action plan with an instructions sheet and one sheet per theme named 'Theme 1' / "
        "'Theme 2', each sheet's first cell the theme's title; header 'Action Ref | Key Action | Responsible | "
        "Completion Date | Current Status | Commentary'; status words with the letter in brackets ('On Track (G)', "
        "'Completed (B)', 'Slipped (A)', 'Not Yet Started (Gr)', 'Off Track (R)'); refs 'T1-01'; dates typed as "
        "'1st April 2025', '15 Jan 2025', 'Q1 2025/26'; a sub-total row under each sheet ('Actions in theme: 3').",
    )
    guide = c.sheet("Instructions")
    guide["A1"] = "Instructions for action owners"
    guide["A2"] = "Update Current Status and Commentary by the 20th of each month."
    guide["A3"] = (
        "Status must be one of: Completed (B), On Track (G), Slipped (A), Off Track (R), Not Yet Started (Gr)."
    )
    sheets = [
        (
            1,
            "Practice quality and management oversight",
            [
                (
                    "T1-01",
                    "Embed the practice standards in every team meeting",
                    "Head of Practice Improvement",
                    "1st April 2025",
                    "On Track (G)",
                    ["Head of Practice Improvement"],
                    "green",
                    "2025-04-01",
                ),
                (
                    "T1-02",
                    "Run monthly practice weeks with senior leaders observing practice",
                    "Assistant Director Social Care",
                    "15 Jan 2025",
                    "Completed (B)",
                    ["Assistant Director Social Care"],
                    "blue",
                    "2025-01-15",
                ),
                (
                    "T1-03",
                    "Introduce a management oversight template on the case record",
                    "Business Systems Manager",
                    "Q1 2025/26",
                    "Slipped (A)",
                    ["Business Systems Manager"],
                    "amber",
                    "2025-06-30",
                ),
            ],
        ),
        (
            2,
            "Children in care and care leavers",
            [
                (
                    "T2-01",
                    "Increase in-house fostering sufficiency",
                    "Head of Fostering",
                    "Q4 2025/26",
                    "Not Yet Started (Gr)",
                    ["Head of Fostering"],
                    "grey",
                    "2026-03-31",
                ),
                (
                    "T2-02",
                    "Review the pathway plans of all care leavers aged 18 to 21",
                    "Leaving Care Team Manager",
                    day("2025-02-28"),
                    "Off Track (R)",
                    ["Leaving Care Team Manager"],
                    "red",
                    "2025-02-28",
                ),
            ],
        ),
    ]
    for number, theme, actions in sheets:
        ws = c.sheet(f"Theme {number}")
        ws["A1"] = theme
        ws["A1"].font = BIG
        write_row(
            ws,
            3,
            ["Action Ref", "Key Action", "Responsible", "Completion Date", "Current Status", "Commentary"],
            bold=True,
        )
        ws.freeze_panes = "A4"
        c.theme(theme)
        row = 4
        for ref, text, owner, due, status, owners, rag, due_date in actions:
            write_row(ws, row, [ref, text, owner, due, status, "Update due at the next board"])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=theme, owners=owners, progress_rag=rag, due_date=due_date)
            row += 1
        ws.cell(row=row, column=1, value=f"Actions in theme: {len(actions)}").font = BOLD
    c.skipped_at_least(2)
    return c


# ------------------------------------------------------------------ second round (drawn after the first was read right)


def sheet_tabs_numbered_newline_headers():
    """Post-ILACS plan: numbered sheet tabs, an overview and a version-control sheet, headers with line breaks."""
    title = "Ashcombe Children's Services Improvement Plan 2024-25 (post-ILACS)"
    c = Corpus(
        "sheet_tabs_numbered_newline_headers",
        "Post-ILACS plan kept as numbered sheet tabs ('1. Leadership', '2. Front door', '3. Care leavers') behind "
        "an overview sheet of RAG counts and a version-control table (Version | Date | Author | Changes); headers "
        "with line breaks ('Action\\n(what we will do)', 'Action\\nOwner', 'Target\\nDate', 'Progress RAG\\n(B/G/A/R)'); "
        "owners one per line; dates '31/3/25', 'March 25', 'Jan 2025 - Mar 2025', 'By 31 March 2025', 'TBC'.",
        title=title,
    )
    overview = c.sheet("Overview")
    overview["A1"] = title
    overview["A1"].font = BIG
    write_row(overview, 3, ["Theme", "Actions", "Blue", "Green", "Amber", "Red"], bold=True)
    write_row(overview, 4, ["Leadership", 2, 1, 1, 0, 0])
    write_row(overview, 5, ["Front door", 2, 0, 1, 1, 0])
    write_row(overview, 6, ["Care leavers", 2, 0, 0, 1, 1])
    write_row(overview, 7, ["Total", 6, 1, 2, 2, 1])
    versions = c.sheet("Version control")
    write_row(versions, 1, ["Version", "Date", "Author", "Changes"], bold=True)
    write_row(versions, 2, ["0.1", day("2024-05-01"), "Improvement Programme Manager", "First draft for the DCS"])
    write_row(
        versions, 3, ["1.0", day("2024-06-12"), "Improvement Programme Manager", "Agreed by the Improvement Board"]
    )
    write_row(versions, 4, ["1.1", day("2024-10-02"), "PMO Officer", "Quarter 2 updates added"])
    tabs = [
        (
            "1. Leadership",
            1,
            "Leadership",
            [
                (
                    "1.1",
                    "Senior leaders do not know practice well enough",
                    "Run monthly practice weeks with every senior leader observing practice",
                    "Director of Children's Services\nAssistant Director Social Care",
                    "31/3/25",
                    "G",
                    "Amber",
                    ["Director of Children's Services", "Assistant Director Social Care"],
                    "green",
                    "amber",
                    "2025-03-31",
                ),
                (
                    "1.2",
                    "Performance reports are not used",
                    "Publish a monthly performance scorecard to team managers",
                    "Head of Performance",
                    "March 25",
                    "B",
                    "Green",
                    ["Head of Performance"],
                    "blue",
                    "green",
                    "2025-03-31",
                ),
            ],
        ),
        (
            "2. Front door",
            2,
            "Front door",
            [
                (
                    "2.1",
                    "Thresholds are applied inconsistently",
                    "Relaunch the threshold document with partners",
                    "MASH Service Manager",
                    "Jan 2025 - Mar 2025",
                    "A",
                    "Grey",
                    ["MASH Service Manager"],
                    "amber",
                    "grey",
                    "2025-03-31",
                ),
                (
                    "2.2",
                    "Strategy discussions are late",
                    "Hold every strategy discussion within one working day of the decision",
                    "MASH Service Manager\nDetective Inspector, MASH",
                    "By 31 March 2025",
                    "G",
                    "Amber",
                    ["MASH Service Manager", "Detective Inspector, MASH"],
                    "green",
                    "amber",
                    "2025-03-31",
                ),
            ],
        ),
        (
            "3. Care leavers",
            3,
            "Care leavers",
            [
                (
                    "3.1",
                    "Pathway plans are not written with young people",
                    "Co-write every pathway plan with the young person",
                    "Leaving Care Team Manager",
                    "TBC",
                    "R",
                    "Red",
                    ["Leaving Care Team Manager"],
                    "red",
                    "red",
                    None,
                ),
                (
                    "3.2",
                    "Too few care leavers are in education or work",
                    "Offer an apprenticeship with the council to every care leaver who wants one",
                    "Head of Service Children in Care\nHR Business Partner",
                    day("2025-07-31"),
                    "A",
                    "Grey",
                    ["Head of Service Children in Care", "HR Business Partner"],
                    "amber",
                    "grey",
                    "2025-07-31",
                ),
            ],
        ),
    ]
    for sheet_name, number, theme, actions in tabs:
        ws = c.sheet(sheet_name)
        write_row(
            ws,
            1,
            [
                "Ref.",
                "What needs to improve",
                "Action\n(what we will do)",
                "Action\nOwner",
                "Target\nDate",
                "Progress RAG\n(B/G/A/R)",
                "Impact RAG",
            ],
            bold=True,
        )
        ws.freeze_panes = "A2"
        c.theme(theme, number)
        for row, (ref, need, text, owner, due, progress, impact, owners, rag, impact_rag, due_date) in enumerate(
            actions, start=2
        ):
            write_row(ws, row, [ref, need, text, owner, due, progress, impact])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
            c.action(
                text, ref=ref, theme=theme, owners=owners, progress_rag=rag, impact_rag=impact_rag, due_date=due_date
            )
    return c


def caps_theme_rows_owner_first():
    """Improvement board tracker: the lead is the first column, unnumbered capitals theme rows, sign-off rows."""
    c = Corpus(
        "caps_theme_rows_owner_first",
        "Improvement board tracker whose first column is the lead; theme rows in bold capitals with no number "
        "('LEADERSHIP AND GOVERNANCE') after a blank row; refs LG1, WF2; a 'BRAG' column of letters; milestone "
        "dates as '31-Jan-25', '28 Feb 25', real dates; 'Signed off by:' and 'Date of next review:' rows at the foot.",
    )
    ws = c.sheet("Tracker")
    ws["A1"] = "Improvement Board – action tracker"
    ws["A1"].font = BIG
    ws["A2"] = "Version 4 – updated 01/11/2024"
    write_row(ws, 4, ["Lead", "Ref", "Action", "Milestone date", "BRAG", "Commentary"], bold=True)
    ws.freeze_panes = "A5"
    blocks = [
        (
            "LEADERSHIP AND GOVERNANCE",
            "Leadership and governance",
            [
                (
                    "Director of Children's Services",
                    "LG1",
                    "Refresh the Improvement Board's terms of reference",
                    "31-Jan-25",
                    "B",
                    ["Director of Children's Services"],
                    "blue",
                    "2025-01-31",
                ),
                (
                    "Head of Performance & Head of Quality Assurance",
                    "LG2",
                    "Agree one practice and performance report for the board",
                    "28 Feb 25",
                    "G",
                    ["Head of Performance", "Head of Quality Assurance"],
                    "green",
                    "2025-02-28",
                ),
            ],
        ),
        (
            "WORKFORCE",
            "Workforce",
            [
                (
                    "Head of Workforce Development",
                    "WF1",
                    "Reduce the vacancy rate for social workers to below 15%",
                    day("2025-06-30"),
                    "A",
                    ["Head of Workforce Development"],
                    "amber",
                    "2025-06-30",
                ),
                (
                    "Principal Social Worker",
                    "WF2",
                    "Launch the Assessed and Supported Year in Employment academy",
                    day("2024-09-30"),
                    "R",
                    ["Principal Social Worker"],
                    "red",
                    "2024-09-30",
                ),
                (
                    "HR Business Partner",
                    "WF3",
                    "Introduce exit interviews for every social worker who leaves",
                    day("2025-04-30"),
                    "Gr",
                    ["HR Business Partner"],
                    "grey",
                    "2025-04-30",
                ),
            ],
        ),
    ]
    row = 5
    for heading, _title, actions in blocks:
        row += 1  # a blank row before each theme
        ws.cell(row=row, column=1, value=heading).font = BOLD
        c.theme(heading)
        row += 1
        for lead, ref, text, due, rag, owners, expected_rag, due_date in actions:
            write_row(ws, row, [lead, ref, text, due, rag, "Update at the December board"])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=heading, owners=owners, progress_rag=expected_rag, due_date=due_date)
            row += 1
    row += 1
    ws.cell(row=row, column=1, value="Signed off by: Director of Children's Services")
    ws.cell(row=row + 1, column=1, value="Date of next review: 12/03/2025")
    c.skipped_at_least(2)
    return c


def status_words_beside_colour_rag():
    """Early help plan: a Status column of words and a RAG column of colours only, no key."""
    title = "Northbrook Early Help Partnership Plan – delivery tracker"
    c = Corpus(
        "status_words_beside_colour_rag",
        "Early help delivery tracker with a 'Status' column of words (Complete, In progress, Not started, "
        "Overdue) beside a 'RAG' column shown only by fill colours in Excel's usual shades with no key: the "
        "RAG rates the action (the status is its fallback); the theme written on every row of a 'Workstream' "
        "column; refs EH01; dates 'Mar-2025', '31/1/2025', 'Q3 2024-25'.",
        title=title,
    )
    ws = c.sheet("Delivery tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Workstream", "Ref", "Action", "Owner", "Due", "Status", "RAG", "Notes"], bold=True)
    ws.freeze_panes = "A4"
    colours = {"blue": BLUE, "green": GREEN, "amber": AMBER, "red": RED, "grey": GREY}
    rows = [
        (
            "Family hubs",
            "EH01",
            "Open the family hub in the town centre",
            "Family Hubs Manager",
            "Mar-2025",
            "In progress",
            "green",
            "2025-03-31",
        ),
        (
            "Family hubs",
            "EH02",
            "Train hub staff in the family support framework",
            "Family Hubs Manager",
            "31/1/2025",
            "Complete",
            "blue",
            "2025-01-31",
        ),
        (
            "Early help assessment",
            "EH03",
            "Move early help assessments onto the case record system",
            "Business Systems Manager",
            "Q3 2024-25",
            "In progress",
            "amber",
            "2024-12-31",
        ),
        (
            "Early help assessment",
            "EH04",
            "Audit twenty early help assessments each quarter",
            "Early Help Quality Lead",
            day("2025-06-30"),
            "Not started",
            "grey",
            "2025-06-30",
        ),
        (
            "Early help assessment",
            "EH05",
            "Step every family down from social care with an early help plan",
            "Head of Early Help",
            day("2024-11-30"),
            "Overdue",
            "red",
            "2024-11-30",
        ),
    ]
    seen = []
    for row, (stream, ref, text, owner, due, status, rag, due_date) in enumerate(rows, start=4):
        write_row(ws, row, [stream, ref, text, owner, due, status, None, "See the monthly highlight report"])
        ws.cell(row=row, column=7).fill = fill(colours[rag])
        if isinstance(due, datetime.datetime):
            ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
        if stream not in seen:
            seen.append(stream)
            c.theme(stream)
        c.action(text, ref=ref, theme=stream, owners=[owner], progress_rag=rag, due_date=due_date)
    return c


def merged_action_header_spacer_columns():
    """JTAI plan: the Action header merged over two columns, an empty spacer column, sources of two codes."""
    title = "Westmoor Safeguarding Children Partnership – JTAI Action Plan (domestic abuse)"
    c = Corpus(
        "merged_action_header_spacer_columns",
        "JTAI action plan whose 'Action' header is merged over two columns (the text in the first), an empty "
        "narrow spacer column between the action and its owner, 'Recommendation N:' theme rows merged across the "
        "table, refs R1.1, a 'Derived from' column holding 'JTAI 3.1; Ofsted 12' and 'JTAI 4.2', an action of two "
        "bullet lines in one cell, RAG words with full stops ('Green.'), dates 'Sept 2025', '30/06/2025'.",
        title=title,
    )
    ws = c.sheet("Action plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", None, None, "Owner", "Due", "RAG", "Derived from"], bold=True)
    ws.merge_cells("B3:C3")
    ws.column_dimensions["D"].width = 2
    ws.freeze_panes = "A4"
    recs = [
        (
            1,
            "Improve the identification of domestic abuse at the front door",
            [
                (
                    "R1.1",
                    "Use the domestic abuse risk assessment in every contact where abuse is disclosed",
                    "MASH Service Manager",
                    "Sept 2025",
                    "Green.",
                    "JTAI 3.1; Ofsted 12",
                    ["JTAI 3.1", "Ofsted 12"],
                    "green",
                    "2025-09-30",
                ),
                (
                    "R1.2",
                    "• Train MASH staff in coercive control\n• Refresh the training every year",
                    "Domestic Abuse Coordinator",
                    "30/06/2025",
                    "Amber.",
                    "JTAI 3.2",
                    ["JTAI 3.2"],
                    "amber",
                    "2025-06-30",
                ),
            ],
        ),
        (
            2,
            "Hear the voice of children living with domestic abuse",
            [
                (
                    "R2.1",
                    "Record the child's own words in every strategy discussion",
                    "Head of Service Safeguarding",
                    day("2025-03-31"),
                    "Red.",
                    "JTAI 4.2",
                    ["JTAI 4.2"],
                    "red",
                    "2025-03-31",
                ),
                (
                    "R2.2",
                    "Commission a therapeutic service for children after abuse",
                    "Commissioning Manager",
                    day("2025-12-31"),
                    "Grey.",
                    "JTAI 4.4",
                    ["JTAI 4.4"],
                    "grey",
                    "2025-12-31",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in recs:
        merged_heading(ws, row, f"Recommendation {number}: {theme}", last=8)
        c.theme(theme, number)
        row += 1
        for ref, text, owner, due, rag, sources, expected_sources, expected_rag, due_date in actions:
            write_row(ws, row, [ref, text, None, None, owner, due, rag, sources])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
            c.action(
                text,
                ref=ref,
                theme=theme,
                owners=[owner],
                sources=expected_sources,
                progress_rag=expected_rag,
                due_date=due_date,
            )
            row += 1
    return c


def quarterly_update_columns_single_rag():
    """SEND plan: three quarterly update columns, an outcome column on every row, 'Priority N -' theme rows."""
    title = "Riverside SEND Partnership – Priority Action Plan 2024-25"
    c = Corpus(
        "quarterly_update_columns_single_rag",
        "SEND priority action plan: 'Priority N - ...' theme rows; an 'Outcome' column of a different sentence on "
        "every row (the expected impact, not a theme); three update columns 'Update (Sept 24)', 'Update (Dec 24)', "
        "'Update (Mar 25)' with the last one partly empty, and one 'RAG' column of words in capitals; dates "
        "'Mar-2025', '31-Jan-25', 'Summer term 2025'.",
        title=title,
    )
    ws = c.sheet("Priority plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        ["Ref", "Outcome", "Action", "Lead", "Due", "Update (Sept 24)", "Update (Dec 24)", "Update (Mar 25)", "RAG"],
        bold=True,
    )
    ws.freeze_panes = "C4"
    priorities = [
        (
            1,
            "Identification of needs in the early years",
            [
                (
                    "1.1",
                    "Children's needs are identified before they start school",
                    "Screen every two-year-old's development at the health visitor review",
                    "Head of Public Health Nursing",
                    "Mar-2025",
                    "Screening tool chosen",
                    "Pilot in two areas",
                    "Rolled out everywhere",
                    "GREEN",
                    "green",
                    "2025-03-31",
                ),
                (
                    "1.2",
                    "Nursery staff know how to support speech and language",
                    "Train nursery staff in the speech and language pathway",
                    "Early Years SEND Lead",
                    "31-Jan-25",
                    "Training booked",
                    "Half of settings trained",
                    None,
                    "AMBER",
                    "amber",
                    "2025-01-31",
                ),
            ],
        ),
        (
            2,
            "Transition to adulthood",
            [
                (
                    "2.1",
                    "Young people know what will happen when they turn 18",
                    "Start a transition conversation at every Year 9 review",
                    "Preparing for Adulthood Lead",
                    "Summer term 2025",
                    "Template drafted",
                    "Template agreed",
                    "Used in 40% of reviews",
                    "RED",
                    "red",
                    "2025-07-31",
                ),
                (
                    "2.2",
                    "Young people have work experience before leaving school",
                    "Offer supported internships with three local employers",
                    "Post-16 SEND Manager",
                    day("2025-07-31"),
                    "Employers approached",
                    "Two signed up",
                    "Three signed up",
                    "COMPLETE",
                    "blue",
                    "2025-07-31",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in priorities:
        ws.cell(row=row, column=1, value=f"Priority {number} - {theme}").font = BOLD
        c.theme(theme, number)
        row += 1
        for ref, outcome, text, lead, due, sept, dec, mar, rag, expected_rag, due_date in actions:
            write_row(ws, row, [ref, outcome, text, lead, due, sept, dec, mar, rag])
            if isinstance(due, datetime.datetime):
                ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=theme, owners=[lead], progress_rag=expected_rag, due_date=due_date)
            row += 1
    return c


def repeated_header_blocks_strategic_aims():
    """Partnership plan: each strategic aim heading followed by its own copy of the header row."""
    title = "Eastvale Safeguarding Children Partnership – Business Plan Actions 2025"
    c = Corpus(
        "repeated_header_blocks_strategic_aims",
        "Partnership business plan where each 'Strategic Aim N: ...' heading is followed by its own copy of the "
        "header row ('No. | What | Who | When | How will we know | Status'); refs 1, 2, 3 restarting in each aim as "
        "numbers; status words 'Achieved', 'On target', 'Partially achieved', 'Not yet started'; owners joined by "
        "' / '; dates 'April 2025', '30 September 2025'.",
        title=title,
    )
    ws = c.sheet("Actions")
    ws["A1"] = title
    ws["A1"].font = BIG
    header = ["No.", "What", "Who", "When", "How will we know", "Status"]
    aims = [
        (
            1,
            "Children are safe from neglect",
            [
                (
                    1,
                    "Launch the multi-agency neglect toolkit",
                    "Partnership Business Manager / Designated Nurse",
                    "April 2025",
                    "Achieved",
                    ["Partnership Business Manager", "Designated Nurse"],
                    "blue",
                    "2025-04-30",
                ),
                (
                    2,
                    "Audit neglect cases across agencies twice a year",
                    "Quality Assurance Sub-group Chair",
                    "30 September 2025",
                    "On target",
                    ["Quality Assurance Sub-group Chair"],
                    "green",
                    "2025-09-30",
                ),
            ],
        ),
        (
            2,
            "Practitioners learn from local reviews",
            [
                (
                    1,
                    "Publish a learning briefing after each rapid review",
                    "Learning and Development Officer",
                    "April 2025",
                    "Partially achieved",
                    ["Learning and Development Officer"],
                    "amber",
                    "2025-04-30",
                ),
                (
                    2,
                    "Run a practitioner conference on the findings of local reviews",
                    "Partnership Business Manager",
                    "30 September 2025",
                    "Not yet started",
                    ["Partnership Business Manager"],
                    "grey",
                    "2025-09-30",
                ),
            ],
        ),
    ]
    row = 3
    for number, aim, actions in aims:
        ws.cell(row=row, column=1, value=f"Strategic Aim {number}: {aim}").font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        c.theme(aim, number)
        write_row(ws, row + 1, header, bold=True)
        row += 2
        for ref, text, who, when, status, owners, rag, due_date in actions:
            write_row(ws, row, [ref, text, who, when, "Audit findings reported to the Executive", status])
            c.action(text, ref=str(ref), theme=aim, owners=owners, progress_rag=rag, due_date=due_date)
            row += 1
        row += 1
    return c


def hidden_previous_rag_and_original_date():
    """Corporate tracker: a hidden previous RAG beside the current one, a hidden original date beside the revised."""
    title = "Children's Services Corporate Improvement Tracker"
    c = Corpus(
        "hidden_previous_rag_and_original_date",
        "Corporate improvement tracker with a hidden 'Previous RAG' column beside 'Current RAG' and a hidden "
        "'Original date' beside 'Revised date': the current RAG and the revised date count; refs CP-1; RAG letters; "
        "a theme column 'Area' repeated on every row; a 'Total actions: 5' row at the foot.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        [
            "Area",
            "Ref",
            "Action",
            "Responsible officer",
            "Original date",
            "Revised date",
            "Previous RAG",
            "Current RAG",
        ],
        bold=True,
    )
    ws.column_dimensions["E"].hidden = True
    ws.column_dimensions["G"].hidden = True
    ws.freeze_panes = "C4"
    rows = [
        (
            "Finance",
            "CP-1",
            "Agree a sufficiency strategy that reduces residential placement costs",
            "Head of Commissioning",
            day("2024-09-30"),
            day("2025-03-31"),
            "G",
            "A",
            "amber",
            "2025-03-31",
        ),
        (
            "Finance",
            "CP-2",
            "Review every high-cost placement at a monthly panel",
            "Assistant Director Children in Care",
            day("2024-10-31"),
            day("2024-12-31"),
            "A",
            "B",
            "blue",
            "2024-12-31",
        ),
        (
            "Performance",
            "CP-3",
            "Replace the case record system's reports with a data warehouse",
            "Head of Business Intelligence",
            day("2025-01-31"),
            day("2025-09-30"),
            "G",
            "R",
            "red",
            "2025-09-30",
        ),
        (
            "Performance",
            "CP-4",
            "Publish team-level dashboards to every team manager",
            "Head of Business Intelligence",
            day("2025-02-28"),
            day("2025-02-28"),
            "Gr",
            "G",
            "green",
            "2025-02-28",
        ),
        (
            "Performance",
            "CP-5",
            "Train team managers to use the dashboards in supervision",
            "Principal Social Worker",
            day("2025-05-31"),
            day("2025-06-30"),
            "Gr",
            "Gr",
            "grey",
            "2025-06-30",
        ),
    ]
    seen = []
    for row, (area, ref, text, owner, original, revised, previous, current, rag, due_date) in enumerate(rows, start=4):
        write_row(ws, row, [area, ref, text, owner, original, revised, previous, current])
        ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
        if area not in seen:
            seen.append(area)
            c.theme(area)
        c.action(text, ref=ref, theme=area, owners=[owner], progress_rag=rag, due_date=due_date)
    ws.cell(row=4 + len(rows), column=1, value="Total actions: 5").font = BOLD
    c.skipped_at_least(1)
    return c


# ------------------------------------------------------------------ third round


def print_layout_vertical_header_merges():
    """A printed layout: logo rows, the table from column B, single-row titles merged down beside a group, spacer rows."""
    title = "Greyford Council – Children's Social Care Improvement Plan"
    c = Corpus(
        "print_layout_vertical_header_merges",
        "Plan laid out for printing: logo and address rows, the table starting in column B, a two-row header whose "
        "single titles are merged down over both rows beside a 'Progress' group over 'RAG' and 'Comment'; a blank "
        "spacer row after every action; 'Theme 1 -' rows in bold; dates '31st Mar 25', 'Dec-24', 'December 2024', "
        "'2025-03-31 00:00:00' as text, 'w/c 6 January 2025'.",
        title=title,
    )
    ws = c.sheet("Improvement Plan")
    ws["B1"] = "[council logo]"
    ws["B2"] = title
    ws["B2"].font = BIG
    ws["B3"] = "Children's Services, Civic Centre, Greyford"
    for column, text in ((2, "Ref"), (3, "Action"), (4, "Lead"), (5, "Deadline")):
        ws.cell(row=5, column=column, value=text).font = BOLD
        ws.merge_cells(start_row=5, start_column=column, end_row=6, end_column=column)
    ws.cell(row=5, column=6, value="Progress").font = BOLD
    ws.merge_cells(start_row=5, start_column=6, end_row=5, end_column=7)
    ws.cell(row=6, column=6, value="RAG").font = BOLD
    ws.cell(row=6, column=7, value="Comment").font = BOLD
    ws.freeze_panes = "B7"
    themes = [
        (
            1,
            "Help and protection",
            [
                (
                    "1.1",
                    "Hold every initial child protection conference within 15 working days",
                    "Safeguarding Service Manager",
                    "31st Mar 25",
                    "Green",
                    "green",
                    "2025-03-31",
                ),
                (
                    "1.2",
                    "Review all children subject to a plan for more than 18 months",
                    "Head of Service Safeguarding",
                    "Dec-24",
                    "Blue",
                    "blue",
                    "2024-12-31",
                ),
            ],
        ),
        (
            2,
            "Children in care",
            [
                (
                    "2.1",
                    "Hold a placement stability meeting within five days of a disruption",
                    "Head of Service Children in Care",
                    "December 2024",
                    "Amber",
                    "amber",
                    "2024-12-31",
                ),
                (
                    "2.2",
                    "Increase the number of children placed with in-house foster carers",
                    "Fostering Service Manager",
                    "2025-03-31 00:00:00",
                    "Red",
                    "red",
                    "2025-03-31",
                ),
                (
                    "2.3",
                    "Bring every health assessment for children in care up to date",
                    "Designated Nurse Children in Care",
                    "w/c 6 January 2025",
                    "Grey",
                    "grey",
                    "2025-01-06",
                ),
            ],
        ),
    ]
    row = 7
    for number, theme, actions in themes:
        ws.cell(row=row, column=2, value=f"Theme {number} - {theme}").font = BOLD
        c.theme(theme, number)
        row += 1
        for ref, text, lead, due, rag, expected_rag, due_date in actions:
            write_row(ws, row, [ref, text, lead, due, rag, "Reported to the Improvement Board"], start=2)
            c.action(text, ref=ref, theme=theme, owners=[lead], progress_rag=expected_rag, due_date=due_date)
            row += 2  # a blank spacer row after every action
    return c


def business_plan_type_column_sources():
    """LSCB-style business plan: strategic aim rows with Objective: rows, a Type column, sources of several kinds."""
    title = "Harbourside Safeguarding Children Partnership – Business Plan 2025-26"
    c = Corpus(
        "business_plan_type_column_sources",
        "Partnership business plan: 'Strategic aim N:' theme rows each followed by an 'Objective:' row; a 'Type' "
        "column of 'Business fundamental' / 'Change priority' per action; a 'Source' column holding 'JTAI paras 14, "
        "15', 'PR 2024', 'IN 3.1' and 'Ofsted 22; JTAI 7'; an 'Output' column; 'Progress to date' notes and a 'Q2 "
        "RAG' column of words.",
        title=title,
    )
    ws = c.sheet("Business Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws, 3, ["Ref", "Action", "Type", "Source", "Output", "Lead", "By", "Progress to date", "Q2 RAG"], bold=True
    )
    ws.freeze_panes = "A4"
    aims = [
        (
            1,
            "Children are protected from exploitation",
            "Every agency recognises and responds to exploitation in the same way.",
            [
                (
                    "1.1",
                    "Adopt a single exploitation screening tool",
                    "Business fundamental",
                    "JTAI paras 14, 15",
                    ["JTAI 14", "JTAI 15"],
                    "Screening tool in use",
                    "Head of Service Exploitation",
                    "March 2026",
                    "On track",
                    "green",
                    "2026-03-31",
                    "business_fundamental",
                ),
                (
                    "1.2",
                    "Map exploitation hotspots with the police each month",
                    "Change priority",
                    "PR 2024",
                    ["PR 2024"],
                    "Monthly map",
                    "Detective Inspector, Exploitation Hub",
                    "Ongoing",
                    "At risk",
                    "amber",
                    None,
                    "change_priority",
                ),
            ],
        ),
        (
            2,
            "Learning improves practice",
            "Lessons from reviews change what practitioners do.",
            [
                (
                    "2.1",
                    "Publish a briefing after every rapid review",
                    "Business fundamental",
                    "IN 3.1",
                    ["IN 3.1"],
                    "Briefings published",
                    "Partnership Business Manager",
                    "Q2 2025/26",
                    "Complete",
                    "blue",
                    "2025-09-30",
                    "business_fundamental",
                ),
                (
                    "2.2",
                    "Audit the use of learning from reviews in supervision",
                    "Change priority",
                    "Ofsted 22; JTAI 7",
                    ["Ofsted 22", "JTAI 7"],
                    "Audit report",
                    "Quality Assurance Sub-group Chair",
                    "Q4 2025/26",
                    "Not started",
                    "grey",
                    "2026-03-31",
                    "change_priority",
                ),
            ],
        ),
    ]
    row = 4
    for number, aim, objective, actions in aims:
        ws.cell(row=row, column=1, value=f"Strategic aim {number}: {aim}").font = BOLD
        ws.cell(row=row + 1, column=1, value=f"Objective: {objective}")
        c.theme(aim, number)
        row += 2
        for ref, text, kind, source, sources, output, lead, due, rag, expected_rag, due_date, category in actions:
            write_row(ws, row, [ref, text, kind, source, output, lead, due, "Work under way", rag])
            c.action(
                text,
                ref=ref,
                theme=aim,
                owners=[lead],
                sources=sources,
                progress_rag=expected_rag,
                due_date=due_date,
                category=category,
            )
            row += 1
    return c


def action_n_refs_sub_steps_as_above():
    """Focused visit plan: refs 'Action 1', lettered sub-steps on rows of their own, 'As above' owners."""
    title = "Millbrook Children's Services – Focused Visit Action Plan"
    c = Corpus(
        "action_n_refs_sub_steps_as_above",
        "Focused visit action plan: 'Area 1:' theme rows; refs 'Action 1', 'Action 2'; an action followed by "
        "lettered sub-steps 'a) ...', 'b) ...' on rows of their own with no ref (part of the action); owners "
        "'Lead: X' with 'Support: Y' on a new line, and 'As above'; a status column of words.",
        title=title,
    )
    ws = c.sheet("Action plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", "Owner", "Timescale", "Status"], bold=True)
    areas = [
        (
            1,
            "Timeliness of assessments",
            [
                (
                    "Action 1",
                    [
                        "Introduce a weekly assessment timeliness meeting",
                        "a) agree the data set",
                        "b) invite every team manager",
                    ],
                    "Lead: Head of Service Assessment\nSupport: Performance Analyst",
                    "31/03/2025",
                    "On track",
                    ["Head of Service Assessment", "Performance Analyst"],
                    "green",
                    "2025-03-31",
                ),
                (
                    "Action 2",
                    ["Reduce caseloads in the assessment teams to 20"],
                    "As above",
                    "30/06/2025",
                    "Off track",
                    ["Head of Service Assessment", "Performance Analyst"],
                    "red",
                    "2025-06-30",
                ),
            ],
        ),
        (
            2,
            "Management oversight",
            [
                (
                    "Action 3",
                    ["Record a management decision on every contact within one working day"],
                    "Lead: Front Door Service Manager",
                    "31/01/2025",
                    "Completed",
                    ["Front Door Service Manager"],
                    "blue",
                    "2025-01-31",
                ),
                (
                    "Action 4",
                    ["Audit management oversight monthly", "a) publish the findings to all staff"],
                    "Lead: Service Manager QA",
                    "28/02/2025",
                    "Not yet due",
                    ["Service Manager QA"],
                    "grey",
                    "2025-02-28",
                ),
            ],
        ),
    ]
    row = 4
    for number, area, actions in areas:
        ws.cell(row=row, column=1, value=f"Area {number}: {area}").font = BOLD
        c.theme(area, number)
        row += 1
        for ref, lines, owner, due, status, owners, rag, due_date in actions:
            write_row(ws, row, [ref, lines[0], owner, due, status])
            row += 1
            for step in lines[1:]:
                ws.cell(row=row, column=2, value=step)
                row += 1
            c.action("\n".join(lines), ref=ref, theme=area, owners=owners, progress_rag=rag, due_date=due_date)
    return c


def monthly_status_columns_partly_filled():
    """Youth justice tracker: a status column per month, the latest month filled for some actions only."""
    title = "Southfield Youth Justice Service – Improvement Tracker"
    c = Corpus(
        "monthly_status_columns_partly_filled",
        "Youth justice improvement tracker with 'Status Oct-24', 'Status Nov-24', 'Status Dec-24' columns and a "
        "'Comments Dec-24' column; the December status is filled for some actions only, so each action takes its "
        "latest filled month; themes in a first column merged down; refs 'YJ 1.1'.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws,
        3,
        [
            "Theme",
            "Ref",
            "Action",
            "Owner",
            "Due",
            "Status Oct-24",
            "Status Nov-24",
            "Status Dec-24",
            "Comments Dec-24",
        ],
        bold=True,
    )
    ws.freeze_panes = "C4"
    themes = [
        (
            "Reducing reoffending",
            [
                (
                    "YJ 1.1",
                    "Review every child's intervention plan at three months",
                    "YJS Operations Manager",
                    "Jan 2025",
                    ("On track", "On track", "Complete"),
                    "blue",
                    "2025-01-31",
                ),
                (
                    "YJ 1.2",
                    "Offer speech and language screening to every child on an order",
                    "YJS Speech and Language Therapist",
                    "Mar 2025",
                    ("Not started", "On track", None),
                    "green",
                    "2025-03-31",
                ),
            ],
        ),
        (
            "Education, training and employment",
            [
                (
                    "YJ 2.1",
                    "Agree an education protocol with the virtual school",
                    "YJS Education Officer",
                    "Feb 2025",
                    ("On track", "At risk", "Off track"),
                    "red",
                    "2025-02-28",
                ),
                (
                    "YJ 2.2",
                    "Track the school attendance of every child open to the service",
                    "YJS Education Officer",
                    "Apr 2025",
                    ("Not started", "Not started", None),
                    "grey",
                    "2025-04-30",
                ),
            ],
        ),
    ]
    row = 4
    for theme, actions in themes:
        c.theme(theme)
        first = row
        for ref, text, owner, due, statuses, rag, due_date in actions:
            write_row(ws, row, [None, ref, text, owner, due, *statuses, "Discussed at the management board"])
            c.action(text, ref=ref, theme=theme, owners=[owner], progress_rag=rag, due_date=due_date)
            row += 1
        ws.cell(row=first, column=1, value=theme)
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    return c


# ------------------------------------------------------------------ fourth round


def hidden_old_sheet_lowercase_rag():
    """A plan beside a hidden old version and a hidden dropdown list sheet; lowercase RAG letters; refs up to 1.10."""
    title = "Lowbridge Children's Services Improvement Plan v3"
    c = Corpus(
        "hidden_old_sheet_lowercase_rag",
        "Plan sheet beside a hidden older version of the plan and a hidden 'Lists' sheet holding the dropdown "
        "values (neither read); an 'Improvement area' column repeated on every row; refs typed as numbers so that "
        "1.10 is stored as 1.1 after 1.9; RAG letters in lower case and one 'n/a' (not a rating: left empty).",
        title=title,
    )
    ws = c.sheet("Plan v3")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Improvement area", "Action", "Accountable lead", "Target", "RAG"], bold=True)
    letters = ["g", "a", "b", "r", "g", "g", "a", "b", "n/a", "g"]
    expected = {"g": "green", "a": "amber", "b": "blue", "r": "red", "n/a": None}
    row = 4
    area = "Quality of practice"
    c.theme(area)
    for number in range(1, 11):
        ref_value = float(f"1.{number}")  # 1.10 becomes 1.1 when typed into Excel
        text = f"Practice improvement action {number}: audit and improve a sample of {number * 5} cases"
        write_row(
            ws, row, [ref_value, area, text, "Head of Practice Improvement", day("2025-03-31"), letters[number - 1]]
        )
        ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
        c.action(
            text,
            ref=f"1.{number}",
            theme=area,
            owners=["Head of Practice Improvement"],
            progress_rag=expected[letters[number - 1]],
            due_date="2025-03-31",
        )
        row += 1
    area = "Workforce"
    c.theme(area)
    for number, (text, lead, rag) in enumerate(
        [
            ("Recruit a workforce development lead", "Head of Workforce", "b"),
            ("Start a practice educator programme", "Principal Social Worker", "r"),
        ],
        start=1,
    ):
        write_row(ws, row, [float(f"2.{number}"), area, text, lead, day("2025-06-30"), rag])
        ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
        c.action(text, ref=f"2.{number}", theme=area, owners=[lead], progress_rag=expected[rag], due_date="2025-06-30")
        row += 1
    old = c.sheet("Plan v2 (old)")
    write_row(old, 1, ["Ref", "Improvement area", "Action", "Accountable lead", "Target", "RAG"], bold=True)
    write_row(
        old,
        2,
        ["1.1", "Quality of practice", "An old action that was replaced", "Head of Service", day("2024-03-31"), "g"],
    )
    write_row(old, 3, ["1.2", "Quality of practice", "Another old action", "Head of Service", day("2024-03-31"), "a"])
    old.sheet_state = "hidden"
    lists = c.sheet("Lists")
    for row, value in enumerate(["RAG", "b", "g", "a", "r", "n/a"], start=1):
        lists.cell(row=row, column=1, value=value)
    lists.sheet_state = "hidden"
    return c


def section_rows_priority_column():
    """Section rows, a Priority column of High/Medium/Low, relative and immediate timescales."""
    title = "Kestrel Borough – Ofsted Focused Visit Improvement Plan"
    c = Corpus(
        "section_rows_priority_column",
        "Plan with 'SECTION A – ...' theme rows and refs A1, B2; a 'Priority' column of High / Medium / Low (not a "
        "theme, not a RAG); timescales 'Immediate', '3 months' (no due date), 'End of Q1 2025/26', '30-Apr-2025'; "
        "a 'Current position' RAG column of words.",
        title=title,
    )
    ws = c.sheet("Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", "Priority", "Owner", "Timescale", "Current position"], bold=True)
    sections = [
        (
            "A",
            "Front door and early help",
            [
                (
                    "A1",
                    "Agree a new consent model for referrals with partners",
                    "High",
                    "Front Door Service Manager",
                    "Immediate",
                    "Complete",
                    "blue",
                    None,
                ),
                (
                    "A2",
                    "Publish the early help offer on the council's website",
                    "Medium",
                    "Head of Early Help",
                    "3 months",
                    "On track",
                    "green",
                    None,
                ),
            ],
        ),
        (
            "B",
            "Children in need",
            [
                (
                    "B1",
                    "Review every child in need plan open longer than a year",
                    "High",
                    "Head of Service Children in Need",
                    "End of Q1 2025/26",
                    "Delayed",
                    "red",
                    "2025-06-30",
                ),
                (
                    "B2",
                    "Introduce child in need reviews chaired by team managers",
                    "Low",
                    "Head of Service Children in Need",
                    "30-Apr-2025",
                    "Not started",
                    "grey",
                    "2025-04-30",
                ),
            ],
        ),
    ]
    row = 4
    for letter, section, actions in sections:
        merged_heading(ws, row, f"SECTION {letter} – {section}", last=6)
        c.theme(section, letter)
        row += 1
        for ref, text, priority, owner, timescale, status, rag, due_date in actions:
            write_row(ws, row, [ref, text, priority, owner, timescale, status])
            c.action(text, ref=ref, theme=section, owners=[owner], progress_rag=rag, due_date=due_date)
            row += 1
    return c


def impact_colours_key_below():
    """Progress in words, impact by colour only, with the key below the table."""
    title = "Fernhill Safeguarding Partnership – Neglect Strategy Action Plan"
    c = Corpus(
        "impact_colours_key_below",
        "Neglect strategy action plan: progress as words under 'Progress', impact shown only by fill colour under "
        "'Impact' with a 'Key' block below the table (a filled cell beside its meaning, in shades of its own); "
        "'Outcome N:' theme rows; refs N1.1.",
        title=title,
    )
    ws = c.sheet("Action plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", "Lead", "Due", "Progress", "Impact"], bold=True)
    shades = {"blue": "FF9BC2E6", "green": "FFA9D08E", "amber": "FFFFE699", "red": "FFF4B084", "grey": "FFD0CECE"}
    outcomes = [
        (
            1,
            "Neglect is recognised early",
            [
                (
                    "N1.1",
                    "Train universal services in the neglect toolkit",
                    "Partnership Training Officer",
                    day("2025-03-31"),
                    "Complete",
                    "blue",
                    "green",
                ),
                (
                    "N1.2",
                    "Add the neglect toolkit to the early help assessment",
                    "Head of Early Help",
                    day("2025-05-31"),
                    "On track",
                    "green",
                    "grey",
                ),
            ],
        ),
        (
            2,
            "Children living with neglect get help that lasts",
            [
                (
                    "N2.1",
                    "Audit neglect cases that were stepped down to early help",
                    "Quality Assurance Sub-group Chair",
                    day("2025-01-31"),
                    "Off track",
                    "red",
                    "red",
                ),
                (
                    "N2.2",
                    "Offer parenting support to every family on a neglect plan",
                    "Family Support Manager",
                    day("2025-09-30"),
                    "Some slippage",
                    "amber",
                    "amber",
                ),
            ],
        ),
    ]
    row = 4
    for number, outcome, actions in outcomes:
        ws.cell(row=row, column=1, value=f"Outcome {number}: {outcome}").font = BOLD
        c.theme(outcome, number)
        row += 1
        for ref, text, lead, due, progress, rag, impact in actions:
            write_row(ws, row, [ref, text, lead, due, progress, None])
            ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=6).fill = fill(shades[impact])
            c.action(
                text,
                ref=ref,
                theme=outcome,
                owners=[lead],
                progress_rag=rag,
                impact_rag=impact,
                due_date=due.date().isoformat(),
            )
            row += 1
    row += 1
    ws.cell(row=row, column=1, value="Key").font = BOLD
    for offset, (rag, meaning) in enumerate(
        [
            ("blue", "Impact evidenced"),
            ("green", "Impact emerging"),
            ("amber", "Limited impact so far"),
            ("red", "No impact"),
            ("grey", "Too early to say"),
        ],
        start=1,
    ):
        ws.cell(row=row + offset, column=1).fill = fill(shades[rag])
        ws.cell(row=row + offset, column=2, value=f"{rag.capitalize()} – {meaning}")
    c.skipped_at_least(5)
    return c


def list_export_no_refs():
    """A plan kept as a SharePoint-style list: no refs, a Title column, Modified and Created By columns."""
    c = Corpus(
        "list_export_no_refs",
        "A plan kept as a list on the council's intranet and exported: the header on row 1 ('Title | Theme | "
        "Owner | Due Date | RAG Status | Latest Update | Modified | Created By'), no refs, the action in 'Title', "
        "the theme repeated on every row, 'Modified' dates and a 'Created By' person (neither the due date nor an "
        "owner).",
    )
    ws = c.sheet("Improvement actions")
    write_row(
        ws,
        1,
        ["Title", "Theme", "Owner", "Due Date", "RAG Status", "Latest Update", "Modified", "Created By"],
        bold=True,
    )
    rows = [
        (
            "Run a practice week every quarter",
            "Leadership",
            "Assistant Director Social Care",
            day("2025-03-31"),
            "Green",
        ),
        (
            "Publish the quality assurance framework",
            "Leadership",
            "Head of Quality Assurance",
            day("2024-12-31"),
            "Blue",
        ),
        (
            "Agree a workforce strategy with the trade unions",
            "Workforce",
            "Head of Workforce",
            day("2025-06-30"),
            "Amber",
        ),
        (
            "Cut agency social work spend by a quarter",
            "Workforce",
            "Director of Children's Services",
            day("2025-09-30"),
            "Red",
        ),
    ]
    seen = []
    for row, (text, theme, owner, due, rag) in enumerate(rows, start=2):
        write_row(ws, row, [text, theme, owner, due, rag, "Discussed at the board", day("2024-11-20"), "Sam Patel"])
        ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
        ws.cell(row=row, column=7).number_format = "dd/mm/yyyy hh:mm"
        if theme not in seen:
            seen.append(theme)
            c.theme(theme)
        c.action(text, theme=theme, owners=[owner], progress_rag=rag.lower(), due_date=due.date().isoformat())
    return c


# ------------------------------------------------------------------ fifth round


def jtai_response_named_lead():
    """JTAI plan whose action column is 'Multi-agency response' and whose owner is the 'Named lead'."""
    title = "Cobham Vale Partnership – JTAI Response Plan (children's mental health)"
    c = Corpus(
        "jtai_response_named_lead",
        "JTAI response plan whose columns say 'Finding' (the need), 'Multi-agency response' (the action), 'Lead "
        "agency' (not the owner), 'Named lead' (the owner), 'Timescale' and 'BRAG' (letters); 'Theme N – ...' "
        "rows; refs T1.1; the source paragraph in brackets at the end of the finding is not parsed.",
        title=title,
    )
    ws = c.sheet("Response plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(
        ws, 3, ["Ref", "Finding", "Multi-agency response", "Lead agency", "Named lead", "Timescale", "BRAG"], bold=True
    )
    themes = [
        (
            1,
            "Early identification of mental health needs",
            [
                (
                    "T1.1",
                    "Schools do not always know how to get help (para 12)",
                    "Publish one pathway for schools to ask for mental health advice",
                    "Health",
                    "Designated Nurse Safeguarding Children",
                    "April 2025",
                    "G",
                    "green",
                    "2025-04-30",
                ),
                (
                    "T1.2",
                    "Waiting lists are long",
                    "Offer every child on the waiting list a named contact",
                    "Health",
                    "CAMHS Service Manager",
                    "June 2025",
                    "A",
                    "amber",
                    "2025-06-30",
                ),
            ],
        ),
        (
            2,
            "Joint working in crisis",
            [
                (
                    "T2.1",
                    "Children wait in A&E for a bed",
                    "Agree an escalation protocol between the hospital, CAMHS and social care",
                    "All",
                    "Head of Service Children's Social Care & CAMHS Service Manager",
                    "Dec 2024",
                    "B",
                    "blue",
                    "2024-12-31",
                ),
                (
                    "T2.2",
                    "Plans after a crisis are not shared",
                    "Share every crisis plan with the child's school and GP within two days",
                    "Council",
                    "Head of Service Children's Social Care",
                    "March 2025",
                    "R",
                    "red",
                    "2025-03-31",
                ),
            ],
        ),
    ]
    owners = {
        "Head of Service Children's Social Care & CAMHS Service Manager": [
            "Head of Service Children's Social Care",
            "CAMHS Service Manager",
        ]
    }
    row = 4
    for number, theme, actions in themes:
        merged_heading(ws, row, f"Theme {number} – {theme}", last=7)
        c.theme(theme, number)
        row += 1
        for ref, finding, text, agency, lead, due, rag, expected_rag, due_date in actions:
            write_row(ws, row, [ref, finding, text, agency, lead, due, rag])
            c.action(
                text,
                ref=ref,
                theme=theme,
                owners=owners.get(lead, [lead]),
                progress_rag=expected_rag,
                due_date=due_date,
            )
            row += 1
    return c


def owner_capitals_spaced_slashes():
    """Owners typed in capitals and with spaced slashes inside a role; acronyms as posts."""
    title = "Pelham Council Children's Services – Improvement Plan Tracker"
    c = Corpus(
        "owner_capitals_spaced_slashes",
        "Tracker whose owner cells are typed as people type them: 'HEAD OF SERVICE CIN / CP' (a spaced slash "
        "inside one role), 'DCS / Lead Member' (two), 'AD Safeguarding & Early Help' (one role holding '&'), "
        "'Service Manager – MASH' (one), 'PSW, Head of QA' (two); 'Priority N' theme rows with no separator; RAG "
        "words.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "Action", "Owner", "Due", "RAG"], bold=True)
    rows = [
        (
            1,
            "Front door",
            [
                (
                    "1.1",
                    "Review the threshold for a child protection enquiry",
                    "HEAD OF SERVICE CIN / CP",
                    ["HEAD OF SERVICE CIN / CP"],
                    "Green",
                    "2025-03-31",
                ),
                (
                    "1.2",
                    "Report front door performance to the Lead Member monthly",
                    "DCS / Lead Member",
                    ["DCS", "Lead Member"],
                    "Blue",
                    "2024-12-31",
                ),
            ],
        ),
        (
            2,
            "Early help",
            [
                (
                    "2.1",
                    "Align the early help and safeguarding partnerships",
                    "AD Safeguarding & Early Help",
                    ["AD Safeguarding & Early Help"],
                    "Amber",
                    "2025-06-30",
                ),
                (
                    "2.2",
                    "Put an early help worker in the MASH",
                    "Service Manager – MASH",
                    ["Service Manager – MASH"],
                    "Red",
                    "2025-01-31",
                ),
                (
                    "2.3",
                    "Audit step-downs from the MASH to early help",
                    "PSW, Head of QA",
                    ["PSW", "Head of QA"],
                    "Grey",
                    "2025-05-31",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in rows:
        ws.cell(row=row, column=1, value=f"Priority {number} {theme}").font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        c.theme(theme, number)
        row += 1
        for ref, text, owner, owners, rag, due in actions:
            write_row(ws, row, [ref, text, owner, day(due), rag])
            ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=theme, owners=owners, progress_rag=rag.lower(), due_date=due)
            row += 1
    return c


def theme_number_and_title_columns():
    """Theme number and theme title in two columns beside the action number."""
    title = "Brookvale SEND Improvement Plan 2025"
    c = Corpus(
        "theme_number_and_title_columns",
        "SEND improvement plan with a 'Theme No.' column (numbers) and a 'Theme' column (its title) on every row, "
        "then 'Action No.' holding 1.1, 2.1; RAG as status words; due dates as real dates.",
        title=title,
    )
    ws = c.sheet("Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Theme No.", "Theme", "Action No.", "Action", "Owner", "Due", "Status"], bold=True)
    rows = [
        (
            1,
            "Identification of need",
            "1.1",
            "Screen every child's speech at the two-year review",
            "Head of Public Health Nursing",
            "2025-03-31",
            "On track",
            "green",
        ),
        (
            1,
            "Identification of need",
            "1.2",
            "Train nursery staff in the graduated approach",
            "Early Years SEND Lead",
            "2025-01-31",
            "Complete",
            "blue",
        ),
        (
            2,
            "Inclusion in schools",
            "2.1",
            "Fund an inclusion outreach team for secondary schools",
            "Head of Inclusion",
            "2025-09-30",
            "At risk",
            "amber",
        ),
        (
            2,
            "Inclusion in schools",
            "2.2",
            "Publish exclusion data for children with SEND each term",
            "Head of Inclusion",
            "2025-04-30",
            "Not started",
            "grey",
        ),
    ]
    seen = []
    for row, (number, theme, ref, text, owner, due, status, rag) in enumerate(rows, start=4):
        write_row(ws, row, [number, theme, ref, text, owner, day(due), status])
        ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
        if theme not in seen:
            seen.append(theme)
            c.theme(theme, number)
        c.action(text, ref=ref, theme=theme, owners=[owner], progress_rag=rag, due_date=due)
    return c


# ------------------------------------------------------------------ sixth round


def html_fragments_lead_and_timescale():
    """A plan pasted from a web system: HTML fragments in the text, three-level refs, 'Lead and timescale'."""
    title = "Ravensworth Children's Services – Practice Improvement Plan"
    c = Corpus(
        "html_fragments_lead_and_timescale",
        "Plan copied out of a web case-management system: action text holding '<br>' and '&amp;'; refs 1.1.1, "
        "1.1.2, 1.2.1; one 'Lead and timescale' column ('Head of Service Safeguarding – March 2025'); 'Theme N –' "
        "rows; RAG words.",
        title=title,
    )
    ws = c.sheet("Plan")
    ws["A1"] = title
    ws["A1"].font = BIG
    ws.merge_cells("A1:D1")
    write_row(ws, 2, ["Ref", "Action", "Lead and timescale", "RAG"], bold=True)
    themes = [
        (
            1,
            "Child protection practice",
            [
                (
                    "1.1.1",
                    "Review &amp; relaunch<br>the child protection procedures",
                    "Review & relaunch the child protection procedures",
                    "Head of Service Safeguarding – March 2025",
                    ["Head of Service Safeguarding"],
                    "2025-03-31",
                    "Green",
                    "green",
                ),
                (
                    "1.1.2",
                    "Train every social worker in the procedures",
                    "Train every social worker in the procedures",
                    "Principal Social Worker – Q3 2024/25",
                    ["Principal Social Worker"],
                    "2024-12-31",
                    "Amber",
                    "amber",
                ),
                (
                    "1.2.1",
                    "Audit <b>twenty</b> child protection plans a quarter",
                    "Audit twenty child protection plans a quarter",
                    "Service Manager QA – June 2025",
                    ["Service Manager QA"],
                    "2025-06-30",
                    "Grey",
                    "grey",
                ),
            ],
        ),
        (
            2,
            "Children in care",
            [
                (
                    "2.1.1",
                    "Hold life-story work with every child placed for adoption",
                    "Hold life-story work with every child placed for adoption",
                    "Adoption Team Manager – December 2024",
                    ["Adoption Team Manager"],
                    "2024-12-31",
                    "Blue",
                    "blue",
                ),
            ],
        ),
    ]
    row = 3
    for number, theme, actions in themes:
        ws.cell(row=row, column=1, value=f"Theme {number} – {theme}").font = BOLD
        c.theme(theme, number)
        row += 1
        for ref, raw, text, lead, owners, due, rag, expected_rag in actions:
            write_row(ws, row, [ref, raw, lead, rag])
            c.action(text, ref=ref, theme=theme, owners=owners, progress_rag=expected_rag, due_date=due)
            row += 1
    return c


def original_and_revised_targets_visible():
    """Original and revised target dates both shown; ticks for done beside a status column."""
    title = "Thornleigh Council – Improvement Notice Tracker"
    c = Corpus(
        "original_and_revised_targets_visible",
        "Improvement notice tracker showing both 'Original target' and 'Revised target' (the revised one, when "
        "filled, is the due date); a 'Status' column of words; 'IN para' source column with bare numbers; "
        "'Target N -' theme rows in bold.",
        title=title,
    )
    ws = c.sheet("Tracker")
    ws["A1"] = title
    ws["A1"].font = BIG
    write_row(ws, 3, ["Ref", "IN para", "Action", "Owner", "Original target", "Revised target", "Status"], bold=True)
    targets = [
        (
            1,
            "Timely assessments",
            [
                (
                    "1a",
                    "3",
                    "Clear every assessment open longer than 45 days",
                    "Head of Service Assessment",
                    "2024-12-31",
                    "2025-03-31",
                    "Some slippage",
                    "amber",
                    "2025-03-31",
                ),
                (
                    "1b",
                    "3",
                    "Publish weekly assessment timeliness to team managers",
                    "Head of Performance",
                    "2024-11-30",
                    None,
                    "Complete",
                    "blue",
                    "2024-11-30",
                ),
            ],
        ),
        (
            2,
            "Stable workforce",
            [
                (
                    "2a",
                    "5",
                    "Convert ten agency posts to permanent posts",
                    "Head of Workforce",
                    "2025-03-31",
                    "2025-09-30",
                    "Off track",
                    "red",
                    "2025-09-30",
                ),
                (
                    "2b",
                    "5",
                    "Run a recruitment campaign for experienced social workers",
                    "Head of Workforce",
                    "2025-01-31",
                    None,
                    "On track",
                    "green",
                    "2025-01-31",
                ),
            ],
        ),
    ]
    row = 4
    for number, theme, actions in targets:
        ws.cell(row=row, column=1, value=f"Target {number} - {theme}").font = BOLD
        c.theme(theme, number)
        row += 1
        for ref, para, text, owner, original, revised, status, rag, due in actions:
            write_row(ws, row, [ref, para, text, owner, day(original), day(revised) if revised else None, status])
            ws.cell(row=row, column=5).number_format = "dd/mm/yyyy"
            ws.cell(row=row, column=6).number_format = "dd/mm/yyyy"
            c.action(text, ref=ref, theme=theme, owners=[owner], sources=[f"IN {para}"], progress_rag=rag, due_date=due)
            row += 1
    return c


BUILDERS = [
    wsoa_cover_instructions,
    jtai_colour_key_top,
    yjs_theme_column_quarter_rags,
    early_help_priority_sheets,
    corporate_parenting_pledges,
    qa_audit_tracker_offset,
    improvement_notice_monthly_pairs,
    partnership_merged_priority_column,
    ilacs_summary_first_continuations,
    app_rag_first_fill_key_sheet,
    action_plan_status_suffix_subtotals,
    sheet_tabs_numbered_newline_headers,
    caps_theme_rows_owner_first,
    status_words_beside_colour_rag,
    merged_action_header_spacer_columns,
    quarterly_update_columns_single_rag,
    repeated_header_blocks_strategic_aims,
    hidden_previous_rag_and_original_date,
    print_layout_vertical_header_merges,
    business_plan_type_column_sources,
    action_n_refs_sub_steps_as_above,
    monthly_status_columns_partly_filled,
    hidden_old_sheet_lowercase_rag,
    section_rows_priority_column,
    impact_colours_key_below,
    list_export_no_refs,
    jtai_response_named_lead,
    owner_capitals_spaced_slashes,
    theme_number_and_title_columns,
    html_fragments_lead_and_timescale,
    original_and_revised_targets_visible,
]


def build(folder=HERE, builders=None):
    """Write each builder's workbook and expected facts into `folder` (this module's BUILDERS by default)."""
    slugs = []
    for builder in BUILDERS if builders is None else builders:
        corpus = builder()
        corpus.save(folder)
        slugs.append(corpus.slug)
    return slugs


if __name__ == "__main__":
    built = build()
    sys.stdout.write(f"Built {len(built)} workbooks in {HERE}: {', '.join(built)}\n")
