"""Tests for the treiber-stack kata: no value lost or repeated, on every explored schedule.

Each stack runs under the deterministic scheduler (``checker.harness.schedule``) with its
nodes in a ``NodePool`` (``checker.harness.reclaim``) that hands freed nodes out again, oldest
first, and stops any thread that touches a freed node or frees one twice. A scenario pushes
and pops from two or three threads, then the main thread drains the stack; every value pushed
must come out exactly once. A failure prints the schedule step by step, with the pool's
allocations and frees, and a command that replays it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pytest

from checker.harness.reclaim import NodePool
from checker.harness.schedule import BLOCKING_KINDS, alone, explore, run_real, run_threads
from katas.stage4_concurrency.treiber_stack import HazardStack, TaggedStack, TreiberStack

ABA = (
    "This is the ABA problem. A thread read top = A and A.next = B and was paused; meanwhile "
    "other threads popped A (freeing it), and a push got the same node A back from the pool, "
    "so top was A again. The paused thread's compare_and_set(A, B) compared identity only and "
    "succeeded, installing B, a node no longer in the stack. Change the stamp with every "
    "successful compare_and_set, read together with the reference in one get(), so a node "
    "that came back no longer matches. Try `katas hint treiber-stack`."
)

# The three memory models a NodePool offers (see checker/harness/reclaim.py).
NO_REUSE = {"reuse": False, "stale_reads": True}  # garbage collected: nodes never come back
TYPE_STABLE = {"reuse": True, "stale_reads": True}  # freed nodes are reused; stale reads ok
STRICT = {"reuse": True, "stale_reads": False}  # touching a freed node is an error

Op = int | str  # an int is push(value); "pop" is pop()


@dataclass
class Report:
    """What one scenario did: values pushed, values each thread popped, and the pool."""

    pushed: list[int]
    popped: dict[str, list[Any]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    live: int = 0
    created: int = 0

    def __repr__(self) -> str:  # the outcome key explore() counts
        return f"popped={self.popped}"


def _describe(start: Sequence[int], plans: Sequence[Sequence[Op]]) -> str:
    def op(o: Op) -> str:
        return "pop()" if o == "pop" else f"push({o})"

    threads = "; ".join(
        f"T{i}: {', '.join(op(o) for o in plan)}" for i, plan in enumerate(plans, 1)
    )
    return (
        f"The stack started as {list(start)} (top first) and ran {threads}; then main popped "
        "until empty"
    )


def stack_scenario(
    make: Callable[[Any, NodePool], Any],
    pool_args: dict[str, bool],
    start: Sequence[int],
    plans: Sequence[Sequence[Op]],
) -> Callable[[Any], Report]:
    """Push ``start`` (bottom last), run one thread per plan, join them, drain, report."""

    def scenario(rt: Any) -> Report:
        pool = NodePool(rt, **pool_args)
        stack = make(rt, pool)
        for value in reversed(start):
            stack.push(value)
        pushed = list(start) + [o for plan in plans for o in plan if o != "pop"]
        report = Report(pushed)

        def work(name: str, plan: Sequence[Op]) -> None:
            got = report.popped.setdefault(name, [])
            for o in plan:
                if o == "pop":
                    got.append(stack.pop())
                else:
                    stack.push(o)

        run_threads(
            rt, **{f"T{i}": partial(work, f"T{i}", plan) for i, plan in enumerate(plans, 1)}
        )
        drained = report.popped.setdefault("drain", [])
        for _ in range(len(pushed) + 3):  # a corrupted stack may never look empty
            value = stack.pop()
            if value is None:
                break
            drained.append(value)
        report.errors = list(pool.errors)
        report.live = pool.live
        report.created = pool.created
        return report

    return scenario


def every_value_once(aba: bool) -> Callable[[Report], None]:
    """The check: no pool error, every pushed value popped exactly once, nothing else."""
    note = f"\n{ABA}" if aba else ""

    def check(report: Report) -> None:
        assert not report.errors, f"The node pool found: {report.errors[0]}{note}"
        seen = Counter(v for values in report.popped.values() for v in values if v is not None)
        pushed = Counter(report.pushed)
        who = {v: [name for name, values in report.popped.items() if v in values] for v in seen}
        twice = [v for v in seen if seen[v] > pushed[v]]
        assert not twice, (
            f"Value {twice[0]} was pushed {pushed[twice[0]]} time(s) but popped {seen[twice[0]]} "
            f"times (by {', '.join(who[twice[0]])}). Pops returned {report.popped}.{note}"
        )
        lost = sorted((pushed - seen).elements())
        assert not lost, (
            f"Value {lost[0]} was pushed but never popped, not even by the final drain: the "
            f"stack lost it. Pops returned {report.popped}.{note}"
        )

    return check


def hazard(threads: int = 3, scan_threshold: int = 1) -> Callable[[Any, NodePool], Any]:
    def make(rt: Any, pool: NodePool) -> HazardStack:
        return HazardStack(rt, pool, threads=threads, scan_threshold=scan_threshold)

    return make


# Each stack, the primitive its top must be, and the memory it must survive.
STACKS = [
    pytest.param(TreiberStack, "AtomicRef", NO_REUSE, id="TreiberStack"),
    pytest.param(TaggedStack, "AtomicStampedRef", TYPE_STABLE, id="TaggedStack"),
    pytest.param(hazard(), "AtomicRef", STRICT, id="HazardStack"),
]

# Two threads race a pop against pop, pop, push: the classic ABA window when nodes are reused.
# Small enough that the systematic search runs every schedule with up to two preemptions.
RACE_START, RACE_PLANS = [1, 2], [["pop"], ["pop", "pop", 3]]


# -- one thread ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("make", "kind", "memory"), STACKS)
def test_one_thread_pops_values_in_reverse_order_of_pushing(make, kind, memory):
    def scenario(rt):
        stack = make(rt, NodePool(rt, **STRICT))
        got = []
        for value in (1, 2, 3):
            stack.push(value)
        got.append(stack.pop())
        stack.push(4)
        got.extend(stack.pop() for _ in range(4))
        return got

    got, expected = alone(scenario), [3, 4, 2, 1, None]
    assert got == expected, (
        "One thread pushed 1, 2, 3, popped once, pushed 4 and popped four times. The pops "
        f"returned {got}, expected {expected}: last in, first out, and None once the stack is "
        "empty."
    )


@pytest.mark.parametrize(("make", "kind", "memory"), STACKS)
def test_pop_gives_every_node_back_to_the_pool(make, kind, memory):
    def scenario(rt):
        pool = NodePool(rt, **STRICT)
        stack = make(rt, pool)
        for round_ in range(3):
            for value in (1, 2):
                stack.push(10 * round_ + value)
            stack.pop()
            stack.pop()
        return pool.live, pool.created

    live, created = alone(scenario)
    assert live == 0 and created <= 2, (
        "One thread pushed two values and popped both, three times over. Afterwards the pool "
        f"had {live} node(s) still allocated and had made {created} in all; expected 0 and at "
        "most 2: pop must hand the node it removed back with pool.free(node) (the hazard stack "
        "through its scan), so the next push reuses it."
    )


@pytest.mark.parametrize(("make", "kind", "memory"), STACKS)
def test_no_operation_takes_a_lock_and_top_moves_by_compare_and_set(make, kind, memory):
    scenario = stack_scenario(make, memory, [1], [[2, "pop"], ["pop"]])
    name = make.__name__ if isinstance(make, type) else "HazardStack"

    def check(out):
        blocking = [s for s in out.steps if s.kind in BLOCKING_KINDS]
        assert not blocking, (
            f"{name} is meant to be lock-free, but step {blocking[0].index} was "
            f"`{blocking[0]}` ({blocking[0].kind}). A lock-free stack never waits for another "
            "thread: read top, prepare, compare_and_set, and retry if it moved."
        )
        cas = [s for s in out.steps if s.op == "compare_and_set" and s.kind == kind]
        assert cas, (
            f"{name} changed top without a compare_and_set on an rt.{kind}; its steps were: "
            f"{', '.join(sorted({f'{s.op} {s.kind}' for s in out.steps}))}."
        )

    explore(
        scenario,
        strategy="random",
        schedules=3,
        check_outcome=check,
        what=f"{name}: two threads pushed and popped",
    )


# -- the plain stack ---------------------------------------------------------------------------


def test_the_plain_stack_keeps_every_value_while_nodes_are_never_reused():
    start, plans = RACE_START, RACE_PLANS
    scenario = stack_scenario(TreiberStack, NO_REUSE, start, plans)
    explore(
        scenario,
        strategy="dfs",
        schedules=150,
        check=every_value_once(aba=False),
        what=f"TreiberStack over a pool that never reuses nodes. {_describe(start, plans)}",
    )


# -- tags ------------------------------------------------------------------------------------------


def test_the_tagged_stack_keeps_every_value_while_nodes_are_reused():
    start, plans = RACE_START, RACE_PLANS
    scenario = stack_scenario(TaggedStack, TYPE_STABLE, start, plans)
    explore(
        scenario,
        strategy="dfs",
        schedules=150,
        check=every_value_once(aba=True),
        what=(
            "TaggedStack over a pool that reuses freed nodes (a popped node comes back at the "
            f"same address; only the stamp can tell). {_describe(start, plans)}"
        ),
    )


# -- hazard pointers -----------------------------------------------------------------------------


def test_the_hazard_stack_keeps_every_value_while_nodes_are_reused():
    start, plans = RACE_START, RACE_PLANS
    scenario = stack_scenario(hazard(), STRICT, start, plans)
    explore(
        scenario,
        strategy="dfs",
        schedules=120,
        check=every_value_once(aba=False),
        what=(
            "HazardStack(threads=3, scan_threshold=1) over a pool that reuses freed nodes and "
            f"stops any access to one. {_describe(start, plans)}"
        ),
    )


def test_no_thread_touches_a_node_the_hazard_stack_freed():
    start, plans = [1, 2, 3], [["pop"], ["pop", 4], ["pop", "pop"]]
    scenario = stack_scenario(hazard(threads=4), STRICT, start, plans)
    explore(
        scenario,
        strategy="pct",
        schedules=40,
        check=every_value_once(aba=False),
        what=(
            "Three threads on HazardStack(threads=4, scan_threshold=1), a scan after every pop. "
            f"{_describe(start, plans)}"
        ),
    )


def test_retired_nodes_are_reclaimed_so_memory_stays_bounded():
    threads, threshold, rounds = 3, 2, 6
    plans = [[v for r in range(rounds) for v in (10 * t + r, "pop")] for t in (1, 2)]
    scenario = stack_scenario(hazard(threads, threshold), STRICT, [], plans)
    bound = threads * max(threshold, threads)

    def check(report: Report) -> None:
        every_value_once(aba=False)(report)
        assert report.live <= bound, (
            f"Two threads each pushed and popped {rounds} times on HazardStack(threads="
            f"{threads}, scan_threshold={threshold}), and main drained it. Afterwards "
            f"{report.live} popped nodes were still not freed; at most {bound} may wait (each "
            f"thread scans once it holds {threshold} retired nodes, and a scan keeps only the "
            f"nodes other threads' hazard slots name). Retire every popped node and scan when "
            "the list reaches scan_threshold, freeing each node no slot names."
        )

    explore(scenario, strategy="random", schedules=8, check=check)


# -- real threads ---------------------------------------------------------------------------------


def test_the_stacks_run_on_real_threads():
    def scenario(rt):
        results = {}
        for name, make, args in (
            ("TreiberStack", TreiberStack, NO_REUSE),
            ("TaggedStack", TaggedStack, TYPE_STABLE),
            ("HazardStack", hazard(threads=3, scan_threshold=2), STRICT),
        ):
            report = stack_scenario(make, args, [1, 2], [[3, "pop", 4], ["pop", "pop"]])(rt)
            every_value_once(aba=False)(report)
            results[name] = sorted(v for vs in report.popped.values() for v in vs if v)
        return results

    got = run_real(scenario)
    assert got == {name: [1, 2, 3, 4] for name in ("TreiberStack", "TaggedStack", "HazardStack")}
