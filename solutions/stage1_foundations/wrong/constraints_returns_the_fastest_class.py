"""Returns the fastest class that fits instead of the slowest: the ladder walked the wrong way.

Every class faster than the answer fits too, so walking from O(1) upwards stops at once:
slowest_class always says O(1) and target_class the fastest row that fits. The question is
how much brute force you can afford, not whether the fastest class would do. Built on the
reference's fits.
"""

from solutions.stage1_foundations import constraints as _reference

KATA = "constraint-to-class"

CLASSES = _reference.CLASSES
OPS_PER_SECOND = _reference.OPS_PER_SECOND
RULE_OF_THUMB = _reference.RULE_OF_THUMB

fits = _reference.fits


def slowest_class(n_max: int, budget: float = OPS_PER_SECOND["c++"]) -> str:
    _reference.slowest_class(n_max, budget)  # the same argument checks
    return next(cls for cls in CLASSES if fits(cls, n_max, budget))  # the bug: fastest first


def target_class(n_max: int, seconds: float = 1.0, language: str = "python") -> str:
    _reference.target_class(n_max, seconds, language)
    scale = seconds * OPS_PER_SECOND[language.lower()] / OPS_PER_SECOND["c++"]
    for bound, cls in reversed(RULE_OF_THUMB):  # the bug: fastest row first
        if _reference._fits(cls, n_max, _reference._cost(cls, bound) * scale):
            return cls
    return "O(log n)"
