"""Treats every variable as the same n: "3V + 2E + 5" becomes "O(V)" and "n*m + n" "O(n^2)".

Reads any letter as "the input size", so independent sizes collapse into one: BFS turns into
O(V) and a nested loop over n users and m orders into O(n^2). Built on the reference: it
renames every variable to the first one before simplifying.
"""

import re

from solutions.stage1_foundations import big_o as _reference

KATA = "big-o-algebra"

_VARIABLE = re.compile(r"(?<![A-Za-z])[A-NP-Za-z](?![A-Za-z])")  # one letter, not the O of O(


def _one_size(expr: str) -> str:
    first = _VARIABLE.search(expr)
    return _VARIABLE.sub(first.group(), expr) if first else expr


def simplify(expr: str) -> str:
    return _reference.simplify(_one_size(expr))


def compare(a: str, b: str) -> int:
    both = _one_size(f"{a} ~ {b}")  # one renaming for both, so V and E become the same letter
    left, right = both.split(" ~ ")
    return _reference.compare(left, right)


def rank(classes: list[str]) -> list[str]:
    renamed = _one_size(" ~ ".join(classes)).split(" ~ ") if classes else []
    order = _reference.rank(renamed)
    remaining = list(zip(renamed, classes, strict=True))
    result = []
    for name in order:
        index = next(i for i, (r, _) in enumerate(remaining) if r == name)
        result.append(remaining.pop(index)[1])
    return result
