"""Tests for the choose-the-structure kata: each scenario's bound, proven by counting operations.

Keys and items are ``Counted`` values: every ``hash``, ``==`` and ``<`` they take part in is
counted, inside built-ins (``dict``, ``set``, ``heapq``, ``bisect``, ``x in list``) too. Each
cost test counts only the operations under test (building the structure is set up uncounted),
at doubling sizes and over several input families, against a budget calibrated on the reference
solution; counting stops at the first size over budget, so a slow structure fails in
milliseconds. A failed bound prints your one-line justification from ``WHY`` beside the counts.
"""

from __future__ import annotations

import ast
import inspect
import math
import random
import re

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from checker.harness.counting import Counted, Counter, counted
from checker.harness.growth import (
    CONSTANT,
    LINEAR,
    LINEARITHMIC,
    LOGARITHMIC,
    Growth,
    Measurement,
    assert_within,
    family_input,
    is_flat,
    measure,
    report,
)
from checker.harness.space import extra_heap
from katas.stage1_foundations import choose_structure
from katas.stage1_foundations.choose_structure import (
    WHY,
    LRUCache,
    Membership,
    RangeCounter,
    top_k,
)

# The cache's state machine does not shrink either: shrinking a failing run of gets and puts took
# 0.5 to 3 s of CPU on wrong caches. Its runs are at most 12 calls, and its failure message lists
# every call made, so the unshrunk run is short enough to read.
_MACHINE_SETTINGS = settings(
    max_examples=40,
    stateful_step_count=12,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

# Small sizes too, so a failing report shows the count growing before the budget runs out.
SIZES = (16, 32, 64, 128, 256, 512, 1024, 2048, 4096)
CALLS = 64  # operations counted per size: the same pattern of hits and misses at every size
ABSENT = "<absent>"


# -- shared: counting only the operations under test ------------------------------------------


def _justification(scenario: str) -> str:
    line = WHY.get(scenario, "") if isinstance(WHY, dict) else ""
    return f"  Your justification, WHY[{scenario!r}]: {line!r}"


def _assert_bound(m: Measurement, expected: Growth, scenario: str, advice: str) -> None:
    """Fail with the counts, the justification and what to try, if any input ran over budget.

    An O(1) bound is also held to flat counts (the harness's ``is_flat``: the last size may cost
    at most half again the first).
    """
    growing = [s.family for s in m.series if expected is CONSTANT and not is_flat(s.points)]
    if m.stopped is None and not growing:
        return
    lines = [report(m, expected)]
    if growing:
        lines.append(f"  The count still grows with n on: {', '.join(growing)}.")
    lines += [_justification(scenario), f"  {advice}"]
    raise AssertionError("\n".join(lines))


def _module_names() -> set[str]:
    """Every name, attribute and imported name the implementation's source mentions."""
    tree = ast.parse(inspect.getsource(choose_structure))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            if isinstance(node.value, ast.Name):
                names.add(f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.alias):
            names.add(node.name.rpartition(".")[2])
        elif isinstance(node, ast.ImportFrom) and node.module == "functools":
            names.update(f"functools.{a.name}" for a in node.names)
    return names


# -- 1. LRU cache ------------------------------------------------------------------------------


def test_the_least_recently_used_key_is_evicted_when_the_cache_is_full():
    cache = LRUCache(2)
    cache.put(1, "one")
    cache.put(2, "two")
    got_1 = cache.get(1)  # 1 is now the most recently used, 2 the least
    cache.put(3, "three")
    got = {key: cache.get(key, ABSENT) for key in (2, 1, 3)}
    assert got_1 == "one" and got == {2: ABSENT, 1: "one", 3: "three"}, (
        "Called put(1), put(2), get(1), put(3) on LRUCache(2). Key 2 was the least recently "
        "used, so put(3) should evict it and keep 1 and 3. "
        f"get(1) returned {got_1!r} before put(3); afterwards get(2), get(1), get(3) returned "
        f"{got[2]!r}, {got[1]!r}, {got[3]!r}; expected {ABSENT!r}, 'one', 'three'."
    )


def test_putting_an_existing_key_updates_it_and_makes_it_the_most_recent():
    cache = LRUCache(2)
    cache.put(1, "one")
    cache.put(2, "two")
    cache.put(1, "uno")  # an update, not an insert: nothing is evicted, 2 becomes the oldest
    cache.put(3, "three")
    got = {key: cache.get(key, ABSENT) for key in (1, 2, 3)}
    assert got == {1: "uno", 2: ABSENT, 3: "three"}, (
        "Called put(1, 'one'), put(2, 'two'), put(1, 'uno'), put(3, 'three') on LRUCache(2). "
        "The second put(1) updates key 1 and makes it the most recent, so put(3) evicts 2. "
        f"Then get(1), get(2), get(3) returned {got[1]!r}, {got[2]!r}, {got[3]!r}; "
        f"expected 'uno', {ABSENT!r}, 'three'."
    )


@pytest.mark.parametrize("verb", ["get", "put"])
@pytest.mark.parametrize("capacity", [1, 2, 3, 4])
def test_touching_any_held_key_moves_it_to_the_end_of_the_eviction_order(capacity, verb):
    """Fill the cache, touch the key at each recency position, then evict every key in order."""
    for touched in range(capacity):
        cache = LRUCache(capacity)
        calls = [f"LRUCache({capacity})"]
        for key in range(capacity):
            cache.put(key, key)
            calls.append(f"put({key}, {key})")
        if verb == "get":
            cache.get(touched)
        else:
            cache.put(touched, -1)
        calls.append(f"get({touched})" if verb == "get" else f"put({touched}, -1)")
        # Oldest first: every untouched key in insertion order, then the touched one.
        order = [key for key in range(capacity) if key != touched] + [touched]
        for newcomer, victim in enumerate(order, start=capacity):
            cache.put(newcomer, newcomer)
            calls.append(f"put({newcomer}, {newcomer})")
            assert len(cache) == capacity, (
                f"After {', '.join(calls)}: len(cache) is {len(cache)}, expected {capacity}: "
                "a put of a new key into a full cache evicts exactly one key."
            )
            got = cache.get(victim, ABSENT)  # a miss changes nothing
            assert got == ABSENT, (
                f"After {', '.join(calls)}: get({victim}) returned {got!r}, expected {ABSENT!r}. "
                f"Key {victim} was the least recently used, so put({newcomer}) should have "
                f"evicted it; after {calls[capacity + 1]} the eviction order is {order}."
            )


KEYS = range(4)


class _CacheAgainstAModel(RuleBasedStateMachine):
    """Gets and puts in any order: the cache answers like a list kept in recency order."""

    @initialize(capacity=st.integers(1, 3))
    def start(self, capacity: int) -> None:
        self.cache = LRUCache(capacity)
        self.capacity = capacity
        self.model: list[tuple[int, int]] = []  # (key, value), least recently used first
        self.calls = [f"LRUCache({capacity})"]

    def _touch(self, key: int) -> int | None:
        for i, (k, v) in enumerate(self.model):
            if k == key:
                self.model.append(self.model.pop(i))
                return v
        return None

    def _check_get(self, key: int, expected: object, note: str = "") -> None:
        got = self.cache.get(key, ABSENT)
        assert got == expected, (
            f"After {', '.join(self.calls)}: get({key}) returned {got!r}, expected {expected!r}"
            f"{note} (the cache should hold {self.model or 'nothing'}, least recently used first)."
        )

    def _put(self, key: int, value: int) -> None:
        self.calls.append(f"put({key}, {value})")
        self.cache.put(key, value)
        if self._touch(key) is not None:
            self.model[-1] = (key, value)
        else:
            self.model.append((key, value))
            if len(self.model) > self.capacity:
                self.model.pop(0)

    def _get(self, key: int) -> None:
        self.calls.append(f"get({key})")
        expected = self._touch(key)
        self._check_get(key, ABSENT if expected is None else expected)

    def _key(self, data: st.DataObject) -> int:
        # Half the draws from the keys the model holds: updates and hits on held keys are where
        # recency bugs live, and drawing from every key makes them rare.
        held = [key for key, _ in self.model]
        keys = st.sampled_from(held) | st.sampled_from(KEYS) if held else st.sampled_from(KEYS)
        return data.draw(keys, label="key")

    # One rule drawing the verb: with a rule per verb, hypothesis' swarm testing leaves one of
    # them out of many runs, and a run of gets alone on an empty cache tests nothing.
    @rule(data=st.data(), verb=st.sampled_from(["put", "get"]), value=st.integers(0, 9))
    def call(self, data: st.DataObject, verb: str, value: int) -> None:
        key = self._key(data)
        if verb == "put":
            self._put(key, value)
        else:
            self._get(key)

    @invariant()
    def holds_as_many_keys_as_the_model_and_no_others(self) -> None:
        assert len(self.cache) == len(self.model), (
            f"After {', '.join(self.calls)}: len(cache) is {len(self.cache)}, expected "
            f"{len(self.model)} (capacity {self.capacity})."
        )
        # Every key the model lacks must miss. A miss changes nothing, so the check cannot
        # disturb the recency order it is checking (reading the held keys would reorder them).
        held = {key for key, _ in self.model}
        for key in KEYS:
            if key not in held:
                self._check_get(key, ABSENT, ", reading back a key that should not be held")


def test_the_cache_agrees_with_a_model_over_any_sequence_of_gets_and_puts():
    """Any sequence of get and put answers as a recency-ordered list of at most capacity keys."""
    run_state_machine_as_test(_CacheAgainstAModel, settings=_MACHINE_SETTINGS)


def _lru_calls(counter: Counter, family: str, n: int) -> None:
    """Fill a cache of capacity n uncounted, then count CALLS calls of one kind."""
    with counter.paused():
        cache = LRUCache(n)
        for key in range(n):
            cache.put(Counted(key, counter), key)
    # Every call gets a fresh key object equal to the stored one, as a real caller's would be.
    # Keys spread evenly from the least to the most recently used: no cheap end to hide at.
    spread = [(i * n) // CALLS for i in range(CALLS)]
    if family == "get-hits":
        for key in spread:
            cache.get(Counted(key, counter))
    elif family == "put-updates":
        for key in spread:
            cache.put(Counted(key, counter), -key)
    elif family == "put-evictions":
        for i in range(CALLS):
            cache.put(Counted(n + i, counter), i)
    elif family == "get-misses":
        for i in range(CALLS):
            cache.get(Counted(-10 - i, counter))


def test_get_and_put_cost_the_same_whatever_the_capacity():
    """64 gets or puts on a full cache cost the same counted hashes and == at every capacity."""
    m = measure(
        _lru_calls,
        SIZES,
        what=f"hashes and == made by {CALLS} calls on a full LRUCache of capacity n",
        families=("get-hits", "put-updates", "put-evictions", "get-misses"),
        budget=(8 * CALLS, CONSTANT),
    )
    _assert_bound(
        m,
        CONSTANT,
        "lru",
        "O(1) per call allows about 8 hashes or == per call at any capacity. A count that "
        "grows with n means a call scans the keys: list.remove, list.index or `in` on a list is "
        "O(n). Find the entry through a hash map and reorder it with links you can cut in O(1).",
    )


_BORROWED_CACHES = {
    "OrderedDict": "collections.OrderedDict is a hash map plus a doubly linked list already",
    "lru_cache": "functools.lru_cache memoises a function; it is not the structure",
    "functools.cache": "functools.cache memoises a function; it is not the structure",
}


def test_the_cache_is_built_by_hand_not_borrowed_from_the_standard_library():
    """The cache works, and the module never mentions OrderedDict or functools' caches."""
    cache = LRUCache(1)
    cache.put("k", "v")
    assert cache.get("k") == "v", (
        f"LRUCache(1).put('k', 'v') then get('k') returned {cache.get('k')!r}, expected 'v'."
    )
    used = sorted(name for name in _BORROWED_CACHES if name in _module_names())
    assert not used, (
        f"choose_structure.py uses {', '.join(used)}: "
        + "; ".join(_BORROWED_CACHES[n] for n in used)
        + ". Build the cache from the parts the lesson is about; in production, do reach "
        "for OrderedDict (move_to_end, popitem(last=False))."
    )


# -- 2. streaming top-k ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items, k, expected",
    [
        ([5, 1, 9, 3, 7], 2, [9, 7]),
        ([4, 4, 1, 4], 2, [4, 4]),
        ([2, 8], 5, [8, 2]),
        ([3, 1], 0, []),
        ([], 3, []),
    ],
    ids=["two-of-five", "duplicates", "k-larger-than-the-stream", "k-zero", "empty-stream"],
)
def test_top_k_returns_the_k_largest_largest_first(items, k, expected):
    got = top_k(iter(items), k)
    assert got == expected, (
        f"Called top_k(iter({items}), {k}). It returned {got!r}, expected {expected}."
    )


@given(st.lists(st.integers(-20, 20), max_size=60), st.integers(0, 30))
def test_top_k_equals_sorting_the_whole_stream_and_taking_k(items, k):
    """top_k(iter(xs), k) == sorted(xs, reverse=True)[:k] for every list and every k >= 0."""
    got = top_k(iter(items), k)
    expected = sorted(items, reverse=True)[:k]
    assert got == expected, (
        f"Called top_k(iter({items}), {k}). It returned {got!r}, expected {expected}."
    )


def _rising_below_leaders(n: int, k: int) -> list[int]:
    """k - 1 large leaders, then a rising run: every newcomer enters the top k at its bottom."""
    return [10 * n + i for i in range(k - 1)] + list(range(n - k + 1))


TOP_K_FIXED = 8
TOP_K_SIZES = (128, 256, 512, 1024, 2048, 4096, 8192)


def test_top_k_makes_about_n_log_k_comparisons_as_the_stream_grows():
    """With k = 8, comparisons grow linearly in n (n log k), not like n log n (a full sort)."""
    k = TOP_K_FIXED

    def run(counter: Counter, family: str, n: int) -> None:
        top_k(iter(counted(family_input(family, n), counter)), k)

    m = measure(
        run,
        TOP_K_SIZES,
        what=f"comparisons made by top_k(stream of n items, k={k})",
        budget=(3 * math.log2(k), LINEAR),
    )
    try:
        assert_within(m, LINEAR)
    except AssertionError as failure:
        raise AssertionError(
            f"{failure}\n{_justification('top_k')}\n  With k fixed, n log k is linear in n; a "
            "count growing like n log n orders every item, which nobody asked for. Keep only "
            "the k best so far, in a structure whose smallest is cheap to see and replace."
        ) from None


TOP_K_STREAM = 2048
TOP_K_KS = (4, 8, 16, 32, 64, 128)


def test_top_k_comparisons_grow_with_log_k_not_with_k():
    """For a stream of 2048 items, doubling k adds about n comparisons, never doubles them."""

    def run(counter: Counter, family: str, k: int) -> None:
        n = TOP_K_STREAM
        values = list(range(n)) if family == "ascending" else _rising_below_leaders(n, k)
        top_k(iter(counted(values, counter)), k)

    m = measure(
        run,
        TOP_K_KS,
        what=(
            f"comparisons made by top_k(stream of {TOP_K_STREAM} items, k) as k doubles "
            "(the n column is k)"
        ),
        families=("ascending", "rising-below-leaders"),
        budget=(3 * TOP_K_STREAM, LOGARITHMIC),
    )
    _assert_bound(
        m,
        LOGARITHMIC,
        "top_k",
        "Every item in these streams enters the top k, so what it costs to place one decides "
        "the count. A sorted list of the k best costs O(k) per newcomer to scan or shift; "
        "a structure that places it in O(log k) does not grow with k.",
    )


def test_top_k_keeps_only_about_k_items_in_memory():
    """Extra heap for k = 8 stays flat as the stream grows: the stream is never stored."""
    k = TOP_K_FIXED
    sizes = (2000, 4000, 8000, 16000)
    data = {n: [1000 + (i * 7919) % (4 * n) for i in range(n)] for n in sizes}
    top_k(iter(data[sizes[0]]), k)  # warm up caches and lazy imports, uncharged
    used = {n: extra_heap(lambda n=n: top_k(iter(data[n]), k)) for n in sizes}
    limit = 2048
    assert max(used.values()) <= limit, (
        f"Extra heap allocated by top_k(iter(a list of n ints), k={k}), in bytes: "
        + ", ".join(f"n={n}: {b}" for n, b in used.items())
        + f". Expected at most {limit} at every n: memory for about k items, not n. "
        "Storing the stream (list(stream), sorted(stream)) costs 8 bytes a pointer per item.\n"
        + _justification("top_k")
    )


_BORROWED_TOP_K = {"nlargest", "nsmallest"}


def test_top_k_keeps_its_own_heap_rather_than_calling_nlargest():
    """top_k works, and the module never mentions heapq.nlargest or heapq.nsmallest."""
    got = top_k(iter([3, 1, 2]), 2)
    assert got == [3, 2], f"Called top_k(iter([3, 1, 2]), 2). It returned {got!r}, expected [3, 2]."
    used = sorted(_BORROWED_TOP_K & _module_names())
    assert not used, (
        f"choose_structure.py uses heapq.{' and heapq.'.join(used)}, which is the whole answer in "
        "one call. Keep the k best yourself with heapq.heappush / heapreplace / heappushpop; "
        "in production, nlargest is the right call."
    )


# -- 3. membership -----------------------------------------------------------------------------


@given(
    st.lists(st.integers(-50, 50) | st.text(max_size=2), max_size=60),
    st.lists(st.integers(-60, 60) | st.text(max_size=2), max_size=30),
)
def test_membership_answers_like_the_list_it_was_built_from(items, queries):
    """(q in Membership(xs)) == (q in xs) for every q; -1 and -2 even share a hash."""
    membership = Membership(items)
    for q in queries:
        got = q in membership
        assert got == (q in items), (
            f"Built Membership({items!r}). `{q!r} in membership` returned {got!r}, "
            f"expected {q in items!r}."
        )


def _membership_queries(counter: Counter, family: str, n: int) -> None:
    values = family_input(family, n)
    with counter.paused():
        membership = Membership(counted(values, counter))
    # Half hits spread over the input, half misses (every family's values are <= 4n).
    for i in range(CALLS // 2):
        Counted(values[(i * n) // (CALLS // 2)], counter) in membership  # noqa: B015
        Counted(4 * n + 1 + i, counter) in membership  # noqa: B015


def test_a_membership_query_costs_the_same_whatever_the_number_of_items():
    """64 queries cost the same counted hashes and == whether built from 16 or 4096 items."""
    m = measure(
        _membership_queries,
        SIZES,
        what=f"hashes and == made by {CALLS} `x in membership` queries over n items",
        budget=(4 * CALLS, CONSTANT),
    )
    _assert_bound(
        m,
        CONSTANT,
        "membership",
        "O(1) expected allows about 4 hashes or == per query at any n. `x in a_list` compares "
        "x with every item until it finds it (a miss: all n); a sorted list and bisect still "
        "take log n. Go straight to where x would be, from its hash.",
    )


def test_building_the_membership_index_costs_linear_hashes():
    """Membership(items) makes O(n) counted hashes and == in all, at every input family."""

    def run(counter: Counter, family: str, n: int) -> None:
        Membership(counted(family_input(family, n), counter))

    m = measure(
        run,
        SIZES,
        what="hashes and == made by Membership(n items)",
        budget=(3, LINEAR),
    )
    _assert_bound(
        m,
        LINEAR,
        "membership",
        "Building is one pass: each item is hashed into place. Checking each new item against "
        "the ones kept so far in a list is O(n) per item, O(n^2) in all.",
    )


# -- 4. ordered range queries ------------------------------------------------------------------


@given(
    st.lists(st.integers(-30, 30), max_size=60),
    st.lists(st.tuples(st.integers(-35, 35), st.integers(-35, 35)), max_size=20),
)
def test_range_count_equals_counting_by_hand(keys, bounds):
    """count(lo, hi) == the number of keys k with lo <= k <= hi, for every lo and hi."""
    counter = RangeCounter(keys)
    for lo, hi in bounds:
        got = counter.count(lo, hi)
        expected = sum(lo <= k <= hi for k in keys)
        assert got == expected, (
            f"Built RangeCounter({keys}). count({lo}, {hi}) returned {got!r}, expected {expected}."
        )


RANGE_QUERIES = 32


def _range_queries(counter: Counter, family: str, n: int) -> None:
    values = family_input(family, n)
    with counter.paused():
        ranges = RangeCounter(counted(values, counter))
    rng = random.Random(f"range:{family}:{n}")
    for _ in range(RANGE_QUERIES):
        a, b = rng.randrange(-1, 4 * n + 2), rng.randrange(-1, 4 * n + 2)
        ranges.count(Counted(min(a, b), counter), Counted(max(a, b), counter))


def test_a_range_count_makes_logarithmic_comparisons():
    """32 range counts over n keys make O(log n) comparisons each, whatever the range holds."""
    m = measure(
        _range_queries,
        SIZES,
        what=f"comparisons made by {RANGE_QUERIES} count(lo, hi) queries over n keys",
        budget=(5 * RANGE_QUERIES, LOGARITHMIC),
    )
    _assert_bound(
        m,
        LOGARITHMIC,
        "range_count",
        "O(log n) per query allows about 5 log2 n comparisons. Comparing every key with lo and "
        "hi is O(n); so is finding lo quickly and then walking to hi, when the range is wide. "
        "With the keys in order, where do lo and hi fall?",
    )


def test_building_the_range_counter_costs_n_log_n_comparisons():
    """RangeCounter(keys) makes O(n log n) comparisons, at every input family."""

    def run(counter: Counter, family: str, n: int) -> None:
        RangeCounter(counted(family_input(family, n), counter))

    m = measure(
        run,
        SIZES,
        what="comparisons made by RangeCounter(n keys)",
        budget=(2, LINEARITHMIC),
    )
    _assert_bound(
        m,
        LINEARITHMIC,
        "range_count",
        "Ordering n keys needs O(n log n) comparisons, which sorted() makes. Inserting the keys "
        "one at a time after a linear scan for each place is O(n^2).",
    )


# -- 5. the justifications, last: build first, then say why ------------------------------------

# What each line must mention: one word of each group, spaces and case ignored.
_WORDS = {
    "lru": (("hash", "dict", "map"), ("linked", "links"), ("O(1)", "constant")),
    "top_k": (("heap", "priority queue"), ("log k", "log(k)")),
    "membership": (("hash", "set", "dict"), ("O(1)", "constant")),
    "range_count": (("sort", "bisect", "binary search", "tree"), ("log n", "log(n)")),
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


@pytest.mark.parametrize("scenario", list(_WORDS))
def test_each_scenario_has_a_one_line_justification_naming_its_structure_and_bound(scenario):
    """WHY[scenario] is one line that names the chosen structure and the bound it meets."""
    line = WHY.get(scenario) if isinstance(WHY, dict) else None
    if not isinstance(line, str) or not line.strip():
        raise AssertionError(
            f"WHY[{scenario!r}] is {line!r}. Write one line: the structure you chose for this "
            'scenario and the bound it gives, e.g. for a FIFO queue of jobs: "deque: append and '
            "popleft are O(1) at both ends, where a list's pop(0) shifts every element, O(n)\"."
        )
    if "\n" in line.strip() or len(line) > 200:
        raise AssertionError(
            f"WHY[{scenario!r}] has {len(line)} characters over {line.count(chr(10)) + 1} "
            "lines. Keep it to one line of at most 200 characters: structure, bound, reason."
        )
    for group in _WORDS[scenario]:
        if not any(_squash(word) in _squash(line) for word in group):
            raise AssertionError(
                f"WHY[{scenario!r}] = {line!r} does not mention any of "
                f"{', '.join(repr(w) for w in group)}. Name the structure you chose and the "
                "bound it meets, the way you would say it in an interview."
            )
