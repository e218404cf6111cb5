"""tso_load always reads memory, even when the thread's own buffer holds a newer store.

A real core forwards its own buffered stores to its loads; without that, a thread that writes
x = 1 and reads x back can see 0, which no x86 machine ever does.
"""

from collections.abc import Mapping

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Buffer

KATA = "memory-fences"


def tso_load(buffer: Buffer, memory: Mapping[str, int], var: str) -> int:
    """Reads memory only."""
    return memory[var]
