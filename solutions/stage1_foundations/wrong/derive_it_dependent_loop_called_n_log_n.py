"""Says equal_pairs is O(n log n): "the inner loop gets shorter every time, so it is not n²".

It gets shorter by one element per round, not by half: 0 + 1 + ... + (n-1) = n(n-1)/2
comparisons, which is Θ(n²). Dropping the factor 1/2 is exactly the constant Big-O ignores.
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "equal_pairs": ("O(n log n)", "O(1)")}
