"""One RAG palette: the Sass the pages use holds the same colours as plans.rag.RAG_PALETTE, which the
charts, workbooks and PDF read; every word stays readable on its colour."""

import re

from django.conf import settings

from plans.charts import RAG_COLOURS
from plans.rag import RAG_PALETTE, Rag
from plans.templatetags.reporting_tags import rag_palette_css

SASS_NAMES = {Rag.BLUE: "blue", Rag.GREEN: "green", Rag.AMBER: "amber", Rag.RED: "red", Rag.GREY: "grey", None: "none"}


def _luminance(hex_colour):
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_sass_variables_are_the_palette():
    sass = (settings.BASE_DIR / "static" / "scss" / "_rag-palette.scss").read_text()
    variables = dict(re.findall(r"^\$(app-rag-[a-z-]+):\s*(#[0-9a-fA-F]{6});", sass, flags=re.MULTILINE))
    expected = {}
    for rag, colour in RAG_PALETTE.items():
        expected[f"app-rag-{SASS_NAMES[rag]}"] = colour.fill
        expected[f"app-rag-{SASS_NAMES[rag]}-text"] = colour.text
    assert {k: v.lower() for k, v in variables.items()} == expected


def test_the_product_sass_takes_the_tag_colours_from_the_palette_only():
    product = (settings.BASE_DIR / "static" / "scss" / "_product.scss").read_text()
    for line in product.splitlines():
        if re.match(r"\.app-rag--\w+ \{", line):
            assert not re.search(r"(?<![-\w])(background|color):\s*#", line), line


def test_charts_and_pdf_read_the_same_palette():
    assert RAG_COLOURS == {(rag.value if rag else None): colour.fill for rag, colour in RAG_PALETTE.items()}
    css = rag_palette_css()
    for rag, colour in RAG_PALETTE.items():
        assert f".app-rag--{rag.value if rag else 'none'} {{ background: {colour.fill}; color: {colour.text}; }}" in css


def test_every_word_reads_on_its_colour_and_blue_and_red_differ_in_greyscale():
    for rag, colour in RAG_PALETTE.items():
        assert contrast(colour.fill, colour.text) >= 4.5, rag
    for rag in (Rag.BLUE, Rag.GREEN, Rag.RED):
        assert contrast(RAG_PALETTE[rag].fill, "#ffffff") >= 3, rag  # dark fills stand out from the page
    assert contrast(RAG_PALETTE[Rag.BLUE].fill, RAG_PALETTE[Rag.RED].fill) >= 1.5
