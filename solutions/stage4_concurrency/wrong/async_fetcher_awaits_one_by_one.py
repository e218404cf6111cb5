"""Awaits each call before starting the next: ten 1-second calls take 10.0 s, not 4.0.

``await`` in a for loop is sequential code that happens to be async: nothing runs alongside.
Concurrency needs the calls started as tasks first (a TaskGroup, or asyncio.gather).
"""

from __future__ import annotations

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
    # the bug: each call is awaited before the next one starts
    return [await _fetch_one(url, fetch, slots, timeout, retries, backoff) for url in urls]
