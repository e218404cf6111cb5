"""Loops forever."""


def spin(n: int) -> int:
    """Return n."""
    while True:
        n += 1
