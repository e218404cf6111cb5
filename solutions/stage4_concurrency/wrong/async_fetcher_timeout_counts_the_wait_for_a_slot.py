"""Starts each call's timeout before it has a slot, so time spent queueing counts against it.

With six 1.5-second calls, a limit of 2 and a timeout of 2 s, the third and later calls wait
1.5 s or more for a slot and then time out although each call alone takes 1.5 s. (Retries are
left out here: the bug shows first.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import Fetch, Result, _in_order, _slots

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

    async def one(url: str) -> Result:
        try:
            async with asyncio.timeout(timeout), slots:  # the bug: the clock starts in the queue
                return Result(url, "ok", value=await fetch(url))
        except TimeoutError:
            return Result(url, "timeout")
        except Exception as error:
            return Result(url, "error", error=error)

    return await _in_order(one(url) for url in urls)
