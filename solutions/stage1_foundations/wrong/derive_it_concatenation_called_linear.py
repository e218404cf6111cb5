"""Says concatenate is O(n): "appending a word to a string is O(1)".

A str is immutable: `text + word` copies all the text built so far into a new string, 2 + 4 +
... + 2n characters in all, Θ(n²). CPython's in-place `+=` shortcut is an implementation detail
the code cannot rely on.
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "concatenate": ("O(n)", "O(n)")}
