"""Printing a page (or saving it as PDF) gives the content on A4, RAG words readable without colour."""

import io

import pypdf
from playwright.sync_api import expect

from plans.models import Action, Rag
from plans.services.demo import DEMO_PASSWORD

A4_POINTS = (595, 842)
RAG_CSS = {Rag.BLUE: "B", Rag.GREEN: "G", Rag.AMBER: "A", Rag.RED: "R", Rag.GREY: "Gr"}


def test_plan_prints_on_a4_with_rag_words_and_without_navigation(journey, demo):
    page = journey.page
    journey.login("board", DEMO_PASSWORD)
    page.goto(demo.plan.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.plan.title)
    shown_rags = set(page.locator("tbody .app-rag").all_inner_texts())

    page.emulate_media(media="print")
    for hidden in [
        ".govuk-template__header",
        ".govuk-service-navigation",
        ".govuk-template__footer",
        ".govuk-skip-link",
        ".govuk-breadcrumbs",
        ".app-filters",
        ".govuk-button",
        ".govuk-pagination",
    ]:
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()

    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert demo.plan.title in " ".join(text.split())
    assert shown_rags >= {"Red", "Green"}
    for word in shown_rags:
        assert word in text
    for navigation in [
        "My actions",
        "Sign out",
        "Skip to main content",
        "Filter actions",
        "Apply filters",
        "Next page",
        "Improvement plan tracker",
    ]:
        assert navigation not in text, f"{navigation!r} is printed"
    # Every action of the page's first table page is there, by ref.
    first_refs = [a.ref for a in Action.objects.for_plan(demo.plan).in_plan_order()[:5]]
    for ref in first_refs:
        assert ref in text


def test_rag_tags_differ_by_border_as_well_as_colour_in_print(journey, demo):
    page = journey.page
    journey.login("board", DEMO_PASSWORD)
    page.goto(demo.plan.get_absolute_url())
    page.emulate_media(media="print")
    styles = page.evaluate(
        """codes => codes.map(code => {
             const tag = document.createElement('strong');
             tag.className = 'app-rag app-rag--' + code;
             tag.textContent = code;
             document.querySelector('main').appendChild(tag);
             const s = getComputedStyle(tag);
             const result = [s.borderTopStyle, s.borderTopWidth, s.printColorAdjust || s.webkitPrintColorAdjust];
             tag.remove();
             return result;
           })""",
        list(RAG_CSS.values()),
    )
    borders = [(style, width) for style, width, _ in styles]
    assert len(set(borders)) == len(RAG_CSS), f"two RAG ratings print with the same border: {borders}"
    assert all(adjust == "exact" for _, _, adjust in styles)
