"""Tests for negative-edges: the switch, the distances, the cycles, and the relaxations, counted.

Distances and cycles are checked on fixed graphs and, on small generated graphs, against a
brute force that tries every simple path and every simple cycle. The cost tests hand in edge
weights that count each time they are added to a distance (one relaxation of the edge), on
graphs with about 2n edges for n vertices, at doubling n; nothing is timed.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import katas.stage2_patterns.negative_edges as negative_edges
from checker.harness.counting import ADD, CountedNumber, Counter
from checker.harness.growth import QUADRATIC, Growth, Measurement, assert_within, measure
from checker.harness.patterns import check_approach, check_switch
from checker.harness.space import space_class

SIZES = (16, 32, 64, 128)
SPACE_SIZES = (256, 512, 1024, 2048, 4096)
FAMILIES = ("path with back edges, listed last edge first", "chain of diamonds, listed last first")
BUDGET = 3  # additions per n²: the solution needs about 1, a version that adds to inf about 2
EARLY_EXIT_N = 64

Edge = tuple[int, int, Any]


# -- the brute force, for checking --------------------------------------------------------------


def _cheapest(edges: Sequence[Edge]) -> dict[tuple[int, int], int]:
    """The lightest weight of each edge u -> v (edges may repeat)."""
    best: dict[tuple[int, int], int] = {}
    for u, v, w in edges:
        best[(u, v)] = min(w, best.get((u, v), w))
    return best


def _reachable(n: int, edges: Sequence[Edge], source: int) -> set[int]:
    seen, queue = {source}, deque([source])
    while queue:
        u = queue.popleft()
        for a, b, _ in edges:
            if a == u and b not in seen:
                seen.add(b)
                queue.append(b)
    return seen


def _negative_cycle(n: int, edges: Sequence[Edge], source: int) -> list[int] | None:
    """Some simple cycle of negative total reachable from source, by trying every one."""
    weight = _cheapest(edges)
    reach = _reachable(n, edges, source)
    for start in sorted(reach):
        stack: list[tuple[int, list[int], int]] = [(start, [start], 0)]
        while stack:
            u, path, total = stack.pop()
            for (a, b), w in weight.items():
                if a != u:
                    continue
                if b == start and total + w < 0:
                    return path
                if b > start and b not in path:  # each cycle once, from its smallest vertex
                    stack.append((b, [*path, b], total + w))
    return None


def _shortest(n: int, edges: Sequence[Edge], source: int) -> list[float]:
    """Distances by trying every simple path: right when no negative cycle is reachable."""
    weight = _cheapest(edges)
    best: list[float] = [math.inf] * n
    stack: list[tuple[int, frozenset[int], int]] = [(source, frozenset([source]), 0)]
    while stack:
        u, seen, total = stack.pop()
        best[u] = min(best[u], total)
        for (a, b), w in weight.items():
            if a == u and b not in seen:
                stack.append((b, seen | {b}, total + w))
    return best


def _call(n: int, edges: Sequence[Edge], source: int) -> str:
    return f"bellman_ford({n}, {list(edges)}, {source})"


def _check_cycle(error: Any, n: int, edges: Sequence[Edge], source: int) -> None:
    """The error names a real negative cycle, reachable from source, in the order it runs."""
    call = _call(n, edges, source)
    cycle = getattr(error, "cycle", None)
    assert isinstance(cycle, list) and cycle and all(isinstance(v, int) for v in cycle), (
        f"{call} raised NegativeCycleError with .cycle = {cycle!r}; it should be a list of the "
        "cycle's vertices, e.g. NegativeCycleError([2, 3, 4])."
    )
    assert len(set(cycle)) == len(cycle) and all(0 <= v < n for v in cycle), (
        f"{call} reported the cycle {cycle}; list each of its vertices once, each in 0..{n - 1}."
    )
    weight = _cheapest(edges)
    hops = list(zip(cycle, [*cycle[1:], cycle[0]], strict=True))
    missing = [hop for hop in hops if hop not in weight]
    assert not missing, (
        f"{call} reported the cycle {cycle}, but the graph has no edge {missing[0][0]} -> "
        f"{missing[0][1]}. List the vertices in the order the cycle visits them, and close it "
        "with an edge from the last back to the first. The parents you recorded point backwards "
        "along the edges."
    )
    total = sum(weight[hop] for hop in hops)
    assert total < 0, (
        f"{call} reported the cycle {cycle}, whose edges add up to {total}, not less than zero. "
        "The vertex lowered in the extra round may hang off the cycle rather than sit on it: "
        "follow its parents back n times before you collect the cycle."
    )
    reach = _reachable(n, edges, source)
    assert all(v in reach for v in cycle), (
        f"{call} reported the cycle {cycle}, which {source} cannot reach; only a cycle the "
        "source can reach makes its distances meaningless."
    )
    text = str(error)
    assert all(str(v) in text for v in cycle), (
        f"{call} raised NegativeCycleError({text!r}); its message should name every vertex of "
        f"the cycle {cycle}: raise NegativeCycleError(cycle) and let the class write it."
    )


def _run_checked(
    n: int, edges: Sequence[Edge], source: int, expected: list[float] | None = None
) -> None:
    """Call bellman_ford and compare with the brute force: distances, or a negative cycle."""
    call = _call(n, edges, source)
    cycle = _negative_cycle(n, edges, source)
    if expected is None and cycle is None:
        expected = _shortest(n, edges, source)
    try:
        got = negative_edges.bellman_ford(n, list(edges), source)
    except negative_edges.NegativeCycleError as error:
        assert cycle is not None, (
            f"{call} raised NegativeCycleError({str(error)!r}), but no cycle the source can "
            f"reach has a negative total; the distances are {expected}. A shortest path can "
            f"have n - 1 = {n - 1} edges, and a round fixes at least one more edge of it: "
            "stop after n - 1 rounds of changes, and only call it a cycle when round n still "
            "lowers a distance."
        )
        _check_cycle(error, n, edges, source)
        return
    assert cycle is None, (
        f"{call} returned {got!r}, but the cycle {cycle} (reachable from {source}) has a "
        "negative total: going round it once more always costs less, so no shortest path "
        "exists. After n - 1 rounds, run one more: if it still lowers a distance, raise "
        "NegativeCycleError with the cycle."
    )
    assert got == expected, (
        f"{call} returned {got!r}; the shortest distances are {expected} (math.inf where the "
        "source cannot reach). A distance is final only when no edge can lower it any more; "
        "an edge with a negative weight examined later can still undercut one."
    )


# -- the switch -------------------------------------------------------------------------------


def test_switch_names_dijkstra_the_broken_promise_and_what_to_use_instead():
    check_switch(
        negative_edges.SWITCH,
        "SWITCH",
        pattern_="dijkstra",
        broken="non-negative-weights",
        use=["bellman-ford"],
        cost="O(n^2)",
    )


# -- fixed graphs -----------------------------------------------------------------------------

inf = math.inf
DISTANCE_CASES = [
    (4, [(0, 1, 2), (0, 2, 5), (2, 1, -4), (1, 3, 1)], 0, [0, 1, 5, 2]),
    (3, [(0, 1, 4)], 0, [0, 4, inf]),
    (1, [], 0, [0]),
    (3, [(0, 1, 0), (1, 0, 0), (1, 2, -1)], 0, [0, 0, -1]),
    (4, [(0, 1, 3), (2, 3, -5), (3, 2, 1)], 0, [0, 3, inf, inf]),
    (6, [(4, 5, -1), (3, 4, 2), (2, 3, -3), (1, 2, 1), (0, 1, -2)], 0, [0, -2, -1, -4, -2, -3]),
    (2, [(0, 1, 5), (0, 1, -1), (0, 1, 3)], 0, [0, -1]),
    (3, [(2, 0, -1), (0, 1, 2)], 2, [-1, 1, 0]),
]
DISTANCE_IDS = [
    "a-negative-edge-undercuts-a-vertex-dijkstra-would-settle",
    "an-unreachable-vertex-stays-at-inf",
    "one-vertex",
    "a-zero-weight-cycle-is-fine",
    "a-negative-cycle-the-source-cannot-reach-is-ignored",
    "a-path-listed-last-edge-first-needs-every-round",
    "repeated-edges-take-the-cheapest",
    "the-source-need-not-be-vertex-0",
]


@pytest.mark.parametrize(("n", "edges", "source", "expected"), DISTANCE_CASES, ids=DISTANCE_IDS)
def test_bellman_ford_returns_the_shortest_distances_of_fixed_graphs(n, edges, source, expected):
    _run_checked(n, edges, source, expected)


CYCLE_CASES = [
    (4, [(0, 1, 1), (1, 2, -2), (2, 1, 1), (2, 3, 1)], 0),
    (2, [(0, 1, 1), (1, 1, -1)], 0),
    (3, [(0, 1, 1), (1, 2, 1), (2, 0, -3)], 0),
    (6, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, -1), (5, 2, -3)], 0),
]
CYCLE_IDS = [
    "a-two-vertex-cycle",
    "a-negative-self-loop",
    "a-cycle-through-the-source",
    "a-long-cycle-behind-a-path",
]


@pytest.mark.parametrize(("n", "edges", "source"), CYCLE_CASES, ids=CYCLE_IDS)
def test_bellman_ford_reports_a_reachable_negative_cycle(n, edges, source):
    _run_checked(n, edges, source)


# -- generated graphs -------------------------------------------------------------------------


@st.composite
def graphs(draw) -> tuple[int, list[Edge], int]:
    n = draw(st.integers(1, 6))
    vertex = st.integers(0, n - 1)
    edges = draw(st.lists(st.tuples(vertex, vertex, st.integers(-4, 9)), max_size=10))
    return n, edges, draw(vertex)


@settings(max_examples=60)
@given(graphs())
def test_bellman_ford_agrees_with_trying_every_path(graph):
    """On any small graph: the brute force's distances, or a real reachable negative cycle."""
    _run_checked(*graph)


# -- cost, counted ----------------------------------------------------------------------------


def _path_with_back_edges(n: int, counter: Counter) -> tuple[list[Edge], list[int]]:
    """0 -> 1 -> ... -> n-1 with weights -1, 0, 1 in turn, each with a dearer edge back.

    Listed last edge first: each round reaches only one vertex further, the worst order.
    """
    edges: list[Edge] = []
    dist, total = [0], 0
    for i in range(n - 1):
        w = i % 3 - 1
        edges += [(i, i + 1, CountedNumber(w, counter)), (i + 1, i, CountedNumber(2, counter))]
        total += w
        dist.append(total)
    edges.reverse()
    return edges, dist


def _chain_of_diamonds(n: int, counter: Counter) -> tuple[list[Edge], list[float]]:
    """Diamonds a -> b -> d (2 + 1) and a -> c -> d (4 - 2): 2^(n/3) paths, listed last first."""
    edges: list[Edge] = []
    dist: list[float] = [math.inf] * n
    dist[0] = 0
    for a in range(0, n - 3, 3):
        b, c, d = a + 1, a + 2, a + 3
        edges += [
            (a, b, CountedNumber(2, counter)),
            (a, c, CountedNumber(4, counter)),
            (b, d, CountedNumber(1, counter)),
            (c, d, CountedNumber(-2, counter)),
        ]
        dist[b], dist[c], dist[d] = dist[a] + 2, dist[a] + 4, dist[a] + 2
    edges.reverse()
    return edges, dist


GRAPHS: dict[str, Callable[[int, Counter], tuple[list[Edge], list[Any]]]] = dict(
    zip(FAMILIES, (_path_with_back_edges, _chain_of_diamonds), strict=True)
)


def _run(counter: Counter, family: str, n: int) -> None:
    with counter.paused():
        edges, expected = GRAPHS[family](n, counter)
    got = negative_edges.bellman_ford(n, edges, 0)
    assert got == expected, (
        f"bellman_ford({n}, <{len(edges)} edges: {family}>, 0) returned {got!r}, expected "
        f"{expected}."
    )


def _time(budget: tuple[float, Growth] | None) -> Measurement:
    return measure(
        _run,
        SIZES,
        what="additions of an edge weight made by bellman_ford(n, edges, 0) with about 2n edges",
        families=FAMILIES,
        budget=budget,
    )


def test_bellman_ford_relaxes_at_most_about_n_squared_edges():
    assert_within(
        _time((BUDGET, QUADRATIC)),
        QUADRATIC,
        f"The budget is {BUDGET}·n² additions: n rounds of about 2n edges each, with room to "
        "spare. Trying every path costs 2^(n/3) on a chain of diamonds. Relax every edge once "
        "per round instead; a path of k edges is final after k rounds.",
    )


def test_bellman_ford_stops_after_a_round_that_changes_nothing():
    counter = Counter()
    n = EARLY_EXIT_N
    with counter.paused():
        edges, expected = _path_with_back_edges(n, counter)
        edges.reverse()  # first edge first: one round settles every distance
    got = negative_edges.bellman_ford(n, edges, 0)
    assert got == expected, f"bellman_ford on a path of {n} vertices returned {got!r}."
    cap = 3 * len(edges)
    assert counter[ADD] <= cap, (
        f"bellman_ford({n}, <a path of {n} vertices with back edges, {len(edges)} edges listed "
        f"first edge first>, 0) made {counter[ADD]} additions. In this order one round settles "
        f"every distance and a second changes nothing; that is {2 * len(edges)} additions, "
        f"and the test allows {cap}. A round that lowers no distance means every distance is "
        "final: stop there instead of running all n rounds."
    )


def test_bellman_ford_declares_its_pattern_and_classes():
    def prepare(n: int) -> Callable[[], object]:
        # A few edges only: the distances still take n slots, and even a version that always
        # runs n rounds finishes at once.
        edges = [(i, i + 1, i % 3 - 1) for i in range(8)]
        return lambda: negative_edges.bellman_ford(n, edges, 0)

    check_approach(
        negative_edges.bellman_ford,
        "bellman_ford",
        patterns=["bellman-ford"],
        brute_force=["O(2^n)", "O(n!)"],
        time=lambda: _time((4 * BUDGET, QUADRATIC)),
        space=lambda: space_class(prepare, SPACE_SIZES, what="bellman_ford(n, edges, 0)"),
    )
