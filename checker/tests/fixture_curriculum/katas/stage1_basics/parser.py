"""Parse an integer."""


def parse(text: str) -> int:
    """Return int(text)."""
    return int(text
