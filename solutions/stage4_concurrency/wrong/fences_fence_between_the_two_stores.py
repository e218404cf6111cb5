"""The fence sits between `flag = 1` and `turn = other`, not after the last store.

TSO already keeps the two stores in order, so that fence buys nothing, and `turn = other`
can still sit in the buffer after the thread has read the other flag as 0 and entered. The
other thread then raises its flag and sets turn, and the stale turn store drains over it: the
other thread reads that it is its own turn and enters too.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Fence, Instruction, Store
from solutions.stage4_concurrency.fences import peterson as _reference

KATA = "memory-fences"


def peterson(me: int, rounds: int) -> list[Instruction]:
    """The reference lock with each fence moved up, between the flag store and the turn store."""
    program: list[Instruction] = []
    for step in _reference(me, rounds):
        if isinstance(step, Fence):
            continue
        if isinstance(step, Store) and step.var == "turn":
            program.append(Fence())
        program.append(step)
    return program
