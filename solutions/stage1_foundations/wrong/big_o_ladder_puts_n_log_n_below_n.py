"""Ranks n log n below n: a memorized ladder 1, log n, n log n, n, n^2 ... with two rungs swapped.

Believes a log factor on a power of n makes it smaller (as if log n were below 1), so
"n log n + n" simplifies to "O(n)" and n^2 log n sits under n^2. log n alone is still above 1.
Built on the reference's parser and printer; only the order of one variable's growth differs.
"""

import functools
import itertools

from solutions.stage1_foundations import big_o as _reference

KATA = "big-o-algebra"


def _key(growth):
    d, c, a, b = growth
    return (d, c, a, -b if a else b)  # the bug: with a power of n, more logs rank lower


def _at_least(s, t) -> bool:
    variables = {v for v, _ in s} | {v for v, _ in t}
    return all(_key(_reference._growth(s, v)) >= _key(_reference._growth(t, v)) for v in variables)


def _survivors(terms):
    return [
        t
        for i, t in enumerate(terms)
        if not any(
            _at_least(s, t) and (not _at_least(t, s) or j < i)
            for j, s in enumerate(terms)
            if j != i
        )
    ]


def simplify(expr: str) -> str:
    return _reference._format(_survivors([term for _, term in _reference._parse(expr)]))


def compare(a: str, b: str) -> int:
    s = _survivors([term for _, term in _reference._parse(a)])
    t = _survivors([term for _, term in _reference._parse(b)])
    if len(s) > 1 or len(t) > 1:
        raise ValueError("compare takes classes that simplify to one term")
    up, down = _at_least(s[0], t[0]), _at_least(t[0], s[0])
    if not (up or down):
        raise ValueError(f"{a!r} and {b!r} cannot be ordered")
    return 0 if up and down else 1 if up else -1


def rank(classes: list[str]) -> list[str]:
    ordered = sorted(classes, key=functools.cmp_to_key(compare))
    for left, right in itertools.pairwise(ordered):
        if compare(left, right) > 0:
            raise ValueError(f"{left!r} and {right!r} cannot be ordered")
    return ordered
