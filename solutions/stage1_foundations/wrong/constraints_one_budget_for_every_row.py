"""Uses the raw throughput as one budget for every class instead of the table's rows.

target_class becomes slowest_class(n_max, seconds * OPS_PER_SECOND[language]): 10^8 operations
for every class in C++, so n = 5001 gets O(n^2) (2.5*10^7 fits 10^8), and n = 11 gets O(n!).
The handbook's rows are not one budget: each row's bound encodes the work real solutions of
that shape do, and keeps the margin that a bare operation count lacks. Built on the reference.
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
    return slowest_class(n_max, max(1.0, seconds * OPS_PER_SECOND[language.lower()]))
