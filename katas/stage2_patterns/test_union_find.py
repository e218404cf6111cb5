"""Tests for the union-find kata: the groups are right, the trees stay flat, and it is counted.

``UnionFind`` is checked against a plain model that relabels every member on each union. Its
trees are read straight from ``self.parent``: unions of roots (which no find can compress)
must keep every tree at most log2(n) tall, and a find must point the path it walks at the
root. The budget test replaces ``self.parent`` after construction with a list that counts
every read and write; the tests never time your code.
"""

from __future__ import annotations

import functools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedList, Counter
from checker.harness.growth import LINEAR, Measurement, assert_within, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.union_find import UnionFind

SIZES = (128, 256, 512, 1024, 2048)
SPACE_SIZES = (256, 512, 1024, 2048, 4096)
EXAMPLES = settings(max_examples=30)

Op = tuple[str, int, int]


def _parents(groups: UnionFind, n: int) -> list[int]:
    """A copy of ``groups.parent``, after checking it is what the stub promises."""
    parent = groups.parent
    assert isinstance(parent, list | CountedList) and len(parent) == n, (
        f"UnionFind({n}).parent is {parent!r}; it should be a list of n = {n} parent "
        "pointers, one per element, where a root is its own parent."
    )
    return list(parent)


def _root(parent: list[int], x: int) -> int:
    while parent[x] != x:
        x = parent[x]
    return x


def _depth(parent: list[int], x: int) -> int:
    steps = 0
    while parent[x] != x:
        x = parent[x]
        steps += 1
    return steps


def _height(parent: list[int]) -> int:
    return max((_depth(parent, x) for x in range(len(parent))), default=0)


def _join_roots(groups: UnionFind, n: int, a: int, b: int) -> None:
    """Union the roots of ``a`` and ``b`` (read from ``parent``): a find of a root walks no
    path, so no compression can hide how the trees were linked."""
    parent = _parents(groups, n)
    groups.union(_root(parent, a), _root(parent, b))


# -- behaviour -------------------------------------------------------------------------------


def test_a_new_union_find_has_every_element_alone():
    groups = UnionFind(4)
    got = (_parents(groups, 4), groups.components, [groups.find(x) for x in range(4)])
    assert got == ([0, 1, 2, 3], 4, [0, 1, 2, 3]), (
        "Built UnionFind(4). (parent, components, [find(x) for x in 0..3]) is "
        f"{got}; expected ([0, 1, 2, 3], 4, [0, 1, 2, 3]): every element is the root of "
        "its own group of one."
    )
    assert not groups.connected(0, 1) and groups.connected(2, 2), (
        "In a new UnionFind(4), connected(0, 1) should be False and connected(2, 2) True."
    )
    assert UnionFind(0).components == 0, "UnionFind(0).components should be 0: no elements."


def test_union_says_whether_it_joined_two_groups():
    groups = UnionFind(5)
    calls = [(0, 1), (1, 0), (2, 3), (1, 3), (0, 2), (4, 4)]
    got = [groups.union(a, b) for a, b in calls]
    expected = [True, False, True, True, False, False]
    assert got == expected, (
        f"On UnionFind(5), union{calls[0]}, union{calls[1]}, ... in turn returned {got}; "
        f"expected {expected}. union(a, b) is False when a and b were already in one group, "
        "including union(x, x)."
    )
    assert groups.components == 2, (
        f"After those unions the groups are {{0, 1, 2, 3}} and {{4}}: components should be 2, "
        f"not {groups.components}. Count only the unions that joined something."
    )
    assert groups.connected(0, 3) and not groups.connected(3, 4), (
        "After those unions, connected(0, 3) should be True and connected(3, 4) False."
    )


@st.composite
def workloads(draw: st.DrawFn) -> tuple[int, list[Op]]:
    n = draw(st.integers(1, 12))
    element = st.integers(0, n - 1)
    op = st.tuples(st.sampled_from(["union", "connected", "find"]), element, element)
    return n, draw(st.lists(op, max_size=30))


@EXAMPLES
@given(workloads())
def test_behaves_like_relabelling_every_member_on_each_union(case):
    """For any operations: union's answer, connected, components and find agree with a model
    that keeps one label per element, and every find returns a root of ``parent``."""
    n, ops = case
    groups = UnionFind(n)
    label = list(range(n))
    done = []
    for kind, a, b in ops:
        done.append(f"{kind}({a}, {b})" if kind != "find" else f"find({a})")
        history = ", ".join(done[-6:])
        if kind == "find":
            root = groups.find(a)
            parent = _parents(groups, n)
            assert parent[root] == root and label[root] == label[a], (
                f"On UnionFind({n}) after ..., {history}: find({a}) returned {root!r}, which "
                f"is not the root of {a}'s tree in parent = {parent}."
            )
        else:
            if kind == "union":
                expected = label[a] != label[b]
                old = label[b]
                label = [label[a] if x == old else x for x in label]
                got = groups.union(a, b)
            else:
                expected, got = label[a] == label[b], groups.connected(a, b)
            assert got == expected, (
                f"On UnionFind({n}) after ..., {history}: the last call returned {got!r}; "
                f"expected {expected!r}."
            )
        components = len(set(label))
        assert groups.components == components, (
            f"On UnionFind({n}) after ..., {history}: components is {groups.components}; "
            f"the groups are {_groups(label)}, so it should be {components}."
        )


def _groups(label: list[int]) -> list[list[int]]:
    found: dict[int, list[int]] = {}
    for x, g in enumerate(label):
        found.setdefault(g, []).append(x)
    return sorted(found.values())


# -- the shape of the trees -------------------------------------------------------------------


@pytest.mark.parametrize("new_first", [False, True], ids=["union(root, new)", "union(new, root)"])
def test_joining_one_element_at_a_time_keeps_the_tree_at_most_log2_n_tall(new_first):
    n = 64
    groups = UnionFind(n)
    for x in range(1, n):
        parent = _parents(groups, n)
        root = _root(parent, 0)
        if new_first:
            groups.union(x, root)
        else:
            groups.union(root, x)
    height, bound = _height(_parents(groups, n)), int(math.log2(n))
    call = "union(x, root)" if new_first else "union(root, x)"
    assert height <= bound, (
        f"On UnionFind({n}), joined 1, 2, ..., {n - 1} one at a time to the group of 0, each "
        f"time by {call} with root the current root of 0's tree. The tree is now {height} "
        f"tall; it must stay at most log2({n}) = {bound}. Hang the root of the shorter tree "
        "under the root of the taller one (union by rank), whichever argument it came from."
    )


@EXAMPLES
@given(
    st.integers(2, 40).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        )
    )
)
def test_unions_of_roots_in_any_order_keep_every_tree_at_most_log2_n_tall(case):
    """Joining roots in any order, no tree is ever taller than log2(n): rank (or size) decides."""
    n, pairs = case
    groups = UnionFind(n)
    for a, b in pairs:
        _join_roots(groups, n, a, b)
    parent = _parents(groups, n)
    height, bound = _height(parent), int(math.log2(n))
    assert height <= bound, (
        f"On UnionFind({n}), joined the roots of these pairs in turn: {pairs}. parent is now "
        f"{parent}, a tree {height} tall; no tree may be taller than log2({n}) = {bound}. "
        "Hang the root of the shorter tree under the root of the taller one."
    )


def test_find_points_every_element_on_its_path_at_the_root():
    n = 32
    groups = UnionFind(n)
    step = 1
    while step < n:  # pairs, then pairs of pairs ...: a tree log2(n) tall whatever the rule
        for x in range(0, n, 2 * step):
            _join_roots(groups, n, x, x + step)
        step *= 2
    parent = _parents(groups, n)
    deepest = max(range(n), key=lambda x: _depth(parent, x))
    path = [deepest]
    while parent[path[-1]] != path[-1]:
        path.append(parent[path[-1]])
    assert len(path) >= 4, (
        f"On UnionFind({n}), joined the roots of 0 and 1, 2 and 3, ..., then of 0 and 2, "
        f"4 and 6, ... (pairs of pairs). The tallest tree is only {len(path) - 1} tall: "
        f"parent is {parent}. Linking roots of equal height should make it log2({n}) = 5 tall."
    )
    root = path[-1]
    got = groups.find(deepest)
    after = _parents(groups, n)
    missed = [x for x in path[:-1] if after[x] != root]
    assert got == root and not missed, (
        f"Built a tree {len(path) - 1} tall on UnionFind({n}), then called find({deepest}), "
        f"whose path is {' -> '.join(map(str, path))}. It returned {got} and afterwards "
        f"parent[x] for x on the path is {[after[x] for x in path[:-1]]}; every one should be "
        f"the root {root} (path compression), so the next find of any of them takes one step."
    )


# -- costs, counted ---------------------------------------------------------------------------


@functools.cache
def _ops(family: str, n: int) -> tuple[Op, ...]:
    """A workload of about n unions and n finds on n elements."""
    if family == "random":
        rng = random.Random(f"random:{n}")
        unions = [("union", rng.randrange(n), rng.randrange(n)) for _ in range(n)]
        return (*unions, *(("find", rng.randrange(n), 0) for _ in range(n)))
    # Pairs, then pairs of pairs ...: trees log2(n) tall, then a find of every element from
    # the deepest up. Without compression each find walks its whole path: n·log2(n) reads.
    unions = []
    step = 1
    while step < n:
        unions += [("union", x, x + step) for x in range(0, n - step, 2 * step)]
        step *= 2
    return (*unions, *(("find", x, 0) for x in reversed(range(n))))


def _run(groups: UnionFind, ops: tuple[Op, ...]) -> None:
    for kind, a, b in ops:
        if kind == "union":
            groups.union(a, b)
        else:
            groups.find(a)


def _build_and_run(n: int, ops: tuple[Op, ...]) -> None:
    _run(UnionFind(n), ops)


@functools.cache
def _measured() -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        groups = UnionFind(n)
        counted = CountedList(_parents(groups, n), counter)
        groups.parent = counted
        _run(groups, _ops(family, n))
        if counter.total == 0:
            raise AssertionError(
                f"UnionFind({n}) ran {len(_ops(family, n))} operations without reading or "
                "writing self.parent once. Keep the parent pointers in self.parent and use "
                "that attribute in find and union (do not keep another reference to the list)."
            )

    return measure(
        run,
        SIZES,
        what="reads and writes of self.parent by UnionFind(n) running n unions and n finds: "
        "random pairs, and pairs of pairs then a find of every element",
        families=("random", "pairs-of-pairs"),
        # The reference solution needs about 11 per element; a recursive find, which reads
        # parent[x] three times per step, about 16. Quick-find needs n per union.
        budget=(24, LINEAR),
    )


def test_n_unions_and_n_finds_cost_a_constant_times_n_parent_reads():
    assert_within(
        _measured(),
        LINEAR,
        "Relabelling a whole group on each union costs n per union; walking long paths again "
        "and again costs log2(n) or more per find. Link roots by rank and compress every path a "
        "find walks.",
    )


def test_union_find_declares_its_pattern_and_the_classes_it_is_measured_at():
    # Lazily: the space measurement has no budget, so it runs only once the counted time holds.
    check_approach(
        UnionFind,
        "UnionFind",
        patterns=["union-find"],
        brute_force="O(n^2)",
        time=_measured,
        space=lambda: space_class(
            lambda n: functools.partial(_build_and_run, n, _ops("random", n)),
            SPACE_SIZES,
            what="UnionFind(n) running n random unions and n finds",
        ),
    )
