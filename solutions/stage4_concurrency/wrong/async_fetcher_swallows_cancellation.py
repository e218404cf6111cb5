"""Catches ``CancelledError`` and returns the results so far: the cancellation is lost.

It looks graceful, but whoever cancelled the task (a request timeout, a shutdown, a TaskGroup
whose sibling failed) is told the work finished normally and carries on as if it had.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import Fetch, Result, _fetch_one, _slots

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
    tasks = [
        asyncio.ensure_future(_fetch_one(url, fetch, slots, timeout, retries, backoff))
        for url in urls
    ]
    try:
        return list(await asyncio.gather(*tasks))
    except asyncio.CancelledError:  # the bug: returns instead of re-raising
        return [t.result() for t in tasks if t.done() and not t.cancelled()]
