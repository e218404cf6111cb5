"""Uses a module that does not exist."""


def value() -> int:
    """Return 1."""
    return 1
