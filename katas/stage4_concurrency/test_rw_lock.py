"""Tests for the reader-writer lock kata: exclusion, sharing, and who goes first.

Every test builds a scenario of reader and writer threads around one ``RWLock`` and hands it to
the scheduler in ``checker/harness/schedule.py``, which runs it on many thread schedules
(systematically, fewest preemptions first, where it says "dfs"). The test keeps its own bookkeeping
of who is inside the lock, in the order things happened; since exactly one scheduled thread
runs at a time, that bookkeeping is exact. The tests that are about *order* (who gets in first)
use virtual time: ``rt.sleep`` returns only once every other thread is blocked or asleep, so
"R2 arrives at t=2" means that by then W is truly waiting inside ``acquire_write``. Nothing is
timed on the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from checker.harness.schedule import Outcome, Runtime, explore, run_real, run_threads
from katas.stage4_concurrency.rw_lock import RWLock

HINT = "Try `katas hint rw-lock`."

# Schedules per exploration. The timed scenarios fix the order of arrivals, so a few schedules
# cover the interleavings that matter; the untimed ones race everything against everything.
SHORT = 20
WIDE = 100

# An actor of a timed scenario: (name, arrives at, stays inside for). Names starting with "W"
# are writers, "R" readers.
Actor = tuple[str, float, float]


class Room:
    """The test's own record of who is inside the lock and what happened, in order."""

    def __init__(self) -> None:
        self.inside: list[str] = []
        self.log: list[tuple[str, str]] = []  # ("arrive" | "enter" | "leave", name)
        self.most_readers = 0

    def arrive(self, name: str) -> None:
        self.log.append(("arrive", name))

    def enter(self, name: str) -> None:
        writers = [n for n in self.inside if n.startswith("W")]
        if name.startswith("W") and self.inside:
            raise AssertionError(
                f"{name} returned from acquire_write() while {_names(self.inside)} "
                f"{_was(self.inside)} still inside. A writer must be alone: it waits while a "
                "writer is inside or any reader is. " + HINT
            )
        if writers:
            raise AssertionError(
                f"{name} returned from acquire_read() while writer {writers[0]} was still "
                "inside. A reader waits while a writer is inside. " + HINT
            )
        self.inside.append(name)
        self.log.append(("enter", name))
        readers = sum(1 for n in self.inside if n.startswith("R"))
        self.most_readers = max(self.most_readers, readers)

    def leave(self, name: str) -> None:
        self.inside.remove(name)
        self.log.append(("leave", name))

    def entered(self) -> list[str]:
        return [name for event, name in self.log if event == "enter"]

    def __repr__(self) -> str:  # the outcome explore() counts: who got in, in order
        return repr(self.entered())


def _names(names: list[str]) -> str:
    return " and ".join(", ".join(names).rsplit(", ", 1)) if names else "nobody"


def _was(names: list[str]) -> str:
    return "was" if len(names) == 1 else "were"


def _reader(rt: Runtime, lock: RWLock, room: Room, data, name: str, stay: float = 0.0):
    def body() -> None:
        room.arrive(name)
        with lock.reading():
            room.enter(name)
            data.load()
            if stay:
                rt.sleep(stay)
            room.leave(name)

    return body


def _writer(rt: Runtime, lock: RWLock, room: Room, data, name: str, stay: float = 0.0):
    def body() -> None:
        room.arrive(name)
        with lock.writing():
            room.enter(name)
            data.store(data.load() + 1)
            if stay:
                rt.sleep(stay)
            room.leave(name)

    return body


def mixed(readers: int, writers: int) -> Callable[[Runtime], int]:
    """Readers and writers that each go in once, at once; returns the most readers inside."""

    def scenario(rt: Runtime) -> int:
        lock, room = RWLock(rt), Room()
        data = rt.SharedCell(0, name="data")
        bodies = {}
        for i in range(1, readers + 1):
            bodies[f"R{i}"] = _reader(rt, lock, room, data, f"R{i}")
        for i in range(1, writers + 1):
            bodies[f"W{i}"] = _writer(rt, lock, room, data, f"W{i}")
        run_threads(rt, **bodies)
        if data.value != writers:
            raise AssertionError(
                f"{writers} writers each added 1 to the data under the write lock, but it "
                f"holds {data.value}: two writers were inside at once. " + HINT
            )
        return room.most_readers

    return scenario


def timed(actors: list[Actor]) -> Callable[[Runtime], Room]:
    """Each actor sleeps until it arrives, goes in, stays a while; returns the ``Room``."""

    def scenario(rt: Runtime) -> Room:
        lock, room = RWLock(rt), Room()
        data = rt.SharedCell(0, name="data")

        def actor(name: str, at: float, stay: float) -> Callable[[], None]:
            make = _writer if name.startswith("W") else _reader
            body = make(rt, lock, room, data, name, stay)

            def run() -> None:
                if at:
                    rt.sleep(at)
                body()

            return run

        run_threads(rt, **{name: actor(name, at, stay) for name, at, stay in actors})
        return room

    return scenario


def _plan(actors: list[Actor]) -> str:
    return "; ".join(
        f"{name} {'writes' if name.startswith('W') else 'reads'} from t={at:g} for {stay:g}"
        for name, at, stay in actors
    )


# -- exclusion and sharing --------------------------------------------------------------------


def test_a_writer_is_never_inside_together_with_anyone_else():
    explore(
        mixed(readers=2, writers=1),
        strategy="dfs",
        schedules=WIDE,
        what="Readers R1, R2 and writer W1 each went through `with lock.reading()` / "
        "`with lock.writing()` once, at the same time",
    )


def test_two_writers_take_turns_and_lose_no_update():
    explore(
        mixed(readers=1, writers=2),
        strategy="dfs",
        schedules=WIDE,
        what="Reader R1 and writers W1, W2 each went in once, at the same time",
    )


OVERLAP = [("R1", 0, 2), ("R2", 1, 2)]


def test_a_reader_arriving_while_another_reads_goes_straight_in():
    def check(room: Room) -> None:
        if room.most_readers != 2:
            raise AssertionError(
                f"with no writer around, at most {room.most_readers} reader was inside "
                "at a time; expected both at once from t=1. Readers must not exclude each "
                "other: hold your internal Lock only while you update the counts, never while "
                "the caller reads. " + HINT
            )

    explore(timed(OVERLAP), strategy="dfs", schedules=SHORT, check=check, what=_plan(OVERLAP))


def test_the_lock_keeps_its_state_in_shared_cells_guarded_by_its_lock():
    def scenario(rt: Runtime) -> None:
        lock = RWLock(rt)
        lock.acquire_read()
        lock.release_read()
        lock.acquire_write()
        lock.release_write()

    def check(outcome: Outcome) -> None:
        kinds = {step.kind for step in outcome.steps}
        assert "SharedCell" in kinds and "Lock" in kinds, (
            f"the primitives it touched: {sorted(k for k in kinds if k) or 'none'}; expected an "
            "rt.Lock (with rt.Condition on it) and rt.SharedCell objects holding the counts. "
            "Plain attributes are invisible to the scheduler, so it could not check them for "
            "races."
        )

    explore(
        scenario,
        schedules=1,
        check_outcome=check,
        what="One thread called acquire_read(), release_read(), acquire_write(), release_write()",
    )


# -- who goes first ---------------------------------------------------------------------------

WRITER_WAITS = [("R1", 0, 3), ("W1", 1, 1), ("R2", 2, 1)]


def test_a_reader_arriving_while_a_writer_waits_goes_in_after_that_writer():
    def check(room: Room) -> None:
        order = room.entered()
        if order.index("W1") > order.index("R2"):
            raise AssertionError(
                f"W1 was waiting for R1 to leave when R2 arrived, yet they got in in the order "
                f"{order}; expected W1 before R2. Writer preference: once a writer waits, new "
                "readers wait behind it, or a stream of overlapping readers could keep it out "
                "forever. " + HINT
            )

    explore(
        timed(WRITER_WAITS),
        strategy="dfs",
        schedules=SHORT,
        check=check,
        what=_plan(WRITER_WAITS),
    )


def _jumped(log: list[tuple[str, str]]) -> tuple[str, list[str], str] | None:
    """The first writer that went in while readers waiting when the last writer left still
    waited: (the writer who left, the readers left waiting, the writer who went first)."""
    waiting: list[str] = []
    owed: tuple[str, list[str]] | None = None  # readers due in before the next writer
    for event, name in log:
        reader = name.startswith("R")
        if event == "arrive" and reader:
            waiting.append(name)
        elif event == "enter" and reader:
            waiting.remove(name)
            if owed is not None and name in owed[1]:
                owed[1].remove(name)
        elif event == "enter" and owed is not None and owed[1]:
            return owed[0], owed[1], name
        elif event == "leave" and not reader:
            owed = (name, list(waiting))
    return None


def _writer_turns(log: list[tuple[str, str]], reader: str) -> list[str]:
    """The writers that went in while ``reader`` waited."""
    turns: list[str] = []
    waiting = False
    for event, name in log:
        if name == reader and event in ("arrive", "enter"):
            waiting = event == "arrive"
        elif waiting and event == "enter" and name.startswith("W"):
            turns.append(name)
    return turns


STREAMS = {
    "a reader arrives during a write": [
        ("W1", 0, 2.5),
        ("R1", 0.5, 1),
        ("W2", 1, 2.5),
        ("W3", 2, 2.5),
        ("W4", 3, 2.5),
    ],
    "a reader arrives while a writer waits": [
        ("R1", 0, 2),
        ("W1", 0.5, 2),
        ("R2", 1, 1),
        ("W2", 1.5, 2),
        ("W3", 2.5, 2),
    ],
}


def _stream_test(case: str) -> None:
    actors = STREAMS[case]

    def check(room: Room) -> None:
        log, order = room.log, room.entered()
        jumped = _jumped(log)
        if jumped is None:
            return
        left, readers, first = jumped
        turns = {r: _writer_turns(log, r) for r in readers}
        waited = "; ".join(
            f"{r} waited through {len(t)} writer turns: {_names(t)}" for r, t in turns.items()
        )
        raise AssertionError(
            f"writers keep coming, and they got in in the order {order}. When {left} released "
            f"the write lock, {_names(readers)} {_was(readers)} waiting, yet {first} went in "
            f"first ({waited}). Expected: when a writer leaves, every reader already waiting "
            "goes in, as one batch, before the next writer, so a reader waits through at most "
            "one writer's turn. Handing the lock from writer to writer starves the readers. " + HINT
        )

    explore(timed(actors), strategy="dfs", schedules=SHORT, check=check, what=_plan(actors))


def test_readers_waiting_when_a_writer_leaves_go_before_the_next_writer():
    _stream_test("a reader arrives during a write")


def test_a_reader_behind_a_waiting_writer_waits_for_that_writer_only():
    _stream_test("a reader arrives while a writer waits")


def test_releasing_the_write_lock_lets_every_waiting_reader_in():
    actors = [("W1", 0, 2), ("R1", 0.5, 1), ("R2", 1, 1), ("R3", 1.5, 1)]

    def check(room: Room) -> None:
        if room.most_readers != 3:
            raise AssertionError(
                "all three readers waited for W1, so when W1 left they should all have gone "
                f"in together; at most {room.most_readers} were inside at once. " + HINT
            )

    explore(
        timed(actors),
        strategy="dfs",
        schedules=SHORT,
        check=check,
        what=f"{_plan(actors)}; when W1 leaves, every waiting reader must wake up",
    )


def test_a_writer_gets_in_while_readers_keep_overlapping():
    """Two readers take turns so that one of them is always inside; a writer arrives."""

    def scenario(rt: Runtime) -> list[str]:
        lock, room = RWLock(rt), Room()
        data = rt.SharedCell(0, name="data")
        written = rt.Event(name="written")

        def reader(name: str, start: float) -> Callable[[], None]:
            def run() -> None:
                rt.sleep(start)
                while not written.is_set():
                    room.arrive(name)
                    with lock.reading():
                        room.enter(name)
                        data.load()
                        rt.sleep(1)
                        room.leave(name)

            return run

        def writer() -> None:
            rt.sleep(0.25)
            room.arrive("W1")
            with lock.writing():
                room.enter("W1")
                data.store(1)
                room.leave("W1")
            written.set()

        run_threads(rt, R1=reader("R1", 0), R2=reader("R2", 0.5), W1=writer)
        return room.entered()

    explore(
        scenario,
        strategy="dfs",
        schedules=SHORT,
        max_steps=500,
        what="Readers R1 (from t=0) and R2 (from t=0.5) each read for 1 time unit again and "
        "again until W1 has written, so one of them is always inside; W1 called "
        "acquire_write() at t=0.25. Once W1 waits, new readers must wait behind it; otherwise "
        "the writer starves",
    )


def test_leaving_a_with_block_by_an_exception_releases_the_lock():
    def scenario(rt: Runtime) -> list[str]:
        lock, room = RWLock(rt), Room()
        data = rt.SharedCell(0, name="data")

        def failing(context: Callable[[], object], name: str) -> Callable[[], None]:
            def run() -> None:
                try:
                    with context():
                        room.enter(name)
                        room.leave(name)
                        raise ValueError("boom")
                except ValueError:
                    pass

            return run

        run_threads(rt, R1=failing(lock.reading, "R1"), W1=failing(lock.writing, "W1"))
        run_threads(rt, W2=_writer(rt, lock, room, data, "W2"))
        return room.entered()

    explore(
        scenario,
        strategy="dfs",
        schedules=SHORT,
        what="R1 raised ValueError inside `with lock.reading()` and W1 inside "
        "`with lock.writing()`; then W2 called acquire_write(). Release in a finally block "
        "(or a @contextmanager with try/finally) so an exception cannot leave the lock held",
    )


def test_the_lock_runs_on_real_threads():
    def scenario(rt: Runtime) -> int:
        lock = RWLock(rt)
        guard = rt.Lock()
        count = rt.SharedCell(0)
        inside: list[str] = []
        clashes: list[str] = []

        def enter(name: str) -> None:
            with guard:
                if inside and (name.startswith("W") or inside[0].startswith("W")):
                    clashes.append(f"{name} went in beside {', '.join(inside)}")
                inside.append(name)

        def leave(name: str) -> None:
            with guard:
                inside.remove(name)

        def reader(name: str) -> None:
            for _ in range(50):
                with lock.reading():
                    enter(name)
                    count.load()
                    leave(name)

        def writer(name: str) -> None:
            for _ in range(50):
                with lock.writing():
                    enter(name)
                    count.store(count.load() + 1)
                    leave(name)

        run_threads(
            rt,
            **{f"R{i}": partial(reader, f"R{i}") for i in range(3)},
            **{f"W{i}": partial(writer, f"W{i}") for i in range(2)},
        )
        return count.value, clashes

    count, clashes = run_real(scenario)
    assert not clashes and count == 100, (
        "On real threads, three readers each went through lock.reading() 50 times while two "
        f"writers each added 1 to a count 50 times under lock.writing(). The count is {count} "
        f"(expected 100) and {len(clashes)} entries broke exclusion"
        + (f", first: {clashes[0]}" if clashes else "")
        + ". Run the scheduled tests first: they show the schedule that breaks it."
    )
