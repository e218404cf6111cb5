"""Count words."""


def count_words(text: str) -> int:
    """Return the number of whitespace-separated words.

    >>> count_words("a b")
    2
    """
    raise NotImplementedError
