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


@declare(pattern="?", time="?", space="?", brute_force="?", beats="?")
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
        raise NotImplementedError

    def find(self, x: int) -> int:
        """The representative (root) of ``x``'s group, compressing the path to it.

        >>> groups = UnionFind(3)
        >>> _ = groups.union(0, 2)
        >>> groups.find(0) == groups.find(2) != groups.find(1)
        True
        """
        raise NotImplementedError

    def union(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b``; False if they were already one group.

        >>> groups = UnionFind(3)
        >>> groups.union(0, 1), groups.union(1, 2), groups.union(0, 2)
        (True, True, False)
        """
        raise NotImplementedError

    def connected(self, a: int, b: int) -> bool:
        """Whether ``a`` and ``b`` are in the same group.

        >>> groups = UnionFind(3)
        >>> _ = groups.union(0, 1)
        >>> groups.connected(1, 0), groups.connected(0, 2)
        (True, False)
        """
        raise NotImplementedError

    @property
    def components(self) -> int:
        """How many groups there are now.

        >>> groups = UnionFind(5)
        >>> _ = groups.union(3, 4)
        >>> groups.components
        4
        """
        raise NotImplementedError
