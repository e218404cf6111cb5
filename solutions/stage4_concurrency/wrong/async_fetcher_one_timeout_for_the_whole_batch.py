"""Puts one ``asyncio.timeout`` around the whole batch instead of one around each call.

Every call is then racing the same deadline: with ten 1-second calls, a limit of 3 and a
timeout of 3 s, the last call has not even started when the batch's time is up, and it is
reported as a timeout although no call is slow.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Sequence

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import (
    Fetch,
    Result,
    _fetch_one,
    _in_order,
    _slots,
)

KATA = "async-fetcher"


async def fetch_all(
    urls: Sequence[str],
    fetch: Fetch,
    *,
    limit: int,
    timeout: float,
    retries: int = 0,
    backoff: float = 0.5,
) -> list[Result]:
    slots = _slots(limit)
    done: dict[int, Result] = {}

    async def one(i: int, url: str) -> None:
        done[i] = await _fetch_one(url, fetch, slots, math.inf, retries, backoff)

    try:
        async with asyncio.timeout(timeout):  # the bug: one deadline for every call together
            await _in_order(one(i, url) for i, url in enumerate(urls))
    except TimeoutError:
        pass
    return [done.get(i, Result(url, "timeout")) for i, url in enumerate(urls)]
