"""Tests for derive_it: every class in your table is checked against the snippet's measurements.

Time: each snippet runs at doubling sizes on counted inputs (checker.harness.counting), on the
input families where its cost could differ, and checker.harness.growth classifies the family
whose counts grow fastest: the worst case. Space: checker.harness.space measures the extra heap
(tracemalloc) and the deepest chain of calls (a profiler hook) at three sizes; the snippet's
extra space is the larger of the two classes. Nothing is timed, so the verdict is the same on
every run and every machine.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from checker.harness.counting import Counted, CountedList, Counter, Memory, counted
from checker.harness.growth import (
    CLASSES,
    FAMILIES,
    Growth,
    classify,
    doubling_ratios,
    family_input,
    measure,
    report,
)
from checker.harness.space import FLAT_BYTES_PER_ELEMENT, extra_heap, heap_growth, max_depth
from katas.stage1_foundations import derive_it

Call = Callable[[], object]


@dataclass(frozen=True)
class Probe:
    """How to run one snippet at size n on counted inputs, and what to say when it disagrees."""

    what: str  # what the counter sees, for the report
    prepare: Callable[[Counter, str, int], Call]  # builds the inputs, returns the call to measure
    sizes: tuple[int, ...]  # for counting steps
    space_sizes: tuple[int, ...]  # for heap and depth: three sizes, four times apart
    families: tuple[str, ...]  # the input families that could change the count; space uses [0]
    nudge: str


def _snippet(name: str) -> Callable[..., object]:
    return getattr(derive_it, name)


def _on_elements(name: str) -> Callable[[Counter, str, int], Call]:
    """The snippet called on n counted elements of one family."""

    def prepare(counter: Counter, family: str, n: int) -> Call:
        xs = counted(family_input(family, n), counter)
        return lambda: _snippet(name)(xs)

    return prepare


def _first_at_least(counter: Counter, family: str, n: int) -> Call:
    # A target above every element: the search runs until its range is empty, every time.
    xs = counted(sorted(family_input(family, n)), counter)
    target = Counted(4 * n + 1, counter)
    return lambda: _snippet("first_at_least")(xs, target)


def _doubling_prefixes(counter: Counter, family: str, n: int) -> Call:
    xs = CountedList(family_input(family, n), counter)
    return lambda: _snippet("doubling_prefixes")(xs)


def _common_count(counter: Counter, family: str, n: int) -> Call:
    xs = counted(family_input(family, n, seed="xs"), counter)
    ys = counted(family_input(family, n, seed="ys"), counter)
    return lambda: _snippet("common_count")(xs, ys)


def _append_all(counter: Counter, family: str, n: int) -> Call:
    values = family_input(family, n)
    memory = Memory(counter)
    return lambda: _snippet("append_all")(values, memory)


def _concatenate(counter: Counter, family: str, n: int) -> Call:
    words = [f"{x % 100:02d}" for x in family_input(family, n)]
    return lambda: _snippet("concatenate")(words, counter)


def _fib(name: str) -> Callable[[Counter, str, int], Call]:
    def prepare(counter: Counter, family: str, n: int) -> Call:
        return lambda: _snippet(name)(n, counter)

    return prepare


SMALL = (16, 32, 64, 128)  # for snippets that may be quadratic: cheap to count
MEDIUM = (64, 128, 256, 512, 1024)
SPACE_SMALL = (8, 32, 128)
SPACE = (64, 256, 1024)
SORTED = ("sorted", "all-equal", "few-unique")  # first_at_least needs sorted input
# A function of n alone, not of a list: the report names its one "family" so.
ARGUMENT = ("none (n is the argument)",)
# Snippets whose count cannot depend on the values (a loop over every pair) run on one family;
# the others run on all of them, and the fastest-growing family is their worst case.
PROBES: dict[str, Probe] = {
    "nested_pairs": Probe(
        "comparisons made by nested_pairs(xs), n = len(xs)",
        _on_elements("nested_pairs"),
        SMALL,
        SPACE_SMALL,
        ("random",),
        "Count how often the `if` runs: for each a, the inner loop visits every b.",
    ),
    "equal_pairs": Probe(
        "comparisons made by equal_pairs(xs), n = len(xs)",
        _on_elements("equal_pairs"),
        SMALL,
        SPACE_SMALL,
        ("random",),
        "The inner loop runs i times, not n: write the total as a sum over i and simplify. "
        "Halving a count does not change its class.",
    ),
    "first_at_least": Probe(
        "comparisons made by first_at_least(xs, target), target above every element, n = len(xs)",
        _first_at_least,
        (64, 128, 256, 512, 1024, 2048, 4096),
        SPACE,
        SORTED,
        "How long is the range [lo, hi) after one step, two steps, k steps? The loop stops "
        "when it is empty.",
    ),
    "doubling_prefixes": Probe(
        "element reads made by doubling_prefixes(xs), n = len(xs)",
        _doubling_prefixes,
        MEDIUM,
        SPACE,
        ("random",),
        "The outer loop runs about log n times, but the inner loop's length changes: add "
        "1 + 2 + 4 + ... up to n. A geometric sum is less than twice its last term.",
    ),
    "common_count": Probe(
        "comparisons made by common_count(xs, ys), n = len(xs) = len(ys)",
        _common_count,
        SMALL,
        SPACE_SMALL,
        FAMILIES,
        "`x in ys` on a list has no shortcut: it compares x with the elements of ys one by one "
        "until one matches, and on most inputs most x match none.",
    ),
    "tally": Probe(
        "hashes and comparisons made by tally(words), n = len(words)",
        _on_elements("tally"),
        MEDIUM,
        SPACE,
        ("random", "all-equal", "few-unique"),
        "A dict finds a key by its hash, not by scanning: how many hashes and comparisons does "
        "one get or one store take on average? And what does the dict hold when every word "
        "is different?",
    ),
    "top_three": Probe(
        "comparisons made by top_three(xs), n = len(xs)",
        _on_elements("top_three"),
        MEDIUM,
        SPACE,
        FAMILIES,
        "How long is `best` when it is sorted? Sorting k elements costs about k log k "
        "comparisons; what is k here, as n grows?",
    ),
    "append_all": Probe(
        "slots allocated, read and written by append_all(values, memory), n = len(values)",
        _append_all,
        MEDIUM,
        SPACE,
        ("random",),
        "Copies happen only when the block is full, at sizes 1, 2, 4, 8, ...: add up every "
        "copy made over n appends, then divide by n. For space, how big is the last block?",
    ),
    "concatenate": Probe(
        "characters copied by concatenate(words, counter), n = len(words)",
        _concatenate,
        SMALL,
        SPACE_SMALL,
        ("random",),
        "The k-th `+` copies all the text built so far, about 2k characters, into a new "
        "string: add that up over n words. For space, how many strings are alive at once?",
    ),
    "merge_sort": Probe(
        "comparisons made by merge_sort(xs), n = len(xs)",
        _on_elements("merge_sort"),
        MEDIUM,
        SPACE,
        FAMILIES,
        "Draw the recursion tree: how many levels, and how much merging at each level in "
        "total? For space, add up the lists alive along one path from the root to a leaf, "
        "and the frames on the stack.",
    ),
    "fib_naive": Probe(
        "calls made by fib_naive(n, counter)",
        _fib("fib_naive"),
        (8, 10, 12, 14, 16, 18),
        (8, 12, 16),
        ARGUMENT,
        "Draw the call tree of fib_naive(5): how does the number of calls change when n goes "
        "up by one? For space, count the frames on the stack when the deepest call runs, not "
        "all the calls ever made.",
    ),
    "fib_memo": Probe(
        "calls made by fib_memo(n, counter)",
        _fib("fib_memo"),
        (32, 64, 128, 256, 512),
        (16, 64, 256),
        ARGUMENT,
        "Each fib_memo(k) computes its value once; every later call for k returns from the "
        "memo. How many calls is that in all? What does the memo hold, and how deep does the "
        "first descent go?",
    ),
}

# -- reading the table ------------------------------------------------------------------------

KNOWN = ", ".join(g.name for g in CLASSES)
_BY_KEY = {g.name.replace(" ", "").lower(): g for g in CLASSES}
_SPELLINGS = (
    ("²", "^2"),
    ("³", "^3"),
    ("ⁿ", "^n"),
    ("**", "^"),
    ("theta", "o"),
    ("θ", "o"),
    ("log(n)", "logn"),
    ("log2n", "logn"),
    ("log_2n", "logn"),
    ("lgn", "logn"),
)


def _parse(text: object) -> Growth | None:
    """The class a learner wrote, forgiving spelling: O(n²), o(N^2), Θ(n log n), O(n*log(n))."""
    if not isinstance(text, str):
        return None
    key = re.sub(r"[\s*·]", "", text.lower())
    for spelled, meant in _SPELLINGS:
        key = key.replace(spelled, meant)
    return _BY_KEY.get(key)


def _stated(name: str) -> tuple[Growth, Growth]:
    """Your (time, space) classes for ``name``, or a failure that says what is wrong."""
    table = derive_it.answers()
    if not isinstance(table, dict):
        raise AssertionError(
            f"Called answers(). It returned {table!r}; return a dict from snippet name to "
            "(time class, extra-space class), e.g. {'nested_pairs': ('O(n^2)', 'O(1)'), ...}."
        )
    if name not in table:
        close = difflib.get_close_matches(name, [str(k) for k in table], n=1)
        hint = f" Your table has {close[0]!r}: is that a typo?" if close else ""
        raise AssertionError(
            f"Called answers(). Its table has no entry for {name!r} yet.{hint} Add "
            f"{name!r}: (time class, extra-space class)."
        )
    entry = table[name]
    if not isinstance(entry, tuple | list) or len(entry) != 2:
        raise AssertionError(
            f"answers()[{name!r}] is {entry!r}; write a pair (time class, extra-space class), "
            "e.g. ('O(n)', 'O(1)')."
        )
    parsed = []
    for kind, text in zip(("time", "extra-space"), entry, strict=True):
        growth = _parse(text)
        if growth is None:
            raise AssertionError(
                f"answers()[{name!r}] gives {text!r} as the {kind} class; write one of {KNOWN}."
            )
        parsed.append(growth)
    return parsed[0], parsed[1]


# -- measuring space --------------------------------------------------------------------------

# CPython grows containers in steps (a dict doubles its table, a list over-allocates), so heap
# bytes are judged coarsely: flat, linear or worse. A heap that grows by less than half a
# pointer per added element holds no per-element state: O(1). Recursion depth is exact.


@dataclass(frozen=True)
class Space:
    family: str
    heap: tuple[tuple[int, int], ...]
    depth: tuple[tuple[int, int], ...]

    @property
    def heap_growth(self) -> Growth:
        return heap_growth(self.heap)

    @property
    def depth_growth(self) -> Growth:
        return classify(self.depth)

    @property
    def growth(self) -> Growth:
        return max(self.heap_growth, self.depth_growth, key=lambda g: g.rank)

    def report(self) -> str:
        (n0, b0), _, (n2, b2) = self.heap
        family = "" if self.family in ARGUMENT else f", {self.family} input"
        lines = [
            f"  Extra heap (tracemalloc: peak bytes beyond the inputs){family}:",
            *_table(self.heap, "bytes"),
            f"    -> {self.heap_growth.name}: {(b2 - b0) / (n2 - n0):.1f} more bytes per added "
            f"element (under {FLAT_BYTES_PER_ELEMENT} is flat)",
            "  Call depth (the deepest chain of calls; the test's own call is 1):",
            *_table(self.depth, "frames"),
            f"    -> {self.depth_growth.name}",
            f"  Extra space is the larger of the two: {self.growth.name}.",
        ]
        return "\n".join(lines)


def _table(points: tuple[tuple[int, int], ...], unit: str) -> list[str]:
    ratios = [None, *doubling_ratios(points)]
    rows = [f"    {'n':>8}  {unit:>10}  {'x prev':>7}"]
    for (n, value), ratio in zip(points, ratios, strict=True):
        shown = "" if ratio is None else f"{ratio:7.2f}"
        rows.append(f"    {n:>8}  {value:>10}  {shown:>7}".rstrip())
    return rows


def _space(probe: Probe) -> Space:
    family = probe.families[0]
    probe.prepare(Counter(), family, probe.space_sizes[0])()  # warm-up: first-call allocations
    heap = tuple((n, extra_heap(probe.prepare(Counter(), family, n))) for n in probe.space_sizes)
    depth = tuple((n, max_depth(probe.prepare(Counter(), family, n))) for n in probe.space_sizes)
    return Space(family, heap, depth)


# -- the test ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PROBES))
def test_each_snippet_grows_as_your_table_says(name):
    """Your time class is the class the worst family's counts grow like; likewise for space."""
    stated_time, stated_space = _stated(name)
    probe = PROBES[name]
    steps = measure(
        lambda counter, family, n: probe.prepare(counter, family, n)(),
        probe.sizes,
        what=probe.what,
        families=probe.families,
    )
    measured_time = classify(steps.worst().points)
    space = _space(probe)
    problems = []
    if stated_time != measured_time:
        problems.append(
            f"{name}: your table says time {stated_time.name}, but the counted steps grow like "
            f"{measured_time.name}.\n{report(steps)}"
        )
    if stated_space != space.growth:
        problems.append(
            f"{name}: your table says extra space {stated_space.name}, but the measurements "
            f"grow like {space.growth.name}.\n{space.report()}"
        )
    if problems:
        raise AssertionError("\n\n".join([*problems, f"Think it through: {probe.nudge}"]))
