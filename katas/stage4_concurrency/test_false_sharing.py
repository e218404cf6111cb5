"""Tests for the false-sharing kata: your MESI beside the reference, then layouts that share well.

Part 1 runs your ``MESI`` beside the reference simulator in ``checker/harness/mesi.py``, access
by access, and compares every core's state for every line used so far and the six counts. A
difference prints the accesses up to that point as the reference saw them (the accessing
core's state before and after, the bus transaction, and every core's state afterwards) and the
protocol rule for the step that went wrong. After every access the tests also look for a stale
copy: a core still holding a line another core wrote after the core last used it.

Part 2 calls ``layout`` on named structs and on generated ones, checks the offsets, then runs
thread interleavings over your layout on the reference simulator and compares the
invalidations with the true-sharing minimum (the same accesses with every field on lines of
its own). An extra invalidation is shown with the accesses that caused it, your layout line by
line, and the two fields that share the line.
"""

from __future__ import annotations

import ast
import itertools
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import katas.stage4_concurrency.false_sharing as false_sharing
from checker.harness.mesi import (
    COUNTS,
    READ,
    WRITE,
    Access,
    FieldAccess,
    LineEvent,
    Machine,
    field_trace,
    format_counts,
    format_layout,
    format_steps,
    lines_of,
    sharing_report,
    true_sharing_minimum,
)
from checker.harness.mesi import simulate as reference
from katas.stage4_concurrency.false_sharing import MESI, Field, layout, simulate

HINT = "Try `katas hint false-sharing`."
HARNESS = "checker.harness.mesi"
STATES = ("M", "E", "S", "I")
STEPS = "The reference, step by step (the accessing core's state before->after, [every core after])"
# No shrinking: it took 1 to 2 s of CPU on wrong submissions (the budget is 2 s per test). A
# failure stops at the first access that differs and prints only the steps up to it, and the
# named tests each show their bug on a handful of accesses anyway.
EXAMPLES = settings(
    max_examples=60,
    report_multiple_bugs=False,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


# -- part 1: the protocol, side by side with the reference --------------------------------------


def _rule(op: str, event: LineEvent) -> str:
    """The protocol rule the reference applied to one line, in words."""
    if op == READ:
        if event.before != "I":
            return f"A read of a line held in {event.before} is a hit: nothing changes anywhere."
        if event.after == "E":
            return (
                "A read miss (BusRd) that finds no other copy loads the line Exclusive (E), so "
                "a later write by the same core needs no bus transaction at all."
            )
        back = " (the M copy writes back first)" if event.wrote_back is not None else ""
        return (
            "A read miss (BusRd) that finds copies elsewhere loads the line Shared (S), and "
            f"every other copy drops to S{back}."
        )
    if event.before == "M":
        return "A write to a line held in M is a hit: nothing changes."
    if event.before == "E":
        return "A write to a line held in E turns it M silently: no bus transaction, no count."
    if event.before == "S":
        return (
            "A write to a line held in S broadcasts BusUpgr (an upgrade, not a miss): every "
            "other copy becomes I, one invalidation each, and this copy becomes M."
        )
    return (
        "A write miss broadcasts BusRdX: a core holding the line in M writes it back, every "
        "other copy becomes I (one invalidation each), and this copy becomes M."
    )


def _counts(stats: object, what: str) -> dict[str, int]:
    bad = [n for n in COUNTS if type(getattr(stats, n, None)) is not int]
    if bad:
        pytest.fail(
            f"{what} is {stats!r}; it should be a Stats whose counts {', '.join(COUNTS)} are "
            f"whole numbers (wrong or missing: {', '.join(bad)})."
        )
    return {n: getattr(stats, n) for n in COUNTS}


def _states(cpu: MESI, cores: int, line: int) -> str:
    got = [cpu.state(c, line) for c in range(cores)]
    for c, s in enumerate(got):
        if s not in STATES:
            pytest.fail(f"cpu.state({c}, {line}) returned {s!r}; expected one of M, E, S, I.")
    return "".join(got)


def _call(cpu: MESI, op: str, core: int, address: int, size: int) -> None:
    (cpu.read if op == READ else cpu.write)(core, address, size)


def _side_by_side(trace: list[Access], cores: int, line_size: int = 64) -> MESI:
    """Run ``trace`` on yours and the reference, comparing after every access; return yours."""
    ref = Machine(cores, line_size)
    cpu = MESI(cores, line_size)
    setup = f"MESI(cores={cores}, line_size={line_size})"
    last_write: dict[int, tuple[int, int]] = {}  # line -> (step, core) of its last write
    last_use: dict[tuple[int, int], int] = {}  # (core, line) -> step it last touched the line
    for i, (core, op, address, size) in enumerate(trace):
        step = ref.access(core, op, address, size)
        _call(cpu, op, core, address, size)
        for line in lines_of(address, size, line_size):
            last_use[core, line] = i
            if op == WRITE:
                last_write[line] = (i, core)
        where = f"On {setup}, after step {i} (core {core} {op} {address}+{size})"
        events = {e.line: e for e in step.lines}
        for line in ref.lines:
            yours, want = _states(cpu, cores, line), ref.states(line)
            if yours == want:
                continue
            steps = format_steps(ref.log)
            written, writer = last_write.get(line, (-1, -1))
            stale = [
                c
                for c, s in enumerate(yours)
                if s != "I" and c != writer and last_use.get((c, line), -1) < written
            ]
            if stale:
                c = stale[0]
                pytest.fail(
                    f"{where}, your core {c} still holds line {line} in {yours[c]}, but core "
                    f"{writer} wrote that line at step {written} and core {c} has not touched "
                    f"it since: its next read would hit and return the old value (a stale "
                    f"read). Your states for line {line}: [{' '.join(yours)}], expected "
                    f"[{' '.join(want)}].\n{STEPS}:\n{steps}\nA write must invalidate every "
                    f"other copy, whether it starts from S (BusUpgr) or from I (BusRdX). {HINT}"
                )
            rule = (
                _rule(op, events[line])
                if line in events
                else f"Step {i} does not touch line {line}, so no state of it may change."
            )
            pytest.fail(
                f"{where}, your states for line {line} are [{' '.join(yours)}] (core 0 first); "
                f"expected [{' '.join(want)}].\n{STEPS}:\n{steps}\n{rule}"
            )
        got = _counts(cpu.stats, f"cpu.stats after step {i}")
        want = ref.stats.as_dict()
        if got != want:
            pytest.fail(
                f"{where}, your counts differ from the reference:\n{format_counts(want, got)}\n"
                f"{STEPS}:\n{format_steps(ref.log)}\n" + " ".join(_rule(op, e) for e in step.lines)
            )
    return cpu


def test_a_read_miss_with_no_other_copy_loads_the_line_exclusive():
    cpu = _side_by_side([(0, READ, 0, 8)], cores=2)
    assert cpu.state(0, 0) == "E"


def test_a_write_to_an_exclusive_line_turns_it_modified_without_a_bus_transaction():
    cpu = _side_by_side([(0, READ, 0, 8), (0, WRITE, 0, 8), (0, WRITE, 8, 8)], cores=2)
    assert cpu.state(0, 0) == "M"


def test_a_second_reader_shares_the_line_and_demotes_the_exclusive_copy():
    cpu = _side_by_side([(0, READ, 0, 8), (1, READ, 8, 8), (2, READ, 16, 8)], cores=3)
    assert _states(cpu, 3, 0) == "SSS"


def test_a_read_of_a_line_modified_elsewhere_writes_it_back_and_both_share_it():
    cpu = _side_by_side([(0, WRITE, 0, 8), (1, READ, 0, 8)], cores=2)
    assert _states(cpu, 2, 0) == "SS"


def test_a_write_to_a_shared_line_broadcasts_an_upgrade_and_invalidates_every_other_copy():
    trace = [(0, READ, 0, 8), (1, READ, 0, 8), (2, READ, 0, 8), (1, WRITE, 0, 8)]
    cpu = _side_by_side(trace, cores=3)
    assert _states(cpu, 3, 0) == "IMI"


def test_a_write_miss_reads_for_ownership_and_takes_the_line_from_its_owner():
    trace = [(0, WRITE, 0, 8), (1, WRITE, 8, 8), (2, READ, 0, 8), (0, WRITE, 0, 8)]
    cpu = _side_by_side(trace, cores=3)
    assert _states(cpu, 3, 0) == "MII"


def test_an_access_across_a_line_boundary_touches_both_lines():
    trace = [(0, WRITE, 60, 8), (1, READ, 56, 16), (2, WRITE, 62, 4), (0, READ, 0, 200)]
    _side_by_side(trace, cores=3)


def test_no_core_keeps_a_stale_copy_after_another_core_writes():
    """Every copy other than the writer's must turn I, or a later read returns old data."""
    trace = [(0, READ, 0, 8), (1, READ, 0, 8), (2, READ, 0, 8), (0, WRITE, 0, 8)]
    trace += [(1, READ, 0, 8), (2, WRITE, 8, 8), (0, READ, 0, 8), (1, READ, 0, 8)]
    _side_by_side(trace, cores=3)


NAMED_TRACES = {
    # Two counters on one line, each written by its own core: the line ping-pongs.
    "two-counters-on-one-line": ([(0, WRITE, 0, 8), (1, WRITE, 8, 8)] * 4, 2, 64),
    # The same counters a line apart: after the first two misses, every write is a hit.
    "two-counters-a-line-apart": ([(0, WRITE, 0, 8), (1, WRITE, 64, 8)] * 4, 2, 64),
    "producer-and-consumer": ([(0, WRITE, 0, 8), (1, READ, 0, 8)] * 4, 2, 64),
    "many-readers-then-a-writer": (
        [(c, READ, 0, 8) for c in range(4)] + [(3, WRITE, 0, 8), (0, READ, 0, 8)],
        4,
        64,
    ),
    "an-object-migrating-between-cores": (
        [(c, op, 0, 8) for c in (0, 1, 2, 0) for op in (READ, WRITE)],
        3,
        64,
    ),
    "a-spin-lock-and-its-data": (
        [
            *[(0, WRITE, 0, 4), (0, WRITE, 4, 4), (1, READ, 0, 4), (1, READ, 0, 4)],
            *[(0, WRITE, 0, 4), (1, WRITE, 0, 4), (1, READ, 4, 4), (1, WRITE, 0, 4)],
        ],
        2,
        64,
    ),
    "small-lines-of-32-bytes": (
        [(0, WRITE, 0, 4), (1, WRITE, 32, 4), (0, READ, 36, 4), (1, WRITE, 28, 8)],
        2,
        32,
    ),
    "large-lines-of-128-bytes": ([(0, WRITE, 0, 8), (1, WRITE, 64, 8)] * 3, 2, 128),
}


@pytest.mark.parametrize("name", list(NAMED_TRACES))
def test_simulate_counts_match_the_reference_on_named_traces(name):
    trace, cores, line_size = NAMED_TRACES[name]
    got = _counts(simulate(list(trace), cores, line_size), "simulate(...)")
    ref = reference(trace, cores, line_size)
    want = ref.stats.as_dict()
    if got != want:
        pytest.fail(
            f"simulate(trace, cores={cores}, line_size={line_size}) on the trace {name!r} "
            f"counted:\n{format_counts(want, got)}\n{STEPS}:\n"
            f"{format_steps(ref.log)}\nRun the same trace through MESI yourself and compare the "
            f"states step by step. {HINT}"
        )


@st.composite
def traces(draw: st.DrawFn) -> tuple[list[Access], int, int]:
    cores = draw(st.integers(2, 4))
    line_size = draw(st.sampled_from([16, 32, 64]))
    access = st.tuples(
        st.integers(0, cores - 1),
        st.sampled_from([READ, WRITE]),
        st.integers(0, 3 * line_size - 1),
        st.sampled_from([1, 2, 4, 8, 8, 24]),
    )
    return draw(st.lists(access, max_size=25)), cores, line_size


@EXAMPLES
@given(traces())
def test_states_and_counts_match_the_reference_on_any_trace(case):
    """For any accesses, every state and every count matches the reference after each one."""
    trace, cores, line_size = case
    _side_by_side(trace, cores, line_size)


def test_the_protocol_is_written_by_hand_not_borrowed_from_the_harness():
    _counts(simulate([(0, READ, 0, 8)], 2), "simulate([(0, 'read', 0, 8)], 2)")
    path = Path(false_sharing.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = sorted(
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Import) and any(a.name == HARNESS for a in node.names))
        or (
            isinstance(node, ast.ImportFrom)
            and (
                node.module == HARNESS
                or (node.module == "checker.harness" and any(a.name == "mesi" for a in node.names))
            )
        )
    )
    if lines:
        pytest.fail(
            f"{path.name} imports the tests' reference simulator, {HARNESS} (line {lines[0]}). "
            "The point of this kata is writing the protocol and the layout yourself."
        )


# -- part 2: layouts ------------------------------------------------------------------------------


def _f(name: str, size: int, writers=(), readers=(), align: int | None = None) -> Field:
    return Field(name, size, align or min(size, 8), frozenset(writers), frozenset(readers))


@dataclass(frozen=True)
class Struct:
    what: str
    fields: tuple[Field, ...]
    threads: int
    line_size: int = 64


STRUCTS = {
    # Thread 0 produces, thread 1 consumes (Rigtorp's SPSCQueue, the Disruptor's sequences).
    "spsc-ring": Struct(
        "a single-producer single-consumer ring buffer's control block",
        (
            _f("capacity", 8, readers={0, 1}),
            _f("tail", 8, writers={0}, readers={1}),
            _f("head", 8, writers={1}, readers={0}),
            _f("cached_head", 8, writers={0}, readers={0}),
            _f("cached_tail", 8, writers={1}, readers={1}),
            _f("mask", 8, readers={0, 1}),
            _f("produced", 8, writers={0}),
            _f("consumed", 8, writers={1}),
            _f("slots", 8, readers={0, 1}),
        ),
        threads=2,
    ),
    # Threads 0-2 count into their own cells; thread 3 sums them (LongAdder's cells).
    "striped-counter": Struct(
        "a striped counter: one cell per worker, summed by a reader",
        (
            _f("cell0", 8, writers={0}, readers={3}),
            _f("cell1", 8, writers={1}, readers={3}),
            _f("cell2", 8, writers={2}, readers={3}),
            _f("base", 8, readers={0, 1, 2, 3}),
            _f("total_seen", 8, writers={3}),
        ),
        threads=4,
    ),
    "server-stats": Struct(
        "a server's statistics: two workers and a monitor thread",
        (
            _f("started_at", 8, readers={0, 1, 2}),
            _f("requests", 8, writers={0, 1}, readers={2}),
            _f("w0_scratch", 48, writers={0}, readers={0}),
            _f("w0_flag", 1, writers={0}, align=1),
            _f("latency_histogram", 96, writers={0}, readers={2}),
            _f("w1_scratch", 48, writers={1}, readers={1}),
            _f("w1_flag", 1, writers={1}, align=1),
            _f("name", 16, readers={2}, align=1),
        ),
        threads=3,
    ),
    # Everything belongs to one thread: packing, not padding, is the whole answer.
    "one-thread-record": Struct(
        "a record only thread 0 touches, fields of mixed alignment",
        (
            _f("flag", 1, writers={0}, align=1),
            _f("id", 8, writers={0}, readers={0}),
            _f("kind", 1, writers={0}, align=1),
            _f("uuid", 16, readers={0}, align=16),
            _f("port", 2, writers={0}, align=2),
            _f("seq", 8, writers={0}),
            _f("crc", 4, writers={0}, align=4),
            _f("key", 16, readers={0}, align=16),
            _f("next", 8, writers={0}),
        ),
        threads=1,
    ),
    "spsc-ring-on-128-byte-lines": Struct(
        "the ring's control block on a CPU with 128-byte lines (Apple M-series, POWER)",
        (
            _f("tail", 8, writers={0}, readers={1}),
            _f("head", 8, writers={1}, readers={0}),
            _f("cached_head", 8, writers={0}),
            _f("cached_tail", 8, writers={1}),
            _f("mask", 8, readers={0, 1}),
        ),
        threads=2,
        line_size=128,
    ),
    "two-lock-queue-on-32-byte-lines": Struct(
        "a two-lock queue (Michael and Scott) on 32-byte lines: each lock with its own pointer",
        (
            _f("head_lock", 4, writers={0}, readers={0}),
            _f("head", 8, writers={0}),
            _f("tail_lock", 4, writers={1}),
            _f("tail", 8, writers={1}),
            _f("pending", 40, writers={1}, readers={0}),
            _f("limit", 8, readers={0, 1}),
        ),
        threads=2,
        line_size=32,
    ),
}


def _shared_write(f: Field) -> bool:
    """Some thread writes ``f`` and another thread uses it: rule 3's fields."""
    return any(u != t for t in f.writers for u in f.users)


def _rule_lines(fields: tuple[Field, ...], line_size: int) -> tuple[int, list[str]]:
    """The lines the docstring's recipe uses, and a line of explanation per class."""
    total, why = 0, []
    groups: dict[str, list[Field]] = {}
    for f in fields:
        if _shared_write(f):
            n = math.ceil(f.size / line_size)
            total += n
            why.append(f"{f.name} alone: {n} line{'s' if n > 1 else ''}")
        elif len(f.users) == 1:
            groups.setdefault(f"thread {min(f.users)}'s own fields", []).append(f)
        else:
            groups.setdefault("fields nobody writes", []).append(f)
    for label, group in groups.items():
        size = sum(f.size for f in group)
        n = math.ceil(size / line_size)
        total += n
        names = ", ".join(f.name for f in group)
        why.append(f"{label} ({names}: {size} bytes): {n} line{'s' if n > 1 else ''}")
    return total, why


def _show(fields: tuple[Field, ...], line_size: int) -> str:
    return f"layout([{', '.join(_field_repr(f) for f in fields)}], line_size={line_size})"


def _field_repr(f: Field) -> str:
    parts = [repr(f.name), str(f.size), str(f.align)]
    if f.writers:
        parts.append(f"writers={set(sorted(f.writers))}")
    if f.readers:
        parts.append(f"readers={set(sorted(f.readers))}")
    return f"Field({', '.join(parts)})"


def _layout(fields: tuple[Field, ...], line_size: int) -> dict[str, int]:
    """Call ``layout`` and check rule 1: every field, aligned, no overlap."""
    call = _show(fields, line_size)
    got = layout(list(fields), line_size)
    names = [f.name for f in fields]
    if not isinstance(got, dict):
        pytest.fail(f"{call} returned {got!r}; expected a dict {{field name: offset}}.")
    missing = [n for n in names if n not in got]
    extra = [n for n in got if n not in names]
    if missing or extra:
        pytest.fail(
            f"{call} returned {got!r}: "
            + (f"no offset for {', '.join(missing)}" if missing else "")
            + ("; " if missing and extra else "")
            + (f"offsets for fields that do not exist: {extra}" if extra else "")
            + ". Return one offset per field, keyed by name."
        )
    for f in fields:
        off = got[f.name]
        if type(off) is not int or off < 0:
            pytest.fail(f"{call} gave {f.name} the offset {off!r}; offsets are whole numbers >= 0.")
        if off % f.align:
            pytest.fail(
                f"{call} put {f.name} at offset {off}, not a multiple of its alignment "
                f"{f.align}. A misaligned field is slow or a fault on real hardware."
            )
    by_offset = sorted(fields, key=lambda f: got[f.name])
    for a, b in itertools.pairwise(by_offset):
        if got[a.name] + a.size > got[b.name]:
            pytest.fail(
                f"{call} put {a.name} at {got[a.name]} ({a.size} bytes, up to byte "
                f"{got[a.name] + a.size - 1}) and {b.name} at {got[b.name]}: they overlap."
            )
    return {n: got[n] for n in names}


def _first_collision(fields, offsets, line_size):
    """The first breach of rules 2 and 3, as (witness ops, sentence), or None."""
    sizes = {f.name: f.size for f in fields}
    lines = {f.name: set(lines_of(offsets[f.name], f.size, line_size)) for f in fields}
    for f in fields:
        need = math.ceil(f.size / line_size)
        if _shared_write(f) and len(lines[f.name]) > need:
            t = min(f.writers)
            u = min(x for x in f.users if x != t)
            op = WRITE if u in f.writers else READ
            return [(u, op, f.name), (t, WRITE, f.name)], (
                f"{f.name} ({sizes[f.name]} bytes at offset {offsets[f.name]}) spans lines "
                f"{sorted(lines[f.name])} where {need} would do, and thread {t} writes it while "
                f"thread {u} uses it: every write invalidates a line more than it must."
            )
    for f in fields:
        for g in fields:
            if f is g or not lines[f.name] & lines[g.name]:
                continue
            for t in sorted(f.writers):
                for u in sorted(g.users - {t}):
                    op = WRITE if u in g.writers else READ
                    line = min(lines[f.name] & lines[g.name])
                    verb = "writes" if op == WRITE else "reads"
                    return [(u, op, g.name), (t, WRITE, f.name)], (
                        f"{f.name} and {g.name} share line {line}, but thread {t} writes "
                        f"{f.name} and thread {u} {verb} {g.name}."
                    )
    return None


def _compare(struct: Struct, offsets, ops: list[FieldAccess], why: str = "") -> None:
    """The invalidations ``ops`` costs on ``offsets`` must equal the true-sharing minimum."""
    fields, threads, line_size = struct.fields, struct.threads, struct.line_size
    sizes = {f.name: f.size for f in fields}
    machine = reference(field_trace(ops, offsets, sizes), threads, line_size)
    got = machine.stats.invalidations
    floor = true_sharing_minimum(ops, sizes, threads, line_size)
    if got == floor:
        return
    report = "\n".join(f"  {s}" for s in sharing_report(machine, offsets, sizes))
    pytest.fail(
        f"For {struct.what}, {_show(fields, line_size)} returned\n"
        f"{format_layout(offsets, sizes, line_size)}\n"
        + (f"{why}\n" if why else "")
        + f"These accesses (thread t on core t), run on the reference simulator:\n"
        f"{format_steps(machine.log, offsets, sizes)}\n"
        f"cost more invalidations than the same accesses with every field on lines of its "
        f"own (the true-sharing minimum):\n"
        f"{format_counts({'invalidations': floor}, {'invalidations': got})}\n"
        f"Where they come from:\n{report}\n"
        f"Keep every field one thread writes and another uses on lines of its own, and never "
        f"put a field one thread uses next to one another thread writes. {HINT}"
    )


def _check_rules(struct: Struct, offsets: dict[str, int]) -> None:
    found = _first_collision(struct.fields, offsets, struct.line_size)
    if found:
        ops, why = found
        _compare(struct, offsets, ops, why)
        pytest.fail(f"{why} (the accesses that show it cost nothing extra: report this)")


def _check_lines(struct: Struct, offsets: dict[str, int]) -> None:
    fields, line_size = struct.fields, struct.line_size
    end = max((offsets[f.name] + f.size for f in fields), default=0)
    used = math.ceil(end / line_size)
    need, why = _rule_lines(fields, line_size)
    sizes = {f.name: f.size for f in fields}
    if used > need:
        pytest.fail(
            f"For {struct.what}, {_show(fields, line_size)} returned\n"
            f"{format_layout(offsets, sizes, line_size)}\n"
            f"a struct of {end} bytes: {used} lines of {line_size}. The rule's recipe needs only "
            f"{need}:\n" + "\n".join(f"  {w}" for w in why) + "\nPack the fields that no other "
            "thread's write can hurt together, largest alignment first so no padding creeps in, "
            "and start a fresh line only where a new class begins. Padding every field costs "
            f"cache space that the hot data needed. {HINT}"
        )


@pytest.mark.parametrize("name", list(STRUCTS))
def test_every_field_gets_an_aligned_offset_that_overlaps_no_other(name):
    struct = STRUCTS[name]
    _layout(struct.fields, struct.line_size)


@pytest.mark.parametrize("name", list(STRUCTS))
def test_no_line_mixes_a_field_one_thread_writes_with_a_field_another_thread_uses(name):
    """Rules 2 and 3, each breach shown by the two accesses that pay for it."""
    struct = STRUCTS[name]
    _check_rules(struct, _layout(struct.fields, struct.line_size))


@pytest.mark.parametrize("name", list(STRUCTS))
def test_the_struct_spans_no_more_lines_than_the_rule_needs(name):
    struct = STRUCTS[name]
    _check_lines(struct, _layout(struct.fields, struct.line_size))


@st.composite
def workloads(draw: st.DrawFn) -> tuple[Struct, list[FieldAccess]]:
    threads = draw(st.integers(2, 3))
    line_size = draw(st.sampled_from([32, 64, 128]))
    thread = st.integers(0, threads - 1)
    fields = []
    for i in range(draw(st.integers(1, 6))):
        align = draw(st.sampled_from([1, 2, 4, 8, 16]))
        size = align * draw(st.integers(1, 80 // align))
        writers = draw(st.frozensets(thread, max_size=2))
        readers = draw(st.frozensets(thread, max_size=threads))
        fields.append(Field(f"f{i}", size, align, writers, readers))
    allowed = [(t, WRITE, f.name) for f in fields for t in sorted(f.writers)]
    allowed += [(t, READ, f.name) for f in fields for t in sorted(f.readers)]
    ops = draw(st.lists(st.sampled_from(allowed), max_size=30)) if allowed else []
    return Struct("a generated struct", tuple(fields), threads, line_size), ops


@EXAMPLES
@given(workloads())
def test_any_interleaving_costs_exactly_the_true_sharing_minimum(case):
    """For any struct and any interleaving of whole-field accesses, your layout costs the same
    invalidations as every field on lines of its own, and spans no more lines than the rule."""
    struct, ops = case
    offsets = _layout(struct.fields, struct.line_size)
    _compare(struct, offsets, ops)
    _check_rules(struct, offsets)
    _check_lines(struct, offsets)


def _rounds(struct: Struct, rounds: int = 3) -> list[FieldAccess]:
    """Each thread in turn makes every access its fields allow, in field order; repeated."""
    ops: list[FieldAccess] = []
    for _ in range(rounds):
        for t in range(struct.threads):
            for f in struct.fields:
                if t in f.readers:
                    ops.append((t, READ, f.name))
                if t in f.writers:
                    ops.append((t, WRITE, f.name))
    return ops


@pytest.mark.parametrize("name", list(STRUCTS))
def test_a_round_robin_workload_costs_exactly_the_true_sharing_minimum(name):
    struct = STRUCTS[name]
    offsets = _layout(struct.fields, struct.line_size)
    _compare(struct, offsets, _rounds(struct))
