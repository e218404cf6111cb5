"""Sliding window: the longest or shortest run meeting a condition, in one pass over the input.

1. ``longest_with_k_distinct(s, k)``: the length of the longest run (contiguous stretch) of
   ``s`` holding at most ``k`` distinct characters. ``"eceba"`` with ``k = 2``: 3 (``"ece"``).
2. ``min_window_cover(s, t)``: the shortest run of ``s`` that contains every character of
   ``t``, counting repeats (``t = "aab"`` needs two a's and a b). ``""`` when no run does, or
   when ``t`` is empty; the leftmost one when several are equally short.

``s`` is any sequence of one-character strings: a ``str``, or the list the tests pass, which
counts every item you read. The bound to meet: at most a few reads per character, O(n) in all,
where n is ``len(s)``, ``k`` and ``t`` are held fixed, and so is the alphabet. The brute force,
which starts a run at every position and extends it, reads O(n^2) characters (O(n^3) if it
recounts each run from scratch); the tests never time your code, they count.

Before you write a body, fill in its ``@declare``: the pattern's name in the catalogue, the time
and extra-space classes of the code you are about to write (extra space beyond the input and the
returned string, with ``k``, ``t`` and the alphabet fixed), the brute force's time class, and
one line on why the pattern beats it. The tests check the name against the catalogue and both
classes against what they measure.

Why it matters: "longest", "shortest", "contiguous", "substring", "subarray" and "at most k"
are the signal. When growing a window can only break the condition and shrinking it can only
restore it, each end of the window moves forward n times in all, and nothing is read twice
from scratch.

Docs: docs/stage2_patterns.md#sliding-window
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.harness.patterns import declare


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def longest_with_k_distinct(s: Sequence[str], k: int) -> int:
    """The length of the longest run of ``s`` with at most ``k`` distinct characters.

    >>> longest_with_k_distinct("eceba", 2)
    3
    """
    raise NotImplementedError


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
def min_window_cover(s: Sequence[str], t: str) -> str:
    """The shortest (then leftmost) run of ``s`` containing every character of ``t``, or ``""``.

    >>> min_window_cover("ADOBECODEBANC", "ABC")
    'BANC'
    """
    raise NotImplementedError
