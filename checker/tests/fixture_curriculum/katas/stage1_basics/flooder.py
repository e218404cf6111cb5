"""Prints without end."""

import sys


def chatter() -> int:
    """Return 0."""
    line = "x" * 1000 + "\n"
    while True:
        sys.stdout.write(line)
