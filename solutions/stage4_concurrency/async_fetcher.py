"""Async fetcher: call many services at once, at most ``limit`` at a time, each on its own clock.

Build the piece of every backend that fans out to other services: given a list of URLs and a
``fetch(url)`` coroutine function (injected, so the tests can hand you a fake service), fetch
them all concurrently with asyncio and give back one answer per URL, in the order of the input.
The rules the tests check:

- **A limit.** At most ``limit`` calls are in flight at any moment (``asyncio.Semaphore``), and
  a call starts as soon as a slot frees: ten 1-second calls with ``limit=3`` take exactly
  4.0 seconds, not 10 (one at a time) and not 1 (no limit at all).
- **A timeout per call.** Each call gets ``timeout`` seconds, counted from when the call starts,
  not while it waits for a slot. A call past its deadline is cancelled and becomes a "timeout"
  result at exactly that moment; the other calls go on.
- **Errors per URL.** ``fetch_all`` never fails as a whole because one URL failed: an exception
  from ``fetch`` becomes an "error" result for that URL. With ``retries``, a failed call is
  tried again after waiting ``backoff``, then ``2 * backoff``, ``4 * backoff`` ... seconds,
  and it does not hold a slot while it waits. Timeouts are not retried.
- **All or nothing, when asked.** ``fetch_all_strict`` returns just the values, or fails: with
  ``asyncio.TaskGroup``, the first failure (an exception, or a call past its timeout) cancels
  every other call, running or waiting for a slot, and is raised in an ``ExceptionGroup``.
- **Cancellation.** Cancelling ``fetch_all`` or ``fetch_all_strict`` (``task.cancel()``, or a
  timeout around it) cancels every call in flight, starts no new one, leaves no task behind,
  and raises ``CancelledError`` in the caller: never swallow it.
- **Nothing blocks.** No ``time.sleep`` (use ``await asyncio.sleep``), no blocking I/O: one
  blocking call stalls every task on the loop.

The tests run your code on a virtual clock (checker/harness/vtime.py): ``asyncio.sleep`` and
timeouts take no real time, every time is exact, and a blocking call, a deadlock or a task
left running is reported by name.

Why it matters: a request handler that calls five services one after another is five times
slower than it needs to be; one that calls five hundred at once falls over, or knocks over the
service it calls. Limits, deadlines, partial failure and clean cancellation are what make
fan-out safe, in asyncio as in Go's errgroup or Java's structured concurrency.

Docs: docs/stage4_concurrency.md#async-fetcher
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# The key idea: one task per URL, all started at once, and a semaphore that lets only `limit`
# of them past the door; so the batch is as fast as the limit allows and never faster. The
# timeout sits inside the semaphore, around the call alone, so waiting for a slot costs no
# deadline. A TaskGroup owns the tasks: when the caller is cancelled, or (strict) when one
# task fails, it cancels the others and waits until every one has finished before it lets the
# exception out, so no task outlives the call. Errors are caught per call (`except Exception`,
# which does not catch CancelledError), so a cancellation always reaches the caller.

Fetch = Callable[[str], Awaitable[Any]]


@dataclass(frozen=True)
class Result:
    """What happened to one URL: ``status`` is "ok", "error" or "timeout".

    "ok": ``value`` is what ``fetch`` returned. "error": ``error`` is the exception ``fetch``
    raised (the last one, after retries). "timeout": the call ran past its timeout; ``value``
    and ``error`` are both None.

    >>> Result("/a", "ok", value=b"hello")
    Result(url='/a', status='ok', value=b'hello', error=None)
    """

    url: str
    status: str
    value: Any = None
    error: BaseException | None = None


async def fetch_all(
    urls: Sequence[str],
    fetch: Fetch,
    *,
    limit: int,
    timeout: float,
    retries: int = 0,
    backoff: float = 0.5,
) -> list[Result]:
    """One ``Result`` per URL, in the order of ``urls``; raise ``ValueError`` if ``limit < 1``.

    At most ``limit`` calls in flight; each call cancelled after ``timeout`` seconds of
    running; a failed call tried up to ``retries`` more times, waiting ``backoff * 2**k``
    seconds before retry k + 1 without holding a slot.

    >>> async def fetch(url):
    ...     await asyncio.sleep(1)
    ...     return url.upper()
    >>> asyncio.run(fetch_all(["/a", "/b"], fetch, limit=2, timeout=5))
    [Result(url='/a', status='ok', value='/A', error=None), Result(url='/b', status='ok', value='/B', error=None)]
    """  # noqa: E501
    slots = _slots(limit)
    return await _in_order(_fetch_one(url, fetch, slots, timeout, retries, backoff) for url in urls)


async def fetch_all_strict(
    urls: Sequence[str],
    fetch: Fetch,
    *,
    limit: int,
    timeout: float,
) -> list[Any]:
    """The values ``fetch`` returned, in the order of ``urls``, or an ``ExceptionGroup``.

    Same limit and per-call timeout as ``fetch_all``. The first call to fail (it raises, or
    runs past ``timeout`` and raises ``TimeoutError``) cancels every other call and the
    failure is raised in an ``ExceptionGroup``, as ``asyncio.TaskGroup`` raises it. Raise
    ``ValueError`` if ``limit < 1``.

    >>> asyncio.run(fetch_all_strict(["/a", "/b"], fetch, limit=1, timeout=5))
    ['/A', '/B']
    """
    slots = _slots(limit)

    async def one(url: str) -> Any:
        async with slots, asyncio.timeout(timeout):
            return await fetch(url)

    return await _in_order(one(url) for url in urls)


def _slots(limit: int) -> asyncio.Semaphore:
    if limit < 1:
        # Semaphore(0) would make every call wait for ever: refuse it up front.
        raise ValueError(f"limit must be at least 1, got {limit!r}")
    return asyncio.Semaphore(limit)


async def _in_order(calls: Iterable[Awaitable[Any]]) -> list[Any]:
    """Run the calls as tasks of one TaskGroup; their results in the order of the calls."""
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(call) for call in calls]
    return [task.result() for task in tasks]


async def _fetch_one(
    url: str, fetch: Fetch, slots: asyncio.Semaphore, timeout: float, retries: int, backoff: float
) -> Result:
    result = await _attempt(url, fetch, slots, timeout)
    for retry in range(retries):
        if result.status != "error":
            break
        await asyncio.sleep(backoff * 2**retry)  # outside the semaphore: the slot is free
        result = await _attempt(url, fetch, slots, timeout)
    return result


async def _attempt(url: str, fetch: Fetch, slots: asyncio.Semaphore, timeout: float) -> Result:
    async with slots:
        try:
            async with asyncio.timeout(timeout):  # inside the slot: the call's own deadline
                value = await fetch(url)
        except TimeoutError:
            return Result(url, "timeout")
        except Exception as error:  # not BaseException: CancelledError must pass
            return Result(url, "error", error=error)
    return Result(url, "ok", value=value)
