"""Union-find: are these two connected, while connections keep arriving?

Build ``UnionFind(n)`` over the elements 0..n-1, each starting in a group of its own:
``union(a, b)`` joins two groups, ``find(x)`` names the group of ``x`` by one of its members
(its representative), ``connected(a, b)`` asks whether two elements share a group, and
``components`` is the number of groups. Signal in a problem statement: *connections are only
ever added* (friend circles, network links, merging accounts, Kruskal's minimum spanning tree)
and the question "are these two joined?" keeps coming, mixed in with the joins.

Keep each group as a tree of parent pointers, in a list called ``self.parent``:
``self.parent[x]`` is the parent of ``x``, and a root is its own parent. The tests read that
list, and replace it with one that counts reads and writes after ``UnionFind(n)`` returns, so
keep it a list of length n indexed by element, read and written with ``[]``, and never
rebind ``self.parent`` afterwards. Two rules keep the trees flat:

- **union by rank** (or by size): when two roots are joined, the root of the shorter (or
  smaller) tree goes under the other, so a tree of height h holds at least 2^h elements and
  no tree is taller than log2(n), whatever order the unions come in.
- **path compression**: ``find(x)`` points every element on the path from ``x`` to its root
  straight at the root, so the next ``find`` of any of them takes one step.

The bound to meet, in reads and writes of ``self.parent`` (the tests count them; they never
time your code): n unions and n finds on n elements in a small constant times n. Relabelling
a whole group on every union (quick-find) costs n per union, n² in all.

Before coding, fill in the ``@declare`` above the class: the pattern, the time and extra-space
classes of the whole workload (building ``UnionFind(n)``, then n unions and n finds, as n
grows), the class of the brute force, and one line on why the pattern beats it.

Docs: docs/stage2_patterns.md#union-find
"""

from __future__ import annotations

from checker.harness.patterns import declare

# The key idea: a group is a tree and its root names it. Union by rank hangs the shorter tree
# under the taller one, so a tree only grows taller by joining an equally tall one: height h
# needs 2^h elements, and no path is longer than log2(n). Path compression then points every
# element a find walks through straight at the root, so the next find of any of them takes
# one step. Together they make m operations cost O(m·α(n)) reads, α(n) <= 4 for any n that
# fits in memory: a small constant times the number of operations (Tarjan, 1975).


@declare(
    pattern="union-find",
    time="O(n)",
    space="O(n)",
    brute_force="O(n^2)",
    beats="a union links two roots instead of relabelling every member of a group",
)
class UnionFind:
    """Disjoint groups of the elements 0..n-1, joined by ``union``.

    >>> groups = UnionFind(4)
    >>> groups.union(0, 1), groups.union(1, 0), groups.connected(0, 1), groups.components
    (True, False, True, 3)
    """

    def __init__(self, n: int) -> None:
        """Every element in a group of its own: ``self.parent`` is ``[0, 1, ..., n - 1]``.

        >>> UnionFind(3).parent
        [0, 1, 2]
        """
        self.parent = list(range(n))
        self.rank = [0] * n  # an upper bound on each root's height; never read for non-roots
        self._components = n

    def find(self, x: int) -> int:
        """The representative (root) of ``x``'s group, compressing the path to it.

        >>> groups = UnionFind(3)
        >>> _ = groups.union(0, 2)
        >>> groups.find(0) == groups.find(2) != groups.find(1)
        True
        """
        root = x
        while (up := self.parent[root]) != root:
            root = up
        while x != root:  # second pass: every element on the path now points at the root
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b``; False if they were already one group.

        >>> groups = UnionFind(3)
        >>> groups.union(0, 1), groups.union(1, 2), groups.union(0, 2)
        (True, True, False)
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra  # the shorter tree goes under the taller one
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self._components -= 1
        return True

    def connected(self, a: int, b: int) -> bool:
        """Whether ``a`` and ``b`` are in the same group.

        >>> groups = UnionFind(3)
        >>> _ = groups.union(0, 1)
        >>> groups.connected(1, 0), groups.connected(0, 2)
        (True, False)
        """
        return self.find(a) == self.find(b)

    @property
    def components(self) -> int:
        """How many groups there are now.

        >>> groups = UnionFind(5)
        >>> _ = groups.union(3, 4)
        >>> groups.components
        4
        """
        return self._components
