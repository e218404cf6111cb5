"""Loops forever."""


def spin(n: int) -> int:
    """Return n."""
    return n
