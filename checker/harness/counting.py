"""Operation counters: the complexity harness's instruments.

Timing is noise; counting is not. A verdict built on these counters is identical on every run,
on every Python, with the other core busy. These instruments share one ``Counter``:

- ``Counted``: an element whose ``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=`` and ``hash`` each
  count one operation, so comparisons made inside C built-ins (``sorted``, ``heapq``, ``bisect``,
  ``x in list``, ``dict``) are counted too.
- ``CountedList``: a list-like sequence counting reads, writes and element *moves* (the shifting
  an ``insert`` or ``del`` in the middle costs), which catches an insertion sort built on
  ``bisect.insort``: O(n log n) comparisons but O(n²) moves.
- ``CountedNumber``: a ``Counted`` whose ``+`` and ``-`` count too (relaxations in a
  shortest-path search); ``calls(f, counter)`` counts calls of a function (probes of a
  predicate).
- ``CountedInt`` (made by ``counted_ints``): a real ``int`` whose arithmetic, comparisons and
  hashing all count, and whose arithmetic results are counted ints again, so a running sum or a
  complement stays counted and copying the input into a list of one's own escapes nothing.
- ``Memory`` and ``Block``: fixed-capacity blocks a data-structure kata must allocate through,
  counting allocations, allocated slots, reads and writes, the way a real allocator would
  see a dynamic array grow.

A ``Counter`` may carry a budget: the operation that exceeds it raises ``BudgetExceeded`` (a
``BaseException``, so learner code catching ``Exception`` cannot swallow it), which stops a
quadratic submission at the first size that gives it away instead of letting it time out.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterable, Iterator, MutableSequence
from pathlib import Path
from typing import Any

COMPARE = "compare"
HASH = "hash"
READ = "read"
WRITE = "write"
MOVE = "move"
ALLOCATE = "allocate"
SLOT = "slot"
ADD = "add"
MULTIPLY = "multiply"
ARITHMETIC = "arithmetic"
CALL = "call"
LINE = "line"


class BudgetExceeded(BaseException):
    """More operations than the budget allows: the submission's growth is too fast."""

    def __init__(self, counter: Counter) -> None:
        self.counter = counter
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(counter.by_kind.items()))
        super().__init__(f"more than {counter.budget} counted operations ({kinds}); stopped early")


class Counter:
    """Counts operations by kind; ``budget`` caps the total of ``budgeted`` kinds (default all)."""

    def __init__(self, budget: float | None = None, budgeted: Iterable[str] | None = None):
        self.budget = budget
        self.budgeted = frozenset(budgeted) if budgeted is not None else None
        self.by_kind: dict[str, int] = {}
        self.total = 0
        self._paused = 0

    def tick(self, kind: str, n: int = 1) -> None:
        if n <= 0 or self._paused:
            return
        self.by_kind[kind] = self.by_kind.get(kind, 0) + n
        if self.budgeted is None or kind in self.budgeted:
            self.total += n
            if self.budget is not None and self.total > self.budget:
                raise BudgetExceeded(self)

    def __getitem__(self, kind: str) -> int:
        return self.by_kind.get(kind, 0)

    @contextlib.contextmanager
    def setting_up(self, budget: float | None) -> Iterator[None]:
        """Count a set-up under its own cap, then start again from zero with the old budget.

        The set-up (filling a structure) is not what a test measures, but a quadratic set-up
        should still stop early. If the cap runs out, BudgetExceeded leaves the set-up's counts
        in place for the report.
        """
        saved = self.budget
        self.budget = budget
        yield
        self.by_kind.clear()
        self.total = 0
        self.budget = saved

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Count nothing inside: for building a structure before measuring its operations."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    def __repr__(self) -> str:
        return f"Counter(total={self.total}, by_kind={self.by_kind})"


class Counted:
    """A value whose comparisons and hashing are counted, wherever they happen."""

    __slots__ = ("_counter", "value")

    def __init__(self, value: Any, counter: Counter) -> None:
        self.value = value
        self._counter = counter

    def _compare(self, other: object) -> Any:
        self._counter.tick(COMPARE)
        return other.value if isinstance(other, Counted) else other

    def __lt__(self, other: object) -> bool:
        return self.value < self._compare(other)

    def __le__(self, other: object) -> bool:
        return self.value <= self._compare(other)

    def __gt__(self, other: object) -> bool:
        return self.value > self._compare(other)

    def __ge__(self, other: object) -> bool:
        return self.value >= self._compare(other)

    def __eq__(self, other: object) -> bool:
        return self.value == self._compare(other)

    def __ne__(self, other: object) -> bool:
        return self.value != self._compare(other)

    def __hash__(self) -> int:
        self._counter.tick(HASH)
        return hash(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


class CountedNumber(Counted):
    """A number whose ``+`` and ``-`` count one ``add`` and ``*`` one ``multiply``.

    Comparisons count as in ``Counted``. Arithmetic returns a plain number, so a sum such as
    ``dist[u] + w`` costs one operation and what it produces is not counted again; ``inf + w``
    and ``w + 3`` count the same. The cost of a shortest-path search is its relaxations, which
    this sees and ``Counted`` does not. Negation is free and stays counted, so the usual
    negate-for-a-max-heap trick still has its comparisons counted.
    """

    __slots__ = ()

    def _operand(self, other: object) -> Any:
        self._counter.tick(ADD)
        return other.value if isinstance(other, Counted) else other

    def __add__(self, other: object) -> Any:
        return self.value + self._operand(other)

    def __radd__(self, other: object) -> Any:
        return self._operand(other) + self.value

    def __sub__(self, other: object) -> Any:
        return self.value - self._operand(other)

    def __rsub__(self, other: object) -> Any:
        return self._operand(other) - self.value

    def __mul__(self, other: object) -> Any:
        self._counter.tick(MULTIPLY)
        return self.value * (other.value if isinstance(other, Counted) else other)

    __rmul__ = __mul__

    def __neg__(self) -> CountedNumber:
        return CountedNumber(-self.value, self._counter)

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)


def calls(function: Callable[..., Any], counter: Counter, kind: str = CALL) -> Callable[..., Any]:
    """``function``, counting one ``kind`` operation per call: for problems whose cost is calls.

    ``first_bad_version(n, is_bad)`` costs its calls to ``is_bad``, a valley search its
    evaluations of ``f``; the wrapper keeps the name so a message can say what was called.
    """

    @functools.wraps(function)
    def counting(*args: Any, **kwargs: Any) -> Any:
        counter.tick(kind)
        return function(*args, **kwargs)

    return counting


def counted(values: Iterable[Any], counter: Counter) -> list[Counted]:
    """Wrap every value; the wrapping itself is not counted."""
    return [Counted(v, counter) for v in values]


def plain(values: Iterable[Any]) -> list[Any]:
    """Unwrap counted values (uncounted), e.g. to compare a result with the expected one."""
    return [v.value if isinstance(v, Counted) else v for v in values]


class CountedList(MutableSequence):
    """A list that counts reads, writes and moves (elements shifted by insert and delete)."""

    def __init__(self, items: Iterable[Any] = (), counter: Counter | None = None) -> None:
        self._items = list(items)
        self.counter = counter if counter is not None else Counter()

    def __len__(self) -> int:  # the length is metadata: free, as in a real array
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            result = self._items[index]
            self.counter.tick(READ, len(result))
            return result
        value = self._items[index]
        self.counter.tick(READ)
        return value

    def __setitem__(self, index, value) -> None:
        if isinstance(index, slice):
            values = list(value)
            before = len(self._items)
            start, stop, _ = index.indices(before)
            self._items[index] = values
            self.counter.tick(WRITE, len(values))
            if len(self._items) != before:  # the tail shifted to close or open the gap
                self.counter.tick(MOVE, before - max(start, stop))
            return
        self._items[index] = value
        self.counter.tick(WRITE)

    def __delitem__(self, index) -> None:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._items))
            tail = len(self._items) - max(start, stop)
            del self._items[index]
            # A contiguous slice shifts the tail once; a stepped one compacts what is left.
            self.counter.tick(MOVE, tail if step == 1 else len(self._items))
            return
        position = range(len(self._items))[index]
        del self._items[position]
        self.counter.tick(MOVE, len(self._items) - position)

    def insert(self, index: int, value: Any) -> None:
        size = len(self._items)
        position = min(max(index + size if index < 0 else index, 0), size)
        self._items.insert(position, value)
        self.counter.tick(MOVE, size - position)
        self.counter.tick(WRITE)

    def __iter__(self) -> Iterator[Any]:
        for value in self._items:
            self.counter.tick(READ)
            yield value

    def __contains__(self, value: object) -> bool:
        return any(item == value for item in self)

    def __repr__(self) -> str:
        return f"CountedList({self._items!r})"

    def snapshot(self) -> list[Any]:
        """The contents, uncounted: for checking a result."""
        return list(self._items)


class Block:
    """A fixed-capacity block of slots from a ``Memory``; it never grows."""

    __slots__ = ("_memory", "_slots")

    def __init__(self, capacity: int, memory: Memory) -> None:
        self._slots: list[Any] = [None] * capacity
        self._memory = memory

    @property
    def capacity(self) -> int:
        return len(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    def _check(self, index: int) -> int:
        if not isinstance(index, int) or not 0 <= index < len(self._slots):
            raise IndexError(
                f"a block of capacity {len(self._slots)} has slots 0..{len(self._slots) - 1}, "
                f"not {index!r}; allocate a bigger block to hold more"
            )
        return index

    def __getitem__(self, index: int) -> Any:
        self._memory.counter.tick(READ)
        return self._slots[self._check(index)]

    def __setitem__(self, index: int, value: Any) -> None:
        self._memory.counter.tick(WRITE)
        self._slots[self._check(index)] = value

    def __repr__(self) -> str:
        return f"Block(capacity={len(self._slots)})"


class Memory:
    """The allocator a data-structure kata must use: counts allocations and slots allocated."""

    def __init__(self, counter: Counter | None = None, *, trace: bool = False) -> None:
        self.counter = counter if counter is not None else Counter()
        self.allocations = 0
        self.slots = 0
        # With trace, every block handed out is kept, so a test can look inside them.
        self.blocks: list[Block] | None = [] if trace else None

    def allocate(self, capacity: int) -> Block:
        if not isinstance(capacity, int) or capacity < 0:
            raise ValueError(f"capacity must be a whole number >= 0, not {capacity!r}")
        self.allocations += 1
        self.slots += capacity
        self.counter.tick(ALLOCATE)
        self.counter.tick(SLOT, capacity)
        block = Block(capacity, self)
        if self.blocks is not None:
            self.blocks.append(block)
        return block


# -- integers closed under counted arithmetic --------------------------------------------------


class CountedInt(int):
    """An int that counts its arithmetic, comparisons and hashing on the class's ``counter``.

    Each ``counted_ints`` call makes a subclass bound to one counter (an int subclass cannot
    carry a per-instance slot), and results of arithmetic keep that subclass.
    """

    __slots__ = ()
    counter: Counter

    def _tick(self, kind: str) -> None:
        type(self).counter.tick(kind)

    def _wrap(self, result: object) -> object:
        return type(self)(result) if type(result) is int else result

    def __add__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__add__(self, other))

    def __radd__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__radd__(self, other))

    def __sub__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__sub__(self, other))

    def __rsub__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__rsub__(self, other))

    def __mul__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__mul__(self, other))

    def __rmul__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__rmul__(self, other))

    def __floordiv__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__floordiv__(self, other))

    def __rfloordiv__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__rfloordiv__(self, other))

    def __mod__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__mod__(self, other))

    def __rmod__(self, other):
        self._tick(ARITHMETIC)
        return self._wrap(int.__rmod__(self, other))

    def __divmod__(self, other):
        self._tick(ARITHMETIC)
        return int.__divmod__(self, other)

    def __rdivmod__(self, other):
        self._tick(ARITHMETIC)
        return int.__rdivmod__(self, other)

    def __neg__(self):
        self._tick(ARITHMETIC)
        return self._wrap(int.__neg__(self))

    def __lt__(self, other):
        self._tick(COMPARE)
        return int.__lt__(self, other)

    def __le__(self, other):
        self._tick(COMPARE)
        return int.__le__(self, other)

    def __gt__(self, other):
        self._tick(COMPARE)
        return int.__gt__(self, other)

    def __ge__(self, other):
        self._tick(COMPARE)
        return int.__ge__(self, other)

    def __eq__(self, other):
        self._tick(COMPARE)
        return int.__eq__(self, other)

    def __ne__(self, other):
        self._tick(COMPARE)
        return int.__ne__(self, other)

    def __hash__(self) -> int:
        self._tick(HASH)
        return int.__hash__(self)


def counted_ints(values: Iterable[int], counter: Counter) -> list[CountedInt]:
    """Wrap every value as a ``CountedInt`` counting on ``counter``; the wrapping is not counted."""
    bound = type("CountedInt", (CountedInt,), {"__slots__": (), "counter": counter})
    return [bound(v) for v in values]


# -- lines of learner code -----------------------------------------------------------------------

_ROOT = Path(__file__).resolve().parents[2]
LEARNER_FOLDERS = (_ROOT / "katas", _ROOT / "solutions")


def is_learner_code(filename: str, folders: Iterable[Path] = LEARNER_FOLDERS) -> bool:
    """A file under ``folders`` (katas/, solutions/) that is not a test: the learner's code."""
    path = Path(filename)
    if path.name.startswith("test_") or path.name == "conftest.py":
        return False
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return False
    return any(resolved.is_relative_to(folder) for folder in folders)


def lines(
    counter: Counter, call: Callable[[], Any], folders: Iterable[Path] = LEARNER_FOLDERS
) -> Any:
    """``call()``, adding to ``counter`` one ``line`` per line of learner code that runs.

    ``sys.settrace`` sees every line the learner's own module runs, loops in comprehensions
    included, whatever the data: a cost count that needs no wrapped elements, and a cap that
    stops an endless loop. Going over the counter's budget raises BudgetExceeded inside the
    learner's frame. Lines of the checker, the tests and the standard library are not counted.
    Tracing slows the traced code several times; keep inputs small.
    """
    folders = tuple(folders)
    cap = counter.budget if counter.budget is not None else float("inf")
    seen = 0

    def line(frame: Any, event: str, arg: Any) -> Any:
        nonlocal seen
        if event == "line":
            seen += 1  # a plain int: Counter.tick on every line would double the cost
            if seen > cap:
                counter.tick(LINE, seen)  # raises BudgetExceeded
        return line

    known: dict[str, bool] = {}  # resolving a path on every call would dominate the cost

    def call_event(frame: Any, event: str, arg: Any) -> Any:
        filename = frame.f_code.co_filename
        mine = known.get(filename)
        if mine is None:
            mine = known[filename] = is_learner_code(filename, folders)
        return line if mine else None

    previous = sys.gettrace()
    sys.settrace(call_event)
    try:
        return call()
    finally:
        sys.settrace(previous)
        if seen <= cap:
            counter.tick(LINE, seen)
