"""Quick-find: parent[x] holds the group's label and union relabels every element of one group:
always right, and find is one read, but each union reads all n labels, n² for n unions."""

from __future__ import annotations

from solutions.stage2_patterns.union_find import UnionFind as _Correct
from solutions.stage2_patterns.union_find import declare

KATA = "union-find"


@declare(**vars(_Correct.approach))
class UnionFind(_Correct):
    def find(self, x: int) -> int:
        return self.parent[x]

    def union(self, a: int, b: int) -> bool:
        la, lb = self.parent[a], self.parent[b]
        if la == lb:
            return False
        for x in range(len(self.parent)):  # the bug: a full relabelling pass per union
            if self.parent[x] == lb:
                self.parent[x] = la
        self._components -= 1
        return True
