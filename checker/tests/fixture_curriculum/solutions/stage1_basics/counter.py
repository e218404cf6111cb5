"""Count words."""


def count_words(text: str) -> int:
    """Return the number of whitespace-separated words."""
    # str.split() with no argument splits on runs of whitespace and drops empties.
    return len(text.split())
