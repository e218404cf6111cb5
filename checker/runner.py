"""Run one kata's tests in a caged pytest subprocess and return what happened, as data.

Never ``pytest.main()`` in-process (pytest #3143: imports are cached, edits go unseen); the
subprocess is also the learner code's cage. It runs in its own session (so a hung run is killed
with everything it started), with capped memory and file size, its output sent to a file, and
a watchdog on the plugin's event stream: a run that stops making progress is killed and
reported as hung, naming the test that was running. This module never prints.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from checker.manifest import Curriculum, Kata, WrongFixture

DEFAULT_TEST_TIMEOUT = 10.0  # seconds per test; mirrors `timeout` in pyproject.toml
GRACE = 5.0  # seconds of silence beyond a test's own timeout before the watchdog acts
EXIT_GRACE = 3.0  # seconds a finished run may take to exit before it counts as stuck
MEMORY_MB = 4096
OUTPUT_MB = 64
OUTPUT_TAIL = 2000
POLL = 0.02

STUB = "stub"
SOLUTION = "solution"


@dataclass(frozen=True)
class Where:
    path: str
    line: int | None
    code: str = ""
    function: str = ""


@dataclass(frozen=True)
class Failure:
    """Why a test, or a whole run, failed. ``kind`` names the learner-facing explanation."""

    kind: str
    message: str = ""
    exc_type: str = ""
    where: Where | None = None
    test_where: Where | None = None
    output: str = ""
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # a result, not a test class for pytest to collect

    nodeid: str
    outcome: str  # passed | failed | skipped
    function: str
    params: str | None = None
    cls: str | None = None
    doc: str | None = None
    path: str = ""
    line: int | None = None
    duration: float = 0.0
    failure: Failure | None = None

    @property
    def name(self) -> str:
        """The test's name as pytest shows it, without the file: ``test_x[case]``."""
        return self.nodeid.split("::")[-1]


@dataclass(frozen=True)
class KataRun:
    kata: str
    impl: str
    tests: tuple[TestResult, ...]
    collected: int | None
    problem: Failure | None  # the run as a whole went wrong (import error, crash, hang ...)
    exit_code: int | None
    seconds: float

    @property
    def passed(self) -> bool:
        return (
            self.problem is None
            and bool(self.tests)
            and self.collected == len(self.tests)
            and all(t.outcome == "passed" for t in self.tests)
        )

    @property
    def failed_tests(self) -> tuple[TestResult, ...]:
        return tuple(t for t in self.tests if t.outcome != "passed")

    @property
    def first_failure(self) -> tuple[TestResult | None, Failure] | None:
        """The failure to explain first: a whole-run problem, else the first failing test."""
        for test in self.tests:
            if test.outcome == "failed" and test.failure is not None:
                return test, test.failure
        if self.problem is not None:
            return None, self.problem
        for test in self.tests:
            if test.outcome != "passed":
                return test, Failure(kind="skipped", message=f"{test.name} was skipped")
        return None


def impl_label(impl: str | WrongFixture) -> str:
    return impl if isinstance(impl, str) else f"wrong/{impl.name}"


def run_kata(
    curriculum: Curriculum,
    kata: Kata,
    impl: str | WrongFixture = STUB,
    *,
    fail_fast: bool = True,
    grace: float = GRACE,
    memory_mb: int = MEMORY_MB,
    output_mb: int = OUTPUT_MB,
) -> KataRun:
    """Run ``kata``'s tests against the stub, the solution or one known-wrong fixture."""
    root = curriculum.root
    label = impl_label(impl)
    started = time.monotonic()
    missing = _missing_file(root, kata, impl)
    if missing is not None:
        return KataRun(kata.id, label, (), None, missing, None, 0.0)
    if isinstance(impl, WrongFixture):
        impl_arg = f"{kata.import_name}={impl.path.as_posix()}"
    else:
        impl_arg = impl
    test_timeout = kata.timeout or DEFAULT_TEST_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="katas-run-") as scratch:
        report = Path(scratch) / "events.jsonl"
        output = Path(scratch) / "output.txt"
        report.touch()
        command = [
            sys.executable,
            "-m",
            "pytest",
            kata.tests.as_posix(),
            "-p",
            "checker.plugin",
            f"--katas-report={report}",
            f"--katas-impl={impl_arg}",
            f"--katas-limits={memory_mb},{output_mb}",
            f"--katas-parent={os.getpid()}",
            f"--timeout={test_timeout:g}",
            "-q",
            "--tb=no",
            "--no-header",
            "--color=no",
            "-p",
            "no:cacheprovider",
            "-W",
            "ignore::pytest.PytestUnraisableExceptionWarning",
            *(["-x"] if fail_fast else []),
            *_without_unused_plugins(root / kata.tests),
        ]
        with open(output, "wb") as sink:
            proc = subprocess.Popen(
                command,
                cwd=root,
                env=_child_env(),
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            watch = _Watch(report, default_timeout=test_timeout, grace=grace)
            try:
                verdict = watch.until_exit(proc)
            except BaseException:
                # Ctrl-C or an error in the checker: never leave learner code running.
                _kill(proc)
                raise
        events = watch.events
        tail = _tail(output)
    return _summarize(
        kata, label, events, proc.returncode, verdict, tail, time.monotonic() - started
    )


# -- the watchdog -----------------------------------------------------------------------------


class _Watch:
    """Follows the event stream while the run lives; kills it when it stops making progress."""

    def __init__(self, report: Path, *, default_timeout: float, grace: float) -> None:
        self.default_timeout = default_timeout
        self.grace = grace
        self.events: list[dict] = []
        # Opened once: the plugin only appends, so each poll reads on from where the last ended.
        self._stream = open(report, "rb")  # noqa: SIM115 - closed when the run ends
        self._partial = b""

    def until_exit(self, proc: subprocess.Popen) -> str | None:
        """Wait for ``proc``; return None, or "hung" / "would-not-exit" if it had to be killed."""
        try:
            return self._follow(proc)
        finally:
            self._stream.close()

    def _follow(self, proc: subprocess.Popen) -> str | None:
        last_progress = time.monotonic()
        finished_at: float | None = None
        allowed = self.default_timeout + self.grace
        while True:
            try:
                proc.wait(timeout=POLL)
                self._read()
                return None
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            for event in self._read():
                last_progress = now
                kind = event.get("event")
                if kind == "start":
                    allowed = (event.get("timeout") or self.default_timeout) + self.grace
                elif kind in ("result", "collected", "collect-error"):
                    allowed = self.default_timeout + self.grace
                elif kind == "finish":
                    finished_at = now
            if finished_at is not None and now - finished_at > EXIT_GRACE:
                _kill(proc)
                return "would-not-exit"
            if finished_at is None and now - last_progress > allowed:
                _kill(proc)
                return "hung"

    def _read(self) -> list[dict]:
        data = self._partial + self._stream.read()
        lines = data.split(b"\n")
        self._partial = lines.pop()  # an unfinished line, if the writer was cut off mid-line
        fresh = []
        for line in lines:
            try:
                fresh.append(json.loads(line))
            except ValueError:
                continue
        self.events.extend(fresh)
        return fresh


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.wait()


# -- turning events into a KataRun ------------------------------------------------------------


def _summarize(
    kata: Kata,
    label: str,
    events: list[dict],
    returncode: int,
    verdict: str | None,
    tail: str,
    seconds: float,
) -> KataRun:
    results: dict[str, TestResult] = {}
    started: list[str] = []
    collected: int | None = None
    problem: Failure | None = None
    finished = False
    for event in events:
        kind = event.get("event")
        if kind == "collected":
            collected = event.get("count")
        elif kind == "start":
            started.append(event["nodeid"])
        elif kind == "collect-error" and problem is None:
            problem = _failure(event.get("failure"))
        elif kind == "result":
            result = _result(event)
            earlier = results.get(result.nodeid)
            # A test that passed its call but failed teardown has failed; keep the first failure.
            if earlier is None or (earlier.outcome == "passed" and result.outcome != "passed"):
                results[result.nodeid] = result
        elif kind == "finish":
            finished = True
    running = next((n for n in reversed(started) if n not in results), None)
    if problem is None:
        problem = _run_problem(returncode, verdict, finished, collected, tail)
    if running is not None and problem is not None:
        # The run died inside this test: it is the test that failed, with the run's problem.
        results[running] = TestResult(
            nodeid=running,
            outcome="failed",
            function=running.split("::")[-1].split("[")[0],
            failure=problem,
        )
    return KataRun(kata.id, label, tuple(results.values()), collected, problem, returncode, seconds)


def _run_problem(
    returncode: int,
    verdict: str | None,
    finished: bool,
    collected: int | None,
    tail: str,
) -> Failure | None:
    phase = "while importing the kata" if collected is None else "while a test was running"
    if verdict == "hung":
        return Failure(
            "hung", f"the run stopped making progress {phase} and was stopped", output=tail
        )
    if verdict == "would-not-exit":
        return Failure(
            "would-not-exit",
            "the tests finished but the process could not exit: a thread your code started "
            "is still running",
            output=tail,
        )
    if returncode is not None and returncode < 0:
        sig = -returncode
        if sig == signal.SIGXFSZ:
            return Failure(
                "output-flood", f"wrote more than {OUTPUT_MB} MiB of output", output=tail
            )
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        return Failure(
            "crashed",
            f"the test process was killed by {name} {phase}",
            output=tail,
            details={"signal": name},
        )
    if not finished:
        return Failure(
            "crashed",
            f"the test process ended abruptly {phase} (exit status {returncode}), "
            "as os._exit() or a crash in native code would",
            output=tail,
            details={"exit_status": returncode},
        )
    if returncode == 5 or collected == 0:
        return Failure(
            "no-tests", "pytest collected no tests from this kata's test file", output=tail
        )
    if returncode in (3, 4):
        return Failure(
            "internal", f"pytest could not run the tests (exit status {returncode})", output=tail
        )
    return None


def _result(event: dict) -> TestResult:
    test = event.get("test") or {}
    return TestResult(
        nodeid=event["nodeid"],
        outcome=event.get("outcome", "failed"),
        function=test.get("function") or event["nodeid"].split("::")[-1],
        params=test.get("params"),
        cls=test.get("cls"),
        doc=test.get("doc"),
        path=test.get("path", ""),
        line=test.get("line"),
        duration=float(event.get("duration") or 0.0),
        failure=_failure(event.get("failure")),
    )


def _failure(data: dict | None) -> Failure | None:
    if not data:
        return None
    known = {"kind", "message", "exc_type", "where", "test_where", "output"}
    details = {k: v for k, v in data.items() if k not in known}
    column = (data.get("where") or {}).get("column")
    if column is not None:
        details["column"] = column  # where a syntax error's caret goes
    return Failure(
        kind=data.get("kind", "exception"),
        message=data.get("message", ""),
        exc_type=data.get("exc_type", ""),
        where=_where(data.get("where")),
        test_where=_where(data.get("test_where")),
        output=data.get("output", ""),
        details=details,
    )


def _where(data: dict | None) -> Where | None:
    if not data:
        return None
    return Where(
        str(data.get("path", "")),
        data.get("line"),
        data.get("code") or "",
        data.get("function") or "",
    )


def _missing_file(root: Path, kata: Kata, impl: str | WrongFixture) -> Failure | None:
    if not (root / kata.tests).is_file():
        return Failure("tests-missing", str(kata.tests), details={"path": kata.tests.as_posix()})
    needed = (
        {STUB: kata.stub, SOLUTION: kata.solution}.get(impl) if isinstance(impl, str) else impl.path
    )
    if needed is not None and not (root / needed).is_file():
        kind = "stub-missing" if impl == STUB else "impl-missing"
        return Failure(kind, str(needed), details={"path": needed.as_posix()})
    return None


def _without_unused_plugins(tests: Path) -> list[str]:
    """Leave hypothesis' pytest plugin out of runs whose tests never use hypothesis.

    Its terminal summary imports all of hypothesis at the end of every run (about 0.2 s idle,
    over 1 s on a busy machine), and the runner never reads the terminal anyway.
    """
    try:
        uses = "hypothesis" in tests.read_text(encoding="utf-8", errors="replace")
    except OSError:
        uses = True
    return [] if uses else ["-p", "no:hypothesispytest"]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The learner's shell must not change what a check means.
    for name in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_CURRENT_TEST", "PYTHONSTARTUP"):
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _tail(path: Path) -> str:
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            stream.seek(max(0, size - OUTPUT_TAIL))
            return stream.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
