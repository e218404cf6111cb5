"""Schedules per second of the deterministic scheduler (a benchmark, not a timed test).

    python benchmarks/bench_schedule.py [SCHEDULES]

Explores three-thread scenarios (a locked counter; a bounded buffer with two consumers and a
producer) with each strategy and prints schedules per second; then times how long exploration
takes to report a lock-order deadlock. The issue's targets: 300 schedules per second or more
on the 2-core machine, and a deadlock reported within 2 s.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # solutions/ is not installed

from checker.harness.schedule import Deadlock, explore
from checker.tests.schedule_scenarios import buffer_scenario, counting
from solutions.stage4_concurrency.races import Bank


def bank_cycle(rt):
    """The data-races kata's solution: three threads move money around a cycle of accounts."""
    bank = Bank([100, 100, 100], rt)
    moves = [(0, 1, 30), (1, 2, 50), (2, 0, 70)]
    threads = [
        rt.Thread(target=bank.transfer, args=move, name=f"T{i}") for i, move in enumerate(moves)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert bank.total() == 300


def opposite_order(rt):
    a, b = rt.Lock(name="a"), rt.Lock(name="b")

    def one():
        with a, b:
            pass

    def two():
        with b, a:
            pass

    threads = [rt.Thread(target=one, name="T1"), rt.Thread(target=two, name="T2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main() -> None:
    schedules = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    print(f"python {sys.version.split()[0]}, {schedules} schedules per row")
    for name, scenario in (
        ("locked counter, 3 threads", counting(True, threads=3)),
        ("bounded buffer, 3 threads", buffer_scenario(True)),
        ("bank cycle (kata), 3 threads", bank_cycle),
    ):
        for strategy in ("random", "pct", "dfs"):
            start = time.perf_counter()
            seen = explore(scenario, strategy=strategy, schedules=schedules)
            took = time.perf_counter() - start
            print(
                f"{name:<30} {strategy:<6} {seen.schedules:>5} schedules "
                f"(longest {seen.longest} steps) in {took:.2f} s: "
                f"{seen.schedules / took:,.0f} schedules/s"
            )
    for strategy in ("random", "pct", "dfs"):
        start = time.perf_counter()
        with contextlib.suppress(Deadlock):
            explore(opposite_order, strategy=strategy, schedules=10_000)
        print(
            f"lock-order deadlock reported by {strategy:<6} in {time.perf_counter() - start:.3f} s"
        )


if __name__ == "__main__":
    main()
