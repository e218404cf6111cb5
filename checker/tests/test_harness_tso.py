"""The TSO harness: litmus tests with known answers, state counts by hand, paths and traps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.tso import (
    IRIW,
    LB,
    LITMUS,
    MP,
    REORDERINGS,
    SB,
    SB_FENCED,
    SC,
    TSO,
    TWO_PLUS_TWO_W,
    Enter,
    Fence,
    Goto,
    If,
    Label,
    Leave,
    Load,
    ProgramError,
    SemanticsError,
    StateLimitExceeded,
    Store,
    explore,
    format_outcome,
    listing,
    mutual_exclusion_broken,
    project,
    tso_with,
)


def peterson(me: int, rounds: int = 1, *, fence: bool = True) -> list:
    """Peterson's lock for thread ``me``; the fence sits between the stores and the loads."""
    other = 1 - me
    program: list = []
    for k in range(rounds):
        program += [Store(f"flag{me}", 1), Store("turn", other)]
        program += [Fence()] if fence else []
        program += [
            Label(f"wait{k}"),
            Load("f", f"flag{other}"),
            If("f", "==", 0, f"enter{k}"),
            Load("t", "turn"),
            If("t", "==", other, f"wait{k}"),
            Label(f"enter{k}"),
            Enter(),
            Leave(),
            Store(f"flag{me}", 0),
        ]
    return program


# -- litmus tests -------------------------------------------------------------------------------


def test_store_buffering_gives_every_pair_of_reads_on_tso_but_never_both_zero_on_sc():
    sc = project(explore(SB.threads, machine=SC).outcomes, "0:r1", "1:r2")
    tso = project(explore(SB.threads, machine=TSO).outcomes, "0:r1", "1:r2")
    assert sc == {(0, 1), (1, 0), (1, 1)}
    assert tso == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_a_fence_between_each_store_and_load_forbids_both_zero_on_tso():
    outcomes = explore(SB_FENCED.threads, machine=TSO).outcomes
    assert project(outcomes, "0:r1", "1:r2") == {(0, 1), (1, 0), (1, 1)}
    assert not SB_FENCED.shows(outcomes)


def test_message_passing_never_shows_the_flag_without_the_data_on_tso():
    outcomes = explore(MP.threads, machine=TSO).outcomes
    assert project(outcomes, "1:r1", "1:r2") == {(0, 0), (0, 1), (1, 1)}


@pytest.mark.parametrize("litmus", [LB, TWO_PLUS_TWO_W, IRIW], ids=lambda t: t.name)
def test_litmus_tests_needing_more_than_store_to_load_reordering_are_forbidden_on_tso(litmus):
    assert not litmus.shows(explore(litmus.threads, machine=TSO).outcomes)


@pytest.mark.parametrize("litmus", LITMUS, ids=lambda t: t.name)
def test_no_litmus_test_shows_its_relaxed_outcome_on_sc(litmus):
    assert not litmus.shows(explore(litmus.threads, machine=SC).outcomes)


def test_of_the_four_reorderings_tso_shows_only_store_to_load():
    allowed = {
        name
        for name, litmus in REORDERINGS.items()
        if litmus.shows(explore(litmus.threads, machine=TSO).outcomes)
    }
    assert allowed == {"store->load"}


def test_a_load_reads_its_own_threads_newest_buffered_store():
    outcomes = explore([[Store("x", 1), Store("x", 2), Load("r", "x")]], machine=TSO).outcomes
    assert project(outcomes, "0:r", "x") == {(2, 2)}


straight_line = st.lists(
    st.one_of(
        st.builds(Store, st.sampled_from("xy"), st.integers(1, 2)),
        st.builds(Load, st.sampled_from(["r0", "r1"]), st.sampled_from("xy")),
        st.just(Fence()),
    ),
    max_size=4,
)


@settings(max_examples=60)
@given(st.lists(straight_line, min_size=1, max_size=3))
def test_every_sc_outcome_is_a_tso_outcome_and_fences_after_stores_give_back_sc(threads):
    """SC ⊆ TSO; with a fence after every store, TSO gives exactly the SC outcomes."""
    sc = explore(threads, machine=SC).outcomes
    assert sc <= explore(threads, machine=TSO).outcomes
    fenced = [
        [x for i in t for x in ((i, Fence()) if isinstance(i, Store) else (i,))] for t in threads
    ]
    assert explore(fenced, machine=TSO).outcomes == sc


# -- state counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("threads", "machine", "states"),
    [
        ([[Store("x", 1)]], SC, 2),  # before, after
        ([[Store("x", 1)]], TSO, 3),  # before, buffered, drained
        ([[Store("x", 1)], [Store("y", 1)]], SC, 4),  # each thread before or after
        ([[Store("x", 1)], [Store("y", 1)]], TSO, 9),  # 3 x 3: memory follows the buffers
        (SB.threads, SC, 13),  # 1 + 2 + 3 at the pcs, plus the registers (counted by hand)
    ],
    ids=["store-sc", "store-tso", "two-stores-sc", "two-stores-tso", "sb-sc"],
)
def test_state_counts_match_a_count_by_hand(threads, machine, states):
    ex = explore(threads, machine=machine)
    assert ex.complete and ex.states == states


def test_a_spin_loop_ends_the_search_and_the_spinner_reads_the_store():
    spinner = [Label("top"), Load("r", "x"), If("r", "==", 0, "top")]
    ex = explore([spinner, [Store("x", 1)]], machine=TSO)
    assert ex.complete
    assert project(ex.outcomes, "0:r") == {(1,)}
    assert ex.stuck() is None


def test_a_fence_waits_until_its_threads_buffer_has_drained():
    ex = explore([[Store("x", 1), Fence(), Load("r", "y")], [Store("y", 1)]], machine=TSO)
    assert ex.find(lambda v: v.pc(0) == 2 and v.buffer(0)) is None
    assert ex.find(lambda v: v.pc(0) == 1 and v.buffer(0)) is not None


def test_a_full_buffer_stalls_the_next_store():
    ex = explore([[Store("x", 1), Store("y", 1), Store("x", 2)]], machine=TSO, buffer_size=2)
    assert ex.find(lambda v: len(v.buffer(0)) == 2) is not None
    assert ex.find(lambda v: len(v.buffer(0)) > 2) is None
    assert project(ex.outcomes, "x", "y") == {(2, 1)}


# -- traps, caps and paths ---------------------------------------------------------------------


def test_a_spin_on_a_store_nobody_makes_is_a_trap_naming_the_loop():
    spinner = [Label("top"), Load("r", "x"), If("r", "==", 0, "top")]
    ex = explore([spinner, [Store("y", 1)]], machine=TSO)
    assert ex.complete and not ex.outcomes
    path = ex.stuck()
    # The trap is where T1 has finished and drained: before that, T1 still has moves to make.
    assert path is not None and len(path) == 2
    assert "T0: loops over `top: r = x`, `if r == 0 goto top`\n    T1: finished" in path.end


def test_a_loop_that_stores_forever_is_bounded_by_the_buffer_and_is_a_trap():
    ex = explore([[Label("top"), Store("x", 1), Goto("top")]], machine=TSO)
    assert ex.complete and ex.states < 50
    assert ex.stuck() is not None


def test_a_program_whose_state_never_repeats_hits_the_cap_with_a_clear_message():
    forever = [Label("top"), Enter(), Leave(), Goto("top")]  # entries grows without end
    with pytest.raises(StateLimitExceeded) as caught:
        explore([forever], machine=SC, max_states=100)
    message = str(caught.value)
    assert "stopped after 100 distinct states" in message
    assert "enter" in message and "earlier steps not shown" in message


def test_stop_at_ends_the_search_at_a_shortest_path_to_the_state():
    ex = explore(
        [peterson(0, fence=False), peterson(1, fence=False)], stop_at=mutual_exclusion_broken
    )
    assert not ex.complete and ex.found is not None
    assert len(ex.found) == 10  # 2 stores, a load, a jump and enter, in each thread
    full = explore([peterson(0, fence=False), peterson(1, fence=False)])
    assert full.states > ex.states
    assert len(full.find(mutual_exclusion_broken)) == 10
    with pytest.raises(RuntimeError, match="stopped early"):
        ex.stuck()


PETERSON_BROKEN = """\
   1. T0         flag0 = 1              into T0's buffer [flag0=1]
   2. T0         turn = 1               into T0's buffer [flag0=1, turn=1]
   3. T0         wait0: f = flag1       reads 0 (from memory)
   4. T0         if f == 0 goto enter0  f is 0: jumps
   5. T0         enter0: enter          T0 is in the critical section
   6. T1         flag1 = 1              into T1's buffer [flag1=1]
   7. T1         turn = 0               into T1's buffer [flag1=1, turn=0]
   8. T1         wait0: f = flag0       reads 0 (from memory; T0's flag0=1 is still in its buffer)
   9. T1         if f == 0 goto enter0  f is 0: jumps
  10. T1         enter0: enter          T1 is in the critical section -- and so is T0!
  The state reached:
    T0: next `leave`; IN the critical section; f=0, t=0; buffer [flag0=1, turn=1]
    T1: next `leave`; IN the critical section; f=0, t=0; buffer [flag1=1, turn=0]
    memory: flag0=0, flag1=0, turn=0"""


def test_peterson_without_a_fence_breaks_on_tso_and_the_path_says_how():
    ex = explore([peterson(0, fence=False), peterson(1, fence=False)], machine=TSO)
    path = ex.find(mutual_exclusion_broken)
    assert path is not None
    assert path.format() == PETERSON_BROKEN


@pytest.mark.parametrize("rounds", [1, 2])
def test_peterson_with_a_fence_after_its_stores_holds_on_tso_and_can_always_finish(rounds):
    ex = explore([peterson(0, rounds), peterson(1, rounds)], machine=TSO)
    assert ex.find(mutual_exclusion_broken) is None
    assert ex.stuck() is None
    assert ex.outcomes and ex.states < 5000


def test_peterson_holds_on_sc_without_any_fence():
    ex = explore([peterson(0, 2, fence=False), peterson(1, 2, fence=False)], machine=SC)
    assert ex.find(mutual_exclusion_broken) is None and ex.stuck() is None


def test_peterson_that_never_lowers_its_flag_is_trapped_with_the_waiter_spinning():
    def greedy(me: int) -> list:
        return [i for i in peterson(me, 2) if i != Store(f"flag{me}", 0)]

    path = explore([greedy(0), greedy(1)], machine=TSO).stuck()
    assert path is not None
    assert "finished" in path.end and "loops over `wait" in path.end


def test_long_paths_print_only_their_last_steps():
    program = [Store("x", v) for v in range(1, 41)]
    ex = explore([program], machine=SC)
    (final,) = ex.finals
    text = ex.path_to(final).format(shown=5)
    assert text.splitlines()[0] == "  ... 35 earlier steps not shown"
    assert text.splitlines()[1].startswith("  36. T0")


def test_a_listing_shows_the_threads_side_by_side():
    text = listing([[Store("x", 1), Fence(), Load("r1", "y")], [Load("r2", "x")], []])
    assert text.splitlines() == [
        "    T0        T1        T2",
        "    x = 1     r2 = x",
        "    fence",
        "    r1 = y",
    ]
    assert SB.listing() == listing(SB.threads)


def test_outcomes_name_registers_by_thread_and_list_memory():
    ex = explore([[Load("r", "x")], [Store("x", 3)]], machine=SC, memory={"x": 7})
    assert {format_outcome(o) for o in ex.outcomes} == {"0:r=7 x=3", "0:r=3 x=3"}


# -- bad programs and plugged-in rules ---------------------------------------------------------


@pytest.mark.parametrize(
    ("threads", "words"),
    [
        ([["x = 1"]], "is not an instruction"),
        ([[Goto("nowhere")]], "no label 'nowhere' in thread 0's program"),
        ([[Label("a"), Label("a")]], "defined twice"),
        ([[], [If("r", "<", 0, "a"), Label("a")]], "thread 1"),
        ([[Store("x", "1")]], "takes a variable name and an int"),
        ("not a list", "should be a list of programs"),
        ([5], "should be a list of instructions"),
    ],
    ids=[
        "string",
        "missing-label",
        "duplicate-label",
        "bad-comparison",
        "str-value",
        "threads",
        "program",
    ],
)
def test_a_bad_program_is_a_program_error_naming_the_thread_and_the_fix(threads, words):
    with pytest.raises(ProgramError, match=words.replace("'", ".")):
        explore(threads)


def _reference_rules():
    def store(buffer, var, value):
        return (*buffer, (var, value))

    def load(buffer, memory, var):
        for v, x in reversed(buffer):
            if v == var:
                return x
        return memory[var]

    def drain(buffer, memory):
        (var, value), *rest = buffer
        return tuple(rest), {**memory, var: value}

    def fence_ready(buffer):
        return not buffer

    return dict(store=store, load=load, drain=drain, fence_ready=fence_ready)


@pytest.mark.parametrize("litmus", LITMUS, ids=lambda t: t.name)
def test_plugged_in_copies_of_the_reference_rules_give_the_reference_outcomes(litmus):
    plugged = explore(litmus.threads, machine=tso_with(**_reference_rules()))
    assert plugged.outcomes == explore(litmus.threads, machine=TSO).outcomes


def test_a_plugged_in_rule_not_written_yet_raises_not_implemented_error_unchanged():
    def tso_load(buffer, memory, var):
        raise NotImplementedError  # the checker names a stub in this state "not started"

    with pytest.raises(NotImplementedError):
        explore(SB.threads, machine=tso_with(load=tso_load))


def test_a_plugged_in_rule_that_raises_or_returns_junk_is_a_semantics_error():
    def tso_load(buffer, memory, var):
        raise KeyError(var)

    shown = r"tso_load\(\(\('x', 1\),\), \{'x': 0, 'y': 0\}, 'y'\) raised KeyError"
    with pytest.raises(SemanticsError, match=shown):
        explore(SB.threads, machine=tso_with(load=tso_load))

    def drain_one(buffer, memory):
        return buffer[1:]

    with pytest.raises(SemanticsError, match=r"drain_one\(\(\('x', 1\),\), \{'x': 0, 'y': 0\}\)"):
        explore(SB.threads, machine=tso_with(drain=drain_one))

    with pytest.raises(SemanticsError, match="should return True or False"):
        explore(SB_FENCED.threads, machine=tso_with(fence_ready=lambda buffer: None))


def test_a_plugged_in_rule_gets_its_own_copy_of_memory():
    def drain_in_place(buffer, memory):
        var, value = buffer[0]
        memory[var] = value  # mutating the argument must not reach other states
        return buffer[1:], memory

    plugged = explore(MP.threads, machine=tso_with(drain=drain_in_place))
    assert plugged.outcomes == explore(MP.threads, machine=TSO).outcomes


def test_a_path_shows_the_store_a_plugged_in_drain_really_took():
    def drain_newest(buffer, memory):
        var, value = buffer[-1]
        return buffer[:-1], {**memory, var: value}

    ex = explore(MP.threads, machine=tso_with(drain=drain_newest))
    relaxed = next(o for o in ex.outcomes if MP.shows([o]))
    drains = [s.action for s in ex.witness(relaxed).steps if s.actor == "T0 buffer"]
    assert drains == ["drain y=1", "drain x=1"]
