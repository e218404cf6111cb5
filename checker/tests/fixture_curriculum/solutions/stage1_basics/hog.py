"""Eats memory."""


def grow() -> int:
    """Return 0."""
    return 0
