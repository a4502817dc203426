"""Template helpers for RAG display; none of them touches the database."""
from django import template

from plans.rag import RAG_MEANINGS, Rag

register = template.Library()


@register.filter
def rag_info(value):
    """Label, CSS modifier and meaning for a RAG code (or "No rating")."""
    if not value:
        return {"label": "No rating", "css": "none", "meaning": "No update recorded yet"}
    rag = Rag(value)
    return {"label": rag.label, "css": rag.value, "meaning": RAG_MEANINGS[rag]}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""
