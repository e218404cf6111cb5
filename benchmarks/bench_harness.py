"""The complexity harness's overhead per counted operation (a benchmark, not a timed test).

    python benchmarks/bench_harness.py

Sorts the same 100,000 integers plain and wrapped in Counted, and pushes them through a
CountedList, and prints nanoseconds per counted operation against the plain baseline.
"""

from __future__ import annotations

import random
import sys
import time

from checker.harness.counting import CountedList, Counter, counted


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = random.Random(1)
    data = [rng.randrange(10**6) for _ in range(100_000)]
    counter = Counter()
    wrapped = counted(data, counter)
    raw = best_of(5, lambda: sorted(data))
    counter.by_kind.clear()
    slow = best_of(1, lambda: sorted(wrapped))
    ops = counter.by_kind["compare"]
    print(f"python {sys.version.split()[0]}")
    print(
        f"sorted 100k ints: plain {raw * 1e3:.1f} ms, counted {slow * 1e3:.1f} ms, "
        f"{ops} comparisons counted"
    )
    print(f"overhead per counted comparison: {(slow - raw) / ops * 1e9:.0f} ns")
    items = CountedList(counter=Counter())
    elapsed = best_of(
        1, lambda: [items.append(x) for x in data] and [items[i] for i in range(len(data))]
    )
    ops = items.counter.total
    print(
        f"CountedList append + read: {elapsed / ops * 1e9:.0f} ns per counted operation ({ops} ops)"
    )


if __name__ == "__main__":
    main()
