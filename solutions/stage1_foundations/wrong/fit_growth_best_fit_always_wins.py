"""Fits every class with room for overhead and a lower-order term, then takes the smallest error.

Right on exact counts, wrong on noisy ones: a faster class can always bend a little to chase
the noise, so it wins by a hair far more often than not. No allowance is made for the noise the
best fit leaves behind.
"""

from __future__ import annotations

from solutions.stage1_foundations.fit_growth import (
    CLASSES,
    EXACT,
    _best_fit,
    _checked,
    _weighted_columns,
)

KATA = "fit-the-growth"


def classify(points: list[tuple[int, float]]) -> str:
    """Return the class whose a·f + b·g + c fit has the smallest relative error."""
    sizes, counts = _checked(points)
    if max(counts) == 0:
        return CLASSES[0]
    columns = _weighted_columns(sizes, counts)
    residuals = {rank: _best_fit(rank, columns) for rank in columns}
    best = min(residuals.values())
    return CLASSES[min(r for r, res in residuals.items() if res <= best + EXACT)]
