"""The checker's pytest plugin: solution switch, hypothesis profiles, and a result stream.

Loaded in every pytest run of the workbook (``addopts = -p checker.plugin``), so a learner's
plain ``pytest katas/stage1_foundations`` behaves like ``katas check``.

- **Solution switch** ``--katas-impl``: ``stub`` (default: the learner's code), ``solution``
  (every ``katas.<stage>.<module>`` import loads ``solutions/<stage>/<module>.py`` instead), or
  ``katas.<stage>.<module>=<path>`` to load one known-wrong fixture in place of that module.
  The test files run unchanged; only the module they import changes.
- **Hypothesis profiles** ``dev`` and ``ci`` (derandomized, no example database); ``ci`` is
  chosen when the environment says ``CI=true``. Neither has a deadline: grading never depends
  on the wall clock.
- **Schedule replay** ``--katas-replay=N:choices``: run exactly the thread schedule a stage-4
  failure printed (see ``checker/harness/schedule.py``).
- **Result stream** ``--katas-report=FILE``: one JSON object per line, appended and flushed as
  the run goes, so the runner knows how far a run got even when learner code kills the process.
  Events: ``session``, ``collect-error``, ``collected``, ``start``, ``result``, ``finish``.
"""

from __future__ import annotations

import errno
import importlib.abc
import importlib.util
import json
import os
import re
import sys
import traceback
from pathlib import Path

import pytest

REPORT_OPTION = "--katas-report"
LIMITS_OPTION = "--katas-limits"
PARENT_OPTION = "--katas-parent"
IMPL_OPTION = "--katas-impl"
REPLAY_OPTION = "--katas-replay"
MAX_MESSAGE = 4000
MAX_OUTPUT = 2000
TIMEOUT_PREFIX = "Timeout (>"  # pytest-timeout's failure message


# -- hooks, in life-cycle order ---------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("katas", "backend-katas checker")
    group.addoption(
        IMPL_OPTION,
        default="stub",
        metavar="IMPL",
        help="what the kata tests import: 'stub' (default), 'solution', "
        "or 'katas.<stage>.<module>=<path>' for one known-wrong fixture.",
    )
    group.addoption(
        REPLAY_OPTION,
        default=None,
        metavar="TOKEN",
        help="replay one thread schedule that a stage-4 failure printed (its token: N:choices).",
    )
    group.addoption(
        LIMITS_OPTION,
        default=None,
        metavar="MEM_MB,FILE_MB",
        help="cap this process's address space and the size of any file it writes (MiB).",
    )
    group.addoption(
        PARENT_OPTION,
        default=None,
        type=int,
        metavar="PID",
        help="end this run if process PID (the checker that started it) goes away.",
    )
    group.addoption(
        REPORT_OPTION,
        default=None,
        metavar="FILE",
        help="append one JSON line per collection error and test result to FILE.",
    )


def pytest_configure(config: pytest.Config) -> None:
    _apply_limits(config.getoption(LIMITS_OPTION))
    _watch_parent(config.getoption(PARENT_OPTION))
    root = config.rootpath
    finder = _finder_for(config.getoption(IMPL_OPTION), root)
    if finder is not None:
        sys.meta_path.insert(0, finder)
        config.add_cleanup(lambda: sys.meta_path.remove(finder))
    replay = config.getoption(REPLAY_OPTION)
    impl = config.getoption(IMPL_OPTION)
    if replay is not None or impl != "stub":
        # Failures print a replay command; it must name the same implementation.
        from checker.harness import schedule

        if replay is not None and not re.fullmatch(r"\d+:[\dx.\-]*", replay):
            raise pytest.UsageError(
                f"{REPLAY_OPTION}={replay!r}: paste the token from the failure message, as in "
                f"{REPLAY_OPTION}=0:1.0x4.2"
            )
        schedule.configure(replay=replay, impl=impl)
        config.add_cleanup(schedule.configure)
    path = config.getoption(REPORT_OPTION)
    if path:
        # Absolute now: learner code may chdir, and later events must reach the same file.
        stream = _Stream(Path(path).absolute(), root)
        config.pluginmanager.register(stream, "katas-report")
        stream.emit(event="session", impl=config.getoption(IMPL_OPTION), pid=os.getpid())


# -- the cage --------------------------------------------------------------------------------


def _apply_limits(spec: str | None) -> None:
    """Cap memory and file size before any learner code is imported (the runner asks for it).

    Set here rather than in a ``preexec_fn``, which is unsafe while the runner's threads run
    other katas in parallel.
    """
    if not spec:
        return
    import resource

    try:
        memory_mb, file_mb = (int(part) for part in spec.split(","))
    except ValueError:
        raise pytest.UsageError(
            f"{LIMITS_OPTION}={spec!r}: use two whole numbers of MiB, as in "
            f"{LIMITS_OPTION}=4096,64 (memory, then the largest file a test may write)"
        ) from None
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_mb << 20, file_mb << 20))


def _watch_parent(pid: int | None) -> None:
    """Exit when the checker that started this run is gone, even if it was SIGKILLed.

    The run lives in its own session so the checker can kill it with everything it started;
    the price is that the terminal no longer ends it. Without this watch, learner code in an
    endless loop would outlive a killed checker and spin forever.
    """
    if pid is None:
        return
    import threading
    import time

    def watch() -> None:
        while os.getppid() == pid:
            time.sleep(0.5)
        os._exit(70)

    threading.Thread(target=watch, name="katas-parent-watch", daemon=True).start()


# -- the solution switch ----------------------------------------------------------------------


class _Redirect(importlib.abc.MetaPathFinder):
    """Load another file under a kata module's import name (``katas.<stage>.<module>``)."""

    def __init__(self, root: Path, solutions: bool, overrides: dict[str, Path]) -> None:
        self.root = root
        self.solutions = solutions
        self.overrides = overrides

    def find_spec(self, fullname, path=None, target=None):
        file = self.overrides.get(fullname)
        if file is None and self.solutions:
            parts = fullname.split(".")
            if len(parts) == 3 and parts[0] == "katas" and not parts[2].startswith("test_"):
                candidate = self.root / "solutions" / parts[1] / f"{parts[2]}.py"
                if candidate.is_file():
                    file = candidate
        if file is None:
            return None
        return importlib.util.spec_from_file_location(fullname, file)


def _finder_for(impl: str, root: Path) -> _Redirect | None:
    if impl == "stub":
        return None
    if impl == "solution":
        return _Redirect(root, solutions=True, overrides={})
    module, sep, file = impl.partition("=")
    if not sep or not re.fullmatch(r"katas\.\w+\.\w+", module):
        raise pytest.UsageError(
            f"{IMPL_OPTION}={impl!r}: use 'stub', 'solution' or "
            "'katas.<stage>.<module>=<path to a known-wrong fixture>'"
        )
    path = (root / file).resolve()
    if not path.is_file():
        raise pytest.UsageError(f"{IMPL_OPTION}: {file} does not exist under {root}")
    return _Redirect(root, solutions=False, overrides={module: path})


# -- hypothesis profiles ----------------------------------------------------------------------


def register_hypothesis_profiles() -> None:
    """Register ``dev`` and ``ci`` and load one; runs when hypothesis is first imported.

    Declared as a ``hypothesis`` entry point in pyproject.toml, so a kata that does not use
    hypothesis does not pay for importing it (the runner also leaves hypothesis' own pytest
    plugin out of such runs: it imports hypothesis at the end of every run). A
    ``--hypothesis-profile`` option still wins: hypothesis loads it after this hook has run.
    """
    from hypothesis import Phase, settings

    # No deadline in either profile: a test must never fail because the machine was busy.
    # No explain phase: it re-runs a failing example under sys.settrace (seconds on 3.11), and a
    # wrong submission must fail fast; the falsifying example is reported either way.
    phases = [phase for phase in Phase if phase is not Phase.explain]
    settings.register_profile("dev", deadline=None, print_blob=True, phases=phases)
    settings.register_profile(
        "ci", deadline=None, print_blob=True, derandomize=True, database=None, phases=phases
    )
    settings.load_profile("ci" if _truthy(os.environ.get("CI")) else "dev")


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


# -- the result stream ------------------------------------------------------------------------


class _Stream:
    """Writes the run's events as JSON lines, flushed one by one."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path = path
        self.root = root

    def emit(self, **event) -> None:
        line = json.dumps(event, ensure_ascii=False)
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(self, collector):
        report = yield
        call = report.__dict__.get("call")
        if report.failed and call is not None and call.excinfo is not None:
            exc = call.excinfo.value
            # pytest wraps import errors in CollectError; the learner's error is the cause.
            cause = exc.__cause__ if isinstance(exc, collector.CollectError) else None
            failure = describe(cause or exc, self.root)
            if cause is None and isinstance(exc, collector.CollectError):
                failure["message"] = _clip(str(exc), MAX_MESSAGE)
            self.emit(event="collect-error", nodeid=report.nodeid, failure=failure)
        return report

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.emit(event="collected", count=len(session.items))

    def pytest_runtest_protocol(self, item: pytest.Item, nextitem) -> None:
        # Tell the runner how long this test may legitimately run before pytest-timeout acts.
        self.emit(event="start", nodeid=item.nodeid, timeout=_timeout_of(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = yield
        if report.failed and call.excinfo is not None:
            report.katas_failure = describe(call.excinfo.value, self.root)
        report.katas_test = {
            "function": getattr(item, "originalname", item.name),
            "cls": item.cls.__name__ if getattr(item, "cls", None) else None,
            "params": item.callspec.id if hasattr(item, "callspec") else None,
            "doc": _first_line(getattr(getattr(item, "function", None), "__doc__", None)),
            "path": item.location[0],
            "line": item.location[1] + 1,
        }
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # One "result" per test: the call phase, or a failing setup/teardown, or a skip in setup.
        if report.when == "call" or report.failed or (report.when == "setup" and report.skipped):
            failure = getattr(report, "katas_failure", None)
            if failure is not None:
                output = (report.capstdout + report.capstderr).strip()
                failure["output"] = _clip_tail(output, MAX_OUTPUT)
            self.emit(
                event="result",
                nodeid=report.nodeid,
                when=report.when,
                outcome=report.outcome,
                duration=round(report.duration, 6),
                test=getattr(report, "katas_test", None),
                failure=failure,
            )

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus) -> None:
        self.emit(event="finish", exitstatus=int(exitstatus))


def _timeout_of(item: pytest.Item) -> float | None:
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0])
    if marker is not None and "timeout" in marker.kwargs:
        return float(marker.kwargs["timeout"])
    value = item.config.getoption("timeout", default=None)
    if value is None:
        value = item.config.getini("timeout")
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


# -- describing a failure ---------------------------------------------------------------------

_MISSING_NAME = re.compile(r"cannot import name '(\w+)' from '([\w.]+)'")
_MISSING_ATTR = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")


def describe(exc: BaseException, root: Path) -> dict:
    """What went wrong, as data: kind, exception type, message and where, in the learner's terms.

    ``where`` is the deepest frame in learner code (a kata stub, or the solution or fixture
    standing in for it); ``test_where`` is the deepest frame in a kata's test file.
    """
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    learner = [f for f in frames if _is_learner_file(f.filename, root)]
    tests = [f for f in frames if _is_test_file(f.filename, root)]
    where = _frame(learner[-1], root) if learner else None
    test_where = _frame(tests[-1], root) if tests else None
    message = _message(exc)
    kind = "exception"
    extra: dict = {}
    if isinstance(exc, SyntaxError):
        kind = "syntax-error"
        where = {
            "path": _relative(exc.filename or "", root),
            "line": exc.lineno,
            "code": (exc.text or "").rstrip("\n"),
            "column": exc.offset,
        }
        message = exc.msg
    elif isinstance(exc, NotImplementedError) and learner and frames and frames[-1] is learner[-1]:
        kind = "not-started"
    elif isinstance(exc, ImportError | AttributeError) and (
        match := _MISSING_NAME.search(_text(exc)) or _MISSING_ATTR.search(_text(exc))
    ):
        name, module = (
            (match.group(1), match.group(2))
            if match.re is _MISSING_NAME
            else (match.group(2), match.group(1))
        )
        if module.startswith("katas."):
            kind = "missing-name"
            extra = {"name": name, "module": module}
        elif isinstance(exc, ImportError):
            kind = "import-error"
    elif isinstance(exc, ImportError):
        kind = "import-error"
    elif isinstance(exc, SystemExit):
        kind = "exited"
        extra = {"code": exc.code if isinstance(exc.code, int | None) else _text(exc.code)}
    elif isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        kind = "output-flood"
    elif isinstance(exc, MemoryError):
        kind = "memory"
    elif isinstance(exc, RecursionError):
        kind = "recursion"
    elif type(exc).__name__ == "Failed" and str(exc).startswith(TIMEOUT_PREFIX):
        kind = "timeout"
    elif isinstance(exc, AssertionError) and not (learner and frames and frames[-1] is learner[-1]):
        kind = "assertion"
    return {
        "kind": kind,
        "exc_type": type(exc).__name__,
        "message": message,
        "where": where,
        "test_where": test_where,
        **extra,
    }


def _message(exc: BaseException) -> str:
    text = f"SystemExit({_text(exc.code, repr)})" if isinstance(exc, SystemExit) else _text(exc)
    notes = [_text(note) for note in getattr(exc, "__notes__", None) or []]
    if notes:
        text = "\n".join([text, *notes]) if text else "\n".join(notes)
    return _clip(text, MAX_MESSAGE)


def _text(value: object, convert=str) -> str:
    """``str(value)``, or a placeholder when learner code made ``__str__`` raise.

    An exception escaping a reporting hook would end the whole run with pytest's INTERNALERROR.
    """
    try:
        return convert(value)
    except Exception:
        return f"<unprintable {type(value).__name__} object>"


def _is_learner_file(filename: str, root: Path) -> bool:
    path = Path(filename)
    if path.name.startswith("test_") or path.name == "conftest.py":
        return False
    return _under(path, root / "katas") or _under(path, root / "solutions")


def _is_test_file(filename: str, root: Path) -> bool:
    path = Path(filename)
    return path.name.startswith("test_") and _under(path, root / "katas")


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _relative(filename: str, root: Path) -> str:
    try:
        return Path(filename).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return filename


def _frame(frame: traceback.FrameSummary, root: Path) -> dict:
    return {
        "path": _relative(frame.filename, root),
        "line": frame.lineno,
        "code": frame.line or "",
        "function": frame.name,
    }


def _first_line(doc: str | None) -> str | None:
    if not doc or not doc.strip():
        return None
    return doc.strip().splitlines()[0].strip()


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n... ({len(text) - limit} more characters)"


def _clip_tail(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"... ({len(text) - limit} characters before)\n" + text[-limit:]
