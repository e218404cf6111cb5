"""Edit distance by plain recursion on the three edits, no memo: subproblems re-solved 3^n-fold."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import edit_distance as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, list[list[int]]]:
    def d(i: int, j: int) -> int:  # the bug: no memo, so d(i, j) is recomputed on every path
        if i == 0 or j == 0:
            return i + j
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)
        return 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))

    table = [[d(i, j) for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    return table[len(a)][len(b)], table
