"""Says common_count is O(n): "one line, one pass over xs".

The one line hides a second loop: `x in ys` on a list compares x with the elements of ys one by
one, so n lookups that mostly miss cost about n² comparisons.
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "common_count": ("O(n)", "O(1)")}
