"""Every PDF the product makes is written here: HTML (a template) to tagged PDF with WeasyPrint.

Tagged to PDF/UA-1 as far as WeasyPrint's variant takes it: a structure tree (headings, tables with
their header cells and captions, figures with the `alt` of their <img>), the language from
<html lang>, the <title> shown as the window title (DisplayDocTitle), bookmarks from the headings,
and backgrounds, borders and page-margin text (running titles, page numbers) kept out of the tree as
artifacts. What the markup must give it is in docs/decisions/0019-accessible-documents.md.
"""

from django.conf import settings

PDF_VARIANT = "pdf/ua-1"


def pdf_from_html(*, html, base_url=None, tagged=True):
    """Return the PDF bytes of `html`: tagged (PDF/UA-1) unless `tagged` is False (the benchmark's
    untagged baseline only; the product never writes an untagged PDF)."""
    from weasyprint import HTML  # imported here: it takes most of a second and only PDFs need it

    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR))
    if tagged:
        return document.write_pdf(pdf_variant=PDF_VARIANT)
    return document.write_pdf()
