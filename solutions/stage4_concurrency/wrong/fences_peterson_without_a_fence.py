"""Peterson's lock exactly as in the textbook, with no fence: correct on SC, broken on TSO.

Each thread's `flag = 1` and `turn = ...` wait in its store buffer while it loads the other
thread's flag from memory, so both threads read 0 and both enter the critical section.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Fence, Instruction
from solutions.stage4_concurrency.fences import peterson as _fenced

KATA = "memory-fences"


def peterson(me: int, rounds: int) -> list[Instruction]:
    """The reference lock with its fences taken out."""
    return [step for step in _fenced(me, rounds) if not isinstance(step, Fence)]
