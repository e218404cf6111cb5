"""Tests for the Dijkstra kata: right costs and paths, negative edges refused, heap-fast.

Answers are checked on fixed graphs and against Bellman-Ford (relax every edge until nothing
changes) on generated ones. The budget tests pass edge lists as ``CountedList`` (every read
counts) and weights that count every comparison made with them, also inside ``heapq`` and
inside tuples; the tests never time your code. A failure prints the counts per size, the
doubling ratios and the class they imply.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import random
from collections.abc import Callable, Hashable, Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import Counted, CountedList, Counter
from checker.harness.growth import LINEARITHMIC, Measurement, assert_within, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.dijkstra import shortest_distances, shortest_path

SIZES = (64, 128, 256, 512, 1024)  # nodes, with about three edges out of each
SPACE_SIZES = (128, 256, 512, 1024, 2048)
EXAMPLES = settings(max_examples=30)

CLASSIC = {"a": [("b", 4), ("c", 1)], "c": [("b", 2), ("d", 5)], "b": [("d", 1)]}


class _Weight(Counted):
    """A weight that counts its comparisons and adds up to more counted weights.

    The harness's ``Counted`` compares but does not add; a distance is a sum of weights.
    """

    __slots__ = ()

    def _other(self, other: object) -> object:
        return other.value if isinstance(other, Counted) else other

    def __add__(self, other: object) -> _Weight:
        return _Weight(self.value + self._other(other), self._counter)

    __radd__ = __add__

    def __sub__(self, other: object) -> _Weight:
        return _Weight(self.value - self._other(other), self._counter)

    def __rsub__(self, other: object) -> _Weight:
        return _Weight(self._other(other) - self.value, self._counter)


def _plain(distances: Mapping[Hashable, object]) -> dict[Hashable, object]:
    return {k: v.value if isinstance(v, Counted) else v for k, v in dict(distances).items()}


# -- the oracle: Bellman-Ford, plain and slow ---------------------------------------------------


def _bellman_ford(graph: Mapping[Hashable, Sequence[tuple[Hashable, float]]], source) -> dict:
    """Relax every edge until nothing changes (the graphs here have no negative edges)."""
    dist = {source: 0}
    changed = True
    while changed:
        changed = False
        for u, edges in graph.items():
            for v, w in edges:
                if u in dist and (v not in dist or dist[u] + w < dist[v]):
                    dist[v] = dist[u] + w
                    changed = True
    return dist


def _reachable(graph, source) -> set:
    seen, todo = {source}, [source]
    while todo:
        for v, _ in graph.get(todo.pop(), ()):
            if v not in seen:
                seen.add(v)
                todo.append(v)
    return seen


# -- strategies --------------------------------------------------------------------------------


@st.composite
def weighted_graphs(draw: st.DrawFn, negative: bool = False):
    n = draw(st.integers(1, 7))
    node = st.integers(0, n - 1)
    weight = st.integers(-5 if negative else 0, 9)
    edges = draw(st.lists(st.tuples(node, node, weight), max_size=14))
    graph: dict[int, list[tuple[int, int]]] = {}
    for u, v, w in edges:
        graph.setdefault(u, []).append((v, w))
    return graph, draw(node), draw(node)


# -- shortest_distances --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("graph", "source", "expected", "why"),
    [
        (CLASSIC, "a", {"a": 0, "c": 1, "b": 3, "d": 4}, "a -> c -> b -> d beats a -> b -> d"),
        (CLASSIC, "d", {"d": 0}, "d has no edges out"),
        ({}, "x", {"x": 0}, "a source missing from the mapping has no edges"),
        (CLASSIC, "c", {"c": 0, "b": 2, "d": 3}, "a is not reachable from c: leave it out"),
        ({0: [(1, 0)], 1: [(0, 0), (2, 1)]}, 0, {0: 0, 1: 0, 2: 1}, "zero weights and a cycle"),
        ({0: [(1, 5), (1, 2), (1, 9)]}, 0, {0: 0, 1: 2}, "parallel edges: the cheapest counts"),
        ({0: [(1, 0.5)], 1: [(2, 0.25)]}, 0, {0: 0, 1: 0.5, 2: 0.75}, "fractional weights"),
    ],
    ids=[
        "classic",
        "no-edges",
        "missing-source",
        "unreachable",
        "zero-weights",
        "parallel",
        "fractions",
    ],
)
def test_shortest_distances_gives_the_cheapest_cost_to_each_reachable_node(
    graph, source, expected, why
):
    got = shortest_distances(graph, source)
    assert _plain(got) == expected, (
        f"Called shortest_distances({graph}, {source!r}). It returned {_plain(got)}; expected "
        f"{expected} ({why}). A node's distance is final when it is the nearest unfinished "
        "node; nodes that cannot be reached are not in the result."
    )


@EXAMPLES
@given(weighted_graphs())
def test_shortest_distances_agrees_with_bellman_ford(case):
    """For any graph with non-negative weights, the distances equal Bellman-Ford's."""
    graph, source, _ = case
    got = _plain(shortest_distances(graph, source))
    expected = _bellman_ford(graph, source)
    assert got == expected, (
        f"Called shortest_distances({graph}, {source}). It returned {got}; Bellman-Ford "
        f"gives {expected}."
    )


def _refused(call: Callable[[], object], shown: str, edges: list[tuple]) -> None:
    """The call raises ValueError naming one of ``edges`` as (u, v, weight) and Bellman-Ford."""
    names = [f"({u!r}, {v!r}, {w!r})" for u, v, w in edges]
    try:
        got = call()
    except ValueError as error:
        message = str(error)
        assert any(name in message for name in names), (
            f"{shown} raised ValueError({message!r}). Name the negative edge as (u, v, "
            f"weight), e.g. {names[0]}, so the caller can find it."
        )
        assert "bellman-ford" in message.lower().replace(" ", "-"), (
            f"{shown} raised ValueError({message!r}). Say what to use instead: Bellman-Ford "
            "handles negative edges."
        )
        return
    pytest.fail(
        f"{shown} returned {_plain(got) if isinstance(got, dict) else got!r}, but the graph "
        f"has a negative edge {names[0]}. Dijkstra's answer is only right without negative "
        "edges: raise ValueError naming the edge and Bellman-Ford instead of guessing.",
        pytrace=False,
    )


@pytest.mark.parametrize(
    ("graph", "edge"),
    [
        ({"s": [("a", 2)], "a": [("b", -1)]}, ("a", "b", -1)),
        ({"s": [("t", 1), ("a", 5)], "a": [("t", -10)]}, ("a", "t", -10)),
        ({"s": [("s", -1)]}, ("s", "s", -1)),
    ],
    ids=["on-the-way", "behind-an-expensive-edge", "negative-self-loop"],
)
def test_shortest_distances_refuses_a_negative_edge_naming_it_and_bellman_ford(graph, edge):
    _refused(lambda: shortest_distances(graph, "s"), f"shortest_distances({graph}, 's')", [edge])


@EXAMPLES
@given(weighted_graphs(negative=True))
def test_shortest_distances_refuses_exactly_the_graphs_with_a_reachable_negative_edge(case):
    """A negative edge out of a reachable node is refused. One that nothing reaches may be
    refused too (checking every edge first is fine) or ignored: it never changes a distance."""
    graph, source, _ = case
    reach = _reachable(graph, source)
    negative = [(u, v, w) for u, out in graph.items() for v, w in out if w < 0]
    shown = f"shortest_distances({graph}, {source})"
    if any(u in reach for u, _, _ in negative):
        _refused(lambda: shortest_distances(graph, source), shown, negative)
        return
    try:
        got = _plain(shortest_distances(graph, source))
    except ValueError:
        if negative:  # refused up front for an edge nothing reaches: allowed
            _refused(lambda: shortest_distances(graph, source), shown, negative)
            return
        raise
    expected = _bellman_ford({u: graph[u] for u in reach if u in graph}, source)
    assert got == expected, f"{shown} returned {got}; expected {expected}." + (
        " Its negative edges are out of nodes the source cannot reach." if negative else ""
    )


# -- shortest_path -------------------------------------------------------------------------------


def _cost(graph, path: Sequence[Hashable]) -> float | None:
    """The cost of walking ``path`` by its cheapest edges, or None if a step has no edge."""
    total = 0
    for u, v in itertools.pairwise(path):
        options = [w for x, w in graph.get(u, ()) if x == v]
        if not options:
            return None
        total += min(options)
    return total


@pytest.mark.parametrize(
    ("graph", "source", "target", "expected"),
    [
        (CLASSIC, "a", "d", ["a", "c", "b", "d"]),
        (CLASSIC, "a", "a", ["a"]),
        (CLASSIC, "d", "a", None),
        ({}, "x", "y", None),
        ({0: [(1, 7), (2, 1)], 2: [(1, 1)], 1: [(3, 0)]}, 0, 3, [0, 2, 1, 3]),
    ],
    ids=["classic", "to-itself", "unreachable", "empty-graph", "detour"],
)
def test_shortest_path_lists_the_nodes_of_a_cheapest_path(graph, source, target, expected):
    got = shortest_path(graph, source, target)
    assert got == expected, (
        f"Called shortest_path({graph}, {source!r}, {target!r}). It returned {got!r}; "
        f"expected {expected!r}. Remember each node's predecessor on its best path so far, "
        "and walk those back from the target; None when the target is never reached."
    )


@EXAMPLES
@given(weighted_graphs())
def test_shortest_path_is_a_real_path_costing_the_bellman_ford_distance(case):
    """For any graph with non-negative weights: None exactly when the target is unreachable,
    otherwise a walk along real edges from source to target costing the shortest distance."""
    graph, source, target = case
    got = shortest_path(graph, source, target)
    expected = _bellman_ford(graph, source).get(target)
    call = f"shortest_path({graph}, {source}, {target})"
    if expected is None:
        assert got is None, f"{call} returned {got!r}; {target} cannot be reached: None."
        return
    assert isinstance(got, list) and got[:1] == [source] and got[-1:] == [target], (
        f"{call} returned {got!r}; expected a list of nodes from {source} to {target}, "
        f"costing {expected}."
    )
    cost = _cost(graph, got)
    assert cost == expected, (
        f"{call} returned {got!r}, which "
        + ("uses a step with no edge" if cost is None else f"costs {cost}")
        + f"; the cheapest path costs {expected}."
    )


def test_shortest_path_refuses_a_negative_edge_it_reads():
    graph = {"s": [("a", -3), ("t", 1)], "a": [("t", 1)]}
    _refused(
        lambda: shortest_path(graph, "s", "t"),
        f"shortest_path({graph}, 's', 't')",
        [("s", "a", -3)],
    )


# -- costs, counted ------------------------------------------------------------------------------


@functools.cache
def _graph(family: str, n: int) -> dict[int, list[tuple[int, int]]]:
    """n nodes 0..n-1, every one reachable from 0, about three edges out of each.

    ``random``: an edge to the next node costing 100, and two to random nodes. ``ladder``: the
    next node costs 10 and the one after it 19, so most nodes improve once before they are
    final and the heap holds stale entries.
    """
    rng = random.Random(f"{family}:{n}")
    graph: dict[int, list[tuple[int, int]]] = {}
    for u in range(n):
        if family == "random":
            out = [(rng.randrange(n), rng.randrange(1, 100)) for _ in range(2)]
            out.append(((u + 1) % n, 100))
        else:
            out = [((u + 1) % n, 10), ((u + 2) % n, 19), (rng.randrange(n), rng.randrange(1, 200))]
        rng.shuffle(out)
        graph[u] = out
    return graph


def _counted_graph(family: str, n: int, counter: Counter) -> dict[int, CountedList]:
    return {
        u: CountedList([(v, _Weight(w, counter)) for v, w in out], counter)
        for u, out in _graph(family, n).items()
    }


@functools.cache
def _far(family: str, n: int) -> tuple[int, float]:
    """The node farthest from 0, and its distance: its cost is final last.

    Worked out with a plain heap (Bellman-Ford is too slow at these sizes); the property tests
    check the learner's answers against Bellman-Ford on small graphs.
    """
    graph, final, heap = _graph(family, n), {}, [(0, 0)]
    while heap:
        d, u = heapq.heappop(heap)
        if u not in final:
            final[u] = d
            for v, w in graph[u]:
                if v not in final:
                    heapq.heappush(heap, (d + w, v))
    return max(final.items(), key=lambda item: (item[1], item[0]))


def _measure(name: str) -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        graph = _counted_graph(family, n, counter)
        target, cost = _far(family, n)
        if name == "shortest_distances":
            got = shortest_distances(graph, 0)
            with counter.paused():
                ok = len(got) == n and _plain(got).get(target) == cost
            shown = f"a distance of {_plain(got).get(target)!r} to node {target}"
        else:
            got = shortest_path(graph, 0, target)
            with counter.paused():
                ok = isinstance(got, list) and _cost(_graph(family, n), got) == cost
            shown = f"a path costing {_cost(_graph(family, n), got) if ok else got!r}"
        if not ok:
            raise AssertionError(
                f"While counting operations, {name} on the {family} graph of {n} nodes gave "
                f"{shown}; the cheapest path from 0 to {target} costs {cost}. Get the answers "
                "right first: the example and property tests show where."
            )

    call = (
        "shortest_distances(graph, 0)"
        if name == "shortest_distances"
        else ("shortest_path(graph, 0, farthest node)")
    )
    return measure(
        run,
        SIZES,
        what=f"edge reads and weight comparisons by {call} on graphs of n nodes with three "
        "edges out of each",
        # shortest_path runs the same search, stopped at the farthest node: one family will do.
        families=("random", "ladder") if name == "shortest_distances" else ("random",),
        # The reference solution needs about 3 per n·log2(n); scanning for the nearest node
        # needs n per step, n² in all.
        budget=(6, LINEARITHMIC),
    )


@functools.cache
def _measured(name: str) -> Measurement:
    """Made once per function, shared by its budget and declaration tests."""
    return _measure(name)


ADVICE = (
    "Finding the nearest unfinished node by looking at every node costs n per step, n² in all. "
    "Keep (distance, node) entries in a heap (heapq): push a node again when its distance "
    "improves, and skip an entry whose node is already final when it comes off the heap."
)


@pytest.mark.parametrize("name", ["shortest_distances", "shortest_path"])
def test_the_search_costs_o_n_log_n_edge_reads_and_comparisons(name):
    assert_within(_measured(name), LINEARITHMIC, ADVICE)


def _space_run(name: str, n: int) -> Callable[[], object]:
    graph = _graph("random", n)
    if name == "shortest_distances":
        return functools.partial(shortest_distances, graph, 0)
    return functools.partial(shortest_path, graph, 0, _far("random", n)[0])


@pytest.mark.parametrize("name", ["shortest_distances", "shortest_path"])
def test_each_function_declares_its_pattern_and_the_classes_it_is_measured_at(name):
    fn = shortest_distances if name == "shortest_distances" else shortest_path
    # Lazily: the space measurement has no budget, so it runs only once the counted time holds.
    check_approach(
        fn,
        name,
        patterns=["dijkstra"],
        brute_force=["O(n^2)", "O(2^n)", "O(n!)"],
        time=lambda: _measured(name),
        space=lambda: space_class(
            functools.partial(_space_run, name),
            SPACE_SIZES,
            what=f"{name} on a random graph of n nodes with three edges out of each",
        ),
    )


def test_the_weights_the_budget_uses_add_and_compare_like_numbers():
    counter = Counter()
    a, b = _Weight(2, counter), _Weight(3, counter)
    assert (a + b).value == 5 and (1 + a).value == 3 and a < b and not math.inf < a
    assert counter["compare"] == 2
    advice = (
        "Add and compare the weights as they are; do not convert them with float() or int() "
        "or pass them to math functions: the budget tests use weights that count their "
        "comparisons."
    )
    try:
        got = _plain(shortest_distances({0: [(1, a)], 1: [(2, b)]}, 0))
    except TypeError as error:
        pytest.fail(
            f"shortest_distances on 0 -2-> 1 -3-> 2, with weights that count their "
            f"comparisons, raised TypeError({str(error)!r}). {advice}",
            pytrace=False,
        )
    assert got == {0: 0, 1: 2, 2: 5}, (
        f"shortest_distances on 0 -2-> 1 -3-> 2 with weights that count their comparisons "
        f"returned {got}; expected {{0: 0, 1: 2, 2: 5}}. {advice}"
    )
