"""The release is forgotten: after leaving, the thread never stores `flag = 0`.

Mutual exclusion still holds, but the other thread then waits forever on a flag that stays
up, whenever the turn is not in its favour: a state no schedule can leave.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)
from solutions.stage4_concurrency.fences import Instruction, Store
from solutions.stage4_concurrency.fences import peterson as _reference

KATA = "memory-fences"


def peterson(me: int, rounds: int) -> list[Instruction]:
    """The reference lock without its release stores."""
    return [step for step in _reference(me, rounds) if step != Store(f"flag{me}", 0)]
