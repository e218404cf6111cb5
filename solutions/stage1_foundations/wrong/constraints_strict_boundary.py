"""Off by one at every boundary: fits tests cost < budget where cost <= budget is meant.

A cost equal to the budget fits, and the table's bounds are inclusive ("n <= 5000"), so
n = 5000 in C++ is O(n^2), not O(n log n). Built on the reference, with the budget lowered to
the float just below it, which turns <= into < for every cost.
"""

import math

from solutions.stage1_foundations import constraints as _reference

KATA = "constraint-to-class"

CLASSES = _reference.CLASSES
OPS_PER_SECOND = _reference.OPS_PER_SECOND
RULE_OF_THUMB = _reference.RULE_OF_THUMB


def _fits(cls: str, n: int, budget: float) -> bool:
    return _reference._fits(cls, n, math.nextafter(budget, 0.0))  # the bug: < instead of <=


def fits(cls: str, n: int, budget: float) -> bool:
    _reference.fits(cls, n, budget)  # the same argument checks
    return _fits(cls, n, budget)


def slowest_class(n_max: int, budget: float = OPS_PER_SECOND["c++"]) -> str:
    _reference.slowest_class(n_max, budget)
    return next((cls for cls in reversed(CLASSES) if _fits(cls, n_max, budget)), "O(1)")


def target_class(n_max: int, seconds: float = 1.0, language: str = "python") -> str:
    _reference.target_class(n_max, seconds, language)
    scale = seconds * OPS_PER_SECOND[language.lower()] / OPS_PER_SECOND["c++"]
    for bound, cls in RULE_OF_THUMB:
        if _fits(cls, n_max, _reference._cost(cls, bound) * scale):
            return cls
    return "O(log n)"
