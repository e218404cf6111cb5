"""Step traces: what an algorithm did, step by step, and where two runs first part ways.

A trace kata's code records its steps on a ``Trace`` as it runs; the test compares that trace
with the reference run and prints the first diverging step side by side, with the steps before
it for context. Each algorithm of stage 2 has its own small vocabulary:

=================  ===========================================  ==========================
algorithm          call                                         step recorded
=================  ===========================================  ==========================
binary search      ``trace.probe(lo, mid, hi)``                 ``("probe", lo, mid, hi)``
DP table fill      ``trace.cell(i, j, value)``                  ``("cell", i, j, value)``
recursion tree     ``trace.enter(*args)``                       ``("enter", *args)``
                   ``trace.leave(*args, result=value)``         ``("return", *args, value)``
heap               ``trace.swap(i, j)``                         ``("swap", i, j)``
graph DFS          ``trace.discover(v)``, ``trace.finish(v)``   ``("discover", v)`` ...
                   ``trace.edge(u, v, kind)``                   ``("edge", u, v, kind)``
=================  ===========================================  ==========================

A trace holds at most ``limit`` steps. One more raises ``TraceOverflow``, a ``BaseException`` so
learner code catching ``Exception`` cannot swallow it: a binary search whose range never
shrinks stops at once with a clear message instead of hanging until the timeout.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

Step = tuple[Any, ...]
T = TypeVar("T")

EDGE_KINDS = ("tree", "back", "forward", "cross")
DEFAULT_LIMIT = 10_000
CONTEXT = 3  # matching steps shown before the first difference


class TraceOverflow(BaseException):
    """More steps than the trace allows: the algorithm is looping or doing far too much work."""

    def __init__(self, trace: Trace) -> None:
        self.trace = trace
        last = ", ".join(format_step(s) for s in trace.steps[-3:])
        super().__init__(
            f"the trace passed {trace.limit} steps and was stopped; the last steps were: {last}. "
            "A loop whose range never shrinks, or a recursion that never reaches its base case, "
            "looks like this."
        )


class Trace:
    """The steps an algorithm records as it runs, in order."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self.steps: list[Step] = []

    def record(self, kind: str, *values: Any) -> None:
        """Append one step; every vocabulary method below comes here."""
        if len(self.steps) >= self.limit:
            raise TraceOverflow(self)
        self.steps.append((kind, *values))

    # -- the vocabulary ---------------------------------------------------------------------

    def probe(self, lo: int, mid: int, hi: int) -> None:
        """Binary search is about to look at ``mid``, with the live range ``lo``..``hi``."""
        self.record("probe", lo, mid, hi)

    def cell(self, i: int, j: int, value: Any) -> None:
        """A DP table cell ``[i][j]`` has been given its final ``value``."""
        self.record("cell", i, j, value)

    def enter(self, *args: Any) -> None:
        """A recursive call with these arguments has started."""
        self.record("enter", *args)

    def leave(self, *args: Any, result: Any) -> None:
        """The recursive call with these arguments returns ``result``."""
        self.record("return", *args, result)

    def swap(self, i: int, j: int) -> None:
        """A heap swapped the items at indexes ``i`` and ``j``."""
        self.record("swap", i, j)

    def discover(self, vertex: Hashable) -> None:
        """DFS reached ``vertex`` for the first time (it turns grey)."""
        self.record("discover", vertex)

    def finish(self, vertex: Hashable) -> None:
        """DFS is done with ``vertex`` and everything below it (it turns black)."""
        self.record("finish", vertex)

    def edge(self, u: Hashable, v: Hashable, kind: str) -> None:
        """DFS examined the edge ``u -> v``; ``kind`` is tree, back, forward or cross."""
        if kind not in EDGE_KINDS:
            raise ValueError(
                f"trace.edge({u!r}, {v!r}, {kind!r}): the kind of an edge is one of "
                f"{', '.join(EDGE_KINDS)}"
            )
        self.record("edge", u, v, kind)

    # -- reading it back --------------------------------------------------------------------

    def of(self, kind: str) -> list[Step]:
        """Only the steps of one kind, e.g. ``trace.of("probe")``."""
        return [s for s in self.steps if s[0] == kind]

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        return f"Trace({len(self.steps)} steps)"


def format_step(step: Step | None) -> str:
    """One step for a person: ``probe lo=0 mid=3 hi=7``, ``cell [2][3] = 4``, ``(missing)``."""
    if step is None:
        return "(no step)"
    if not isinstance(step, tuple) or not step:
        return repr(step)
    kind, *values = step
    if kind == "probe" and len(values) == 3:
        return "probe lo={} mid={} hi={}".format(*values)
    if kind == "cell" and len(values) == 3:
        return f"cell [{values[0]}][{values[1]}] = {values[2]!r}"
    if kind == "enter":
        return f"enter ({', '.join(map(repr, values))})"
    if kind == "return" and values:
        return f"return ({', '.join(map(repr, values[:-1]))}) -> {values[-1]!r}"
    if kind == "swap" and len(values) == 2:
        return "swap [{}] <-> [{}]".format(*values)
    if kind == "edge" and len(values) == 3:
        return f"edge {values[0]!r} -> {values[1]!r} ({values[2]})"
    if kind in ("discover", "finish") and len(values) == 1:
        return f"{kind} {values[0]!r}"
    return " ".join([str(kind), *map(repr, values)])


def first_divergence(expected: Sequence[Step], got: Sequence[Step]) -> int | None:
    """Index of the first step where the two traces differ (or one ends); None if identical."""
    for index, (want, have) in enumerate(zip(expected, got, strict=False)):
        if tuple(want) != (tuple(have) if isinstance(have, (tuple, list)) else have):
            return index
    if len(expected) != len(got):
        return min(len(expected), len(got))
    return None


def side_by_side(
    expected: Sequence[Step],
    got: Sequence[Step],
    *,
    call: str,
    after: int = 2,
) -> str | None:
    """The report of the first difference, or None when the traces are the same.

    Shows up to ``CONTEXT`` agreeing steps before the difference (marked ``=``), the first
    differing step (marked ``>``) and ``after`` steps after it, numbered from 1, expected on the
    left and yours on the right.
    """
    at = first_divergence(expected, got)
    if at is None:
        return None
    start = max(0, at - CONTEXT)
    stop = min(max(len(expected), len(got)), at + 1 + after)
    rows = []
    for i in range(start, stop):
        want = format_step(tuple(expected[i])) if i < len(expected) else "(trace ended)"
        have = format_step(_as_step(got[i])) if i < len(got) else "(trace ended)"
        mark = ">" if i == at else ("=" if i < at else " ")
        rows.append((mark, i + 1, want, have))
    width = max(len("expected"), *(len(r[2]) for r in rows))
    lines = [
        f"The trace of {call} first differs from the reference at step {at + 1} "
        f"(expected {len(expected)} steps, yours has {len(got)}):",
        f"       step  {'expected':<{width}}  yours",
    ]
    lines += [f"    {m} {n:>5}  {w:<{width}}  {h}" for m, n, w, h in rows]
    if at < len(expected) and at < len(got):
        lines.append(
            f"  Step {at + 1} should be `{format_step(tuple(expected[at]))}`; "
            f"yours is `{format_step(_as_step(got[at]))}`."
        )
    elif at >= len(got):
        lines.append(f"  Your trace stops after step {len(got)}; the reference goes on.")
    else:
        lines.append(f"  Your trace goes on after step {len(expected)}, where the reference ends.")
    return "\n".join(lines)


def run_traced(
    run: Callable[[Trace], T], *, limit: int
) -> tuple[T | None, Trace, TraceOverflow | None]:
    """``run(trace)`` on a fresh trace of ``limit`` steps: its result, the trace, and the
    ``TraceOverflow`` that stopped it, if one did.

    A stopped run returns None for its result and keeps what it recorded up to the limit, which
    still shows where it went astray.
    """
    trace = Trace(limit=limit)
    try:
        return run(trace), trace, None
    except TraceOverflow as overflow:
        return None, trace, overflow


def assert_same_trace(
    expected: Sequence[Step], got: Sequence[Step] | Trace, *, call: str, advice: str = ""
) -> None:
    """Fail with the side-by-side report unless ``got`` matches ``expected`` step for step."""
    steps = got.steps if isinstance(got, Trace) else list(got)
    found = side_by_side(expected, steps, call=call)
    if found is not None:
        raise AssertionError(found + (f"\n  {advice}" if advice else ""))


def _as_step(step: Any) -> Any:
    return tuple(step) if isinstance(step, list) else step
