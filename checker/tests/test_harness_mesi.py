"""The MESI simulator: every standard transition, its counts, and the false-sharing report."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.mesi import (
    BUS_RD,
    BUS_RDX,
    BUS_UPGR,
    READ,
    WRITE,
    Machine,
    Stats,
    TraceError,
    field_trace,
    fields_at,
    format_counts,
    format_layout,
    format_steps,
    line_map,
    lines_of,
    own_lines,
    sharing_report,
    simulate,
    true_sharing_minimum,
)


def _counts(machine: Machine) -> dict[str, int]:
    return machine.stats.as_dict()


# -- transitions --------------------------------------------------------------------------------


def test_a_read_miss_with_no_other_copy_loads_the_line_exclusive():
    m = Machine(2)
    step = m.read(0, 0, 8)
    assert m.states(0) == "EI"
    assert step.lines[0].bus == BUS_RD
    assert _counts(m) == Stats(misses=1, bus_rd=1).as_dict()


def test_a_write_to_an_exclusive_line_becomes_modified_without_a_bus_transaction():
    m = Machine(2)
    m.read(0, 0)
    step = m.write(0, 0)
    assert m.states(0) == "MI"
    assert step.lines[0].bus is None
    assert _counts(m) == Stats(misses=1, bus_rd=1).as_dict()


def test_a_second_reader_shares_the_line_and_demotes_the_exclusive_copy():
    m = Machine(3)
    m.read(0, 0)
    m.read(1, 4)
    assert m.states(0) == "SSI"
    assert _counts(m) == Stats(misses=2, bus_rd=2).as_dict()


def test_a_read_of_a_line_modified_elsewhere_writes_it_back_and_both_share_it():
    m = Machine(2)
    m.write(0, 0)
    step = m.read(1, 0)
    assert m.states(0) == "SS"
    assert step.lines[0].wrote_back == 0
    assert _counts(m) == Stats(misses=2, bus_rd=1, bus_rdx=1, writebacks=1).as_dict()


def test_a_write_to_a_shared_line_broadcasts_an_upgrade_and_invalidates_every_other_copy():
    m = Machine(3)
    for core in range(3):
        m.read(core, 0)
    step = m.write(1, 0)
    assert m.states(0) == "IMI"
    assert step.lines[0].bus == BUS_UPGR
    assert step.lines[0].invalidated == (0, 2)
    assert _counts(m) == Stats(misses=3, bus_rd=3, bus_upgr=1, invalidations=2).as_dict()
    assert [(i.writer, i.victim, i.bus) for i in m.invalidations] == [
        (1, 0, BUS_UPGR),
        (1, 2, BUS_UPGR),
    ]


def test_a_write_miss_reads_for_ownership_and_takes_the_line_from_a_modified_owner():
    m = Machine(2)
    m.write(0, 0)
    step = m.write(1, 0)
    assert m.states(0) == "IM"
    assert step.lines[0].bus == BUS_RDX
    assert _counts(m) == Stats(misses=2, bus_rdx=2, invalidations=1, writebacks=1).as_dict()


def test_a_write_miss_invalidates_every_shared_copy_without_a_writeback():
    m = Machine(3)
    m.read(0, 0)
    m.read(1, 0)
    m.write(2, 0)
    assert m.states(0) == "IIM"
    assert _counts(m) == Stats(misses=3, bus_rd=2, bus_rdx=1, invalidations=2).as_dict()


def test_hits_in_every_valid_state_cost_nothing():
    m = Machine(2)
    m.write(0, 0)  # M
    m.read(1, 64)  # E
    m.read(0, 100)
    m.read(1, 0)  # line 0 now S in both
    before = _counts(m)
    m.read(0, 0)  # S hit
    m.read(1, 70)  # E hit
    m.write(0, 100)  # line 1 ... core 0 holds it S: an upgrade, not a hit
    after = _counts(m)
    assert after["misses"] == before["misses"]
    assert after["bus_upgr"] == before["bus_upgr"] + 1
    m.write(0, 101)  # M hit
    assert _counts(m) == after


def test_a_read_miss_of_a_line_held_exclusive_elsewhere_shares_it_without_a_writeback():
    m = Machine(2)
    m.read(0, 0)
    m.read(1, 0)
    assert m.states(0) == "SS"
    assert m.stats.writebacks == 0


# -- lines ------------------------------------------------------------------------------------


def test_an_access_across_a_line_boundary_touches_both_lines():
    m = Machine(2)
    step = m.write(0, 60, 8)
    assert [e.line for e in step.lines] == [0, 1]
    assert (m.states(0), m.states(1)) == ("MI", "MI")
    assert m.stats.misses == 2 and m.stats.bus_rdx == 2
    assert list(lines_of(60, 8)) == [0, 1]
    assert list(lines_of(0, 64)) == [0]
    assert list(lines_of(10, 200)) == [0, 1, 2, 3]


def test_the_line_size_is_configurable():
    m = simulate([(0, WRITE, 0, 4), (1, WRITE, 16, 4)], cores=2, line_size=16)
    assert m.stats.invalidations == 0 and m.lines == [0, 1]
    m = simulate([(0, WRITE, 0, 4), (1, WRITE, 16, 4)], cores=2, line_size=32)
    assert m.stats.invalidations == 1 and m.lines == [0]


def test_bad_accesses_are_refused_with_a_reason():
    m = Machine(2)
    for args, words in [
        ((2, READ, 0, 1), "core 2 does not exist"),
        ((0, "load", 0, 1), "neither"),
        ((0, READ, -1, 1), "address"),
        ((0, WRITE, 0, 0), "size"),
        ((True, READ, 0, 1), "core True"),
    ]:
        with pytest.raises(TraceError, match=words):
            m.access(*args)
    with pytest.raises(TraceError, match="cores"):
        Machine(0)


accesses = st.tuples(
    st.integers(0, 2),
    st.sampled_from([READ, WRITE]),
    st.integers(0, 150),
    st.sampled_from([1, 2, 4, 8, 16, 40]),
)


@settings(max_examples=60)
@given(st.lists(accesses, max_size=40))
def test_one_writer_or_many_readers_holds_on_any_trace(trace):
    """At every step, per line: one M or E copy and nothing else, or any number of S copies."""
    m = Machine(3)
    for step in trace:
        m.access(*step)
        for line in m.lines:
            states = m.states(line)
            owners = sum(s in "ME" for s in states)
            assert owners == 0 or states.count("I") == 2, (line, states)
    s = m.stats
    assert s.misses == s.bus_rd + s.bus_rdx
    assert s.invalidations == len(m.invalidations)
    assert s.writebacks <= s.misses


@settings(max_examples=30)
@given(st.lists(accesses, max_size=30))
def test_a_copy_is_valid_only_if_its_core_used_it_since_another_core_last_wrote(trace):
    """MESI never leaves a stale copy: the invariant the kata's stale-read check relies on."""
    m = Machine(3)
    last_write: dict[int, tuple[int, int]] = {}
    last_use: dict[tuple[int, int], int] = {}
    for i, (core, op, address, size) in enumerate(trace):
        m.access(core, op, address, size)
        for line in lines_of(address, size):
            last_use[core, line] = i
            if op == WRITE:
                last_write[line] = (i, core)
        for line in m.lines:
            for c, state in enumerate(m.states(line)):
                when, writer = last_write.get(line, (-1, c))
                fresh = writer == c or last_use.get((c, line), -1) > when
                assert state == "I" or fresh, (line, c, state)


# -- layouts and the report -------------------------------------------------------------------

SIZES = {"a": 8, "b": 8, "big": 100}


def test_own_lines_gives_each_field_whole_lines_of_its_own():
    assert own_lines(SIZES) == {"a": 0, "b": 64, "big": 128}
    assert own_lines(SIZES, line_size=32) == {"a": 0, "b": 32, "big": 64}


def test_fields_at_and_line_map_name_the_fields_on_each_line():
    offsets = {"a": 0, "b": 8, "big": 16}
    assert fields_at(offsets, SIZES, 4, 8) == ["a", "b"]
    assert fields_at(offsets, SIZES, 200, 8) == []
    assert line_map(offsets, SIZES) == {0: ["a", "b", "big"], 1: ["big"]}


def test_two_fields_on_one_line_written_by_two_cores_are_reported_as_false_sharing():
    offsets, ops = {"a": 0, "b": 8, "big": 64}, [(0, WRITE, "a"), (1, WRITE, "b")] * 3
    m = simulate(field_trace(ops, offsets, SIZES), cores=2)
    assert m.stats.invalidations == 5
    assert true_sharing_minimum(ops, SIZES, cores=2) == 0
    report = sharing_report(m, offsets, SIZES)
    assert report == [
        "fields b and a share line 0: every write by core 1 to b invalidates core 0's copy "
        "of a (false sharing, 3 invalidations)",
        "fields a and b share line 0: every write by core 0 to a invalidates core 1's copy "
        "of b (false sharing, 2 invalidations)",
    ]


def test_a_field_written_by_one_core_and_read_by_another_is_true_sharing():
    ops = [(0, WRITE, "a"), (1, READ, "a")] * 3
    assert true_sharing_minimum(ops, SIZES, cores=2) == 2
    m = simulate(field_trace(ops, own_lines(SIZES), SIZES), cores=2)
    assert sharing_report(m, own_lines(SIZES), SIZES) == [
        "a on line 0: core 0's writes invalidate core 1's copy, which it had used "
        "(true sharing, 2 invalidations)"
    ]


def test_the_report_falls_back_to_bytes_outside_any_field():
    m = simulate([(0, READ, 40, 4), (1, WRITE, 0, 8)], cores=2)
    assert sharing_report(m, {"a": 0}, {"a": 8}) == [
        "fields a and bytes 40..43 share line 0: every write by core 1 to a invalidates core "
        "0's copy of bytes 40..43 (false sharing, 1 invalidation)"
    ]


def test_formatting_shows_the_tail_of_a_run_and_marks_differing_counts():
    m = simulate([(0, WRITE, 0, 8), (1, READ, 8, 8)] * 20, cores=2)
    text = format_steps(m.log[:6], {"a": 0, "b": 8}, {"a": 8, "b": 8}, limit=3)
    assert text.splitlines() == [
        "   ... 3 earlier steps",
        "   3  core 1 read  b (8+8)  line 0: I->S, BusRd, core 0 writes back [S S]",
        "   4  core 0 write a (0+8)  line 0: S->M, BusUpgr, invalidates core 1 [M I]",
        "   5  core 1 read  b (8+8)  line 0: I->S, BusRd, core 0 writes back [S S]",
    ]
    assert format_layout({"a": 0, "big": 60}, SIZES).splitlines() == [
        "  line 0 [0..63]: a@0+8, big@60+100",
        "  line 1 [64..127]: big@60+100",
        "  line 2 [128..191]: big@60+100",
    ]
    table = format_counts({"misses": 2, "bus_rd": 1}, {"misses": 2, "bus_rd": 3})
    assert table.splitlines()[1:] == [
        "  misses                2        2",
        "  bus_rd                1        3   <--",
    ]
