"""Starts every call at once and never uses ``limit``: ten calls means ten in flight.

The batch is fast (ten 1-second calls finish at 1.0 instead of 4.0) and that is the problem:
fan out to five hundred URLs and five hundred connections hit the service together.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import Fetch, Result, _fetch_one, _in_order

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
    no_limit = asyncio.Semaphore(len(urls) or 1)  # the bug: `limit` is never used
    return await _in_order(
        _fetch_one(url, fetch, no_limit, timeout, retries, backoff) for url in urls
    )
