"""Says fib_memo is O(2^n): "it is still the recursive Fibonacci".

The memo turns the call tree into a chain: fib_memo(k) does its work once, and its second
caller gets the remembered value, so about 2n calls in all, Θ(n).
"""

from solutions.stage1_foundations.derive_it import *  # noqa: F403  (the snippets, unchanged)
from solutions.stage1_foundations.derive_it import answers as _reference

KATA = "derive-it"


def answers() -> dict[str, tuple[str, str]]:
    """The reference table with one classic mistake."""
    return {**_reference(), "fib_memo": ("O(2^n)", "O(n)")}
