"""Add two numbers."""


def add(a: int, b: int) -> int:
    """Return a + b.

    >>> add(2, 3)
    5
    """
    return a + b
