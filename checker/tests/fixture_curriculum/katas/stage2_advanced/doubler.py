"""Double a number."""


def double(n: int) -> int:
    """Return 2 * n.

    >>> double(4)
    8
    """
    raise NotImplementedError
