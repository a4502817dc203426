"""The pure helpers behind the importer: owners, sources, RAG, dates, HTML, lead and timescale."""

import datetime

import pytest
from openpyxl.styles import PatternFill

from plans.importing.cleaning import (
    UnknownRag,
    clean_text,
    parse_due_date,
    parse_rag,
    parse_sources,
    rag_from_fill,
    split_lead_and_timescale,
    split_owners,
)
from plans.rag import Rag


@pytest.mark.parametrize(
    "cell, owners",
    [
        (
            "Assistant Director - Children's Safeguarding / Finance Manager",
            ["Assistant Director - Children's Safeguarding", "Finance Manager"],
        ),
        ("Head of Probation/Service Manager QA", ["Head of Probation", "Service Manager QA"]),
        ("Head of Probation\nService Manager QA", ["Head of Probation", "Service Manager QA"]),
        ("a) Head of Service Safeguards b) Service Manager QA", ["Head of Service Safeguards", "Service Manager QA"]),
        ("Sue Butcher, Jane Parry, Kate Bargh", ["Sue Butcher", "Jane Parry", "Kate Bargh"]),
        ("Head of Probation & Director of Nursing", ["Head of Probation", "Director of Nursing"]),
        (
            "Principle Social Worker, HSB manager and Assistant Youth Offending Team Manager",
            ["Principle Social Worker", "HSB manager", "Assistant Youth Offending Team Manager"],
        ),
        ("YOS, MASH and HSB", ["YOS", "MASH", "HSB"]),
        (
            "Service Manager Exploitation, Missing and Youth Justice Service and HSB Team",
            ["Service Manager Exploitation, Missing and Youth Justice Service", "HSB Team"],
        ),
        ("T/Detective Chief Inspector Public Protection Unit", ["T/Detective Chief Inspector Public Protection Unit"]),
        (
            "Head of Service - Family Support and Child Protection Service",
            ["Head of Service - Family Support and Child Protection Service"],
        ),
        (
            "Interim Head of Service Early Help and Partnerships, MASH and Childrens Assessment Service",
            ["Interim Head of Service Early Help and Partnerships, MASH and Childrens Assessment Service"],
        ),
        ("HR Business Manager Childrens & Schools", ["HR Business Manager Childrens & Schools"]),
        (
            "Assistant Director - Quality Assurance, Performance and Improvement",
            ["Assistant Director - Quality Assurance, Performance and Improvement"],
        ),
        ("Julie Harrison, Senior Communications Officer.", ["Julie Harrison, Senior Communications Officer"]),
        ("Director of Children’s Services", ["Director of Children's Services"]),
        ("", []),
    ],
)
def test_owner_cells_split_into_roles(cell, owners):
    assert split_owners(cell) == owners


def test_as_above_means_the_owners_of_the_row_above():
    assert split_owners("As above", previous=["Head of Probation"]) == ["Head of Probation"]
    assert split_owners("as above.", previous=["A", "B"]) == ["A", "B"]


@pytest.mark.parametrize(
    "cell, pairs",
    [
        ("JTAI 1.1a / 6.1b", [("JTAI", "1.1a"), ("JTAI", "6.1b")]),
        ("Nat. Enq 1.6 / 1.8 /1.9", [("Nat. Enq", "1.6"), ("Nat. Enq", "1.8"), ("Nat. Enq", "1.9")]),
        ("Nat Enq. 1.1", [("Nat. Enq", "1.1")]),
        ("IN 1.7, 3.1 OIS 2012", [("IN", "1.7"), ("IN", "3.1"), ("OIS 2012", "")]),
        ("OIS 2012 1.1, 1.2", [("OIS 2012", "1.1"), ("OIS 2012", "1.2")]),
        ("JTAI 1.2 / Nat Enq 1.2", [("JTAI", "1.2"), ("Nat. Enq", "1.2")]),
        ("IOCS", [("IOCS", "")]),
        ("PR 2012", [("PR 2012", "")]),
    ],
)
def test_sources_parse_into_code_and_paragraph(cell, pairs):
    assert parse_sources(cell)[0] == pairs


def test_spellings_of_one_source_are_made_one_and_bare_numbers_are_reported():
    spellings = {}
    assert parse_sources("Peer Rev. 2", spellings)[0] == [("Peer Rev", "2")]
    assert parse_sources("Peer Rev 3", spellings)[0] == [("Peer Rev", "3")]
    assert parse_sources("1.2")[1] == ["1.2"]


@pytest.mark.parametrize(
    "value, rag",
    [
        ("B", Rag.BLUE),
        ("G", Rag.GREEN),
        ("A", Rag.AMBER),
        ("R", Rag.RED),
        ("Gr", Rag.GREY),
        ("blue", Rag.BLUE),
        ("Green", Rag.GREEN),
        ("AMBER", Rag.AMBER),
        ("Red", Rag.RED),
        ("Grey", Rag.GREY),
        ("Complete", Rag.BLUE),
        ("Completed", Rag.BLUE),
        ("", None),
        (None, None),
    ],
)
def test_rag_read_from_codes_and_words(value, rag):
    assert parse_rag(value) == rag


def test_unknown_rag_is_an_error():
    with pytest.raises(UnknownRag):
        parse_rag("Purple")


@pytest.mark.parametrize(
    "colour, rag",
    [
        ("FFFF0000", Rag.RED),
        ("FF00B050", Rag.GREEN),
        ("FFFFC000", Rag.AMBER),
        ("FF0070C0", Rag.BLUE),
        ("FFBFBFBF", Rag.GREY),
        ("FFFFFFFF", None),
    ],
)
def test_rag_read_from_fill_colour(colour, rag):
    assert rag_from_fill(PatternFill("solid", fgColor=colour)) == rag


@pytest.mark.parametrize(
    "text, due",
    [
        ("31 Jan 2013", datetime.date(2013, 1, 31)),
        ("Mar 2024", datetime.date(2024, 3, 31)),
        ("12/12/2023", datetime.date(2023, 12, 12)),
        ("WSCB to consider – 31 Jan 2013", datetime.date(2013, 1, 31)),
        ("Dec 2012 and ongoing", datetime.date(2012, 12, 31)),
        ("July 12 – June 13", datetime.date(2013, 6, 30)),
        ("ongoing", None),
        ("when funded", None),
    ],
)
def test_due_date_parsed_where_one_can_be_read(text, due):
    assert parse_due_date(text) == due


def test_lead_and_timescale_cells_split_into_both():
    assert split_lead_and_timescale("SM QA Jan 2024") == ("SM QA", "Jan 2024")
    assert split_lead_and_timescale("Head of Service\nMarch 2024") == ("Head of Service", "March 2024")
    assert split_lead_and_timescale("Head of Service") == ("Head of Service", "")
    assert split_lead_and_timescale("AD & SM 29 Feb 2024") == ("AD & SM", "29 Feb 2024")
    assert split_owners("AD & SM") == ["AD", "SM"]
    assert split_lead_and_timescale("SM QA 31st March 2024") == ("SM QA", "31st March 2024")
    assert parse_due_date("31st March 2024") == datetime.date(2024, 3, 31)


def test_html_fragments_become_plain_text_with_list_items_as_lines():
    assert (
        clean_text("<p>Finance</p><ul><li>Forecasting &amp; budgets</li><li>Oversight</li></ul>")
        == "Finance\nForecasting & budgets\nOversight"
    )
    assert clean_text("Risk <5% of cases") == "Risk <5% of cases"
