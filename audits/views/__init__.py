"""Views of the audits app, one module per area; thin function views (permission, selector or service, render)."""
