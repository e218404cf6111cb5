"""A MESI cache-coherence simulator: N cores, one private cache each, counted bus traffic.

The reference behind the false-sharing kata, and for any kata about caches. Every core has a
private cache large enough that only coherence ever evicts a line (no capacity or conflict
misses); memory is cut into lines of ``line_size`` bytes (64 by default) and line ``k`` holds
bytes ``k * line_size`` to ``(k + 1) * line_size - 1``. An access is ``(core, op, address,
size)`` with ``op`` ``"read"`` or ``"write"``; it touches every line its bytes fall in, one
after another in address order, so an access across a boundary costs two lines' worth.

The protocol, per line touched (M, E, S, I are this core's state for the line):

=========  =====  =====================================================================
access     state  what happens
=========  =====  =====================================================================
read       M E S  hit: no bus transaction
read       I      miss, BusRd: an M copy elsewhere is written back; every copy elsewhere
                  becomes S; this core gets S, or E if no other core held the line
write      M      hit
write      E      hit: E becomes M silently, no bus transaction (the point of E)
write      S      BusUpgr (a hit, not a miss): every other copy is invalidated; M
write      I      miss, BusRdX: an M copy elsewhere is written back; every other copy is
                  invalidated; M
=========  =====  =====================================================================

``Stats`` counts misses, each kind of bus transaction, invalidations (copies in *other*
caches turned to I) and writebacks. Each invalidation is also kept as an ``Invalidation``
recording who wrote which bytes and which bytes the victim had used on that line since it
fetched it, so ``sharing_report`` can name the fields behind it ("fields a and b share line 3:
every write by core 0 to a invalidates core 1's copy of b") and tell false sharing from true.

Layout helpers work on field-level traces ``(core, op, field)``: ``field_trace`` turns one
into byte accesses for given offsets, and ``true_sharing_minimum`` counts the invalidations
left when every field sits on lines of its own, the floor no layout can beat by separating
fields further.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

LINE_SIZE = 64
READ, WRITE = "read", "write"
MODIFIED, EXCLUSIVE, SHARED, INVALID = "M", "E", "S", "I"
BUS_RD, BUS_RDX, BUS_UPGR = "BusRd", "BusRdX", "BusUpgr"
COUNTS = ("misses", "bus_rd", "bus_rdx", "bus_upgr", "invalidations", "writebacks")
TRACE_LIMIT = 30  # steps shown by format_steps: the tail of a run is what explains it

Access = tuple[int, str, int, int]  # (core, "read" | "write", address, size)
FieldAccess = tuple[int, str, str]  # (core, "read" | "write", field name)


class TraceError(ValueError):
    """An access the simulator cannot run: an unknown core or operation, or a bad range."""


@dataclass
class Stats:
    """What a run cost, counted per line touched."""

    misses: int = 0  # reads or writes of a line this core held in I
    bus_rd: int = 0  # BusRd: read misses
    bus_rdx: int = 0  # BusRdX: write misses (read for ownership)
    bus_upgr: int = 0  # BusUpgr: writes to a line held in S
    invalidations: int = 0  # copies in other caches turned to I by a BusRdX or BusUpgr
    writebacks: int = 0  # M copies flushed to memory because another core asked for the line

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def bus_transactions(self) -> int:
        return self.bus_rd + self.bus_rdx + self.bus_upgr


@dataclass(frozen=True)
class Invalidation:
    """One copy lost: ``writer``'s access at ``step`` cost ``victim`` its copy of ``line``."""

    step: int
    writer: int
    address: int
    size: int
    line: int
    victim: int
    bus: str
    victim_used: tuple[tuple[int, int], ...]  # (address, size) the victim accessed since fetching


@dataclass(frozen=True)
class LineEvent:
    """What one access did to one line."""

    line: int
    before: str  # the accessing core's state before
    after: str  # ... and after
    bus: str | None
    invalidated: tuple[int, ...]
    wrote_back: int | None  # the core whose M copy was flushed
    states: str  # every core's state for the line afterwards, core 0 first, e.g. "MII"

    def describe(self) -> str:
        change = (
            f"{self.before} hit" if self.before == self.after else f"{self.before}->{self.after}"
        )
        parts = [f"line {self.line}: {change}"]
        if self.bus:
            parts.append(self.bus)
        if self.wrote_back is not None:
            parts.append(f"core {self.wrote_back} writes back")
        if self.invalidated:
            parts.append("invalidates " + _cores(self.invalidated))
        return ", ".join(parts) + f" [{' '.join(self.states)}]"


@dataclass(frozen=True)
class Step:
    """One access of a run and what it did to each line it touched."""

    index: int
    core: int
    op: str
    address: int
    size: int
    lines: tuple[LineEvent, ...]


def lines_of(address: int, size: int, line_size: int = LINE_SIZE) -> range:
    """The lines bytes ``address .. address + size - 1`` fall in, in address order."""
    return range(address // line_size, (address + size - 1) // line_size + 1)


@dataclass
class Machine:
    """N cores with private caches kept coherent by MESI; run accesses with ``access``."""

    cores: int
    line_size: int = LINE_SIZE
    stats: Stats = field(default_factory=Stats)
    invalidations: list[Invalidation] = field(default_factory=list)
    log: list[Step] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.cores, int) or self.cores < 1:
            raise TraceError(f"cores must be a whole number >= 1, not {self.cores!r}")
        if not isinstance(self.line_size, int) or self.line_size < 1:
            raise TraceError(f"line_size must be a whole number >= 1, not {self.line_size!r}")
        self._states: dict[int, list[str]] = {}
        # Bytes each core used on each line since it last fetched it: what an invalidation cost.
        self._used: dict[tuple[int, int], list[tuple[int, int]]] = {}

    # -- running ------------------------------------------------------------------------------

    def read(self, core: int, address: int, size: int = 1) -> Step:
        return self.access(core, READ, address, size)

    def write(self, core: int, address: int, size: int = 1) -> Step:
        return self.access(core, WRITE, address, size)

    def access(self, core: int, op: str, address: int, size: int = 1) -> Step:
        """Run one access on every line it touches; return what it did, also kept in ``log``."""
        self._check(core, op, address, size)
        index = len(self.log)
        events = tuple(
            self._line(index, core, op, address, size, line)
            for line in lines_of(address, size, self.line_size)
        )
        step = Step(index, core, op, address, size, events)
        self.log.append(step)
        return step

    def run(self, trace: Iterable[Access]) -> Machine:
        for item in trace:
            core, op, address, size = item
            self.access(core, op, address, size)
        return self

    def state(self, core: int, line: int) -> str:
        """``core``'s state for ``line``: "M", "E", "S" or "I" (never fetched is I)."""
        states = self._states.get(line)
        return states[core] if states else INVALID

    def states(self, line: int) -> str:
        """Every core's state for ``line``, core 0 first, e.g. ``"MII"``."""
        return "".join(self._states.get(line, [INVALID] * self.cores))

    @property
    def lines(self) -> list[int]:
        """The lines any access has touched, in order."""
        return sorted(self._states)

    # -- the protocol -------------------------------------------------------------------------

    def _line(
        self, index: int, core: int, op: str, address: int, size: int, line: int
    ) -> LineEvent:
        states = self._states.setdefault(line, [INVALID] * self.cores)
        before = states[core]
        others = [c for c in range(self.cores) if c != core and states[c] != INVALID]
        bus: str | None = None
        wrote_back: int | None = None
        invalidated: tuple[int, ...] = ()
        if before == INVALID:
            self.stats.misses += 1
            self._used[core, line] = []
            owner = next((c for c in others if states[c] == MODIFIED), None)
            if owner is not None:
                self.stats.writebacks += 1
                wrote_back = owner
        if op == READ:
            if before == INVALID:
                bus = BUS_RD
                self.stats.bus_rd += 1
                for c in others:
                    states[c] = SHARED
                states[core] = SHARED if others else EXCLUSIVE
        elif before in (MODIFIED, EXCLUSIVE):
            states[core] = MODIFIED
        else:
            if before == SHARED:
                bus = BUS_UPGR
                self.stats.bus_upgr += 1
            else:
                bus = BUS_RDX
                self.stats.bus_rdx += 1
            for c in others:
                states[c] = INVALID
                self.stats.invalidations += 1
                self.invalidations.append(
                    Invalidation(
                        index, core, address, size, line, c, bus, tuple(self._used.pop((c, line)))
                    )
                )
            invalidated = tuple(others)
            states[core] = MODIFIED
        self._used[core, line].append((address, size))
        return LineEvent(line, before, states[core], bus, invalidated, wrote_back, "".join(states))

    def _check(self, core: object, op: object, address: object, size: object) -> None:
        if not _whole(core) or not 0 <= core < self.cores:  # type: ignore[operator]
            raise TraceError(f"core {core!r} does not exist: cores are 0 .. {self.cores - 1}")
        if op not in (READ, WRITE):
            raise TraceError(f"operation {op!r} is neither {READ!r} nor {WRITE!r}")
        if not _whole(address) or address < 0:  # type: ignore[operator]
            raise TraceError(f"address {address!r} is not a whole number >= 0")
        if not _whole(size) or size < 1:  # type: ignore[operator]
            raise TraceError(f"size {size!r} is not a whole number >= 1")


def simulate(trace: Iterable[Access], cores: int, line_size: int = LINE_SIZE) -> Machine:
    """Run ``trace`` on a fresh machine and return it: ``.stats``, ``.invalidations``, ``.log``."""
    return Machine(cores, line_size).run(trace)


# -- layouts: fields at offsets -----------------------------------------------------------------


def own_lines(sizes: Mapping[str, int], line_size: int = LINE_SIZE) -> dict[str, int]:
    """Offsets giving every field lines of its own, each starting on a line boundary."""
    offsets, line = {}, 0
    for name, size in sizes.items():
        offsets[name] = line * line_size
        line += -(-size // line_size)
    return offsets


def field_trace(
    ops: Iterable[FieldAccess], offsets: Mapping[str, int], sizes: Mapping[str, int]
) -> list[Access]:
    """Byte accesses for a field-level trace: each access covers its whole field."""
    return [(core, op, offsets[name], sizes[name]) for core, op, name in ops]


def true_sharing_minimum(
    ops: Sequence[FieldAccess], sizes: Mapping[str, int], cores: int, line_size: int = LINE_SIZE
) -> int:
    """Invalidations ``ops`` costs when every field has lines of its own (``own_lines``).

    What remains is true sharing: a core lost a copy of the very field another core wrote.
    """
    offsets = own_lines(sizes, line_size)
    return simulate(field_trace(ops, offsets, sizes), cores, line_size).stats.invalidations


def fields_at(
    offsets: Mapping[str, int], sizes: Mapping[str, int], address: int, size: int
) -> list[str]:
    """The fields overlapping bytes ``address .. address + size - 1``, by offset."""
    end = address + size
    hits = [n for n, o in offsets.items() if o < end and address < o + sizes[n]]
    return sorted(hits, key=lambda n: (offsets[n], n))


def line_map(
    offsets: Mapping[str, int], sizes: Mapping[str, int], line_size: int = LINE_SIZE
) -> dict[int, list[str]]:
    """Each line some field touches, with the fields on it in offset order."""
    lines: dict[int, list[str]] = {}
    for name in sorted(offsets, key=lambda n: (offsets[n], n)):
        for line in lines_of(offsets[name], max(sizes[name], 1), line_size):
            lines.setdefault(line, []).append(name)
    return dict(sorted(lines.items()))


def sharing_report(
    machine: Machine, offsets: Mapping[str, int], sizes: Mapping[str, int], limit: int = 6
) -> list[str]:
    """One sentence per kind of invalidation in ``machine``'s run, false sharing first.

    An invalidation is false sharing when the victim had used none of the bytes the writer
    wrote on that line: it lost its copy for a neighbour's sake.
    """
    size_of = machine.line_size
    tally: Tally[tuple[bool, int, int, tuple[str, ...], int, tuple[str, ...]]] = Tally()
    for inv in machine.invalidations:
        lo, hi = inv.line * size_of, (inv.line + 1) * size_of
        written = _clip(inv.address, inv.size, lo, hi)
        wrote = _names(offsets, sizes, *written)
        used = _names_all(offsets, sizes, [_clip(a, s, lo, hi) for a, s in inv.victim_used])
        true = _overlaps(written, [_clip(a, s, lo, hi) for a, s in inv.victim_used])
        tally[not true, inv.line, inv.writer, wrote, inv.victim, used] += 1
    out = []
    ranked = sorted(tally.items(), key=lambda kv: (not kv[0][0], -kv[1], kv[0][1:]))
    for (false, line, writer, wrote, victim, used), n in ranked[:limit]:
        times = f"{n} invalidation{'s' if n != 1 else ''}"
        if false:
            out.append(
                f"fields {_join([*wrote, *(u for u in used if u not in wrote)])} share line "
                f"{line}: every write by core {writer} to {_join(wrote)} invalidates core "
                f"{victim}'s copy of {_join(used)} (false sharing, {times})"
            )
        else:
            out.append(
                f"{_join(wrote)} on line {line}: core {writer}'s writes invalidate core "
                f"{victim}'s copy, which it had used (true sharing, {times})"
            )
    if len(ranked) > limit:
        out.append(f"... and {len(ranked) - limit} more kinds")
    return out


# -- showing runs -------------------------------------------------------------------------------


def format_step(
    step: Step,
    offsets: Mapping[str, int] | None = None,
    sizes: Mapping[str, int] | None = None,
) -> str:
    """One access and what it did, e.g. ``3  core 1 write a (0+8)  line 0: S->M, BusUpgr ...``."""
    what = f"{step.address}+{step.size}"
    if offsets is not None and sizes is not None:
        names = fields_at(offsets, sizes, step.address, step.size)
        what = f"{_join(names) or 'no field'} ({what})"
    events = "; ".join(e.describe() for e in step.lines)
    return f"{step.index:>4}  core {step.core} {step.op:<5} {what}  {events}"


def format_steps(
    steps: Sequence[Step],
    offsets: Mapping[str, int] | None = None,
    sizes: Mapping[str, int] | None = None,
    limit: int = TRACE_LIMIT,
) -> str:
    """The last ``limit`` steps, one per line, fields named when ``offsets`` are given."""
    start = max(0, len(steps) - limit)
    lines = [f"   ... {start} earlier steps"] if start else []
    lines += [format_step(s, offsets, sizes) for s in steps[start:]]
    return "\n".join(lines)


def format_layout(
    offsets: Mapping[str, int], sizes: Mapping[str, int], line_size: int = LINE_SIZE
) -> str:
    """The layout line by line: ``line 0 [0..63]: a@0+8, b@8+8``."""
    out = []
    for line, names in line_map(offsets, sizes, line_size).items():
        fields = ", ".join(f"{n}@{offsets[n]}+{sizes[n]}" for n in names)
        out.append(f"  line {line} [{line * line_size}..{(line + 1) * line_size - 1}]: {fields}")
    return "\n".join(out) or "  (no fields)"


def format_counts(expected: Mapping[str, int], got: Mapping[str, object]) -> str:
    """A small table of counts: name, expected, yours, with differing rows marked."""
    out = [f"  {'':<14}{'expected':>9}{'yours':>9}"]
    for name, want in expected.items():
        have = got.get(name, "-")
        mark = "" if have == want else "   <--"
        out.append(f"  {name:<14}{want:>9}{have!s:>9}{mark}")
    return "\n".join(out)


# -- helpers ------------------------------------------------------------------------------------


def _whole(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _cores(cores: Sequence[int]) -> str:
    return ("core " if len(cores) == 1 else "cores ") + ", ".join(map(str, cores))


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clip(address: int, size: int, lo: int, hi: int) -> tuple[int, int]:
    start, end = max(address, lo), min(address + size, hi)
    return start, max(0, end - start)


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    a, n = span
    return any(b < a + n and a < b + m for b, m in spans if m and n)


def _names(offsets: Mapping[str, int], sizes: Mapping[str, int], address: int, size: int):
    names = fields_at(offsets, sizes, address, size) if size else []
    return tuple(names) or (f"bytes {address}..{address + size - 1}",)


def _names_all(offsets, sizes, spans: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    seen: list[str] = []
    for address, size in spans:
        for name in _names(offsets, sizes, address, size):
            if name not in seen:
                seen.append(name)
    return tuple(seen)
