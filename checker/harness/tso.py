"""A store-buffer (TSO) machine, a sequentially consistent one, and an explorer of every schedule.

Threads run programs in a tiny instruction language:

=============================  =========================  ===================================
instruction                    shown as                   what it does
=============================  =========================  ===================================
``Store("x", 1)``              ``x = 1``                  write 1 to memory variable x
``Load("r1", "x")``            ``r1 = x``                 read x into the thread's register r1
``Fence()``                    ``fence``                  TSO: wait until the buffer is empty
``Label("spin")``              ``spin:``                  name the next instruction (no step)
``Goto("spin")``               ``goto spin``              jump
``If("r1", "==", 0, "spin")``  ``if r1 == 0 goto spin``   jump if the register compares so
``Enter()``, ``Leave()``       ``enter``, ``leave``       enter / leave the critical section
=============================  =========================  ===================================

Memory variables and registers start at 0 (``explore(memory=...)`` sets other initial values);
registers are private to their thread. A thread is done when it runs off the end of its program.

Two machines:

- ``SC``, sequential consistency: one memory, every store is visible to all at once. Any
  interleaving of the threads' instructions, in program order, is a run.
- ``TSO``, total store order (x86-64, SPARC): each thread has a FIFO store buffer. A store goes
  into the buffer, newest last. A load reads the newest store to that variable in its own
  buffer, else memory. At any moment the oldest store of any buffer may drain to memory. A
  fence waits until its thread's buffer is empty. A store waits while its buffer already holds
  ``buffer_size`` stores, as a full store buffer stalls a real core; this keeps a loop that
  stores from growing the state space forever.

``explore`` visits every state reachable under every interleaving of thread steps and buffer
drains, breadth first, remembering the states it has seen, so a spin loop ends the search
instead of unrolling it. Its ``Exploration`` answers: the outcomes of the runs that finish,
the shortest path to a state a predicate picks (``mutual_exclusion_broken``: two threads in
the critical section at once), and the shortest path to a state from which no schedule lets
every thread finish (a deadlock, or threads that can only spin: ``stuck``). A path prints as a
numbered list of steps, each with the thread, the instruction and its effect on registers,
buffers and memory; ``listing(threads)`` prints the programs themselves side by side.

``tso_with(...)`` builds a TSO machine whose store, load, drain and fence rules are given
functions (a learner's), so its outcomes can be compared with the reference on any program.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Buffer = tuple[tuple[str, int], ...]  # a thread's store buffer, oldest store first
Outcome = tuple[tuple[str, int], ...]  # a finished run: ("0:r1", 0), ..., ("x", 1), sorted

MAX_STATES = 60_000  # about a second of exploring; a correct kata program needs far fewer
BUFFER_SIZE = 4
SHOWN_STEPS = 30  # a path longer than this prints its last SHOWN_STEPS steps


# -- the instruction language -------------------------------------------------------------------


@dataclass(frozen=True)
class Store:
    """Write ``value`` to memory variable ``var`` (on TSO: into the thread's store buffer)."""

    var: str
    value: int

    def __str__(self) -> str:
        return f"{self.var} = {self.value}"


@dataclass(frozen=True)
class Load:
    """Read memory variable ``var`` into register ``reg``."""

    reg: str
    var: str

    def __str__(self) -> str:
        return f"{self.reg} = {self.var}"


@dataclass(frozen=True)
class Fence:
    """Wait until this thread's store buffer is empty (a full fence, x86 ``mfence``)."""

    def __str__(self) -> str:
        return "fence"


@dataclass(frozen=True)
class Label:
    """Name the next instruction, for ``Goto`` and ``If``; it is not a step."""

    name: str

    def __str__(self) -> str:
        return f"{self.name}:"


@dataclass(frozen=True)
class Goto:
    """Jump to ``label``."""

    label: str

    def __str__(self) -> str:
        return f"goto {self.label}"


@dataclass(frozen=True)
class If:
    """Jump to ``label`` when register ``reg`` compares to ``value`` (``op`` is == or !=)."""

    reg: str
    op: str
    value: int
    label: str

    def __str__(self) -> str:
        return f"if {self.reg} {self.op} {self.value} goto {self.label}"


@dataclass(frozen=True)
class Enter:
    """The thread enters the critical section."""

    def __str__(self) -> str:
        return "enter"


@dataclass(frozen=True)
class Leave:
    """The thread leaves the critical section."""

    def __str__(self) -> str:
        return "leave"


Instruction = Store | Load | Fence | Label | Goto | If | Enter | Leave
INSTRUCTIONS = (Store, Load, Fence, Label, Goto, If, Enter, Leave)
COMPARISONS = ("==", "!=")

_STORE, _LOAD, _FENCE, _GOTO, _IF, _ENTER, _LEAVE = range(7)


class ProgramError(ValueError):
    """A thread's program cannot run: not an instruction, a bad name, a missing label."""


@dataclass(frozen=True)
class Program:
    """One thread's program, assembled: labels resolved to instruction indexes."""

    ops: tuple[tuple[Any, ...], ...]
    text: tuple[str, ...]  # each op as shown, e.g. "r1 = x"
    labels: tuple[str, ...]  # the label naming each op, or ""
    registers: tuple[str, ...]
    variables: frozenset[str]


def _is_name(name: object) -> bool:
    return isinstance(name, str) and name.isidentifier()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def assemble(program: Iterable[Instruction], thread: int = 0) -> Program:
    """Check one thread's program and resolve its labels; raise ``ProgramError`` if it is bad."""
    where = f"thread {thread}"
    if isinstance(program, (str, bytes)) or not isinstance(program, Iterable):
        raise ProgramError(
            f"{where}'s program is {program!r}; it should be a list of instructions "
            "(Store, Load, Fence, Label, Goto, If, Enter, Leave)."
        )
    items = list(program)
    labels: dict[str, int] = {}
    steps: list[Instruction] = []
    names: list[str] = []
    pending = ""
    for i, item in enumerate(items):
        at = f"{where}, item {i} ({item!r})"
        if not isinstance(item, INSTRUCTIONS):
            raise ProgramError(
                f"{at} is not an instruction; build programs from Store, Load, Fence, Label, "
                "Goto, If, Enter and Leave (import them from checker.harness.tso)."
            )
        if isinstance(item, Label):
            if not _is_name(item.name):
                raise ProgramError(f"{at}: a label is a name such as 'spin'.")
            if item.name in labels:
                raise ProgramError(
                    f"{at}: the label {item.name!r} is defined twice in {where}'s program; "
                    "give each place its own label (add the round number: 'spin0', 'spin1')."
                )
            labels[item.name] = len(steps)
            pending = item.name
            continue
        _check_fields(item, at)
        steps.append(item)
        names.append(pending)
        pending = ""
    registers: list[str] = []
    variables: set[str] = set()

    def reg(name: str) -> int:
        if name not in registers:
            registers.append(name)
        return registers.index(name)

    ops: list[tuple[Any, ...]] = []
    for item in steps:
        if isinstance(item, (Goto, If)) and item.label not in labels:
            known = ", ".join(sorted(labels)) or "none"
            raise ProgramError(
                f"{where}, instruction `{item}`: no label {item.label!r} in {where}'s program "
                f"(its labels: {known}). A label must be in the same thread's program."
            )
        if isinstance(item, Store):
            variables.add(item.var)
            ops.append((_STORE, item.var, item.value))
        elif isinstance(item, Load):
            variables.add(item.var)
            ops.append((_LOAD, reg(item.reg), item.var))
        elif isinstance(item, Fence):
            ops.append((_FENCE,))
        elif isinstance(item, Goto):
            ops.append((_GOTO, labels[item.label]))
        elif isinstance(item, If):
            ops.append((_IF, reg(item.reg), item.op == "==", item.value, labels[item.label]))
        elif isinstance(item, Enter):
            ops.append((_ENTER,))
        else:
            ops.append((_LEAVE,))
    return Program(
        tuple(ops),
        tuple(str(s) for s in steps),
        tuple(names),
        tuple(registers),
        frozenset(variables),
    )


def _check_fields(item: Instruction, at: str) -> None:
    if isinstance(item, Store):
        if not _is_name(item.var) or not _is_int(item.value):
            raise ProgramError(f"{at}: Store(var, value) takes a variable name and an int.")
    elif isinstance(item, Load):
        if not _is_name(item.reg) or not _is_name(item.var):
            raise ProgramError(f"{at}: Load(reg, var) takes a register name and a variable name.")
    elif isinstance(item, Goto):
        if not _is_name(item.label):
            raise ProgramError(f"{at}: Goto(label) takes the name of a Label.")
    elif isinstance(item, If) and (
        not _is_name(item.reg)
        or item.op not in COMPARISONS
        or not _is_int(item.value)
        or not _is_name(item.label)
    ):
        raise ProgramError(
            f"{at}: If(reg, op, value, label) takes a register name, '==' or '!=', an int and "
            "the name of a Label, as in If('r1', '==', 0, 'spin')."
        )


# -- machines -----------------------------------------------------------------------------------


class SemanticsError(Exception):
    """A plugged-in store, load, drain or fence rule raised or returned something unusable."""


@dataclass(frozen=True)
class Machine:
    """How memory behaves: ``SC``, ``TSO``, or a TSO whose rules are plugged in (``tso_with``).

    A rule left as None is the reference TSO rule; the explorer runs those inline, fast.
    """

    name: str
    buffered: bool
    store: Callable[[Buffer, str, int], Buffer] | None = None
    load: Callable[[Buffer, Mapping[str, int], str], int] | None = None
    drain: Callable[[Buffer, Mapping[str, int]], tuple[Buffer, Mapping[str, int]]] | None = None
    fence_ready: Callable[[Buffer], bool] | None = None

    def __str__(self) -> str:
        return self.name


SC = Machine("SC", buffered=False)
TSO = Machine("TSO", buffered=True)


def tso_with(
    *,
    store: Callable[[Buffer, str, int], Buffer] | None = None,
    load: Callable[[Buffer, Mapping[str, int], str], int] | None = None,
    drain: Callable[[Buffer, Mapping[str, int]], tuple[Buffer, Mapping[str, int]]] | None = None,
    fence_ready: Callable[[Buffer], bool] | None = None,
    name: str = "your TSO",
) -> Machine:
    """A TSO machine using the given rules (the reference's for any left out).

    Each rule gets fresh arguments (a buffer tuple, a new dict for memory) and its answer is
    checked; a rule that raises or returns junk stops the exploration with ``SemanticsError``
    naming the call and what came back.
    """
    return Machine(
        name,
        buffered=True,
        store=None if store is None else _checked_store(store),
        load=None if load is None else _checked_load(load),
        drain=None if drain is None else _checked_drain(drain),
        fence_ready=None if fence_ready is None else _checked_fence(fence_ready),
    )


def _fn_name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__name__", repr(fn))


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except NotImplementedError:
        raise  # a stub not written yet: the checker reports that as "not started"
    except Exception as error:
        shown = f"{_fn_name(fn)}({', '.join(map(repr, args))})"
        raise SemanticsError(f"{shown} raised {type(error).__name__}: {error}") from None


def _as_buffer(got: Any) -> Buffer | None:
    """``got`` as a buffer (a tuple of (variable, int) pairs), or None if it is not one."""
    if not isinstance(got, (tuple, list)):
        return None
    entries = []
    for entry in got:
        if (
            not isinstance(entry, (tuple, list))
            or len(entry) != 2
            or not isinstance(entry[0], str)
            or not _is_int(entry[1])
        ):
            return None
        entries.append((entry[0], entry[1]))
    return tuple(entries)


def _checked_store(fn: Callable[..., Any]) -> Callable[[Buffer, str, int], Buffer]:
    def store(buffer: Buffer, var: str, value: int) -> Buffer:
        got = _call(fn, buffer, var, value)
        new = _as_buffer(got)
        if new is None:
            raise SemanticsError(
                f"{_fn_name(fn)}({buffer!r}, {var!r}, {value!r}) returned {got!r}; it should "
                "return the new buffer, a tuple of (variable, value) pairs, oldest first."
            )
        return new

    return store


def _checked_load(fn: Callable[..., Any]) -> Callable[[Buffer, Mapping[str, int], str], int]:
    def load(buffer: Buffer, memory: Mapping[str, int], var: str) -> int:
        given = dict(memory)
        got = _call(fn, buffer, given, var)
        if not _is_int(got):
            raise SemanticsError(
                f"{_fn_name(fn)}({buffer!r}, {dict(memory)!r}, {var!r}) returned {got!r}; "
                "it should return the int the load reads."
            )
        return got

    return load


def _checked_drain(fn: Callable[..., Any]) -> Callable[..., tuple[Buffer, Mapping[str, int]]]:
    def drain(buffer: Buffer, memory: Mapping[str, int]) -> tuple[Buffer, Mapping[str, int]]:
        given = dict(memory)
        got = _call(fn, buffer, given)
        shown = f"{_fn_name(fn)}({buffer!r}, {dict(memory)!r})"
        if not isinstance(got, tuple) or len(got) != 2:
            raise SemanticsError(
                f"{shown} returned {got!r}; it should return a pair (new buffer, new memory)."
            )
        new_buffer, new_memory = _as_buffer(got[0]), got[1]
        if (
            new_buffer is None
            or not isinstance(new_memory, Mapping)
            or set(new_memory) != set(memory)
            or not all(_is_int(v) for v in new_memory.values())
        ):
            raise SemanticsError(
                f"{shown} returned {got!r}; it should return (new buffer, new memory): a tuple "
                f"of (variable, value) pairs and a dict with the same variables "
                f"({', '.join(sorted(memory))}), each mapped to an int."
            )
        return new_buffer, dict(new_memory)

    return drain


def _checked_fence(fn: Callable[..., Any]) -> Callable[[Buffer], bool]:
    def fence_ready(buffer: Buffer) -> bool:
        got = _call(fn, buffer)
        if not isinstance(got, bool):
            raise SemanticsError(
                f"{_fn_name(fn)}({buffer!r}) returned {got!r}; it should return True or False."
            )
        return got

    return fence_ready


# -- states and paths ---------------------------------------------------------------------------

# A state is a tuple: (memory, thread 0, thread 1, ...). memory is a tuple of ints, one per
# variable in sorted order; a thread is (pc, registers, buffer, inside, entries): registers a
# tuple of ints in the order the program first names them, inside 1 while in the critical
# section, entries how many times it entered. Plain tuples hash fast, which the search needs.
State = tuple[Any, ...]
_PC, _REGS, _BUF, _INSIDE, _ENTRIES = range(5)


@dataclass(frozen=True)
class Step:
    """One step of a path: who moved, what it did, and what changed."""

    actor: str  # "T0", or "T0 buffer" for a drain
    action: str  # the instruction, or the drained store
    effect: str

    def __str__(self) -> str:
        return f"{self.actor:<10} {self.action:<22} {self.effect}".rstrip()


@dataclass(frozen=True)
class Path:
    """The steps from the initial state to a state, and that state described."""

    steps: tuple[Step, ...]
    end: str  # the final state, described

    def __len__(self) -> int:
        return len(self.steps)

    def format(self, shown: int = SHOWN_STEPS) -> str:
        """Numbered steps (the last ``shown`` of them) and the state they reach."""
        lines = []
        first = max(0, len(self.steps) - shown)
        if first:
            lines.append(f"  ... {first} earlier steps not shown")
        width = len(str(len(self.steps)))
        for number, step in enumerate(self.steps[first:], start=first + 1):
            lines.append(f"  {number:>{width}}. {step}")
        if not self.steps:
            lines.append("  (the initial state: no step taken)")
        lines.append(self.end)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


class View:
    """A reachable state as a predicate sees it (``Exploration.find``, ``explore(stop_at=)``)."""

    __slots__ = ("_ex", "state")

    def __init__(self, exploration: Exploration, state: State) -> None:
        self._ex = exploration
        self.state = state

    @property
    def inside(self) -> tuple[bool, ...]:
        """For each thread, whether it is in the critical section."""
        return tuple(bool(t[_INSIDE]) for t in self.state[1:])

    @property
    def memory(self) -> dict[str, int]:
        return dict(zip(self._ex.variables, self.state[0], strict=True))

    def registers(self, thread: int) -> dict[str, int]:
        names = self._ex.programs[thread].registers
        return dict(zip(names, self.state[1 + thread][_REGS], strict=True))

    def buffer(self, thread: int) -> Buffer:
        return self.state[1 + thread][_BUF]

    def pc(self, thread: int) -> int:
        """The index of ``thread``'s next instruction, labels not counted."""
        return self.state[1 + thread][_PC]

    def entries(self, thread: int) -> int:
        """How many times ``thread`` has entered the critical section so far."""
        return self.state[1 + thread][_ENTRIES]

    def done(self, thread: int) -> bool:
        """Whether ``thread`` ran off the end of its program (its buffer may still drain)."""
        return self.state[1 + thread][_PC] >= len(self._ex.programs[thread].ops)


def mutual_exclusion_broken(view: View) -> bool:
    """Two or more threads are in the critical section at once."""
    return sum(t[_INSIDE] for t in view.state[1:]) >= 2


class StateLimitExceeded(Exception):
    """The search met more states than its cap: the program's state space is too big."""

    def __init__(self, limit: int, path: Path) -> None:
        self.limit = limit
        self.path = path
        super().__init__(
            f"The search stopped after {limit} distinct states without finishing. A program "
            "whose state keeps changing forever looks like this: a loop that enters the "
            "critical section again and again, or keeps counting. One of the newest states "
            f"explored, and how it was reached:\n{path.format(12)}"
        )


# -- the explorer -------------------------------------------------------------------------------


class Exploration:
    """Every state ``explore`` reached, with the first way it was reached."""

    def __init__(
        self,
        programs: tuple[Program, ...],
        variables: tuple[str, ...],
        machine: Machine,
        initial: State,
    ) -> None:
        self.programs = programs
        self.variables = variables
        self.machine = machine
        self.initial = initial
        # state -> (previous state, (thread, drained?)); insertion order is breadth-first order.
        self.parent: dict[State, tuple[State | None, tuple[int, bool] | None]] = {}
        self.successors: dict[State, tuple[State, ...]] = {}
        self.complete = False
        self.found: Path | None = None  # the path to the state stop_at picked, if any

    @property
    def states(self) -> int:
        """How many distinct states were reached."""
        return len(self.parent)

    def is_final(self, state: State) -> bool:
        """Every thread ran off the end of its program and every buffer is empty."""
        return all(
            t[_PC] >= len(p.ops) and not t[_BUF]
            for t, p in zip(state[1:], self.programs, strict=True)
        )

    @property
    def finals(self) -> list[State]:
        self._need_complete("the final states")
        return [s for s in self.parent if self.is_final(s)]

    def outcome(self, state: State) -> Outcome:
        """A finished state as ``(("0:r1", 0), ..., ("x", 1))``: registers and memory, sorted."""
        pairs = list(zip(self.variables, state[0], strict=True))
        for i, (t, p) in enumerate(zip(state[1:], self.programs, strict=True)):
            pairs += [(f"{i}:{r}", v) for r, v in zip(p.registers, t[_REGS], strict=True)]
        return tuple(sorted(pairs))

    @property
    def outcomes(self) -> frozenset[Outcome]:
        """The outcome of every run that finishes."""
        return frozenset(self.outcome(s) for s in self.finals)

    def witness(self, outcome: Outcome) -> Path | None:
        """The shortest path to a final state with this outcome, or None if there is none."""
        for state in self.finals:
            if self.outcome(state) == tuple(sorted(outcome)):
                return self.path_to(state)
        return None

    def find(self, predicate: Callable[[View], bool]) -> Path | None:
        """The shortest path to a reached state the predicate picks, or None."""
        for state in self.parent:
            if predicate(View(self, state)):
                return self.path_to(state)
        return None

    def stuck(self) -> Path | None:
        """A shortest path into a trap: states no schedule leads out of to a finished run.

        Every state that cannot reach a finished run leads only to others like it, and in the
        end into a trap, a set of states the threads circle in forever (spinning, waiting on a
        fence) or a state with no move at all. The path goes to the nearest state of a trap,
        and its description names the instructions each thread is stuck repeating.
        """
        self._need_complete("whether every thread can always finish")
        preds: dict[State, list[State]] = {}
        for state, nexts in self.successors.items():
            for n in nexts:
                preds.setdefault(n, []).append(state)
        can_finish = {s for s in self.parent if self.is_final(s)}
        queue = deque(can_finish)
        while queue:
            for p in preds.get(queue.popleft(), ()):
                if p not in can_finish:
                    can_finish.add(p)
                    queue.append(p)
        if len(can_finish) == len(self.parent):
            return None
        traps = _bottom_components([s for s in self.parent if s not in can_finish], self.successors)
        trap_of = {s: trap for trap in traps for s in trap}
        for state in self.parent:  # breadth-first order: the first one found is nearest
            if state in trap_of:
                path = self.path_to(state)
                return Path(path.steps, self._trap_text(trap_of[state]) + "\n" + path.end)
        raise AssertionError("a state that cannot finish leads to a trap")  # pragma: no cover

    def _trap_text(self, trap: frozenset[State]) -> str:
        lines = [
            "  From here no schedule lets every thread finish. Whatever runs next, the "
            "threads only go round in:"
        ]
        for i, p in enumerate(self.programs):
            pcs = sorted({s[1 + i][_PC] for s in trap})
            if pcs == [len(p.ops)]:
                lines.append(f"    T{i}: finished")
                continue
            shown = ", ".join(
                f"`{p.labels[pc] + ': ' if p.labels[pc] else ''}{p.text[pc]}`"
                for pc in pcs
                if pc < len(p.ops)
            )
            verb = "stuck at" if len(pcs) == 1 else "loops over"
            lines.append(f"    T{i}: {verb} {shown}")
        return "\n".join(lines)

    def _need_complete(self, what: str) -> None:
        if not self.complete:
            raise RuntimeError(
                f"{what} needs the whole state space, but this search stopped early at the "
                "state stop_at picked; explore again without stop_at."
            )

    # -- paths ----------------------------------------------------------------------------------

    def path_to(self, state: State) -> Path:
        """How the search first reached ``state`` (a shortest path), step by step."""
        chain: list[tuple[State, tuple[int, bool]]] = []
        at = state
        while True:
            before, move = self.parent[at]
            if before is None or move is None:
                break
            chain.append((before, move))
            at = before
        chain.reverse()
        steps = []
        for i, (before, move) in enumerate(chain):
            after = chain[i + 1][0] if i + 1 < len(chain) else state
            steps.append(self._step(before, move, after))
        return Path(tuple(steps), self.describe(state))

    def _memory_text(self, memory: tuple[int, ...]) -> str:
        return ", ".join(f"{v}={x}" for v, x in zip(self.variables, memory, strict=True))

    @staticmethod
    def _buffer_text(buffer: Buffer) -> str:
        return "[" + ", ".join(f"{v}={x}" for v, x in buffer) + "]"

    def _step(self, before: State, move: tuple[int, bool], after: State) -> Step:
        thread, drained = move
        old, new = before[1 + thread], after[1 + thread]
        name = f"T{thread}"
        if drained:
            # Found by difference, not assumed to be the oldest: a plugged-in drain rule may
            # take another entry, and its path must show what it really did.
            gone = [
                entry
                for i, entry in enumerate(old[_BUF])
                if old[_BUF][:i] + old[_BUF][i + 1 :] == new[_BUF]
            ]
            action = f"drain {gone[0][0]}={gone[0][1]}" if gone else "drain"
            return Step(f"{name} buffer", action, f"memory now {self._memory_text(after[0])}")
        program = self.programs[thread]
        op = program.ops[old[_PC]]
        action = program.text[old[_PC]]
        if program.labels[old[_PC]]:
            action = f"{program.labels[old[_PC]]}: {action}"
        code = op[0]
        if code == _STORE:
            if self.machine.buffered:
                effect = f"into T{thread}'s buffer {self._buffer_text(new[_BUF])}"
            else:
                effect = f"memory now {self._memory_text(after[0])}"
        elif code == _LOAD:
            value = new[_REGS][op[1]]
            effect = f"reads {value} {self._load_source(before, thread, op[2])}"
        elif code == _FENCE:
            effect = "buffer empty: passes" if self.machine.buffered else "passes"
        elif code == _GOTO:
            effect = ""
        elif code == _IF:
            reg = program.registers[op[1]]
            value = old[_REGS][op[1]]
            taken = (value == op[3]) == op[2]
            effect = f"{reg} is {value}: " + ("jumps" if taken else "falls through")
        elif code == _ENTER:
            others = [f"T{i}" for i, t in enumerate(before[1:]) if t[_INSIDE] and i != thread]
            effect = f"{name} is in the critical section"
            if others:
                effect += f" -- and so is {', '.join(others)}!"
        else:
            effect = f"{name} has left the critical section"
        return Step(name, action, effect)

    def _load_source(self, state: State, thread: int, var: str) -> str:
        """Where a load of ``var`` by ``thread`` read from, and what it did not see."""
        own = state[1 + thread][_BUF]
        if any(v == var for v, _ in own):
            return f"(from T{thread}'s own buffer)"
        hidden = []
        for i, t in enumerate(state[1:]):
            pending = [x for v, x in t[_BUF] if v == var]
            if i != thread and pending:
                hidden.append(f"T{i}'s {var}={pending[-1]} is still in its buffer")
        if hidden:
            return f"(from memory; {'; '.join(hidden)})"
        return "(from memory)"

    def describe(self, state: State) -> str:
        """Where each thread is, its buffer, and memory, in a few lines."""
        lines = ["  The state reached:"]
        for i, (t, p) in enumerate(zip(state[1:], self.programs, strict=True)):
            if t[_PC] >= len(p.ops):
                where = "finished"
            else:
                label = f"{p.labels[t[_PC]]}: " if p.labels[t[_PC]] else ""
                where = f"next `{label}{p.text[t[_PC]]}`"
            regs = ", ".join(f"{r}={v}" for r, v in zip(p.registers, t[_REGS], strict=True))
            parts = [where]
            if t[_INSIDE]:
                parts.append("IN the critical section")
            if regs:
                parts.append(regs)
            if self.machine.buffered:
                parts.append(f"buffer {self._buffer_text(t[_BUF])}")
            lines.append(f"    T{i}: " + "; ".join(parts))
        lines.append(f"    memory: {self._memory_text(state[0]) or '(none)'}")
        return "\n".join(lines)


def _bottom_components(
    states: list[State], successors: Mapping[State, tuple[State, ...]]
) -> list[frozenset[State]]:
    """The strongly connected components of ``states`` that no edge leaves (Tarjan, no recursion).

    ``states`` must be closed under ``successors`` (true of the states that cannot finish).
    """
    index: dict[State, int] = {}
    low: dict[State, int] = {}
    stack: list[State] = []
    on_stack: set[State] = set()
    bottoms: list[frozenset[State]] = []
    for root in states:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, ())))]
        while work:
            v, edges = work[-1]
            for w in edges:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(successors.get(w, ()))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == index[v]:
                    members = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        members.append(w)
                        if w == v:
                            break
                    component = frozenset(members)
                    if all(n in component for m in members for n in successors.get(m, ())):
                        bottoms.append(component)
    return bottoms


def explore(
    threads: Sequence[Iterable[Instruction]],
    *,
    machine: Machine = TSO,
    memory: Mapping[str, int] | None = None,
    stop_at: Callable[[View], bool] | None = None,
    max_states: int = MAX_STATES,
    buffer_size: int = BUFFER_SIZE,
) -> Exploration:
    """Visit every state reachable on ``machine``, breadth first; see the module docstring.

    With ``stop_at``, the search ends at the first state the predicate picks (a shortest
    path to it is ``exploration.found``); otherwise it covers the whole state space. More than
    ``max_states`` states raise ``StateLimitExceeded``; a bad program raises ``ProgramError``;
    a plugged-in rule that fails raises ``SemanticsError``.
    """
    if isinstance(threads, (str, bytes)) or not isinstance(threads, Sequence):
        raise ProgramError(f"threads is {threads!r}; it should be a list of programs.")
    # The search makes many small tuples and no cycles; pausing the cyclic collector keeps
    # it from rescanning every remembered state again and again (about twice as fast).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _explore(threads, machine, memory, stop_at, max_states, buffer_size)
    finally:
        if collecting:
            gc.enable()


def _explore(
    threads: Sequence[Iterable[Instruction]],
    machine: Machine,
    memory: Mapping[str, int] | None,
    stop_at: Callable[[View], bool] | None,
    max_states: int,
    buffer_size: int,
) -> Exploration:
    programs = tuple(assemble(p, i) for i, p in enumerate(threads))
    initial_memory = dict(memory or {})
    for var, value in initial_memory.items():
        if not _is_name(var) or not _is_int(value):
            raise ProgramError(f"memory={initial_memory!r}: map variable names to ints.")
    variables = tuple(sorted(set().union(*(p.variables for p in programs), initial_memory)))
    index = {v: i for i, v in enumerate(variables)}
    start: State = (
        tuple(initial_memory.get(v, 0) for v in variables),
        *((0, (0,) * len(p.registers), (), 0, 0) for p in programs),
    )
    ex = Exploration(programs, variables, machine, start)
    parent = ex.parent
    successors = ex.successors
    parent[start] = (None, None)
    if stop_at is not None and stop_at(View(ex, start)):
        ex.found = ex.path_to(start)
        return ex

    buffered = machine.buffered
    store_rule, load_rule, drain_rule, fence_rule = (
        machine.store,
        machine.load,
        machine.drain,
        machine.fence_ready,
    )

    def as_dict(mem: tuple[int, ...]) -> dict[str, int]:
        return dict(zip(variables, mem, strict=True))

    def from_dict(mem: Mapping[str, int]) -> tuple[int, ...]:
        return tuple(mem[v] for v in variables)

    lengths = [len(p.ops) for p in programs]
    all_ops = [p.ops for p in programs]
    queue = deque([start])
    while queue:
        state = queue.popleft()
        mem = state[0]
        nexts: list[tuple[State, tuple[int, bool]]] = []
        for t in range(len(programs)):
            me = state[1 + t]
            pc, regs, buf, inside, entries = me
            if pc < lengths[t]:
                op = all_ops[t][pc]
                code = op[0]
                new_me = None
                new_mem = mem
                if code == _STORE:
                    if not buffered:
                        i = index[op[1]]
                        new_mem = (*mem[:i], op[2], *mem[i + 1 :])
                        new_me = (pc + 1, regs, buf, inside, entries)
                    elif len(buf) < buffer_size:
                        if store_rule is None:
                            new_buf = (*buf, (op[1], op[2]))
                        else:
                            new_buf = store_rule(buf, op[1], op[2])
                        new_me = (pc + 1, regs, new_buf, inside, entries)
                elif code == _LOAD:
                    var = op[2]
                    if load_rule is not None:
                        value = load_rule(buf, as_dict(mem), var)
                    else:
                        value = mem[index[var]]
                        for v, x in reversed(buf):
                            if v == var:
                                value = x
                                break
                    r = op[1]
                    new_me = (pc + 1, (*regs[:r], value, *regs[r + 1 :]), buf, inside, entries)
                elif code == _FENCE:
                    ready = fence_rule(buf) if fence_rule is not None else not buf
                    if ready or not buffered:
                        new_me = (pc + 1, regs, buf, inside, entries)
                elif code == _GOTO:
                    new_me = (op[1], regs, buf, inside, entries)
                elif code == _IF:
                    equal = regs[op[1]] == op[3]
                    target = op[4] if equal == op[2] else pc + 1
                    new_me = (target, regs, buf, inside, entries)
                elif code == _ENTER:
                    new_me = (pc + 1, regs, buf, 1, entries + 1)
                else:
                    new_me = (pc + 1, regs, buf, 0, entries)
                if new_me is not None:
                    nexts.append(
                        ((new_mem, *state[1 : 1 + t], new_me, *state[2 + t :]), (t, False))
                    )
            if buf:
                if drain_rule is None:
                    (var, value), rest = buf[0], buf[1:]
                    i = index[var]
                    new_mem = (*mem[:i], value, *mem[i + 1 :])
                else:
                    rest, drained = drain_rule(buf, as_dict(mem))
                    new_mem = from_dict(drained)
                new_me = (pc, regs, rest, inside, entries)
                nexts.append(((new_mem, *state[1 : 1 + t], new_me, *state[2 + t :]), (t, True)))
        successors[state] = tuple(n for n, _ in nexts)
        for nxt, move in nexts:
            if nxt in parent:
                continue
            parent[nxt] = (state, move)
            if stop_at is not None and stop_at(View(ex, nxt)):
                ex.found = ex.path_to(nxt)
                return ex
            if len(parent) > max_states:
                raise StateLimitExceeded(max_states, ex.path_to(nxt))
            queue.append(nxt)
    ex.complete = True
    return ex


def format_outcome(outcome: Outcome) -> str:
    """``0:r1=0 1:r2=0 x=1 y=1``: registers as thread:register, then memory."""
    return " ".join(f"{k}={v}" for k, v in outcome)


def project(outcomes: Iterable[Outcome], *keys: str) -> set[tuple[int, ...]]:
    """The values of ``keys`` in each outcome, e.g. ``project(o, "0:r1", "1:r2")``."""
    result = set()
    for outcome in outcomes:
        values = dict(outcome)
        result.add(tuple(values[k] for k in keys))
    return result


# -- litmus tests -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Litmus:
    """A classic litmus test: small threads and the relaxed outcome it asks about."""

    name: str
    threads: tuple[tuple[Instruction, ...], ...]
    relaxed: tuple[tuple[str, int], ...]  # the outcome in question, on some keys
    question: str

    def shows(self, outcomes: Iterable[Outcome]) -> bool:
        """Whether some outcome matches ``relaxed`` on its keys."""
        keys = [k for k, _ in self.relaxed]
        return tuple(v for _, v in self.relaxed) in project(outcomes, *keys)

    def listing(self) -> str:
        """The threads side by side, one instruction per row."""
        return listing(self.threads)


def listing(threads: Sequence[Iterable[Instruction]]) -> str:
    """Programs side by side under T0, T1, ..., one instruction per row, indented four spaces."""
    columns = [[str(i) for i in t] for t in threads]
    width = max((len(s) for c in columns for s in c), default=0) + 4
    rows = ["".join(f"T{i}".ljust(width) for i in range(len(columns)))]
    for r in range(max((len(c) for c in columns), default=0)):
        rows.append("".join((c[r] if r < len(c) else "").ljust(width) for c in columns))
    return "\n".join(("    " + row).rstrip() for row in rows)


SB = Litmus(
    "store buffering (SB)",
    ((Store("x", 1), Load("r1", "y")), (Store("y", 1), Load("r2", "x"))),
    (("0:r1", 0), ("1:r2", 0)),
    "can each thread's load miss the other thread's store (r1 = r2 = 0)?",
)
SB_FENCED = Litmus(
    "store buffering with fences (SB+fences)",
    ((Store("x", 1), Fence(), Load("r1", "y")), (Store("y", 1), Fence(), Load("r2", "x"))),
    (("0:r1", 0), ("1:r2", 0)),
    "with a fence between each store and load, can both loads still read 0?",
)
MP = Litmus(
    "message passing (MP)",
    ((Store("x", 1), Store("y", 1)), (Load("r1", "y"), Load("r2", "x"))),
    (("1:r1", 1), ("1:r2", 0)),
    "can T1 see the flag y = 1 but still read the old data x = 0?",
)
MP_FENCED_WRITER = Litmus(
    "message passing, fenced writer (MP+fence-writer)",
    ((Store("x", 1), Fence(), Store("y", 1)), (Load("r1", "y"), Load("r2", "x"))),
    (("1:r1", 1), ("1:r2", 0)),
    "with the stores kept in order, can the two loads be reordered (r1 = 1, r2 = 0)?",
)
MP_FENCED_READER = Litmus(
    "message passing, fenced reader (MP+fence-reader)",
    ((Store("x", 1), Store("y", 1)), (Load("r1", "y"), Fence(), Load("r2", "x"))),
    (("1:r1", 1), ("1:r2", 0)),
    "with the loads kept in order, can the two stores be reordered (r1 = 1, r2 = 0)?",
)
LB = Litmus(
    "load buffering (LB)",
    ((Load("r1", "x"), Store("y", 1)), (Load("r2", "y"), Store("x", 1))),
    (("0:r1", 1), ("1:r2", 1)),
    "can each load read the store that comes after the other thread's load (r1 = r2 = 1)?",
)
TWO_PLUS_TWO_W = Litmus(
    "two plus two writes (2+2W)",
    ((Store("x", 1), Store("y", 2)), (Store("y", 1), Store("x", 2))),
    (("x", 1), ("y", 1)),
    "can both first stores land last (x = 1 and y = 1 at the end)?",
)
IRIW = Litmus(
    "independent reads of independent writes (IRIW)",
    (
        (Store("x", 1),),
        (Store("y", 1),),
        (Load("r1", "x"), Load("r2", "y")),
        (Load("r3", "y"), Load("r4", "x")),
    ),
    (("2:r1", 1), ("2:r2", 0), ("3:r3", 1), ("3:r4", 0)),
    "can two readers see the two writes in opposite orders?",
)
FORWARDING = Litmus(
    "store forwarding (SB+own reads)",
    (
        (Store("x", 1), Load("r1", "x"), Load("r2", "y")),
        (Store("y", 1), Load("r3", "y"), Load("r4", "x")),
    ),
    (("0:r1", 1), ("0:r2", 0), ("1:r3", 1), ("1:r4", 0)),
    "can each thread read its own store at once but miss the other's?",
)
LITMUS = (
    SB,
    SB_FENCED,
    MP,
    MP_FENCED_WRITER,
    MP_FENCED_READER,
    LB,
    TWO_PLUS_TWO_W,
    IRIW,
    FORWARDING,
)

# The four reorderings of two memory operations in program order, each with the litmus test
# whose relaxed outcome needs exactly that reordering (the fences rule out the others).
REORDERINGS = {
    "store->load": SB,
    "store->store": MP_FENCED_READER,
    "load->load": MP_FENCED_WRITER,
    "load->store": LB,
}
