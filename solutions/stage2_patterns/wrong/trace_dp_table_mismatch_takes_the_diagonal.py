"""On a mismatch the cell copies its up-left neighbour instead of the better of up and left: it
forgets a match made using one more item of a or of b, and undercounts.
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
            if i and j:
                if a[i - 1] == b[j - 1]:
                    table[i][j] = table[i - 1][j - 1] + 1
                else:
                    table[i][j] = table[i - 1][j - 1]  # the bug: max(up, left)
            trace.cell(i, j, table[i][j])
    return table[len(a)][len(b)]
