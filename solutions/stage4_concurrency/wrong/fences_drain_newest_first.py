"""drain_one writes the NEWEST buffered store to memory, treating the buffer as a stack.

Then two stores of one thread can reach memory in the wrong order, and another thread can see
a flag set before the data it guards (message passing breaks): that is not TSO.
"""

from collections.abc import Mapping

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Buffer

KATA = "memory-fences"


def drain_one(buffer: Buffer, memory: Mapping[str, int]) -> tuple[Buffer, dict[str, int]]:
    """Drains from the wrong end."""
    (var, value), rest = buffer[-1], buffer[:-1]
    return rest, {**memory, var: value}
