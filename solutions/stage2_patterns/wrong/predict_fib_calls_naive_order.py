"""memo_fib's calls predicted as if there were no memo: every subtree is walked again, so the
call order is naive Fibonacci's 15 calls instead of the memoized 9.
"""

from __future__ import annotations

from solutions.stage2_patterns.predict import *  # noqa: F403

KATA = "predict-the-trace"


def fib_calls() -> list[int]:
    return [5, 4, 3, 2, 1, 0, 1, 2, 1, 0, 3, 2, 1, 0, 1]
