"""The forks are sorted, but by their distance from the philosopher's own seat.

"Always take the locks in sorted order" is the right rule only when everyone sorts by the
same key. Sorting by `(fork - philosopher) % n` puts the left fork first for every
philosopher: each has an order, no two agree, and the cycle closes as before.
"""

from __future__ import annotations

from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403
from solutions.stage4_concurrency.lock_ordering import Table as _Correct

KATA = "lock-ordering"


class Table(_Correct):
    def dine(self, philosopher: int, rounds: int) -> None:
        left, right = philosopher, (philosopher + 1) % self.n
        # the bug: a key relative to the caller, not one global order
        first, second = sorted((left, right), key=lambda fork: (fork - philosopher) % self.n)
        for _ in range(rounds):
            with self.forks[first], self.forks[second]:
                self.eat(philosopher)
