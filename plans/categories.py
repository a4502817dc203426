"""The categories an action may have (Solihull LSCB's business plan): the one table of their
stored values and the words people read, used by the model's choices, the exports and the importer."""

BUSINESS_FUNDAMENTAL = "business_fundamental"
CHANGE_PRIORITY = "change_priority"

CATEGORY_LABELS = {
    BUSINESS_FUNDAMENTAL: "Business fundamental",
    CHANGE_PRIORITY: "Change priority",
}


def category_label(value):
    """The words for a stored category; "" for an action without one."""
    return CATEGORY_LABELS.get(value or "", "")
