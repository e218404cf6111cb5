"""Row 0 and column 0 are left as the zeros the table starts with and never recorded: the loops
start at 1, so the trace lacks the base cases every other cell is built from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.harness.trace import Trace

KATA = "trace-dp-table"


def lcs_length(a: Sequence[Any], b: Sequence[Any], trace: Trace) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):  # the bug: the base row and column are cells too
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
            trace.cell(i, j, table[i][j])
    return table[len(a)][len(b)]
