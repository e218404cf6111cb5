"""Calls sys.exit."""


def answer() -> int:
    """Return 42."""
    return 42
