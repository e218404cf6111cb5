"""The node pool: reuse of freed nodes, use-after-free and double-free detection, ABA on demand."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from checker.harness.reclaim import (
    DoubleFree,
    ForeignNode,
    NodePool,
    UseAfterFree,
)
from checker.harness.schedule import (
    ScheduleFailure,
    alone,
    explore,
    run_once,
    run_real,
    run_threads,
)

# -- a naive Treiber stack: the demonstration that reuse reproduces ABA -----------------------


class NaiveStack:
    """Treiber's stack with CAS on identity only, freeing popped nodes."""

    def __init__(self, rt: Any, pool: NodePool) -> None:
        self.pool = pool
        self.top = rt.AtomicRef(None, name="top")

    def push(self, value: int) -> None:
        node = self.pool.allocate(value=value, next=None)
        while True:
            old = self.top.get()
            node.next = old
            if self.top.compare_and_set(old, node):
                return

    def pop(self) -> int | None:
        while True:
            old = self.top.get()
            if old is None:
                return None
            nxt = old.next
            if self.top.compare_and_set(old, nxt):
                value = old.value
                self.pool.free(old)
                return value


def naive_race(**pool_args: bool):
    """T1 pops while T2 pops twice and pushes: the classic ABA window; main drains."""

    def scenario(rt):
        pool = NodePool(rt, **pool_args)
        stack = NaiveStack(rt, pool)
        stack.push(2)
        stack.push(1)
        popped: list[Any] = []

        def t1():
            popped.append(stack.pop())

        def t2():
            popped.extend([stack.pop(), stack.pop()])
            stack.push(3)

        run_threads(rt, T1=t1, T2=t2)
        for _ in range(5):
            if (value := stack.pop()) is None:
                break
            popped.append(value)
        return sorted(v for v in popped if v is not None)

    return scenario


def every_value_once(popped: list[int]) -> None:
    assert popped == [1, 2, 3], f"pushed 1, 2, 3 but popped {popped}"


def test_without_reuse_the_naive_stack_is_correct_on_every_bounded_schedule():
    seen = explore(
        naive_race(reuse=False, stale_reads=True),
        strategy="dfs",
        schedules=1_000,
        check=every_value_once,
    )
    assert seen.exhausted
    assert seen.outcomes == {"[1, 2, 3]": seen.schedules}


def test_with_reuse_exploration_reproduces_aba_and_the_message_explains_it():
    with pytest.raises(ScheduleFailure) as caught:
        explore(
            naive_race(reuse=True, stale_reads=True),
            strategy="dfs",
            schedules=200,
            check=every_value_once,
        )
    text = str(caught.value)
    assert "with 1 preemption" in text
    assert "Double free" in text
    assert "the ABA problem" in text
    assert "allocate n2 (reused)" in text  # the node coming back is in the listing
    assert "(stale: n1 is free)" in text


def test_with_reuse_and_strict_memory_the_first_symptom_is_a_use_after_free_or_double_free():
    with pytest.raises(ScheduleFailure) as caught:
        explore(naive_race(reuse=True), strategy="random", schedules=200, check=every_value_once)
    assert "Use after free" in str(caught.value) or "Double free" in str(caught.value)


# -- allocation and reuse -----------------------------------------------------------------------


def test_allocate_reuses_the_oldest_freed_node_with_fresh_fields():
    def scenario(rt):
        pool = NodePool(rt)
        a, b = pool.allocate(value=1), pool.allocate(value=2)
        pool.free(a)
        pool.free(b)
        c = pool.allocate(value=3, next=None)
        return c is a, c.value, c.fields(), pool.created, pool.live, pool.allocations, pool.frees

    assert alone(scenario) == (True, 3, ("value", "next"), 2, 1, 3, 2)


def test_a_pool_without_reuse_never_hands_a_freed_node_out_again():
    def scenario(rt):
        pool = NodePool(rt, reuse=False)
        a = pool.allocate(value=1)
        pool.free(a)
        return pool.allocate(value=2) is a, pool.created

    assert alone(scenario) == (False, 2)


def test_fields_read_and_write_by_attribute_or_item_each_in_one_scheduled_step():
    def scenario(rt):
        pool = NodePool(rt, name="v")
        node = pool.allocate({"x": 1, "y": 2})
        node["x"] = 10
        node.y = 20
        return node.x, node["y"], node.get("z", "none"), "x" in node, list(node)

    out = run_once(scenario)
    assert out.failure is None, out.message
    assert out.result == (10, 20, "none", True, ["x", "y"])
    steps = [(s.op, s.obj, s.kind) for s in out.steps]
    assert ("allocate", "v1", "NodePool") in steps
    assert ("set", "v1.x", "AtomicRef") in steps
    assert ("get", "v1.y", "AtomicRef") in steps


def test_an_unknown_field_names_the_fields_the_node_has():
    def scenario(rt):
        node = NodePool(rt).allocate(value=1, next=None)
        return node.nxt

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "node n1 has no field 'nxt'; its fields are value, next" in str(caught.value)


# -- faults ---------------------------------------------------------------------------------------


def _freed_then_read(rt):
    pool = NodePool(rt)
    node = pool.allocate(value=1, next=None)

    def reader():
        node.next  # noqa: B018 (the read is the point)

    pool.free(node)
    run_threads(rt, T1=reader)


def test_reading_a_freed_node_names_the_node_the_thread_and_the_steps():
    with pytest.raises(ScheduleFailure) as caught:
        explore(_freed_then_read, schedules=1)
    text = str(caught.value)
    assert "UseAfterFree: Use after free: T1 read n1.next at step" in text
    assert "but n1 was freed by main at step 3" in text
    assert "node.next" in text  # the line of the code that read it


def test_writing_a_freed_node_is_an_error_even_where_stale_reads_are_allowed():
    def scenario(rt):
        pool = NodePool(rt, stale_reads=True)
        node = pool.allocate(value=1)
        pool.free(node)
        node.value = 2

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "Use after free: main wrote n1.value" in str(caught.value)


def test_a_stale_read_returns_what_the_reused_node_holds_now_and_says_so():
    def scenario(rt):
        pool = NodePool(rt, stale_reads=True)
        node = pool.allocate(value=1)
        pool.free(node)
        first = node.value  # freed: old contents
        pool.allocate(value=2)  # the same node again
        return first, node.value

    out = run_once(scenario)
    assert out.result == (1, 2)
    assert any("(stale: n1 is free)" in s.detail for s in out.steps)


def _parked_reader(rt):
    pool = NodePool(rt, stale_reads=True)
    node = pool.allocate(value="old")
    got = []

    def reader():
        got.append(node.value)

    t = rt.Thread(target=reader, name="R")
    t.start()
    rt.AtomicRef(None, name="marker").set(1)  # a scheduling point: R may read first
    pool.free(node)
    pool.allocate(value="new")
    t.join()
    return got[0]


def test_a_reader_parked_while_its_node_is_reused_reads_the_new_contents():
    # On some schedules the reader reads before the free; on others it is parked at its read
    # while the node is freed and handed out again, and then it reads what the node holds now.
    seen = explore(_parked_reader, strategy="dfs", schedules=50)
    assert set(seen.outcomes) == {"'old'", "'new'"}
    parked = run_once(_parked_reader, seed=0)
    assert parked.result == "new"
    assert "R: get n1.value -> 'new' (n1 was reused meanwhile)" in map(str, parked.steps)


def test_a_double_free_names_both_frees():
    def scenario(rt):
        pool = NodePool(rt)
        node = pool.allocate(value=1)
        pool.free(node)

        def again():
            pool.free(node)

        run_threads(rt, T2=again)

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    text = str(caught.value)
    assert "DoubleFree: Double free: T2 freed n1 at step" in text
    assert "but main had already freed it at step 3" in text
    assert "free n1 (already free!)" in text


def test_freeing_something_that_is_not_a_node_of_the_pool_is_refused():
    def scenario(rt):
        one, other = NodePool(rt), NodePool(rt, name="m")
        one.free(other.allocate(value=1))

    with pytest.raises(ScheduleFailure) as caught:
        explore(scenario, schedules=1)
    assert "ForeignNode: main called free(m1)" in str(caught.value)


def test_a_fault_the_code_under_test_swallows_is_still_recorded():
    def scenario(rt):
        pool = NodePool(rt)
        node = pool.allocate(value=1)
        pool.free(node)
        with contextlib.suppress(Exception):  # careless code hides the error ...
            node.value  # noqa: B018
        return pool.errors

    errors = alone(scenario)
    assert len(errors) == 1 and errors[0].startswith("Use after free")  # ... the pool does not


def test_the_faults_are_assertion_errors_of_their_own_kinds():
    assert issubclass(UseAfterFree, AssertionError)
    assert issubclass(DoubleFree, AssertionError)
    assert issubclass(ForeignNode, AssertionError)


# -- real threads ---------------------------------------------------------------------------------


def test_the_pool_runs_on_real_threads_and_still_catches_faults():
    def scenario(rt):
        pool = NodePool(rt)
        stack = NaiveStack(rt, pool)
        run_threads(rt, **{f"T{i}": lambda i=i: [stack.push(i), stack.pop()] for i in range(3)})
        node = pool.allocate(value=1)
        pool.free(node)
        with pytest.raises(DoubleFree, match="on real threads"):
            pool.free(node)
        return pool.live, len(pool.errors)

    assert run_real(scenario) == (0, 1)
