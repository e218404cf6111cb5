"""union always hangs the first argument's root under the second's, never comparing heights:
joining a growing group to new elements one at a time builds a chain n tall."""

from __future__ import annotations

from solutions.stage2_patterns.union_find import UnionFind as _Correct
from solutions.stage2_patterns.union_find import declare

KATA = "union-find"


@declare(**vars(_Correct.approach))
class UnionFind(_Correct):
    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb  # the bug: no rank, so the taller tree may go under the shorter
        self._components -= 1
        return True
