"""combination_sum stops at a candidate equal to what is left (>=), missing every exact fit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from solutions.stage2_patterns.backtracking import combination_sum as _correct
from solutions.stage2_patterns.backtracking import ignore, n_queens  # noqa: F401

KATA = "backtracking"


def combination_sum(
    candidates: Iterable[int],
    target: int,
    visit: Callable[[Sequence[int]], object] = ignore,
) -> list[list[int]]:
    ordered = sorted(set(candidates))
    found: list[list[int]] = []
    chosen: list[int] = []

    def extend(start: int, remaining: int) -> None:
        if remaining == 0:
            found.append(list(chosen))
            return
        for i in range(start, len(ordered)):
            if ordered[i] >= remaining:  # the bug: a candidate equal to the rest is the fit
                break
            chosen.append(ordered[i])
            visit(tuple(chosen))
            extend(i, remaining - ordered[i])
            chosen.pop()

    extend(0, target)
    return found


combination_sum.approach = _correct.approach  # type: ignore[attr-defined]
