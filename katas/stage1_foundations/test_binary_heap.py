"""Tests for the binary-heap kata: it orders like heapq, and every comparison is counted.

Items in the cost tests are ``Counted`` values whose ``<``, ``<=``, ``==`` and friends count
one comparison each, wherever they are called from. The tests never time your code, so a
verdict is the same on every machine; a failure prints the counts per size, the doubling ratios
and the class they imply.
"""

from __future__ import annotations

import ast
import heapq
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

import katas.stage1_foundations.binary_heap as binary_heap
from checker.harness.counting import Counted, Counter, counted
from checker.harness.growth import (
    CONSTANT,
    LINEAR,
    LOGARITHMIC,
    assert_within,
    family_input,
    measure,
)
from katas.stage1_foundations.binary_heap import MinHeap

SIZES = (256, 512, 1024, 2048, 4096)
OPS = 32  # pushes, pops or peeks measured on each heap
# Many short runs: a failure shrinks to one small example quickly.
MACHINE_SETTINGS = settings(
    max_examples=80,
    stateful_step_count=15,
    report_multiple_bugs=False,
)


def _set_up(counter: Counter, n: int):
    """Run a set-up (building the heap) under its own cap, then count from zero.

    The cap allows even n pushes (n log n comparisons), so only the operation under test
    decides the verdict; it still stops a quadratic set-up early.
    """
    return counter.setting_up(4 * n * n.bit_length() + 64)


def _index_error(call: Callable[[], object], what: str) -> None:
    try:
        got = call()
    except IndexError as error:
        assert "empty" in str(error).lower(), (
            f"{what} raised IndexError({str(error)!r}). Say what went wrong: the message "
            "should mention that the heap is empty, e.g. IndexError('pop from an empty heap')."
        )
        return
    pytest.fail(f"{what} returned {got!r}; it should raise IndexError: the heap is empty.")


# -- behaviour --------------------------------------------------------------------------------


def test_pop_returns_the_items_smallest_first():
    heap = MinHeap()
    pushed = [5, 3, 8, 1, 9, 2, 7]
    for item in pushed:
        heap.push(item)
    popped = [heap.pop() for _ in pushed]
    assert popped == sorted(pushed), (
        f"Pushed {pushed}, then popped {len(pushed)} times. The pops returned {popped}, "
        f"expected {sorted(pushed)}."
    )
    assert len(heap) == 0, f"After popping every item, len(heap) returned {len(heap)}, not 0."


def test_peek_returns_the_smallest_item_without_removing_it():
    heap = MinHeap.heapify([4, 2, 6])
    got = (heap.peek(), heap.peek(), len(heap))
    assert got == (2, 2, 3), (
        f"Built MinHeap.heapify([4, 2, 6]). (peek(), peek(), len(heap)) returned {got}, "
        "expected (2, 2, 3): peek looks, it does not take."
    )


def test_pop_and_peek_on_an_empty_heap_raise_index_error_saying_so():
    heap = MinHeap()
    _index_error(heap.pop, "heap.pop() on a new, empty heap")
    _index_error(heap.peek, "heap.peek() on a new, empty heap")
    heap.push(1)
    heap.pop()
    _index_error(heap.pop, "heap.pop() on a heap emptied by popping its one item")


@given(st.lists(st.integers(-100, 100), max_size=60))
def test_heapify_then_popping_everything_gives_the_items_in_sorted_order(items):
    """For any list, MinHeap.heapify(items) popped until empty yields sorted(items): heap sort."""
    original = list(items)
    heap = MinHeap.heapify(items)
    assert items == original, (
        f"MinHeap.heapify(items) changed the caller's list from {original} to {items}; "
        "build the heap in a list of its own."
    )
    assert len(heap) == len(original), (
        f"MinHeap.heapify({original}) has len {len(heap)}, expected {len(original)}."
    )
    popped = [heap.pop() for _ in original]
    assert popped == sorted(original), (
        f"MinHeap.heapify({original}), then pop() until empty, returned {popped}; "
        f"expected {sorted(original)}."
    )


items_ = st.integers(-50, 50)


class MinHeapAgainstHeapq(RuleBasedStateMachine):
    """Every operation on a MinHeap gives what heapq gives on a list."""

    def __init__(self) -> None:
        super().__init__()
        self.heap = MinHeap()
        self.model: list[int] = []

    @rule(item=items_)
    def push(self, item):
        self.heap.push(item)
        heapq.heappush(self.model, item)

    @rule(batch=st.lists(items_, max_size=30))
    def heapify(self, batch):
        self.heap = MinHeap.heapify(batch)
        self.model = list(batch)
        heapq.heapify(self.model)

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        got, expected = self.heap.pop(), heapq.heappop(self.model)
        assert got == expected, f"heap.pop() returned {got}; heapq.heappop returned {expected}."

    @precondition(lambda self: self.model)
    @rule(count=st.integers(1, 30))
    def pop_many(self, count):
        for _ in range(min(count, len(self.model))):
            got, expected = self.heap.pop(), heapq.heappop(self.model)
            assert got == expected, f"heap.pop() returned {got}; heapq.heappop returned {expected}."

    @precondition(lambda self: not self.model)
    @rule()
    def pop_from_empty(self):
        _index_error(self.heap.pop, "heap.pop() on an empty heap")

    @precondition(lambda self: self.model)
    @rule()
    def peek(self):
        got = self.heap.peek()
        assert got == self.model[0], f"heap.peek() returned {got}; the smallest is {self.model[0]}."

    @invariant()
    def same_length(self):
        assert len(self.heap) == len(self.model), (
            f"len(heap) is {len(self.heap)}; heapq's list with the same history has "
            f"{len(self.model)} items."
        )


def test_behaves_like_heapq_under_any_sequence_of_operations():
    """Pushes, pops, peeks and heapify in any order match heapq's, duplicates included."""
    run_state_machine_as_test(MinHeapAgainstHeapq, settings=MACHINE_SETTINGS)


def test_the_heap_is_written_by_hand_not_borrowed_from_heapq():
    heap = MinHeap.heapify([3, 1, 2])
    assert heap.pop() == 1, "MinHeap.heapify([3, 1, 2]).pop() did not return 1."
    path = Path(binary_heap.__file__)
    lines = sorted(
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (isinstance(node, ast.Import) and any(a.name == "heapq" for a in node.names))
        or (isinstance(node, ast.ImportFrom) and node.module == "heapq")
    )
    assert not lines, (
        f"{path.name} imports heapq (line {lines[0] if lines else '?'}). This kata is about "
        "writing sift-up and sift-down yourself. At work, use heapq: once you have built one, "
        "you know what it does and what it costs."
    )


# -- costs, counted ---------------------------------------------------------------------------


def test_heapify_makes_at_most_two_comparisons_per_element():
    def run(counter: Counter, family: str, n: int) -> None:
        MinHeap.heapify(counted(family_input(family, n), counter))

    m = measure(
        run,
        SIZES,
        what="comparisons made by MinHeap.heapify(items) on n items",
        budget=(2, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Pushing the items one at a time costs up to log2(n) comparisons each. Put them all in "
        "the list first, then repair the heap from the bottom up: most items are near the "
        "bottom, where there is little room to move.",
    )


def test_push_makes_at_most_about_log2_n_comparisons():
    def run(counter: Counter, family: str, n: int) -> None:
        with _set_up(counter, n):
            heap = MinHeap.heapify(counted(family_input(family, n), counter))
        for j in range(OPS):
            heap.push(Counted(-1 - j, counter))  # a new smallest item: it climbs to the root

    m = measure(
        run,
        SIZES,
        what=(
            f"comparisons made by {OPS} pushes into a heap of n items, each pushing a new "
            "smallest item (the worst case: it climbs all the way to the root)"
        ),
        families=("random", "reversed"),
        budget=(1.25 * OPS, LOGARITHMIC),
    )
    assert_within(
        m,
        LOGARITHMIC,
        "A push appends the item and swaps it with its parent while it is smaller: one "
        "comparison per level of the tree, log2(n) levels.",
    )


def test_pop_makes_at_most_two_log2_n_comparisons():
    def run(counter: Counter, family: str, n: int) -> None:
        with _set_up(counter, n):
            heap = MinHeap.heapify(counted(family_input(family, n), counter))
        previous = None
        for _ in range(OPS):
            item = heap.pop()
            assert previous is None or previous.value <= item.value, (
                f"heap.pop() returned {item.value} after {previous.value}: not smallest first."
            )
            previous = item

    m = measure(
        run,
        SIZES,
        what=f"comparisons made by {OPS} pops from a heap of n items",
        families=("random", "sorted", "reversed", "all-equal"),
        budget=(2 * OPS, LOGARITHMIC),
    )
    assert_within(
        m,
        LOGARITHMIC,
        "A pop moves the last item to the root and sifts it down: at each level, one comparison "
        "finds the smaller child and one decides whether to swap with it. Sorting, or scanning "
        "for the minimum, costs n.",
    )


def test_peek_makes_no_comparisons_at_any_size():
    def run(counter: Counter, family: str, n: int) -> None:
        with _set_up(counter, n):
            heap = MinHeap.heapify(counted(family_input(family, n), counter))
        for _ in range(OPS):
            heap.peek()

    m = measure(
        run,
        SIZES,
        what=f"comparisons made by {OPS} peeks at a heap of n items (the budget allows one each)",
        families=("random", "reversed"),
        budget=(OPS, CONSTANT),
    )
    assert_within(m, CONSTANT, "The smallest item of a heap is always at position 0.")
