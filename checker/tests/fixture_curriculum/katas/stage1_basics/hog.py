"""Eats memory."""


def grow() -> int:
    """Return 0."""
    hoard = []
    while True:
        hoard.append(bytearray(64 << 20))
