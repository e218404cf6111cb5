"""Tests for the data-races kata: explored schedules, not real threads, decide every verdict.

Each test builds a scenario (threads calling your ``Counter`` or ``Bank``) and hands it to the
harness's scheduler, which runs it under many interleavings: depth-first over every schedule
with at most two preemptions where the scenario is small, seeded random walks otherwise. A
failure names what was called and what broke (a data race, a lost update, an overdraft, a
deadlock's wait-for cycle), shows the schedule step by step and prints a command that replays
exactly that schedule. Correct balances are those of some one-at-a-time order of the same
transfers, computed by brute force over the orders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import permutations
from typing import Any

import pytest

from checker.harness.schedule import Outcome, Step, explore, run_real, run_threads
from katas.stage4_concurrency.races import Bank, Counter

Transfer = tuple[int, int, int]

# Two transfer threads (plus main) are explored exhaustively: every schedule with at most two
# preemptions, 50 to 130 of them. Three or four threads would need thousands, so those
# scenarios take seeded random walks; every known-wrong bank fails within the first ten.
DFS_CAP = 400  # far above what the two-thread scenarios need: they are checked to exhaust
RANDOM_SCHEDULES = 80
RACE_SCHEDULES = 40  # vector clocks flag an unordered access on any schedule that has one
OVERLAP_SCHEDULES = 30  # random schedules searched for two disjoint transfers overlapping
# The kinds of step that take or give back a lock, whatever primitive serves as one.
LOCKING = frozenset({"Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition"})
HINT = "Try `katas hint data-races`."


# -- scenarios ---------------------------------------------------------------------------------


def _counting(threads: int, reader: bool = False) -> Callable[[Any], Any]:
    """``threads`` threads increment once each; a reader may call value() meanwhile."""

    def scenario(rt):
        counter = Counter(rt)
        seen: list[int] = []

        def read() -> None:
            seen.append(counter.value())

        targets = {f"T{i + 1}": counter.increment for i in range(threads)}
        if reader:
            targets["reader"] = read
        run_threads(rt, **targets)
        return counter.value(), tuple(seen)

    return scenario


def _banking(
    initial: Sequence[int], transfers: Sequence[Transfer], audit: bool = False
) -> Callable[[Any], Any]:
    """Thread Tk runs transfers[k - 1]; an auditor may call total() meanwhile."""

    def scenario(rt):
        bank = Bank(list(initial), rt)
        results: list[Any] = [None] * len(transfers)
        audits: list[int] = []

        def run(k: int, src: int, dst: int, amount: int) -> None:
            results[k] = bank.transfer(src, dst, amount)

        def audit_once() -> None:
            audits.append(bank.total())

        targets = {f"T{k + 1}": partial(run, k, *t) for k, t in enumerate(transfers)}
        if audit:
            targets["auditor"] = audit_once
        run_threads(rt, **targets)
        balances = tuple(bank.balance(i) for i in range(len(initial)))
        return tuple(results), balances, tuple(audits)

    return scenario


def _calls(initial: Sequence[int], transfers: Sequence[Transfer], audit: bool = False) -> str:
    ran = "; ".join(
        f"T{k + 1} ran bank.transfer({s}, {d}, {a})" for k, (s, d, a) in enumerate(transfers)
    )
    extra = "; an auditor thread called bank.total()" if audit else ""
    return f"On Bank({list(initial)}): {ran}{extra}"


def _one_at_a_time(
    initial: Sequence[int], transfers: Sequence[Transfer]
) -> dict[tuple[tuple[bool, ...], tuple[int, ...]], str]:
    """Every (results, balances) that running the transfers one at a time gives, by order."""
    outcomes: dict[tuple[tuple[bool, ...], tuple[int, ...]], str] = {}
    for order in permutations(range(len(transfers))):
        balances = list(initial)
        results = [False] * len(transfers)
        for k in order:
            src, dst, amount = transfers[k]
            if balances[src] >= amount:
                balances[src] -= amount
                balances[dst] += amount
                results[k] = True
        key = (tuple(results), tuple(balances))
        outcomes.setdefault(key, " then ".join(f"T{k + 1}" for k in order))
    return outcomes


def _as_if_one_at_a_time(
    initial: Sequence[int], transfers: Sequence[Transfer]
) -> Callable[[Any], None]:
    """The check: conserved, never negative, and equal to some one-at-a-time order."""
    serial = _one_at_a_time(initial, transfers)
    money = sum(initial)

    def check(result: Any) -> None:
        results, balances, audits = result
        bad = [r for r in results if not isinstance(r, bool)]
        assert not bad, (
            f"bank.transfer returned {bad[0]!r}; it should return True (moved) or False "
            "(refused for want of funds)."
        )
        total = sum(balances)
        assert total == money, (
            f"the balances ended at {list(balances)}, {total} in all, but the bank started "
            f"with {money}: money was {'created' if total > money else 'lost'}. Two transfers "
            "read the same balance and both wrote back their own result, so one update "
            f"overwrote the other. Hold the locks across the read and the write. {HINT}"
        )
        assert min(balances) >= 0, (
            f"the balances ended at {list(balances)}: an account was overdrawn. Both transfers "
            "passed the funds check before either debited: check and debit must happen under "
            f"the same hold of the lock, with no release in between. {HINT}"
        )
        got = (tuple(results), tuple(balances))
        assert got in serial, (
            f"transfer returned {list(results)} and the balances ended at {list(balances)}, "
            "which no one-at-a-time order of these transfers gives. One at a time they give: "
            + "; ".join(f"{o}: {list(r)} -> {list(b)}" for (r, b), o in serial.items())
            + ". A refusal must mean the money really was not there."
        )
        for seen in audits:
            assert seen == money, (
                f"bank.total() returned {seen} while the transfers ran; the bank always holds "
                f"{money}. It read one account before a transfer and the other after it: a "
                "snapshot must hold every account's lock at once (taken in the same order "
                "transfer takes them), and a transfer must hold both of its locks until both "
                f"writes are done. {HINT}"
            )

    return check


def _explore_bank(
    initial: Sequence[int], transfers: Sequence[Transfer], audit: bool = False
) -> None:
    """Every schedule within the preemption bound for two transfers; random walks for more."""
    small = len(transfers) == 2 and not audit
    seen = explore(
        _banking(initial, transfers, audit),
        strategy="dfs" if small else "random",
        schedules=DFS_CAP if small else RANDOM_SCHEDULES,
        check=_as_if_one_at_a_time(initial, transfers),
        what=_calls(initial, transfers, audit),
    )
    assert seen.exhausted or not small, (
        f"{_calls(initial, transfers)}: {seen.schedules} schedules did not cover every "
        "schedule with two preemptions. Does a transfer loop (retrying a lock)? Take each lock "
        "once, blocking."
    )


# -- the counter -------------------------------------------------------------------------------


def test_two_increments_and_a_read_share_the_counter_without_a_data_race():
    def check(result: Any) -> None:
        final, seen = result
        assert final == 2, f"counter.value() returned {final} after two increments, not 2."
        assert all(v in (0, 1, 2) for v in seen), (
            f"the reader's counter.value() returned {seen[0]!r}; it can only be 0, 1 or 2."
        )

    explore(
        _counting(2, reader=True),
        strategy="dfs",
        schedules=RACE_SCHEDULES,
        check=check,
        what="T1 and T2 each called counter.increment() while a reader called counter.value()",
    )


def test_no_increment_is_lost_on_any_schedule():
    """Two increments count two on every schedule, with the race detector off: this is the
    lost update itself, the harm a data race does."""

    def check(result: Any) -> None:
        final, _ = result
        assert final == 2, (
            f"counter.value() returned {final} after two increments, one from each of T1 and "
            "T2: an update was lost. Both threads loaded the same count and each stored "
            "count + 1. Make the load and the store one step for every other increment: hold "
            f"one lock across both. {HINT}"
        )

    seen = explore(
        _counting(2),
        strategy="dfs",
        schedules=DFS_CAP,
        races=False,
        check=check,
        what="T1 and T2 each called counter.increment() once",
    )
    assert seen.exhausted, (
        f"{seen.schedules} schedules of two increments did not cover every schedule with two "
        "preemptions: does increment loop? One lock, one load, one store is enough."
    )


# -- one thread: what a transfer means ------------------------------------------------------


def test_a_transfer_moves_money_or_refuses_and_changes_nothing():
    def scenario(rt):
        bank = Bank([100, 0, 5], rt)
        calls = [(0, 1, 80), (0, 1, 30), (2, 0, 5), (0, 1, 25)]
        got = [bank.transfer(*c) for c in calls]
        return got, [bank.balance(i) for i in range(3)], bank.total()

    expected = ([True, False, True, True], [0, 105, 0], 105)

    def check(got: Any) -> None:
        assert tuple(got) == expected, (
            "one thread called transfer(0, 1, 80), transfer(0, 1, 30), transfer(2, 0, 5), "
            f"transfer(0, 1, 25), then balance(0..2) and total(). Got {got[0]}, balances "
            f"{got[1]}, total {got[2]}; expected {expected[0]}, balances {expected[1]}, total "
            f"{expected[2]}. A refused transfer returns False and changes nothing; a transfer "
            "may empty an account exactly."
        )

    explore(scenario, schedules=1, check=check, what="On Bank([100, 0, 5])")


@pytest.mark.parametrize(
    ("src", "dst", "amount"),
    [(1, 1, 10), (0, 1, 0), (0, 1, -5)],
    ids=["to-itself", "zero", "negative"],
)
def test_a_transfer_to_itself_or_of_a_non_positive_amount_raises_value_error(src, dst, amount):
    def scenario(rt):
        bank = Bank([100, 100], rt)
        try:
            got = bank.transfer(src, dst, amount)
        except ValueError:
            return [bank.balance(0), bank.balance(1)]
        raise AssertionError(
            f"bank.transfer({src}, {dst}, {amount}) returned {got!r}; it should raise "
            "ValueError: a transfer needs two different accounts and a positive amount (a "
            "negative one would be a withdrawal from the other account without its check)."
        )

    call = f"On Bank([100, 100]), bank.transfer({src}, {dst}, {amount})"

    def check(balances: Any) -> None:
        assert balances == [100, 100], (
            f"it raised ValueError, but the balances became {balances}: check the arguments "
            "before changing anything."
        )

    explore(scenario, schedules=1, check=check, what=call)


# -- many threads: explored schedules -------------------------------------------------------


def test_two_transfers_that_together_would_overdraw_never_both_succeed():
    _explore_bank([100, 0], [(0, 1, 80), (0, 1, 80)])


def test_opposite_transfers_conserve_money_and_never_deadlock():
    _explore_bank([100, 100], [(0, 1, 50), (1, 0, 30)])


def test_a_cycle_of_three_transfers_conserves_money_and_never_deadlocks():
    _explore_bank([50, 0, 0], [(0, 1, 50), (1, 2, 50), (2, 0, 50)])


def test_a_total_taken_during_transfers_always_sees_all_the_money():
    _explore_bank([100, 100], [(0, 1, 30), (1, 0, 20)], audit=True)


# -- per-account locks ------------------------------------------------------------------------


def _window(steps: Sequence[Step], thread: str) -> tuple[int, int] | None:
    """From ``thread``'s first lock step to its last: where it may hold a lock."""
    marks = [s.index for s in steps if s.thread == thread and s.kind in LOCKING]
    return (marks[0], marks[-1]) if marks else None


def _touches_inside(steps: Sequence[Step], holder: str, other: str) -> bool:
    window = _window(steps, holder)
    return window is not None and any(
        s.thread == other and s.kind == "SharedCell" and window[0] < s.index < window[1]
        for s in steps
    )


def test_transfers_on_disjoint_accounts_can_run_at_the_same_time():
    initial, transfers = [100, 100, 100, 100], [(0, 1, 10), (2, 3, 10)]
    # Every schedule must be correct (a failure shows its schedule and replay); then at least
    # one must show a transfer touching its accounts inside the other's locked window.
    overlapped: list[bool] = []
    first: list[Step] = []

    def note_overlap(outcome: Outcome) -> None:
        steps = outcome.steps
        if not first:
            first.extend(steps)
        overlapped.append(_touches_inside(steps, "T1", "T2") or _touches_inside(steps, "T2", "T1"))

    explore(
        _banking(initial, transfers),
        strategy="random",
        seed=0,
        schedules=OVERLAP_SCHEDULES,
        check=_as_if_one_at_a_time(initial, transfers),
        check_outcome=note_overlap,
        what=_calls(initial, transfers),
    )
    if any(overlapped):
        return
    shown = [f"    {s}" for s in first if s.thread in ("T1", "T2") and s.op not in ("begin",)]
    locks_seen = _window(first, "T1") is not None
    pytest.fail(
        f"{_calls(initial, transfers)}. The two transfers share no account, yet in none of "
        f"{OVERLAP_SCHEDULES} random schedules (seeds 0..{OVERLAP_SCHEDULES - 1}) did one touch "
        "an account while the other held a lock: they never ran at the same time. "
        + (
            "One lock for the whole bank is correct but serial: every transfer waits for every "
            "other, so throughput stays at one transfer at a time however many threads serve "
            "it. Give each account its own lock and take only the two a transfer needs."
            if locks_seen
            else "T1 took no lock at all: a transfer must lock the accounts it reads and writes "
            "(the other tests show why), and only those."
        )
        + f" {HINT}\nThe first schedule's transfer steps:\n"
        + "\n".join(shown[:30])
    )


# -- the same code on real threads ---------------------------------------------------------------


def test_the_counter_and_the_bank_run_on_real_threads():
    def scenario(rt):
        counter = Counter(rt)
        bank = Bank([100, 100, 100, 100], rt)

        def work(k: int) -> None:
            for i in range(25):
                counter.increment()
                if i % 2:
                    bank.transfer(k, (k + 1) % 4, 7)
                else:
                    bank.transfer((k + 1) % 4, k, 5)

        run_threads(rt, **{f"T{k + 1}": partial(work, k) for k in range(4)})
        return counter.value(), bank.total(), [bank.balance(i) for i in range(4)]

    count, total, balances = run_real(scenario, seconds=1.5)
    assert (count, total) == (100, 400) and min(balances) >= 0, (
        "On real threads, four threads each called counter.increment() 25 times and made 25 "
        f"transfers among four accounts of 100. Got count {count}, total {total}, balances "
        f"{balances}; expected count 100, total 400, no balance below 0."
    )
