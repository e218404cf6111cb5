"""The fence sits after the load of the other thread's flag instead of before it.

By then the load has already read memory while this thread's own `flag = 1` was still in its
buffer: the fence drains the buffer too late to be seen by the other thread's load.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Fence, Instruction, Load
from solutions.stage4_concurrency.fences import peterson as _reference

KATA = "memory-fences"


def peterson(me: int, rounds: int) -> list[Instruction]:
    """The reference lock with each fence moved to just after the load of the other flag."""
    program: list[Instruction] = []
    for step in _reference(me, rounds):
        if isinstance(step, Fence):
            continue
        program.append(step)
        if isinstance(step, Load) and step.var.startswith("flag"):
            program.append(Fence())
    return program
