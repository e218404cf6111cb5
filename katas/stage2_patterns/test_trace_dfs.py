"""Tests for the DFS trace kata: the finish order, then every step against the reference.

Your ``dfs`` records its discoveries, finishes and edges on a ``Trace``; the checker's reference
(``checker.harness.traced.dfs``) records its own on the same graph, and a difference is shown
side by side from the first step where the two part ways. Every run gets a step limit a little
over twice the reference's length, so a search that keeps rediscovering vertices around a cycle
is stopped at once and reported, instead of hanging until the timeout.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.trace import Step, Trace, assert_same_trace, first_divergence, run_traced
from katas.stage2_patterns.trace_dfs import dfs

Graph = Mapping[Hashable, Sequence[Hashable]]

WORKED_EXAMPLE = {"a": ["b", "c"], "b": ["c", "a"], "c": [], "d": ["c", "d"]}
GRAPHS = [
    pytest.param(WORKED_EXAMPLE, id="the-stubs-worked-example-every-edge-kind"),
    pytest.param({}, id="empty"),
    pytest.param({"a": []}, id="one-vertex"),
    pytest.param({"a": ["a"]}, id="a-self-loop"),
    pytest.param({1: [2], 2: [3], 3: [1]}, id="a-cycle"),
    pytest.param({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}, id="a-diamond"),
    pytest.param({"a": ["b"], "b": ["c"], "c": []}, id="a-path"),
    pytest.param({"c": [], "b": ["c"], "a": ["b"]}, id="a-path-listed-backwards"),
    pytest.param({1: [2], 3: [4], 5: []}, id="three-components"),
    pytest.param({"a": ["x", "y"], "b": ["x"]}, id="vertices-only-in-lists"),
    pytest.param({"a": ["b", "b"], "b": ["a", "a"]}, id="repeated-edges"),
    pytest.param(
        {1: [2, 5, 3], 2: [3], 3: [4, 1], 4: [2], 5: [4, 6], 6: [1, 5, 7], 7: [3, 7]},
        id="a-tangle-of-every-kind",
    ),
]
PATH_LENGTH = 3000
RUNAWAY = (
    "Mark a vertex as discovered the moment you reach it, so a cycle leads back to a grey "
    "vertex (a back edge) instead of discovering it again."
)


def _show(graph: Graph) -> str:
    """A graph for a message: in full when small, otherwise its size."""
    if len(graph) <= 8:
        return repr(dict(graph))
    return f"<a graph of {len(graph)} vertices and {sum(map(len, graph.values()))} edges>"


def _brief(order: Sequence[Hashable]) -> str:
    """A finish order for a message: in full when short, otherwise its ends and its length."""
    if len(order) <= 12:
        return repr(list(order))
    return f"[{order[0]!r}, {order[1]!r}, ..., {order[-2]!r}, {order[-1]!r}] ({len(order)} items)"


def _reference(graph: Graph) -> tuple[list[Hashable], list[Step]]:
    trace = Trace()
    order = traced.dfs(graph, trace)
    return order, trace.steps


def _run(graph: Graph, *, limit: int) -> tuple[list[Hashable], Trace]:
    """Your ``dfs`` on a fresh trace of ``limit`` steps, far more than it needs."""
    order, trace, stopped = run_traced(functools.partial(_dfs, graph), limit=limit)
    if stopped:
        raise AssertionError(f"dfs({_show(graph)}): {stopped}\n  {RUNAWAY}")
    return order, trace


def _dfs(graph: Graph, trace: Trace) -> list[Hashable]:
    """Your ``dfs`` on a copy of the graph, so a search that edits its lists changes no test."""
    return dfs({u: list(vs) for u, vs in graph.items()}, trace)


def _advice(expected: Sequence[Step], got: Sequence[Step]) -> str:
    """One line on the likeliest cause of the first difference."""
    at = first_divergence(expected, got)
    if at is None:
        return ""
    if at >= len(got):
        return (
            "Your search stopped before the reference: every key of the graph is a root in turn "
            "(unless already discovered), and every entry of every list is one edge."
        )
    if at >= len(expected):
        return (
            "Your trace goes on after the reference ends: discover each vertex once, finish it "
            "once, and examine each list entry once."
        )
    want, have = tuple(expected[at]), tuple(got[at])
    if have[0] == "discover" and ("discover", have[1]) in map(tuple, got[:at]):
        return (
            f"You discover {have[1]!r} a second time: a vertex is discovered once, and an edge "
            "to a vertex already discovered is a back, forward or cross edge, not a tree edge."
        )
    if want[0] == "edge" and want[3] == "tree" and have == ("discover", want[2]):
        return "Record trace.edge(u, v, 'tree') first, then trace.discover(v)."
    if want[0] == have[0] == "edge" and want[1:3] == have[1:3]:
        return {
            "tree": "The edge leads to a vertex not yet discovered (white): a tree edge.",
            "back": "The edge leads to a vertex discovered but not finished (grey, on the "
            "current path): a back edge, which closes a cycle.",
            "forward": "The edge leads to a finished vertex discovered AFTER u: a forward edge "
            "(u reached it earlier by another path); cross is for one discovered before u.",
            "cross": "The edge leads to a finished vertex discovered BEFORE u: a cross edge; "
            "forward is for one discovered after u.",
        }[want[3]]
    if want[0] == "finish" or have[0] == "finish":
        return (
            "A vertex finishes right after its last list entry is examined, and the search "
            "goes deep into a tree edge's vertex before u's next neighbour."
        )
    return (
        "Follow the stub's convention: roots in the mapping's order, neighbours in list order, "
        "deep into each tree edge before the next neighbour, one edge step per list entry."
    )


def _assert_same_trace(graph: Graph, *, answer_too: bool = False, call: str = "") -> None:
    """Your steps, one by one, against the reference's (and your finish order, if asked)."""
    want, expected = _reference(graph)
    call = call or f"dfs({_show(graph)})"
    limit = 2 * len(expected) + 16
    got, trace, stopped = run_traced(functools.partial(_dfs, graph), limit=limit)
    if answer_too and not stopped:
        assert got == want, f"{call} returned {_brief(got)}; expected {_brief(want)}."
    advice = _advice(expected, trace.steps)
    if stopped:
        advice += f"\n  Your search was stopped after {limit} steps. {RUNAWAY}"
    assert_same_trace(expected, trace, call=call, advice=advice)


@st.composite
def graphs(draw: st.DrawFn) -> dict[int, list[int]]:
    """Small directed graphs: keys in any order, lists with repeats, self-loops, and vertices
    that appear only in lists."""
    n = draw(st.integers(0, 7))
    if n == 0:
        return {}
    vertex = st.integers(0, n + draw(st.integers(0, 2)) - 1)
    return {u: draw(st.lists(vertex, max_size=4)) for u in draw(st.permutations(range(n)))}


def _random_graph(vertices: int, edges: int, seed: int) -> dict[int, list[int]]:
    rng = random.Random(seed)
    graph: dict[int, list[int]] = {u: [] for u in rng.sample(range(vertices), vertices)}
    for _ in range(edges):
        graph[rng.randrange(vertices)].append(rng.randrange(vertices))
    return graph


# -- the answer -------------------------------------------------------------------------------


@pytest.mark.parametrize("graph", GRAPHS)
def test_dfs_returns_the_vertices_in_the_order_they_finish(graph):
    want, expected = _reference(graph)
    got, _ = _run(graph, limit=4 * len(expected) + 64)
    assert got == want, (
        f"dfs({_show(graph)}) returned {got!r}; the vertices finish in the order {want!r}. A "
        "vertex finishes once every vertex reachable from it through white vertices has."
    )


# -- the trace --------------------------------------------------------------------------------


@pytest.mark.parametrize("graph", GRAPHS)
def test_every_step_matches_the_reference_step_for_step(graph):
    _assert_same_trace(graph)


@settings(max_examples=50)
@given(graphs())
def test_on_any_small_graph_the_order_and_every_step_match_the_reference(graph):
    """For any directed graph: the reference's finish order, and its steps one by one."""
    _assert_same_trace(graph, answer_too=True)


def test_each_vertex_is_discovered_and_finished_once_and_each_edge_examined_once():
    """2 steps per vertex and 1 per edge: V + E work, on a 300-vertex graph and the fixed ones."""
    for graph in [_random_graph(300, 900, seed=2), *(p.values[0] for p in GRAPHS)]:
        vertices = set(graph) | {v for vs in graph.values() for v in vs}
        _, trace = _run(graph, limit=4 * (len(vertices) + 900) + 16)
        call = f"dfs({_show(graph)})"
        for kind in ("discover", "finish"):
            seen = Counter(step[1] for step in trace.of(kind))
            wrong = {v: seen[v] for v in vertices | set(seen) if seen[v] != 1}
            assert not wrong, (
                f"{call} recorded {kind} for these vertices this many times: "
                f"{dict(sorted(wrong.items(), key=repr)[:8])}; every vertex is {kind}ed "
                "exactly once (the ones that appear only in lists too)."
            )
        edges = Counter((u, v) for u, vs in graph.items() for v in vs)
        recorded = Counter((step[1], step[2]) for step in trace.of("edge"))
        if recorded != edges:
            extra, missing = recorded - edges, edges - recorded
            raise AssertionError(
                f"{call} should record each list entry as one edge step. Recorded too often: "
                f"{sorted(extra.items(), key=repr)[:6]}; too rarely: "
                f"{sorted(missing.items(), key=repr)[:6]} (as (u, v): count)."
            )
        finished: set[Hashable] = set()
        for step in trace.steps:
            if step[0] == "finish":
                finished.add(step[1])
            elif step[0] == "discover":
                assert step[1] not in finished, f"{call} discovered {step[1]!r} after finishing it."


def test_a_path_of_3000_vertices_is_searched_without_running_out_of_stack():
    """A path 0 -> 1 -> ... -> 2999 -> 0 is 3,000 vertices deep: more than recursion allows."""
    graph = {i: [i + 1] for i in range(PATH_LENGTH - 1)} | {PATH_LENGTH - 1: [0]}
    call = f"dfs(the path 0 -> 1 -> ... -> {PATH_LENGTH - 1} -> 0)"
    try:
        _assert_same_trace(graph, answer_too=True, call=call)
    except RecursionError:
        raise AssertionError(
            f"{call} raised RecursionError: a recursive DFS keeps one frame per vertex on the "
            f"current path, {PATH_LENGTH:,} here, and CPython stops at about 1,000.\n"
            "  Keep the path on an explicit stack of (vertex, index of its next neighbour) "
            "pairs instead."
        ) from None
