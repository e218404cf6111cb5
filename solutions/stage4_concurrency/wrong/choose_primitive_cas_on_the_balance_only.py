"""The ledger CASes the balance and appends to the history under a separate lock: each field is
safe on its own, but a snapshot taken between the two steps sees them disagree."""

from __future__ import annotations

from checker.harness.schedule import Runtime
from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403

KATA = "choose-the-primitive"


class Ledger:
    def __init__(self, rt: Runtime, opening: int = 0) -> None:
        self._balance = rt.AtomicRef(opening, name="balance")
        self._lock = rt.Lock(name="history")
        self._history: list[int] = []

    def record(self, amount: int) -> bool:
        while True:
            balance = self._balance.get()
            if balance + amount < 0:
                return False
            if self._balance.compare_and_set(balance, balance + amount):
                break
        with self._lock:  # the bug: a second step, apart from the balance's
            self._history.append(amount)
        return True

    def snapshot(self) -> tuple[int, tuple[int, ...]]:
        balance = self._balance.get()
        with self._lock:
            return balance, tuple(self._history)
