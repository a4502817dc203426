"""Writes: one function per thing a user does, validating before it writes, atomically."""


def stripped(fields):
    """{name: value} with the spaces around text values taken off, as edit services store them."""
    return {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
