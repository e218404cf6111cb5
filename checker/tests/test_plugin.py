"""Tests for checker/plugin.py: the solution switch, the result stream, failure kinds, profiles.

Every test runs pytest in a subprocess (``pytester.runpytest_subprocess``) on a tiny workbook
written into its own directory, so the plugin's import finder and resource limits never touch
this run. A run costs about a second, so tests that read the same run share it (``shared_run``).
"""

from __future__ import annotations

import json
import re
import resource
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

from checker.plugin import _finder_for

pytest_plugins = ["pytester"]

STAGE = "katas/stage1_x"
INI = """
    [pytest]
    pythonpath = .
    addopts = -p checker.plugin -p no:cacheprovider
    asyncio_default_fixture_loop_scope = function
"""
# The hypothesis pytest plugin imports all of hypothesis when a run ends (~0.8 s a run), so
# runs that do not exercise hypothesis leave it out.
NO_HYPOTHESIS = ("-p", "no:hypothesispytest")
RUN_TIMEOUT = 60  # seconds; a run that hangs is killed and this test fails
PYTESTER_OWN = {"stdout", "stderr"}  # where runpytest_subprocess keeps the run's output
T = TypeVar("T")

STUB = '''
    """Doubles numbers."""


    def double(n: int) -> int:
        """Return twice ``n``."""
        raise NotImplementedError
'''
TEST = """
    from katas.stage1_x.mod import double


    def test_doubles_three():
        assert double(3) == 6
"""
SOLUTION = '''
    """Doubles numbers."""


    def double(n: int) -> int:
        """Return twice ``n``."""
        return n + n
'''
WRONG = '''
    """Imitates katas.stage1_x.mod: squares instead of doubling."""


    def double(n: int) -> int:
        return n * n
'''
WRONG_PATH = "solutions/stage1_x/wrong/mod_bug.py"


# -- helpers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One pytest run in a subprocess: what it printed, the events it streamed, where it ran."""

    result: pytest.RunResult
    events: list[dict]
    path: Path

    def results(self, test: str) -> list[dict]:
        """The ``result`` events of ``test`` (``file::name`` inside the stage)."""
        nodeid = f"{STAGE}/{test}"
        return [e for e in self.events if e["event"] == "result" and e["nodeid"] == nodeid]

    def failure(self, test: str) -> dict:
        (failed,) = [e for e in self.results(test) if e["outcome"] == "failed"]
        return failed["failure"]

    def collect_error(self, file: str) -> dict:
        nodeid = f"{STAGE}/{file}"
        (error,) = [
            e for e in self.events if e["event"] == "collect-error" and e["nodeid"] == nodeid
        ]
        return error["failure"]


def workbook(pytester: pytest.Pytester, **files: str) -> None:
    """Write a workbook: the ini, ``katas/stage1_x`` with the stub and its test, and ``files``.

    ``files`` maps paths without ``.py`` (as ``solutions/stage1_x/mod``) to their source.
    """
    pytester.makefile(".ini", pytest=INI)
    pytester.mkpydir("katas")
    pytester.mkpydir(STAGE)
    pytester.makepyfile(**{f"{STAGE}/mod": STUB, f"{STAGE}/test_mod": TEST, **files})


def run(pytester: pytest.Pytester, *args: str, report: bool = True) -> Run:
    """Run pytest on the workbook with ``args``, streaming events unless ``report`` is False.

    The stream's path is relative, as a learner would type it, so a run whose tests change
    directory shows whether the events still reach the one file.
    """
    stream = pytester.path / "events.jsonl"
    stream.unlink(missing_ok=True)
    option = ("--katas-report=events.jsonl",) if report else ()
    result = pytester.runpytest_subprocess(*option, *args, timeout=RUN_TIMEOUT)
    lines = stream.read_text(encoding="utf-8").splitlines() if stream.exists() else []
    return Run(result, [json.loads(line) for line in lines], pytester.path)


def line_of(source: str, snippet: str) -> int:
    """The line of ``snippet`` in ``source`` as pytester writes it (dedented and stripped)."""
    lines = textwrap.dedent(source).strip().splitlines()
    (number,) = [n for n, line in enumerate(lines, 1) if snippet in line]
    return number


def shared_run(build: Callable[[pytest.Pytester, pytest.MonkeyPatch], T]):
    """A fixture whose run is made once, by the first test that asks, and read by the others.

    A run costs about a second, so one workbook with a test per failure kind runs once rather
    than once per kind, and each test still checks one behaviour.
    """
    runs: list[T] = []

    def fixture(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> T:
        if not runs:
            runs.append(build(pytester, monkeypatch))
        return runs[0]

    fixture.__doc__ = build.__doc__
    return pytest.fixture(name=build.__name__)(fixture)


def files_in(folder: Path) -> set[str]:
    """The workbook's files, leaving out what Python and pytester write themselves."""
    found = set()
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        if relative.parts[0].startswith("runpytest-") or relative.as_posix() in PYTESTER_OWN:
            continue
        found.add(relative.as_posix())
    return found


# -- the solution switch ----------------------------------------------------------------------

KATA_TEST = f"{STAGE}/test_mod.py"
PLAIN_TEST = """
    import resource
    import sys


    def test_nothing_is_redirected_or_capped():
        finders = [type(finder).__module__ for finder in sys.meta_path]
        assert "checker.plugin" not in finders
        assert resource.getrlimit(resource.RLIMIT_FSIZE) == {limit}
"""
DECOY_TEST = """
    def test_doubles_three():
        raise AssertionError("the copy in solutions/ ran instead of the kata's test")
"""


@pytest.fixture
def switch_workbook(pytester: pytest.Pytester) -> pytest.Pytester:
    workbook(pytester, **{"solutions/stage1_x/mod": SOLUTION, WRONG_PATH[:-3]: WRONG})
    return pytester


@shared_run
def plain_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> tuple[Run, set]:
    """The stub and a test of the process itself, run without any checker option.

    Returns the run and the workbook's files from before it.
    """
    workbook(pytester, **{"solutions/stage1_x/mod": SOLUTION})
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    pytester.makepyfile(**{f"{STAGE}/test_plain": PLAIN_TEST.format(limit=limit)})
    before = files_in(pytester.path)
    return run(pytester, *NO_HYPOTHESIS, report=False), before


@shared_run
def solution_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Run:
    """The kata's test against the solution, with a decoy test file beside the solution."""
    workbook(
        pytester,
        **{"solutions/stage1_x/mod": SOLUTION, "solutions/stage1_x/test_mod": DECOY_TEST},
    )
    return run(pytester, KATA_TEST, "--katas-impl=solution", *NO_HYPOTHESIS)


def test_the_stub_is_what_the_tests_import_by_default(plain_run):
    result = plain_run[0].result

    result.stdout.fnmatch_lines([f"FAILED {KATA_TEST}::test_doubles_three - NotImplementedError"])


def test_the_same_tests_pass_against_the_solution(solution_run):
    solution_run.result.assert_outcomes(passed=1)
    assert solution_run.events[0]["impl"] == "solution"


def test_test_modules_are_never_redirected_to_the_solutions_folder(solution_run):
    (result,) = solution_run.results("test_mod.py::test_doubles_three")

    assert result["outcome"] == "passed"
    solution_run.result.stdout.no_fnmatch_line("*the copy in solutions/ ran*")


def test_a_known_wrong_fixture_stands_in_for_its_kata_module(switch_workbook):
    impl = f"--katas-impl=katas.stage1_x.mod={WRONG_PATH}"

    result = run(switch_workbook, KATA_TEST, impl, *NO_HYPOTHESIS)

    result.result.assert_outcomes(failed=1)
    failure = result.failure("test_mod.py::test_doubles_three")
    assert failure["kind"] == "assertion"
    assert failure["message"].startswith("assert 9 == 6")


def test_a_bad_impl_value_is_a_usage_error_that_says_what_to_write(switch_workbook):
    result = run(switch_workbook, "--katas-impl=solutions", *NO_HYPOTHESIS)

    assert result.result.ret == pytest.ExitCode.USAGE_ERROR
    result.result.stderr.fnmatch_lines(
        [
            "ERROR: --katas-impl='solutions': use 'stub', 'solution' or "
            "'katas.<stage>.<module>=<path to a known-wrong fixture>'"
        ]
    )
    assert result.events == []


@pytest.mark.parametrize(
    "impl",
    ["katas.stage1_x.mod", f"mod={WRONG_PATH}", f"katas.mod={WRONG_PATH}", f"={WRONG_PATH}"],
    ids=["no-path", "not-a-kata-module", "no-stage", "no-module"],
)
def test_every_malformed_impl_value_is_refused(tmp_path, impl):
    # In process: the refusal comes before anything is installed, and a run costs a second.
    with pytest.raises(pytest.UsageError, match=re.escape(f"--katas-impl={impl!r}: use")):
        _finder_for(impl, tmp_path)


def test_a_missing_fixture_file_is_a_usage_error_that_names_it(switch_workbook):
    impl = "--katas-impl=katas.stage1_x.mod=solutions/stage1_x/wrong/gone.py"

    result = run(switch_workbook, impl, *NO_HYPOTHESIS)

    assert result.result.ret == pytest.ExitCode.USAGE_ERROR
    result.result.stderr.fnmatch_lines(
        ["ERROR: --katas-impl: solutions/stage1_x/wrong/gone.py does not exist under *"]
    )
    assert result.events == []


def test_a_bad_limits_value_is_a_usage_error(switch_workbook):
    result = run(switch_workbook, "--katas-limits=300", *NO_HYPOTHESIS)

    assert result.result.ret == pytest.ExitCode.USAGE_ERROR
    result.result.stderr.fnmatch_lines(
        ["ERROR: --katas-limits='300': use two whole numbers of MiB, as in *"]
    )


def test_a_plain_run_writes_no_stream_and_changes_nothing(plain_run):
    result, before = plain_run

    result.result.assert_outcomes(passed=1, failed=1)
    assert result.result.ret == pytest.ExitCode.TESTS_FAILED
    assert files_in(result.path) == before


# -- the result stream ------------------------------------------------------------------------

STREAM_TEST = '''
    import os

    import pytest

    from katas.stage1_x.mod import double


    class TestDouble:
        @pytest.mark.parametrize("n", [3], ids=["three"])
        def test_doubles(self, n):
            """Twice n is n plus n.

            The second paragraph is not part of the summary.
            """
            assert double(n) == n + n


    @pytest.fixture
    def breaks_on_teardown():
        yield
        raise RuntimeError("the fixture broke while cleaning up")


    def test_passes_then_its_fixture_breaks(breaks_on_teardown):
        assert double(1) == 2


    @pytest.mark.skip(reason="not today")
    def test_skipped_by_a_marker():
        assert double(1) == 2


    def test_skips_itself():
        pytest.skip("not today either")


    @pytest.mark.timeout(5)
    def test_has_its_own_timeout():
        assert double(0) == 0


    def test_wanders_off():
        os.chdir("katas")
'''


@shared_run
def stream_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A finished kata whose tests pass, skip, break in teardown and chdir, with --timeout=7."""
    workbook(pytester, **{f"{STAGE}/mod": SOLUTION, f"{STAGE}/test_mod": STREAM_TEST})
    return run(pytester, "--timeout=7", *NO_HYPOTHESIS)


def test_the_stream_follows_the_run_in_order(stream_run):
    events = [e["event"] for e in stream_run.events]

    assert events == [
        "session",
        "collected",
        *["start", "result"],  # TestDouble::test_doubles[three]
        *["start", "result", "result"],  # passes, then its fixture breaks in teardown
        *["start", "result"],  # skipped by a marker
        *["start", "result"],  # skips itself
        *["start", "result"],  # has its own timeout
        *["start", "result"],  # wanders off
        "finish",
    ]
    assert stream_run.events[0]["impl"] == "stub"
    assert stream_run.events[1]["count"] == 6
    assert stream_run.events[-1]["exitstatus"] == stream_run.result.ret == 1


def test_each_start_names_the_timeout_that_test_runs_under(stream_run):
    timeouts = {e["nodeid"]: e["timeout"] for e in stream_run.events if e["event"] == "start"}

    assert timeouts == {
        f"{KATA_TEST}::TestDouble::test_doubles[three]": 7.0,
        f"{KATA_TEST}::test_passes_then_its_fixture_breaks": 7.0,
        f"{KATA_TEST}::test_skipped_by_a_marker": 7.0,
        f"{KATA_TEST}::test_skips_itself": 7.0,
        f"{KATA_TEST}::test_has_its_own_timeout": 5.0,
        f"{KATA_TEST}::test_wanders_off": 7.0,
    }


def test_a_teardown_failure_after_a_passing_call_is_a_failed_result(stream_run):
    results = stream_run.results("test_mod.py::test_passes_then_its_fixture_breaks")

    assert [(r["when"], r["outcome"]) for r in results] == [
        ("call", "passed"),
        ("teardown", "failed"),
    ]
    failure = results[1]["failure"]
    assert failure["kind"] == "exception"
    assert failure["exc_type"] == "RuntimeError"
    assert failure["message"] == "the fixture broke while cleaning up"


@pytest.mark.parametrize(
    "test, when",
    [("test_skipped_by_a_marker", "setup"), ("test_skips_itself", "call")],
    ids=["marker", "pytest.skip"],
)
def test_a_skip_is_one_skipped_result(stream_run, test, when):
    results = stream_run.results(f"test_mod.py::{test}")

    assert [(r["when"], r["outcome"], r["failure"]) for r in results] == [(when, "skipped", None)]


def test_a_result_describes_its_test(stream_run):
    (result,) = stream_run.results("test_mod.py::TestDouble::test_doubles[three]")

    assert result["outcome"] == "passed"
    assert result["failure"] is None
    assert result["test"] == {
        "function": "test_doubles",
        "cls": "TestDouble",
        "params": "three",
        "doc": "Twice n is n plus n.",
        "path": KATA_TEST,
        # pytest's own location: a decorated test starts at its first decorator.
        "line": line_of(STREAM_TEST, '@pytest.mark.parametrize("n"'),
    }


def test_the_stream_stays_in_one_file_when_learner_code_changes_directory(stream_run):
    (result,) = stream_run.results("test_mod.py::test_wanders_off")

    assert result["outcome"] == "passed"
    assert stream_run.events[-1]["event"] == "finish"
    assert not (stream_run.path / "katas" / "events.jsonl").exists()


# -- describing failures ----------------------------------------------------------------------

KINDS_STUB = '''
    """Learner code that goes wrong in every way the checker can name."""

    import sys
    import time


    class Unprintable(Exception):
        def __str__(self):
            raise RuntimeError("no text for this exception")


    def unstarted() -> int:
        """Return 1."""
        raise NotImplementedError


    def double(n: int) -> int:
        """Return twice n."""
        return n + 1


    def divide(a: int, b: int) -> int:
        """Return a divided by b, rounded down."""
        return a // b


    def leave() -> int:
        """Return 0."""
        sys.exit(3)


    def spin() -> int:
        """Return 0."""
        while True:
            time.sleep(0.01)  # a hang that leaves the CPU to the other runs


    def descend(n: int) -> int:
        """Return 0."""
        return descend(n + 1)


    def chatter() -> int:
        """Return 0."""
        print("x" * 5000)
        print("the end")
        return 1


    def haunt() -> int:
        """Return 0."""
        raise Unprintable()
'''
KINDS_TEST = """
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from katas.stage1_x import mod


    def test_not_started():
        assert mod.unstarted() == 1


    def test_assertion():
        assert mod.double(2) == 4, "double(2) should be 4"


    @settings(max_examples=20)
    @given(st.integers(min_value=0, max_value=1000))
    def test_property(n):
        assert mod.double(n) == 2 * n


    def test_exception():
        assert mod.divide(1, 0) == 0


    def test_exit():
        assert mod.leave() == 0


    def test_timeout():
        assert mod.spin() == 0


    def test_recursion():
        assert mod.descend(0) == 0


    def test_missing_attribute():
        assert mod.triple(3) == 9


    def test_output():
        assert mod.chatter() == 0


    def test_unprintable():
        assert mod.haunt() == 0
"""
BROKEN = '''
    """Halves numbers."""


    def half(n: int -> int:
        return n // 2
'''
NEEDY = '''
    """Needs a package that is not installed."""

    import not_an_installed_package_xyz
'''
RENAMED = '''
    """The learner renamed the function."""


    def shout_it(text: str) -> str:
        return text.upper()
'''
PROFILE_TEST = """
    import json
    from pathlib import Path

    from hypothesis import given, settings
    from hypothesis import strategies as st


    @settings(max_examples=10)
    @given(st.integers())
    def test_draws(n):
        with open("draws.txt", "a", encoding="utf-8") as out:
            out.write(f"{n}\\n")


    def test_records_the_profile():
        current = settings.default
        profile = {
            "name": settings.get_current_profile_name(),
            "derandomize": current.derandomize,
            "example_database": current.database is not None,
            "deadline": None if current.deadline is None else repr(current.deadline),
            "print_blob": current.print_blob,
        }
        Path("profile.json").write_text(json.dumps(profile), encoding="utf-8")
"""


@shared_run
def kinds_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A test per failure kind, three modules that cannot be imported, and a profile probe.

    Run without CI in the environment, so the probe sees the ``dev`` profile.
    """
    workbook(
        pytester,
        **{
            f"{STAGE}/mod": KINDS_STUB,
            f"{STAGE}/test_mod": KINDS_TEST,
            f"{STAGE}/broken": BROKEN,
            f"{STAGE}/test_broken": "from katas.stage1_x.broken import half",
            f"{STAGE}/needy": NEEDY,
            f"{STAGE}/test_needy": "from katas.stage1_x import needy",
            f"{STAGE}/renamed": RENAMED,
            f"{STAGE}/test_renamed": "from katas.stage1_x.renamed import shout",
            f"{STAGE}/test_profile": PROFILE_TEST,
        },
    )
    monkeypatch.delenv("CI", raising=False)
    # --tb=short: pytest renders the long traceback of a deep recursion slowly.
    return run(pytester, "--continue-on-collection-errors", "--timeout=1", "--tb=short")


def stub_frame(snippet: str, function: str) -> dict:
    return {
        "path": f"{STAGE}/mod.py",
        "line": line_of(KINDS_STUB, snippet),
        "code": snippet,
        "function": function,
    }


def test_not_implemented_raised_by_the_stub_means_not_started(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_not_started")

    assert failure["kind"] == "not-started"
    assert failure["where"] == stub_frame("raise NotImplementedError", "unstarted")
    assert failure["test_where"]["line"] == line_of(KINDS_TEST, "mod.unstarted()")


def test_a_failed_assert_in_the_test_is_an_assertion_with_its_message(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_assertion")

    assert failure["kind"] == "assertion"
    assert failure["message"].startswith("double(2) should be 4\nassert 3 == 4")


def test_a_falsified_property_is_an_assertion_that_shows_the_example(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_property")

    assert failure["kind"] == "assertion"
    assert failure["message"].startswith("assert 1 == (2 * 0)")
    # The note hypothesis adds; "Falsifying example" before hypothesis 6.150 or so.
    assert re.search(
        r"^(Falsifying example|Failing test case): test_property\(\n    n=0,",
        failure["message"],
        re.MULTILINE,
    )


def test_an_exception_in_learner_code_points_at_the_stub_line(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_exception")

    assert failure["kind"] == "exception"
    assert failure["exc_type"] == "ZeroDivisionError"
    assert failure["message"] == "integer division or modulo by zero"
    assert failure["where"] == stub_frame("return a // b", "divide")
    assert failure["test_where"] == {
        "path": KATA_TEST,
        "line": line_of(KINDS_TEST, "mod.divide(1, 0)"),
        "code": "assert mod.divide(1, 0) == 0",
        "function": "test_exception",
    }


def test_sys_exit_in_learner_code_is_exited_with_its_code(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_exit")

    assert failure["kind"] == "exited"
    assert failure["code"] == 3
    assert failure["message"] == "SystemExit(3)"
    assert failure["where"] == stub_frame("sys.exit(3)", "leave")


def test_a_test_stopped_by_pytest_timeout_is_a_timeout_at_the_looping_line(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_timeout")

    assert failure["kind"] == "timeout"
    assert failure["message"] == "Timeout (>1.0s) from pytest-timeout."
    assert failure["where"] == stub_frame(
        "time.sleep(0.01)  # a hang that leaves the CPU to the other runs", "spin"
    )


def test_unbounded_recursion_is_recursion(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_recursion")

    assert failure["kind"] == "recursion"
    assert failure["where"] == stub_frame("return descend(n + 1)", "descend")


def test_an_attribute_missing_from_a_kata_module_is_missing_name(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_missing_attribute")

    assert failure["kind"] == "missing-name"
    assert (failure["name"], failure["module"]) == ("triple", "katas.stage1_x.mod")


def test_captured_output_is_kept_with_the_failure_clipped_to_its_tail(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_output")

    printed = "x" * 5000 + "\nthe end"
    assert failure["output"] == f"... ({len(printed) - 2000} characters before)\n" + printed[-2000:]


def test_an_exception_that_cannot_be_printed_still_fails_only_its_test(kinds_run):
    failure = kinds_run.failure("test_mod.py::test_unprintable")

    assert failure["kind"] == "exception"
    assert failure["exc_type"] == "Unprintable"
    assert failure["message"] == "<unprintable Unprintable object>"
    assert kinds_run.events[-1] == {"event": "finish", "exitstatus": 1}


def test_a_syntax_error_in_the_stub_is_a_collect_error_with_line_and_code(kinds_run):
    failure = kinds_run.collect_error("test_broken.py")

    assert failure["kind"] == "syntax-error"
    assert failure["exc_type"] == "SyntaxError"
    assert {k: failure["where"][k] for k in ("path", "line", "code")} == {
        "path": f"{STAGE}/broken.py",
        "line": line_of(BROKEN, "def half"),
        "code": "def half(n: int -> int:",
    }


def test_an_import_the_stub_cannot_make_is_an_import_error(kinds_run):
    failure = kinds_run.collect_error("test_needy.py")

    assert failure["kind"] == "import-error"
    assert failure["exc_type"] == "ModuleNotFoundError"
    assert failure["message"] == "No module named 'not_an_installed_package_xyz'"
    assert failure["where"]["path"] == f"{STAGE}/needy.py"
    assert failure["where"]["line"] == line_of(NEEDY, "import not_an")


def test_importing_a_name_the_stub_lacks_is_missing_name(kinds_run):
    failure = kinds_run.collect_error("test_renamed.py")

    assert failure["kind"] == "missing-name"
    assert (failure["name"], failure["module"]) == ("shout", "katas.stage1_x.renamed")


# -- the cage ---------------------------------------------------------------------------------

CAGE_STUB = """
    def save(path) -> None:
        with open(path, "w") as out:
            for _ in range(2048):
                out.write("x" * 1024)


    def hoard() -> int:
        return len(bytearray(400 << 20))
"""
CAGE_TEST = """
    from katas.stage1_x.mod import hoard, save


    def test_saves_two_mib(tmp_path):
        assert save(tmp_path / "big.txt") is None


    def test_hoards_400_mib():
        assert hoard() == 0
"""


@shared_run
def cage_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Learner code that writes 2 MiB and allocates 400 MiB, caged at 300 MiB and 1 MiB.

    One run for both limits: neither test comes near the other's.
    """
    workbook(pytester, **{f"{STAGE}/mod": CAGE_STUB, f"{STAGE}/test_mod": CAGE_TEST})
    return run(pytester, "--katas-limits=300,1", *NO_HYPOTHESIS)


def test_writing_past_the_file_size_limit_is_an_output_flood(cage_run):
    failure = cage_run.failure("test_mod.py::test_saves_two_mib")

    assert failure["kind"] == "output-flood"
    assert failure["exc_type"] == "OSError"
    assert (failure["where"]["path"], failure["where"]["function"]) == (f"{STAGE}/mod.py", "save")


def test_allocating_past_the_memory_limit_is_memory(cage_run):
    failure = cage_run.failure("test_mod.py::test_hoards_400_mib")

    assert failure["kind"] == "memory"
    assert failure["exc_type"] == "MemoryError"
    assert failure["where"] == {
        "path": f"{STAGE}/mod.py",
        "line": line_of(CAGE_STUB, "bytearray"),
        "code": "return len(bytearray(400 << 20))",
        "function": "hoard",
    }


# -- hypothesis profiles ----------------------------------------------------------------------


def profile_of(run: Run) -> dict:
    return json.loads((run.path / "profile.json").read_text(encoding="utf-8"))


def draws_of(run: Run) -> list[str]:
    return (run.path / "draws.txt").read_text(encoding="utf-8").splitlines()


@shared_run
def ci_probes(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The profile probe run twice: under CI=true, then without CI but --hypothesis-profile=ci.

    Returns each run's profile and the examples it drew.
    """
    workbook(pytester, **{f"{STAGE}/test_mod": PROFILE_TEST})
    seen = []
    for env, args in [("true", ()), (None, ("--hypothesis-profile=ci",))]:
        if env is None:
            monkeypatch.delenv("CI", raising=False)
        else:
            monkeypatch.setenv("CI", env)
        (pytester.path / "draws.txt").unlink(missing_ok=True)
        probe = run(pytester, *args, report=False)
        probe.result.assert_outcomes(passed=2)
        seen.append((profile_of(probe), draws_of(probe)))
    return seen


def test_under_ci_the_ci_profile_is_loaded(ci_probes):
    profile, _ = ci_probes[0]

    assert profile == {
        "name": "ci",
        "derandomize": True,
        "example_database": False,
        "deadline": None,
        "print_blob": True,
    }


def test_the_ci_profile_draws_the_same_examples_in_every_run(ci_probes):
    (_, first), (_, second) = ci_probes

    assert len(first) == 10
    assert first == second


def test_the_hypothesis_profile_option_wins_over_the_environment(ci_probes):
    profile, _ = ci_probes[1]

    assert profile["name"] == "ci"
    assert profile["derandomize"] is True


def test_without_ci_the_dev_profile_is_loaded(kinds_run):
    assert profile_of(kinds_run) == {
        "name": "dev",
        "derandomize": False,
        "example_database": True,
        "deadline": None,
        "print_blob": True,
    }
