"""Status and RAG labels found in an imported file, and the RAG an admin chose for each.

The reader maps the labels it knows ("Complete", "On track", "B", a tool's own "Stuck") to the
five-point scale and leaves the others empty (never guessed). The import preview lists every
distinct label once per file with what it is read as; the admin confirms or changes each, and must
decide every label the reader could not read (a RAG, or no rating) before importing. Choices that
differ from the reader's own reading are remembered (StatusLabelMapping) and applied to later
imports, as PersonRoleMapping is for people; nothing is mapped that an admin did not choose.
"""
from dataclasses import dataclass, field

from plans.importing.values import read_status, status_key
from plans.models import StatusLabelMapping
from plans.rag import Rag

# The admin's choice for a label: a RAG's slug, or "none" for no rating ("" is not decided yet).
NO_RATING = "none"
SCALE = {"blue": Rag.BLUE, "green": Rag.GREEN, "amber": Rag.AMBER, "red": Rag.RED, "grey": Rag.GREY, NO_RATING: None}
SCALE_CHOICES = [
    ("blue", "Blue: complete"),
    ("green", "Green: on track"),
    ("amber", "Amber: not on track, recoverable"),
    ("red", "Red: not progressing"),
    ("grey", "Grey: not started, not yet due"),
    (NO_RATING, "No rating (left empty)"),
]


def _slug(rag):
    return Rag(rag).slug if rag else NO_RATING


@dataclass
class StatusLabel:
    """One label as the file writes it, in every RAG column it appears in."""

    label: str
    key: str
    count: int = 0
    fields: list = field(default_factory=list)  # "progress_rag", "impact_rag"
    known: bool = True  # False: the reader could not read it
    closed: bool = False  # the action is kept as closed (Cancelled, Withdrawn)
    read_as: str = ""  # the slug it is read as now ("none" for no rating; "" when not read)

    @property
    def columns(self):
        return " and ".join("Impact RAG" if name == "impact_rag" else "Progress RAG" for name in self.fields)


def status_labels_found(parsed):
    """Every distinct label the file uses, in the order met (one per label, whichever RAG column)."""
    labels = {}
    for status in getattr(parsed, "statuses", None) or []:
        key = status_key(status["label"])
        item = labels.get(key)
        if item is None:
            item = labels[key] = StatusLabel(label=status["label"], key=key, known=status["known"], closed=status["closed"])
            item.read_as = "" if not status["known"] else (status["rag"] or NO_RATING).lower()
        item.count += status["count"]
        if status["field"] not in item.fields:
            item.fields.append(status["field"])
    return list(labels.values())


def status_labels_remembered_all():
    """{status key: Rag or None}: every label an admin chose a RAG for at an earlier import."""
    return {key: Rag(rag) if rag else None for key, rag in StatusLabelMapping.objects.values_list("key", "rag")}


def status_labels_for_reading(choices=None, *, remembered=None):
    """{status key: Rag or None} for the reader: the remembered choices (`remembered`, read from the
    database when not given), then `choices` ({label: slug})."""
    reading = dict(status_labels_remembered_all() if remembered is None else remembered)
    for label, slug in (choices or {}).items():
        if slug in SCALE:
            reading[status_key(label)] = SCALE[slug]
    return reading


def status_labels_reading_key(reading):
    """The reading's choices as plain text, for telling one reading of a file from another."""
    return {key: rag.value if rag else "" for key, rag in sorted(reading.items())}


def status_labels_remember(*, choices, author=None):
    """Remember each label whose chosen RAG differs from the reader's own reading of it (and forget
    an earlier choice where the admin now agrees with the reader)."""
    for label, slug in choices.items():
        if slug not in SCALE:
            continue
        key = StatusLabelMapping.key_for(label)
        own = read_status(label)
        if own is not None and own.known and _slug(own.rag.value if own.rag else None) == slug:
            StatusLabelMapping.objects.filter(key=key).delete()
            continue
        rag = SCALE[slug]
        StatusLabelMapping.objects.update_or_create(
            key=key, defaults={"label": " ".join(label.split())[:120], "rag": rag.value if rag else "", "chosen_by": author},
        )


def status_labels_parse(texts):
    """{label: slug} from "Label=rag" texts (the import_plan command's --status); ValueError names a bad one."""
    choices = {}
    for text in texts:
        label, _, slug = text.rpartition("=")
        slug = slug.strip().lower().replace("no rating", NO_RATING).replace("gray", "grey")
        if not label.strip() or slug not in SCALE:
            raise ValueError(
                f"“{text}” is not a status label and a RAG: write it as LABEL=RAG, where RAG is blue, green, amber, red, "
                f"grey or none (no rating), for example --status \"Stuck=red\"."
            )
        choices[label.strip()] = slug
    return choices
