"""Its test file was deleted."""


def one() -> int:
    """Return 1."""
    return 1
