"""Says fib_naive needs O(1) extra space: "it allocates nothing".

Every call waiting for a recursive one holds a stack frame: fib_naive(n) -> fib_naive(n-1) ->
... -> fib_naive(1) is n frames alive at once, so Θ(n) extra space.
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "fib_naive": ("O(2^n)", "O(1)")}
