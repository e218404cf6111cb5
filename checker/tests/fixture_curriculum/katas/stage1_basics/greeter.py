"""Greet someone."""


def greet(name: str) -> str:
    """Return "Hello, <name>!"."""
    return f"Hello {name}"
