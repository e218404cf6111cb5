"""Virtual-time asyncio: a loop whose clock jumps instead of sleeping, and a blocking-call guard.

``run(main, *args)`` runs a coroutine function on a ``VirtualTimeLoop``: whenever no callback is
ready, the loop moves its clock straight to the next timer instead of waiting in the selector.
Ten sequential ``await asyncio.sleep(1)`` take exactly 10.0 virtual seconds; ten gathered ones
take 1.0; both finish in a few milliseconds of real time, and every run gives the same times.
Timers are kept to whole nanoseconds (``0.1 + 0.2`` seconds from now is the same instant as
``0.3``), and the times this module reports are rounded to microseconds.

What the loop refuses to do, each reported as a failure (an ``AssertionError`` subclass) that
says what happened, never as a hang:

- ``DeadlockError``: nothing is ready, no timer is pending and no thread work is outstanding,
  so every task waits forever. The message names each pending task, where it is suspended
  and what it awaits.
- ``BlockingCallError``: learner code called ``time.sleep``, a blocking socket operation,
  ``socket.create_connection`` / ``getaddrinfo``, ``select.select``, ``subprocess.run`` /
  ``call`` / ``check_output`` or ``input()`` on the loop's thread while the loop ran it. The
  message names the call, its arguments, the task and line it came from, and the asyncio way
  instead. Calls from other threads (``asyncio.to_thread`` workers) are allowed. A blocking call
  that learner code catches and ignores is still reported when ``run`` returns.
- ``RunawayError``: the program passed ``step_limit`` loop iterations (a ``while True: await
  asyncio.sleep(0)``) or wanted to move the clock past ``time_limit`` virtual seconds.
- ``ThreadWaitError``: work handed to a thread (``asyncio.to_thread``, ``run_in_executor``) did
  not finish within ``thread_wait`` real seconds. While such work is outstanding the loop waits
  for it in real time and the virtual clock stands still, so a thread's work takes no virtual
  time at all.

Real I/O is not simulated: sockets the loop watches are polled before each jump of the clock,
so in-process I/O (``socket.socketpair``, a server on the same loop) behaves, but a reply from
another process would arrive "after" any timeout pending at the time.

``Recorder`` is the fake-service side of a kata: wrap each fake call in ``recorder.track(key)``
and it keeps the virtual start and end of every call, how it ended, and the peak number in
flight, and prints them as a timeline for failure messages.

The guard patches module attributes for the duration of ``run`` (and the same functions bound
under other names in ``katas.*`` and ``solutions.*`` modules, as ``from time import sleep``
does) and restores all of them afterwards, even on error.
"""

from __future__ import annotations

import asyncio
import builtins
import concurrent.futures
import contextlib
import inspect
import linecache
import os
import reprlib
import select
import selectors
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Hashable
from dataclasses import dataclass
from typing import Any

DEFAULT_TIME_LIMIT = 3600.0  # virtual seconds a run may reach
DEFAULT_STEP_LIMIT = 100_000  # loop iterations: well under a real second, far above any kata
DEFAULT_THREAD_WAIT = 5.0  # real seconds to wait for work handed to a thread
TEARDOWN_STEP_LIMIT = 10_000  # iterations allowed for cancelling what a run left behind
GUARDED_MODULE_PREFIXES = ("katas.", "solutions.")
MAX_TASKS_SHOWN = 20

_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlist = _repr.maxtuple = _repr.maxdict = 6


# -- failures ---------------------------------------------------------------------------------


class VirtualLoopError(AssertionError):
    """A run that cannot go on: the base of every failure the virtual loop reports."""


class DeadlockError(VirtualLoopError):
    """Every task waits and nothing that is left can wake any of them."""

    def __init__(self, message: str, tasks: tuple[str, ...]) -> None:
        super().__init__(message)
        self.tasks = tasks


class RunawayError(VirtualLoopError):
    """The run passed its step limit or wanted to move the clock past its time limit."""


class ThreadWaitError(VirtualLoopError):
    """Work handed to a thread did not finish within the real-time allowance."""


class BlockingCallError(VirtualLoopError):
    """A blocking call ran on the event loop's thread, inside a coroutine or callback."""

    def __init__(self, message: str, call: str) -> None:
        super().__init__(message)
        self.call = call


# -- the loop ---------------------------------------------------------------------------------


def _quantize(when: float) -> float:
    """Whole nanoseconds, so instants computed by different sums of delays coincide."""
    return round(when, 9)


class _VirtualSelector(selectors.BaseSelector):
    """The loop's selector: it never waits, except for thread work and watched I/O."""

    def __init__(self, real: selectors.BaseSelector) -> None:
        self.real = real
        self.loop: VirtualTimeLoop | None = None

    def register(self, fileobj, events, data=None):
        return self.real.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self.real.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self.real.modify(fileobj, events, data)

    def get_key(self, fileobj):
        return self.real.get_key(fileobj)

    def get_map(self):
        return self.real.get_map()

    def close(self) -> None:
        self.real.close()

    def select(self, timeout=None):
        assert self.loop is not None
        return self.loop._virtual_select(self.real, timeout)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An asyncio selector loop on a virtual clock that starts at 0.0 and jumps to each timer.

    ``time()`` is the virtual clock. ``real_waits`` counts the times the loop waited in real
    time (only for thread work or watched I/O); ``steps`` counts loop iterations.
    """

    def __init__(
        self,
        *,
        time_limit: float = DEFAULT_TIME_LIMIT,
        step_limit: int = DEFAULT_STEP_LIMIT,
        thread_wait: float = DEFAULT_THREAD_WAIT,
    ) -> None:
        self._now = 0.0
        self.time_limit = time_limit
        self.step_limit = step_limit
        self.thread_wait = thread_wait
        self.steps = 0
        self.real_waits = 0
        self.guarding = False
        self.blocking_calls: list[BlockingCallError] = []
        self._thread_work = 0
        selector = _VirtualSelector(selectors.DefaultSelector())
        super().__init__(selector)
        selector.loop = self

    def time(self) -> float:
        return self._now

    def call_at(self, when, callback, *args, context=None):
        return super().call_at(_quantize(when), callback, *args, context=context)

    def run_in_executor(self, executor, func, *args):
        # As BaseEventLoop.run_in_executor, plus a count of the work handed to threads. The
        # count drops only after the thread's result has been passed to the loop (callbacks of
        # a concurrent future run in the order they were added), so the loop never sees "no
        # work left" between the two; and it counts the thread itself, not the future awaiting
        # it, so a cancelled to_thread() still holds the clock until its thread is done.
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        work = executor.submit(func, *args)
        future = asyncio.wrap_future(work, loop=self)
        self._thread_work += 1
        work.add_done_callback(self._thread_work_finished)
        return future

    def _thread_work_finished(self, _work: concurrent.futures.Future) -> None:
        # RuntimeError: the loop was closed while the thread ran; nobody is counting any more.
        with contextlib.suppress(RuntimeError):
            self.call_soon_threadsafe(self._thread_work_done)

    def _thread_work_done(self) -> None:
        self._thread_work -= 1

    async def shutdown_default_executor(self, *args, **kwargs):
        # Its helper thread reports back through call_soon_threadsafe: real time again.
        self._thread_work += 1
        try:
            await super().shutdown_default_executor(*args, **kwargs)
        finally:
            self._thread_work -= 1

    def _blocking_call(self, target, args, kwargs, frame) -> BlockingCallError:
        error = _blocking_call_error(self, target, args, kwargs, frame)
        self.blocking_calls.append(error)
        return error

    def _virtual_select(self, real: selectors.BaseSelector, timeout: float | None):
        self.steps += 1
        if self.steps > self.step_limit:
            raise RunawayError(
                f"The event loop ran {self.step_limit} iterations without finishing, at "
                f"virtual time {self._now:.6f} s, and was stopped.\n"
                + _task_lines(self)
                + "\nA loop that keeps awaiting without ever finishing looks like this, e.g. "
                "`while True: await asyncio.sleep(0)` polling for a condition that never "
                "becomes true."
            )
        if timeout == 0:
            return real.select(0)
        events = real.select(0)  # thread results and in-process I/O that are already here
        if events:
            return events
        if self._thread_work:
            self.real_waits += 1
            events = real.select(self.thread_wait)
            if not events:
                raise ThreadWaitError(
                    f"Work handed to a thread (asyncio.to_thread or run_in_executor) was still "
                    f"running after {self.thread_wait:g} real seconds, at virtual time "
                    f"{self._now:.6f} s. The virtual clock waits for threads, so code running "
                    "in a thread must finish on its own: no sleeping there, and no waiting for "
                    "the event loop.\n" + _task_lines(self)
                )
            return events
        if timeout is not None:
            when = self._scheduled[0]._when  # _run_once dropped the cancelled ones
            if when > self.time_limit:
                raise RunawayError(
                    f"The program was still waiting at virtual time {self._now:.6f} s and its "
                    f"next timer is at {when:.6f} s, past this run's limit of "
                    f"{self.time_limit:g} s.\n"
                    + _task_lines(self)
                    + "\nA loop that sleeps and retries forever, or a timeout far longer than "
                    "the test allows, looks like this."
                )
            self._now = max(self._now, when)
            return []
        if len(real.get_map()) > 1:  # more than the loop's own self-pipe: real I/O may come
            self.real_waits += 1
            events = real.select(self.thread_wait)
            if events:
                return events
        tasks = tuple(describe_task(t) for t in _pending(self))
        raise DeadlockError(
            f"Deadlock at virtual time {self._now:.6f} s: every task is waiting and nothing "
            "left can wake any of them (no callback is ready, no timer is pending, no thread "
            "is working).\n"
            + _task_lines(self)
            + "\nLook for an await on something that only another waiting task would "
            "provide: an Event nobody sets, a Lock held by a task that is itself waiting, a "
            "Queue nobody fills, a Semaphore(0), or a future nobody completes.",
            tasks,
        )


# -- describing tasks -------------------------------------------------------------------------

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)


def _pending(loop: asyncio.AbstractEventLoop) -> list[asyncio.Task]:
    return [t for t in asyncio.all_tasks(loop) if not t.done()]


def _task_lines(loop: asyncio.AbstractEventLoop) -> str:
    tasks = sorted(_pending(loop), key=lambda t: t.get_name())
    if not tasks:
        return "No task is pending."
    lines = [f"Pending tasks ({len(tasks)}):"]
    lines += [f"  - {describe_task(t)}" for t in tasks[:MAX_TASKS_SHOWN]]
    if len(tasks) > MAX_TASKS_SHOWN:
        lines.append(f"  ... and {len(tasks) - MAX_TASKS_SHOWN} more")
    return "\n".join(lines)


def _where(path: str, line: int) -> str:
    try:
        shown = os.path.relpath(path)
    except ValueError:
        shown = path
    if shown.startswith(".."):
        shown = path
    return f"{shown}:{line}"


def _source(path: str, line: int) -> str:
    return linecache.getline(path, line).strip()


def _await_chain(coro: Any) -> list[Any]:
    """The frames of a suspended coroutine and everything it awaits, outermost first."""
    frames = []
    for _ in range(64):
        frame = (
            getattr(coro, "cr_frame", None)
            or getattr(coro, "gi_frame", None)
            or getattr(coro, "ag_frame", None)
        )
        if frame is None:
            break
        frames.append(frame)
        coro = (
            getattr(coro, "cr_await", None)
            or getattr(coro, "gi_yieldfrom", None)
            or getattr(coro, "ag_await", None)
        )
        if coro is None:
            break
    return frames


def _qualname(obj: Any) -> str:
    return getattr(obj, "__qualname__", None) or type(obj).__name__


def _awaited(task: asyncio.Task) -> str:
    waiter = getattr(task, "_fut_waiter", None)
    if waiter is None:
        return "ready to run"
    if isinstance(waiter, asyncio.Task):
        return f"waiting for task {waiter.get_name()!r} ({_qualname(waiter.get_coro())})"
    children = getattr(waiter, "_children", None)
    if children is not None:
        names = ", ".join(
            repr(c.get_name()) if isinstance(c, asyncio.Task) else "a future" for c in children
        )
        return f"waiting for asyncio.gather of {len(children)}: {names}"
    return "waiting for a future"


def _method(frame: Any) -> str:
    """``Lock.acquire`` rather than the mixin or base class that defines it."""
    code = frame.f_code
    owner = frame.f_locals.get("self") if code.co_varnames[:1] == ("self",) else None
    if owner is not None:
        return f"{type(owner).__name__}.{code.co_name}"
    return getattr(code, "co_qualname", code.co_name)


def describe_task(task: asyncio.Task) -> str:
    """One line: the task's name and coroutine, where it is suspended and what it awaits.

    For example: ``'worker' (consume): suspended at test_x.py:12 in consume: `await
    queue.get()`, inside asyncio's Queue.get; waiting for a future``.
    """
    coro = task.get_coro()
    head = f"{task.get_name()!r} ({_qualname(coro)})"
    if task.done():
        return f"{head}: done"
    frames = _await_chain(coro)
    if not frames:
        return f"{head}: {_awaited(task)}"
    if inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
        return f"{head}: created but not started yet"
    own = [f for f in frames if not f.f_code.co_filename.startswith(_ASYNCIO_DIR)]
    inner = own[-1] if own else frames[-1]
    code = inner.f_code
    where = _where(code.co_filename, inner.f_lineno)
    text = f"{head}: suspended at {where} in {getattr(code, 'co_qualname', code.co_name)}"
    source = _source(code.co_filename, inner.f_lineno)
    if source:
        text += f": `{source}`"
    deeper = frames[frames.index(inner) + 1 :]
    if deeper:
        text += f", inside asyncio's {_method(deeper[-1])}"
    return f"{text}; {_awaited(task)}"


# -- the blocking-call guard ------------------------------------------------------------------

_LATER = (
    "Anything else that blocks can run in a worker thread: `await asyncio.to_thread(f, *args)`."
)
_STREAMS = (
    "asyncio streams: `reader, writer = await asyncio.open_connection(host, port)`, then "
    "`await reader.read(n)` or `writer.write(data)` and `await writer.drain()`; for a socket "
    "you already have, `await loop.sock_recv(sock, n)` / `loop.sock_sendall(sock, data)` on a "
    "non-blocking socket"
)


def _sleep_advice(args: tuple, kwargs: dict) -> str:
    secs = _repr.repr(args[0]) if args else "seconds"
    return f"`await asyncio.sleep({secs})`"


def _fixed(text: str) -> Callable[[tuple, dict], str]:
    return lambda args, kwargs: text


@dataclass(frozen=True)
class _Target:
    owner: Any  # module, or the class for methods
    attr: str
    shown: str  # as the learner writes it: "time.sleep"
    advice: Callable[[tuple, dict], str]
    method: bool = False  # a socket method: allowed on a non-blocking socket


_SUBPROCESS = _fixed(
    "`proc = await asyncio.create_subprocess_exec(...)` and `await proc.communicate()`, or "
    "`await asyncio.to_thread(subprocess.run, ...)`"
)

_TARGETS: tuple[_Target, ...] = (
    _Target(time, "sleep", "time.sleep", _sleep_advice),
    *(
        _Target(socket.socket, name, f"socket.{name}", _fixed(_STREAMS), method=True)
        for name in (
            "connect",
            "connect_ex",
            "accept",
            "recv",
            "recv_into",
            "recvfrom",
            "send",
            "sendall",
            "sendto",
        )
    ),
    _Target(
        socket,
        "create_connection",
        "socket.create_connection",
        _fixed("`reader, writer = await asyncio.open_connection(host, port)`"),
    ),
    _Target(
        socket,
        "getaddrinfo",
        "socket.getaddrinfo",
        _fixed("`await asyncio.get_running_loop().getaddrinfo(host, port)`"),
    ),
    _Target(
        select,
        "select",
        "select.select",
        _fixed(
            "let the event loop do the waiting: asyncio streams, or `loop.add_reader(fd, callback)`"
        ),
    ),
    _Target(subprocess, "run", "subprocess.run", _SUBPROCESS),
    _Target(subprocess, "call", "subprocess.call", _SUBPROCESS),
    _Target(subprocess, "check_output", "subprocess.check_output", _SUBPROCESS),
    _Target(builtins, "input", "input", _fixed("`await asyncio.to_thread(input, prompt)`")),
)

_patch_lock = threading.Lock()
_patch_users = 0
# (owner, attribute, what was there before, whether the owner had its own attribute)
_patched: list[tuple[Any, str, Any, bool]] = []


def _guarding_loop() -> VirtualTimeLoop | None:
    """The virtual loop running callbacks on this thread with its guard on, if any."""
    loop = asyncio.events._get_running_loop()
    if isinstance(loop, VirtualTimeLoop) and loop.guarding:
        return loop
    return None


def _nonblocking(sock: Any) -> bool:
    try:
        return sock.gettimeout() == 0.0
    except Exception:
        return False


def _guarded(original: Callable, target: _Target) -> Callable:
    def guarded(*args, **kwargs):
        loop = _guarding_loop()
        if loop is None or (target.method and args and _nonblocking(args[0])):
            return original(*args, **kwargs)
        raise loop._blocking_call(target, args, kwargs, sys._getframe(1))

    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        with contextlib.suppress(AttributeError, TypeError):
            setattr(guarded, name, getattr(original, name))
    guarded.__wrapped__ = original  # type: ignore[attr-defined]
    guarded._vtime_guard = True  # type: ignore[attr-defined]
    return guarded


def _install_guard() -> None:
    global _patch_users
    with _patch_lock:
        _patch_users += 1
        if _patch_users > 1:
            return
        replaced: dict[int, Callable] = {}
        for target in _TARGETS:
            owner = target.owner
            original = getattr(owner, target.attr)
            if getattr(original, "_vtime_guard", False):  # left over by a crashed run
                original = original.__wrapped__
            own = target.attr in vars(owner)
            wrapper = _guarded(original, target)
            setattr(owner, target.attr, wrapper)
            _patched.append((owner, target.attr, original, own))
            if not target.method:
                replaced[id(original)] = wrapper
        # `from time import sleep` in learner code binds the original: patch those names too.
        for name, module in list(sys.modules.items()):
            if module is None or not name.startswith(GUARDED_MODULE_PREFIXES):
                continue
            try:
                namespace = vars(module)
            except TypeError:
                continue
            for attr, value in list(namespace.items()):
                wrapper = replaced.get(id(value))
                if wrapper is not None and value is wrapper.__wrapped__:
                    namespace[attr] = wrapper
                    _patched.append((module, attr, value, True))


def _remove_guard() -> None:
    global _patch_users
    with _patch_lock:
        _patch_users -= 1
        if _patch_users > 0:
            return
        while _patched:
            owner, attr, original, own = _patched.pop()
            if own:
                setattr(owner, attr, original)
            else:
                delattr(owner, attr)


def _format_call(target: _Target, args: tuple, kwargs: dict) -> str:
    shown = list(args[1:] if target.method else args)
    parts = [_repr.repr(a) for a in shown] + [f"{k}={_repr.repr(v)}" for k, v in kwargs.items()]
    return f"{target.shown}({', '.join(parts)})"


def _blocking_call_error(
    loop: VirtualTimeLoop, target: _Target, args: tuple, kwargs: dict, frame: Any
) -> BlockingCallError:
    call = _format_call(target, args, kwargs)
    if target.method:
        call += " on a blocking socket"
    code = frame.f_code
    where = (
        f"in `{getattr(code, 'co_qualname', code.co_name)}` at "
        f"{_where(code.co_filename, frame.f_lineno)}"
    )
    source = _source(code.co_filename, frame.f_lineno)
    if source:
        where += f" (`{source}`)"
    task = asyncio.current_task(loop)
    if task is not None:
        inside = f"task {task.get_name()!r} (coroutine `{_qualname(task.get_coro())}`)"
    else:
        inside = "a callback the event loop ran (not inside a task)"
    message = (
        f"{call} blocks the event loop. It was called {where}, inside {inside}, at virtual "
        f"time {loop.time():.6f} s. While it runs no other task moves: every timer, every "
        f"reply and every cancellation waits behind it. Use {target.advice(args, kwargs)} "
        f"instead. {_LATER}"
    )
    return BlockingCallError(message, call)


# -- running a program ------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a run gave: the result of ``main``, the virtual seconds it took, and what it left.

    ``elapsed`` is the virtual time when ``main`` finished, rounded to microseconds.
    ``leftover`` describes the tasks still pending at that moment (then cancelled), and
    ``loop_errors`` the problems the loop reported, such as "Task exception was never
    retrieved".
    """

    result: Any
    elapsed: float
    leftover: tuple[str, ...]
    loop_errors: tuple[str, ...]
    steps: int
    real_waits: int


def now() -> float:
    """The running loop's time, rounded to microseconds (call it inside a coroutine)."""
    return round(asyncio.get_running_loop().time(), 6)


def run(
    main: Callable[..., Coroutine[Any, Any, Any]] | Coroutine[Any, Any, Any],
    /,
    *args: Any,
    time_limit: float = DEFAULT_TIME_LIMIT,
    step_limit: int = DEFAULT_STEP_LIMIT,
    thread_wait: float = DEFAULT_THREAD_WAIT,
    guard: bool = True,
) -> Outcome:
    """Run ``main(*args)`` on a fresh ``VirtualTimeLoop`` with the blocking-call guard on.

    Returns an ``Outcome``; an exception ``main`` raises is raised here, after the loop has
    been cleaned up. A blocking call is raised even if the code caught it. Every patch is
    removed and the loop closed before this returns or raises.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise RuntimeError(
            "vtime.run() starts its own event loop, so it cannot be called from a coroutine; "
            "write the test as a plain `def test_...():` that calls run(main)."
        )
    if inspect.iscoroutine(main):
        if args:
            raise TypeError("pass run() a coroutine function and its arguments, not a coroutine")
        coro = main
    elif callable(main):
        coro = main(*args)
        if not inspect.iscoroutine(coro):
            raise TypeError(
                f"run(main) needs an async function; {_qualname(main)}(...) returned "
                f"{_repr.repr(coro)}, not a coroutine."
            )
    else:
        raise TypeError(f"run() needs an async function, got {_repr.repr(main)}")

    loop = VirtualTimeLoop(time_limit=time_limit, step_limit=step_limit, thread_wait=thread_wait)
    errors: list[str] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(_context_text(context)))
    try:
        # Inside the try: an install that fails half way is undone by the same finally.
        if guard:
            _install_guard()
        loop.guarding = guard
        task = loop.create_task(coro, name="main")
        primary: BaseException | None = None
        result = None
        try:
            result = loop.run_until_complete(task)
        except BaseException as error:
            primary = error
        elapsed = round(loop.time(), 6)
        leftover = tuple(describe_task(t) for t in _pending(loop))
        steps, real_waits = loop.steps, loop.real_waits
        _clean_up(loop)
        if loop.blocking_calls:
            first = loop.blocking_calls[0]
            if primary is None or _holds(primary, first):
                raise first from None  # the report says it all; the group around it adds noise
            raise first from primary  # caught and ignored, and then something else went wrong
        if primary is not None:
            raise primary
        return Outcome(result, elapsed, leftover, tuple(errors), steps, real_waits)
    finally:
        loop.guarding = False
        if not loop.is_closed():
            loop.close()
        if guard:
            _remove_guard()
        if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
            coro.close()  # never started (the run failed first): no "never awaited" warning


def _holds(error: BaseException | None, inner: BaseException, depth: int = 0) -> bool:
    """Whether ``error`` is ``inner`` or came from it: inside an exception group, or raised
    while handling it (``__cause__``, ``__context__``)."""
    if error is None or depth > 50:
        return False
    if error is inner:
        return True
    if isinstance(error, BaseExceptionGroup) and any(
        _holds(e, inner, depth + 1) for e in error.exceptions
    ):
        return True
    return _holds(error.__cause__, inner, depth + 1) or _holds(error.__context__, inner, depth + 1)


def _clean_up(loop: VirtualTimeLoop) -> None:
    """Cancel what the run left pending, then close async generators and the thread pool.

    A task that will not end (it swallows its cancellation and waits again) is left behind:
    the step limit and the deadlock check stop this instead of hanging.
    """
    loop.steps = 0
    loop.step_limit = TEARDOWN_STEP_LIMIT
    pending = _pending(loop)
    for task in pending:
        task.cancel()
    stages: list[Callable[[], Any]] = [
        lambda: loop.shutdown_asyncgens(),
        lambda: loop.shutdown_default_executor(),
    ]
    if pending:
        stages.insert(0, lambda: asyncio.gather(*pending, return_exceptions=True))
    for stage in stages:
        with contextlib.suppress(VirtualLoopError):
            loop.run_until_complete(stage())
    if loop._default_executor is not None:  # a thread that would not finish
        loop._default_executor.shutdown(wait=False, cancel_futures=True)


def _context_text(context: dict[str, Any]) -> str:
    message = str(context.get("message", "unhandled exception in the event loop"))
    exception = context.get("exception")
    if exception is not None:
        message += f": {type(exception).__name__}: {exception}"
    return message


# -- recording fake calls ---------------------------------------------------------------------


@dataclass
class Call:
    """One fake call: its key, virtual start and end (``None`` while running) and how it ended.

    ``outcome`` is "running", "returned", "raised" or "cancelled".
    """

    key: Hashable
    start: float
    end: float | None = None
    outcome: str = "running"
    error: BaseException | None = None


class _Tracking:
    def __init__(self, recorder: Recorder, key: Hashable) -> None:
        self.recorder = recorder
        self.key = key
        self.call: Call | None = None

    def __enter__(self) -> Call:
        self.call = self.recorder._started(self.key)
        return self.call

    def __exit__(self, kind, error, tb) -> None:
        assert self.call is not None
        if kind is None:
            outcome = "returned"
        elif issubclass(kind, asyncio.CancelledError):
            outcome = "cancelled"
        else:
            outcome = "raised"
        self.recorder._ended(self.call, outcome, error)


class Recorder:
    """The virtual start and end of every fake call, and how many ran at once at the peak."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.in_flight = 0
        self.peak = 0

    def track(self, key: Hashable) -> _Tracking:
        """A context manager around one call: ``with recorder.track(url): await ...``."""
        return _Tracking(self, key)

    def _started(self, key: Hashable) -> Call:
        call = Call(key, now())
        self.calls.append(call)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        return call

    def _ended(self, call: Call, outcome: str, error: BaseException | None) -> None:
        call.end = now()
        call.outcome = outcome
        call.error = error if outcome == "raised" else None
        self.in_flight -= 1

    def of(self, key: Hashable) -> list[Call]:
        """Every call made with ``key``, in the order they started."""
        return [c for c in self.calls if c.key == key]

    @property
    def unfinished(self) -> list[Call]:
        return [c for c in self.calls if c.end is None]

    def timeline(self, limit: int = 30) -> str:
        """The calls as text, one per line in start order: key, start -> end, outcome."""
        if not self.calls:
            return "  (no calls were made)"
        width = max(len(str(c.key)) for c in self.calls[:limit])
        lines = []
        for c in self.calls[:limit]:
            end = "  ...  " if c.end is None else f"{c.end:7.3f}"
            what = c.outcome if c.error is None else f"raised {type(c.error).__name__}"
            lines.append(f"  {c.key!s:<{width}}  {c.start:7.3f} -> {end}  {what}")
        if len(self.calls) > limit:
            lines.append(f"  ... and {len(self.calls) - limit} more calls")
        return "\n".join(lines)


__all__ = [
    "DEFAULT_STEP_LIMIT",
    "DEFAULT_THREAD_WAIT",
    "DEFAULT_TIME_LIMIT",
    "BlockingCallError",
    "Call",
    "DeadlockError",
    "Outcome",
    "Recorder",
    "RunawayError",
    "ThreadWaitError",
    "VirtualLoopError",
    "VirtualTimeLoop",
    "describe_task",
    "now",
    "run",
]
