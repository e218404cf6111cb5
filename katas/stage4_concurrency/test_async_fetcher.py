"""Tests for the async-fetcher kata: limits, per-call timeouts, errors and cancellation, timed.

Every test runs on the virtual clock of ``checker/harness/vtime.py``: ``asyncio.sleep`` and
timeouts take no real time, and every time below is exact. The fake service's ``fetch(url)``
awaits ``asyncio.sleep(latency)`` and records when each call started and ended (virtual
seconds), how it ended, and how many calls were in flight at the peak. A failure prints that
timeline. A blocking call (``time.sleep``, blocking I/O), a deadlock or a runaway loop in your
code fails the test with a message naming it.
"""

from __future__ import annotations

import asyncio
import collections
import math
from collections.abc import Sequence
from typing import Any

import pytest

from checker.harness.vtime import Outcome, Recorder, describe_task, now, run
from katas.stage4_concurrency.async_fetcher import Result, fetch_all, fetch_all_strict

HINT = "Try `katas hint async-fetcher`."
URLS = [f"/item/{i}" for i in range(10)]


def body(url: str) -> str:
    return f"body of {url}"


class FakeService:
    """A fake service on the virtual clock: each call sleeps, then returns or raises.

    ``plan`` maps a URL to its attempts, each ``(latency, outcome)``: the outcome is returned,
    or raised if it is an exception; the last attempt repeats. Other URLs take ``latency``
    seconds and return ``body(url)``.
    """

    def __init__(self, plan: dict[str, list[tuple[float, Any]]] | None = None, latency=1.0):
        self.plan = plan or {}
        self.latency = latency
        self.recorder = Recorder()
        self.attempts: collections.Counter[str] = collections.Counter()
        self.frozen: tuple[list, str] | None = None

    async def fetch(self, url: str) -> Any:
        steps = self.plan.get(url, [(self.latency, body(url))])
        latency, outcome = steps[min(self.attempts[url], len(steps) - 1)]
        self.attempts[url] += 1
        with self.recorder.track(url):
            await asyncio.sleep(latency)
            if isinstance(outcome, BaseException):
                raise outcome
            return outcome

    def freeze(self) -> None:
        """Keep the calls as they are now. Once the test has its answer, the harness cancels
        any task your code left behind; that must not rewrite what your code did."""
        self.frozen = (self.calls(), self.timeline())

    def calls(self) -> list[tuple[str, float, float | None, str]]:
        if self.frozen:
            return self.frozen[0]
        return [(c.key, c.start, c.end, c.outcome) for c in self.recorder.calls]

    def timeline(self) -> str:
        if self.frozen:
            return self.frozen[1]
        return "The calls, in virtual seconds (url, start -> end, how it ended):\n" + (
            self.recorder.timeline()
        )


def _shown(urls: Sequence[str]) -> str:
    if len(urls) <= 3:
        return repr(list(urls))
    return f"[{urls[0]!r}, {urls[1]!r}, ... {urls[-1]!r}] ({len(urls)} URLs)"


def _called(name: str, urls: Sequence[str], **options: Any) -> str:
    shown = ", ".join(f"{k}={v!r}" for k, v in options.items())
    return f"`{name}({_shown(urls)}, fetch, {shown})`"


def _passes_through(error: BaseException) -> bool:
    """The harness's reports (AssertionError) and "not started yet" (NotImplementedError) speak
    for themselves, also from inside an exception group."""
    if isinstance(error, AssertionError | NotImplementedError):
        return True
    if isinstance(error, BaseExceptionGroup):
        return any(_passes_through(e) for e in error.exceptions)
    return False


def _run(main) -> Outcome:
    """Run ``main`` on the virtual loop; an unexpected exception becomes a clear failure."""
    try:
        return run(main)
    except Exception as error:
        if _passes_through(error):
            raise
        pytest.fail(
            f"The test's event loop ended with {type(error).__name__}: {error}. It came out of "
            f"your code without being caught. {HINT}",
            pytrace=False,
        )


def _fetch_all(service: FakeService, urls: Sequence[str], **options: Any) -> tuple[Any, float]:
    """``fetch_all`` on the virtual clock: what it returned and the virtual time it took."""
    what = _called("fetch_all", urls, **options)

    async def main():
        try:
            result = await fetch_all(urls, service.fetch, **options)
            service.freeze()
            return result
        except Exception as error:
            if _passes_through(error):
                raise
            service.freeze()
            pytest.fail(
                f"Called {what}. It raised {type(error).__name__}: {error}. fetch_all reports "
                "each URL's failure in its Result and never raises for one.\n"
                f"{service.timeline()}",
                pytrace=False,
            )

    outcome = _run(main)
    return outcome.result, outcome.elapsed


def _rows(results: Any) -> list[tuple]:
    return [
        (r.url, r.status, r.value, r.error) if isinstance(r, Result) else ("not a Result", r)
        for r in results
    ]


def _expect_results(
    what: str, got: Any, expected: list[Result], service: FakeService, why: str = ""
) -> None:
    assert isinstance(got, list) and len(got) == len(expected), (
        f"Called {what}. It returned {got!r}; expected a list of {len(expected)} Result "
        f"objects, one per URL in the order given.\n{service.timeline()}"
    )
    got_rows, expected_rows = _rows(got), _rows(expected)
    if got_rows == expected_rows:
        return
    lines = [
        f"  {i}: {g!r}" + ("" if g == e else f"\n     expected {e!r}")
        for i, (g, e) in enumerate(zip(got_rows, expected_rows, strict=True))
    ]
    advice = why
    wrong_timeouts = [
        e[0]
        for g, e in zip(got_rows, expected_rows, strict=True)
        if g[1] == "timeout" and e[1] != "timeout"
    ]
    if wrong_timeouts and not advice:
        advice = (
            f"{wrong_timeouts[0]} timed out, but no single call takes longer than the timeout. "
            "Does your deadline also count the time spent waiting for a slot, or cover the "
            "whole batch? Each call gets its own timeout, started inside the semaphore."
        )
    raise AssertionError(
        f"Called {what}. The results (url, status, value, error), by position:\n"
        + "\n".join(lines)
        + f"\n{service.timeline()}\n{advice} {HINT}".rstrip()
    )


def _expect_elapsed(what: str, elapsed: float, expected: float, service: FakeService, why: str):
    assert elapsed == expected, (
        f"Called {what}. It finished at virtual time {elapsed:.3f} s; expected exactly "
        f"{expected:.3f} s. {why}\n{service.timeline()}\n{HINT}"
    )


def _ok(urls: Sequence[str]) -> list[Result]:
    return [Result(url, "ok", value=body(url)) for url in urls]


# -- the limit ----------------------------------------------------------------------------------


def test_ten_one_second_calls_with_limit_three_take_exactly_four_seconds():
    service = FakeService(latency=1.0)
    options = {"limit": 3, "timeout": 3.0}
    what = _called("fetch_all", URLS, **options)
    got, elapsed = _fetch_all(service, URLS, **options)
    _expect_results(what, got, _ok(URLS), service)
    _expect_elapsed(
        what,
        elapsed,
        4.0,
        service,
        "Three calls at a time: three rounds of three, then the last one. 10.0 means the calls "
        "ran one after another (each awaited before the next started); 1.0 means all ten ran "
        "at once, ignoring the limit.",
    )


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 10, 20], ids=lambda n: f"limit={n}")
def test_never_more_than_limit_calls_are_in_flight_and_each_starts_as_soon_as_a_slot_frees(limit):
    service = FakeService(latency=1.0)
    options = {"limit": limit, "timeout": 5.0}
    what = _called("fetch_all", URLS, **options)
    got, elapsed = _fetch_all(service, URLS, **options)
    peak, allowed = service.recorder.peak, min(limit, len(URLS))
    assert peak == allowed, (
        f"Called {what} with calls of 1 s each. At the peak {peak} calls were in flight at "
        f"once; expected exactly {allowed}: "
        + (
            "never more than the limit. Guard each call with one asyncio.Semaphore(limit), "
            "shared by all of them."
            if peak > allowed
            else "as many as the limit allows. Start every call as a task at once (a "
            "TaskGroup, or asyncio.gather) and let the semaphore hold back the extra ones."
        )
        + f"\n{service.timeline()}\n{HINT}"
    )
    starts = sorted(c.start for c in service.recorder.calls)
    expected_starts = [float(i // limit) for i in range(len(URLS))]
    assert starts == expected_starts, (
        f"Called {what} with calls of 1 s each. The calls started at {starts}; expected "
        f"{expected_starts}: {allowed} at a time, each one as soon as a slot frees."
        f"\n{service.timeline()}\n{HINT}"
    )
    _expect_elapsed(what, elapsed, float(math.ceil(len(URLS) / limit)), service, "")
    _expect_results(what, got, _ok(URLS), service)


def test_results_come_back_in_input_order_not_in_the_order_calls_finish():
    urls = URLS[:5]
    service = FakeService({url: [(5.0 - i, body(url))] for i, url in enumerate(urls)})
    options = {"limit": 5, "timeout": 10.0}
    what = _called("fetch_all", urls, **options)
    got, elapsed = _fetch_all(service, urls, **options)
    _expect_results(
        what,
        got,
        _ok(urls),
        service,
        "The last URL finishes first, but results[i] belongs to urls[i]: keep the tasks (or "
        "their results) in input order, not in the order they complete.",
    )
    _expect_elapsed(what, elapsed, 5.0, service, "All five run at once; the slowest takes 5 s.")


# -- timeouts -----------------------------------------------------------------------------------


def test_a_slow_call_times_out_at_its_own_deadline_and_the_other_calls_go_on():
    urls = URLS[:5]
    slow = urls[0]
    service = FakeService({slow: [(5.0, body(slow))]})
    options = {"limit": 2, "timeout": 2.0}
    what = _called("fetch_all", urls, **options) + f", where {slow!r} takes 5 s and the rest 1 s"
    got, elapsed = _fetch_all(service, urls, **options)
    expected = [Result(slow, "timeout"), *_ok(urls[1:])]
    _expect_results(what, got, expected, service)
    slow_calls = [(c.start, c.end, c.outcome) for c in service.recorder.of(slow)]
    assert slow_calls == [(0.0, 2.0, "cancelled")], (
        f"Called {what}. The call to {slow!r} ran (start, end, how it ended) {slow_calls}; "
        "expected [(0.0, 2.0, 'cancelled')]: cancelled at exactly its 2-second deadline, so "
        "its slot goes to the next call. asyncio.timeout(seconds) (or asyncio.wait_for) "
        f"around the call does that.\n{service.timeline()}\n{HINT}"
    )
    _expect_elapsed(
        what,
        elapsed,
        3.0,
        service,
        f"{urls[1]!r} and {urls[2]!r} share the second slot until 2.0; {urls[3]!r} and "
        f"{urls[4]!r} take both slots from 2.0 to 3.0.",
    )


def test_the_timeout_starts_when_the_call_starts_not_while_it_waits_for_a_slot():
    urls = URLS[:6]
    service = FakeService(latency=1.5)
    options = {"limit": 2, "timeout": 2.0}
    what = _called("fetch_all", urls, **options) + ", with calls of 1.5 s each"
    got, elapsed = _fetch_all(service, urls, **options)
    _expect_results(
        what,
        got,
        _ok(urls),
        service,
        "Every call takes 1.5 s, under its 2 s timeout, so none may time out; the last two "
        "wait 3 s for a slot first. Start the timeout inside the semaphore, around the call "
        "alone, not around the wait or the whole batch.",
    )
    _expect_elapsed(what, elapsed, 4.5, service, "Three rounds of two calls of 1.5 s.")


# -- errors and retries -------------------------------------------------------------------------


def test_an_exception_becomes_an_error_result_for_that_url_only():
    urls = URLS[:5]
    refused = ConnectionRefusedError("connection refused")
    service = FakeService({urls[1]: [(0.5, refused)]})
    options = {"limit": 5, "timeout": 5.0}
    what = _called("fetch_all", urls, **options) + f", where {urls[1]!r} raises after 0.5 s"
    got, elapsed = _fetch_all(service, urls, **options)
    expected = _ok(urls)
    expected[1] = Result(urls[1], "error", error=refused)
    _expect_results(
        what,
        got,
        expected,
        service,
        "The failing URL gets Result(url, 'error', error=<the exception fetch raised>), the "
        "very exception object; the others are unaffected. Catch Exception around each call, "
        "not around the whole batch.",
    )
    _expect_elapsed(what, elapsed, 1.0, service, "One error must not delay or stop the others.")


def test_a_failed_call_is_retried_after_a_backoff_without_holding_its_slot():
    flaky, steady = "/flaky", "/steady"
    service = FakeService(
        {
            flaky: [(1.0, ConnectionResetError("reset")), (1.0, OSError("again")), (1.0, "ok")],
            steady: [(1.0, body(steady))],
        }
    )
    options = {"limit": 1, "timeout": 5.0, "retries": 2, "backoff": 0.5}
    what = (
        _called("fetch_all", [flaky, steady], **options)
        + f", where {flaky!r} fails twice, then answers"
    )
    got, elapsed = _fetch_all(service, [flaky, steady], **options)
    expected = [Result(flaky, "ok", value="ok"), Result(steady, "ok", value=body(steady))]
    _expect_results(what, got, expected, service)
    expected_calls = [
        (flaky, 0.0, 1.0, "raised"),
        (steady, 1.0, 2.0, "returned"),
        (flaky, 2.0, 3.0, "raised"),
        (flaky, 4.0, 5.0, "returned"),
    ]
    assert service.calls() == expected_calls, (
        f"Called {what}. The calls (url, start, end, how it ended) were:\n  "
        + "\n  ".join(map(repr, service.calls()))
        + "\nexpected:\n  "
        + "\n  ".join(map(repr, expected_calls))
        + f"\nAfter its first failure at 1.0, {flaky!r} waits backoff = 0.5 s without its slot, "
        f"so {steady!r} runs from 1.0 to 2.0; the retry waits for the slot until 2.0 and fails "
        "at 3.0; the second retry waits 2 * backoff = 1.0 s and runs from 4.0 to 5.0. Wait "
        f"with `await asyncio.sleep(...)`, outside the semaphore.\n{HINT}"
    )
    _expect_elapsed(what, elapsed, 5.0, service, "")


def test_a_call_that_keeps_failing_is_tried_retries_plus_one_times_and_reports_the_last_error():
    url = "/down"
    errors = [ConnectionError("first"), ConnectionError("second"), ConnectionError("third")]
    service = FakeService({url: [(1.0, e) for e in errors]})
    options = {"limit": 2, "timeout": 5.0, "retries": 2, "backoff": 0.25}
    what = _called("fetch_all", [url], **options) + f", where {url!r} always fails"
    got, elapsed = _fetch_all(service, [url], **options)
    _expect_results(what, got, [Result(url, "error", error=errors[2])], service)
    starts = [c.start for c in service.recorder.calls]
    assert starts == [0.0, 1.25, 2.75], (
        f"Called {what}. The attempts started at {starts}; expected [0.0, 1.25, 2.75]: the first "
        "call, then retries + 1 = 2 more, each after waiting backoff * 2**k seconds (0.25, "
        f"then 0.5) from the failure before it.\n{service.timeline()}\n{HINT}"
    )
    _expect_elapsed(what, elapsed, 3.75, service, "")


def test_a_call_that_timed_out_is_not_retried():
    url = "/slow"
    service = FakeService({url: [(9.0, body(url))]})
    options = {"limit": 1, "timeout": 2.0, "retries": 3, "backoff": 0.5}
    what = _called("fetch_all", [url], **options) + f", where {url!r} takes 9 s"
    got, elapsed = _fetch_all(service, [url], **options)
    _expect_results(
        what,
        got,
        [Result(url, "timeout")],
        service,
        "Only exceptions raised by fetch are retried; a timeout is reported as it is.",
    )
    assert service.attempts[url] == 1, (
        f"Called {what}. fetch({url!r}) was called {service.attempts[url]} times; expected once: "
        f"a call that times out is not retried.\n{service.timeline()}\n{HINT}"
    )
    _expect_elapsed(what, elapsed, 2.0, service, "")


# -- cancellation -------------------------------------------------------------------------------

BOTH = [fetch_all, fetch_all_strict]


def _cancel_at_1_5(function, service: FakeService):
    """Start ``function`` over URLS (limit 3, 1 s calls) as a task, cancel it at 1.5 s."""

    async def main():
        task = asyncio.create_task(function(URLS, service.fetch, limit=3, timeout=5.0))
        await asyncio.sleep(1.5)
        task.cancel()
        try:
            value = await task
        except asyncio.CancelledError:
            ending = "raised CancelledError"
        except Exception as error:
            if _passes_through(error):
                raise
            ending = f"raised {type(error).__name__}: {error}"
        else:
            ending = f"returned {value!r}"
        service.freeze()
        others = [describe_task(t) for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        return ending, now(), others

    return _run(main).result


@pytest.mark.parametrize("function", BOTH, ids=["fetch_all", "fetch_all_strict"])
def test_cancelling_the_batch_cancels_every_call_in_flight_and_leaves_no_task_behind(function):
    service = FakeService(latency=1.0)
    what = (
        f"{_called(function.__name__, URLS, limit=3, timeout=5.0)} as a task, with calls of "
        "1 s each, and cancelled it at 1.5 s"
    )
    _ending, at, others = _cancel_at_1_5(function, service)
    expected = [(url, 0.0, 1.0, "returned") for url in URLS[:3]] + [
        (url, 1.0, 1.5, "cancelled") for url in URLS[3:6]
    ]
    assert service.calls() == expected, (
        f"Called {what}. The calls (url, start, end, how it ended) were:\n  "
        + "\n  ".join(map(repr, service.calls()))
        + "\nexpected the three calls in flight at 1.5 to be cancelled right then, and no "
        "call to start after it. Own the tasks with a TaskGroup (or asyncio.gather, which "
        f"cancels its children when it is cancelled).\n{HINT}"
    )
    assert at == 1.5 and not others, (
        f"Called {what}. When the awaited task ended, at {at:.3f} s, these tasks were still "
        "pending:\n  "
        + "\n  ".join(others or ["(none)"])
        + "\nexpected none: a cancelled batch waits for each of its calls to finish being "
        f"cancelled before it ends.\n{HINT}"
    )


@pytest.mark.parametrize("function", BOTH, ids=["fetch_all", "fetch_all_strict"])
def test_cancelling_the_batch_raises_cancelled_error_in_the_caller(function):
    service = FakeService(latency=1.0)
    what = (
        f"{_called(function.__name__, URLS, limit=3, timeout=5.0)} as a task, with calls of "
        "1 s each, and cancelled it at 1.5 s"
    )
    ending, at, _others = _cancel_at_1_5(function, service)
    assert (ending, at) == ("raised CancelledError", 1.5), (
        f"Called {what}. Awaiting the task {ending} at {at:.3f} s; expected it to raise "
        "CancelledError at 1.5. Whoever cancels a task relies on it ending with "
        "CancelledError (asyncio.timeout, TaskGroup and server shutdown all do): catch it only "
        f"to clean up, then re-raise it; never return instead.\n{service.timeline()}\n{HINT}"
    )


# -- the strict variant ---------------------------------------------------------------------------


def _strict(service: FakeService, urls: Sequence[str], **options: Any):
    """``fetch_all_strict`` on the virtual clock: (how it ended, the value or error, when,
    the other tasks still pending at that moment)."""

    async def main():
        try:
            value = await fetch_all_strict(urls, service.fetch, **options)
        except Exception as error:
            if _passes_through(error):
                raise
            ending, value = "raised", error
        else:
            ending = "returned"
        service.freeze()
        others = [describe_task(t) for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        return ending, value, now(), others

    return _run(main).result


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def test_strict_returns_the_values_in_input_order_within_the_same_limit():
    service = FakeService(latency=1.0)
    options = {"limit": 3, "timeout": 3.0}
    what = _called("fetch_all_strict", URLS, **options)
    ending, value, at, _ = _strict(service, URLS, **options)
    expected = [body(url) for url in URLS]
    assert (ending, value) == ("returned", expected), (
        f"Called {what}. It {ending} {value!r}; expected it to return the values in input "
        f"order: {expected!r}.\n{service.timeline()}\n{HINT}"
    )
    assert (at, service.recorder.peak) == (4.0, 3), (
        f"Called {what}. It took {at:.3f} s with {service.recorder.peak} calls in flight at "
        "the peak; expected 4.000 s with 3: the same limit as fetch_all."
        f"\n{service.timeline()}\n{HINT}"
    )


def _check_strict_failure(what, service, result, failure, at_expected, expected_calls) -> None:
    ending, error, at, others = result
    assert ending == "raised", (
        f"Called {what}. It returned {error!r}; expected it to raise: one failure fails the "
        f"whole batch.\n{service.timeline()}\n{HINT}"
    )
    # The failing call frees its slot as its exception leaves `async with`, so a waiting call
    # may take the slot at that very instant and be cancelled in the same instant: allowed.
    calls = [c for c in service.calls() if c[1:] != (at_expected, at_expected, "cancelled")]
    assert calls == expected_calls, (
        f"Called {what}. The calls (url, start, end, how it ended) were:\n  "
        + "\n  ".join(map(repr, service.calls()))
        + "\nexpected:\n  "
        + "\n  ".join(map(repr, expected_calls))
        + f"\nEvery call still running at {at_expected:.1f} s is cancelled right then, and "
        "no call starts afterwards. asyncio.gather lets the other calls run on after the "
        f"first error; asyncio.TaskGroup cancels them.\n{HINT}"
    )
    assert at == at_expected and not others, (
        f"Called {what}. It raised at {at:.3f} s with these tasks still pending:\n  "
        + "\n  ".join(others or ["(none)"])
        + f"\nexpected it to raise at {at_expected:.3f} s, after every call it started had "
        f"ended.\n{service.timeline()}\n{HINT}"
    )
    leaves = _leaves(error)
    assert isinstance(error, ExceptionGroup) and len(leaves) == 1 and failure(leaves[0]), (
        f"Called {what}. It raised {type(error).__name__}: {error!r}; expected an "
        "ExceptionGroup holding just that failure, as asyncio.TaskGroup raises it (callers "
        "catch it with `except* ConnectionError:`)."
        f"\n{service.timeline()}\n{HINT}"
    )


def test_strict_the_first_error_cancels_the_other_calls_and_is_raised_in_an_exception_group():
    urls = URLS[:6]
    broken = ConnectionAbortedError("aborted")
    service = FakeService({urls[1]: [(0.5, broken)]})
    options = {"limit": 3, "timeout": 5.0}
    what = _called("fetch_all_strict", urls, **options) + f", where {urls[1]!r} raises at 0.5 s"
    result = _strict(service, urls, **options)
    expected_calls = [
        (urls[0], 0.0, 0.5, "cancelled"),
        (urls[1], 0.0, 0.5, "raised"),
        (urls[2], 0.0, 0.5, "cancelled"),
    ]
    _check_strict_failure(what, service, result, lambda e: e is broken, 0.5, expected_calls)


def test_strict_a_call_past_its_timeout_fails_the_batch_with_timeout_error_at_the_deadline():
    urls = URLS[:5]
    service = FakeService({urls[0]: [(5.0, body(urls[0]))]}, latency=1.5)
    options = {"limit": 3, "timeout": 2.0}
    what = (
        _called("fetch_all_strict", urls, **options)
        + f", where {urls[0]!r} takes 5 s and the rest 1.5 s"
    )
    result = _strict(service, urls, **options)
    expected_calls = [
        (urls[0], 0.0, 2.0, "cancelled"),
        (urls[1], 0.0, 1.5, "returned"),
        (urls[2], 0.0, 1.5, "returned"),
        (urls[3], 1.5, 2.0, "cancelled"),
        (urls[4], 1.5, 2.0, "cancelled"),
    ]
    timed_out = lambda e: isinstance(e, TimeoutError)  # noqa: E731
    _check_strict_failure(what, service, result, timed_out, 2.0, expected_calls)


# -- edges --------------------------------------------------------------------------------------


@pytest.mark.parametrize("function", BOTH, ids=["fetch_all", "fetch_all_strict"])
def test_a_limit_below_one_is_refused_with_value_error_before_any_call(function):
    service = FakeService()
    what = _called(function.__name__, URLS[:2], limit=0, timeout=1.0)

    async def main():
        try:
            value = await function(URLS[:2], service.fetch, limit=0, timeout=1.0)
        except ValueError:
            return "raised ValueError"
        except Exception as error:
            if _passes_through(error):
                raise
            return f"raised {type(error).__name__}: {error}"
        return f"returned {value!r}"

    try:
        ending = _run(main).result
    except AssertionError as error:  # e.g. the harness found every call waiting on Semaphore(0)
        ending = f"failed: {str(error).splitlines()[0]}"
    assert ending == "raised ValueError" and not service.recorder.calls, (
        f"Called {what}. It {ending}, after {len(service.recorder.calls)} calls to fetch; "
        "expected ValueError before any call: with Semaphore(0) no call could ever start and "
        f"every task would wait for ever. {HINT}"
    )


@pytest.mark.parametrize("function", BOTH, ids=["fetch_all", "fetch_all_strict"])
def test_no_urls_give_an_empty_list_at_once(function):
    service = FakeService()

    async def main():
        return await function([], service.fetch, limit=3, timeout=1.0), now()

    got = _run(main).result
    assert got == ([], 0.0), (
        f"Called `{function.__name__}([], fetch, limit=3, timeout=1.0)`. It returned "
        f"{got[0]!r} at {got[1]:.3f} s; expected [] at once. {HINT}"
    )
