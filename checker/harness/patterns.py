"""The pattern catalogue, and the declarations stage 2's katas check against it.

Checkpoint 2.1 asks a learner to name the pattern, its complexity and why it beats the brute
force *before* coding; checkpoint 2.3 asks when a pattern does not apply and what to use
instead. Both become data a test can check:

- ``@declare(pattern=..., time=..., space=..., brute_force=..., beats=...)`` on a solution
  function or class records an ``Approach``. ``check_approach`` resolves the pattern in the
  catalogue and compares the declared time and space classes with what the harness *measured*
  on the same code, so a wrong declaration fails just as wrong code does.
- ``Switch(pattern=..., broken=..., use=..., cost=..., because=...)`` says which precondition of
  a tempting pattern a problem breaks and what to reach for instead; ``check_switch`` checks it
  against the catalogue's preconditions and replacements.

``CATALOGUE`` is the single list of patterns; docs/stage2_patterns.md#pattern-catalogue shows
the same entries (a checker test keeps the two in step).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from checker.harness.growth import Growth, Measurement, classify, growth, report

DOCS = "docs/stage2_patterns.md#pattern-catalogue"
PLACEHOLDER = "?"


@dataclass(frozen=True)
class Pattern:
    """One catalogue entry: how to spot it, what it costs, what it needs, what replaces it."""

    name: str
    signals: str
    time: str
    needs: dict[str, str] = field(default_factory=dict)  # precondition id -> what it means
    instead: dict[str, tuple[str, ...]] = field(default_factory=dict)  # broken id -> patterns
    aliases: tuple[str, ...] = ()


CATALOGUE: tuple[Pattern, ...] = (
    Pattern(
        "two-pointers",
        "pairs or partitions in a sorted array; in-place compaction",
        "O(n)",
        {
            "sorted": "the input is sorted, so moving one pointer only ever grows or shrinks the "
            "quantity compared"
        },
        {"sorted": ("hash-map", "sort-first")},
        ("two pointer", "two-pointer", "opposite pointers", "fast and slow pointers"),
    ),
    Pattern(
        "sliding-window",
        "longest or shortest contiguous run meeting a condition",
        "O(n)",
        {
            "monotone-window": "shrinking a valid window keeps it valid and growing a broken one "
            "keeps it broken (true for sums only when no value is negative)"
        },
        {"monotone-window": ("prefix-sums",)},
        ("window", "two-pointer window"),
    ),
    Pattern(
        "binary-search",
        "sorted data; the smallest x such that a yes/no test passes",
        "O(log n) probes",
        {"monotone-predicate": "the yes/no test is false up to some point and true after it"},
        {"monotone-predicate": ("linear-scan", "ternary-search")},
        ("binary search on the answer", "bisect", "binary-search-on-the-answer"),
    ),
    Pattern(
        "ternary-search",
        "the minimum or maximum of a function that falls then rises",
        "O(log n) evaluations",
        {"unimodal": "the function strictly falls then strictly rises (one valley, no plateaus)"},
        {"unimodal": ("linear-scan",)},
        ("golden-section search",),
    ),
    Pattern(
        "linear-scan",
        "no structure to exploit; every item could be the answer",
        "O(n)",
        aliases=("scan", "brute force scan", "linear search"),
    ),
    Pattern(
        "prefix-sums",
        "many sums over ranges of a fixed array; subarrays with a given sum",
        "O(n) build, O(1) per range",
        {
            "static-array": "the array does not change between queries",
            "invertible": "the combining operation can be undone (sums, xor; not max or min)",
        },
        {"static-array": ("fenwick-tree", "segment-tree"), "invertible": ("sparse-table",)},
        ("prefix sum", "prefix sums with a hash map", "prefix sums + hash map", "running sum"),
    ),
    Pattern(
        "difference-array",
        "many range increments, read back once at the end",
        "O(1) per update, O(n) to read back",
        {"offline": "all updates come before the reads"},
        {"offline": ("fenwick-tree", "segment-tree")},
        ("difference array", "range update"),
    ),
    Pattern(
        "fenwick-tree",
        "prefix sums while the array keeps changing",
        "O(log n) per update and query",
        {"invertible": "the combining operation can be undone"},
        {"invertible": ("segment-tree",)},
        ("binary indexed tree", "bit"),
    ),
    Pattern(
        "segment-tree",
        "range queries of any associative operation, with updates",
        "O(log n) per update and query",
        aliases=("interval tree of aggregates",),
    ),
    Pattern(
        "sparse-table",
        "range minimum or maximum over a fixed array",
        "O(n log n) build, O(1) per query",
        {"static-array": "the array does not change"},
        {"static-array": ("segment-tree",)},
        ("rmq",),
    ),
    Pattern(
        "monotonic-stack",
        "next greater or smaller element; spans; largest rectangle in a histogram",
        "O(n)",
        {"dominance": "an item beaten by a newer one can never be an answer again"},
        aliases=("monotone stack", "monotonic stack"),
    ),
    Pattern(
        "monotonic-deque",
        "the maximum or minimum of every window of size k",
        "O(n)",
        {"dominance": "an item beaten by a newer one can never be a window's answer again"},
        aliases=("monotone deque", "monotonic queue"),
    ),
    Pattern(
        "heap",
        "k largest or smallest; k-th; merging k sorted lists; a running median",
        "O(n log k)",
        {
            "extremes-only": "only the smallest or largest item is ever needed, never search by "
            "key or full order"
        },
        {"extremes-only": ("sort-first",)},
        ("priority queue", "heapq", "two heaps", "min-heap", "max-heap"),
    ),
    Pattern(
        "hash-map",
        "have I seen this before; count occurrences; look up a complement",
        "O(1) expected per operation",
        {"hashable": "keys are hashable and compared by equality only"},
        {"hashable": ("sort-first",)},
        ("hashing", "hash table", "hash set", "hash-set", "dict", "dictionary", "set"),
    ),
    Pattern(
        "sort-first",
        "order does not matter to the answer, so sort and then scan",
        "O(n log n)",
        {
            "order-free": "the answer does not depend on the original positions, or they are "
            "carried along"
        },
        {"order-free": ("hash-map",)},
        ("sort then scan", "sort then two pointers", "sorting"),
    ),
    Pattern(
        "intervals",
        "overlapping ranges: merge them, count the most that overlap",
        "O(n log n)",
        {"sortable": "every interval has comparable endpoints"},
        aliases=("merge intervals", "sweep line", "sweep-line", "interval scheduling"),
    ),
    Pattern(
        "bfs",
        "fewest steps in an unweighted graph or grid; levels",
        "O(V + E)",
        {"unweighted": "every edge costs the same"},
        {"unweighted": ("dijkstra",)},
        ("breadth-first search", "breadth first search"),
    ),
    Pattern(
        "dfs",
        "reachability, connected parts, cycles, islands",
        "O(V + E)",
        aliases=("depth-first search", "depth first search", "flood fill"),
    ),
    Pattern(
        "topological-sort",
        "dependencies; an order that respects prerequisites",
        "O(V + E)",
        {"acyclic": "the graph has no directed cycle"},
        {"acyclic": ("dfs",)},
        ("kahn", "kahn's algorithm", "topological order", "topo sort"),
    ),
    Pattern(
        "union-find",
        "are these connected, while connections keep being added",
        "O(α(n)) amortized per operation",
        {"no-deletions": "connections are only ever added, never removed"},
        {"no-deletions": ("dfs",)},
        ("disjoint set", "disjoint-set union", "dsu", "disjoint sets"),
    ),
    Pattern(
        "dijkstra",
        "cheapest path with non-negative weights",
        "O((V + E) log V)",
        {"non-negative-weights": "no edge has a negative weight"},
        {"non-negative-weights": ("bellman-ford",)},
        ("dijkstra's algorithm", "shortest path with a heap"),
    ),
    Pattern(
        "bellman-ford",
        "cheapest path when weights may be negative; detecting a negative cycle",
        "O(V·E)",
        {"no-negative-cycle": "no cycle reachable from the source has a negative total"},
        aliases=("bellman ford", "bellman-ford-moore", "spfa"),
    ),
    Pattern(
        "dynamic-programming",
        "count the ways; min or max cost; choices whose subproblems overlap",
        "states × work per state",
        {
            "overlapping-subproblems": "the same subproblem comes up again and again",
            "polynomial-states": "the number of distinct subproblems is polynomial in the input",
        },
        {"polynomial-states": ("backtracking",)},
        ("dp", "memoization", "tabulation"),
    ),
    Pattern(
        "greedy",
        "take the locally best choice and never look back",
        "O(n log n) with a sort",
        {
            "greedy-choice": "an exchange argument proves some optimal answer starts with the "
            "locally best choice"
        },
        {"greedy-choice": ("dynamic-programming",)},
        ("greedy algorithm",),
    ),
    Pattern(
        "backtracking",
        "all arrangements or subsets meeting constraints",
        "exponential, cut by pruning",
        {"small-search": "the pruned search space is small enough to walk"},
        {"small-search": ("dynamic-programming",)},
        ("recursive search", "pruned search"),
    ),
)

_BY_NAME = {p.name: p for p in CATALOGUE}


def _key(name: str) -> str:
    return re.sub(r"[\s_]+", "-", name.strip().lower().replace("'", ""))


_LOOKUP = {_key(a): p for p in CATALOGUE for a in (p.name, *p.aliases)}


class CatalogueError(ValueError):
    """A name that is not in the catalogue, with the nearest names as a suggestion."""


def pattern(name: str) -> Pattern:
    """The catalogue entry called ``name`` or one of its aliases (case and spacing are free)."""
    if not isinstance(name, str) or not name.strip() or name.strip() == PLACEHOLDER:
        raise CatalogueError(f"no pattern named yet ({name!r}); pick one from {DOCS}")
    found = _LOOKUP.get(_key(name))
    if found is None:
        near = difflib.get_close_matches(_key(name), list(_LOOKUP), n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(_LOOKUP[n].name) for n in near)}?" if near else ""
        raise CatalogueError(
            f"{name!r} is not a pattern in the catalogue{hint} The catalogue: "
            f"{', '.join(_BY_NAME)} ({DOCS})"
        )
    return found


# -- 2.1: declaring an approach -----------------------------------------------------------------


@dataclass(frozen=True)
class Approach:
    """What a solution claims about itself, before it is measured."""

    pattern: str
    time: str
    space: str
    brute_force: str
    beats: str


T = TypeVar("T")


def declare(
    *,
    pattern: str = PLACEHOLDER,
    time: str = PLACEHOLDER,
    space: str = PLACEHOLDER,
    brute_force: str = PLACEHOLDER,
    beats: str = PLACEHOLDER,
) -> Callable[[T], T]:
    """Attach an ``Approach`` to a function or class; nothing is checked until a test reads it.

    Classes are written as in the stage-1 harness: ``"O(n)"``, ``"O(n log n)"``, ``"O(1)"``,
    in terms of n, the size of the input, with every other parameter held fixed.
    """
    approach = Approach(pattern, time, space, brute_force, beats)

    def attach(target: T) -> T:
        target.approach = approach  # type: ignore[attr-defined]
        return target

    return attach


def approach_of(target: Any, name: str) -> Approach:
    found = getattr(target, "approach", None)
    if not isinstance(found, Approach):
        raise AssertionError(
            f"{name} declares no approach. Put @declare(pattern=..., time=..., space=..., "
            f"brute_force=..., beats=...) above it, filled in before you code (see {DOCS})."
        )
    return found


def declared_class(value: str, what: str, name: str) -> Growth:
    if not isinstance(value, str) or value.strip() in ("", PLACEHOLDER, "O(?)"):
        raise AssertionError(
            f"{name} declares {what}={value!r}: fill it in with a class such as 'O(n)' or "
            "'O(n log n)', in terms of n with everything else fixed."
        )
    text = value.strip().replace("²", "^2").replace("³", "^3").replace("ⁿ", "^n")
    text = re.sub(r"\s+", " ", text).replace("O(n*log n)", "O(n log n)")
    text = text.replace("O(nlogn)", "O(n log n)").replace("O(logn)", "O(log n)")
    compact = text.replace(" ", "").replace("**", "^")
    if re.fullmatch(r"O\(\d+\^n\)", compact):  # 3^n, 4^n: exponential all the same
        text = "O(2^n)"
    if compact == "O(n^n)":
        return SUPER_EXPONENTIAL
    try:
        return growth(text)
    except ValueError:
        raise AssertionError(
            f"{name} declares {what}={value!r}, which is not a class the harness knows; write "
            "one of O(1), O(log n), O(n), O(n log n), O(n^2), O(n^3), O(2^n), O(n!), O(n^n)."
        ) from None


# Only for declarations: a brute force that tries n choices n times over (n-queens without
# pruning). The growth verdicts never fit it: at the sizes a test can afford it is not told apart
# from O(n!), so classify keeps to CLASSES.
SUPER_EXPONENTIAL = Growth("O(n^n)", 8, lambda n: float(min(n, 150)) ** min(n, 150))


def measured_class(m: Measurement) -> Growth:
    """The class of the fastest-growing input family in a measurement."""
    return classify(m.worst().points)


def check_approach(
    target: Any,
    name: str,
    *,
    patterns: Iterable[str],
    brute_force: str | Iterable[str],
    time: Measurement | Growth | Callable[[], Measurement] | None = None,
    space: Growth | Callable[[], tuple[Growth, str]] | None = None,
    space_report: str = "",
) -> Approach:
    """Check a declared approach against the catalogue and against measured growth.

    ``patterns``: the catalogue names accepted for this problem. ``brute_force``: the class of
    the obvious solution, or several when more than one brute force is a fair answer.
    ``time``: the harness's measurement of the learner's own code (the declared time must be
    the class it grows like), or the known class where counts at affordable sizes cannot tell
    (an exponential search). ``space``: the measured (or known) extra-space class.

    Either may be given as a zero-argument callable, and is then run only when everything before
    it holds: the declaration's words first (no code runs), then time (counted, so a quadratic
    submission stops at its budget), then space (``space_class``, which runs uncounted and
    would drag on for a quadratic submission), returning ``(class, report)``.
    """
    approach = approach_of(target, name)
    accepted = [pattern(p).name for p in patterns]
    try:
        named = pattern(approach.pattern)
    except CatalogueError as error:
        raise AssertionError(f"{name} declares pattern={approach.pattern!r}: {error}") from None
    if named.name not in accepted:
        raise AssertionError(
            f"{name} declares pattern={approach.pattern!r} ({named.name}: {named.signals}). "
            f"The pattern this problem calls for is {' or '.join(accepted)}. Read the problem "
            f"statement again for its signal, and compare the catalogue ({DOCS})."
        )
    declared_time = declared_class(approach.time, "time", name)
    declared_space = declared_class(approach.space, "space", name)
    declared_brute = declared_class(approach.brute_force, "brute_force", name)
    fair = [brute_force] if isinstance(brute_force, str) else list(brute_force)
    expected_brute = [declared_class(b, "brute_force", "the kata") for b in fair]
    if declared_brute not in expected_brute:
        raise AssertionError(
            f"{name} declares brute_force={approach.brute_force!r}. The obvious solution (try "
            f"every candidate) costs {' or '.join(map(str, expected_brute))}: count how many "
            "candidates there are and what checking one costs."
        )
    if declared_time.rank >= declared_brute.rank:
        raise AssertionError(
            f"{name} declares time {declared_time} and brute force {declared_brute}: the "
            "pattern is worth using only when it is faster than the brute force."
        )
    beats = approach.beats.strip() if isinstance(approach.beats, str) else ""
    if beats in ("", PLACEHOLDER) or "\n" in beats or len(beats.split()) < 4:
        raise AssertionError(
            f"{name} declares beats={approach.beats!r}: say in one line of a few words why the "
            "pattern skips work the brute force does, e.g. 'the input is sorted, so each step "
            "rules out a whole row of pairs'."
        )
    if callable(time):
        time = time()
    if isinstance(time, Growth):  # a known answer, where counts at affordable sizes cannot tell
        if time != declared_time:
            raise AssertionError(
                f"{name} declares time {declared_time}; it is {time}. Count the nodes of the "
                "search tree, or the states times the work per state."
            )
    elif time is not None:
        if time.stopped is not None:
            raise AssertionError(
                f"{name}'s operation count ran over its budget, so its time class could not be "
                f"checked against the declared {declared_time}:\n{report(time)}"
            )
        grows = measured_class(time)
        if grows != declared_time:
            raise AssertionError(
                f"{name} declares time {declared_time}, but its counted operations grow like "
                f"{grows}:\n{report(time)}\n  Declare what your code does, or "
                "make it do what you declared."
            )
    if callable(space):
        space, space_report = space()
    if space is not None and space != declared_space:
        raise AssertionError(
            f"{name} declares extra space {declared_space}, but measured extra space grows "
            f"like {space}.{(chr(10) + space_report) if space_report else ''}\n  Count what "
            "your code keeps alive at once beyond its input: containers, copies, recursion depth."
        )
    return approach


# -- 2.3: when a pattern does not apply ---------------------------------------------------------


@dataclass(frozen=True)
class Switch:
    """The tempting pattern, the precondition the problem breaks, and what to use instead."""

    pattern: str = PLACEHOLDER
    broken: str = PLACEHOLDER
    use: str = PLACEHOLDER
    cost: str = PLACEHOLDER
    because: str = PLACEHOLDER


def check_switch(
    switch: Any,
    name: str,
    *,
    pattern_: str,
    broken: str,
    use: Iterable[str],
    cost: str,
) -> Switch:
    """Check a learner's ``Switch`` against the catalogue and this problem's answer."""
    if not isinstance(switch, Switch):
        raise AssertionError(
            f"{name} is {switch!r}; it should be a Switch(pattern=..., broken=..., use=..., "
            "cost=..., because=...)."
        )
    tempting = pattern(pattern_)
    try:
        named = pattern(switch.pattern)
    except CatalogueError as error:
        raise AssertionError(f"{name}.pattern={switch.pattern!r}: {error}") from None
    if named != tempting:
        raise AssertionError(
            f"{name}.pattern is {switch.pattern!r}; name the pattern the problem *looks* like "
            f"it calls for, the one that breaks here (its signal: {tempting.signals})."
        )
    if switch.broken not in tempting.needs:
        ids = ", ".join(f"{k!r} ({v})" for k, v in tempting.needs.items())
        raise AssertionError(
            f"{name}.broken is {switch.broken!r}; it should be the id of the precondition of "
            f"{tempting.name} that this problem breaks. {tempting.name} needs: {ids}."
        )
    if switch.broken != broken:
        raise AssertionError(
            f"{name}.broken is {switch.broken!r} ({tempting.needs[switch.broken]}), which this "
            f"problem does not break. Which assumption of {tempting.name} fails on its inputs?"
        )
    accepted = [pattern(p).name for p in use]
    try:
        chosen = pattern(switch.use)
    except CatalogueError as error:
        raise AssertionError(f"{name}.use={switch.use!r}: {error}") from None
    if chosen.name not in accepted:
        raise AssertionError(
            f"{name}.use is {switch.use!r} ({chosen.name}). When {tempting.name}'s "
            f"'{broken}' fails here, reach for {' or '.join(accepted)}."
        )
    stated = declared_class(switch.cost, "cost", name)
    if stated != growth(cost):
        raise AssertionError(
            f"{name}.cost is {switch.cost!r}; {chosen.name} solves this problem in {cost}. "
            "State the time class of the replacement, in terms of n."
        )
    because = switch.because.strip() if isinstance(switch.because, str) else ""
    if because in ("", PLACEHOLDER) or "\n" in because or len(because.split()) < 4:
        raise AssertionError(
            f"{name}.because is {switch.because!r}: say in one line of a few words why "
            f"{tempting.name} gives wrong answers or too much work here."
        )
    return switch
