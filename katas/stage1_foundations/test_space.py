"""Tests for the space kata: results against simple references, space measured as n doubles.

Space has two parts and both are measured. Extra heap is the peak memory a call allocates beyond
what was live before it (``tracemalloc``): a copy of the input shows up as about 8 bytes per
item. Call depth is the deepest chain of Python calls (a profiler hook), because since Python
3.11 frames live outside the traced heap: a recursion uses no heap tracemalloc can see, but its
depth grows with the input. Time is counted too, with a list that counts its reads, writes and
element moves, so "in place" cannot hide an O(n) shift per element.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.harness.counting import CountedList, Counter
from checker.harness.growth import FAMILIES, LINEAR, Measurement, family_input, measure, report
from checker.harness.space import extra_heap, max_depth
from katas.stage1_foundations import space
from katas.stage1_foundations.space import Node, dedup_sorted, in_order, reverse_in_place

SIZES = (1000, 2000, 4000, 8000, 16000)
# Counting starts small, so a failing report shows the count growing before the budget runs out.
MOVE_SIZES = tuple(2**i for i in range(4, 15))  # 16 .. 16384
HEAP_LIMIT = 512  # bytes: a few loose ints and a small object or two; a copy of n=1000 is 8 KB


def _bytes_per_size(call: Callable[[Any], object], make: Callable[[int], Any]) -> dict:
    """Extra heap of ``call(input)`` for an input of each size, each input built beforehand."""
    inputs = {n: make(n) for n in SIZES}
    call(make(10))  # warm-up: lazy imports and caches are not charged to the call
    return {n: extra_heap(functools.partial(call, inputs[n])) for n in SIZES}


def _heap_table(used: dict) -> str:
    return ", ".join(f"n={n}: {b} B" for n, b in used.items())


def _assert_linear_moves(m: Measurement, advice: str) -> None:
    """Fail with the harness report if the budget of reads, writes and moves per item ran out."""
    if m.stopped is not None:
        raise AssertionError(f"{report(m, LINEAR)}\n  {advice}")


def _function_calls(function: Callable) -> set[str]:
    """Names of the functions and methods ``function``'s own source calls."""
    assert inspect.isfunction(function), (
        f"{function!r} is not a function written in Python; write it with def in space.py."
    )
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                called.add(node.func.attr)
            elif isinstance(node.func, ast.Name):
                called.add(node.func.id)
    return called


# -- reverse in place ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [[], [7], [1, 2], [1, 2, 3], [4, 1, 4, 1, 5, 9]],
    ids=["empty", "one", "two", "odd-length", "even-length"],
)
def test_reverse_in_place_reverses_the_very_list_it_was_given(items):
    given_list = list(items)
    reverse_in_place(given_list)
    assert given_list == items[::-1], (
        f"Called reverse_in_place(xs) with xs = {items}. Afterwards xs is {given_list}, "
        f"expected {items[::-1]}. Reverse xs itself: a reversed copy the caller never sees "
        "changes nothing for the caller."
    )


@given(st.lists(st.integers()))
def test_reverse_in_place_matches_slicing_for_any_list(items):
    """After reverse_in_place(xs), xs == the original xs[::-1]."""
    got = list(items)
    reverse_in_place(got)
    assert got == items[::-1], (
        f"Called reverse_in_place(xs) with xs = {items}. Afterwards xs is {got}, "
        f"expected {items[::-1]}."
    )


def test_reverse_in_place_allocates_nothing_that_grows_with_n():
    used = _bytes_per_size(reverse_in_place, lambda n: list(range(n)))
    if max(used.values()) > HEAP_LIMIT:
        raise AssertionError(
            f"Extra heap allocated by reverse_in_place(list of n ints): {_heap_table(used)}. "
            f"Expected at most {HEAP_LIMIT} B at every n. About 8 bytes per item is a copy of the "
            "list (items[::-1], reversed(items) turned into a list, a new list filled in a loop). "
            "Swap items within the list itself."
        )


def test_reverse_in_place_touches_each_slot_a_constant_number_of_times():
    """Reads, writes and moves stay within 4 per item on a list that counts them."""

    def run(counter: Counter, family: str, n: int) -> None:
        reverse_in_place(CountedList(family_input(family, n), counter))

    m = measure(
        run,
        MOVE_SIZES,
        what="reads, writes and moves made by reverse_in_place(a CountedList of n items)",
        families=("random", "sorted"),
        budget=(4, LINEAR),
    )
    _assert_linear_moves(
        m,
        "Each slot needs one read and one write. insert() and pop() away from the end shift "
        "every later item: in place, but O(n) per call and O(n^2) in all.",
    )


def test_reverse_in_place_swaps_items_itself_rather_than_calling_list_reverse():
    """It works, and its own source never calls a .reverse() method."""
    items = [1, 2, 3]
    reverse_in_place(items)
    assert items == [3, 2, 1], f"reverse_in_place([1, 2, 3]) left {items}, expected [3, 2, 1]."
    assert "reverse" not in _function_calls(space.reverse_in_place), (
        "reverse_in_place calls a .reverse() method: list.reverse is exactly this function, "
        "already written in C. Write the swaps yourself; in production, call items.reverse()."
    )


# -- dedup a sorted list ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [[], [5], [2, 2, 2], [1, 2, 3], [1, 1, 2, 3, 3], [0, 0, 1, 1, 1, 2, 2, 3, 3, 4]],
    ids=["empty", "one", "all-equal", "all-distinct", "ends-duplicated", "leetcode-example"],
)
def test_dedup_sorted_returns_how_many_distinct_values_and_moves_them_to_the_front(items):
    got_list = list(items)
    k = dedup_sorted(got_list)
    expected = sorted(set(items))
    assert k == len(expected) and got_list[:k] == expected, (
        f"Called k = dedup_sorted(xs) with xs = {items}. It returned k = {k!r} and xs became "
        f"{got_list}; expected k = {len(expected)} and xs[:k] == {expected}."
    )


@given(st.lists(st.integers(-20, 20)).map(sorted))
def test_dedup_sorted_matches_sorted_set_for_any_sorted_list(items):
    """k = dedup_sorted(xs) gives k == len(set(xs)) and xs[:k] == sorted(set(xs))."""
    got_list = list(items)
    k = dedup_sorted(got_list)
    expected = sorted(set(items))
    assert k == len(expected) and got_list[:k] == expected, (
        f"Called k = dedup_sorted(xs) with xs = {items}. It returned k = {k!r} and xs became "
        f"{got_list}; expected k = {len(expected)} and xs[:k] == {expected}."
    )


def test_dedup_sorted_touches_each_slot_a_constant_number_of_times():
    """Reads, writes and moves stay within 8 per item, for every input family."""

    def run(counter: Counter, family: str, n: int) -> None:
        dedup_sorted(CountedList(sorted(family_input(family, n)), counter))

    m = measure(
        run,
        MOVE_SIZES,
        what="reads, writes and moves made by dedup_sorted(a sorted CountedList of n items)",
        families=FAMILIES,
        budget=(8, LINEAR),
    )
    _assert_linear_moves(
        m,
        "Deleting a duplicate with del or pop(i) shifts every later item left: in place and "
        "O(1) extra memory, but O(n) per duplicate and O(n^2) in all. Overwrite instead: keep "
        "a write index behind the read index.",
    )


def test_dedup_sorted_allocates_nothing_that_grows_with_n():
    used = _bytes_per_size(dedup_sorted, lambda n: [i // 2 for i in range(n)])
    if max(used.values()) > HEAP_LIMIT:
        raise AssertionError(
            f"Extra heap allocated by dedup_sorted(sorted list of n ints, each twice): "
            f"{_heap_table(used)}. Expected at most {HEAP_LIMIT} B at every n. About 4 bytes per "
            "item is a new list of the n/2 distinct values (or a set of them); a list shrinking "
            "under del or pop also reallocates. Write each new value over the list itself, at "
            "the end of the distinct prefix, and leave the tail alone."
        )


# -- in-order traversal without recursion -------------------------------------------------------


def _tree(shape: object) -> Node | None:
    """A tree from nested tuples (value, left, right), None for an empty subtree."""
    if shape is None:
        return None
    value, left, right = shape
    return Node(value, _tree(left), _tree(right))


def _values(shape: object) -> list:
    """The reference: in-order values of a nested-tuple tree, recursively (small trees only)."""
    if shape is None:
        return []
    value, left, right = shape
    return [*_values(left), value, *_values(right)]


def _path(height: int, family: str) -> tuple[Node, list[int]]:
    """A tree shaped like a path of ``height`` nodes, and its in-order values.

    left-spine: every node is its parent's left child; right-spine: right child; zig-zag:
    alternately left and right. Built bottom-up, without recursion.
    """
    node = None
    for depth in range(height - 1, -1, -1):
        go_left = family == "left-spine" or (family == "zig-zag" and depth % 2 == 0)
        node = Node(depth, node, None) if go_left else Node(depth, None, node)
    # In-order: a node comes after its left subtree and before its right subtree.
    expected: list[int] = []
    tail: list[int] = []
    for depth in range(height):
        go_left = family == "left-spine" or (family == "zig-zag" and depth % 2 == 0)
        if go_left:  # the rest of the path is the left subtree: it comes first
            tail.append(depth)
        else:
            expected.append(depth)
    return node, expected + tail[::-1]


def _balanced(size: int) -> Node | None:
    """A balanced search tree holding 0 .. size - 1, built without recursion."""
    nodes = [Node(i) for i in range(size)]
    todo = [(0, size)]
    while todo:
        lo, hi = todo.pop()
        mid = (lo + hi) // 2
        left, right = (lo + mid) // 2, (mid + 1 + hi) // 2
        if lo < mid:
            nodes[mid].left = nodes[left]
            todo.append((lo, mid))
        if mid + 1 < hi:
            nodes[mid].right = nodes[right]
            todo.append((mid + 1, hi))
    return nodes[(0 + size) // 2] if size else None


def _drain(values: Iterator) -> None:
    for _ in values:
        pass


@pytest.mark.parametrize(
    "shape",
    [
        None,
        (1, None, None),
        (2, (1, None, None), (3, None, None)),
        (
            5,
            (3, (1, None, (2, None, None)), (4, None, None)),
            (8, (7, (6, None, None), None), None),
        ),
    ],
    ids=["empty-tree", "one-node", "three-nodes", "lopsided"],
)
def test_in_order_yields_left_subtree_then_node_then_right_subtree(shape):
    got = list(in_order(_tree(shape)))
    assert got == _values(shape), (
        f"Called list(in_order(root)) on the tree {shape} (value, left, right). It returned "
        f"{got}, expected {_values(shape)}."
    )


_SHAPES = st.recursive(
    st.none(), lambda children: st.tuples(st.integers(-99, 99), children, children), max_leaves=40
)


@given(_SHAPES)
def test_in_order_matches_a_recursive_reference_on_any_tree(shape):
    """list(in_order(tree)) equals the recursive left, node, right order on every tree."""
    got = list(in_order(_tree(shape)))
    assert got == _values(shape), (
        f"Called list(in_order(root)) on the tree {shape} (value, left, right). It returned "
        f"{got}, expected {_values(shape)}."
    )


DEPTHS = (32, 64, 128, 256, 512)
DEPTH_LIMIT = 8  # this test, the iteration, in_order itself, and a helper or two of yours


@pytest.mark.parametrize("family", ["left-spine", "right-spine", "zig-zag"])
def test_in_order_keeps_the_call_stack_flat_however_tall_the_tree(family):
    """The deepest chain of Python calls stays the same as path-shaped trees double in height."""
    depths = {}
    for height in DEPTHS:
        root, _ = _path(height, family)
        try:
            depths[height] = max_depth(lambda root=root: _drain(in_order(root)))
        except RecursionError:
            depths[height] = "RecursionError"
            break
    if not all(d != "RecursionError" and d <= DEPTH_LIMIT for d in depths.values()):
        raise AssertionError(
            f"Call depth of draining in_order(root) on {family} trees, by height: "
            + ", ".join(f"{h}: {d}" for h, d in depths.items())
            + f". Expected at most {DEPTH_LIMIT} at every height. A depth that grows with the "
            "height is recursion (a recursive generator's `yield from` counts too): each pending "
            "node is a call frame. Keep the pending nodes in a list you push and pop instead."
        )


def test_in_order_walks_a_tree_deeper_than_the_recursion_limit():
    """A path-shaped tree 20,000 nodes tall: twenty times CPython's default recursion limit."""
    height = 20_000
    root, expected = _path(height, "zig-zag")
    try:
        got = list(in_order(root))
    except RecursionError:
        raise AssertionError(
            f"list(in_order(root)) on a zig-zag tree {height} nodes tall raised RecursionError: "
            "every level of the tree was a call frame, and CPython stops at "
            f"{sys.getrecursionlimit()}. Raising the limit only moves the crash. Walk the tree "
            "with a loop and keep the pending nodes in a list."
        ) from None
    assert got == expected, (
        f"list(in_order(root)) on a zig-zag tree {height} nodes tall returned {len(got)} values "
        f"starting {got[:5]}; expected {len(expected)} values starting {expected[:5]}."
    )


BALANCED_SIZES = (1023, 2047, 4095, 8191, 16383)
# Bytes: the generator, and the pending path of at most 14 levels even kept as tuples. A list of
# every value of the smallest tree (1,023 nodes) is already 8 KB.
TREE_HEAP_LIMIT = 4096


def test_in_order_keeps_memory_for_the_height_of_a_balanced_tree_not_its_size():
    """Extra heap stays flat as balanced trees double in size: it follows the height, 10 to 14."""
    trees = {n: _balanced(n) for n in BALANCED_SIZES}
    _drain(in_order(_balanced(7)))  # warm-up, uncharged
    used = {n: extra_heap(lambda n=n: _drain(in_order(trees[n]))) for n in BALANCED_SIZES}
    if max(used.values()) > TREE_HEAP_LIMIT:
        raise AssertionError(
            f"Extra heap allocated while draining in_order(root) on balanced trees of n nodes: "
            f"{_heap_table(used)}. Expected at most {TREE_HEAP_LIMIT} B at every n: a balanced "
            "tree of 16,383 nodes is only 14 levels tall, so the pending nodes fit in a short "
            "list. About 8 bytes per node is a list of every node or value: yield each value as "
            "you reach it instead of collecting them first."
        )
