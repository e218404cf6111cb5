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

# The key idea: a window [left, right] that only ever moves forward. The right end takes in one
# character per step; the left end lets characters go only while the condition allows it. Counts
# per character inside the window make each step O(1), so each character is read at most twice:
# once entering the window, once leaving it.


@declare(
    pattern="sliding-window",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each end of the window only moves forward, so no run is recounted from scratch",
)
def longest_with_k_distinct(s: Sequence[str], k: int) -> int:
    """The length of the longest run of ``s`` with at most ``k`` distinct characters.

    >>> longest_with_k_distinct("eceba", 2)
    3
    """
    # Invariant: s[left:right + 1] holds at most k distinct characters, and no longer valid
    # window ends at right. A window with too many can only be fixed by moving its left end.
    counts: dict[str, int] = {}
    best = left = 0
    for right in range(len(s)):
        char = s[right]
        counts[char] = counts.get(char, 0) + 1
        while len(counts) > k:
            gone = s[left]
            counts[gone] -= 1
            if counts[gone] == 0:
                del counts[gone]  # a character with no copies left is no longer in the window
            left += 1
        best = max(best, right - left + 1)
    return best


@declare(
    pattern="sliding-window",
    time="O(n)",
    space="O(1)",
    brute_force="O(n^2)",
    beats="each end of the window only moves forward, so no run is recounted from scratch",
)
def min_window_cover(s: Sequence[str], t: str) -> str:
    """The shortest (then leftmost) run of ``s`` containing every character of ``t``, or ``""``.

    >>> min_window_cover("ADOBECODEBANC", "ABC")
    'BANC'
    """
    # owed[c] = copies of c that t still needs from the window (negative: spare copies);
    # missing = how many of t's characters the window still lacks. Once nothing is missing,
    # drop characters from the left while they are spare: the window is then the shortest
    # cover ending at right. Recording only a strictly shorter one keeps the leftmost on ties.
    if not t:
        return ""
    owed: dict[str, int] = {}
    for char in t:
        owed[char] = owed.get(char, 0) + 1
    missing = len(t)
    best_start, best_stop = 0, len(s) + 1
    left = 0
    for right in range(len(s)):
        char = s[right]
        if owed.get(char, 0) > 0:
            missing -= 1
        owed[char] = owed.get(char, 0) - 1
        if missing:
            continue
        first = s[left]
        while owed[first] < 0:  # a spare copy: the window covers t without it
            owed[first] += 1
            left += 1
            first = s[left]
        if right + 1 - left < best_stop - best_start:
            best_start, best_stop = left, right + 1
        owed[first] += 1  # give up the first character: the window lacks one again
        missing += 1
        left += 1
    if best_stop > len(s):
        return ""
    return "".join(s[best_start:best_stop])
