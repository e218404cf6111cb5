"""Tests for the race-detector kata: vector clocks, happens-before, and every racing pair.

Answers are checked against traces with known races, and against a plain oracle written here:
it lists the direct happens-before edges between every pair of events and closes them
transitively, O(n²), fine for the short traces hypothesis generates. A wrong pair is explained:
the chain of edges that orders it, or what the later event's thread had heard of the other
thread. Every call to your code counts the lines of it that run, so a loop that never ends is
stopped with a message instead of a timeout; the cost test puts a budget on that count on
traces of thousands of events. The tests never time your code.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from checker.harness.counting import BudgetExceeded, Counter, lines
from checker.harness.growth import LINEAR, assert_within, measure
from katas.stage4_concurrency.race_detector import VectorClock, find_races, happens_before

Event = tuple[str, str, str]
Trace = list[Event]

ACCESSES = ("read", "write")
HINT = "Try `katas hint race-detector`."
EXAMPLES = settings(max_examples=60)
SHOWN = 40  # a longer trace is shown only around the events that matter

# -- the oracle: happens-before by brute force ------------------------------------------------


def _edges_into(trace: Sequence[Event], j: int) -> list[tuple[int, str]]:
    """Every direct edge i -> j (i < j) of happens-before, with the rule that makes it."""
    tj, opj, xj = trace[j]
    edges = []
    for i in range(j):
        ti, opi, xi = trace[i]
        if ti == tj:
            why = "program order"
        elif opi == "release" and opj == "acquire" and xi == xj:
            why = f"a release of lock {xi}, then an acquire of it"
        elif opi == "fork" and xi == tj:
            why = f"{ti} forks {tj}, then an event of {tj}"
        elif opj == "join" and xj == ti:
            why = f"an event of {ti}, then {tj} joins {ti}"
        elif opi == "fork" and opj == "join" and xi == xj:  # the child ran, maybe doing nothing
            why = f"{ti} forks {xi}, then {tj} joins {xi}"
        else:
            continue
        edges.append((i, why))
    return edges


def _closure(trace: Sequence[Event]) -> list[set[int]]:
    """``before[j]``: every event that happens-before event j (edges only point forward)."""
    before: list[set[int]] = []
    for j in range(len(trace)):
        ahead: set[int] = set()
        for i, _ in _edges_into(trace, j):
            ahead |= before[i] | {i}
        before.append(ahead)
    return before


def _not_conflicting(trace: Sequence[Event], i: int, j: int) -> str | None:
    """Why events i and j cannot race, or None when they conflict."""
    (ti, opi, xi), (tj, opj, xj) = trace[i], trace[j]
    for k, op in ((i, opi), (j, opj)):
        if op not in ACCESSES:
            return f"event {k} is {'an' if op[0] in 'aeiou' else 'a'} {op}, not a read or a write"
    if xi != xj:
        return f"they access different variables, {xi} and {xj}"
    if ti == tj:
        return f"both are by thread {ti}, and one thread never races with itself"
    if opi == opj == "read":
        return "both are reads, and reads never conflict"
    return None


def _races(trace: Sequence[Event]) -> list[tuple[int, int]]:
    before = _closure(trace)
    return sorted(
        (i, j)
        for j in range(len(trace))
        for i in range(j)
        if _not_conflicting(trace, i, j) is None and i not in before[j]
    )


# -- explaining -------------------------------------------------------------------------------


def _event(trace: Sequence[Event], k: int) -> str:
    return f"event {k} ({' '.join(trace[k])})"


def _numbered(trace: Sequence[Event], focus: Sequence[int] = ()) -> str:
    """The trace one event per line; a long one only around the ``focus`` events."""
    if not trace:
        return "    (no events)"
    # A malformed trace is shown too, so an event may not be three strings.
    parts = [e if isinstance(e, tuple) and len(e) == 3 else (repr(e), "", "") for e in trace]
    width = max(len(str(t)) for t, _, _ in parts)
    keep = range(len(trace))
    if len(trace) > SHOWN:
        wanted = sorted({k for f in focus for k in range(f - 3, f + 4) if 0 <= k < len(trace)})
        keep = wanted[:SHOWN] or list(range(SHOWN))
    lines, last = [], -1
    for k in keep:
        if k != last + 1:
            lines.append("    ...")
        t, op, x = parts[k]
        lines.append(f"    {k:>4}  {t!s:<{width}}  {op!s:<8} {x!s}".rstrip())
        last = k
    if last != len(trace) - 1:
        lines.append(f"    ... ({len(trace)} events in all)")
    return "\n".join(lines)


def _chain(trace: Sequence[Event], i: int, j: int) -> list[tuple[int, str]]:
    """A shortest chain of direct edges from i to j, as (event, rule of the edge into it)."""
    into = {k: _edges_into(trace, k) for k in range(i + 1, j + 1)}
    came_from: dict[int, tuple[int, str]] = {}
    queue = deque([i])
    while queue:
        k = queue.popleft()
        for m in range(k + 1, j + 1):
            if m not in came_from:
                why = next((w for e, w in into[m] if e == k), None)
                if why is not None:
                    came_from[m] = (k, why)
                    queue.append(m)
    steps, k = [], j
    while k != i:
        previous, why = came_from[k]
        steps.append((k, why))
        k = previous
    return steps[::-1]


def _ordered_because(trace: Sequence[Event], i: int, j: int) -> str:
    steps = [_event(trace, i)] + [f"{_event(trace, k)} [{why}]" for k, why in _chain(trace, i, j)]
    return "\n        -> ".join(steps)


def _unordered_because(trace: Sequence[Event], before: list[set[int]], i: int, j: int) -> str:
    thread, other = trace[i][0], trace[j][0]
    heard = [k for k in before[j] if trace[k][0] == thread]
    if not heard:
        news = f"no event of {thread} happens-before event {j}"
    else:
        news = (
            f"the last event of {thread} that happens-before event {j} is "
            f"{_event(trace, max(heard))}, and event {i} comes after it"
        )
    return (
        f"no chain of program order, release -> acquire, fork or join edges leads from event "
        f"{i} to event {j}: {news}, so at event {j} thread {other} has not heard of event {i}"
    )


def _explain_pair(trace: Sequence[Event], before: list[set[int]], i: int, j: int) -> str:
    if not (0 <= i < j < len(trace)):
        return f"({i}, {j}) is not a pair of event indices i < j of this trace"
    reason = _not_conflicting(trace, i, j)
    if reason is not None:
        return f"({i}, {j}) cannot race: {reason}"
    if i in before[j]:
        return f"({i}, {j}) is no race, they are ordered:\n        " + _ordered_because(trace, i, j)
    return (
        f"({i}, {j}) races: {_event(trace, i)} and {_event(trace, j)} access "
        f"{trace[i][2]} from two threads, one writes, and "
        + _unordered_because(trace, before, i, j)
    )


def _pairs(got: object, call: str, trace: Sequence[Event]) -> list[tuple[int, int]]:
    """``got`` after checking it is a list of (i, j) tuples of ints."""
    ok = isinstance(got, list) and all(
        isinstance(p, tuple)
        and len(p) == 2
        and all(isinstance(k, int) and not isinstance(k, bool) for k in p)
        for p in got
    )
    if not ok:
        pytest.fail(
            f"{call} returned {got!r:.300} on this trace:\n{_numbered(trace)}\n"
            "It should return a list of (i, j) tuples of event indices, e.g. [(0, 3), (2, 3)]."
        )
    return got  # type: ignore[return-value]


def _check_races(trace: Sequence[Event], got: object, call: str = "find_races(trace)") -> None:
    """Fail with the trace, both answers and an explanation of each wrong pair."""
    got = _pairs(got, call, trace)
    expected = _races(trace)
    if got == expected:
        return
    extra = sorted(set(got) - set(expected))
    missing = sorted(set(expected) - set(got))
    wrong = [*extra, *missing]
    lines = [
        f"Called {call} on this trace:",
        _numbered(trace, [k for pair in wrong for k in pair]),
        f"It returned {got}, expected {expected}.",
    ]
    if not wrong:
        lines.append(
            "The pairs are right, but the list is not sorted or repeats a pair: return each "
            "racing pair once, in sorted order."
        )
    before = _closure(trace)
    for i, j in extra[:3]:
        lines.append(f"  Not a race, but returned: {_explain_pair(trace, before, i, j)}.")
    for i, j in missing[:3]:
        lines.append(f"  Missing: {_explain_pair(trace, before, i, j)}.")
    lines.append(HINT)
    pytest.fail("\n".join(lines))


# -- calling learner code with its lines counted ----------------------------------------------

CAP_BASE, CAP_PER_EVENT = 50_000, 2_000  # lines: far above any one-pass answer on a short trace


def _call(call: str, trace: Sequence[Event], function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` under a line cap; a crash gets the trace it crashed on as a note."""
    cap = CAP_BASE + CAP_PER_EVENT * len(trace)
    try:
        return lines(Counter(budget=cap), lambda: function(*args))
    except BudgetExceeded:
        pass  # failed below, outside the handler, so no chained traceback clutters the message
    except NotImplementedError:
        raise
    except Exception as error:
        error.add_note(f"It was raised by {call} on this trace:\n{_numbered(trace)}")
        raise
    pytest.fail(
        f"{call} ran more than {cap} lines of your code on this trace of {len(trace)} "
        f"events and was stopped:\n{_numbered(trace)}\nA loop that never ends? Check that "
        "every while loop moves its index, and that a walk back stops at the start."
    )


def _clock(counts: dict[str, int]) -> VectorClock:
    return VectorClock(dict(counts))


def _read(clock: VectorClock, threads: Sequence[str]) -> dict[str, int]:
    return {t: clock[t] for t in threads}


# -- vector clocks ----------------------------------------------------------------------------


def test_a_clock_counts_zero_for_every_thread_it_has_not_heard_of():
    got = (_read(VectorClock(), "AB"), _read(_clock({"A": 2}), "AB"))
    assert got == ({"A": 0, "B": 0}, {"A": 2, "B": 0}), (
        f"VectorClock() read as {got[0]} and VectorClock({{'A': 2}}) as {got[1]} (clock[t] for "
        "t in A, B); expected all zeros, then A: 2 and B: 0. A thread the clock has not heard "
        "of counts 0."
    )


def test_tick_adds_one_to_that_thread_only():
    clock = _clock({"A": 2, "B": 5})
    clock.tick("A")
    clock.tick("C")
    got = _read(clock, "ABC")
    assert got == {"A": 3, "B": 5, "C": 1}, (
        f"On VectorClock({{'A': 2, 'B': 5}}), tick('A') then tick('C') left it at {got}; "
        "expected A: 3, B: 5, C: 1."
    )


def test_join_keeps_the_larger_count_of_every_thread_and_leaves_the_other_clock_alone():
    clock, other = _clock({"A": 3, "B": 1}), _clock({"B": 4, "C": 2})
    clock.join(other)
    got = (_read(clock, "ABC"), _read(other, "ABC"))
    expected = ({"A": 3, "B": 4, "C": 2}, {"A": 0, "B": 4, "C": 2})
    assert got == expected, (
        "VectorClock({'A': 3, 'B': 1}).join(VectorClock({'B': 4, 'C': 2})) left the two "
        f"clocks at {got[0]} and {got[1]}; expected {expected[0]} and {expected[1]}: the max "
        "of each count, stored in the clock join was called on."
    )


def test_a_copy_shares_no_counts_with_its_original():
    clock = _clock({"A": 1})
    copy = clock.copy()
    clock.tick("A")
    copy.tick("B")
    got = (_read(clock, "AB"), _read(copy, "AB"))
    assert got == ({"A": 2, "B": 0}, {"A": 1, "B": 1}), (
        f"copy = clock.copy() of VectorClock({{'A': 1}}), then clock.tick('A') and "
        f"copy.tick('B'): clock reads {got[0]} and copy {got[1]}; expected A: 2, B: 0 and "
        "A: 1, B: 1. A lock keeps a copy of the releaser's clock: the releaser ticking on must "
        "not change it."
    )


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ({"A": 1, "B": 2}, {"A": 1, "B": 2}, True),
        ({"A": 1}, {"A": 2, "B": 1}, True),
        ({"A": 2}, {"A": 1, "B": 5}, False),
        ({"A": 1, "B": 0}, {"A": 0, "B": 1}, False),
        ({"B": 0}, {}, True),
        ({}, {"A": 1}, True),
    ],
    ids=["equal", "smaller", "one-count-larger", "concurrent", "zero-as-absent", "empty"],
)
def test_le_holds_exactly_when_no_count_is_larger(left, right, expected):
    got = _clock(left) <= _clock(right)
    assert bool(got) is expected, (
        f"VectorClock({left}) <= VectorClock({right}) returned {got!r}; expected {expected}. "
        "a <= b means every count of a is at most b's (a missing count is 0): b has heard "
        "of everything a has."
    )


counts = st.dictionaries(st.sampled_from("ABCD"), st.integers(0, 4), max_size=4)


@EXAMPLES
@given(counts, counts)
def test_join_and_le_agree_with_the_counts_thread_by_thread(left, right):
    """For any two clocks: a <= b iff every count of a is at most b's; after a.join(b) every
    count is the max of the two, so b <= a, and a <= b only if it was already equal."""
    a, b = _clock(left), _clock(right)
    expected = all(left.get(t, 0) <= right.get(t, 0) for t in "ABCD")
    assert bool(a <= b) is expected, (
        f"VectorClock({left}) <= VectorClock({right}) returned {a <= b!r}; expected {expected}."
    )
    a.join(b)
    joined = {t: max(left.get(t, 0), right.get(t, 0)) for t in "ABCD"}
    assert _read(a, "ABCD") == joined and bool(b <= a), (
        f"VectorClock({left}).join(VectorClock({right})) reads {_read(a, 'ABCD')}; expected "
        f"{joined}, the max of each count."
    )


# -- happens-before ---------------------------------------------------------------------------

HB_TRACE: Trace = [
    ("main", "write", "x"),
    ("main", "fork", "A"),
    ("main", "write", "y"),
    ("A", "acquire", "m"),
    ("A", "release", "m"),
    ("A", "write", "x"),
    ("B", "acquire", "m"),
    ("B", "release", "m"),
    ("main", "join", "A"),
    ("main", "read", "x"),
]


@pytest.mark.parametrize(
    ("i", "j", "expected"),
    [
        (0, 9, True),
        (0, 5, True),
        (2, 5, False),
        (4, 6, True),
        (0, 6, True),
        (5, 6, False),
        (5, 8, True),
        (7, 9, False),
        (6, 4, False),
        (3, 3, False),
    ],
    ids=[
        "program-order",
        "fork-then-the-child",
        "the-parent-after-the-fork-is-not-before-the-child",
        "release-then-acquire",
        "fork-release-acquire-transitively",
        "a-write-after-the-release-is-not-before-the-acquire",
        "the-child-then-the-join",
        "a-thread-nobody-joined-is-not-before-the-parent",
        "never-backwards",
        "never-before-itself",
    ],
)
def test_happens_before_answers_known_questions(i, j, expected):
    got = _call(f"happens_before(trace, {i}, {j})", HB_TRACE, happens_before, HB_TRACE, i, j)
    if got is expected:
        return
    if i >= j:
        why = (
            "an event never happens before itself"
            if i == j
            else "happens-before only points forward in the trace"
        )
    elif expected:
        why = "they are ordered:\n        " + _ordered_because(HB_TRACE, i, j)
    else:
        why = _unordered_because(HB_TRACE, _closure(HB_TRACE), i, j)
    pytest.fail(
        f"Called happens_before(trace, {i}, {j}) on this trace:\n{_numbered(HB_TRACE)}\n"
        f"It returned {got!r}, expected {expected}: {why}.\n{HINT}"
    )


@pytest.mark.parametrize("i, j", [(0, 10), (10, 0), (-1, 2), (2, -1)])
def test_happens_before_refuses_an_index_outside_the_trace(i, j):
    call = f"happens_before(trace, {i}, {j}) on a trace of {len(HB_TRACE)} events"
    try:
        got = _call(call, HB_TRACE, happens_before, HB_TRACE, i, j)
    except IndexError:
        return
    pytest.fail(
        f"Called {call}; it returned {got!r}. It should raise IndexError: event indices run "
        f"from 0 to {len(HB_TRACE) - 1}, and a negative one is no event either."
    )


# -- races on traces with known answers -------------------------------------------------------

KNOWN: list[tuple[str, Trace, list[tuple[int, int]]]] = [
    ("write-write", [("A", "write", "x"), ("B", "write", "x")], [(0, 1)]),
    ("read-write", [("A", "read", "x"), ("B", "write", "x")], [(0, 1)]),
    ("write-read", [("A", "write", "x"), ("B", "read", "x")], [(0, 1)]),
    ("read-read-is-no-race", [("A", "read", "x"), ("B", "read", "x"), ("C", "read", "x")], []),
    (
        "one-thread-never-races-with-itself",
        [("A", "write", "x"), ("A", "read", "x"), ("A", "write", "x")],
        [],
    ),
    ("different-variables-never-race", [("A", "write", "x"), ("B", "write", "y")], []),
    (
        "lock-protected-is-no-race",
        [
            ("A", "acquire", "m"),
            ("A", "write", "x"),
            ("A", "release", "m"),
            ("B", "acquire", "m"),
            ("B", "write", "x"),
            ("B", "release", "m"),
        ],
        [],
    ),
    (
        "two-different-locks-race",
        [
            ("A", "acquire", "m"),
            ("A", "write", "x"),
            ("A", "release", "m"),
            ("B", "acquire", "n"),
            ("B", "write", "x"),
            ("B", "release", "n"),
        ],
        [(1, 4)],
    ),
    (
        "released-before-the-write",
        [
            ("A", "acquire", "m"),
            ("A", "release", "m"),
            ("A", "write", "x"),
            ("B", "acquire", "m"),
            ("B", "read", "x"),
            ("B", "release", "m"),
        ],
        [(2, 4)],
    ),
    (
        "ordered-through-a-third-thread",
        [
            ("A", "acquire", "m"),
            ("A", "write", "x"),
            ("A", "release", "m"),
            ("B", "acquire", "m"),
            ("B", "release", "m"),
            ("B", "acquire", "n"),
            ("B", "release", "n"),
            ("C", "acquire", "n"),
            ("C", "read", "x"),
            ("C", "release", "n"),
        ],
        [],
    ),
    (
        "fork-orders-the-parents-earlier-write",
        [("main", "write", "x"), ("main", "fork", "A"), ("A", "read", "x"), ("A", "write", "x")],
        [],
    ),
    (
        "the-parents-write-after-the-fork-races",
        [("main", "fork", "A"), ("main", "write", "x"), ("A", "read", "x")],
        [(1, 2)],
    ),
    (
        "join-orders-the-childs-write",
        [("main", "fork", "A"), ("A", "write", "x"), ("main", "join", "A"), ("main", "read", "x")],
        [],
    ),
    (
        "a-read-before-the-join-races",
        [("main", "fork", "A"), ("A", "write", "x"), ("main", "read", "x"), ("main", "join", "A")],
        [(1, 2)],
    ),
    (
        "a-race-far-apart-behind-unrelated-synchronization",
        [
            ("A", "write", "x"),
            ("B", "acquire", "m"),
            ("B", "release", "m"),
            ("A", "acquire", "m"),
            ("A", "release", "m"),
            ("C", "acquire", "n"),
            ("C", "write", "y"),
            ("C", "release", "n"),
            ("A", "acquire", "n"),
            ("A", "read", "y"),
            ("A", "release", "n"),
            ("B", "read", "x"),
        ],
        [(0, 11)],
    ),
    (
        "every-racing-pair-is-listed",
        [("A", "write", "x"), ("A", "write", "x"), ("B", "read", "x"), ("C", "write", "x")],
        [(0, 2), (0, 3), (1, 2), (1, 3), (2, 3)],
    ),
    (
        "a-write-races-with-every-concurrent-read",
        [("A", "read", "x"), ("B", "read", "x"), ("C", "write", "x")],
        [(0, 2), (1, 2)],
    ),
]


@pytest.mark.parametrize(
    ("trace", "expected"), [(t, e) for _, t, e in KNOWN], ids=[name for name, _, _ in KNOWN]
)
def test_find_races_on_traces_with_known_answers(trace, expected):
    assert _races(trace) == expected  # the oracle and the table agree before judging anyone
    _check_races(trace, _call("find_races(trace)", trace, find_races, trace))


# -- malformed traces -------------------------------------------------------------------------

MALFORMED: list[tuple[str, Trace, int]] = [
    ("unknown-op", [("A", "write", "x"), ("A", "lock", "m")], 1),
    ("not-three-strings", [("A", "write", "x"), ("A", "read")], 1),
    (
        "release-of-a-lock-not-held",
        [("A", "acquire", "m"), ("A", "release", "m"), ("A", "release", "m")],
        2,
    ),
    (
        "release-of-a-lock-another-thread-holds",
        [("A", "acquire", "m"), ("B", "write", "x"), ("B", "release", "m")],
        2,
    ),
    ("acquire-of-a-held-lock", [("A", "acquire", "m"), ("A", "acquire", "m")], 1),
    ("fork-of-a-running-thread", [("B", "read", "x"), ("A", "fork", "B")], 1),
    ("fork-of-itself", [("A", "write", "x"), ("A", "fork", "A")], 1),
    ("join-of-itself", [("A", "write", "x"), ("A", "join", "A")], 1),
    (
        "an-event-after-the-join",
        [("A", "fork", "B"), ("B", "write", "x"), ("A", "join", "B"), ("B", "read", "x")],
        3,
    ),
]


@pytest.mark.parametrize(
    ("trace", "bad"), [(t, b) for _, t, b in MALFORMED], ids=[name for name, _, _ in MALFORMED]
)
def test_a_malformed_trace_raises_value_error_naming_the_first_bad_event(trace, bad):
    for call, function, args in (
        ("find_races(trace)", find_races, (trace,)),
        ("happens_before(trace, 0, 0)", happens_before, (trace, 0, 0)),
    ):
        try:
            outcome = f"It returned {_call(call, trace, function, *args)!r}"
        except ValueError as error:
            if re.search(rf"\bevent {bad}\b", str(error)):
                continue
            outcome = (
                f"It raised ValueError({str(error)!r}), whose message does not name the first "
                f"bad event as 'event {bad}' (e.g. 'event {bad}: ...what is wrong...')"
            )
        except NotImplementedError:
            raise
        except Exception as error:
            outcome = (
                f"It raised {type(error).__name__}({str(error)!r}); check each event before "
                "using it, so a malformed trace gets a ValueError that says what is wrong"
            )
        pytest.fail(
            f"Called {call} on this malformed trace:\n{_numbered(trace, [bad])}\n"
            f"{outcome}. It should raise ValueError naming event {bad}."
        )


# -- generated traces against the oracle ------------------------------------------------------

ROOTS = ("A", "B")  # running from the start
CHILDREN = ("C", "D")  # forked before they act
LOCKS = ("m", "n")
VARIABLES = ("x", "y")


def _well_formed(choices: bytes) -> Trace:
    """A trace that breaks no rule, one event per two bytes, which pick the thread, the op and
    the target among what is allowed at that point: locks are held before they are released, a
    child is forked before it acts, and nothing acts after its join. A second byte of 0 makes
    no event, so shrinking the bytes toward zero removes the events a failure does not need."""
    trace: Trace = []
    running, unborn = list(ROOTS), list(CHILDREN)
    holder: dict[str, str] = {}
    for p, q in zip(choices[::2], choices[1::2], strict=False):
        if not running:
            break
        if q == 0:
            continue
        who, which, what = p % 12, p // 12, q - 1
        thread = running[who % len(running)]
        held = [lock for lock in LOCKS if holder.get(lock) == thread]
        free = [lock for lock in LOCKS if lock not in holder]
        others = [t for t in running if t != thread]
        # Weighted: accesses and lock use often, forks and joins (which end a thread) rarely.
        ops = ["read", "write", "read", "write"]
        ops += ["acquire", "acquire"] * bool(free) + ["release", "release", "release"] * bool(held)
        ops += ["fork"] * bool(unborn) + ["join"] * bool(others)
        op = ops[what % len(ops)]
        if op in ACCESSES:
            target = VARIABLES[which % len(VARIABLES)]
        elif op == "acquire":
            target = free[which % len(free)]
            holder[target] = thread
        elif op == "release":
            target = held[which % len(held)]
            del holder[target]
        elif op == "fork":
            target = unborn.pop(0)
            running.append(target)
        else:
            target = others[which % len(others)]
            running.remove(target)
        trace.append((thread, op, target))
    return trace


MAX_EVENTS = 24


@st.composite
def well_formed_traces(draw: st.DrawFn, max_events: int = MAX_EVENTS) -> Trace:
    """Up to ``max_events`` events. The length is drawn first (a plain binary() would average
    a handful of bytes), then all the choices in one bytes value, which keeps hypothesis'
    bookkeeping small: a failure shrinks in well under a second."""
    n = draw(st.integers(0, max_events))
    return _well_formed(draw(st.binary(min_size=2 * n, max_size=2 * n)))


@EXAMPLES
@given(well_formed_traces())
def test_find_races_agrees_with_a_transitive_closure_on_any_well_formed_trace(trace):
    """For any well-formed trace, find_races lists exactly the conflicting pairs that the
    transitive closure of program order, release -> acquire, fork and join leaves unordered."""
    _check_races(trace, _call("find_races(trace)", trace, find_races, trace))


@st.composite
def questions(draw: st.DrawFn) -> tuple[Trace, list[tuple[int, int]]]:
    """A trace of up to 16 events and three pairs of its events, the earlier one first (a later
    event is never before an earlier one, and the known-answer test already asks that). Pairs
    come from uniform bytes, so they land anywhere in the trace."""
    trace = draw(well_formed_traces(max_events=16).filter(bool))
    raw = draw(st.binary(min_size=6, max_size=6))
    ends = [(a % len(trace), b % len(trace)) for a, b in zip(raw[::2], raw[1::2], strict=True)]
    return trace, [(min(pair), max(pair)) for pair in ends]


# Not shrunk: every question runs your code, so shrinking a failure took seconds, and a trace
# of at most 16 events reads well as found.
@settings(max_examples=60, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(questions())
def test_happens_before_agrees_with_a_transitive_closure_on_any_well_formed_trace(case):
    """For any well-formed trace and events i, j: happens_before(trace, i, j) is True exactly
    when a chain of edges leads from i to j, which needs i < j."""
    trace, pairs = case
    before = _closure(trace)
    for i, j in pairs:
        call = f"happens_before(trace, {i}, {j})"
        got = _call(call, trace, happens_before, trace, i, j)
        expected = i in before[j]
        if got is expected:
            continue
        if i >= j:
            why = "happens-before is strict and only points forward in the trace"
        elif expected:
            why = "they are ordered:\n        " + _ordered_because(trace, i, j)
        else:
            why = _unordered_because(trace, before, i, j)
        pytest.fail(
            f"Called {call} on this trace:\n{_numbered(trace, [i, j])}\n"
            f"It returned {got!r}, expected {expected}: {why}.\n{HINT}"
        )


# -- cost, counted in lines of your code ------------------------------------------------------

COST_SIZES = (256, 512, 1024, 2048)
# The reference solution runs about 50 lines per event; four times that leaves room for any
# one-pass design. Relating every pair of events, or every pair of accesses, needs far more.
LINES_PER_EVENT = 200


FAMILIES = {
    "one-lock": (
        "A, B, C and D take turns to read and write x while holding lock m: every pair of "
        "accesses conflicts, and none races."
    ),
    "unlocked-writer": (
        "A, B and C take turns to read and write x while holding lock m, and D writes x "
        "without it, first and last: each of D's writes races with every access by the "
        "others, and nothing else races."
    ),
}


def _block(thread: str) -> Trace:
    return [
        (thread, "acquire", "m"),
        (thread, "read", "x"),
        (thread, "write", "x"),
        (thread, "release", "m"),
    ]


@functools.cache
def _cost_case(family: str, n: int) -> tuple[tuple[Event, ...], tuple[tuple[int, int], ...]]:
    """A trace of n events of one of the FAMILIES, and its races, known by construction."""
    if family == "one-lock":
        trace = [e for b in range(n // 4) for e in _block("ABCD"[b % 4])]
        return tuple(trace), ()
    trace = [("D", "write", "x")]
    trace += [e for b in range((n - 4) // 4) for e in _block("ABC"[b % 3])]
    trace += [("A", "acquire", "m"), ("A", "release", "m"), ("D", "write", "x")]
    last = len(trace) - 1
    middle = [k for k in range(1, last) if trace[k][1] in ACCESSES]
    return tuple(trace), tuple([(0, k) for k in middle] + [(k, last) for k in middle])


def test_find_races_costs_a_constant_number_of_lines_per_event():
    def run(counter: Counter, family: str, n: int) -> None:
        trace, expected = _cost_case(family, n)
        got = lines(counter, lambda: find_races(list(trace)))
        if counter.total == 0:
            pytest.fail(
                f"find_races ran on {n} events without one line of your code being counted. "
                "Keep your code in katas/stage4_concurrency/race_detector.py (or in modules "
                "next to it) so the tests can count it."
            )
        if got != list(expected):
            got = _pairs(got, "find_races(trace)", trace)
            wrong = sorted(set(got) ^ set(expected))
            pytest.fail(
                f"On the {family} trace of {n} events, find_races(trace) returned "
                f"{len(got)} pairs, expected {len(expected)}; the first pair that differs is "
                f"{wrong[0] if wrong else '(none: the order or repeats differ)'}:\n"
                f"{_numbered(trace, list(wrong[0]) if wrong else [0])}\n"
                f"The {family} trace: {FAMILIES[family]}\n{HINT}"
            )

    m = measure(
        run,
        COST_SIZES,
        what=(
            "lines of your code run by find_races(trace) on n events, four threads and one "
            "lock m (one-lock: no races; unlocked-writer: about n races)"
        ),
        families=tuple(FAMILIES),
        budget=(LINES_PER_EVENT, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Relating every pair of events (a transitive closure), or comparing each access with "
        "every earlier access of its variable, costs O(n²). Keep one clock per thread and per "
        "lock, remember each access by its epoch, and per access look only at the accesses "
        "of each other thread that its clock has not heard of.",
    )
