"""A fence after every store, to be safe: the lock works, but with three fences per round.

Only the fence after the acquire's last store is needed. The one between the two acquire
stores adds nothing (TSO keeps stores in order), and the one after the release only makes the
leaving thread wait for its buffer to drain.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Fence, Instruction, Store
from solutions.stage4_concurrency.fences import peterson as _reference

KATA = "memory-fences"


def peterson(me: int, rounds: int) -> list[Instruction]:
    """The reference lock with a fence after each store and no other fence."""
    program: list[Instruction] = []
    for step in _reference(me, rounds):
        if isinstance(step, Fence):
            continue
        program.append(step)
        if isinstance(step, Store):
            program.append(Fence())
    return program
