"""Forgets the Python adjustment: every language gets the C++ table.

Scales the rows by the time limit but not by the language's speed, so target_class(5000) in
Python says O(n^2): 2.5*10^7 interpreted steps, seconds of pure Python loop where one was
allowed. Built on the reference; only the scale differs.
"""

from solutions.stage1_foundations import constraints as _reference

KATA = "constraint-to-class"

CLASSES = _reference.CLASSES
OPS_PER_SECOND = _reference.OPS_PER_SECOND
RULE_OF_THUMB = _reference.RULE_OF_THUMB

fits = _reference.fits
slowest_class = _reference.slowest_class


def target_class(n_max: int, seconds: float = 1.0, language: str = "python") -> str:
    _reference.target_class(n_max, seconds, language)  # the same argument checks
    scale = seconds  # the bug: no * OPS_PER_SECOND[language] / OPS_PER_SECOND["c++"]
    for bound, cls in RULE_OF_THUMB:
        if _reference._fits(cls, n_max, _reference._cost(cls, bound) * scale):
            return cls
    return "O(log n)"
