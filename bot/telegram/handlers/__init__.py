"""Callbacks, one module per concern: each parses an update, calls a use case, and renders the
answer. No rules, no SQL. Which callback answers what is registered in one place: `app.py`.

`common` holds the small helpers every module uses; `errors` maps the domain's exceptions to
texts (the one place that does) and logs anything unexpected.
"""
