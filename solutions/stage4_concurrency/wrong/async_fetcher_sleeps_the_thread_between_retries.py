"""Waits between retries with ``time.sleep``, which stops the whole event loop while it waits.

Nothing else runs during the backoff: no other call makes progress, no timeout fires, no
cancellation is delivered. In a server, every request on that loop stalls. The wait must be
``await asyncio.sleep(...)``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import (
    Fetch,
    Result,
    _attempt,
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

    async def one(url: str) -> Result:
        result = await _attempt(url, fetch, slots, timeout)
        for retry in range(retries):
            if result.status != "error":
                break
            time.sleep(backoff * 2**retry)  # the bug: blocks the event loop
            result = await _attempt(url, fetch, slots, timeout)
        return result

    return await _in_order(one(url) for url in urls)
