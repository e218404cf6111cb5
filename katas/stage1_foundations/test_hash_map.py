"""Tests for the hash-map kata: it behaves like a dict, and every probe is counted.

Costs are counted, never timed: the ``Memory`` the map allocates from counts slot reads, writes
and allocations, and the keys are ``Counted`` ints whose ``==`` and ``hash`` calls count too.
Keys are ints because ``hash(int)`` is the same on every run (``hash(str)`` is salted per
process), so every count, and every verdict, is the same on every machine.
"""

from __future__ import annotations

import random
import sys
from collections import deque
from collections.abc import Callable, Iterable

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from checker.harness.counting import (
    COMPARE,
    READ,
    Block,
    BudgetExceeded,
    Counter,
    Memory,
    counted,
)
from checker.harness.growth import LINEAR, Measurement, measure, report
from katas.stage1_foundations.hash_map import HashMap

# hash(k + P) == hash(k) for every int k >= 0: different keys that collide in any table.
P = sys.hash_info.modulus
SIZES = (256, 512, 1024, 2048, 4096)
FAMILIES = ("random", "sequential")
SETUP_OPS_PER_KEY = 200  # filling the map before a measurement: generous, but finite
MACHINE_BUDGET = 300_000  # counted operations in one state-machine run: far more than needed
# Many short runs: enough to cross several resizes and delete inside collision chains, and a
# failure shrinks to one small example quickly.
MACHINE_SETTINGS = settings(
    max_examples=80,
    stateful_step_count=15,
    report_multiple_bugs=False,
)


def _same_hash(base: int, count: int) -> list[int]:
    """``count`` different ints that all hash to ``base`` (``base`` >= 0)."""
    return [base + j * P for j in range(count)]


def _keys(family: str, n: int) -> list[int]:
    """``n`` distinct int keys, the same on every run."""
    if family == "sequential":
        return list(range(n))
    return random.Random(f"hash-map:{family}:{n}").sample(range(16 * n), n)


def _absent(n: int) -> list[int]:
    """``n`` distinct int keys that no ``_keys(..., n)`` list contains."""
    return random.Random(f"hash-map:absent:{n}").sample(range(16 * n, 32 * n), n)


def _set_up(counter: Counter, n: int):
    """Run a set-up (filling the map) under its own cap, then count from zero.

    The set-up is not what is measured, but it is capped so a quadratic one still stops early.
    """
    return counter.setting_up(SETUP_OPS_PER_KEY * n + 64)


def _filled(counter: Counter, keys: Iterable[int]) -> HashMap:
    """A map from each key to itself, its keys counted."""
    m = HashMap(Memory(counter))
    for key in counted(keys, counter):
        m[key] = key.value
    return m


def _assert_bounded(m: Measurement, advice: str) -> None:
    """Fail with the harness's report if any size ran over its budget of k·n operations.

    Only the budget decides here, not the doubling ratios. A hash table's cost per operation
    rises and falls with its load factor between two resizes, and with how the keys happen to
    cluster, so even a correct table's doubling ratios wobble between about 1.5 and 2.7, which
    can look like n log n. "O(1) on average" means exactly what the budget checks: at most a
    fixed number of operations per key, on average, at every size.
    """
    if m.stopped is not None:
        raise AssertionError(f"{report(m, LINEAR)}\n  {advice}")


def _key_error(call: Callable[[], object], what: str) -> None:
    try:
        got = call()
    except KeyError:
        return
    pytest.fail(f"{what} returned {got!r}; it should raise KeyError, as a dict does.")


# -- behaviour --------------------------------------------------------------------------------


def test_a_stored_value_is_read_back_by_its_key():
    m = HashMap(Memory())
    m["apple"] = 3
    m["pear"] = 5
    got = (m["apple"], m["pear"], len(m))
    assert got == (3, 5, 2), (
        f"Set m['apple'] = 3 and m['pear'] = 5. (m['apple'], m['pear'], len(m)) returned {got}, "
        "expected (3, 5, 2)."
    )


def test_storing_an_existing_key_replaces_its_value():
    m = HashMap(Memory())
    m["apple"] = 3
    m["apple"] = 4
    got = (m["apple"], len(m))
    assert got == (4, 1), (
        f"Set m['apple'] = 3, then m['apple'] = 4. (m['apple'], len(m)) returned {got}, "
        "expected (4, 1): a key is stored once, with its latest value."
    )


def test_a_missing_key_raises_key_error_on_read_and_on_delete():
    m = HashMap(Memory())
    m["apple"] = 3
    _key_error(lambda: m["pear"], "m['pear'] on a map holding only 'apple'")

    def delete() -> None:
        del m["pear"]

    _key_error(delete, "del m['pear'] on a map holding only 'apple'")
    assert "pear" not in m, "'pear' in m returned True for a key never stored."
    assert len(m) == 1, f"A failed delete changed len(m) from 1 to {len(m)}."


def test_none_is_a_value_like_any_other():
    m = HashMap(Memory())
    m["x"] = None
    assert "x" in m, (
        "Set m['x'] = None; 'x' in m returned False. Whether a key is present must not depend "
        "on its value: do not use None to mean missing."
    )
    assert m["x"] is None and len(m) == 1, (
        f"Set m['x'] = None; m['x'] returned {m['x']!r} and len(m) {len(m)}, expected None and 1."
    )


def test_every_key_survives_the_resizes():
    keys = _keys("random", 1000)
    m = HashMap(Memory())
    for key in keys:
        m[key] = -key
    lost = [key for key in keys if key not in m]
    assert not lost, (
        f"Stored 1000 keys, so the map resized several times; {len(lost)} of them are no longer "
        f"found, for example {lost[:3]}. Moving to a bigger block changes every key's home slot "
        "(hash % capacity): place each entry again by its hash, do not copy slot i to slot i."
    )
    wrong = [(key, m[key]) for key in keys if m[key] != -key]
    assert not wrong, f"After the resizes, m[key] returned the wrong value for {wrong[:3]}."
    assert len(m) == 1000, f"Stored 1000 distinct keys; len(m) returned {len(m)}."


def test_iteration_yields_every_key_once():
    keys = _keys("random", 300)
    m = HashMap(Memory())
    for key in keys:
        m[key] = None
    for key in keys[:100]:
        del m[key]
    got = sorted(m)
    expected = sorted(keys[100:])
    assert got == expected, (
        f"Stored 300 keys and deleted 100 of them; iterating over the map gave {len(got)} keys "
        f"({len(set(got))} distinct), expected the 200 left, each once."
    )


def test_deleting_a_key_keeps_the_keys_after_it_on_its_probe_path_reachable():
    first, second, third, fourth = _same_hash(7, 4)
    story = (
        "The keys 7, 7 + P, 7 + 2P and 7 + 3P (P = sys.hash_info.modulus) are different ints "
        "with the same hash(), so they collide at any table size. Stored all four, then "
    )
    name = {first: "7", second: "7 + P", third: "7 + 2P", fourth: "7 + 3P"}
    m = HashMap(Memory())
    for key in (first, second, third, fourth):
        m[key] = key % 1000
    del m[second]
    for key in (first, third, fourth):
        assert key in m and m[key] == key % 1000, (
            f"{story}deleted 7 + P: key {name[key]} can no longer be found. Under open "
            "addressing, a delete that empties its slot makes a lookup stop there, before the "
            "keys placed after it: mark the slot as deleted (a tombstone) instead."
        )
    assert second not in m, f"{story}deleted 7 + P, but 7 + P in m still returned True."
    del m[first]
    assert third in m and fourth in m, (
        f"{story}deleted 7 + P and then 7: 7 + 2P or 7 + 3P can no longer be found."
    )
    m[second] = "back"
    got = (m[second], m[third], m[fourth], len(m))
    expected = ("back", third % 1000, fourth % 1000, 3)
    assert got == expected, (
        f"{story}deleted 7 + P and 7, and stored 7 + P again. (m[7 + P], m[7 + 2P], m[7 + 3P], "
        f"len(m)) returned {got}, expected {expected}."
    )


# A small pool, so keys repeat, deletes hit present keys and a failure shrinks quickly. It
# holds -1 and -2 (equal hashes in CPython) and 3, 3 + P, 3 + 2P, 3 + 3P (equal hashes
# everywhere), so deletions in the middle of collision chains are exercised.
KEY_POOL = [*range(-3, 13), *_same_hash(3, 4)[1:]]
keys_ = st.sampled_from(KEY_POOL)
values_ = st.none() | st.integers(0, 9)


class HashMapAgainstDict(RuleBasedStateMachine):
    """Every operation on a HashMap gives what the same operation on a dict gives."""

    def __init__(self) -> None:
        super().__init__()
        self.map = HashMap(Memory(Counter(budget=MACHINE_BUDGET)))
        self.model: dict[int, int | None] = {}

    @rule(key=keys_, value=values_)
    def put(self, key, value):
        self.map[key] = value
        self.model[key] = value

    @rule(start=st.integers(0, len(KEY_POOL) - 1), count=st.integers(1, 8), value=values_)
    def put_many(self, start, count, value):
        for key in KEY_POOL[start : start + count]:
            self.map[key] = value
            self.model[key] = value

    @rule(key=keys_)
    def get(self, key):
        if key in self.model:
            got = self.map[key]
            assert got == self.model[key], (
                f"m[{key}] returned {got!r}; a dict has {self.model[key]!r}."
            )
        else:
            _key_error(lambda: self.map[key], f"m[{key}] for a key not in the map")

    @rule(key=keys_)
    def delete(self, key):
        if key in self.model:
            del self.map[key]
            del self.model[key]
        else:

            def delete() -> None:
                del self.map[key]

            _key_error(delete, f"del m[{key}] for a key not in the map")

    @precondition(lambda self: self.model)
    @rule(count=st.integers(1, 30))
    def delete_oldest(self, count):
        for key in list(self.model)[:count]:
            del self.map[key]
            del self.model[key]

    @invariant()
    def same_keys_all_reachable(self):
        assert len(self.map) == len(self.model), (
            f"len(m) is {len(self.map)}; a dict with the same history has {len(self.model)}."
        )
        got = sorted(self.map)
        assert got == sorted(self.model), (
            f"Iterating over the map gave {got}; a dict holds {sorted(self.model)}."
        )
        lost = [key for key in self.model if key not in self.map]
        assert not lost, (
            f"A dict with the same history holds these keys, but `key in m` no longer finds "
            f"them: {lost}. Keys vanish when a delete empties a slot on their probe path, or "
            "when a resize does not re-place them by their hash."
        )


def test_behaves_like_a_dict_under_any_sequence_of_operations():
    """Puts, gets, deletes, membership and iteration in any order match a dict's."""
    try:
        run_state_machine_as_test(HashMapAgainstDict, settings=MACHINE_SETTINGS)
    except BudgetExceeded as stop:
        pytest.fail(
            f"A short run of dict operations made {stop}. Some operation is looping far longer "
            "than it should: a probe loop that never meets an empty slot, perhaps because "
            "tombstones filled the table."
        )


def test_the_entries_live_in_blocks_from_memory():
    memory = Memory(trace=True)
    m = HashMap(memory)
    payloads = [object() for _ in range(100)]
    for key, payload in enumerate(payloads):
        m[key] = payload
    assert memory.blocks, (
        "Stored 100 entries and memory.allocate was never called. Keep the entries in blocks "
        "from memory: they are what the tests count."
    )
    seen: set[int] = set()
    stack: list[object] = list(memory.blocks)
    while stack:  # everything reachable from the blocks through blocks and tuples
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Block):
            stack.extend(item[i] for i in range(item.capacity))
        elif isinstance(item, tuple):
            stack.extend(item)
    kept = sum(id(payload) in seen for payload in payloads)
    assert kept == len(payloads), (
        f"Stored 100 distinct values; only {kept} of them are held in the blocks from "
        "memory.allocate (directly, in a tuple, or in a block a slot points to). Keep entries in "
        "blocks, not in a Python dict, set or list: chain nodes can be small blocks too."
    )


# -- costs, counted ---------------------------------------------------------------------------


def test_n_puts_cost_amortized_constant_time():
    """n puts, resizes included, cost O(n): hashing, probing, copying and allocating."""

    def run(counter: Counter, family: str, n: int) -> None:
        m = HashMap(Memory(counter))
        for key in counted(_keys(family, n), counter):
            m[key] = key.value

    m = measure(
        run,
        SIZES,
        what=(
            "operations made by n puts of distinct keys into an empty HashMap: slot reads and "
            "writes, slots allocated, key hashes and key comparisons"
        ),
        families=FAMILIES,
        budget=(64, LINEAR),
    )
    _assert_bounded(
        m,
        "Each put should probe a few slots. If the table never grows, its probe chains grow "
        "with n; if it grows by a fixed amount, resizes copy everything again and again. "
        "Move to a block twice as big once the table is about 2/3 full.",
    )


def test_a_get_probes_a_constant_number_of_slots_at_any_size():
    """Average probes (slot reads and key comparisons) per successful get stay O(1)."""

    def run(counter: Counter, family: str, n: int) -> None:
        keys = _keys(family, n)
        with _set_up(counter, n):
            m = _filled(counter, keys)
        for key in counted(keys, counter):  # equal to the stored keys, not the same objects
            got = m[key]
            assert got == key.value, f"m[{key.value}] returned {got!r}, expected {key.value}."

    m = measure(
        run,
        SIZES,
        what="slot reads and key comparisons made by n gets, one per key of a map of n keys",
        families=FAMILIES,
        budget=(16, LINEAR),
        kinds=(READ, COMPARE),
    )
    _assert_bounded(
        m,
        "n gets should cost O(n) in total: O(1) probes each. Long probe chains come from a "
        "table that is too full: resize to keep the load factor below about 2/3.",
    )


def test_a_miss_probes_a_constant_number_of_slots_at_any_size():
    """Average probes per lookup of an absent key stay O(1)."""

    def run(counter: Counter, family: str, n: int) -> None:
        with _set_up(counter, n):
            m = _filled(counter, _keys(family, n))
        for key in counted(_absent(n), counter):
            assert key not in m, f"{key.value} in m returned True for a key never stored."

    m = measure(
        run,
        SIZES,
        what="slot reads and key comparisons made by n lookups of absent keys in a map of n keys",
        families=("random",),
        budget=(32, LINEAR),
        kinds=(READ, COMPARE),
    )
    _assert_bounded(
        m,
        "A miss walks its probe chain to the end, so its cost is the chain's length: keep "
        "chains short with a bounded load factor.",
    )


def test_lookups_stay_cheap_after_many_deletions():
    """Deleting and inserting n times, then n misses, costs O(n): tombstones do not pile up."""

    def run(counter: Counter, family: str, n: int) -> None:
        keys = _keys("random", n)
        fresh = random.Random(f"hash-map:fresh:{n}").sample(range(32 * n, 64 * n), 2 * n)
        with _set_up(counter, n):
            m = _filled(counter, keys)
        live = deque(counted(keys, counter))
        for key in counted(fresh, counter):  # first in, first out: delete the oldest key
            del m[live.popleft()]
            m[key] = key.value
            live.append(key)
        for key in counted(_absent(n), counter):
            assert key not in m, f"{key.value} in m returned True for a key never stored."

    m = measure(
        run,
        SIZES,
        what=(
            "operations made by 2n rounds of (delete a key, put a new one) on a map of n keys, "
            "then n lookups of absent keys"
        ),
        families=("churn",),
        budget=(96, LINEAR),
    )
    _assert_bounded(
        m,
        "Every tombstone is a slot a lookup must walk past, and a table full of tombstones has "
        "no empty slot to end a miss. Count tombstones towards the load factor, and drop them "
        "when you rebuild the table.",
    )
