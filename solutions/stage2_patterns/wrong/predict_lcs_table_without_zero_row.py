"""The LCS table predicted without its zero row and column: len(a) rows of len(b) cells, so
every value sits one place away from where the recurrence puts it.
"""

from __future__ import annotations

from solutions.stage2_patterns.predict import *  # noqa: F403

KATA = "predict-the-trace"


def lcs_table() -> list[list[int]]:
    return [
        [0, 0, 0, 1, 1],
        [1, 1, 1, 1, 2],
        [1, 1, 2, 2, 2],
        [1, 1, 2, 2, 3],
    ]
