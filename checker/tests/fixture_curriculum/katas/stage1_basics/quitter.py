"""Calls sys.exit."""

import sys


def answer() -> int:
    """Return 42."""
    sys.exit(3)
