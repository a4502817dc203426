"""The RAG scale shared by progress and impact ratings."""

from dataclasses import dataclass

from django.db import models


class Rag(models.TextChoices):
    BLUE = "B", "Blue"
    GREEN = "G", "Green"
    AMBER = "A", "Amber"
    RED = "R", "Red"
    GREY = "Gr", "Grey"

    @property
    def meaning(self):
        return RAG_MEANINGS[self]

    @property
    def rank(self):
        """Order for "improved / worsened": Red < Amber < Green < Blue; Grey has none."""
        return RAG_RANKS.get(self)

    @property
    def slug(self):
        return self.label.lower()


RAG_MEANINGS = {
    Rag.BLUE: "Completed",
    Rag.GREEN: "Work progressing as expected",
    Rag.AMBER: "Not on track, but plans are in place to recover by the timescale",
    Rag.RED: "Not progressing as expected; needs the board's attention",
    Rag.GREY: "Not yet started, not yet due",
}
# The same scale read for impact: what difference the work is making for children and families.
IMPACT_MEANINGS = {
    Rag.BLUE: "The intended impact is evidenced",
    Rag.GREEN: "Impact is showing, as expected at this stage",
    Rag.AMBER: "Impact is not yet showing as expected, but should by the timescale",
    Rag.RED: "No impact is showing; needs the board's attention",
    Rag.GREY: "Too early to judge the impact",
}
RAG_RANKS = {Rag.RED: 1, Rag.AMBER: 2, Rag.GREEN: 3, Rag.BLUE: 4}

# The order the board reads them in (Walsall's key).
RAG_ORDER = [Rag.BLUE, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.GREY]


def rag_from_value(value):
    """Return the Rag for a stored code, or None for an empty value."""
    if not value:
        return None
    return Rag(value)


@dataclass(frozen=True)
class RagColour:
    """How a RAG is coloured: `fill` for tags, Excel cells and chart bars; `text` for its word on
    that fill (at least 4.5:1 against it)."""

    fill: str
    text: str


# The one RAG palette: the charts (plans/charts.py), the workbooks (plans/services/reports.py,
# exporting.py), the board pack PDF (reporting_tags.rag_palette_css) and the pages' Sass
# (static/scss/_rag-palette.scss, checked against this by tests/plans/test_rag_palette.py) all read it.
# GOV.UK's blue (#1d70b8, white text 5.2:1) rather than the darker #1d4f91 the charts once had: that
# one was as dark as the Red, so the two looked the same in greyscale and to many colour-blind readers.
# Blue, Green and Red stand at least 3:1 against the white page; the light ones (Amber, Grey, No
# rating) are told apart by their word, the tags' dark border pattern and the charts' legend and
# table of figures.
RAG_PALETTE = {
    Rag.BLUE: RagColour(fill="#1d70b8", text="#ffffff"),
    Rag.GREEN: RagColour(fill="#00703c", text="#ffffff"),
    Rag.AMBER: RagColour(fill="#ffbf47", text="#0b0c0c"),
    Rag.RED: RagColour(fill="#942514", text="#ffffff"),
    Rag.GREY: RagColour(fill="#b1b4b6", text="#0b0c0c"),
    None: RagColour(fill="#f3f2f1", text="#0b0c0c"),
}


def rag_colour(rag):
    """The palette entry for a Rag, a stored code ("B") or None / "" (no rating)."""
    if rag in (None, ""):
        return RAG_PALETTE[None]
    return RAG_PALETTE[Rag(rag)]
