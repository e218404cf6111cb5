"""Tests for the rcu-map kata: consistent snapshots, readers that never block, safe reclamation.

The map runs under the deterministic scheduler (``checker.harness.schedule``). Its versions
live in a ``NodePool`` (``checker.harness.reclaim``) that hands a freed node out again at
once and stops any thread that touches a freed one, so freeing a version a reader still holds
is caught on the schedule where it happens. Writers set x and y to the same number, so a
reader that sees two different numbers saw a mix of versions. A failure prints the schedule
step by step and a command that replays it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from checker.harness.reclaim import NodePool
from checker.harness.schedule import BLOCKING_KINDS, alone, explore, run_real, run_threads
from katas.stage4_concurrency.rcu_map import RcuMap


def read_xy(rcu: RcuMap) -> tuple[Any, Any]:
    """One read-side section reading x and y from one snapshot."""
    rcu.read_lock()
    version = rcu.snapshot()
    pair = (version["x"], version["y"])
    rcu.read_unlock()
    return pair


def readers_and_writer(updates: int = 2, readers: int = 2) -> Callable[[Any], dict[str, Any]]:
    """A writer sets x = y = 1, 2, ...; readers each read (x, y) once; main reads at the end."""

    def scenario(rt: Any) -> dict[str, Any]:
        pool = NodePool(rt, name="v")
        rcu = RcuMap(rt, pool, {"x": 0, "y": 0}, readers=readers + 1)
        seen: dict[str, Any] = {}

        def write() -> None:
            for n in range(1, updates + 1):
                rcu.update({"x": n, "y": n})

        def read(name: str) -> None:
            seen[name] = read_xy(rcu)

        run_threads(rt, W=write, **{f"R{i}": partial(read, f"R{i}") for i in range(1, readers + 1)})
        seen["main, after"] = read_xy(rcu)
        seen["pool"] = (pool.live, list(pool.errors))
        return seen

    return scenario


def consistent(updates: int) -> Callable[[dict[str, Any]], None]:
    def check(result: dict[str, Any]) -> None:
        seen = dict(result)
        live, errors = seen.pop("pool")
        assert not errors, f"The node pool found: {errors[0]}"
        for name, (x, y) in seen.items():
            assert x == y, (
                f"{name} read x = {x!r} and y = {y!r} from one snapshot, but every version has "
                "x == y: it saw part of one version and part of another. Never change a "
                "published version: copy it, change the copy, publish the copy with one set."
            )
        assert seen["main, after"] == (updates, updates), (
            f"After the writer's {updates} updates, main read (x, y) = {seen['main, after']}; "
            f"expected ({updates}, {updates}), the last version published."
        )
        assert live == 1, (
            f"After {updates} updates and every reader gone, {live} versions were still "
            "allocated; only the published one should be: free each old version once its "
            "grace period is over."
        )

    return check


# -- one thread ----------------------------------------------------------------------------------


def test_get_returns_the_latest_value_or_the_default():
    def scenario(rt):
        rcu = RcuMap(rt, NodePool(rt), {"x": 1, "y": 2}, readers=1)
        rcu.update({"x": 10})
        rcu.update({"z": 3})
        rcu.read_lock()
        got = [rcu.get("x"), rcu.get("y"), rcu.get("z"), rcu.get("w"), rcu.get("w", "none")]
        rcu.read_unlock()
        return got

    got, expected = alone(scenario), [10, 2, 3, None, "none"]
    assert got == expected, (
        "RcuMap({'x': 1, 'y': 2}), then update({'x': 10}) and update({'z': 3}). Inside a "
        "read-side section get('x'), get('y'), get('z'), get('w') and get('w', 'none') "
        f"returned {got}; expected {expected}: an update changes only the keys it names."
    )


def test_each_update_frees_the_version_it_replaced():
    def scenario(rt):
        pool = NodePool(rt)
        rcu = RcuMap(rt, pool, {"x": 0}, readers=1)
        for n in range(1, 5):
            rcu.update({"x": n})
        return pool.live, pool.created

    live, created = alone(scenario)
    assert live == 1 and created <= 2, (
        "One thread made an RcuMap and updated it four times, with no reader inside. "
        f"Afterwards {live} versions were allocated and the pool had made {created} in all; "
        "expected 1 and at most 2: with no reader inside, each update's grace period ends at "
        "once, so it frees the version it replaced and the next update reuses that node."
    )


# -- readers never block ---------------------------------------------------------------------------


def test_readers_never_take_a_lock_or_wait():
    def check(out):
        blocking = [s for s in out.steps if s.thread.startswith("R") and s.kind in BLOCKING_KINDS]
        assert not blocking, (
            f"Reader {blocking[0].thread} took step `{blocking[0]}` ({blocking[0].kind}) at "
            f"step {blocking[0].index}. RCU readers never block: announce in your own slot (an "
            "rt.AtomicRef), read the published pointer, read, clear your slot."
        )
        reads = [s for s in out.steps if s.thread.startswith("R") and s.kind == "AtomicRef"]
        assert reads, (
            "The readers took no rt.AtomicRef step: the published version must be read from "
            "an rt.AtomicRef."
        )

    explore(
        readers_and_writer(updates=1),
        strategy="random",
        schedules=3,
        check_outcome=check,
        what="A writer updated the map once while two readers read x and y",
    )


# -- snapshots and grace periods ---------------------------------------------------------------


def test_a_reader_sees_one_whole_version_and_never_a_freed_one():
    # Small enough that the systematic search runs every schedule with up to two preemptions.
    explore(
        readers_and_writer(updates=1, readers=1),
        strategy="dfs",
        schedules=300,
        check=consistent(1),
        what=(
            "A writer ran update({'x': 1, 'y': 1}) on RcuMap({'x': 0, 'y': 0}) while a reader "
            "read x and y from one snapshot"
        ),
    )


def test_readers_stay_safe_while_freed_versions_are_reused():
    explore(
        readers_and_writer(updates=2, readers=3),
        # Not PCT: its strict priorities let the writer's grace-period spin starve a reader.
        strategy="random",
        schedules=40,
        check=consistent(2),
        what=(
            "A writer ran two updates setting x = y = 1, then 2, while three readers each read "
            "x and y from one snapshot; freed versions are reused at once"
        ),
    )


def test_synchronize_waits_for_a_reader_that_entered_before_it():
    def scenario(rt):
        rcu = RcuMap(rt, NodePool(rt), {"x": 0}, readers=2)
        entered = rt.Event(name="entered")
        left = rt.AtomicRef(False, name="left")

        def reader():
            rcu.read_lock()
            entered.set()
            rcu.get("x")
            left.set(True)
            rcu.read_unlock()

        def writer():
            entered.wait()
            rcu.synchronize()
            assert left.get(), (
                "synchronize() returned while a reader that entered its read-side section "
                "before the call was still inside it. Wait until every slot that announced a "
                "section begun before the call has been cleared (or shows a later one)."
            )

        run_threads(rt, R=reader, W=writer)

    explore(
        scenario,
        strategy="dfs",
        schedules=100,
        what="A reader entered a read-side section; then a writer called synchronize()",
    )


# -- real threads ---------------------------------------------------------------------------------


def test_the_map_runs_on_real_threads():
    seen = run_real(readers_and_writer(updates=3, readers=2))
    consistent(3)(seen)
