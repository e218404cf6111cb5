"""The table is filled column by column (j outside, i inside): every value is right, since each
cell's neighbours are still filled first, but the cells come in a different order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-dp-table"


def lcs_length(a: Sequence[Any], b: Sequence[Any], trace: Trace) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for j in range(len(b) + 1):  # the bug: column-major, not row-major
        for i in range(len(a) + 1):
            if i and j:
                if a[i - 1] == b[j - 1]:
                    table[i][j] = table[i - 1][j - 1] + 1
                else:
                    table[i][j] = max(table[i - 1][j], table[i][j - 1])
            trace.cell(i, j, table[i][j])
    return table[len(a)][len(b)]
