"""Tests for the dynamic-array kata: it behaves like a list, and every cost is counted.

Costs are counted by the ``Memory`` the array allocates from (block reads, writes, allocations
and slots), never timed, so a verdict is the same on every machine and every run. A failure
prints the counts per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from checker.harness.counting import ALLOCATE, READ, WRITE, BudgetExceeded, Counter, Memory
from checker.harness.growth import CONSTANT, LINEAR, LOGARITHMIC, assert_within, measure
from katas.stage1_foundations.dynamic_array import DynamicArray

# One past a power of two: the array has just grown, the worst moment for total copies.
APPEND_SIZES = (257, 513, 1025, 2049, 4097)
SIZES = (256, 512, 1024, 2048, 4096)
SETUP_OPS_PER_ELEMENT = 64  # filling the array before a measurement: generous, but finite
MACHINE_BUDGET = 200_000  # counted operations in one state-machine run: far more than needed
# Many short runs that still cross many resizes both ways (a step may append or pop up to 20
# values); a failure shrinks to one small example quickly.
MACHINE_SETTINGS = settings(
    max_examples=80,
    stateful_step_count=15,
    report_multiple_bugs=False,
)
MAX_CAPACITY_FACTOR = 4
MIN_CAPACITY_ALLOWED = 16


def _filled(memory: Memory, n: int) -> DynamicArray:
    arr = DynamicArray(memory)
    for i in range(n):
        arr.append(i)
    return arr


def _set_up(counter: Counter, n: int):
    """Run a set-up (filling the array) under its own cap, then count from zero.

    The set-up is not what is measured, but it is capped so a quadratic one still stops early.
    """
    return counter.setting_up(SETUP_OPS_PER_ELEMENT * n + 64)


def _index_error(call: Callable[[], object], what: str, why: str) -> None:
    try:
        got = call()
    except IndexError:
        return
    pytest.fail(f"{what} returned {got!r}; it should raise IndexError: {why}")


def _difference(got: list, expected: list) -> str:
    """Where ``got`` first differs from ``expected``, in words."""
    for i, (g, e) in enumerate(zip(got, expected, strict=False)):
        if g != e:
            return f"position {i} holds {g!r} instead of {e!r}"
    return f"{len(got)} values instead of {len(expected)}"


# -- behaviour --------------------------------------------------------------------------------


def test_appended_values_come_back_in_order():
    arr = DynamicArray(Memory())
    expected = [10 * i for i in range(100)]
    for value in expected:
        arr.append(value)
    got = list(arr)
    assert got == expected, (
        "Appended 0, 10, 20, ..., 990 (100 values, so the array grew several times); in "
        f"list(arr), {_difference(got, expected)}. Check that moving to a bigger block copies "
        "every value, the last one too."
    )
    assert len(arr) == 100, f"Appended 100 values; len(arr) returned {len(arr)}."
    indexed = [arr[i] for i in range(100)]
    assert indexed == expected, (
        f"list(arr) is right, but in arr[i] for i in 0..99, {_difference(indexed, expected)}."
    )


def test_pop_returns_the_values_last_in_first_out():
    arr = _filled(Memory(), 50)
    popped = [arr.pop() for _ in range(50)]
    expected = list(range(49, -1, -1))
    assert popped == expected, (
        f"Appended 0..49, then called arr.pop() 50 times. It returned {popped[:6]}..., "
        f"expected {expected[:6]}... (the last value appended comes out first)."
    )
    assert len(arr) == 0, f"After popping every value, len(arr) returned {len(arr)}, not 0."


def test_pop_on_an_empty_array_raises_index_error():
    arr = DynamicArray(Memory())
    _index_error(arr.pop, "arr.pop() on a new, empty array", "list.pop() does the same")
    arr.append("x")
    arr.pop()
    _index_error(
        arr.pop,
        "arr.pop() on an array emptied by popping its one value",
        "there is nothing left to pop",
    )


def test_indexes_past_the_end_raise_index_error_even_with_spare_capacity():
    arr = _filled(Memory(), 5)
    why = (
        "the array holds 5 values, positions 0..4 (or -5..-1). The block may have spare slots, "
        "but they are not part of the array: check the index against len, not the capacity."
    )
    for index in (5, 6, 7, -6, 1000):
        _index_error(lambda i=index: arr[i], f"arr[{index}]", why)

    def assign(i: int) -> None:
        arr[i] = "x"

    for index in (5, -6):
        _index_error(lambda i=index: assign(i), f"arr[{index}] = 'x'", why)
    assert list(arr) == [0, 1, 2, 3, 4], (
        f"A rejected arr[i] = 'x' changed the array to {list(arr)}; it should be unchanged."
    )


def test_negative_indexes_count_from_the_end():
    arr = _filled(Memory(), 10)
    got = (arr[-1], arr[-10])
    assert got == (9, 0), f"Appended 0..9. (arr[-1], arr[-10]) returned {got}, expected (9, 0)."
    arr[-2] = "x"
    assert list(arr) == [0, 1, 2, 3, 4, 5, 6, 7, "x", 9], (
        f"Appended 0..9 and set arr[-2] = 'x'. list(arr) is {list(arr)}; only the value at "
        "position 8 should have changed."
    )


def test_setting_a_value_replaces_it_without_allocating():
    memory = Memory()
    arr = _filled(memory, 10)
    allocations = memory.allocations
    arr[3] = "three"
    assert (arr[3], len(arr)) == ("three", 10), (
        f"Appended 0..9 and set arr[3] = 'three'. arr[3] is {arr[3]!r} and len(arr) is "
        f"{len(arr)}; expected 'three' and 10."
    )
    assert memory.allocations == allocations, (
        "Setting arr[3] allocated a new block; replacing a value in place needs no new memory."
    )


values = st.none() | st.integers(0, 99)


class DynamicArrayAgainstList(RuleBasedStateMachine):
    """Every operation on a DynamicArray gives what the same operation on a list gives."""

    def __init__(self) -> None:
        super().__init__()
        self.array = DynamicArray(Memory(Counter(budget=MACHINE_BUDGET)))
        self.model: list[int | None] = []

    @rule(value=values)
    def append(self, value):
        self.array.append(value)
        self.model.append(value)

    @rule(batch=st.lists(values, min_size=1, max_size=20))
    def append_many(self, batch):
        for value in batch:
            self.array.append(value)
            self.model.append(value)

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        got, expected = self.array.pop(), self.model.pop()
        assert got == expected, f"arr.pop() returned {got!r}; a list would return {expected!r}."

    @precondition(lambda self: self.model)
    @rule(count=st.integers(1, 20))
    def pop_many(self, count):
        for _ in range(min(count, len(self.model))):
            got, expected = self.array.pop(), self.model.pop()
            assert got == expected, f"arr.pop() returned {got!r}; a list would return {expected!r}."

    @precondition(lambda self: not self.model)
    @rule()
    def pop_from_empty(self):
        _index_error(self.array.pop, "arr.pop() on an empty array", "list.pop() does the same")

    @rule(index=st.integers(-45, 45))
    def get(self, index):
        if -len(self.model) <= index < len(self.model):
            got, expected = self.array[index], self.model[index]
            assert got == expected, f"arr[{index}] returned {got!r}; expected {expected!r}."
        else:
            _index_error(
                lambda: self.array[index],
                f"arr[{index}] on an array of length {len(self.model)}",
                "the index is out of range",
            )

    @rule(index=st.integers(-45, 45), value=values)
    def set(self, index, value):
        if -len(self.model) <= index < len(self.model):
            self.array[index] = value
            self.model[index] = value
        else:

            def assign() -> None:
                self.array[index] = value

            _index_error(
                assign,
                f"arr[{index}] = {value!r} on an array of length {len(self.model)}",
                "the index is out of range",
            )

    @invariant()
    def same_length(self):
        assert len(self.array) == len(self.model), (
            f"len(arr) is {len(self.array)}; a list with the same history has {len(self.model)}."
        )

    @invariant()
    def same_values_in_order(self):
        got = list(self.array)
        assert got == self.model, f"list(arr) is {got}; a list would hold {self.model}."


def test_behaves_like_a_python_list_under_any_sequence_of_operations():
    """Appends, pops, reads and writes in any order match a list's, across many resizes."""
    try:
        run_state_machine_as_test(DynamicArrayAgainstList, settings=MACHINE_SETTINGS)
    except BudgetExceeded as stop:
        pytest.fail(
            f"A short run of list operations made {stop}. Some operation is looping far longer "
            "than it should: look for a loop in append, pop or a resize that never ends."
        )


def test_the_values_live_in_the_newest_block_from_memory():
    memory = Memory(trace=True)
    arr = DynamicArray(memory)
    things = [object() for _ in range(100)]
    for thing in things:
        arr.append(thing)
    assert memory.blocks, (
        "Appended 100 values and memory.allocate was never called. Keep the values in blocks "
        "from memory: they are what the tests count."
    )
    block = memory.blocks[-1]
    held = {id(block[i]) for i in range(block.capacity)}
    kept = sum(id(thing) in held for thing in things)
    assert kept == len(things), (
        f"Appended 100 distinct objects; the newest block from memory.allocate "
        f"(capacity {block.capacity}) holds {kept} of them. Keep every value in the block you "
        "allocated last, not in a Python list or an older block."
    )


class _Payload:
    """A value the test can watch with a weak reference."""


def test_a_popped_value_is_not_kept_alive_by_the_array():
    arr = DynamicArray(Memory())
    for _ in range(10):
        arr.append(_Payload())
    popped = arr.pop()
    watcher = weakref.ref(popped)
    del popped
    gc.collect()
    assert watcher() is None, (
        "Appended 10 objects and popped one. After the caller dropped the popped object, "
        "something in the array still referenced it: its old slot in the block. Set a freed slot "
        "to None, or a long-lived array keeps every object it ever held alive (a memory leak)."
    )


# -- costs, counted ---------------------------------------------------------------------------


def test_n_appends_copy_at_most_three_values_per_append():
    """n appends write n values plus at most 3n copies: append is amortized O(1)."""

    def run(counter: Counter, family: str, n: int) -> None:
        arr = DynamicArray(Memory(counter))
        for i in range(n):
            arr.append(i)

    m = measure(
        run,
        APPEND_SIZES,
        what=(
            "block writes made by n appends to an empty DynamicArray (n of them store the "
            "values; the rest copy values into a bigger block)"
        ),
        families=("appends",),
        budget=(4, LINEAR),
        kinds=(WRITE,),
    )
    assert_within(
        m,
        LINEAR,
        "Growing by a fixed number of slots copies every value again and again. Grow by a "
        "factor instead: with doubling, all the copies ever made add up to less than 2n.",
    )


def test_n_appends_allocate_a_logarithmic_number_of_blocks():
    def run(counter: Counter, family: str, n: int) -> None:
        arr = DynamicArray(Memory(counter))
        for i in range(n):
            arr.append(i)

    m = measure(
        run,
        APPEND_SIZES,
        what="calls to memory.allocate made by n appends to an empty DynamicArray",
        families=("appends",),
        budget=(3, LOGARITHMIC),
        kinds=(ALLOCATE,),
    )
    assert_within(
        m,
        LOGARITHMIC,
        "Each resize should multiply the capacity, so reaching n takes about log2(n) of them.",
    )


def test_n_pops_after_n_appends_cost_amortized_constant_time():
    def run(counter: Counter, family: str, n: int) -> None:
        memory = Memory(counter)
        with _set_up(counter, n):
            arr = _filled(memory, n)
        for _ in range(n):
            arr.pop()

    m = measure(
        run,
        SIZES,
        what="block reads and writes made by n pops from an array of n values",
        families=("pops",),
        budget=(6, LINEAR),
        kinds=(READ, WRITE),
    )
    assert_within(
        m,
        LINEAR,
        "A pop reads one slot and clears it; moving to a smaller block must be rare enough that "
        "its copies average out to O(1) per pop.",
    )


def test_capacity_stays_within_four_times_the_size():
    """Popping gives memory back: capacity <= 4 * len, or 16 slots for a small array."""
    memory = Memory(trace=True)
    arr = DynamicArray(memory)

    def check(history: str) -> None:
        size, capacity = len(arr), (memory.blocks[-1].capacity if memory.blocks else 0)
        allowed = max(MAX_CAPACITY_FACTOR * size, MIN_CAPACITY_ALLOWED)
        assert capacity <= allowed, (
            f"After {history}, the array holds {size} values in a block of {capacity} slots; "
            f"at most {allowed} are allowed ({MAX_CAPACITY_FACTOR} x the size, or "
            f"{MIN_CAPACITY_ALLOWED}). An array that only ever grows keeps its biggest block "
            "forever: move to a smaller block when the array is mostly empty."
        )

    for i in range(1, 601):
        arr.append(i)
        check(f"{i} appends")
    for i in range(1, 601):
        arr.pop()
        check(f"600 appends and {i} pops")


def test_alternating_append_and_pop_at_a_capacity_boundary_never_thrashes():
    """Right after a resize, append/pop back and forth must not resize every time."""

    def run(counter: Counter, family: str, n: int) -> None:
        memory = Memory(counter)
        with _set_up(counter, 4 * n):
            arr = _filled(memory, n)
            allocations = memory.allocations
            if family == "just-after-a-growth":
                while memory.allocations == allocations and len(arr) < 3 * n:
                    arr.append(0)
            else:
                while memory.allocations == allocations and len(arr) > 0:
                    arr.pop()
        first, second = (
            (arr.pop, lambda: arr.append(0))
            if family == "just-after-a-growth"
            else (lambda: arr.append(0), arr.pop)
        )
        for _ in range(n):
            first()
            second()

    m = measure(
        run,
        SIZES,
        what=(
            "block reads, writes and allocated slots for n rounds of pop-then-append just after "
            "the array grew, and n rounds of append-then-pop just after it shrank"
        ),
        families=("just-after-a-growth", "just-after-a-shrink"),
        budget=(8, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "If the array shrinks as soon as it is half full, the block it shrinks into is full, "
        "so the next append grows it straight back: every round copies everything. Shrink "
        "later than that, so a resize always leaves room on both sides.",
    )


def test_indexing_reads_or_writes_one_slot_at_any_size():
    def run(counter: Counter, family: str, n: int) -> None:
        memory = Memory(counter)
        with _set_up(counter, n):
            arr = _filled(memory, n)
        for i in range(64):
            position = i * 7919 % n
            arr[position] = arr[position]

    m = measure(
        run,
        SIZES,
        what="block reads and writes made by 64 reads arr[i] and 64 writes arr[i] = v",
        families=("random-positions",),
        budget=(256, CONSTANT),
        kinds=(READ, WRITE),
    )
    assert_within(m, CONSTANT, "arr[i] is one slot of one block: find it directly, without a scan.")
