"""Tests for predict-the-trace: each prediction is checked against the reference run.

The questions are copied here, so the tests ask the question the kata asked even if the stub's
constants change; the checker's reference runs (checker.harness.traced) answer them, and a
wrong prediction is shown side by side with the run, from the first step where they differ.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

import katas.stage2_patterns.predict as predict
from checker.harness import traced
from checker.harness.trace import Step, Trace, assert_same_trace

# The test's own copy of every question: the reference answers these, not the stub's constants.
BINARY_SEARCH_INPUT = ([1, 3, 3, 5, 8, 8, 8, 9, 12, 15, 21], 8)
LCS_INPUT = ("ABCB", "BDCAB")
FIB_INPUT = 5
SUBSET_SUM_INPUT = ([3, 5, 2], 7)
HEAP_INPUT = [6, 5, 2, 3, 1, 8, 4]
DFS_INPUT = {
    "a": ["b", "c", "e"],
    "b": ["c"],
    "c": ["a"],
    "e": ["c"],
    "d": ["e", "a"],
}

EDGE_RULES = {
    "tree": "the head was not yet discovered",
    "back": "the head is on the current path (discovered, not finished)",
    "forward": "the head is finished and was discovered after the tail: a descendant",
    "cross": "the head is finished and was discovered before the tail",
}


def _question(name: str, expected: Any) -> Any:
    """The test's copy of a question, after checking the stub still asks the same one."""
    stub = getattr(predict, name, None)
    same = stub == expected
    if isinstance(expected, dict) and isinstance(stub, dict):
        same = list(stub.items()) == list(expected.items())  # DFS order depends on key order
    assert same, (
        f"predict.{name} is {stub!r}, but the question is {expected!r}. The inputs are the "
        "question, not part of the answer: put the constant back as it was and predict the "
        "run on it."
    )
    return expected


def _answer(name: str, shape: str) -> list[Any]:
    """Call one prediction function and check it returned a list."""
    got = getattr(predict, name)()
    if not isinstance(got, (list, tuple)):
        raise AssertionError(f"{name}() returned {got!r}; return a list of {shape}.")
    return list(got)


def _steps(kind: str, items: Sequence[Any]) -> list[Step]:
    """Predicted items as trace steps, so they line up with the reference's steps."""
    return [(kind, *item) if isinstance(item, (tuple, list)) else (kind, item) for item in items]


def _reference(run: Callable[[Trace], object]) -> Trace:
    trace = Trace()
    run(trace)
    return trace


def _probe_trace() -> Trace:
    items, target = _question("BINARY_SEARCH_INPUT", BINARY_SEARCH_INPUT)
    return _reference(lambda t: traced.lower_bound(items, target, t))


# -- binary search ----------------------------------------------------------------------------


def test_binary_search_probes_match_lower_bound_step_by_step():
    items, target = BINARY_SEARCH_INPUT
    expected = _probe_trace().steps
    got = _steps("probe", _answer("binary_search_probes", "(lo, mid, hi) tuples"))
    assert_same_trace(
        expected,
        got,
        call=f"lower_bound({items}, {target})",
        advice="The range is half-open, [lo, hi): it starts at (0, len(items)) and mid is "
        "(lo + hi) // 2, rounded down. After a probe the new range keeps mid only when it "
        "may be the answer.",
    )


def test_binary_search_turns_follow_from_each_probe():
    items, target = BINARY_SEARCH_INPUT
    probes = _probe_trace().of("probe")
    expected = [("turn", "right" if items[mid] < target else "left") for _, _, mid, _ in probes]
    got = _steps("turn", _answer("binary_search_turns", '"left" or "right" strings'))
    why = "; ".join(
        f"probe {k} looks at items[{mid}] = {items[mid]}"
        for k, (_, _, mid, _) in enumerate(probes, 1)
    )
    assert_same_trace(
        expected,
        got,
        call=f"lower_bound({items}, {target})",
        advice=f"The probes: {why}. An item < {target} sends the search right; anything else, an "
        f"item equal to {target} included, sends it left, because lower_bound wants the first "
        "index whose item is >= the target.",
    )


# -- DP table ---------------------------------------------------------------------------------


def test_lcs_table_has_a_row_and_a_column_for_the_empty_prefix():
    a, b = _question("LCS_INPUT", LCS_INPUT)
    table = _answer("lcs_table", "rows, each a list of ints")
    shape = [len(row) if isinstance(row, (list, tuple)) else row for row in table]
    expected = [len(b) + 1] * (len(a) + 1)
    assert shape == expected, (
        f"lcs_table() for a={a!r}, b={b!r} has {len(table)} rows of lengths {shape}; the table "
        f"has len(a) + 1 = {len(a) + 1} rows of len(b) + 1 = {len(b) + 1} cells. Row 0 and "
        "column 0 stand for the empty prefix of a and of b: nothing in common, all zeros, and "
        "every other cell is built from them."
    )


def test_lcs_table_matches_the_reference_fill_cell_by_cell():
    a, b = _question("LCS_INPUT", LCS_INPUT)
    expected = _reference(lambda t: traced.lcs_table(a, b, t)).steps
    table = _answer("lcs_table", "rows, each a list of ints")
    got = [
        ("cell", i, j, value)
        for i, row in enumerate(table)
        for j, value in enumerate(row if isinstance(row, (list, tuple)) else [row])
    ]
    assert_same_trace(
        expected,
        got,
        call=f"lcs_table({a!r}, {b!r}) (cells in row-major order)",
        advice="Cell [i][j] compares a[i - 1] with b[j - 1]: equal letters extend the diagonal "
        "[i - 1][j - 1] by one; different letters take the larger of [i - 1][j] (above) and "
        "[i][j - 1] (left).",
    )


# -- recursion trees --------------------------------------------------------------------------


def test_fib_calls_are_entered_in_the_memoized_order():
    n = _question("FIB_INPUT", FIB_INPUT)
    expected = _reference(lambda t: traced.memo_fib(n, t)).of("enter")
    got = _steps("enter", _answer("fib_calls", "ints"))
    assert_same_trace(
        expected,
        got,
        call=f"memo_fib({n})",
        advice="memo_fib(n) calls memo_fib(n - 1) first and memo_fib(n - 2) second. A call "
        "whose answer is already in the memo is still entered (and returns at once): the memo "
        "saves the calls below it, not the call itself.",
    )


def test_subset_sum_calls_take_before_they_skip_and_stop_at_the_first_success():
    items, target = _question("SUBSET_SUM_INPUT", SUBSET_SUM_INPUT)
    expected = _reference(lambda t: traced.subset_sum(items, target, t)).of("enter")
    got = _steps("enter", _answer("subset_sum_calls", "(i, remaining) tuples"))
    assert_same_trace(
        expected,
        got,
        call=f"subset_sum({items}, {target})",
        advice="can(i, remaining) is entered even when it answers at once: remaining == 0 is a "
        "success, and no items left or remaining < 0 is a failure. Otherwise it takes items[i] "
        "first, and skips it only when taking it failed; the first success ends the search.",
    )


# -- heap -------------------------------------------------------------------------------------


def test_heap_swaps_match_the_pushes_then_one_pop():
    sequence = _question("HEAP_INPUT", HEAP_INPUT)
    trace, heap = Trace(), []
    for item in sequence:
        traced.heap_push(heap, item, trace)
    pushes = len(trace)
    traced.heap_pop(heap, trace)
    got = _steps("swap", _answer("heap_swaps", "(parent index, child index) tuples"))
    assert_same_trace(
        trace.steps,
        got,
        call=f"pushing {sequence} into an empty min-heap, then one pop",
        advice=f"The pushes make swaps 1 to {pushes}; the pop makes the rest. Write each swap as "
        "(parent index, child index): the parent of i is (i - 1) // 2, its children 2i + 1 and "
        "2i + 2. A push climbs while the item is smaller than its parent; the pop's sift-down "
        "swaps with the smaller child, left or right, while that child is smaller.",
    )


# -- graph DFS --------------------------------------------------------------------------------


def _dfs_reference() -> list[Step]:
    graph = _question("DFS_INPUT", DFS_INPUT)
    return _reference(lambda t: traced.dfs(graph, t)).steps


def _events() -> list[Step]:
    got = _answer("dfs_events", 'event tuples such as ("discover", "a")')
    return [tuple(e) if isinstance(e, list) else e for e in got]


def _of(kind: str, events: list[Step]) -> list[Step]:
    return [e for e in events if isinstance(e, tuple) and e and e[0] == kind]


def test_dfs_discovers_and_finishes_vertices_in_the_reference_order():
    expected, got = _dfs_reference(), _events()
    for kind, advice in (
        (
            "discover",
            "DFS follows the first unseen neighbour at once, and takes a new root "
            "(in the mapping's order) only when everything reachable so far is finished.",
        ),
        (
            "finish",
            "A vertex finishes when every one of its edges has been examined, so it "
            "finishes after everything it discovered: the deepest vertex finishes first.",
        ),
    ):
        assert_same_trace(
            _of(kind, expected),
            _of(kind, got),
            call=f"dfs({DFS_INPUT}) ({kind} events only)",
            advice=advice,
        )


def test_dfs_names_every_edge_kind_as_clrs_does():
    expected = {(e[1], e[2]): e[3] for e in _of("edge", _dfs_reference())}
    got: dict[tuple[Hashable, Hashable], Any] = {}
    for event in _of("edge", _events()):
        if len(event) == 4:
            got[(event[1], event[2])] = event[3]
    wrong = [
        f"  edge {u!r} -> {v!r}: you said {got.get((u, v), '(nothing)')!r}, it is {kind!r}: "
        f"{EDGE_RULES[kind]}"
        for (u, v), kind in expected.items()
        if got.get((u, v)) != kind
    ]
    extra = sorted(set(got) - set(expected))
    wrong += [f"  edge {u!r} -> {v!r}: not an edge of the graph" for u, v in extra]
    assert not wrong, (
        f"dfs({DFS_INPUT}) examines {len(expected)} edges; your events get these wrong:\n"
        + "\n".join(wrong)
        + "\n  The kind depends on the head's colour at the moment the edge is examined, and "
        "for a finished head on which vertex was discovered first."
    )


def test_dfs_events_interleave_as_in_the_reference_run():
    assert_same_trace(
        _dfs_reference(),
        _events(),
        call=f"dfs({DFS_INPUT})",
        advice="Each vertex: discover it, then examine its edges in list order (a tree edge "
        "leads straight into the neighbour's own events), then finish it.",
    )


# -- by hand ----------------------------------------------------------------------------------


def test_the_predictions_are_worked_by_hand_not_run():
    predict.binary_search_probes()  # a started kata: the stub fails here
    path = Path(predict.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    runs = sorted(
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("checker.harness"))
        or (isinstance(node, ast.Import) and any(a.name.startswith("checker") for a in node.names))
    )
    assert not runs, (
        f"{path.name} imports the checker's machinery (line {runs[0]}). The reference "
        "is what your prediction is checked against; running it teaches nothing. Step the "
        "algorithm on paper and write down each fork."
    )
