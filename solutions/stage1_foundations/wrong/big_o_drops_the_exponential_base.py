"""Treats every exponential as 2^n: the base looks like a constant, so 3^n is "O(2^n)".

A constant factor can be dropped; the base of an exponential cannot: 3^n / 2^n = 1.5^n grows
without bound, and 2^n * 2^n is 4^n. Built on the reference's parser, orderings and printer; it
rewrites every base to 2 after parsing.
"""

import functools

from solutions.stage1_foundations import big_o as _reference

KATA = "big-o-algebra"


def _terms(expr: str):
    return [
        tuple((v, (d, 2 if c > 1 else 1, a, b)) for v, (d, c, a, b) in term)
        for _, term in _reference._parse(expr)
    ]


def simplify(expr: str) -> str:
    return _reference._format(_reference._survivors(_terms(expr)))


def compare(a: str, b: str) -> int:
    s = _reference._survivors(_terms(a))
    t = _reference._survivors(_terms(b))
    up, down = _reference._at_least(s[0], t[0]), _reference._at_least(t[0], s[0])
    if len(s) > 1 or len(t) > 1 or not (up or down):
        raise ValueError(f"{a!r} and {b!r} cannot be ordered")
    return 0 if up and down else 1 if up else -1


def rank(classes: list[str]) -> list[str]:
    return sorted(classes, key=functools.cmp_to_key(compare))
