"""Each cell is recorded before its value is computed, so the trace shows the 0 the table was
created with: the right order and the right answer, but the wrong value wherever it is not 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-dp-table"


def lcs_length(a: Sequence[Any], b: Sequence[Any], trace: Trace) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            trace.cell(i, j, table[i][j])  # the bug: recorded at the wrong moment
            if i and j:
                if a[i - 1] == b[j - 1]:
                    table[i][j] = table[i - 1][j - 1] + 1
                else:
                    table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table[len(a)][len(b)]
