"""Says doubling_prefixes is O(n log n): "log n rounds of up to n reads each".

That product is an upper bound, not the cost: the rounds read 1 + 2 + 4 + ... + n < 2n elements,
a geometric sum, so Θ(n).
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "doubling_prefixes": ("O(n log n)", "O(1)")}
