"""The RAG scale shared by progress and impact ratings."""
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
RAG_RANKS = {Rag.RED: 1, Rag.AMBER: 2, Rag.GREEN: 3, Rag.BLUE: 4}

# The order the board reads them in (Walsall's key).
RAG_ORDER = [Rag.BLUE, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.GREY]


def rag_from_value(value):
    """Return the Rag for a stored code, or None for an empty value."""
    if not value:
        return None
    return Rag(value)
