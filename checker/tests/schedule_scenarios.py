"""Small scenarios for the scheduler's tests, importable without pytest (fresh processes)."""

from __future__ import annotations


class Counter:
    """``count += 1`` as a load and a store; optionally under a lock."""

    def __init__(self, rt, locked: bool) -> None:
        self.cell = rt.SharedCell(0, name="count")
        self.lock = rt.Lock(name="lock") if locked else None

    def increment(self) -> None:
        if self.lock is None:
            self.cell.store(self.cell.load() + 1)
            return
        with self.lock:
            self.cell.store(self.cell.load() + 1)


def counting(locked: bool, threads: int = 3):
    def scenario(rt):
        counter = Counter(rt, locked)
        workers = [rt.Thread(target=counter.increment, name=f"T{i}") for i in range(threads)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        return counter.cell.value

    return scenario


def expect_all(n: int):
    def check(value: int) -> None:
        assert value == n, f"{n} increments, count is {value}"

    return check


class BoundedBuffer:
    def __init__(self, rt, capacity: int, loop: bool) -> None:
        self.items: list[int] = []
        self.capacity = capacity
        self.loop = loop
        self.lock = rt.Lock(name="lock")
        self.not_empty = rt.Condition(self.lock, name="not_empty")
        self.not_full = rt.Condition(self.lock, name="not_full")

    def put(self, item: int) -> None:
        with self.lock:
            while len(self.items) >= self.capacity:
                self.not_full.wait()
            self.items.append(item)
            self.not_empty.notify()

    def get(self) -> int:
        with self.lock:
            if self.loop:
                while not self.items:
                    self.not_empty.wait()
            elif not self.items:
                self.not_empty.wait()
            item = self.items.pop(0)
            self.not_full.notify()
            return item


def buffer_scenario(loop: bool):
    def scenario(rt):
        buf = BoundedBuffer(rt, 1, loop)
        got: list[int] = []
        consumers = [rt.Thread(target=lambda: got.append(buf.get()), name=f"C{i}") for i in (1, 2)]
        producer = rt.Thread(target=lambda: [buf.put(i) for i in (1, 2)], name="P")
        for t in (*consumers, producer):
            t.start()
        for t in (*consumers, producer):
            t.join()
        return sorted(got)

    return scenario
