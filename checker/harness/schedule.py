"""Deterministic thread schedules: injected primitives, one thread at a time, explored.

Real threads cannot grade concurrent code: CPython's switch interval hides most races, and a
deadlock hangs the run. So, like Loom, Shuttle and CHESS, the kata tests hand learner code a
runtime ``rt`` whose primitives look like :mod:`threading` (``rt.Thread``, ``rt.Lock``,
``rt.RLock``, ``rt.Semaphore``, ``rt.BoundedSemaphore``, ``rt.Condition``, ``rt.Event``,
``rt.Queue``) plus two cells that make shared memory visible: ``rt.SharedCell`` (``load`` /
``store``) and ``rt.AtomicRef`` (``get`` / ``set`` / ``compare_and_set`` by identity, so ABA
is reproducible). Under :data:`SIM` every primitive call is a **scheduling point**: the calling
thread stops, a strategy picks which thread runs next, and exactly one real daemon thread runs
learner code at any time. :data:`REAL` is the same API on real :mod:`threading`, so the code a
learner writes transfers unchanged.

A test writes a scenario, a function of ``rt`` that builds the objects, starts threads, joins
them and asserts, and hands it to :func:`explore`::

    def scenario(rt):
        counter = Counter(rt)
        threads = [rt.Thread(target=counter.increment, name=f"T{i}") for i in (1, 2)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert counter.value() == 2, f"two increments, counter says {counter.value()}"

    explore(scenario, strategy="dfs")     # or "random", "pct"; see also choices() + replay()

Each schedule fails on the first of: an exception in any thread, a failed assertion, a
**deadlock** (no thread can move: reported as the wait-for cycle, never as a timeout), a data
**race** on a ``SharedCell`` (found by vector clocks on every schedule, not only unlucky ones),
or the **step bound** (livelock or starvation). The failure names the strategy, the seed, the
schedule step by step and a one-line command that replays it (``--katas-replay``).

Time is virtual: ``rt.sleep`` and timed waits advance a clock that moves only when no thread can
run, so timeouts are deterministic too.
"""

from __future__ import annotations

import heapq
import itertools
import os
import queue as _queue
import random
import threading
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "REAL",
    "SIM",
    "Abort",
    "AtomicRef",
    "AtomicStampedRef",
    "Deadlock",
    "Exploration",
    "Outcome",
    "Runaway",
    "Runtime",
    "ScheduleFailure",
    "Step",
    "alone",
    "annotate",
    "brief",
    "choices",
    "explore",
    "join_threads",
    "log",
    "replay",
    "returns",
    "run_once",
    "run_real",
    "run_threads",
    "start_threads",
    "where",
]

MAX_STEPS = 2_000
SCHEDULES = 200
PREEMPTION_BOUND = 2
PCT_DEPTH = 3
HANG_SECONDS = 3.0  # a thread that reaches no scheduling point this long is stuck outside us
SHOW_STEPS = 40  # steps of a failing schedule shown before "... n earlier steps"
SPIN_LIMIT = 2  # unchanged re-reads before a thread counts as spinning (it yields)

STRATEGIES = ("random", "pct", "dfs")
# Step kinds of primitives that can make a thread wait for another (Thread: join).
BLOCKING_KINDS = frozenset(
    {"Lock", "RLock", "Condition", "Semaphore", "BoundedSemaphore", "Event", "Queue"}
)

_tls = threading.local()


class Abort(BaseException):
    """Raised inside scheduled threads when their schedule ends early; never caught by us."""


class ScheduleFailure(AssertionError):
    """A schedule broke the code: the message holds the schedule and how to replay it."""

    def __init__(self, message: str, kind: str, steps: Sequence[Step], token: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.steps = tuple(steps)
        self.token = token


class Deadlock(ScheduleFailure):
    """Every live thread waits and nothing can wake any of them.

    ``cycle`` names the threads of the wait-for cycle in order (empty when they wait for a
    signal nobody holds); ``waits`` maps each blocked thread to what it waits for and the
    threads holding that.
    """

    cycle: tuple[str, ...] = ()
    waits: dict[str, tuple[str, tuple[str, ...]]] = {}  # noqa: RUF012 (replaced per instance)


class Runaway(ScheduleFailure):
    """A thread ran for seconds without reaching a scheduling point."""


@dataclass(frozen=True)
class Step:
    """One scheduling point that ran: who, what, on which object, and what it saw."""

    index: int
    thread: str
    op: str
    obj: str
    detail: str = ""
    kind: str = ""  # the primitive's type: "Lock", "AtomicRef", ... ("" for begin/end/sleep)

    def __str__(self) -> str:
        text = f"{self.thread}: {self.op}"
        if self.obj:
            text += f" {self.obj}"
        return f"{text} {self.detail}".rstrip()


# -- vector clocks ----------------------------------------------------------------------------


def _join(into: list[int], other: list[int]) -> None:
    if len(other) > len(into):
        into.extend([0] * (len(other) - len(into)))
    for i, c in enumerate(other):
        if c > into[i]:
            into[i] = c


def _at(clock: list[int], i: int) -> int:
    return clock[i] if i < len(clock) else 0


# -- the scheduler ----------------------------------------------------------------------------


@dataclass(eq=False)
class _Op:
    kind: str
    obj: Any
    enabled: Callable[[], bool] | None = None  # None: always enabled
    deadline: float | None = None
    waits: str = ""  # for the deadlock report: "for Lock 'a'"
    holders: Callable[[], Iterable[_Sim]] | None = None  # wait-for edges
    observes: bool = False  # a read: repeated with nothing changed, it is a spin


@dataclass(eq=False)
class _Sim:
    """One scheduled thread: its real thread, its baton, its clock and its state."""

    sched: _Scheduler
    index: int
    name: str
    target: Callable[[], Any]
    handle: Any = None  # the Thread object learner code holds
    go: Any = field(default_factory=threading.Lock)
    real: threading.Thread | None = None
    clock: list[int] = field(default_factory=list)
    state: str = "new"  # new -> running/parked -> done
    pending: _Op | None = None
    timed_out: bool = False
    result: Any = None
    spins: int = 0
    seen: tuple[int, int] | None = None  # (object id, mutation epoch) of the last read

    def __post_init__(self) -> None:
        self.go.acquire()

    def runnable(self) -> bool:
        if self.state == "done":
            return False
        op = self.pending
        return op is None or op.enabled is None or op.enabled()


class _Scheduler:
    def __init__(self, chooser: _Chooser, max_steps: int, races: bool) -> None:
        self.chooser = chooser
        self.max_steps = max_steps
        self.races = races
        self.sims: list[_Sim] = []
        self.current: _Sim | None = None
        self.steps: list[Step] = []
        self.decisions: list[tuple[int, int, bool]] = []  # (chosen, options, preemptive)
        self.clock = 0.0
        self.epoch = 0  # bumped by every write, so a re-read can tell nothing changed
        self.aborted = False
        self.failure: tuple[str, str] | None = None
        self.finished = False
        self.done = threading.Lock()
        self.done.acquire()
        self.names: dict[str, itertools.count] = {}
        self.result: Any = None
        self.deadlock_data: tuple[tuple[str, ...], dict[str, Any]] = ((), {})

    # names for objects the learner did not name: Lock#1, Lock#2, ...
    def auto_name(self, kind: str) -> str:
        counter = self.names.setdefault(kind, itertools.count(1))
        return f"{kind}#{next(counter)}"

    # -- threads ----------------------------------------------------------------------------

    def spawn(self, name: str, target: Callable[[], Any], handle: Any, parent: _Sim | None) -> _Sim:
        sim = _Sim(self, len(self.sims), name, target, handle)
        self.sims.append(sim)
        if parent is not None:
            sim.clock = list(parent.clock)
        while len(sim.clock) <= sim.index:
            sim.clock.append(0)
        sim.clock[sim.index] += 1
        sim.pending = _Op("begin", None)
        sim.real = threading.Thread(target=self._body, args=(sim,), daemon=True, name="katas-sim")
        sim.real.start()
        return sim

    def _body(self, sim: _Sim) -> None:
        _tls.sim = sim
        sim.go.acquire()
        try:
            if self.aborted:
                return
            sim.state = "running"
            sim.pending = None
            self.record(sim, "begin", "")
            sim.result = sim.target()
        except Abort:
            return
        except AssertionError as error:
            self.fail("check", _crash_text(sim, error, assertion=True))
            return
        except BaseException as error:  # the learner's crash, reported with its schedule
            self.fail("crash", _crash_text(sim, error))
            return
        finally:
            _tls.sim = None
        try:
            self.finish(sim)
        except Abort:
            return

    def finish(self, sim: _Sim) -> None:
        sim.state = "done"
        sim.pending = None
        if sim.index == 0:
            self.result = sim.result
        self.record(sim, "end", "")
        if self.aborted:
            return
        self.pass_on(sim)

    # -- the scheduling point ---------------------------------------------------------------

    def point(self, sim: _Sim, op: _Op) -> bool:
        """Stop here, let the strategy pick who runs, and return when ``sim`` may do ``op``.

        Returns False when a timed wait ran out instead.
        """
        if self.aborted:
            raise Abort
        if op.observes:
            seen = (id(op.obj), self.epoch)
            sim.spins = sim.spins + 1 if sim.seen == seen else 0
            sim.seen = seen
        else:
            sim.spins = 0
            sim.seen = None
        sim.pending = op
        sim.timed_out = False
        self.pass_on(sim)
        if self.aborted:
            raise Abort
        sim.pending = None
        self.record(sim, op.kind, _name(op.obj), kind=getattr(op.obj, "kind", ""))
        return not sim.timed_out

    def pass_on(self, me: _Sim) -> None:
        """Choose the next thread and hand it the baton; park ``me`` unless it was chosen."""
        nxt = self.choose(me)
        if nxt is None:
            return  # schedule over: finished or failed (done already signalled)
        if nxt is me:
            return
        if me.state != "done":
            me.state = "parked"
        nxt.state = "running"
        self.current = nxt
        nxt.go.release()
        if me.state != "done":
            me.go.acquire()
            me.state = "running"

    def choose(self, me: _Sim) -> _Sim | None:
        live = [s for s in self.sims if s.state != "done"]
        if not live:
            self.complete()
            return None
        n = len(self.sims)
        order = [self.sims[(me.index + k) % n] for k in range(1, n + 1)]  # round robin after me
        yielding = me.spins >= SPIN_LIMIT
        enabled = [s for s in order if s is not me and s.state != "done" and s.runnable()]
        me_enabled = me.state != "done" and me.runnable()
        if me_enabled:
            if yielding:
                enabled.append(me)
            else:
                enabled.insert(0, me)
        if not enabled:
            timed = [s for s in live if s.pending is not None and s.pending.deadline is not None]
            if not timed:
                self.deadlock(live)
                return None
            nxt = min(timed, key=lambda s: (s.pending.deadline, s.index))
            self.clock = max(self.clock, nxt.pending.deadline)
            nxt.timed_out = not nxt.runnable()
            return nxt
        if len(enabled) == 1:
            return enabled[0]
        # Keeping a spinning thread on costs a preemption too, so a search cannot spin free.
        preemptive = me_enabled
        index = self.chooser.choose(self, enabled, len(self.steps))
        if not 0 <= index < len(enabled):
            index = 0
        self.decisions.append((index, len(enabled), preemptive))
        return enabled[index]

    def record(self, sim: _Sim, op: str, obj: str, detail: str = "", kind: str = "") -> None:
        self.steps.append(Step(len(self.steps) + 1, sim.name, op, obj, detail, kind))
        if len(self.steps) > self.max_steps and not self.aborted:
            self.fail("livelock", self.livelock_text())
            raise Abort

    def note(self, detail: str) -> None:
        """Attach what the last step saw or wrote (``-> 3``, ``= 4``)."""
        last = self.steps[-1]
        self.steps[-1] = Step(last.index, last.thread, last.op, last.obj, detail, last.kind)

    def wrote(self) -> None:
        self.epoch += 1

    # -- endings ----------------------------------------------------------------------------

    def complete(self) -> None:
        if not self.finished:
            self.finished = True
            self.done.release()

    def fail(self, kind: str, message: str) -> None:
        if self.failure is None:
            self.failure = (kind, message)
        self.abort()

    def abort(self) -> None:
        """End the schedule: every parked thread wakes, sees ``aborted`` and raises Abort."""
        if self.aborted:
            return
        self.aborted = True
        for sim in self.sims:
            if sim.state in ("new", "parked"):
                sim.go.release()
        self.complete()

    def deadlock(self, live: list[_Sim]) -> None:
        text, cycle, waits = _deadlock_text(live)
        self.deadlock_data = (cycle, waits)
        self.fail("deadlock", text)

    def livelock_text(self) -> str:
        window = self.steps[-min(len(self.steps), 400) :]
        moved: dict[str, int] = {}
        for step in window:
            moved[step.thread] = moved.get(step.thread, 0) + 1
        live = [s for s in self.sims if s.state != "done"]
        lines = [
            f"No schedule should need more than {self.max_steps} steps, and this one did not "
            "finish: threads keep running without getting anywhere (livelock), or one thread "
            "never gets its turn (starvation)."
        ]
        for sim in live:
            doing = f"waits {sim.pending.waits}" if sim.pending and sim.pending.waits else "runs"
            lines.append(
                f"  {sim.name}: {moved.get(sim.name, 0)} of the last {len(window)} steps; "
                f"it {doing}"
            )
        lines.append(
            "A spin loop must wait for something another thread will do; a retry loop needs a "
            "way to stop colliding (back off, or take the locks in one order)."
        )
        return "\n".join(lines)


def _name(obj: Any) -> str:
    if obj is None:
        return ""
    return getattr(obj, "name", "") or type(obj).__name__


def _deadlock_text(
    live: list[_Sim],
) -> tuple[str, tuple[str, ...], dict[str, tuple[str, tuple[str, ...]]]]:
    lines = ["Deadlock: every thread that has not finished is waiting, and none can go on."]
    edges: dict[_Sim, list[_Sim]] = {}
    waits: dict[str, tuple[str, tuple[str, ...]]] = {}
    for sim in live:
        op = sim.pending
        if op is None:
            continue
        holders = list(op.holders()) if op.holders else []
        edges[sim] = [h for h in holders if h.state != "done"]
        held = ""
        if holders:
            held = ", held by " + ", ".join(h.name for h in holders)
        lines.append(f"  {sim.name} waits {op.waits or 'in ' + op.kind}{held}")
        waits[sim.name] = (op.waits or "in " + op.kind, tuple(h.name for h in holders))
    cycle = _find_cycle(edges)
    if cycle:
        chain = " -> ".join(s.name for s in [*cycle, cycle[0]])
        lines.append(f"Wait-for cycle: {chain}.")
        lines.append(
            "Each thread holds what the next one wants. Take locks in one global order (for "
            "example by id), or give one up and retry when you cannot get the next."
        )
    else:
        lines.append(
            "No thread holds what another waits for: they wait for a signal (notify, set, put, "
            "release) that no running thread will send. Check that every wait has a matching "
            "signal on every path, including the last item and shutdown."
        )
    return "\n".join(lines), tuple(s.name for s in cycle), waits


def _find_cycle(edges: dict[_Sim, list[_Sim]]) -> list[_Sim]:
    for start in sorted(edges, key=lambda s: s.index):
        path: list[_Sim] = []
        node: _Sim | None = start
        while node is not None and node not in path:
            path.append(node)
            nxt = edges.get(node) or []
            node = nxt[0] if nxt else None
        if node is not None:
            return path[path.index(node) :]
    return []


def _crash_text(sim: _Sim, error: BaseException, assertion: bool = False) -> str:
    frames = [
        f
        for f in traceback.extract_tb(error.__traceback__)
        if not f.filename.endswith(os.path.join("harness", "schedule.py"))
    ]
    where = []
    for frame in frames[-3:]:
        where.append(f"    {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        if frame.line:
            where.append(f"      {frame.line}")
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if assertion:
        head = f"A check failed in thread {sim.name}:\n  {text}"
    else:
        head = f"Thread {sim.name} raised {text}"
    return head + ("\n" + "\n".join(where) if where else "")


def _short(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


# -- the calling thread ------------------------------------------------------------------------


def _here() -> _Sim | None:
    """The scheduled thread running this code, or None outside any live schedule."""
    sim = getattr(_tls, "sim", None)
    if sim is None or (sim.sched.finished and not sim.sched.aborted):
        return None
    return sim


def _point(obj: Any, op: _Op) -> bool:
    sim = _here()
    if sim is None:
        return True
    if obj._sched is not sim.sched:
        raise RuntimeError(
            f"{obj.kind} {obj.name!r} was created outside this schedule, so its steps cannot "
            "be scheduled. Create every primitive inside the scenario (or in code it calls), "
            "so that each schedule starts from fresh objects."
        )
    return sim.sched.point(sim, op)


def _note(detail: str) -> None:
    sim = _here()
    if sim is not None:
        sim.sched.note(detail)


# -- hooks for other harness modules (reclaim.py): name the step, add to the listing ---------


def where() -> tuple[str, int] | None:
    """The scheduled calling thread's name and its last step's number; None outside one."""
    sim = _here()
    if sim is None:
        return None
    steps = sim.sched.steps
    return sim.name, steps[-1].index if steps else 0


def log(op: str, obj: str, detail: str = "", kind: str = "") -> None:
    """Add a line to the schedule listing for the calling thread; not a scheduling point."""
    sim = _here()
    if sim is not None and not sim.sched.aborted:
        sim.sched.record(sim, op, obj, detail, kind)


def annotate(detail: str, *, append: bool = False) -> None:
    """Set (or extend) what the calling thread's last step saw, as in ``load x -> 3``."""
    sim = _here()
    if sim is None or not sim.sched.steps:
        return
    if append:
        detail = f"{sim.sched.steps[-1].detail} {detail}".strip()
    sim.sched.note(detail)


def brief(value: Any) -> str:
    """A value as the schedule listing shows it: its repr, cut to 30 characters."""
    return _brief(value)


def _creator() -> _Scheduler | None:
    sim = getattr(_tls, "sim", None)
    return sim.sched if sim is not None else None


def _tick(sim: _Sim | None) -> None:
    if sim is not None:
        sim.clock[sim.index] += 1


def _outside(what: str) -> RuntimeError:
    return RuntimeError(
        f"{what} would block, and it was called outside a running schedule, where nothing can "
        "wake it. Create and use primitives inside the scenario's threads."
    )


class _Primitive:
    kind = "object"

    def __init__(self, name: str | None) -> None:
        self._sched = _creator()
        if name is None:
            name = self._sched.auto_name(self.kind) if self._sched else self.kind
        self.name = name
        self._vc: list[int] = []

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name!r}>"

    # happens-before helpers
    def _release_into(self, sim: _Sim | None, replace: bool = False) -> None:
        if sim is None:
            return
        if replace:
            self._vc = list(sim.clock)
        else:
            _join(self._vc, sim.clock)
        _tick(sim)

    def _acquire_from(self, sim: _Sim | None) -> None:
        if sim is not None:
            _join(sim.clock, self._vc)

    def _wrote(self) -> None:
        if self._sched is not None:
            self._sched.wrote()


def _deadline(timeout: float | None) -> float | None:
    sim = _here()
    if timeout is None or timeout < 0 or sim is None:
        return None
    return sim.sched.clock + timeout


# -- primitives ------------------------------------------------------------------------------


class Lock(_Primitive):
    """``threading.Lock``: acquire, release, locked, and ``with``."""

    kind = "Lock"

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name)
        self._owner: _Sim | None = None
        self._held = False

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        sim = _here()
        if not blocking:
            _point(self, _Op("try-acquire", self))
            if self._held:
                return False
        else:
            ok = _point(
                self,
                _Op(
                    "acquire",
                    self,
                    lambda: not self._held,
                    _deadline(timeout),
                    waits=f"to acquire {self.kind} {self.name!r}",
                    holders=lambda: [self._owner] if self._owner else [],
                ),
            )
            if not ok:
                return False
            if self._held:
                raise _outside(f"{self.kind} {self.name!r}.acquire()")
        self._held = True
        self._owner = sim
        self._acquire_from(sim)
        self._wrote()
        return True

    def release(self) -> None:
        sim = _here()
        _point(self, _Op("release", self))
        if not self._held:
            raise RuntimeError(f"release unlocked lock: {self.kind} {self.name!r} is not held")
        self._held = False
        self._owner = None
        self._release_into(sim, replace=True)
        self._wrote()

    def locked(self) -> bool:
        _point(self, _Op("locked?", self, observes=True))
        return self._held

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class RLock(Lock):
    """``threading.RLock``: the owner may acquire again; it must release as often."""

    kind = "RLock"

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name)
        self._count = 0

    def _free_for(self, sim: _Sim | None) -> bool:
        return not self._held or self._owner is sim

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        sim = _here()
        if not blocking:
            _point(self, _Op("try-acquire", self))
            if not self._free_for(sim):
                return False
        else:
            ok = _point(
                self,
                _Op(
                    "acquire",
                    self,
                    lambda: self._free_for(sim),
                    _deadline(timeout),
                    waits=f"to acquire RLock {self.name!r}",
                    holders=lambda: [self._owner] if self._owner else [],
                ),
            )
            if not ok:
                return False
            if not self._free_for(sim):
                raise _outside(f"RLock {self.name!r}.acquire()")
        self._held = True
        self._owner = sim
        self._count += 1
        self._acquire_from(sim)
        self._wrote()
        return True

    def release(self) -> None:
        sim = _here()
        _point(self, _Op("release", self))
        if not self._held or self._owner is not sim:
            raise RuntimeError(f"cannot release un-acquired lock: RLock {self.name!r}")
        self._count -= 1
        if self._count == 0:
            self._held = False
            self._owner = None
        self._release_into(sim, replace=True)
        self._wrote()


class Condition(_Primitive):
    """``threading.Condition``: wait registers before it releases the lock; notify is FIFO."""

    kind = "Condition"

    def __init__(self, lock: Lock | None = None, name: str | None = None) -> None:
        super().__init__(name)
        self._lock = lock if lock is not None else RLock(name=f"{self.name}.lock")
        self._waiters: deque[list[bool]] = deque()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return self._lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def _check_owned(self, what: str) -> None:
        sim = _here()
        if not self._lock._held or (isinstance(self._lock, RLock) and self._lock._owner is not sim):
            raise RuntimeError(f"cannot {what} on un-acquired lock: Condition {self.name!r}")

    def wait(self, timeout: float | None = None) -> bool:
        sim = _here()
        self._check_owned("wait")
        if sim is None:
            raise _outside(f"Condition {self.name!r}.wait()")
        _point(self, _Op("wait", self))
        # Register first, then release: a notify between the two cannot be lost.
        waiter = [False]
        self._waiters.append(waiter)
        lock = self._lock
        count = lock._count if isinstance(lock, RLock) else 1
        lock._held = False
        lock._owner = None
        if isinstance(lock, RLock):
            lock._count = 0
        lock._release_into(sim, replace=True)
        lock._wrote()
        woke = sim.sched.point(
            sim,
            _Op(
                "wake",
                self,
                lambda: waiter[0] and not lock._held,
                _deadline(timeout),
                waits=f"for a notify on Condition {self.name!r}",
                holders=lambda: [lock._owner] if waiter[0] and lock._owner else [],
            ),
        )
        if not woke:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            notified = waiter[0]
            sim.sched.note("(timed out)")
            if lock._held:  # must still get the lock back before returning
                sim.sched.point(
                    sim,
                    _Op(
                        "acquire",
                        lock,
                        lambda: not lock._held,
                        waits=f"to acquire {lock.kind} {lock.name!r}",
                        holders=lambda: [lock._owner] if lock._owner else [],
                    ),
                )
        else:
            notified = True
        lock._held = True
        lock._owner = sim
        if isinstance(lock, RLock):
            lock._count = count
        lock._acquire_from(sim)
        lock._wrote()
        return notified

    def wait_for(self, predicate: Callable[[], Any], timeout: float | None = None) -> Any:
        end = None if timeout is None else _now() + timeout
        result = predicate()
        while not result:
            remaining = None if end is None else end - _now()
            if remaining is not None and remaining <= 0:
                break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n: int = 1) -> None:
        self._check_owned("notify")
        _point(self, _Op("notify", self))
        woken = 0
        while self._waiters and woken < n:
            self._waiters.popleft()[0] = True
            woken += 1
        _note(f"(wakes {woken})")
        self._wrote()

    def notify_all(self) -> None:
        self.notify(len(self._waiters) or 1)


class Semaphore(_Primitive):
    """``threading.Semaphore``: acquire takes one permit, waiting while there are none."""

    kind = "Semaphore"

    def __init__(self, value: int = 1, name: str | None = None) -> None:
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        super().__init__(name)
        self._value = value
        self._holders: list[_Sim] = []

    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        sim = _here()
        if not blocking:
            _point(self, _Op("try-acquire", self))
            if self._value == 0:
                return False
        else:
            ok = _point(
                self,
                _Op(
                    "acquire",
                    self,
                    lambda: self._value > 0,
                    _deadline(timeout),
                    waits=f"for a permit of {self.kind} {self.name!r}",
                    holders=lambda: list(dict.fromkeys(self._holders)),
                ),
            )
            if not ok:
                return False
            if self._value == 0:
                raise _outside(f"{self.kind} {self.name!r}.acquire()")
        self._value -= 1
        if sim is not None:
            self._holders.append(sim)
        self._acquire_from(sim)
        self._wrote()
        return True

    def release(self, n: int = 1) -> None:
        sim = _here()
        _point(self, _Op("release", self))
        self._value += n
        if sim in self._holders:
            self._holders.remove(sim)
        elif self._holders:
            self._holders.pop(0)
        self._release_into(sim)
        self._wrote()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class BoundedSemaphore(Semaphore):
    """``threading.BoundedSemaphore``: releasing more than was acquired is an error."""

    kind = "BoundedSemaphore"

    def __init__(self, value: int = 1, name: str | None = None) -> None:
        super().__init__(value, name)
        self._initial = value

    def release(self, n: int = 1) -> None:
        if self._value + n > self._initial:
            _point(self, _Op("release", self))
            raise ValueError(
                f"Semaphore released too many times: BoundedSemaphore {self.name!r} "
                f"started with {self._initial} permits"
            )
        super().release(n)


class Event(_Primitive):
    """``threading.Event``: set, clear, is_set, wait."""

    kind = "Event"

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name)
        self._flag = False

    def set(self) -> None:
        sim = _here()
        _point(self, _Op("set", self))
        self._flag = True
        self._release_into(sim)
        self._wrote()

    def clear(self) -> None:
        _point(self, _Op("clear", self))
        self._flag = False
        self._wrote()

    def is_set(self) -> bool:
        sim = _here()
        _point(self, _Op("is_set?", self, observes=True))
        if self._flag:
            self._acquire_from(sim)
        return self._flag

    def wait(self, timeout: float | None = None) -> bool:
        sim = _here()
        _point(
            self,
            _Op(
                "wait",
                self,
                lambda: self._flag,
                _deadline(timeout),
                waits=f"for Event {self.name!r} to be set",
            ),
        )
        if self._flag:
            self._acquire_from(sim)
        elif sim is None and timeout is None:
            raise _outside(f"Event {self.name!r}.wait()")
        return self._flag


class Queue(_Primitive):
    """``queue.Queue``: put and get block on full and empty; raises ``queue.Full``/``Empty``."""

    kind = "Queue"

    def __init__(self, maxsize: int = 0, name: str | None = None) -> None:
        super().__init__(name)
        self.maxsize = maxsize
        self._items: deque[tuple[Any, list[int]]] = deque()
        self._unfinished = 0
        self._done_vc: list[int] = []

    def _full(self) -> bool:
        return 0 < self.maxsize <= len(self._items)

    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        sim = _here()
        if not block:
            _point(self, _Op("try-put", self))
            if self._full():
                raise _queue.Full
        else:
            ok = _point(
                self,
                _Op(
                    "put",
                    self,
                    lambda: not self._full(),
                    _deadline(timeout),
                    waits=f"to put into full Queue {self.name!r}",
                ),
            )
            if not ok:
                raise _queue.Full
            if self._full():
                raise _outside(f"Queue {self.name!r}.put()")
        self._items.append((item, list(sim.clock) if sim else []))
        _tick(sim)
        self._unfinished += 1
        _note(f"<- {_brief(item)}")
        self._wrote()

    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        sim = _here()
        if not block:
            _point(self, _Op("try-get", self))
            if not self._items:
                raise _queue.Empty
        else:
            ok = _point(
                self,
                _Op(
                    "get",
                    self,
                    lambda: bool(self._items),
                    _deadline(timeout),
                    waits=f"to get from empty Queue {self.name!r}",
                ),
            )
            if not ok:
                raise _queue.Empty
            if not self._items:
                raise _outside(f"Queue {self.name!r}.get()")
        item, clock = self._items.popleft()
        if sim is not None:
            _join(sim.clock, clock)
        _note(f"-> {_brief(item)}")
        self._wrote()
        return item

    def put_nowait(self, item: Any) -> None:
        self.put(item, block=False)

    def get_nowait(self) -> Any:
        return self.get(block=False)

    def qsize(self) -> int:
        _point(self, _Op("qsize", self, observes=True))
        return len(self._items)

    def empty(self) -> bool:
        _point(self, _Op("empty?", self, observes=True))
        return not self._items

    def full(self) -> bool:
        _point(self, _Op("full?", self, observes=True))
        return self._full()

    def task_done(self) -> None:
        sim = _here()
        _point(self, _Op("task_done", self))
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if sim is not None:
            _join(self._done_vc, sim.clock)
            _tick(sim)
        self._wrote()

    def join(self) -> None:
        sim = _here()
        _point(
            self,
            _Op(
                "join",
                self,
                lambda: self._unfinished == 0,
                waits=f"for every item of Queue {self.name!r} to be marked task_done",
            ),
        )
        if sim is not None:
            _join(sim.clock, self._done_vc)


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


class SharedCell(_Primitive):
    """A plain shared variable: ``load`` and ``store`` are separate steps, checked for races.

    ``cell.store(cell.load() + 1)`` is two steps, so another thread can run between them,
    exactly like ``counter += 1`` on real threads.
    """

    kind = "SharedCell"

    def __init__(self, value: Any = None, name: str | None = None) -> None:
        super().__init__(name)
        self._value = value
        self._writes: dict[int, tuple[int, Step | None]] = {}
        self._reads: dict[int, tuple[int, Step | None]] = {}

    def load(self) -> Any:
        sim = _here()
        _point(self, _Op("load", self, observes=True))
        if sim is not None:
            sched = sim.sched
            sched.note(f"-> {_brief(self._value)}")
            if sched.races:
                self._check(sim, self._writes, "load")
                self._reads[sim.index] = (sim.clock[sim.index], sched.steps[-1])
        return self._value

    def store(self, value: Any) -> None:
        sim = _here()
        _point(self, _Op("store", self))
        self._value = value
        if sim is not None:
            sched = sim.sched
            sched.note(f"= {_brief(value)}")
            if sched.races:
                self._check(sim, self._writes, "store")
                self._check(sim, self._reads, "store")
                self._writes[sim.index] = (sim.clock[sim.index], sched.steps[-1])
        self._wrote()

    def _check(self, sim: _Sim, accesses: dict[int, tuple[int, Step | None]], op: str) -> None:
        for other, (clock, step) in accesses.items():
            if other != sim.index and clock > _at(sim.clock, other):
                sched = sim.sched
                now = sched.steps[-1]
                sched.fail("race", _race_text(self, step, now))
                raise Abort

    @property
    def value(self) -> Any:
        """The value, read without a scheduling point: for checks after the threads joined."""
        return self._value


def _race_text(cell: SharedCell, first: Step | None, second: Step) -> str:
    a = f"{first.thread} {first.op} (step {first.index})" if first else "an earlier access"
    b = f"{second.thread} {second.op} (step {second.index})"
    return (
        f"Data race on SharedCell {cell.name!r}: {a} and {b} touch it from two threads, at "
        "least one writes, and nothing orders them: no lock, join, event or queue makes one "
        "happen before the other. This schedule may even give the right answer; another will "
        "not. Guard every access to the cell with the same lock, or make it an AtomicRef."
    )


class AtomicRef(_Primitive):
    """An atomic reference: each call is one indivisible step; CAS compares by identity.

    ``compare_and_set(expected, new)`` installs ``new`` only if the reference still holds the
    very object ``expected`` (``is``, not ``==``), as hardware CAS compares addresses.
    """

    kind = "AtomicRef"

    def __init__(self, value: Any = None, name: str | None = None) -> None:
        super().__init__(name)
        self._value = value

    def get(self) -> Any:
        sim = _here()
        _point(self, _Op("get", self, observes=True))
        self._acquire_from(sim)
        if sim is not None:
            sim.sched.note(f"-> {_brief(self._value)}")
        return self._value

    def set(self, value: Any) -> None:
        sim = _here()
        _point(self, _Op("set", self))
        self._value = value
        self._release_into(sim)
        if sim is not None:
            sim.sched.note(f"= {_brief(value)}")
        self._wrote()

    def get_and_set(self, value: Any) -> Any:
        sim = _here()
        _point(self, _Op("get_and_set", self))
        old, self._value = self._value, value
        self._acquire_from(sim)
        self._release_into(sim)
        self._wrote()
        return old

    def compare_and_set(self, expected: Any, new: Any) -> bool:
        sim = _here()
        _point(self, _Op("compare_and_set", self, observes=True))
        self._acquire_from(sim)
        if self._value is expected:
            self._value = new
            self._release_into(sim)
            self._wrote()
            if sim is not None:
                sim.sched.note(f"{_brief(expected)} -> {_brief(new)}: ok")
            return True
        if sim is not None:
            sim.sched.note(f"expected {_brief(expected)}, found {_brief(self._value)}: failed")
        return False

    @property
    def value(self) -> Any:
        """The value, read without a scheduling point: for checks after the threads joined."""
        return self._value


class AtomicStampedRef(_Primitive):
    """A reference and an integer stamp updated together: a double-width CAS.

    Java's ``AtomicStampedReference``: ``compare_and_set(expected_ref, new_ref,
    expected_stamp, new_stamp)`` succeeds only if the reference is still ``expected_ref``
    (identity) and the stamp still equals ``expected_stamp``. Bumping the stamp on every
    change is the tagged-pointer cure for ABA.
    """

    kind = "AtomicStampedRef"

    def __init__(self, value: Any = None, stamp: int = 0, name: str | None = None) -> None:
        super().__init__(name)
        self._value = value
        self._stamp = stamp

    def get(self) -> tuple[Any, int]:
        sim = _here()
        _point(self, _Op("get", self, observes=True))
        self._acquire_from(sim)
        _note(f"-> ({_brief(self._value)}, {self._stamp})")
        return self._value, self._stamp

    def set(self, value: Any, stamp: int) -> None:
        sim = _here()
        _point(self, _Op("set", self))
        self._value, self._stamp = value, stamp
        self._release_into(sim)
        _note(f"= ({_brief(value)}, {stamp})")
        self._wrote()

    def compare_and_set(self, expected: Any, new: Any, expected_stamp: int, new_stamp: int) -> bool:
        sim = _here()
        _point(self, _Op("compare_and_set", self, observes=True))
        self._acquire_from(sim)
        if self._value is expected and self._stamp == expected_stamp:
            self._value, self._stamp = new, new_stamp
            self._release_into(sim)
            self._wrote()
            _note(f"({_brief(expected)}, {expected_stamp}) -> ({_brief(new)}, {new_stamp}): ok")
            return True
        _note(
            f"expected ({_brief(expected)}, {expected_stamp}), found "
            f"({_brief(self._value)}, {self._stamp}): failed"
        )
        return False

    @property
    def value(self) -> tuple[Any, int]:
        """The pair, read without a scheduling point: for checks after the threads joined."""
        return self._value, self._stamp


class Thread(_Primitive):
    """``threading.Thread``: ``start`` and ``join`` are scheduling points."""

    kind = "Thread"

    def __init__(
        self,
        target: Callable[..., Any] | None = None,
        name: str | None = None,
        args: Sequence[Any] = (),
        kwargs: dict[str, Any] | None = None,
        daemon: bool | None = None,
    ) -> None:
        sched = _creator()
        if name is None and sched is not None:
            name = f"Thread-{next(sched.names.setdefault('thread', itertools.count(1)))}"
        super().__init__(name)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs or {})
        self.daemon = daemon
        self._sim: _Sim | None = None

    def run(self) -> None:
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self) -> None:
        sim = _here()
        if sim is None:
            raise RuntimeError(
                f"Thread {self.name!r}.start() was called outside a schedule: start threads "
                "inside the scenario function that explore() runs."
            )
        if self._sim is not None:
            raise RuntimeError("threads can only be started once")
        sim.sched.point(sim, _Op("start", self))
        self._sim = sim.sched.spawn(self.name, self.run, self, sim)
        _tick(sim)

    def join(self, timeout: float | None = None) -> None:
        sim = _here()
        if self._sim is None:
            raise RuntimeError("cannot join thread before it is started")
        if sim is self._sim:
            raise RuntimeError("cannot join current thread")
        child = self._sim
        _point(
            self,
            _Op(
                "join",
                self,
                lambda: child.state == "done",
                _deadline(timeout),
                waits=f"for thread {self.name} to finish",
                holders=lambda: [child],
            ),
        )
        if child.state == "done" and sim is not None:
            _join(sim.clock, child.clock)

    def is_alive(self) -> bool:
        _point(self, _Op("is_alive?", self, observes=True))
        return self._sim is not None and self._sim.state != "done"


class _Local:
    """``threading.local``: attributes are per scheduled thread."""

    def __init__(self) -> None:
        object.__setattr__(self, "_slots", {})

    def _mine(self) -> dict[str, Any]:
        sim = _here()
        key = sim.index if sim is not None else -1
        return self._slots.setdefault(key, {})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._mine()[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self._mine()[name] = value


class _MainHandle:
    name = "main"


def _current_thread() -> Any:
    sim = _here()
    if sim is None:
        return _MainHandle()
    return sim.handle


def _sleep(seconds: float) -> None:
    sim = _here()
    if sim is None:
        raise RuntimeError("rt.sleep() outside a running schedule")
    until = sim.sched.clock + max(0.0, seconds)
    sched = sim.sched
    sched.point(
        sim,
        _Op("sleep", None, lambda: sched.clock >= until, until, waits=f"asleep until t={until:g}"),
    )
    sched.note(f"{seconds:g}s")


def _now() -> float:
    sim = _here()
    return sim.sched.clock if sim is not None else 0.0


class Runtime:
    """The primitives a scenario hands to learner code: :data:`SIM` or :data:`REAL`.

    Annotate learner code with it (``rt: Runtime``); its members are ``Thread``, ``Lock``,
    ``RLock``, ``Condition``, ``Semaphore``, ``BoundedSemaphore``, ``Event``, ``Queue``,
    ``SharedCell``, ``AtomicRef``, ``AtomicStampedRef``, ``local``, ``current_thread``,
    ``sleep`` and ``monotonic``.
    """

    def __init__(self, name: str, **members: Any) -> None:
        self.name = name
        self.__dict__.update(members)

    def __repr__(self) -> str:
        return f"<runtime {self.name}>"


SIM = Runtime(
    "SIM",
    Thread=Thread,
    Lock=Lock,
    RLock=RLock,
    Condition=Condition,
    Semaphore=Semaphore,
    BoundedSemaphore=BoundedSemaphore,
    Event=Event,
    Queue=Queue,
    SharedCell=SharedCell,
    AtomicRef=AtomicRef,
    AtomicStampedRef=AtomicStampedRef,
    local=_Local,
    current_thread=_current_thread,
    sleep=_sleep,
    monotonic=_now,
)


# -- the same API on real threads -------------------------------------------------------------


class _RealCell:
    def __init__(self, value: Any = None, name: str | None = None) -> None:
        self.name = name or "SharedCell"
        self._value = value

    def load(self) -> Any:
        return self._value

    def store(self, value: Any) -> None:
        self._value = value

    @property
    def value(self) -> Any:
        return self._value


class _RealStamped:
    def __init__(self, value: Any = None, stamp: int = 0, name: str | None = None) -> None:
        self.name = name or "AtomicStampedRef"
        self._pair = (value, stamp)
        self._guard = threading.Lock()

    def get(self) -> tuple[Any, int]:
        return self._pair

    def set(self, value: Any, stamp: int) -> None:
        with self._guard:
            self._pair = (value, stamp)

    def compare_and_set(self, expected: Any, new: Any, expected_stamp: int, new_stamp: int) -> bool:
        with self._guard:
            value, stamp = self._pair
            if value is expected and stamp == expected_stamp:
                self._pair = (new, new_stamp)
                return True
            return False

    @property
    def value(self) -> tuple[Any, int]:
        return self._pair


class _RealAtomic:
    def __init__(self, value: Any = None, name: str | None = None) -> None:
        self.name = name or "AtomicRef"
        self._value = value
        self._guard = threading.Lock()

    def get(self) -> Any:
        return self._value

    def set(self, value: Any) -> None:
        with self._guard:
            self._value = value

    def get_and_set(self, value: Any) -> Any:
        with self._guard:
            old, self._value = self._value, value
            return old

    def compare_and_set(self, expected: Any, new: Any) -> bool:
        with self._guard:
            if self._value is expected:
                self._value = new
                return True
            return False

    @property
    def value(self) -> Any:
        return self._value


_real_errors: list[tuple[str, BaseException]] | None = None  # set while run_real runs


class _RealThread(threading.Thread):
    """``threading.Thread`` that reports its exception to :func:`run_real` instead of a warning.

    A thread that dies leaves the others waiting for it forever; run_real stops at the first
    such exception and raises it in the test.
    """

    def run(self) -> None:
        try:
            super().run()
        except BaseException as error:
            if _real_errors is None:
                raise
            _real_errors.append((self.name, error))


def _named(factory: Callable[..., Any]) -> Callable[..., Any]:
    def make(*args: Any, name: str | None = None, **kwargs: Any) -> Any:
        return factory(*args, **kwargs)

    make.__name__ = getattr(factory, "__name__", "factory")
    return make


REAL = Runtime(
    "REAL",
    Thread=_RealThread,
    Lock=_named(threading.Lock),
    RLock=_named(threading.RLock),
    Condition=_named(threading.Condition),
    Semaphore=_named(threading.Semaphore),
    BoundedSemaphore=_named(threading.BoundedSemaphore),
    Event=_named(threading.Event),
    Queue=_named(_queue.Queue),
    SharedCell=_RealCell,
    AtomicRef=_RealAtomic,
    AtomicStampedRef=_RealStamped,
    local=threading.local,
    current_thread=threading.current_thread,
    sleep=time.sleep,
    monotonic=time.monotonic,
)


# -- scenario helpers --------------------------------------------------------------------------


def start_threads(rt: Runtime, **targets: Callable[[], Any]) -> list[Any]:
    """Start one thread per keyword, named by it (``T1=fn``); return them in that order."""
    threads = [rt.Thread(target=fn, name=name) for name, fn in targets.items()]
    for thread in threads:
        thread.start()
    return threads


def join_threads(threads: Iterable[Any]) -> None:
    """Join every thread, in order."""
    for thread in threads:
        thread.join()


def run_threads(rt: Runtime, **targets: Callable[[], Any]) -> None:
    """Start one named thread per keyword and join them all: a scenario's usual middle."""
    join_threads(start_threads(rt, **targets))


def alone(scenario: Callable[[Any], Any], *, what: str | None = None) -> Any:
    """Run a scenario that starts no thread once on the scheduler; return its result itself.

    A failure raises like :func:`explore`'s, with the steps and a replay command.
    """
    box: list[Any] = []
    explore(lambda rt: box.append(scenario(rt)), schedules=1, what=what)
    return box[0]


def returns(expected: Any, why: str) -> Callable[[Any], None]:
    """A ``check=`` for :func:`explore`: the scenario returned ``expected`` on this schedule.

    ``why`` teaches; the failure names the schedule that returned something else.
    """

    def check(result: Any) -> None:
        if result != expected:  # raised, not asserted: no pytest diff under the message
            raise AssertionError(f"it returned {result!r}; expected {expected!r}: {why}")

    return check


# -- strategies ------------------------------------------------------------------------------


class _Chooser:
    def choose(self, sched: _Scheduler, enabled: list[_Sim], step: int) -> int:
        raise NotImplementedError


class _Random(_Chooser):
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def choose(self, sched: _Scheduler, enabled: list[_Sim], step: int) -> int:
        return self.rng.randrange(len(enabled))


class _PCT(_Chooser):
    """Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010).

    Threads get random distinct priorities; the highest-priority runnable thread runs; at
    ``depth - 1`` random steps the running thread drops below every other. A bug of depth d is
    found with probability at least 1 / (n * k^(d-1)).
    """

    def __init__(self, seed: int, depth: int, length: int) -> None:
        self.rng = random.Random(seed)
        self.depth = depth
        self.change = sorted(self.rng.sample(range(1, max(length, depth) + 1), depth - 1))
        self.priority: dict[int, float] = {}

    def _prio(self, sim: _Sim) -> float:
        if sim.index not in self.priority:
            self.priority[sim.index] = self.depth + self.rng.random()
        return self.priority[sim.index]

    def choose(self, sched: _Scheduler, enabled: list[_Sim], step: int) -> int:
        while self.change and self.change[0] <= step:
            self.change.pop(0)
            if sched.current is not None:
                self.priority[sched.current.index] = len(self.change) * 1e-3
        current = sched.current
        if current is not None and current.spins >= SPIN_LIMIT:
            # A spinning thread waits for another: strict priorities would let it spin until
            # the step bound, a false livelock. It yields, to below every other thread.
            self.priority[current.index] = min(self.priority.values(), default=0.0) - 1.0
        return max(range(len(enabled)), key=lambda i: (self._prio(enabled[i]), -i))


class _Follow(_Chooser):
    """Follow a list of choices, then take the first option (keep running, round robin)."""

    def __init__(self, prefix: Sequence[int]) -> None:
        self.prefix = list(prefix)

    def choose(self, sched: _Scheduler, enabled: list[_Sim], step: int) -> int:
        k = len(sched.decisions)
        if k < len(self.prefix):
            return self.prefix[k] % len(enabled)
        return 0


# -- running and exploring -------------------------------------------------------------------


@dataclass
class _Run:
    steps: list[Step]
    decisions: list[tuple[int, int, bool]]
    failure: tuple[str, str] | None
    result: Any
    deadlock: tuple[tuple[str, ...], dict[str, Any]] = ((), {})


def _run_one(
    scenario: Callable[[Any], Any], chooser: _Chooser, max_steps: int, races: bool
) -> _Run:
    sched = _Scheduler(chooser, max_steps, races)
    main = sched.spawn("main", lambda: scenario(SIM), _MainHandle(), None)
    sched.current = main
    _guard_sleep(True)
    try:
        main.go.release()
        if not sched.done.acquire(timeout=HANG_SECONDS):
            running = sched.current.name if sched.current else "a thread"
            sched.fail("runaway", _runaway_text(running))
    finally:
        sched.abort()
        _guard_sleep(False)
    for sim in sched.sims:
        if sim.real is not None:
            sim.real.join(timeout=0.5)
    return _Run(sched.steps, sched.decisions, sched.failure, sched.result, sched.deadlock_data)


def _runaway_text(name: str) -> str:
    return (
        f"Thread {name} ran for {HANG_SECONDS:g} s without reaching a scheduling point. Either "
        "it loops without calling any primitive of `rt`, or it blocks on something the "
        "harness cannot see (a threading.Lock, time.sleep, input()). Every wait must go "
        "through the primitives passed in as `rt`."
    )


_real_sleep = time.sleep
_guards = 0


def _sleep_guard(seconds: float) -> None:
    if getattr(_tls, "sim", None) is not None:
        raise RuntimeError(
            f"time.sleep({seconds!r}) inside a scheduled thread: real sleeping proves nothing "
            "about ordering and only slows the run. Use rt.sleep(seconds) (virtual time), or "
            "wait for the thing you are waiting for with an Event or a Condition."
        )
    _real_sleep(seconds)


def _guard_sleep(on: bool) -> None:
    global _guards
    _guards += 1 if on else -1
    time.sleep = _sleep_guard if _guards > 0 else _real_sleep


@dataclass
class Exploration:
    """What :func:`explore` saw: how many schedules ran and the distinct results."""

    strategy: str
    schedules: int
    outcomes: dict[str, int]
    longest: int
    exhausted: bool = False  # dfs only: every schedule within the preemption bound was run


_replay_token: str | None = None
_impl: str = "stub"
_calls: dict[str, int] = {}


def configure(replay: str | None = None, impl: str = "stub") -> None:
    """Called by the pytest plugin: the ``--katas-replay`` token and the ``--katas-impl``."""
    global _replay_token, _impl
    _replay_token = replay
    _impl = impl


def _test_id() -> str:
    current = os.environ.get("PYTEST_CURRENT_TEST", "")
    return current.rsplit(" (", 1)[0] if current else ""


def _encode(decisions: Sequence[tuple[int, int, bool]]) -> str:
    parts: list[str] = []
    for value, group in itertools.groupby(d[0] for d in decisions):
        run = len(list(group))
        parts.append(f"{value}x{run}" if run > 2 else ".".join([str(value)] * run))
    return ".".join(parts) or "-"


def _decode(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split("."):
        if not part or part == "-":
            continue
        if "x" in part:
            value, run = part.split("x")
            out.extend([int(value)] * int(run))
        else:
            out.append(int(part))
    return out


def _command(call: int, decisions: Sequence[tuple[int, int, bool]]) -> str:
    test = _test_id() or "<test file>::<test name>"
    impl = f" --katas-impl={_impl}" if _impl != "stub" else ""
    return f'python -m pytest "{test}" --katas-replay={call}:{_encode(decisions)}{impl}'


def _format_steps(steps: Sequence[Step], limit: int = SHOW_STEPS) -> str:
    shown = list(steps)[-limit:]
    width = max((len(s.thread) for s in shown), default=4)
    lines = []
    if len(steps) > len(shown):
        lines.append(f"  ... {len(steps) - len(shown)} earlier steps")
    for s in shown:
        obj = f" {s.obj}" if s.obj else ""
        lines.append(f"  {s.index:>4}  {s.thread:<{width}}  {s.op}{obj} {s.detail}".rstrip())
    return "\n".join(lines)


def _failure(
    run: _Run, how: str, call: int, what: str | None, limit: int = SHOW_STEPS
) -> ScheduleFailure:
    kind, message = run.failure or ("check", "")
    head = f"{what}: " if what else ""
    text = (
        f"{head}{message}\n\n"
        f"Found by {how}.\n"
        "The schedule, step by step (thread, operation, object):\n"
        f"{_format_steps(run.steps, limit)}\n"
        f"Replay exactly this schedule:\n  {_command(call, run.decisions)}"
    )
    cls = {"deadlock": Deadlock, "runaway": Runaway}.get(kind, ScheduleFailure)
    failure = cls(text, kind, run.steps, f"{call}:{_encode(run.decisions)}")
    if isinstance(failure, Deadlock):
        failure.cycle, failure.waits = run.deadlock
    return failure


def _next_call() -> int:
    test = _test_id()
    n = _calls.get(test, -1) + 1
    _calls.clear()
    _calls[test] = n
    return n


def _seed_for(scenario: Callable[..., Any], seed: int | None, call: int) -> int:
    """The given seed, or one fixed by the test, the explore call and the scenario's name.

    Deterministic (no hash randomization), and distinct for scenarios one factory builds.
    """
    if seed is not None:
        return seed
    name = getattr(scenario, "__qualname__", "scenario")
    return zlib.crc32(f"{_test_id()}|{call}|{name}".encode())


def explore(
    scenario: Callable[[Any], Any],
    *,
    strategy: str = "random",
    schedules: int = SCHEDULES,
    seed: int | None = None,
    check: Callable[[Any], Any] | None = None,
    max_steps: int = MAX_STEPS,
    preemption_bound: int = PREEMPTION_BOUND,
    depth: int = PCT_DEPTH,
    races: bool = True,
    what: str | None = None,
    check_outcome: Callable[[Outcome], Any] | None = None,
) -> Exploration:
    """Run ``scenario(SIM)`` under up to ``schedules`` schedules; raise on the first failure.

    ``strategy`` is ``"random"`` (a seeded random walk: schedule i uses seed ``seed + i``),
    ``"pct"`` (probabilistic concurrency testing with ``depth``) or ``"dfs"`` (a systematic
    search of the tree of schedules: every schedule with no preemption, then with one, up to
    ``preemption_bound``, until ``schedules`` have run; ``exhausted`` says whether all did).
    Systematic search proves small scenarios (two or three threads, a few dozen steps)
    completely; on larger ones a bug needing two preemptions can sit thousands of schedules
    deep, where random walks and PCT usually find it within a few.
    ``check(result)`` runs after each schedule on what the scenario returned;
    ``check_outcome(outcome)`` gets the whole :class:`Outcome`, steps included, for checks on
    how the threads ran ("the poller never waited"). Either fails with an AssertionError, and
    that schedule is reported and replayable like any other failure. ``what`` names the call
    for the failure message ("Called transfer(a, b, 50) from two threads").
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy {strategy!r}: choose one of {', '.join(STRATEGIES)}")
    call = _next_call()
    base = _seed_for(scenario, seed, call)
    if _replay_token is not None and _replay_token.split(":", 1)[0] == str(call):
        prefix = _decode(_replay_token.split(":", 1)[1])
        run = _run_one(scenario, _Follow(prefix), max_steps, races)
        _judge(run, check, check_outcome, "replaying --katas-replay", call, what, show_all=True)
        return Exploration("replay", 1, {_outcome(run.result): 1}, len(run.steps))
    outcomes: dict[str, int] = {}
    longest = 0
    count = 0
    exhausted = False
    if strategy == "dfs":
        # Iterative context bounding (CHESS): every schedule with 0 preemptions, then with 1,
        # then with 2; within a level, schedules in the order they were found, so earlier
        # preemptions come first. Bugs that need few preemptions are the common ones, and a
        # plain depth-first search with a budget would spend it all deep in the tree, never
        # trying an early preemption. Each schedule runs once: a schedule's children differ
        # from it at one decision after its own forced prefix (a tree of schedules).
        frontier: list[tuple[int, int, list[int]]] = [(0, 0, [])]
        serial = itertools.count(1)
        while frontier and count < schedules:
            cost, _, prefix = heapq.heappop(frontier)
            run = _run_one(scenario, _Follow(prefix), max_steps, races)
            count += 1
            how = (
                f"a systematic search, fewest preemptions first (at most {preemption_bound}), "
                f"schedule {count}, with {cost} preemption{'s' if cost != 1 else ''}"
            )
            _judge(run, check, check_outcome, how, call, what)
            outcomes[_outcome(run.result)] = outcomes.get(_outcome(run.result), 0) + 1
            longest = max(longest, len(run.steps))
            base_choices = [d[0] for d in run.decisions]
            for k in range(len(prefix), len(run.decisions)):
                _, options, preemptive = run.decisions[k]
                child_cost = cost + (1 if preemptive else 0)
                if child_cost > preemption_bound:
                    continue
                for alt in range(options - 1, 0, -1):
                    heapq.heappush(frontier, (child_cost, next(serial), [*base_choices[:k], alt]))
        exhausted = not frontier
    else:
        length = 50
        for i in range(schedules):
            s = base + i
            chooser: _Chooser = _Random(s) if strategy == "random" else _PCT(s, depth, length)
            run = _run_one(scenario, chooser, max_steps, races)
            count += 1
            label = "a seeded random walk" if strategy == "random" else f"PCT (depth {depth})"
            how = f"{label}, schedule {i + 1} of {schedules}, seed {s}"
            _judge(run, check, check_outcome, how, call, what)
            outcomes[_outcome(run.result)] = outcomes.get(_outcome(run.result), 0) + 1
            longest = max(longest, len(run.steps))
            length = max(length, len(run.steps))
    return Exploration(strategy, count, outcomes, longest, exhausted)


def _outcome(result: Any) -> str:
    return repr(result)


def _judge(
    run: _Run,
    check: Callable[[Any], Any] | None,
    check_outcome: Callable[[Outcome], Any] | None,
    how: str,
    call: int,
    what: str | None,
    show_all: bool = False,
) -> None:
    if run.failure is None and check is not None:
        try:
            check(run.result)
        except AssertionError as error:
            run.failure = ("check", f"After the threads finished: {error}")
    if run.failure is None and check_outcome is not None:
        outcome = Outcome(run.result, tuple(run.steps), None, None, _encode(run.decisions))
        try:
            check_outcome(outcome)
        except AssertionError as error:
            run.failure = ("check", f"After the threads finished: {error}")
    if run.failure is not None:
        raise _failure(run, how, call, what, 10**6 if show_all else SHOW_STEPS)


@dataclass(frozen=True)
class Outcome:
    """One schedule run by :func:`run_once`: its result, its steps, and what broke, if any."""

    result: Any
    steps: tuple[Step, ...]
    failure: str | None  # kind: "check", "crash", "race", "deadlock", "livelock", "runaway"
    message: str | None
    token: str


def run_once(
    scenario: Callable[[Any], Any],
    *,
    seed: int = 0,
    strategy: str = "random",
    schedule: Sequence[int] | None = None,
    max_steps: int = MAX_STEPS,
    races: bool = True,
    depth: int = PCT_DEPTH,
) -> Outcome:
    """Run one schedule and return what happened without raising: for tests that compare runs.

    ``schedule`` (a list of choices) wins over ``strategy`` and ``seed``.
    """
    if schedule is not None:
        chooser: _Chooser = _Follow(schedule)
    elif strategy == "pct":
        chooser = _PCT(seed, depth, 50)
    elif strategy == "random":
        chooser = _Random(seed)
    else:
        raise ValueError(f"run_once strategy {strategy!r}: use 'random' or 'pct', or a schedule")
    run = _run_one(scenario, chooser, max_steps, races)
    kind, message = run.failure if run.failure else (None, None)
    return Outcome(run.result, tuple(run.steps), kind, message, _encode(run.decisions))


def choices(max_steps: int = 200, threads: int = 4) -> Any:
    """A hypothesis strategy for schedules: shrinking moves toward fewer preemptions."""
    from hypothesis import strategies as st

    return st.lists(st.integers(0, threads - 1), max_size=max_steps)


def replay(
    scenario: Callable[[Any], Any],
    schedule: Sequence[int],
    *,
    check: Callable[[Any], Any] | None = None,
    max_steps: int = MAX_STEPS,
    races: bool = True,
    what: str | None = None,
    check_outcome: Callable[[Outcome], Any] | None = None,
) -> Any:
    """Run one schedule given as choices (from :func:`choices`); raise if it fails."""
    call = _next_call()
    run = _run_one(scenario, _Follow(schedule), max_steps, races)
    _judge(run, check, check_outcome, "hypothesis choosing each step", call, what)
    return run.result


def run_real(scenario: Callable[[Any], Any], *, seconds: float = 1.0) -> Any:
    """Run ``scenario(REAL)`` on real threads once: the smoke test that the code transfers.

    Real threads prove nothing about schedules; this only shows the same learner code runs on
    :mod:`threading`. ``seconds`` is a hang guard, never a grade. An exception in any thread
    the scenario started ends the run and is raised here, naming the thread.
    """
    global _real_errors
    box: dict[str, Any] = {}
    errors: list[tuple[str, BaseException]] = []

    def body() -> None:
        try:
            box["result"] = scenario(REAL)
        except BaseException as error:  # reported below, in the test's thread
            box["error"] = error

    _real_errors = errors
    try:
        runner = threading.Thread(target=body, daemon=True, name="katas-real")
        runner.start()
        end = time.monotonic() + seconds
        while runner.is_alive() and not errors and time.monotonic() < end:
            runner.join(0.01)
    finally:
        _real_errors = None
    if errors:
        name, error = errors[0]
        raise AssertionError(
            f"On real threads, thread {name} raised {type(error).__name__}: {error}"
        ) from error
    if runner.is_alive():
        raise AssertionError(
            f"On real threads the scenario did not finish within {seconds:g} s: a deadlock or "
            "a lost wake-up that the scheduled runs did not reach. Run the scheduled tests "
            "first; they show the schedule."
        )
    if "error" in box:
        raise box["error"]
    return box.get("result")
