"""The data feed's documentation page, drawn on the server from its OpenAPI schema.

Swagger UI and Redoc need scripts and inline styles that this site's Content-Security-Policy refuses (and
fetch fonts from the internet by default); a plain page of tables reads better on a council laptop anyway.
"""

import functools

from django.urls import reverse
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator


@functools.cache
def feed_schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _component(schema, ref):
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _type_text(prop):
    if "$ref" in prop:
        return "object"
    kind = prop.get("type", "")
    if kind == "array":
        return f"list of {_type_text(prop.get('items', {}))}"
    if prop.get("format"):
        return f"{kind} ({prop['format']})"
    if "enum" in prop:
        return "one of " + ", ".join(str(v) for v in prop["enum"] if v not in (None, ""))
    if "allOf" in prop or "oneOf" in prop:
        return "text"
    return kind + (" or null" if prop.get("nullable") else "")


def endpoints(schema):
    """Each GET path: its summary, description, query parameters and the fields of a row."""
    result = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        parameters = [
            {"name": p["name"], "description": p.get("description", ""), "required": p.get("required", False)}
            for p in get.get("parameters", [])
        ]
        fields = []
        body = get.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
        if "$ref" in body:
            page = _component(schema, body["$ref"])
            items = page.get("properties", {}).get("results", {}).get("items", {})
            if "$ref" in items:
                row = _component(schema, items["$ref"])
                for name, prop in row.get("properties", {}).items():
                    fields.append({"name": name, "type": _type_text(prop), "description": prop.get("description", "")})
        result.append(
            {
                "path": path,
                "summary": get.get("summary", ""),
                "description": get.get("description", ""),
                "parameters": parameters,
                "fields": fields,
            }
        )
    return result


class FeedDocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        schema = feed_schema()
        return super().get_context_data(
            endpoints=endpoints(schema),
            schema_url=reverse("api:schema"),
            version=schema["info"]["version"],
            **kwargs,
        )
