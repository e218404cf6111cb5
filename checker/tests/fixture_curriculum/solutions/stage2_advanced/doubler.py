"""Double a number."""


def double(n: int) -> int:
    """Return 2 * n."""
    # Multiplication by two is exact for Python's arbitrary-precision ints.
    return 2 * n
