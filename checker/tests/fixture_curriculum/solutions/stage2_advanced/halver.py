"""Halve a number."""


def halve(n: int) -> int:
    """Return n // 2."""
    return n // 2
