"""Answers that TSO also lets two loads pass each other, as ARM and POWER do.

On TSO loads complete in program order; only a load passing an older store (to another
variable) is visible to other threads. The fenced-writer message-passing test never shows
its relaxed outcome on TSO.
"""

from solutions.stage4_concurrency.fences import *  # noqa: F403  (everything else is right)

KATA = "memory-fences"


def tso_reorderings() -> set[str]:
    """One reordering too many."""
    return {"store->load", "load->load"}
