"""Views of the plans app, one module per area; each view is thin (permission, selector or service, render)."""
