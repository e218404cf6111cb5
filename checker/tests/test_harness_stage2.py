"""Stage 2's harness: the trace recorder, the reference traced runs and the pattern catalogue."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness import traced
from checker.harness.counting import (
    ADD,
    ARITHMETIC,
    CALL,
    COMPARE,
    MULTIPLY,
    BudgetExceeded,
    CountedInt,
    CountedNumber,
    Counter,
    calls,
    counted,
    counted_ints,
)
from checker.harness.growth import CONSTANT, LINEAR, measure
from checker.harness.patterns import (
    CATALOGUE,
    DOCS,
    Approach,
    CatalogueError,
    Switch,
    check_approach,
    check_switch,
    declare,
    declared_class,
    pattern,
)
from checker.harness.space import space_class
from checker.harness.trace import (
    Trace,
    TraceOverflow,
    assert_same_trace,
    first_divergence,
    format_step,
    side_by_side,
)

ROOT = Path(__file__).resolve().parents[2]

# -- the recorder -------------------------------------------------------------------------------


def test_each_vocabulary_call_records_one_step_in_order():
    trace = Trace()
    trace.probe(0, 3, 7)
    trace.cell(1, 2, 5)
    trace.enter(4)
    trace.leave(4, result=3)
    trace.swap(0, 1)
    trace.discover("a")
    trace.edge("a", "b", "tree")
    trace.finish("a")
    assert trace.steps == [
        ("probe", 0, 3, 7),
        ("cell", 1, 2, 5),
        ("enter", 4),
        ("return", 4, 3),
        ("swap", 0, 1),
        ("discover", "a"),
        ("edge", "a", "b", "tree"),
        ("finish", "a"),
    ]
    assert trace.of("probe") == [("probe", 0, 3, 7)] and len(trace) == 8


def test_an_unknown_edge_kind_is_refused_with_the_known_kinds():
    with pytest.raises(ValueError, match="tree, back, forward, cross"):
        Trace().edge(1, 2, "sideways")


def test_a_trace_past_its_limit_stops_the_run_with_a_base_exception_naming_the_last_steps():
    trace = Trace(limit=5)

    def runaway() -> None:
        lo, hi = 0, 10
        while lo < hi:  # never narrows
            trace.probe(lo, (lo + hi) // 2, hi)

    with pytest.raises(TraceOverflow) as caught:
        try:
            runaway()
        except Exception:  # learner code catching Exception cannot swallow it
            pytest.fail("TraceOverflow was caught by `except Exception`")
    assert not isinstance(caught.value, Exception)
    assert "passed 5 steps" in str(caught.value)
    assert "probe lo=0 mid=5 hi=10" in str(caught.value)


@pytest.mark.parametrize(
    ("step", "shown"),
    [
        (("probe", 0, 3, 7), "probe lo=0 mid=3 hi=7"),
        (("cell", 2, 3, 4), "cell [2][3] = 4"),
        (("enter", 2, 5), "enter (2, 5)"),
        (("return", 2, 5, True), "return (2, 5) -> True"),
        (("swap", 0, 2), "swap [0] <-> [2]"),
        (("edge", "a", "b", "back"), "edge 'a' -> 'b' (back)"),
        (("discover", 3), "discover 3"),
        (None, "(no step)"),
        (("odd", 1), "odd 1"),
    ],
)
def test_format_step_shows_each_kind_of_step_readably(step, shown):
    assert format_step(step) == shown


def test_first_divergence_finds_the_first_different_step_or_where_one_trace_ends():
    a = [("probe", 0, 1, 2), ("probe", 1, 1, 2)]
    assert first_divergence(a, list(a)) is None
    assert first_divergence(a, [a[0], ("probe", 0, 0, 1)]) == 1
    assert first_divergence(a, a[:1]) == 1
    assert first_divergence(a[:1], a) == 1
    assert first_divergence(a, [list(s) for s in a]) is None  # lists from JSON-like data match


def test_side_by_side_marks_the_first_difference_with_context_and_says_what_it_should_be():
    expected = [("probe", 0, 4, 8), ("probe", 5, 6, 8), ("probe", 5, 5, 6)]
    got = [("probe", 0, 4, 8), ("probe", 4, 6, 8), ("probe", 5, 5, 6)]
    text = side_by_side(expected, got, call="lower_bound(xs, 9)")
    assert text is not None
    assert "lower_bound(xs, 9) first differs from the reference at step 2" in text
    assert re.search(r"=\s+1\s+probe lo=0 mid=4 hi=8\s+probe lo=0 mid=4 hi=8", text)
    assert re.search(r">\s+2\s+probe lo=5 mid=6 hi=8\s+probe lo=4 mid=6 hi=8", text)
    assert "Step 2 should be `probe lo=5 mid=6 hi=8`" in text
    assert side_by_side(expected, expected, call="x") is None


def test_side_by_side_says_when_a_trace_stops_early_or_runs_on():
    expected = [("enter", 1), ("return", 1, 1)]
    short = side_by_side(expected, expected[:1], call="f(1)")
    assert short is not None and "stops after step 1" in short and "(trace ended)" in short
    long = side_by_side(expected, [*expected, ("enter", 0)], call="f(1)")
    assert long is not None and "goes on after step 2" in long


def test_assert_same_trace_raises_the_report_with_advice_and_accepts_a_trace_object():
    trace = Trace()
    trace.swap(0, 1)
    assert_same_trace([("swap", 0, 1)], trace, call="push")
    with pytest.raises(AssertionError, match=r"(?s)step 1.*Swap parent first"):
        assert_same_trace([("swap", 1, 0)], trace, call="push", advice="Swap parent first.")


# -- the reference runs -------------------------------------------------------------------------


@given(st.lists(st.integers(0, 30), max_size=40).map(sorted), st.integers(-1, 31))
def test_reference_lower_bound_agrees_with_bisect_and_probes_at_most_log_n_plus_one_times(
    items, target
):
    trace = Trace()
    assert traced.lower_bound(items, target, trace) == bisect.bisect_left(items, target)
    assert len(trace.of("probe")) <= math.ceil(math.log2(len(items) + 1))
    for _, lo, mid, hi in trace.steps:
        assert lo <= mid < hi and mid == (lo + hi) // 2


def _lcs(a: str, b: str) -> int:
    for size in range(min(len(a), len(b)), 0, -1):
        subs = {"".join(c) for c in itertools.combinations(a, size)}
        if any("".join(c) in subs for c in itertools.combinations(b, size)):
            return size
    return 0


@settings(max_examples=40)
@given(st.text("ab", max_size=6), st.text("abc", max_size=6))
def test_reference_lcs_table_is_right_and_records_every_cell_once_in_row_major_order(a, b):
    trace = Trace()
    assert traced.lcs_table(a, b, trace) == _lcs(a, b)
    cells = [(i, j) for _, i, j, _ in trace.steps]
    assert cells == [(i, j) for i in range(len(a) + 1) for j in range(len(b) + 1)]


def test_reference_memo_fib_makes_two_n_minus_one_calls_and_each_returns_after_it_enters():
    fib = [0, 1]
    for n in range(1, 15):
        fib.append(fib[-1] + fib[-2])
        trace = Trace()
        assert traced.memo_fib(n, trace) == fib[n]
        assert len(trace.of("enter")) == 2 * n - 1
    trace = Trace()
    traced.memo_fib(3, trace)
    assert trace.steps == [
        ("enter", 3),
        ("enter", 2),
        ("enter", 1),
        ("return", 1, 1),
        ("enter", 0),
        ("return", 0, 0),
        ("return", 2, 1),
        ("enter", 1),
        ("return", 1, 1),
        ("return", 3, 2),
    ]


@given(st.lists(st.integers(1, 9), max_size=6), st.integers(0, 25))
def test_reference_subset_sum_agrees_with_trying_every_subset(items, target):
    expected = any(
        sum(c) == target for r in range(len(items) + 1) for c in itertools.combinations(items, r)
    )
    trace = Trace()
    assert traced.subset_sum(items, target, trace) is expected
    assert trace.steps[0] == ("enter", 0, target)
    assert trace.steps[-1] == ("return", 0, target, expected)


@given(st.lists(st.integers(0, 9), max_size=30))
def test_reference_heap_sorts_like_heapq_and_each_push_swaps_at_most_log_n_times(items):
    heap: list[int] = []
    for item in items:
        trace = Trace()
        traced.heap_push(heap, item, trace)
        assert len(trace) <= max(0, len(heap).bit_length() - 1)
        assert all(p == (c - 1) // 2 for _, p, c in trace.steps)
    assert sorted(heap) == sorted(items) and heap[:1] == sorted(items)[:1]
    assert [traced.heap_pop(heap, Trace()) for _ in items] == sorted(items)
    with pytest.raises(IndexError, match="empty"):
        traced.heap_pop(heap, Trace())


def test_reference_heap_pop_sifts_to_the_smaller_child_and_left_on_a_tie():
    heap = [1, 2, 2, 5, 6]
    trace = Trace()
    assert traced.heap_pop(heap, trace) == 1
    # 6 moves to the root, swaps with the left of two equal 2s, then with the 5 below it.
    assert trace.steps == [("swap", 0, 1), ("swap", 1, 3)]
    assert heap == [2, 5, 2, 6]


def test_reference_dfs_names_every_edge_kind_on_a_graph_that_has_them_all():
    graph = {"a": ["b", "c"], "b": ["c", "a"], "c": [], "d": ["c", "d"]}
    trace = Trace()
    assert traced.dfs(graph, trace) == ["c", "b", "a", "d"]
    assert trace.of("edge") == [
        ("edge", "a", "b", "tree"),
        ("edge", "b", "c", "tree"),
        ("edge", "b", "a", "back"),
        ("edge", "a", "c", "forward"),
        ("edge", "d", "c", "cross"),
        ("edge", "d", "d", "back"),
    ]


def test_reference_dfs_walks_a_long_path_without_hitting_the_recursion_limit():
    n = 5_000
    graph = {v: [v + 1] if v + 1 < n else [] for v in range(n)}
    order = traced.dfs(graph, Trace(limit=4 * n))
    assert order == list(range(n - 1, -1, -1))


@given(
    st.dictionaries(
        st.integers(0, 6), st.lists(st.integers(0, 6), max_size=3), min_size=1, max_size=7
    )
)
def test_reference_dfs_reversed_finish_order_is_topological_when_no_edge_is_back(graph):
    graph = {v: [w for w in ws if w in graph] for v, ws in graph.items()}
    trace = Trace()
    order = traced.dfs(graph, trace)
    assert sorted(order) == sorted(graph)
    if not any(kind == "back" for *_, kind in trace.of("edge")):
        position = {v: i for i, v in enumerate(reversed(order))}
        assert all(position[u] < position[v] for u, vs in graph.items() for v in vs)


# -- the catalogue ------------------------------------------------------------------------------


def test_catalogue_names_and_aliases_are_unique_and_replacements_are_catalogue_entries():
    names = [p.name for p in CATALOGUE]
    assert len(names) == len(set(names))
    keys = [k.lower() for p in CATALOGUE for k in (p.name, *p.aliases)]
    assert len(keys) == len(set(keys)), "an alias points at two patterns"
    for entry in CATALOGUE:
        assert set(entry.instead) <= set(entry.needs), entry.name
        for replacements in entry.instead.values():
            for name in replacements:
                assert pattern(name).name == name


def test_pattern_lookup_ignores_case_spacing_and_accepts_aliases():
    assert pattern("Two Pointers").name == "two-pointers"
    assert pattern("binary_search").name == "binary-search"
    assert pattern("Kahn's algorithm").name == "topological-sort"
    assert pattern("DSU").name == "union-find"


def test_an_unknown_pattern_is_refused_with_a_suggestion_and_the_docs():
    with pytest.raises(CatalogueError, match=r"did you mean 'sliding-window'") as caught:
        pattern("sliding windw")
    assert DOCS in str(caught.value)
    with pytest.raises(CatalogueError, match="no pattern named yet"):
        pattern("?")


def test_the_docs_catalogue_lists_every_catalogue_pattern_with_its_cost():
    page = (ROOT / "docs" / "stage2_patterns.md").read_text(encoding="utf-8")
    section = page.split("\n## Pattern catalogue\n", 1)
    assert len(section) == 2, "docs/stage2_patterns.md has no '## Pattern catalogue' section"
    table = section[1].split("\n## ", 1)[0]
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| `([a-z-]+)` \| [^|]+ \| ([^|]+) \|", table, re.MULTILINE)
    }
    assert set(rows) == {p.name for p in CATALOGUE}
    for entry in CATALOGUE:
        assert rows[entry.name].strip() == entry.time, entry.name


# -- declarations (2.1) -------------------------------------------------------------------------


@declare(
    pattern="Two pointers",
    time="O(n)",
    space="O(1)",
    brute_force="O(n²)",
    beats="sorted input rules out a whole row of pairs per step",
)
def _pair_sum(items, target):
    i, j = 0, len(items) - 1
    while i < j:
        total = items[i].value + items[j].value
        if total == target:
            return i, j
        if items[i] < target - items[j].value:
            i += 1
        else:
            j -= 1
    return None


def _measure_pair_sum(fn, budget=None):
    def run(counter: Counter, family: str, n: int) -> None:
        fn(counted(range(n), counter), -1)

    return measure(
        run, (64, 128, 256, 512), what="comparisons", families=("sorted",), budget=budget
    )


def _approach(**changes):
    fields = {
        "pattern": "two-pointers",
        "time": "O(n)",
        "space": "O(1)",
        "brute_force": "O(n^2)",
        "beats": "sorted input rules out a whole row of pairs per step",
    }
    fields.update(changes)

    def fn(items, target):
        return _pair_sum(items, target)

    fn.approach = Approach(**fields)
    return fn


def test_check_approach_accepts_a_declaration_that_matches_the_measurement():
    got = check_approach(
        _pair_sum,
        "pair_sum",
        patterns=["two-pointers"],
        brute_force="O(n^2)",
        time=_measure_pair_sum(_pair_sum),
        space=CONSTANT,
    )
    assert got.pattern == "Two pointers"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pattern": "?"}, "no pattern named yet"),
        ({"pattern": "sliding window"}, "calls for is two-pointers"),
        ({"pattern": "two pointrs"}, "did you mean 'two-pointers'"),
        ({"time": "?"}, "fill it in with a class"),
        ({"time": "linear"}, "not a class the harness knows"),
        ({"time": "O(n log n)"}, "grow like O(n)"),
        ({"brute_force": "O(n)"}, "costs O(n^2)"),
        ({"time": "O(n^2)", "brute_force": "O(n^2)"}, "only when it is faster"),
        ({"beats": "faster"}, "one line of a few words"),
        ({"space": "O(n)"}, "extra space O(n), but measured extra space grows like O(1)"),
    ],
)
def test_check_approach_rejects_each_wrong_or_missing_field_with_a_teaching_message(
    changes, message
):
    fn = _approach(**changes)
    with pytest.raises(AssertionError, match=re.escape(message)):
        check_approach(
            fn,
            "pair_sum",
            patterns=["two-pointers"],
            brute_force="O(n^2)",
            time=_measure_pair_sum(fn),
            space=CONSTANT,
        )


def test_check_approach_accepts_any_of_several_fair_brute_force_classes_and_k_to_the_n():
    fn = _approach(brute_force="O(3^n)")
    check_approach(fn, "f", patterns=["two pointers"], brute_force=["O(n^2)", "O(2^n)"])


def test_check_approach_says_when_the_budget_ran_out_before_the_class_could_be_checked():
    with pytest.raises(AssertionError, match="ran over its budget"):
        check_approach(
            _pair_sum,
            "pair_sum",
            patterns=["two-pointers"],
            brute_force="O(n^2)",
            time=_measure_pair_sum(_pair_sum, budget=(0.1, LINEAR)),
        )


def test_a_function_without_a_declaration_is_told_how_to_declare_one():
    with pytest.raises(AssertionError, match=r"declares no approach. Put @declare"):
        check_approach(lambda: None, "f", patterns=["heap"], brute_force="O(n^2)")


def test_declare_returns_the_function_unchanged_and_defaults_to_placeholders():
    @declare()
    def f() -> int:
        return 3

    assert f() == 3 and f.approach == Approach("?", "?", "?", "?", "?")


# -- switches (2.3) -----------------------------------------------------------------------------

GOOD_SWITCH = Switch(
    pattern="sliding window",
    broken="monotone-window",
    use="prefix sums",
    cost="O(n)",
    because="a negative number can make a broken window valid again",
)


def _check(switch):
    return check_switch(
        switch,
        "SWITCH",
        pattern_="sliding-window",
        broken="monotone-window",
        use=["prefix-sums", "hash-map"],
        cost="O(n)",
    )


def test_check_switch_accepts_the_right_precondition_and_replacement():
    assert _check(GOOD_SWITCH) is GOOD_SWITCH


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pattern": "?"}, "no pattern named yet"),
        ({"pattern": "two-pointers"}, "*looks* like it calls for"),
        ({"broken": "sorted"}, "sliding-window needs: 'monotone-window'"),
        ({"use": "binary search"}, "reach for prefix-sums or hash-map"),
        ({"use": "prefx sums"}, "did you mean 'prefix-sums'"),
        ({"cost": "O(n log n)"}, "solves this problem in O(n)"),
        ({"because": "?"}, "one line of a few words"),
    ],
)
def test_check_switch_rejects_each_wrong_field_with_a_teaching_message(changes, message):
    fields = {**GOOD_SWITCH.__dict__, **changes}
    with pytest.raises(AssertionError, match=re.escape(message)):
        _check(Switch(**fields))


def test_check_switch_refuses_something_that_is_not_a_switch():
    with pytest.raises(AssertionError, match="should be a Switch"):
        _check(("sliding-window", "monotone-window"))


# -- space -------------------------------------------------------------------------------------

SIZES = (256, 512, 1024, 2048, 4096)


def _depth(items, i):
    return 0 if i >= len(items) else 1 + _depth(items, i + 1)


def _halving(lo, hi):
    return lo if hi - lo <= 1 else _halving(lo, (lo + hi) // 2)


@pytest.mark.parametrize(
    ("prepare", "expected"),
    [
        (lambda n: lambda: sum(range(n)), "O(1)"),
        (lambda n: lambda: list(range(n)), "O(n)"),
        (lambda n: lambda: _halving(0, n), "O(log n)"),
        (lambda n: lambda: _depth([0] * (n // 8), 0), "O(n)"),
    ],
    ids=["constant", "a copy", "halving recursion", "linear recursion"],
)
def test_space_class_reads_heap_bytes_and_call_depth(prepare, expected):
    found, text = space_class(prepare, SIZES, what="f")
    assert found.name == expected, text
    assert "heap bytes" in text and "depth" in text


def test_space_class_needs_three_sizes():
    with pytest.raises(ValueError, match="three or more"):
        space_class(lambda n: lambda: None, (1, 2))


# -- counting arithmetic and calls --------------------------------------------------------------


def test_a_counted_number_counts_each_sum_and_product_and_returns_plain_numbers():
    counter = Counter()
    w = CountedNumber(5, counter)
    assert (w + 1, 1 + w, w - 2, 10 - w, math.inf + w) == (6, 6, 3, 5, math.inf)
    assert counter[ADD] == 5 and counter[COMPARE] == 0
    assert type(w + 1) is int and float(w) == 5.0 and int(w) == 5
    assert (w * 3, 2 * w) == (15, 10) and counter[MULTIPLY] == 2
    negated = -w  # free, and still counted: a max-heap of negated items counts its comparisons
    assert isinstance(negated, CountedNumber) and negated.value == -5 and counter[COMPARE] == 0
    assert negated < w and counter[COMPARE] == 1


def test_calls_counts_every_call_and_keeps_the_function_name():
    counter = Counter(budget=3)

    def is_bad(version: int) -> bool:
        return version >= 4

    probe = calls(is_bad, counter)
    assert [probe(v) for v in (1, 4, 9)] == [False, True, True]
    assert counter[CALL] == 3 and probe.__name__ == "is_bad"
    with pytest.raises(BudgetExceeded):
        probe(2)


def test_check_approach_runs_lazy_measurements_only_once_the_words_and_the_time_hold():
    ran: list[str] = []

    def time():
        ran.append("time")
        return _measure_pair_sum(_pair_sum, budget=(0.1, LINEAR))

    def space():
        ran.append("space")
        return CONSTANT, "report"

    wrong_words = _approach(pattern="heap")
    with pytest.raises(AssertionError, match="calls for is two-pointers"):
        check_approach(
            wrong_words,
            "f",
            patterns=["two-pointers"],
            brute_force="O(n^2)",
            time=time,
            space=space,
        )
    assert ran == []
    with pytest.raises(AssertionError, match="ran over its budget"):
        check_approach(
            _pair_sum, "f", patterns=["two-pointers"], brute_force="O(n^2)", time=time, space=space
        )
    assert ran == ["time"]
    check_approach(
        _pair_sum,
        "f",
        patterns=["two-pointers"],
        brute_force="O(n^2)",
        time=lambda: _measure_pair_sum(_pair_sum),
        space=space,
    )
    assert ran == ["time", "space"]


def test_check_approach_takes_a_known_time_class_and_parses_n_to_the_n():
    fn = _approach(time="O(n!)", brute_force="O(n^n)")
    check_approach(
        fn,
        "n_queens",
        patterns=["two-pointers"],
        brute_force="O(n^n)",
        time=declared_class("O(n!)", "time", "n_queens"),
    )
    with pytest.raises(AssertionError, match=r"declares time O\(n!\); it is O\(2\^n\)"):
        check_approach(
            fn,
            "n_queens",
            patterns=["two-pointers"],
            brute_force="O(n^n)",
            time=declared_class("O(2^n)", "time", "n_queens"),
        )


def test_counted_ints_stay_counted_through_arithmetic_and_index_lists():
    counter = Counter()
    a, b = counted_ints([3, 4], counter)
    total = a + b  # one operation, and the sum is counted in turn
    assert total == 7 and isinstance(total, CountedInt)
    assert [10, 20, 30, 40, 50, 60, 70, 80][total] == 80  # a real int: indexes a list
    before = counter.total
    assert total * 2 > a and counter.total == before + 2
    assert sorted(counted_ints([3, 1, 2], counter)) == [1, 2, 3]
    assert counter[ARITHMETIC] >= 2 and counter[COMPARE] >= 3


def test_run_traced_returns_the_result_or_the_overflow_with_what_was_recorded():
    from checker.harness.trace import TraceOverflow, run_traced

    def probe_forever(trace: Trace) -> int:
        while True:
            trace.probe(0, 1, 2)

    got, trace, stopped = run_traced(probe_forever, limit=3)
    assert got is None and isinstance(stopped, TraceOverflow) and len(trace.steps) == 3
    got, trace, stopped = run_traced(lambda t: 7, limit=3)
    assert (got, stopped, len(trace.steps)) == (7, None, 0)
