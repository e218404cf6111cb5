"""Tests for checker/standing.py: kata, checkpoint and stage states derived from progress.

Inputs are built in memory: the fixture curriculum (stage 1 "Basics" with 13 katas; stage 2
"Advanced" needs 1, has doubler (2.1), halver (2.2) and checkpoint 2.3 without a kata; stage 3
"Extra" needs 2 and has no katas) and Progress objects holding KataRecords. A record carries
the real hashes of the kata's files, so a kata is "changed" only where a test edits a file.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import manifest
from checker.manifest import Curriculum
from checker.progress import KataRecord, Progress, file_sha256
from checker.standing import COMPLETE, EMPTY, LOCKED, OPEN, derive, progress_made
from checker.tests.support import CURRICULUM, FIXTURE, STAGE_1, record

STAGE_2 = ("doubler", "halver")


def progress(
    *passed: str, failed: tuple[str, ...] = (), curriculum: Curriculum = CURRICULUM
) -> Progress:
    records = {k: record(curriculum, k) for k in passed}
    records.update({k: record(curriculum, k, passed=False) for k in failed})
    return Progress(katas=records)


def with_stage(curriculum: Curriculum, number: int, **changes) -> Curriculum:
    """The curriculum with one stage's fields replaced (checkpoints, requires ...)."""
    stages = tuple(
        dataclasses.replace(s, **changes) if s.number == number else s for s in curriculum.stages
    )
    return dataclasses.replace(curriculum, stages=stages)


def without_checkpoint_2_3(curriculum: Curriculum = CURRICULUM) -> Curriculum:
    """The fixture with stage 2's kata-less checkpoint removed, so stage 2 can be completed."""
    stage = curriculum.stage(2)
    return with_stage(
        curriculum, 2, checkpoints=tuple(c for c in stage.checkpoints if c.id != "2.3")
    )


# -- checkpoints ------------------------------------------------------------------------------


def test_a_checkpoint_is_not_met_while_one_of_its_katas_has_not_passed():
    standing = derive(CURRICULUM, progress("adder"))

    checkpoint = standing.stage(1).checkpoints[0]
    assert (checkpoint.id, checkpoint.katas, checkpoint.met) == ("1.1", ("adder", "greeter"), False)


def test_a_checkpoint_is_met_when_every_kata_mapped_to_it_passes():
    standing = derive(CURRICULUM, progress("adder", "greeter"))

    assert [c.met for c in standing.stage(1).checkpoints] == [True, False, False]


def test_a_failed_check_does_not_meet_a_checkpoint():
    standing = derive(CURRICULUM, progress("adder", failed=("greeter",)))

    assert standing.stage(1).checkpoints[0].met is False


def test_a_record_that_says_passed_without_a_check_does_not_count():
    kata = CURRICULUM.kata("adder")
    unchecked = KataRecord(
        passed=True,
        stub_sha256=file_sha256(CURRICULUM.path(kata.stub)),
        tests_sha256=file_sha256(CURRICULUM.path(kata.tests)),
    )
    records = {"adder": unchecked, "greeter": record(CURRICULUM, "greeter")}

    standing = derive(CURRICULUM, Progress(katas=records))

    assert standing.kata("adder").passed is False
    assert standing.stage(1).checkpoints[0].met is False


def test_a_checkpoint_no_kata_is_mapped_to_is_never_met():
    standing = derive(CURRICULUM, progress(*STAGE_1, *STAGE_2))

    checkpoint = standing.stage(2).checkpoints[2]
    assert (checkpoint.id, checkpoint.katas, checkpoint.met) == ("2.3", (), False)


# -- stages -----------------------------------------------------------------------------------


def test_a_stage_is_complete_when_all_its_checkpoints_are_met():
    standing = derive(CURRICULUM, progress(*STAGE_1))

    assert standing.stage(1).state == COMPLETE


def test_a_stage_stays_open_while_one_of_its_katas_has_not_passed():
    standing = derive(CURRICULUM, progress(*STAGE_1[:-1]))

    assert standing.stage(1).state == OPEN
    assert standing.stage(1).passed == 12


def test_a_stage_with_a_checkpoint_no_kata_proves_is_never_complete():
    standing = derive(CURRICULUM, progress(*STAGE_1, *STAGE_2))

    assert standing.stage(2).state == OPEN
    assert standing.complete is False


def test_a_stage_opens_when_all_its_prerequisites_are_complete():
    standing = derive(CURRICULUM, progress(*STAGE_1))

    stage = standing.stage(2)
    assert (stage.state, stage.missing, stage.is_open) == (OPEN, (), True)


def test_a_stage_is_locked_while_a_prerequisite_is_incomplete_and_names_it():
    standing = derive(CURRICULUM, progress(*STAGE_1[:-1]))

    stage = standing.stage(2)
    assert (stage.state, stage.missing, stage.is_open) == (LOCKED, (1,), False)


def test_missing_lists_only_the_prerequisites_that_are_incomplete():
    curriculum = with_stage(without_checkpoint_2_3(), 3, requires=(1, 2))

    standing = derive(curriculum, progress(*STAGE_1, "doubler", curriculum=curriculum))

    assert standing.stage(3).missing == (2,)


def test_missing_lists_every_incomplete_prerequisite():
    curriculum = with_stage(CURRICULUM, 3, requires=(1, 2))

    standing = derive(curriculum, Progress())

    assert standing.stage(3).missing == (1, 2)


def test_a_stage_with_no_katas_shows_no_katas_yet_while_it_is_locked():
    standing = derive(CURRICULUM, Progress())

    stage = standing.stage(3)
    assert (stage.state, stage.missing, stage.is_open, stage.katas) == (EMPTY, (2,), False, ())


def test_a_stage_with_no_katas_is_never_complete_even_when_its_prerequisites_are():
    curriculum = without_checkpoint_2_3()

    standing = derive(curriculum, progress(*STAGE_1, *STAGE_2, curriculum=curriculum))

    assert standing.stage(2).state == COMPLETE
    stage = standing.stage(3)
    assert (stage.state, stage.missing, stage.is_open) == (EMPTY, (), True)
    assert [c.met for c in stage.checkpoints] == [False, False, False]
    assert standing.complete is False


def test_every_stage_complete_makes_the_standing_complete():
    curriculum = dataclasses.replace(
        without_checkpoint_2_3(), stages=without_checkpoint_2_3().stages[:2]
    )

    standing = derive(curriculum, progress(*STAGE_1, *STAGE_2, curriculum=curriculum))

    assert standing.complete is True


def test_a_stage_completed_before_its_prerequisites_is_complete_but_not_open():
    curriculum = without_checkpoint_2_3()

    standing = derive(curriculum, progress(*STAGE_2, curriculum=curriculum))

    stage = standing.stage(2)
    assert (stage.state, stage.missing, stage.is_open) == (COMPLETE, (1,), False)
    # Complete is complete: a stage that needs only stage 2 opens.
    assert standing.stage(3).is_open is True


# -- changed ----------------------------------------------------------------------------------


@pytest.fixture
def workbook_copy(tmp_path: Path) -> Curriculum:
    """The curriculum of a fresh copy of the fixture workbook, whose files a test may edit."""
    root = tmp_path / "workbook"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".hypothesis", "__pycache__"))
    return manifest.load(root, files=False)


def test_a_kata_whose_files_are_as_checked_is_not_changed(workbook_copy: Curriculum):
    standing = derive(workbook_copy, progress("adder", curriculum=workbook_copy))

    kata = standing.kata("adder")
    assert (kata.passed, kata.checked, kata.changed) == (True, True, False)


def test_a_kata_whose_stub_changed_since_its_check_is_changed_but_still_passed(
    workbook_copy: Curriculum,
):
    checked = progress("adder", "greeter", curriculum=workbook_copy)
    stub = workbook_copy.path(workbook_copy.kata("adder").stub)
    stub.write_text(stub.read_text() + "\n# a learner's note\n")

    standing = derive(workbook_copy, checked)

    kata = standing.kata("adder")
    assert (kata.passed, kata.changed) == (True, True)
    assert standing.stage(1).checkpoints[0].met is True


def test_a_kata_whose_test_file_changed_since_its_check_is_changed(workbook_copy: Curriculum):
    checked = progress("adder", curriculum=workbook_copy)
    tests = workbook_copy.path(workbook_copy.kata("adder").tests)
    tests.write_text(tests.read_text() + "\n\ndef test_more():\n    pass\n")

    kata = derive(workbook_copy, checked).kata("adder")

    assert (kata.passed, kata.changed) == (True, True)


def test_a_kata_whose_stub_was_deleted_since_its_check_is_changed(workbook_copy: Curriculum):
    checked = progress("adder", curriculum=workbook_copy)
    workbook_copy.path(workbook_copy.kata("adder").stub).unlink()

    assert derive(workbook_copy, checked).kata("adder").changed is True


def test_a_failing_kata_edited_since_its_check_is_changed_and_not_passed(workbook_copy: Curriculum):
    checked = progress(failed=("greeter",), curriculum=workbook_copy)
    stub = workbook_copy.path(workbook_copy.kata("greeter").stub)
    stub.write_text(stub.read_text().replace('f"Hello {name}"', 'f"Hello, {name}!"'))

    kata = derive(workbook_copy, checked).kata("greeter")

    assert (kata.passed, kata.checked, kata.changed) == (False, True, True)


def test_a_kata_never_checked_is_never_changed(workbook_copy: Curriculum):
    stub = workbook_copy.path(workbook_copy.kata("counter").stub)
    stub.write_text("def count_words(text):\n    return len(text.split())\n")

    kata = derive(workbook_copy, Progress()).kata("counter")

    assert (kata.passed, kata.checked, kata.changed) == (False, False, False)


# -- the next kata ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passed", "expected"),
    [
        ((), "adder"),
        (("adder",), "greeter"),
        (("greeter", "counter"), "adder"),
        (STAGE_1[:-1], "vanisher"),
        (STAGE_1, "doubler"),
        ((*STAGE_1, "doubler"), "halver"),
        # Passed with --force in a locked stage: stage 1 still comes first.
        (("adder", "doubler", "halver"), "greeter"),
    ],
    ids=[
        "nothing passed",
        "the first passed",
        "an earlier one not passed",
        "the last of an open stage",
        "the first of a stage just opened",
        "the second of that stage",
        "a locked stage passed early",
    ],
)
def test_next_kata_is_the_first_unpassed_kata_in_learning_order_in_an_open_stage(
    passed: tuple[str, ...], expected: str
):
    nxt = derive(CURRICULUM, progress(*passed)).next_kata()

    assert nxt is not None
    assert nxt.kata.id == expected


def test_next_kata_is_never_in_a_locked_stage():
    nxt = derive(CURRICULUM, progress(*STAGE_1[:-1], failed=("vanisher",))).next_kata()

    assert nxt is not None
    assert nxt.kata.id == "vanisher"


def test_next_kata_skips_a_kata_that_passed_and_changed(workbook_copy: Curriculum):
    checked = progress("adder", curriculum=workbook_copy)
    stub = workbook_copy.path(workbook_copy.kata("adder").stub)
    stub.write_text(stub.read_text() + "\n")

    nxt = derive(workbook_copy, checked).next_kata()

    assert nxt is not None
    assert nxt.kata.id == "greeter"


def test_next_kata_is_none_when_every_kata_of_the_open_stages_passes():
    assert derive(CURRICULUM, progress(*STAGE_1, *STAGE_2)).next_kata() is None


# -- progress made ----------------------------------------------------------------------------


def test_progress_made_names_a_checkpoint_met():
    before = derive(CURRICULUM, progress("adder"))
    after = derive(CURRICULUM, progress("adder", "greeter"))

    assert progress_made(before, after) == ["Checkpoint 1.1 met: Return the right value."]


def test_progress_made_names_checkpoints_met_the_stage_completed_and_the_stage_opened():
    before = derive(CURRICULUM, progress(*STAGE_1[:-1]))
    after = derive(CURRICULUM, progress(*STAGE_1))

    assert progress_made(before, after) == [
        "Checkpoint 1.3 met: Write code that finishes.",
        "Stage 1 (Basics) is complete.",
        "Stage 2 (Advanced) is now open.",
    ]


def test_progress_made_says_when_a_stage_that_opens_has_no_katas_yet():
    curriculum = without_checkpoint_2_3()
    before = derive(curriculum, progress(*STAGE_1, "doubler", curriculum=curriculum))
    after = derive(curriculum, progress(*STAGE_1, *STAGE_2, curriculum=curriculum))

    assert progress_made(before, after) == [
        "Checkpoint 2.2 met: Halve a number.",
        "Stage 2 (Advanced) is complete.",
        "Stage 3 (Extra) is now open; it has no katas yet.",
    ]


def test_progress_made_never_calls_a_stage_completed_early_open():
    curriculum = without_checkpoint_2_3()
    before = derive(curriculum, progress("doubler", curriculum=curriculum))
    after = derive(curriculum, progress(*STAGE_2, curriculum=curriculum))

    assert progress_made(before, after) == [
        "Checkpoint 2.2 met: Halve a number.",
        "Stage 2 (Advanced) is complete.",
        "Stage 3 (Extra) is now open; it has no katas yet.",
    ]


def test_progress_made_is_empty_when_nothing_was_gained():
    before = derive(CURRICULUM, progress("adder"))
    after = derive(CURRICULUM, progress("adder", "counter"))

    assert progress_made(before, after) == []


def test_progress_made_reports_gains_only_never_a_pass_lost():
    before = derive(CURRICULUM, progress(*STAGE_1))
    after = derive(CURRICULUM, progress(*STAGE_1[1:], failed=("adder",)))

    assert progress_made(before, after) == []


# -- the invariants, over every assignment ----------------------------------------------------

OUTCOMES = st.sampled_from(["passed", "failed", "not checked"])
VARIANTS = {
    "the fixture": CURRICULUM,
    "without checkpoint 2.3": without_checkpoint_2_3(),
    "stage 3 needs 1 and 2": with_stage(without_checkpoint_2_3(), 3, requires=(1, 2)),
    "stage 3 needs 1 only": with_stage(CURRICULUM, 3, requires=(1,)),
}


@given(
    variant=st.sampled_from(sorted(VARIANTS)),
    outcomes=st.fixed_dictionaries({k.id: OUTCOMES for k in CURRICULUM.katas}),
)
def test_stage_states_follow_the_checkpoints_and_prerequisites_for_any_outcomes(
    variant: str, outcomes: dict[str, str]
):
    """For any pass/fail/unchecked assignment to the fixture's katas:

    - a stage is complete iff every checkpoint of it has at least one kata and all its katas
      pass;
    - no stage is open (and none shows as open) unless every stage it requires is complete;
    - a stage that is not complete is locked exactly when a prerequisite is incomplete, unless
      it has no katas, which shows as "no katas yet".
    """
    curriculum = VARIANTS[variant]
    standing = derive(
        curriculum,
        progress(
            *(k for k, o in outcomes.items() if o == "passed"),
            failed=tuple(k for k, o in outcomes.items() if o == "failed"),
            curriculum=curriculum,
        ),
    )
    for stage in standing.stages:
        number = stage.stage.number
        katas = curriculum.katas_of(number)
        provable = all(curriculum.katas_for(c.id) for c in stage.stage.checkpoints)
        all_pass = all(outcomes[k.id] == "passed" for k in katas)
        assert (stage.state == COMPLETE) == (provable and all_pass), number
        requires_complete = all(standing.stage(r).state == COMPLETE for r in stage.stage.requires)
        if stage.is_open or stage.state == OPEN:
            assert requires_complete, number
        if stage.state != COMPLETE:
            expected = EMPTY if not katas else (OPEN if requires_complete else LOCKED)
            assert stage.state == expected, number
