"""Every philosopher picks up the left fork, then the right one.

If all of them take their left fork at once, each waits for a right fork that its neighbour
holds: a wait-for cycle all the way round the table, and nobody ever eats again.
"""

from __future__ import annotations

from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403
from solutions.stage4_concurrency.lock_ordering import Table as _Correct

KATA = "lock-ordering"


class Table(_Correct):
    def dine(self, philosopher: int, rounds: int) -> None:
        left, right = philosopher, (philosopher + 1) % self.n
        for _ in range(rounds):
            with self.forks[left], self.forks[right]:  # the bug: the same order for no one
                self.eat(philosopher)
