"""False sharing: simulate MESI coherence, then lay out a struct that pays only for true sharing.

Caches move memory in lines (64 bytes on most CPUs), and the coherence protocol tracks whole
lines, not variables. Two threads writing two different counters that share a line make the
line bounce between their cores as if they shared one counter. You build the protocol, then
the cure.

**Part 1: the protocol.** ``MESI(cores, line_size=64)`` simulates ``cores`` cores, each with a
private cache large enough never to evict anything: a line leaves a cache only when another
core's write invalidates it. Line ``k`` holds bytes ``k * line_size .. (k + 1) * line_size -
1``. ``read(core, address, size)`` and ``write(core, address, size)`` touch every line the
bytes ``address .. address + size - 1`` fall in, lowest first, and each line is handled on its
own. Each core holds each line in one state, M(odified), E(xclusive), S(hared) or I(nvalid);
a line never touched is I everywhere.

=========  ======  =========================================================================
access     mine    what happens
=========  ======  =========================================================================
read       M E S   a hit: nothing changes, no bus transaction
read       I       a miss, BusRd. A core holding the line in M writes it back. Every copy
                   elsewhere becomes S; mine becomes S, or E if no other core held the line
write      M       a hit
write      E       a hit: E becomes M silently, with no bus transaction (why E exists)
write      S       BusUpgr (an upgrade, not a miss): every other copy becomes I; mine M
write      I       a miss, BusRdX. A core holding the line in M writes it back; every other
                   copy becomes I; mine M
=========  ======  =========================================================================

``self.stats`` (a ``Stats``) counts, per line touched: ``misses`` (accesses to a line held in
I), ``bus_rd``, ``bus_rdx``, ``bus_upgr``, ``invalidations`` (copies in *other* caches turned
to I) and ``writebacks`` (M copies flushed because another core asked for the line).
``simulate(trace, cores, line_size)`` runs a list of ``(core, "read" | "write", address,
size)`` on a fresh ``MESI`` and returns its ``Stats``. The tests run yours beside a reference
simulator, access by access, on named traces and generated ones, and compare every state and
count. They also check that no core keeps a valid copy of a line another core wrote after the
core last used it: that copy is stale, and reading it would return the old value.

**Part 2: the layout.** ``layout(fields, line_size=64)`` places the fields of a struct that
several threads share (thread ``t`` runs on core ``t``) and returns ``{name: offset}``. Each
``Field`` has a size, an alignment, and the threads that write and read it; a thread *uses* a
field if it writes or reads it. The struct starts on a line boundary, so byte ``b`` sits on
line ``b // line_size``. The rule:

1. Every offset is ``>= 0`` and a multiple of the field's ``align``; no two fields overlap.
2. No line holds a field that some thread writes together with a different field that another
   thread uses. (Else that thread's writes invalidate the other's copy for nothing: false
   sharing.)
3. A field that one thread writes and another uses spans no more lines than it must,
   ``ceil(size / line_size)``, so each write costs as few invalidations as possible.
4. The struct, from offset 0 to the end of its last field, spans no more lines than this
   recipe does: each field of rule 3 on lines of its own, starting on a line boundary; the
   fields that only one thread uses packed together, one group per thread, each group starting
   on a fresh line; the fields nobody writes packed together, starting on a fresh line. Here
   every size is a multiple of its alignment and alignments are powers of two no larger than a
   line, so a group placed largest alignment first has no padding at all.

Rules 2 and 3 are exactly what makes every interleaving of the threads' accesses (each access
covers one whole field) cost the same invalidations as giving every field lines of its own:
the *true-sharing minimum*, which the tests compute on the reference simulator. The tests
check the rules on named structs (a single-producer single-consumer ring, per-thread counters,
server statistics) and on generated structs and interleavings, and print the layout line by
line, the accesses and the pair of fields behind each extra invalidation.

Why it matters: per-thread counters in an array, a queue's head and tail side by side, or a
lock next to the data it guards can make a program slower on 8 cores than on 1. Java's
``@Contended`` and ``LongAdder``, C++'s ``alignas(std::hardware_destructive_interference_size)``,
Go's ``cpu.CacheLinePad`` and Rust's ``crossbeam::CachePadded`` all exist because of it, and
padding everything wastes cache instead.

Docs: docs/stage4_concurrency.md#false-sharing
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The key idea, part 1: each line's state lives per core, and a core's bus transaction is
# seen by every other cache: a read miss demotes the others to S (an M owner writes back first),
# a write takes ownership by turning every other copy I. E is the case "nobody else has it",
# which lets the first write after a private read skip the bus. Part 2: false sharing is a write
# to one field costing another thread its copy of a different field on the same line. Sort the
# fields into classes no writer can hurt: a field written by one thread and used by another
# (it carries true sharing) goes alone on its lines; fields only one thread uses go together,
# one group per thread; fields nobody writes go together. Pack each group largest alignment
# first and start each on a fresh line.

READ, WRITE = "read", "write"


@dataclass
class Stats:
    """What a run cost; every count is per line touched."""

    misses: int = 0
    bus_rd: int = 0
    bus_rdx: int = 0
    bus_upgr: int = 0
    invalidations: int = 0
    writebacks: int = 0


@dataclass(frozen=True)
class Field:
    """One field of a struct: size and alignment in bytes, and the threads that write or read it.

    >>> Field("hits", 8, 8, writers={0}, readers={1}).users
    frozenset({0, 1})
    """

    name: str
    size: int
    align: int
    writers: frozenset[int] = frozenset()
    readers: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "writers", frozenset(self.writers))
        object.__setattr__(self, "readers", frozenset(self.readers))

    @property
    def users(self) -> frozenset[int]:
        """The threads that write or read this field."""
        return self.writers | self.readers


class MESI:
    """``cores`` cores with private caches kept coherent by MESI; ``stats`` counts the cost.

    >>> cpu = MESI(cores=2)
    >>> cpu.read(0, 0, 8)
    >>> cpu.write(1, 8, 8)
    >>> cpu.state(0, 0), cpu.state(1, 0)
    ('I', 'M')
    >>> cpu.stats
    Stats(misses=2, bus_rd=1, bus_rdx=1, bus_upgr=0, invalidations=1, writebacks=0)
    """

    def __init__(self, cores: int, line_size: int = 64) -> None:
        """No core holds any line yet, and ``self.stats`` is a ``Stats`` of zeros.

        >>> MESI(4).stats.misses
        0
        """
        self.cores = cores
        self.line_size = line_size
        self.stats = Stats()
        self._states: dict[int, list[str]] = {}

    def read(self, core: int, address: int, size: int = 1) -> None:
        """``core`` reads bytes ``address .. address + size - 1``: every line they fall in.

        >>> cpu = MESI(2)
        >>> cpu.read(0, 60, 8)
        >>> cpu.state(0, 0), cpu.state(0, 1), cpu.stats.misses
        ('E', 'E', 2)
        """
        for line in self._lines(address, size):
            self._read_line(core, line)

    def write(self, core: int, address: int, size: int = 1) -> None:
        """``core`` writes bytes ``address .. address + size - 1``: every line they fall in.

        >>> cpu = MESI(2)
        >>> cpu.read(0, 0); cpu.read(1, 0); cpu.write(0, 0)
        >>> cpu.state(0, 0), cpu.state(1, 0), cpu.stats.bus_upgr
        ('M', 'I', 1)
        """
        for line in self._lines(address, size):
            self._write_line(core, line)

    def state(self, core: int, line: int) -> str:
        """``core``'s state for ``line``: ``"M"``, ``"E"``, ``"S"`` or ``"I"``.

        >>> MESI(2).state(1, 5)
        'I'
        """
        states = self._states.get(line)
        return states[core] if states else "I"

    def _lines(self, address: int, size: int) -> range:
        return range(address // self.line_size, (address + size - 1) // self.line_size + 1)

    def _line(self, line: int) -> list[str]:
        return self._states.setdefault(line, ["I"] * self.cores)

    def _read_line(self, core: int, line: int) -> None:
        states = self._line(line)
        if states[core] != "I":
            return
        self.stats.misses += 1
        self.stats.bus_rd += 1
        others = [c for c in range(self.cores) if c != core and states[c] != "I"]
        for c in others:
            if states[c] == "M":
                self.stats.writebacks += 1  # the owner supplies the data and memory catches up
            states[c] = "S"
        states[core] = "S" if others else "E"

    def _write_line(self, core: int, line: int) -> None:
        states = self._line(line)
        if states[core] in ("M", "E"):
            states[core] = "M"  # E means nobody else has it: no one to tell
            return
        if states[core] == "S":
            self.stats.bus_upgr += 1
        else:
            self.stats.misses += 1
            self.stats.bus_rdx += 1
        for c in range(self.cores):
            if c != core and states[c] != "I":
                if states[c] == "M":
                    self.stats.writebacks += 1
                states[c] = "I"
                self.stats.invalidations += 1
        states[core] = "M"


def simulate(trace: Iterable[tuple[int, str, int, int]], cores: int, line_size: int = 64) -> Stats:
    """Run ``(core, "read" | "write", address, size)`` accesses on a fresh ``MESI``; its stats.

    >>> simulate([(0, "write", 0, 8), (1, "write", 8, 8), (0, "write", 0, 8)], cores=2)
    Stats(misses=3, bus_rd=0, bus_rdx=3, bus_upgr=0, invalidations=2, writebacks=2)
    """
    cpu = MESI(cores, line_size)
    for core, op, address, size in trace:
        (cpu.read if op == READ else cpu.write)(core, address, size)
    return cpu.stats


def layout(fields: Sequence[Field], line_size: int = 64) -> dict[str, int]:
    """Offsets for ``fields`` following the rule in the module docstring: ``{name: offset}``.

    >>> layout([Field("a", 8, 8, writers={0}), Field("b", 8, 8, writers={1})])
    {'a': 0, 'b': 64}
    """
    alone: list[Field] = []
    groups: dict[object, list[Field]] = {}
    for f in fields:
        if f.writers and len(f.users) > 1:
            alone.append(f)  # true sharing: its writes must cost nobody else anything
        elif len(f.users) == 1:
            groups.setdefault(min(f.users), []).append(f)
        else:
            groups.setdefault("read-only", []).append(f)
    offsets: dict[str, int] = {}
    end = 0
    for group in [[f] for f in alone] + list(groups.values()):
        end = -(-end // line_size) * line_size  # a fresh line for every class
        for f in sorted(group, key=lambda f: -f.align):
            end = -(-end // f.align) * f.align
            offsets[f.name] = end
            end += f.size
    return offsets
