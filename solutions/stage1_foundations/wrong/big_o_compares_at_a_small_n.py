"""Orders classes by their value at n = 8, where n^3 (512) still beats 2^n (256).

Plugging in a sample size feels like checking, but a class is about large n: 2^n passes n^3
at n = 10 and n^100 only near n = 1000. The same habit merges independent sizes (V and E are
both 8), so O(V + E) loses a term. Built on the reference's parser and printer.
"""

import functools
import math

from solutions.stage1_foundations import big_o as _reference

KATA = "big-o-algebra"

SAMPLE = 8


def _value(term) -> float:
    value = 1.0
    for _, (d, c, a, b) in term:
        value *= math.factorial(SAMPLE) ** d * c**SAMPLE * SAMPLE**a * math.log2(SAMPLE) ** b
    return value


def _largest(expr: str):
    terms = [term for _, term in _reference._parse(expr)]
    return max(terms, key=_value)  # the first of equal values


def simplify(expr: str) -> str:
    return _reference._format([_largest(expr)])


def compare(a: str, b: str) -> int:
    va, vb = _value(_largest(a)), _value(_largest(b))
    return (va > vb) - (va < vb)


def rank(classes: list[str]) -> list[str]:
    return sorted(classes, key=functools.cmp_to_key(compare))
