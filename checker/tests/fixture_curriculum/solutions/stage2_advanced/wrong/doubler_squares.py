"""Squares instead of doubling: right for 0 and 2, wrong elsewhere."""

KATA = "doubler"


def double(n: int) -> int:
    return n * n
