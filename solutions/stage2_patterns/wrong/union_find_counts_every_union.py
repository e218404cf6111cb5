"""union lowers the count of groups, and reports a join, even when both elements were already
in one group: components drifts below the truth."""

from __future__ import annotations

from solutions.stage2_patterns.union_find import UnionFind as _Correct
from solutions.stage2_patterns.union_find import declare

KATA = "union-find"


@declare(**vars(_Correct.approach))
class UnionFind(_Correct):
    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        if ra != rb:
            self.parent[rb] = ra
            if self.rank[ra] == self.rank[rb]:
                self.rank[ra] += 1
        self._components -= 1  # the bug: counted even when ra == rb
        return True
