"""Small workbooks in each council's layout, built with openpyxl for the import tests.

Each function returns the workbook as bytes; the layouts follow the plans in ../shared/seeds/.
"""

import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import PatternFill


def to_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def solihull_layout():
    """Solihull "Improving Outcomes for Children": a title row, one header (Ref, Improvement Need,
    Action, Derived From, Action Owner, Timescale, RAG), theme rows with Lead: and Objective: rows,
    a continuation row, an HTML fragment, several owners per cell, a duplicate ref in theme 3."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IOCS plan"
    ws.append(["Solihull Improving Outcomes for Children Plan"])
    ws.append([])
    ws.append(["Ref", "Improvement Need", "Action", "Derived From", "Action Owner", "Timescale", "RAG"])
    ws.append(["Theme 1: Leadership and Governance"])
    ws.append(["Lead: Director of Children’s Services"])
    ws.append(["Objective: Leadership and governance support the safeguarding of children."])
    ws.append(
        [
            "1.1",
            "Monitoring in place",
            "Impact measures to be developed",
            "IOCS",
            "Interim Assistant Director Improvement",
            "Dec 2026",
            "G",
        ]
    )
    ws.append([None, None, "Report monthly to the board", None, None, None, None])
    ws.append(
        [
            "1.2",
            "<p>Finance</p><ul><li>Forecasting</li><li>Oversight</li></ul>",
            "Review finance",
            "JTAI 1.1a / 6.1b",
            "Assistant Director - Children's Safeguarding / Finance Manager",
            "31 Jan 2027",
            "Amber",
        ]
    )
    ws.append(["Theme 2: Partnerships"])
    ws.append(
        [
            "2.14",
            "MASH capacity",
            "Increase partner presence",
            "Nat. Enq 1.6 / 1.8 /1.9",
            "T/Detective Chief Superintendent Public Protection Unit / T/Detective Chief Inspector Public Protection Unit",
            "Mar 2027",
            "Complete",
        ]
    )
    ws.append(["2.15", "Thresholds", "Review threshold document", "Nat Enq. 1.1", "As above", "12/12/2026", None])
    ws.append(["Theme 3: Workforce"])
    ws.append(["Ref", "Improvement Need", "Action", "Derived From", "Action Owner", "Timescale", "RAG"])
    ws.append(
        [
            "2.14",
            "Leaders skilled",
            "Leadership training",
            "IOCS",
            "Head of Service - Family Support and Child Protection Service",
            "when funded",
            "Purple",
        ]
    )
    ws.append(["3.2", "Supervision", None, "IOCS", "Sue Butcher, Jane Parry, Kate Bargh", "Sep 2026", None])
    return to_bytes(wb)


def walsall_layout():
    """Walsall improvement plan: title rows and a RAG key above a two-line header ("Action / No.",
    "Reference / to:", "Lead / Person(s)", "Measures / of success", "Review note / for this period",
    "R / A G"), Theme rows repeated with the header, sources "IN 3.1", "OIS 2012 IN 1.4, 1.6",
    "IN 1.7, 3.1 OIS 2012", free-text timescales, RAG only as a fill colour on one row, and a bold paragraph alone in the
    first column between actions (about the theme, not an action)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Improvement plan"
    ws.append(["Walsall Children's Services Improvement Plan"])
    ws.append(["RAG key: Blue completed, Green progressing, Amber not on track, Red needs attention, Grey not started"])
    ws.append([])
    ws.append(["Action", "Reference", "Action", "Timescale", "Lead", "Measures", "Review note", "R"])
    ws.append(["No.", "to:", None, None, "Person(s)", "of success", "for this period", "A G"])
    ws.append(["Theme 1: Governance and partnership"])
    ws.append(
        [
            "1.1",
            "IN 3.1",
            "WSCB to review multi-agency thresholds",
            "WSCB to consider – 31 Jan 2013  Plan for WSCB work – 31 Mar 2013",
            "Rose Collinson",
            "WSCB have agreed the action",
            "New WSCB chair appointed Dec 2012",
            "Gr",
        ]
    )
    ws.append(
        ["Strengthen the role and leadership of Walsall Safeguarding Board (WSCB) in support, challenge and scrutiny"]
    )
    ws.append(
        [
            "1.2",
            "IN 1.7, 3.1 OIS 2012",
            "Partner endorsement of the plan",
            "Dec 2012 and ongoing",
            "Rose Collinson",
            "<ul> <li>Partner agreement to baseline</li> <li>Formal endorsement</li> </ul>",
            "Partners endorsed the plan",
            "Green",
        ]
    )
    ws.append(["Theme 2: Assessment"])
    ws.append(["Action", "Reference", "Action", "Timescale", "Lead", "Measures", "Review note", "R"])
    ws.append(["No.", "to:", None, None, "Person(s)", "of success", "for this period", "A G"])
    ws.append(
        [
            "3.3",
            "OIS 2012 IN 1.4, 1.6",
            "Assessments of satisfactory quality",
            "31 Mar 2013",
            "Sue Butcher, Jane Parry, Kate Bargh",
            "Case file audit",
            "Signs of safety clarified with staff",
            None,
        ]
    )
    ws.cell(row=ws.max_row, column=8).fill = PatternFill("solid", fgColor="FFFF0000")
    ws.append(
        [
            "3.8",
            "PR 2012",
            "Core groups meet regularly",
            "Identify baseline Jan 2013; first target Mar 2013",
            "Graham Reiter",
            "Attendance statistics",
            "Baseline being obtained",
            "A",
        ]
    )
    return to_bytes(wb)


def lscb_layout():
    """Solihull LSCB business plan: strategic aim rows ("1. To lead, listen to ..."), a header
    ACTION / LEAD / TIMESCALE / OUTPUT / PROGRESS TO DATE with the ref column unlabelled (found by
    its values), and
    "Business Fundamentals" / "Change Priorities" rows giving the category of the actions below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Business plan"
    ws.append(["Solihull LSCB Business Plan 2012-13"])
    ws.append([None, "ACTION", "LEAD", "TIMESCALE", "OUTPUT", "PROGRESS TO DATE"])
    ws.append(["1. To lead, listen to and advise on safeguarding issues for children and young people within Solihull"])
    ws.append(["Business Fundamentals"])
    ws.append(
        [
            "1.1",
            "Provide information on safeguarding.",
            "Julie Harrison, Senior Communications Officer.",
            "July 12 – June 13",
            "Communication plan",
            None,
        ]
    )
    ws.append(
        [
            "1.2",
            "Provide a procedural framework.",
            "Liz Murphy, Safeguarding Children Business Manager",
            "Jan 13",
            "Framework",
            None,
        ]
    )
    ws.append([None, "Change Priorities"])
    ws.append(
        [
            "1.7",
            "Deliver a Child Sexual Exploitation communications campaign",
            "Julie Harrison, Senior Communications Officer.",
            "July 12 – June 13",
            "Campaign",
            None,
        ]
    )
    ws.append(["2. To use learning to influence safeguarding practice and improve outcomes"])
    ws.append(["Business Fundamentals"])
    ws.append(
        [
            "2.2",
            "Review all child deaths",
            "Paul Nash Safeguarding Officer and Dara Lloyd, Manager, Child Death Review Process",
            "July 12 – June 13",
            "All deaths reviewed",
            None,
        ]
    )
    ws.append(["2.4", "Change Priorities"])
    ws.append(
        [
            "2.5",
            "Evaluate the impact of training",
            "Sally Andrews Training and Development Officer",
            "To be implemented Jan 13 onwards",
            "Agreed model",
            None,
        ]
    )
    return to_bytes(wb)


def shropshire_layout():
    """Shropshire post-Ofsted plan: "Area for Improvement 1:" with its title on the next row and a
    description, header Ref / Actions / Expected Impact/Outcome / Impact Measure / Reporting
    Mechanism / Lead and Timescale / Progress to date / Progress RAG / Impact RAG, on two lines at first
    and repeated on one line for the next area."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    header = [
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
    ws.append(["SHROPSHIRE CHILDREN’S SERVICES POST OFSTED IMPROVEMENT ACTION PLAN"])
    ws.append(["Area for Improvement 1:"])
    ws.append(["Quality of Practice"])
    ws.append(["The quality of practice will evidence it is consistently good or outstanding."])
    # The first header is on two lines, as the PDF of the plan shows it.
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
    ws.append(
        [
            "1.1",
            "The QA framework needs to increase in its efficacy",
            "The quality of QA activity improves",
            "Assessments judged good increases to 90%, milestones 70%/80%",
            "Monthly/ Quarterly QA reports",
            "SM QA\nJan 2024",
            "PIP Officer in post",
            "Green",
            "Amber",
        ]
    )
    ws.append(
        [
            None,
            "Demonstrating a clear pathway to consistent quality auditing",
            None,
            None,
            None,
            None,
            "Q4 report in development",
            None,
            None,
        ]
    )
    ws.append(["Area for Improvement 2:"])
    ws.append(["Child Protection"])
    ws.append(header)
    ws.append(
        [
            "2.1",
            "Strategy discussions are timely",
            "Children are safeguarded",
            "Timeliness of strategy discussions",
            "Monthly board",
            "Head of Service 12/12/2023",
            "Training delivered",
            "Blue",
            "Green",
        ]
    )
    return to_bytes(wb)


def zip_bomb():
    """A valid-looking workbook whose one sheet unpacks to 300 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (300 * 1024 * 1024))
    return buffer.getvalue()


def with_macros():
    """A workbook carrying a VBA project, as an .xlsm does."""
    buffer = io.BytesIO(solihull_layout())
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item.filename))
        archive.writestr("xl/vbaProject.bin", b"\x00" * 64)
    return out.getvalue()


def encrypted():
    """What Excel writes for a password-protected workbook: an OLE container with an EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return (
        header
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 100
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 1000
    )


def old_xls():
    """The first bytes of an Excel 97-2003 .xls file (an OLE container, no encryption)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2000


def empty_workbook():
    return to_bytes(Workbook())


def no_header():
    wb = Workbook()
    ws = wb.active
    for number in range(10):
        ws.append([f"Some notes {number}", number])
    return to_bytes(wb)


def damaged():
    """A workbook whose sheet XML was cut off half way (a broken download)."""
    source = io.BytesIO(solihull_layout())
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            archive.writestr(item, data)
    return out.getvalue()
