"""combination_sum tries the candidates in every order and removes duplicates at the end."""

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
    found: set[tuple[int, ...]] = set()
    chosen: list[int] = []

    def extend(remaining: int) -> None:
        if remaining == 0:
            found.add(tuple(sorted(chosen)))  # the bug: [2, 3] and [3, 2] were both built
            return
        for candidate in ordered:  # every candidate again, not only from the last one on
            if candidate > remaining:
                break
            chosen.append(candidate)
            visit(tuple(chosen))
            extend(remaining - candidate)
            chosen.pop()

    extend(target)
    return sorted(list(combination) for combination in found)


combination_sum.approach = _correct.approach  # type: ignore[attr-defined]
