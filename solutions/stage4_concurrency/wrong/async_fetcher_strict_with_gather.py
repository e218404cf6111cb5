"""Builds the strict variant on ``asyncio.gather``: the first error is raised, the rest run on.

gather passes the first exception straight to its caller but does not cancel the other calls:
they keep running, and keep their slots, after the caller has already given up, and are still
pending when fetch_all_strict returns.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from solutions.stage4_concurrency.async_fetcher import *  # noqa: F403
from solutions.stage4_concurrency.async_fetcher import Fetch, _slots

KATA = "async-fetcher"


async def fetch_all_strict(
    urls: Sequence[str],
    fetch: Fetch,
    *,
    limit: int,
    timeout: float,
) -> list[Any]:
    slots = _slots(limit)

    async def one(url: str) -> Any:
        async with slots, asyncio.timeout(timeout):
            return await fetch(url)

    return await asyncio.gather(*(one(url) for url in urls))  # the bug: no cancellation
