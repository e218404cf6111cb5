"""find walks to the root but leaves the path as it was: trees stay at most log2(n) tall
thanks to rank, yet every find of a deep element pays the whole walk again."""

from __future__ import annotations

from solutions.stage2_patterns.union_find import UnionFind as _Correct
from solutions.stage2_patterns.union_find import declare

KATA = "union-find"


@declare(**vars(_Correct.approach))
class UnionFind(_Correct):
    def find(self, x: int) -> int:
        while (up := self.parent[x]) != x:  # the bug: no second pass pointing x at the root
            x = up
        return x
