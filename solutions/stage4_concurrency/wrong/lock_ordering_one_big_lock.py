"""Deadlock avoided with one lock around the whole table: only one philosopher eats at a time.

Safe, but it throws away the concurrency the forks allow: philosophers who share no fork
should eat at the same time. A global lock order keeps both.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.lock_ordering import *  # noqa: F403
from solutions.stage4_concurrency.lock_ordering import Table as _Correct

KATA = "lock-ordering"


class Table(_Correct):
    def __init__(self, n: int, rt: Runtime, eat: Callable[[int], object]) -> None:
        super().__init__(n, rt, eat)
        self.table = rt.Lock(name="table")

    def dine(self, philosopher: int, rounds: int) -> None:
        left, right = philosopher, (philosopher + 1) % self.n
        for _ in range(rounds):
            with self.table, self.forks[left], self.forks[right]:  # the bug: one at a time
                self.eat(philosopher)
