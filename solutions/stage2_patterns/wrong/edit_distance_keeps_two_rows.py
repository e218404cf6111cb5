"""Edit distance in two rows to save space: the distance is right, but the returned table is not."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import asdict

from checker.harness.patterns import declare
from solutions.stage2_patterns.dynamic_programming import *  # noqa: F403
from solutions.stage2_patterns.dynamic_programming import edit_distance as _reference

KATA = "dynamic-programming"


@declare(**asdict(_reference.approach))  # the reference's claim: only the code differs
def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[int, list[list[int]]]:
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current.append(previous[j - 1])
            else:
                current.append(1 + min(previous[j - 1], previous[j], current[j - 1]))
        previous = current
    return previous[len(b)], [previous]  # the bug: the table asked for is every row, not the last
