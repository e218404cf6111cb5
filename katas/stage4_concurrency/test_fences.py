"""Tests for the memory-fences kata: your TSO rules, Peterson's lock on TSO, and the question.

No real threads run here. The harness (``checker.harness.tso``) explores every interleaving of
thread steps and store-buffer drains, breadth first, remembering the states it has seen, so a
spin loop ends the search and every verdict is the same on every run. A failure prints the
shortest interleaving that shows it, one step per line: the thread, the instruction, and what
it did to registers, buffers and memory.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.tso import (
    LITMUS,
    REORDERINGS,
    TSO,
    Exploration,
    Fence,
    Label,
    Load,
    ProgramError,
    SemanticsError,
    StateLimitExceeded,
    Store,
    View,
    assemble,
    explore,
    format_outcome,
    listing,
    mutual_exclusion_broken,
    tso_with,
)
from katas.stage4_concurrency.fences import (
    drain_one,
    fence_can_pass,
    peterson,
    tso_load,
    tso_reorderings,
    tso_store,
)

HINT = "Try `katas hint memory-fences`."
VARIABLES = {"flag0", "flag1", "turn"}
ROUNDS = pytest.mark.parametrize("rounds", [1, 2], ids=["rounds=1", "rounds=2"])


def _call(call: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, or a clear failure naming ``call`` if it raises.

    NotImplementedError passes through: the checker reports it as "not started".
    """
    try:
        return fn(*args)
    except NotImplementedError:
        raise
    except Exception as error:
        problem = f"{call} raised {type(error).__name__}: {error}"
    pytest.fail(problem)


# -- 1. the TSO rules ---------------------------------------------------------------------------


def test_a_store_goes_into_the_buffer_after_every_older_store():
    for buffer, var, value, expected in [
        ((), "x", 1, (("x", 1),)),
        ((("x", 1), ("y", 2)), "x", 3, (("x", 1), ("y", 2), ("x", 3))),
    ]:
        got = _call(f"tso_store({buffer!r}, {var!r}, {value})", tso_store, buffer, var, value)
        assert got == expected and isinstance(got, tuple), (
            f"tso_store({buffer!r}, {var!r}, {value}) returned {got!r}; expected {expected!r}: "
            "a tuple (so a state can be remembered) with the new store last, behind every "
            "older one, even an older store to the same variable."
        )


def test_a_load_reads_the_newest_store_to_that_variable_in_its_own_buffer():
    buffer, memory = (("x", 1), ("y", 5), ("x", 2)), {"x": 0, "y": 0}
    for var, expected in [("x", 2), ("y", 5)]:
        got = _call(f"tso_load({buffer!r}, {memory!r}, {var!r})", tso_load, buffer, memory, var)
        assert got == expected, (
            f"tso_load({buffer!r}, {memory!r}, {var!r}) returned {got!r}; expected {expected}. "
            "A core reads its own stores at once, before they reach memory (store "
            "forwarding), and of two stores to one variable the newer wins."
        )


def test_a_load_with_no_own_store_to_that_variable_reads_memory():
    for buffer, memory, var, expected in [
        ((("x", 1),), {"x": 0, "y": 7}, "y", 7),
        ((), {"x": 4}, "x", 4),
    ]:
        got = _call(f"tso_load({buffer!r}, {memory!r}, {var!r})", tso_load, buffer, memory, var)
        assert got == expected, (
            f"tso_load({buffer!r}, {memory!r}, {var!r}) returned {got!r}; expected {expected}: "
            f"the buffer holds no store to {var!r}, so the load reads memory."
        )


def test_drain_one_writes_the_oldest_store_to_memory_and_changes_neither_argument():
    buffer, memory = (("x", 1), ("y", 2), ("x", 3)), {"x": 0, "y": 0}
    call = f"drain_one({buffer!r}, {memory!r})"
    got = _call(call, drain_one, buffer, memory)
    expected = ((("y", 2), ("x", 3)), {"x": 1, "y": 0})
    ok = isinstance(got, tuple) and len(got) == 2 and isinstance(got[0], (tuple, list))
    assert ok and (tuple(got[0]), got[1]) == expected, (
        f"{call} returned {got!r}; expected {expected!r}: the OLDEST store, x = 1, leaves the "
        "buffer and is written to memory. The buffer is first in, first out; that is what "
        "keeps other threads from seeing two stores in the wrong order."
    )
    assert memory == {"x": 0, "y": 0}, (
        f"{call} changed the memory it was given to {memory!r}. Return a new dict: the "
        "explorer keeps the state before the drain too, and other interleavings start from it."
    )


def test_a_fence_passes_only_once_its_threads_buffer_is_empty():
    for buffer, expected in [((), True), ((("x", 1),), False), ((("x", 1), ("y", 0)), False)]:
        got = _call(f"fence_can_pass({buffer!r})", fence_can_pass, buffer)
        assert got is expected, (
            f"fence_can_pass({buffer!r}) returned {got!r}; expected {expected}. A fence waits "
            "until every store before it has reached memory, that is, until the buffer is empty."
        )


YOURS = tso_with(
    store=tso_store, load=tso_load, drain=drain_one, fence_ready=fence_can_pass, name="yours"
)


def _outcomes_of(threads: Sequence[Sequence[Any]], machine: Any) -> Exploration:
    try:
        return explore(threads, machine=machine)
    except SemanticsError as error:
        problem = str(error)  # failed outside the handler: no chained traceback to wade through
    pytest.fail(f"Exploring a program with your rules stopped: {problem}")


def _compare(what: str, threads: Sequence[Sequence[Any]]) -> None:
    """Fail, with the interleaving that shows the difference, unless your rules give TSO's."""
    yours, reference = _outcomes_of(threads, YOURS), explore(threads, machine=TSO)
    if yours.outcomes == reference.outcomes:
        return
    shown = "\n".join(
        f"      {'yours' if o in yours.outcomes else '     '} "
        f"{'TSO' if o in reference.outcomes else '   '}  {format_outcome(o)}"
        for o in sorted(yours.outcomes | reference.outcomes)
    )
    extra = sorted(yours.outcomes - reference.outcomes)
    if extra:
        path = yours.witness(extra[0])
        story = (
            f"Your rules reach `{format_outcome(extra[0])}`, which TSO never does. With your "
            f"rules it goes like this:\n{path}"
        )
    else:
        missing = sorted(reference.outcomes - yours.outcomes)[0]
        path = reference.witness(missing)
        story = (
            f"TSO reaches `{format_outcome(missing)}`, which your rules never do. On TSO it "
            f"goes like this:\n{path}"
        )
    pytest.fail(
        f"{what}:\n{listing(threads)}\nThe final outcomes (registers as thread:register, "
        f"then memory):\n{shown}\n{story}\n"
        "Check each rule against the step that goes wrong above: which store should a load "
        "see, and which store reaches memory first?"
    )


@pytest.mark.parametrize("litmus", LITMUS, ids=[t.name.split("(")[-1].strip(")") for t in LITMUS])
def test_your_rules_give_exactly_the_tso_outcomes_of_each_litmus_test(litmus):
    _compare(f"With your four rules, the litmus test {litmus.name}", litmus.threads)


instruction = st.one_of(
    st.builds(Store, st.sampled_from("xy"), st.integers(1, 2)),
    st.builds(Load, st.sampled_from(["r0", "r1"]), st.sampled_from("xy")),
    st.just(Fence()),
)
# Up to two threads of four instructions, or three of two (IRIW's shape): both explore in
# milliseconds; three threads of four would take a tenth of a second each.
programs = st.one_of(
    st.lists(st.lists(instruction, min_size=1, max_size=4), min_size=1, max_size=2),
    st.lists(st.lists(instruction, min_size=1, max_size=2), min_size=3, max_size=3),
)


@settings(max_examples=30)
@given(programs)
def test_your_rules_give_exactly_the_tso_outcomes_of_any_small_program(threads):
    """For any one or two threads of up to four stores, loads and fences (or three of two),
    your rules and the reference TSO give the same set of final outcomes."""
    _compare("With your four rules, this program", threads)


# -- 2. Peterson's lock -------------------------------------------------------------------------


def _program(me: int, rounds: int) -> tuple[Any, ...]:
    """``peterson(me, rounds)``, checked: a runnable program on flag0, flag1 and turn."""
    call = f"peterson({me}, {rounds})"
    program = _call(call, peterson, me, rounds)
    try:
        assembled = assemble(program, me)
    except ProgramError as error:
        problem = str(error)
    else:
        problem = ""
    if problem:
        pytest.fail(f"{call} returned a program that cannot run: {problem}")
    others = sorted(assembled.variables - VARIABLES)
    if others:
        pytest.fail(
            f"{call} uses the variable(s) {', '.join(others)}; Peterson's lock needs only "
            "flag0, flag1 and turn (registers, the first argument of Load, are free)."
        )
    return tuple(program)


def _threads(rounds: int) -> tuple[tuple[Any, ...], ...]:
    return _program(0, rounds), _program(1, rounds)


@functools.cache
def _explored_or_why(threads: tuple[tuple[Any, ...], ...]) -> Exploration | str:
    try:
        return explore(threads, machine=TSO)
    except StateLimitExceeded as error:
        return str(error)


def _explore(threads: tuple[tuple[Any, ...], ...], call: str) -> Exploration:
    """Every TSO state of ``threads``, explored once per program and shared between tests."""
    found = _explored_or_why(threads)
    if isinstance(found, str):
        pytest.fail(f"Exploring {call} on TSO: {found}\nThe programs:\n{listing(threads)}")
    return found


def _both(rounds: int) -> str:
    return f"peterson(0, {rounds}) and peterson(1, {rounds})"


@ROUNDS
def test_two_threads_are_never_in_the_critical_section_together_on_tso(rounds):
    ex = _explore(_threads(rounds), _both(rounds))
    path = ex.find(mutual_exclusion_broken)
    if path is not None:
        pytest.fail(
            f"Ran {_both(rounds)} on TSO and explored all {ex.states} states. On this "
            f"interleaving both threads are in the critical section at once:\n{path}\n"
            "Look for a load that ran while a store before it, in the same thread, still sat "
            "in the buffer where the other thread cannot see it. Which store must reach memory "
            f"before which load? {HINT}"
        )


@ROUNDS
def test_both_threads_can_always_finish_without_deadlock_or_endless_spinning(rounds):
    ex = _explore(_threads(rounds), _both(rounds))
    path = ex.stuck()
    if path is not None:
        pytest.fail(
            f"Ran {_both(rounds)} on TSO and explored all {ex.states} states. Some "
            f"interleaving gets here, and from here none lets both threads finish:\n{path}\n"
            "Does each release lower its own flag? Does the wait loop wait only while the "
            f"other thread wants in AND it is the other's turn? {HINT}"
        )


@ROUNDS
def test_every_finished_run_enters_the_critical_section_rounds_times_per_thread(rounds):
    ex = _explore(_threads(rounds), _both(rounds))
    if not ex.finals:
        pytest.fail(
            f"Ran {_both(rounds)} on TSO: no interleaving ever finishes both threads. See "
            "test_both_threads_can_always_finish_without_deadlock_or_endless_spinning."
        )
    for state in ex.finals:
        view = View(ex, state)
        entered = [view.entries(t) for t in (0, 1)]
        if entered != [rounds, rounds] or any(view.inside):
            pytest.fail(
                f"Ran {_both(rounds)} on TSO. In this finished run the threads entered the "
                f"critical section {entered[0]} and {entered[1]} times; each should enter "
                f"{rounds} time(s), and leave each time:\n{ex.path_to(state)}\n"
                "Each round is: acquire, Enter(), Leave(), release."
            )


@pytest.mark.parametrize("me", [0, 1], ids=["thread 0 alone", "thread 1 alone"])
def test_a_thread_running_alone_gets_through_the_lock(me):
    program = _program(me, 2)
    threads = (program, ()) if me == 0 else ((), program)
    ex = _explore(threads, f"peterson({me}, 2) with the other thread doing nothing")
    stuck = ex.stuck()
    if stuck is not None:
        pytest.fail(
            f"Ran peterson({me}, 2) alone: the other thread runs an empty program, so it never "
            f"wants the lock. Thread {me} gets stuck here:\n{stuck}\n"
            "A lock must let a thread in when nobody else wants it: Peterson's waits only "
            "while the other thread's flag is up."
        )
    if not ex.finals or any(View(ex, s).entries(me) != 2 for s in ex.finals):
        pytest.fail(
            f"Ran peterson({me}, 2) alone: it did not finish having entered the critical "
            "section twice. Each round is: acquire, Enter(), Leave(), release."
        )


def _fences(program: Sequence[Any]) -> list[int]:
    return [i for i, x in enumerate(program) if isinstance(x, Fence)]


def _where(program: Sequence[Any], i: int) -> str:
    """Where item ``i`` sits, e.g. "between `turn = 1` and `wait0: f = flag1`"."""
    before = next((str(x) for x in reversed(program[:i]) if not isinstance(x, Label)), None)
    after, label = None, ""
    for x in program[i + 1 :]:
        if isinstance(x, Label):
            label = f"{x.name}: "
            continue
        after = f"{label}{x}"
        break
    if before and after:
        return f"between `{before}` and `{after}`"
    if before:
        return f"after `{before}`, at the end"
    return f"at the start, before `{after}`" if after else "alone"


@ROUNDS
def test_peterson_has_at_most_one_fence_per_lock_acquire(rounds):
    for me, program in enumerate(_threads(rounds)):
        where = [_where(program, i) for i in _fences(program)]
        if len(where) > rounds:
            pytest.fail(
                f"peterson({me}, {rounds}) has {len(where)} fences: "
                + "; ".join(where)
                + f". The rule is at most one per lock acquire, {rounds} here. TSO already "
                "keeps stores in order and loads in order: only one kind of reordering needs "
                "a fence."
            )


def test_every_fence_is_needed_removing_any_one_lets_two_threads_in():
    rounds = 2
    threads = _threads(rounds)
    ex = _explore(threads, _both(rounds))
    if ex.find(mutual_exclusion_broken) is not None or ex.stuck() is not None:
        pytest.fail(
            f"{_both(rounds)} do not yet keep mutual exclusion and always finish on TSO; make "
            "those tests pass first: this one removes your fences one at a time from a "
            "working lock."
        )
    for me, program in enumerate(threads):
        for i in _fences(program):
            fewer = list(threads)
            fewer[me] = program[:i] + program[i + 1 :]
            try:
                without = explore(fewer, machine=TSO, stop_at=mutual_exclusion_broken)
                needed = without.found is not None or without.stuck() is not None
            except StateLimitExceeded:
                needed = True  # the lock fell apart without it: the fence does work
            if not needed:
                pytest.fail(
                    f"Removed one fence from peterson({me}, {rounds}), the one "
                    f"{_where(program, i)}, and explored all {without.states} TSO states: "
                    "mutual exclusion still holds and both threads can still always finish. "
                    "That fence drains the buffer for nothing; take it out. A release needs no "
                    f"fence on TSO, and stores already reach memory in program order. {HINT}"
                )


# -- 3. the question ----------------------------------------------------------------------------


def test_tso_breaks_only_the_program_orders_its_litmus_tests_show():
    got = _call("tso_reorderings()", tso_reorderings)
    names = set(REORDERINGS)
    if (
        not isinstance(got, (set, frozenset, list, tuple))
        or not all(isinstance(x, str) for x in got)
        or not set(got) <= names
    ):
        pytest.fail(
            f"tso_reorderings() returned {got!r}; return a set of some of "
            f"{', '.join(sorted(names))}."
        )
    lines = []
    for name, litmus in REORDERINGS.items():
        ex = explore(litmus.threads, machine=TSO)
        allowed = litmus.shows(ex.outcomes)
        if allowed == (name in got):
            continue
        relaxed = " ".join(f"{k}={v}" for k, v in litmus.relaxed)
        said = "may break" if name in got else "keeps"
        lines.append(
            f"{name}: you say TSO {said} it. The litmus test {litmus.name} asks: "
            f"{litmus.question}\n{litmus.listing()}"
        )
        if allowed:
            witness = next(ex.path_to(s) for s in ex.finals if litmus.shows([ex.outcome(s)]))
            lines.append(f"  On TSO, {relaxed} happens, like this:\n{witness}")
        else:
            lines.append(
                f"  On TSO no interleaving of steps and buffer drains gives {relaxed} "
                f"(all {ex.states} states explored)."
            )
    if lines:
        pytest.fail(
            f"tso_reorderings() returned {sorted(got)}. Each order settled on the reference "
            "TSO machine:\n" + "\n".join(lines)
        )
