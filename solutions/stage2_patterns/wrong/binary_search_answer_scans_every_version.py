"""first_bad_version tries the versions in order: right, but up to n calls to is_bad."""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.patterns import declare
from solutions.stage2_patterns.binary_search_answer import min_ship_capacity  # noqa: F401

KATA = "binary-search-answer"


@declare(
    pattern="binary-search",
    time="O(log n)",
    space="O(1)",
    brute_force="O(n)",
    beats="the test is monotone, so one probe rules out half of the versions left",
)
def first_bad_version(n: int, is_bad: Callable[[int], bool]) -> int:
    for version in range(1, n + 1):  # the bug: ignores that is_bad is monotone
        if is_bad(version):
            return version
    return n + 1
