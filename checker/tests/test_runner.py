"""The runner against real pytest subprocesses: every way learner code can go wrong is data."""

from __future__ import annotations

import pytest

from checker import manifest
from checker.runner import SOLUTION, STUB, run_kata


def run(workbook, kata_id: str, impl=STUB, **options):
    curriculum = manifest.load(workbook.root, files=False)
    options.setdefault("grace", 2.0)
    return run_kata(curriculum, curriculum.kata(kata_id), impl, **options)


def first(run_result):
    test, failure = run_result.first_failure
    return test, failure


def test_a_solved_kata_passes_every_test(workbook):
    result = run(workbook, "adder")
    assert result.passed
    assert [t.name for t in result.tests] == [
        "test_adds_two_small_numbers",
        "test_adds_a_negative_number",
    ]
    assert result.collected == 2


def test_a_wrong_answer_fails_with_the_tests_own_message(workbook):
    result = run(workbook, "greeter")
    test, failure = first(result)
    assert not result.passed
    assert test.name == "test_greets_by_name"
    assert failure.kind == "assertion"
    assert failure.message.startswith("Called greet('Ada'). It returned 'Hello Ada', expected")
    assert failure.test_where.path == "katas/stage1_basics/test_greeter.py"
    assert test.doc == "The greeting has a comma and an exclamation mark."


def test_an_untouched_stub_is_not_started_and_names_the_function(workbook):
    _, failure = first(run(workbook, "counter"))
    assert failure.kind == "not-started"
    assert (failure.where.path, failure.where.line, failure.where.function) == (
        "katas/stage1_basics/counter.py",
        10,
        "count_words",
    )


def test_fail_fast_stops_at_the_first_failing_test(workbook):
    assert len(run(workbook, "counter").tests) == 1
    assert len(run(workbook, "counter", fail_fast=False).tests) == 2


def test_a_syntax_error_names_the_line_and_the_code(workbook):
    result = run(workbook, "parser")
    _, failure = first(result)
    assert failure.kind == "syntax-error"
    assert (failure.where.path, failure.where.line) == ("katas/stage1_basics/parser.py", 6)
    assert failure.where.code.strip() == "return int(text"
    assert result.tests == ()


def test_an_import_error_in_the_stub_is_reported_at_the_import(workbook):
    _, failure = first(run(workbook, "importer"))
    assert failure.kind == "import-error"
    assert "no_such_module_anywhere" in failure.message
    assert failure.where.line == 3


def test_a_renamed_function_is_a_missing_name(workbook):
    _, failure = first(run(workbook, "renamer"))
    assert failure.kind == "missing-name"
    assert failure.details["name"] == "shout"


def test_an_infinite_loop_times_out_at_the_looping_line(workbook):
    test, failure = first(run(workbook, "looper"))
    assert failure.kind == "timeout"
    assert test.name == "test_returns_its_argument"
    assert failure.where.path == "katas/stage1_basics/looper.py"
    assert failure.where.code.strip() in ("while True:", "n += 1")


def test_sys_exit_in_learner_code_fails_only_that_test(workbook):
    result = run(workbook, "quitter")
    _, failure = first(result)
    assert failure.kind == "exited"
    assert failure.details["code"] == 3
    assert result.problem is None  # the run itself carried on to the end


def test_os_exit_kills_the_process_and_names_the_running_test(workbook):
    result = run(workbook, "exiter")
    test, failure = first(result)
    assert failure.kind == "crashed"
    assert test.name == "test_answers_42"
    assert result.exit_code == 7


def test_flooding_output_is_stopped_by_the_file_size_cap(workbook):
    _, failure = first(run(workbook, "flooder", output_mb=4))
    assert failure.kind == "output-flood"


def test_a_thread_that_never_ends_is_reported_and_killed(workbook):
    result = run(workbook, "lingerer")
    _, failure = first(result)
    assert failure.kind == "would-not-exit"
    assert all(t.outcome == "passed" for t in result.tests)
    assert not result.passed


def test_eating_memory_hits_the_memory_cap(workbook):
    _test, failure = first(run(workbook, "hog"))
    assert failure.kind == "memory"
    assert failure.where.path == "katas/stage1_basics/hog.py"


def test_a_deleted_test_file_fails_that_kata_without_running_anything(workbook):
    workbook.path("katas/stage1_basics/test_vanisher.py").unlink()
    result = run(workbook, "vanisher")
    _, failure = first(result)
    assert failure.kind == "tests-missing"
    assert failure.details["path"] == "katas/stage1_basics/test_vanisher.py"
    assert result.exit_code is None


def test_a_deleted_stub_is_named(workbook):
    workbook.path("katas/stage1_basics/adder.py").unlink()
    _, failure = first(run(workbook, "adder"))
    assert failure.kind == "stub-missing"


def test_an_endless_loop_at_import_time_is_stopped_by_the_watchdog(workbook):
    workbook.write_stub("looper", "while True:\n    pass\n")
    result = run(workbook, "looper", grace=1.0)
    _, failure = first(result)
    assert failure.kind == "hung"
    assert "while importing" in failure.message


def test_code_that_blocks_the_timeout_signal_is_stopped_by_the_watchdog(workbook):
    workbook.write_stub(
        "looper",
        "import signal\n\n\ndef spin(n):\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "    while True:\n        pass\n",
    )
    test, failure = first(run(workbook, "looper", grace=1.0))
    assert failure.kind == "hung"
    assert test.name == "test_returns_its_argument"


def test_a_deadlock_on_a_plain_lock_is_a_timeout_not_a_hang(workbook):
    workbook.write_stub(
        "looper",
        "import threading\n\n_lock = threading.Lock()\n\n\ndef spin(n):\n"
        "    with _lock:\n        with _lock:\n            return n\n",
    )
    _, failure = first(run(workbook, "looper"))
    assert failure.kind == "timeout"


def test_the_solution_switch_runs_the_same_tests_against_the_solution(workbook):
    assert not run(workbook, "counter").passed
    assert run(workbook, "counter", SOLUTION, fail_fast=False).passed


def test_a_known_wrong_fixture_is_run_in_place_of_the_stub(workbook):
    curriculum = manifest.load(workbook.root)
    kata = curriculum.kata("doubler")
    results = {w.name: run_kata(curriculum, kata, w, grace=2.0) for w in kata.wrong}
    assert set(results) == {"doubler_small_only", "doubler_squares"}
    assert all(not r.passed and r.problem is None for r in results.values())
    assert results["doubler_squares"].failed_tests[0].failure.kind == "assertion"


@pytest.mark.parametrize("variable", ["PYTEST_ADDOPTS", "PYTEST_PLUGINS"])
def test_the_learners_pytest_environment_does_not_change_a_check(workbook, monkeypatch, variable):
    monkeypatch.setenv(
        variable, "-x --this-option-does-not-exist" if variable == "PYTEST_ADDOPTS" else "nope"
    )
    assert run(workbook, "adder").passed


def test_hypothesis_plugin_is_left_out_only_where_the_tests_never_use_hypothesis(workbook):
    from checker.runner import _without_unused_plugins

    stage1 = workbook.path("katas/stage1_basics")
    assert _without_unused_plugins(stage1 / "test_adder.py") == ["-p", "no:hypothesispytest"]
    assert _without_unused_plugins(workbook.path("katas/stage2_advanced/test_doubler.py")) == []
    assert _without_unused_plugins(stage1 / "test_missing.py") == []


def test_a_hypothesis_failure_still_reports_its_falsifying_example(workbook):
    curriculum = manifest.load(workbook.root)
    kata = curriculum.kata("doubler")
    small_only = next(w for w in kata.wrong if w.name == "doubler_small_only")
    result = run_kata(curriculum, kata, small_only, fail_fast=False, grace=2.0)
    (failed,) = result.failed_tests
    assert failed.function == "test_doubling_is_adding_a_number_to_itself"
    assert "n=1000" in failed.failure.message
    assert "@reproduce_failure(" in failed.failure.message


def test_a_run_ends_itself_when_the_checker_is_killed(workbook, tmp_path):
    """SIGKILL the checker mid-run: its endless-looping learner process must not outlive it."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "doomed_checker.py"
    script.write_text(
        "import sys\nfrom checker import manifest\nfrom checker.runner import run_kata\n"
        "c = manifest.load(sys.argv[1], files=False)\n"
        "run_kata(c, c.kata('looper'), grace=60.0)\n"
    )
    workbook.write_stub("looper", "while True:\n    pass\n")
    checker = subprocess.Popen([sys.executable, str(script), str(workbook.root)])
    child = None
    for _ in range(600):  # find the pytest child the checker started (up to ~30 s)
        found = subprocess.run(
            ["pgrep", "-P", str(checker.pid)], capture_output=True, text=True
        ).stdout.split()
        if found:
            child = int(found[0])
            break
        time.sleep(0.05)
    assert child is not None, "the checker never started its pytest run"
    os.kill(checker.pid, signal.SIGKILL)
    checker.wait()
    for _ in range(200):  # the watch polls every 0.5 s
        if not _alive(child):
            return
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the pytest run outlived the checker that started it")


def _alive(pid: int) -> bool:
    """True while ``pid`` runs; an exited process waiting to be reaped (a zombie) is not."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
