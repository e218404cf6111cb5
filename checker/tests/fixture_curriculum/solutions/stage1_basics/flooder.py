"""Prints without end."""


def chatter() -> int:
    """Return 0."""
    return 0
