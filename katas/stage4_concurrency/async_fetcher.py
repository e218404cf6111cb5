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

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

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
    raise NotImplementedError


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
    raise NotImplementedError
