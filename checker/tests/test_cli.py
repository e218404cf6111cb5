"""The `katas` commands through click's CliRunner, on a fresh copy of the fixture workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import cli as cli_module
from checker import manifest
from checker.cli import cli
from checker.progress import PROGRESS_FILE
from checker.tests.support import CURRICULUM, STAGE_1

REAL_WORKBOOK = Path(__file__).resolve().parents[2]
CURRICULUM_REAL = manifest.load(REAL_WORKBOOK, files=False)


def katas(workbook, *args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, ["--root", str(workbook.root), *args], env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def solve_stage1(workbook):
    workbook.solve(*(k.module for k in CURRICULUM.katas_of(1)))


# -- status ---------------------------------------------------------------------------------


def test_status_shows_every_stage_with_its_state_and_checkpoints(workbook):
    result = katas(workbook, "status")
    assert result.exit_code == 0
    out = result.output
    assert "Stage 1  Basics  [open]  0/13 katas" in out
    assert "Stage 2  Advanced  [locked: needs stage 1]  0/2 katas" in out
    assert "Stage 3  Extra  [no katas yet]  0 katas" in out
    assert "  [-] 2.3  A checkpoint no kata proves yet.  (no katas yet)" in out
    assert "  needs stage 1" in out


def test_status_json_reports_stages_checkpoints_and_katas(workbook):
    data = json.loads(katas(workbook, "status", "--json").output)
    stage2 = data["stages"][1]
    assert stage2["number"] == 2
    assert stage2["title"] == "Advanced"
    assert stage2["state"] == "locked"
    assert stage2["prerequisites"] == [1]
    assert stage2["checkpoints"][0] == {
        "id": "2.1",
        "text": "Double a number.",
        "met": False,
        "katas": ["doubler"],
    }
    assert {"id": "doubler", "passed": False}.items() <= stage2["katas"][0].items()


def test_the_real_workbook_has_nine_stages_with_three_checkpoints_each():
    result = CliRunner().invoke(cli, ["--root", str(REAL_WORKBOOK), "status", "--json"])
    assert result.exit_code == 0, result.output
    stages = json.loads(result.output)["stages"]
    assert [s["number"] for s in stages] == list(range(1, 10))
    assert all(len(s["checkpoints"]) == 3 for s in stages)
    has_katas = bool(CURRICULUM_REAL.katas_of(1))
    assert stages[0]["state"] == ("open" if has_katas else "no katas yet")
    assert stages[8]["prerequisites"] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_outside_a_workbook_the_learner_is_told_where_to_run_it(tmp_path):
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "status"])
    assert result.exit_code == 2
    assert "is not inside a backend-katas workbook" in result.output
    assert "katas/curriculum.toml" in result.output


def test_the_workbook_root_can_come_from_the_environment(workbook):
    result = CliRunner().invoke(cli, ["status"], env={"KATAS_ROOT": str(workbook.root)})
    assert result.exit_code == 0
    assert "Stage 1  Basics" in result.output


def test_a_broken_manifest_lists_its_problems_without_a_traceback(workbook):
    manifest = workbook.path("katas/curriculum.toml")
    manifest.write_text(
        manifest.read_text().replace(
            'hints = ["Use the + operator.", "return a + b"]', "hints = []"
        )
    )
    result = katas(workbook, "status")
    assert result.exit_code == 1
    assert "katas/curriculum.toml: kata 'adder':" in result.output
    assert "Traceback" not in result.output


def test_an_internal_error_is_one_clear_line(workbook, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_module.standing, "derive", broken)
    result = katas(workbook, "status")
    assert result.exit_code == 1
    assert "the checker itself failed (RuntimeError: boom)" in result.output
    assert "Traceback" not in result.output


# -- check ----------------------------------------------------------------------------------


def test_checking_a_passing_kata_records_it(workbook):
    result = katas(workbook, "check", "adder")
    assert result.exit_code == 0
    assert result.output.startswith("PASS  adder  (2/2 tests)")
    record = json.loads(workbook.path(PROGRESS_FILE).read_text())["katas"]["adder"]
    assert record["passed"] is True
    assert record["tests_passed"] == record["tests_total"] == 2


def test_checking_a_failing_kata_explains_the_first_failure(workbook):
    result = katas(workbook, "check", "greeter")
    assert result.exit_code == 1
    out = result.output
    assert "FAIL  greeter  (0 passed of 1)" in out
    assert "  Test:  greets by name" in out
    assert "Called greet('Ada'). It returned 'Hello Ada', expected 'Hello, Ada!'." in out
    assert "katas/stage1_basics/test_greeter.py:7" in out
    assert "Stuck? `katas hint greeter` (hint 1 of 2)." in out


def test_check_without_a_target_runs_the_next_unfinished_kata(workbook):
    result = katas(workbook, "check")
    assert result.output.startswith("PASS  adder")
    result = katas(workbook, "check")
    assert result.output.startswith("FAIL  greeter")


def test_an_unknown_kata_gets_close_matches_and_exit_code_2(workbook):
    result = katas(workbook, "check", "greter")
    assert result.exit_code == 2
    assert "unknown kata 'greter'. Did you mean 'greeter'" in result.output


def test_a_file_not_in_the_manifest_is_named_as_such(workbook):
    result = katas(workbook, "check", "stray")
    assert result.exit_code == 2
    assert "katas/stage1_basics/stray.py exists but is not a kata in the manifest" in result.output


def test_an_unknown_stage_is_a_usage_error(workbook):
    result = katas(workbook, "check", "7")
    assert result.exit_code == 2
    assert "unknown stage 7; stages are 1-3." in result.output


def test_a_locked_stage_is_refused_naming_what_is_missing(workbook):
    result = katas(workbook, "check", "doubler")
    assert result.exit_code == 1
    assert "stage 2 (Advanced) is locked: complete stage 1 first" in result.output
    assert not workbook.path(PROGRESS_FILE).exists()


def test_force_checks_a_locked_stage_anyway(workbook):
    result = katas(workbook, "check", "doubler", "--force")
    assert result.exit_code == 1
    assert "FAIL  doubler" in result.output
    assert "not started yet" in result.output


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_checking_a_stage_runs_every_kata_even_after_one_kills_its_process(workbook):
    result = katas(workbook, "check", "1")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(("PASS", "FAIL"))]
    assert [line.split()[1] for line in lines] == list(STAGE_1)
    assert lines[0].startswith("PASS")
    assert result.output.count("Test:  ") == 1  # only the first failure is explained
    recorded = json.loads(workbook.path(PROGRESS_FILE).read_text())["katas"]
    assert recorded["adder"]["passed"] is True
    assert set(recorded) >= {"exiter", "hog", "vanisher"}


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_completing_a_stage_meets_its_checkpoints_and_opens_the_next(workbook):
    solve_stage1(workbook)
    result = katas(workbook, "check", "1")
    assert result.exit_code == 0, result.output
    for line in (
        "Checkpoint 1.1 met: Return the right value.",
        "Checkpoint 1.3 met: Write code that finishes.",
        "Stage 1 (Basics) is complete.",
        "Stage 2 (Advanced) is now open.",
    ):
        assert line in result.output
    assert "Stage 2  Advanced  [open]" in katas(workbook, "status").output


def test_a_kata_edited_since_its_check_shows_changed_re_check(workbook):
    katas(workbook, "check", "adder")
    stub = workbook.path("katas/stage1_basics/adder.py")
    stub.write_text(stub.read_text() + "\n# an edit\n")
    assert (
        "adder                        passed, changed: re-check" in katas(workbook, "status").output
    )


def test_check_json_reports_each_kata_and_its_first_failure(workbook):
    result = katas(workbook, "check", "greeter", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    (entry,) = data["katas"]
    assert entry["id"] == "greeter"
    assert entry["passed"] is False
    assert entry["failure"]["kind"] == "assertion"
    assert entry["failure"]["sentence"] == "greets by name"


# -- progress file trouble --------------------------------------------------------------------


def test_a_corrupt_progress_file_warns_once_keeps_a_backup_and_the_run_goes_on(workbook):
    workbook.path(PROGRESS_FILE).write_bytes(b"{ not json")
    result = katas(workbook, "check", "adder")
    assert result.exit_code == 0
    assert result.output.count("\n") >= 1
    backups = list(workbook.root.glob(PROGRESS_FILE + ".unreadable-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == b"{ not json"
    assert json.loads(workbook.path(PROGRESS_FILE).read_text())["katas"]["adder"]["passed"]


# -- next, hint, list, graph ----------------------------------------------------------------


def test_next_names_the_stub_the_tests_and_the_task(workbook):
    out = katas(workbook, "next").output
    assert "Welcome to the fixture workbook." in out
    assert "Next kata: adder  (stage 1, Basics)" in out
    assert "  Edit:   katas/stage1_basics/adder.py" in out
    assert "  Tests:  katas/stage1_basics/test_adder.py" in out
    assert "  Add two numbers." in out


def test_next_json_is_machine_readable(workbook):
    data = json.loads(katas(workbook, "next", "--json").output)
    assert data["kata"] == "adder"
    assert data["stub"] == "katas/stage1_basics/adder.py"


def test_each_hint_call_reveals_one_more_and_all_repeats_them(workbook):
    assert katas(workbook, "hint", "counter").output == (
        "Hint 1 of 3 for counter: Words are separated by whitespace.\n"
    )
    assert katas(workbook, "hint", "counter").output.startswith("Hint 2 of 3")
    out = katas(workbook, "hint", "counter", "--all").output
    assert [line[:11] for line in out.splitlines()[:3]] == [
        "Hint 1 of 3",
        "Hint 2 of 3",
        "Hint 3 of 3",
    ]
    assert "That is the last hint. More in docs/stage1_basics.md#counter" in out
    check = katas(workbook, "check", "counter").output
    assert "All 3 hints are shown" in check


def test_hint_for_an_unknown_kata_is_a_usage_error(workbook):
    result = katas(workbook, "hint", "countr")
    assert result.exit_code == 2
    assert "Did you mean 'counter'?" in result.output


def test_list_shows_every_kata_with_stage_checkpoints_and_state(workbook):
    katas(workbook, "check", "adder")
    lines = katas(workbook, "list").output.splitlines()
    assert lines[0].split() == ["kata", "stage", "checkpoints", "state"]
    assert lines[1].split() == ["adder", "1", "1.1", "passed"]
    assert lines[-1].split() == ["halver", "2", "2.2", "locked"]
    data = json.loads(katas(workbook, "list", "--json").output)
    assert data[0] == {
        "id": "adder",
        "stage": 1,
        "checkpoints": ["1.1"],
        "passed": True,
        "checked": True,
        "changed": False,
        "hints_shown": 0,
    }


def test_graph_draws_the_stage_map_in_plain_text(workbook):
    out = katas(workbook, "graph").output
    assert out.isascii()
    assert "[1] Basics" in out
    assert "+-> [2] Advanced  locked" in out
    assert "needs stage 2" in out


def test_no_color_and_no_terminal_mean_no_escape_codes(workbook, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module._style() is cli_module.report.plain
    monkeypatch.delenv("NO_COLOR")
    assert cli_module._style() is cli_module.click.style
    assert "\x1b[" not in katas(workbook, "status").output


# -- verify ---------------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_verify_proves_an_honest_kata(workbook):
    result = katas(workbook, "verify", "doubler")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok    doubler")
    assert "4 tests; stub fails 4/4; 2/2 wrong fixtures rejected" in result.output


@pytest.mark.timeout(60)
def test_verify_names_a_test_that_cannot_fail_and_a_wrong_fixture_that_slips_through(workbook):
    result = katas(workbook, "verify", "halver")
    assert result.exit_code == 1
    out = result.output
    assert "- test_is_importable passes on the untouched stub: it cannot fail" in out
    assert "test_has_a_docstring" not in out  # declared passing-by-design, with a reason
    assert "- wrong/halver_rounds_up passes every test: the tests miss its bug" in out
    assert "- 1 known-wrong fixture(s); write at least 2: solutions/stage2_advanced/wrong/" in out


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_verify_of_everything_reports_stray_files_and_learner_states(workbook):
    result = katas(workbook, "verify", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["stray"] == [
        "katas/stage1_basics/test_stray.py: not in the manifest; add a [[kata]] with module = "
        '"stray" or remove the file'
    ]
    by_id = {k["id"]: k for k in data["katas"]}
    assert by_id["doubler"]["ok"]
    assert any("passes on the untouched stub" in p for p in by_id["adder"]["problems"])
    assert any(p.startswith("stub: syntax-error") for p in by_id["parser"]["problems"])


def test_verify_loads_the_manifest_strictly(workbook):
    workbook.path("solutions/stage2_advanced/halver.py").unlink()
    result = katas(workbook, "verify", "doubler")
    assert result.exit_code == 1
    assert "solution file solutions/stage2_advanced/halver.py is missing" in result.output


def test_the_real_workbook_loads_strictly_with_no_stray_files():
    """The proof itself runs as the nox `verify` session; here: what it needs to start."""
    from checker.verify import stray_files

    curriculum = manifest.load(REAL_WORKBOOK)  # files too: stubs, tests, solutions, docs
    assert stray_files(curriculum) == []
    assert all(len(k.wrong) >= 2 for k in curriculum.katas)


def test_a_closed_pipe_ends_the_command_quietly(workbook, monkeypatch):
    def closed_pipe(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli_module.report, "list_text", closed_pipe)
    result = katas(workbook, "list")
    assert result.exit_code == 1
    assert "failed" not in result.output
