"""Tests for checker/report.py: every renderer, compared on the whole string (xdist style).

The text is what a learner reads, so each expected string is written out line by line.
Inputs are built by hand: the fixture curriculum, Progress objects in memory, and KataRun /
Result / Failure values shaped like the ones the runner returns for each outcome.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
import pytest

from checker.manifest import Curriculum, WrongFixture
from checker.progress import KataRecord, Progress
from checker.report import (
    Hints,
    check_json,
    check_line,
    explain,
    graph_text,
    list_json,
    list_text,
    plain,
    sentence,
    status_json,
    status_text,
    verify_text,
)
from checker.runner import Failure, KataRun, Where

# Under its own name pytest would try to collect it as a test class (and warn, an error here).
from checker.runner import TestResult as Result
from checker.standing import Standing, derive
from checker.tests.support import CURRICULUM, STAGE_1, record
from checker.verify import KataProof

ESC = "\x1b"


def lines(*rows: str) -> str:
    return "\n".join(rows)


def standing_of(
    *passed: str, failed: tuple[str, ...] = (), curriculum: Curriculum = CURRICULUM, **extra
) -> Standing:
    records = {k: record(curriculum, k) for k in passed}
    records.update({k: record(curriculum, k, passed=False) for k in failed})
    records.update(extra)
    return derive(curriculum, Progress(katas=records))


def changed(kata_id: str, *, passed: bool = True) -> KataRecord:
    """A check whose recorded stub hash no longer matches the file: the kata is "changed"."""
    return dataclasses.replace(record(CURRICULUM, kata_id, passed=passed), stub_sha256="0" * 64)


def without_checkpoint_2_3() -> Curriculum:
    stages = tuple(
        dataclasses.replace(s, checkpoints=s.checkpoints[:2]) if s.number == 2 else s
        for s in CURRICULUM.stages
    )
    return dataclasses.replace(CURRICULUM, stages=stages)


# -- sentence ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "cls", "params", "expected"),
    [
        ("test_adds_two_small_numbers", None, None, "adds two small numbers"),
        ("test_evicts_the_oldest_key", "TestLru", None, "Lru: evicts the oldest key"),
        ("test_doubles_small_numbers", None, "negative", "doubles small numbers (negative)"),
        ("test_evicts_the_oldest_key", "TestLru", "small", "Lru: evicts the oldest key (small)"),
        ("test_keeps_order", "LruSuite", None, "LruSuite: keeps order"),
        ("test_", None, None, "test_"),
    ],
    ids=["plain", "class", "params", "class and params", "class without Test", "bare test_"],
)
def test_sentence_reads_a_test_name_as_words(
    function: str, cls: str | None, params: str | None, expected: str
):
    test = Result(
        nodeid=f"t.py::{function}", outcome="passed", function=function, cls=cls, params=params
    )

    assert sentence(test) == expected


# -- status -----------------------------------------------------------------------------------

STAGE_2_LOCKED = [
    "Stage 2  Advanced  [locked: needs stage 1]  0/2 katas",
    "  needs stage 1",
    "  [ ] 2.1  Double a number.",
    "  [ ] 2.2  Halve a number.",
    "  [-] 2.3  A checkpoint no kata proves yet.  (no katas yet)",
]
STAGE_3_EMPTY = [
    "Stage 3  Extra  [no katas yet]  0 katas",
    "  needs stage 2",
    "  [-] 3.1  One.  (no katas yet)",
    "  [-] 3.2  Two.  (no katas yet)",
    "  [-] 3.3  Three.  (no katas yet)",
]


def test_status_text_shows_every_stage_its_checkpoints_and_the_open_katas():
    standing = standing_of("adder", "counter", failed=("greeter",))

    assert status_text(CURRICULUM, standing) == lines(
        "backend-katas: 2 of 15 katas passed",
        "",
        "Stage 1  Basics  [open]  2/13 katas",
        "  needs nothing, start here",
        "  [ ] 1.1  Return the right value.",
        "  [ ] 1.2  Write code that imports.",
        "  [ ] 1.3  Write code that finishes.",
        "      adder                        passed",
        "      greeter                      failing",
        "      counter                      passed",
        "      parser                       not checked",
        "      importer                     not checked",
        "      renamer                      not checked",
        "      looper                       not checked",
        "      quitter                      not checked",
        "      exiter                       not checked",
        "      flooder                      not checked",
        "      lingerer                     not checked",
        "      hog                          not checked",
        "      vanisher                     not checked",
        "",
        *STAGE_2_LOCKED,
        "",
        *STAGE_3_EMPTY,
        "",
        "Next: `katas next` (kata greeter, stage 1).",
    )


def test_status_text_keeps_a_changed_pass_and_lists_it_even_in_a_locked_stage():
    standing = standing_of(
        *STAGE_1[1:-1], adder=changed("adder"), doubler=changed("doubler", passed=False)
    )

    assert status_text(CURRICULUM, standing) == lines(
        "backend-katas: 12 of 15 katas passed",
        "",
        "Stage 1  Basics  [open]  12/13 katas",
        "  needs nothing, start here",
        "  [x] 1.1  Return the right value.",
        "  [x] 1.2  Write code that imports.",
        "  [ ] 1.3  Write code that finishes.",
        "      adder                        passed, changed: re-check",
        *(f"      {k:<28} passed" for k in STAGE_1[1:-1]),
        "      vanisher                     not checked",
        "",
        "Stage 2  Advanced  [locked: needs stage 1]  0/2 katas",
        "  needs stage 1",
        "  [ ] 2.1  Double a number.",
        "  [ ] 2.2  Halve a number.",
        "  [-] 2.3  A checkpoint no kata proves yet.  (no katas yet)",
        "      doubler                      changed: re-check",
        "",
        *STAGE_3_EMPTY,
        "",
        "Next: `katas next` (kata vanisher, stage 1).",
    )


def test_status_text_says_what_blocks_when_every_open_kata_passes():
    standing = standing_of(*STAGE_1, "doubler", "halver")

    assert status_text(CURRICULUM, standing) == lines(
        "backend-katas: 15 of 15 katas passed",
        "",
        "Stage 1  Basics  [complete]  13/13 katas",
        "  needs nothing, start here",
        "  [x] 1.1  Return the right value.",
        "  [x] 1.2  Write code that imports.",
        "  [x] 1.3  Write code that finishes.",
        *(f"      {k:<28} passed" for k in STAGE_1),
        "",
        "Stage 2  Advanced  [open]  2/2 katas",
        "  needs stage 1",
        "  [x] 2.1  Double a number.",
        "  [x] 2.2  Halve a number.",
        "  [-] 2.3  A checkpoint no kata proves yet.  (no katas yet)",
        "      doubler                      passed",
        "      halver                       passed",
        "",
        *STAGE_3_EMPTY,
        "",
        "Every kata in the open stages passes. The rest wait on checkpoints marked [-], "
        "which have no katas yet.",
    )


def test_status_text_lists_the_katas_of_a_stage_completed_before_its_prerequisites():
    curriculum = without_checkpoint_2_3()

    text = status_text(curriculum, standing_of("doubler", "halver", curriculum=curriculum))

    stage_2 = text.split("\n\n")[2]
    assert stage_2 == lines(
        "Stage 2  Advanced  [complete]  2/2 katas",
        "  needs stage 1",
        "  [x] 2.1  Double a number.",
        "  [x] 2.2  Halve a number.",
        "      doubler                      passed",
        "      halver                       passed",
    )


def test_status_text_ends_with_the_final_message_when_every_stage_is_complete():
    curriculum = dataclasses.replace(
        CURRICULUM, stages=CURRICULUM.stages[:1], katas=CURRICULUM.katas_of(1)
    )

    assert status_text(curriculum, standing_of(*STAGE_1, curriculum=curriculum)) == lines(
        "backend-katas: 13 of 13 katas passed",
        "",
        "Stage 1  Basics  [complete]  13/13 katas",
        "  needs nothing, start here",
        "  [x] 1.1  Return the right value.",
        "  [x] 1.2  Write code that imports.",
        "  [x] 1.3  Write code that finishes.",
        *(f"      {k:<28} passed" for k in STAGE_1),
        "",
        "Fixture workbook complete.",
    )


def test_status_text_of_a_curriculum_without_katas_says_they_arrive_with_each_stage():
    curriculum = dataclasses.replace(CURRICULUM, stages=CURRICULUM.stages[:1], katas=())

    assert status_text(curriculum, standing_of(curriculum=curriculum)) == lines(
        "backend-katas: 0 of 0 katas passed",
        "",
        "Stage 1  Basics  [no katas yet]  0 katas",
        "  needs nothing, start here",
        "  [-] 1.1  Return the right value.  (no katas yet)",
        "  [-] 1.2  Write code that imports.  (no katas yet)",
        "  [-] 1.3  Write code that finishes.  (no katas yet)",
        "",
        "No katas yet: they arrive with each stage.",
    )


def test_status_text_lists_prerequisites_as_sorted_ranges():
    stages = tuple(
        dataclasses.replace(s, requires=(2, 1)) if s.number == 3 else s for s in CURRICULUM.stages
    )
    curriculum = dataclasses.replace(CURRICULUM, stages=stages)

    text = status_text(curriculum, standing_of(curriculum=curriculum)).splitlines()

    header = text.index("Stage 3  Extra  [no katas yet]  0 katas")
    assert text[header + 1] == "  needs stages 1-2"


def test_status_json_holds_every_stage_checkpoint_and_kata():
    standing = standing_of("adder", failed=("greeter",), counter=changed("counter"))

    def kata(kata_id: str, **state) -> dict:
        fields = {"passed": False, "checked": False, "changed": False, "hints_shown": 0}
        return {"id": kata_id, **fields, **state}

    assert status_json(standing) == {
        "complete": False,
        "next": "greeter",
        "stages": [
            {
                "number": 1,
                "slug": "basics",
                "title": "Basics",
                "state": "open",
                "prerequisites": [],
                "missing": [],
                "checkpoints": [
                    {
                        "id": "1.1",
                        "text": "Return the right value.",
                        "met": False,
                        "katas": ["adder", "greeter"],
                    },
                    {
                        "id": "1.2",
                        "text": "Write code that imports.",
                        "met": False,
                        "katas": ["counter", "parser", "importer", "renamer"],
                    },
                    {
                        "id": "1.3",
                        "text": "Write code that finishes.",
                        "met": False,
                        "katas": [
                            "looper",
                            "quitter",
                            "exiter",
                            "flooder",
                            "lingerer",
                            "hog",
                            "vanisher",
                        ],
                    },
                ],
                "katas": [
                    kata("adder", passed=True, checked=True),
                    kata("greeter", checked=True),
                    kata("counter", passed=True, checked=True, changed=True),
                    *(kata(k) for k in STAGE_1[3:]),
                ],
            },
            {
                "number": 2,
                "slug": "advanced",
                "title": "Advanced",
                "state": "locked",
                "prerequisites": [1],
                "missing": [1],
                "checkpoints": [
                    {"id": "2.1", "text": "Double a number.", "met": False, "katas": ["doubler"]},
                    {"id": "2.2", "text": "Halve a number.", "met": False, "katas": ["halver"]},
                    {
                        "id": "2.3",
                        "text": "A checkpoint no kata proves yet.",
                        "met": False,
                        "katas": [],
                    },
                ],
                "katas": [kata("doubler"), kata("halver")],
            },
            {
                "number": 3,
                "slug": "extra",
                "title": "Extra",
                "state": "no katas yet",
                "prerequisites": [2],
                "missing": [2],
                "checkpoints": [
                    {"id": "3.1", "text": "One.", "met": False, "katas": []},
                    {"id": "3.2", "text": "Two.", "met": False, "katas": []},
                    {"id": "3.3", "text": "Three.", "met": False, "katas": []},
                ],
                "katas": [],
            },
        ],
    }


# -- list -------------------------------------------------------------------------------------


def test_list_text_is_a_table_of_every_kata_in_learning_order():
    standing = standing_of(
        "adder", failed=("greeter", "halver"), counter=changed("counter"), hog=changed("hog")
    )

    assert list_text(standing) == lines(
        "kata      stage  checkpoints  state",
        "adder     1      1.1          passed",
        "greeter   1      1.1          failing",
        "counter   1      1.2          passed, changed: re-check",
        "parser    1      1.2          not checked",
        "importer  1      1.2          not checked",
        "renamer   1      1.2          not checked",
        "looper    1      1.3          not checked",
        "quitter   1      1.3          not checked",
        "exiter    1      1.3          not checked",
        "flooder   1      1.3          not checked",
        "lingerer  1      1.3          not checked",
        "hog       1      1.3          passed, changed: re-check",
        "vanisher  1      1.3          not checked",
        "doubler   2      2.1          locked",
        "halver    2      2.2          failing",
    )


def test_list_text_without_katas_says_they_arrive_with_each_stage():
    curriculum = dataclasses.replace(CURRICULUM, katas=())

    assert list_text(standing_of(curriculum=curriculum)) == (
        "No katas in the manifest yet: they arrive with each stage."
    )


def test_list_json_is_one_object_per_kata_in_learning_order():
    standing = standing_of(
        "adder", greeter=record(CURRICULUM, "greeter", passed=False, hints_shown=2)
    )

    listed = list_json(standing)

    assert [k["id"] for k in listed] == [k.id for k in CURRICULUM.katas]
    assert listed[:2] == [
        {
            "stage": 1,
            "checkpoints": ["1.1"],
            "id": "adder",
            "passed": True,
            "checked": True,
            "changed": False,
            "hints_shown": 0,
        },
        {
            "stage": 1,
            "checkpoints": ["1.1"],
            "id": "greeter",
            "passed": False,
            "checked": True,
            "changed": False,
            "hints_shown": 2,
        },
    ]
    assert listed[-1] == {
        "stage": 2,
        "checkpoints": ["2.2"],
        "id": "halver",
        "passed": False,
        "checked": False,
        "changed": False,
        "hints_shown": 0,
    }


# -- graph ------------------------------------------------------------------------------------


def test_graph_text_draws_the_stage_map_with_aligned_states():
    assert graph_text(standing_of("adder")) == lines(
        "Stage map: a stage opens when every stage it needs is complete.",
        "",
        "  [1] Basics        open",
        "  |",
        "  +-> [2] Advanced  locked        needs stage 1",
        "  |",
        "  +-> [3] Extra     no katas yet  needs stage 2",
    )


def test_graph_text_puts_stages_that_need_the_same_level_side_by_side():
    stages = tuple(
        dataclasses.replace(s, requires=(1,)) if s.number == 3 else s for s in CURRICULUM.stages
    )
    curriculum = dataclasses.replace(CURRICULUM, stages=stages)

    assert graph_text(standing_of(*STAGE_1, curriculum=curriculum)) == lines(
        "Stage map: a stage opens when every stage it needs is complete.",
        "",
        "  [1] Basics        complete",
        "  |",
        "  +-> [2] Advanced  open          needs stage 1",
        "  +-> [3] Extra     no katas yet  needs stage 1",
    )


# -- check ------------------------------------------------------------------------------------


def passed(name: str, tests_file: str = "katas/stage1_basics/test_adder.py") -> Result:
    function, _, params = name.partition("[")
    return Result(
        nodeid=f"{tests_file}::{name}",
        outcome="passed",
        function=function,
        params=params.removesuffix("]") or None,
        path=tests_file,
        line=4,
    )


def failed(
    name: str, failure: Failure | None, tests_file: str, *, line: int = 4, **fields
) -> Result:
    function, _, params = name.partition("[")
    return Result(
        nodeid=f"{tests_file}::{name}",
        outcome="failed",
        function=function,
        params=params.removesuffix("]") or None,
        path=tests_file,
        line=line,
        failure=failure,
        **fields,
    )


def kata_run(
    kata_id: str,
    *tests: Result,
    collected: int | None = None,
    problem: Failure | None = None,
    seconds: float = 0.25,
) -> KataRun:
    count = len(tests) if collected is None and problem is None else collected
    return KataRun(
        kata_id, "stub", tuple(tests), count, problem, 0 if problem is None else 1, seconds
    )


ADDER_PASSES = kata_run(
    "adder", passed("test_adds_two_small_numbers"), passed("test_adds_a_negative_number")
)
DOUBLER_TESTS = "katas/stage2_advanced/test_doubler.py"
DOUBLER_FAILS_ONE = kata_run(
    "doubler",
    passed("test_doubles_small_numbers[zero]", DOUBLER_TESTS),
    failed(
        "test_doubles_small_numbers[four]",
        Failure(
            "assertion",
            "Called double(4). It returned 16, expected 8.\nassert 16 == 8",
            "AssertionError",
        ),
        DOUBLER_TESTS,
        line=7,
    ),
    collected=4,
    seconds=1.23456,
)
PARSER_DOES_NOT_IMPORT = kata_run(
    "parser",
    problem=Failure(
        "syntax-error",
        "'(' was never closed",
        "SyntaxError",
        where=Where("katas/stage1_basics/parser.py", 6, "    return int(text"),
        details={"column": 15},
    ),
)


@pytest.mark.parametrize(
    ("kata_id", "run", "expected"),
    [
        ("adder", ADDER_PASSES, "PASS  adder  (2/2 tests)"),
        ("doubler", DOUBLER_FAILS_ONE, "FAIL  doubler  (1 passed of 4)"),
        ("parser", PARSER_DOES_NOT_IMPORT, "FAIL  parser  (did not run)"),
    ],
    ids=["passed", "failed", "did not run"],
)
def test_check_line_says_pass_or_fail_and_how_many_tests_passed(
    kata_id: str, run: KataRun, expected: str
):
    assert check_line(CURRICULUM.kata(kata_id), run) == expected


def test_check_json_of_a_passing_run_has_no_failure():
    assert check_json(CURRICULUM.kata("adder"), ADDER_PASSES) == {
        "id": "adder",
        "stage": 1,
        "passed": True,
        "tests_passed": 2,
        "tests_total": 2,
        "seconds": 0.25,
        "failure": None,
    }


def test_check_json_of_a_failing_run_describes_its_first_failure():
    assert check_json(CURRICULUM.kata("doubler"), DOUBLER_FAILS_ONE) == {
        "id": "doubler",
        "stage": 2,
        "passed": False,
        "tests_passed": 1,
        "tests_total": 4,
        "seconds": 1.235,
        "failure": {
            "test": f"{DOUBLER_TESTS}::test_doubles_small_numbers[four]",
            "sentence": "doubles small numbers (four)",
            "kind": "assertion",
            "message": "Called double(4). It returned 16, expected 8.\nassert 16 == 8",
            "where": None,
        },
    }


def test_check_json_of_a_run_that_did_not_import_has_no_test():
    failure = check_json(CURRICULUM.kata("parser"), PARSER_DOES_NOT_IMPORT)["failure"]

    assert failure == {
        "test": None,
        "sentence": None,
        "kind": "syntax-error",
        "message": "'(' was never closed",
        "where": "katas/stage1_basics/parser.py:6",
    }


# -- explain: one case per failure kind ----------------------------------------------------------


def test_explain_is_empty_for_a_kata_that_passed():
    assert explain(CURRICULUM.kata("adder"), ADDER_PASSES, Hints(0, 2)) == ""


def stage1(module: str) -> str:
    return f"katas/stage1_basics/{module}.py"


def at(module: str, line: int, code: str = "", function: str = "") -> Where:
    return Where(stage1(module), line, code, function)


def one_test(kata_id: str, name: str, failure: Failure, **fields) -> KataRun:
    """A run whose only test failed with ``failure``."""
    kata = CURRICULUM.kata(kata_id)
    return kata_run(kata_id, failed(name, failure, kata.tests.as_posix(), **fields))


def whole_run(kata_id: str, failure: Failure) -> KataRun:
    """A run that failed as a whole before any test ran (import, missing file ...)."""
    return kata_run(kata_id, problem=failure)


GREETER_DIFF = "\n".join(
    [
        "Called greet('Ada'). It returned 'Hello Ada', expected 'Hello, Ada!'.",
        "assert 'Hello Ada' == 'Hello, Ada!'",
        "  ",
        "  - Hello, Ada!",
        "  ?      -    -",
        "  + Hello Ada",
    ]
)

EXPLAIN_CASES = [
    pytest.param(
        "counter",
        one_test(
            "counter",
            "test_counts_two_words",
            Failure(
                "not-started",
                "",
                "NotImplementedError",
                where=at("counter", 10, "raise NotImplementedError", "count_words"),
                test_where=at("test_counter", 5, 'assert count_words("a b") == 2'),
            ),
        ),
        Hints(0, 3),
        [
            "counter: not started yet",
            "",
            "  Test:  counts two words",
            "  `count_words` still raises NotImplementedError at "
            "katas/stage1_basics/counter.py:10  `raise NotImplementedError`.",
            "  The task is in the docstring of katas/stage1_basics/counter.py: "
            "replace the `raise` with your code.",
            "",
            "  Next: write your code and run `katas check counter`. "
            "Stuck? `katas hint counter` (hint 1 of 3).",
        ],
        id="not-started",
    ),
    pytest.param(
        "greeter",
        one_test(
            "greeter",
            "test_greets_by_name",
            Failure(
                "assertion",
                GREETER_DIFF,
                "AssertionError",
                test_where=at("test_greeter", 7, '    assert got == "Hello, Ada!", message'),
                output="greeting Ada\n",
            ),
            doc="The greeting has a comma and an exclamation mark.",
        ),
        Hints(1, 2),
        [
            "greeter: a test failed",
            "",
            "  Test:  greets by name",
            "         The greeting has a comma and an exclamation mark.",
            "  Called greet('Ada'). It returned 'Hello Ada', expected 'Hello, Ada!'.",
            "  assert 'Hello Ada' == 'Hello, Ada!'",
            "",
            "    - Hello, Ada!",
            "    ?      -    -",
            "    + Hello Ada",
            '  Test file:  katas/stage1_basics/test_greeter.py:7  `assert got == "Hello, Ada!", '
            "message`",
            "  Your code printed:",
            "    | greeting Ada",
            "",
            "  Next: fix it and run `katas check greeter`. "
            "Stuck? `katas hint greeter` (hint 2 of 2).",
        ],
        id="assertion",
    ),
    pytest.param(
        "greeter",
        one_test(
            "greeter",
            "test_greets_by_name",
            Failure("assertion", "assert 'Hello Ada' == 'Hello, Ada!'", "AssertionError"),
        ),
        Hints(0, 2),
        [
            "greeter: a test failed",
            "",
            "  Test:  greets by name",
            "  assert 'Hello Ada' == 'Hello, Ada!'",
            "  Test file:  katas/stage1_basics/test_greeter.py:4",
            "",
            "  Next: fix it and run `katas check greeter`. "
            "Stuck? `katas hint greeter` (hint 1 of 2).",
        ],
        id="assertion without a frame",
    ),
    pytest.param(
        "adder",
        one_test(
            "adder",
            "test_adds_two_small_numbers",
            Failure(
                "exception",
                "unsupported operand type(s) for +: 'int' and 'str'",
                "TypeError",
                where=at("adder", 11, "    return a + str(b)", "add"),
                test_where=at("test_adder", 5, "assert add(2, 3) == 5"),
            ),
        ),
        Hints(0, 2),
        [
            "adder: a test failed",
            "",
            "  Test:  adds two small numbers",
            "  Your code raised TypeError at katas/stage1_basics/adder.py:11  `return a + str(b)`:",
            "    unsupported operand type(s) for +: 'int' and 'str'",
            "  Test file:  katas/stage1_basics/test_adder.py:5  `assert add(2, 3) == 5`",
            "",
            "  Next: fix it and run `katas check adder`. Stuck? `katas hint adder` (hint 1 of 2).",
        ],
        id="exception",
    ),
    pytest.param(
        "parser",
        PARSER_DOES_NOT_IMPORT,
        Hints(0, 2),
        [
            "parser: Python cannot read your file",
            "",
            "  katas/stage1_basics/parser.py, line 6: '(' was never closed.",
            "    6 |     return int(text",
            "                      ^",
            "  Fix the syntax; nothing in this file can run until Python can read it.",
            "",
            "  Next: fix it and run `katas check parser`. "
            "Stuck? `katas hint parser` (hint 1 of 2).",
        ],
        id="syntax-error with caret",
    ),
    pytest.param(
        "parser",
        whole_run(
            "parser",
            Failure(
                "syntax-error",
                "invalid syntax. Perhaps you forgot a comma?",
                "SyntaxError",
                where=at("parser", 6, "    return [1 2]"),
            ),
        ),
        Hints(0, 2),
        [
            "parser: Python cannot read your file",
            "",
            "  katas/stage1_basics/parser.py, line 6: invalid syntax. Perhaps you forgot a comma?",
            "    6 |     return [1 2]",
            "  Fix the syntax; nothing in this file can run until Python can read it.",
            "",
            "  Next: fix it and run `katas check parser`. "
            "Stuck? `katas hint parser` (hint 1 of 2).",
        ],
        id="syntax-error without column",
    ),
    pytest.param(
        "importer",
        whole_run(
            "importer",
            Failure(
                "import-error",
                "No module named 'no_such_module_anywhere'",
                "ModuleNotFoundError",
                where=at("importer", 3, "import no_such_module_anywhere", "<module>"),
            ),
        ),
        Hints(0, 2),
        [
            "importer: your file cannot be imported",
            "",
            "  Importing katas/stage1_basics/importer.py failed at "
            "katas/stage1_basics/importer.py:3  `import no_such_module_anywhere`:",
            "    No module named 'no_such_module_anywhere'",
            "  Use the standard library and modules of this workbook only.",
            "",
            "  Next: fix it and run `katas check importer`. "
            "Stuck? `katas hint importer` (hint 1 of 2).",
        ],
        id="import-error",
    ),
    pytest.param(
        "renamer",
        whole_run(
            "renamer",
            Failure(
                "missing-name",
                "cannot import name 'shout' from 'katas.stage1_basics.renamer'",
                "ImportError",
                test_where=at("test_renamer", 1, "from katas.stage1_basics.renamer import shout"),
                details={"name": "shout", "module": "katas.stage1_basics.renamer"},
            ),
        ),
        Hints(0, 2),
        [
            "renamer: a name the tests need is missing",
            "",
            "  The tests use `shout` from katas/stage1_basics/renamer.py, "
            "but the file no longer defines it.",
            "  Keep every name the stub declares (adding helpers is fine);",
            "  `git diff katas/stage1_basics/renamer.py` shows what changed.",
            "",
            "  Next: fix it and run `katas check renamer`. "
            "Stuck? `katas hint renamer` (hint 1 of 2).",
        ],
        id="missing-name",
    ),
    pytest.param(
        "looper",
        one_test(
            "looper",
            "test_returns_its_argument",
            Failure(
                "timeout",
                "Timeout (>1.0s) from pytest-timeout.",
                "Failed",
                where=at("looper", 6, "    while True:", "spin"),
                test_where=at("test_looper", 5, "assert spin(3) == 3"),
            ),
        ),
        Hints(2, 2),
        [
            "looper: a test did not finish in time",
            "",
            "  Test:  returns its argument",
            "  It ran for more than 1.0 s, the limit for one test.",
            "  Your code was still running at katas/stage1_basics/looper.py:6  `while True:`.",
            "  Look for a loop that never ends, or a wait that nothing wakes.",
            "  Test file:  katas/stage1_basics/test_looper.py:5  `assert spin(3) == 3`",
            "",
            "  Next: fix it and run `katas check looper`. All 2 hints are shown "
            "(`katas hint looper --all`); read more in docs/stage1_basics.md#looper",
        ],
        id="timeout",
    ),
    pytest.param(
        "looper",
        one_test(
            "looper",
            "test_returns_its_argument",
            Failure(
                "hung",
                "the run stopped making progress while a test was running and was stopped",
            ),
        ),
        Hints(1, 2),
        [
            "looper: the run stopped making progress",
            "",
            "  Test:  returns its argument",
            "  The run stopped making progress while a test was running and was stopped.",
            "  A loop or a wait at module level, a deadlock, or a blocking read can do this.",
            "  Run `pytest -x katas/stage1_basics/test_looper.py` to see where it stops.",
            "",
            "  Next: fix it and run `katas check looper`. "
            "Stuck? `katas hint looper` (hint 2 of 2).",
        ],
        id="hung",
    ),
    pytest.param(
        "looper",
        whole_run(
            "looper",
            Failure(
                "hung",
                "the run stopped making progress while importing the kata and was stopped",
                output="loading the table\nstill loading",
            ),
        ),
        Hints(0, 2),
        [
            "looper: the run stopped making progress",
            "",
            "  The run stopped making progress while importing the kata and was stopped.",
            "  A loop or a wait at module level, a deadlock, or a blocking read can do this.",
            "  Run `pytest -x katas/stage1_basics/test_looper.py` to see where it stops.",
            "  The test run's last output:",
            "    | loading the table",
            "    | still loading",
            "",
            "  Next: fix it and run `katas check looper`. "
            "Stuck? `katas hint looper` (hint 1 of 2).",
        ],
        id="hung while importing",
    ),
    pytest.param(
        "quitter",
        one_test(
            "quitter",
            "test_answers_42",
            Failure(
                "exited",
                "SystemExit(3)",
                "SystemExit",
                where=at("quitter", 8, "    sys.exit(3)", "answer"),
                details={"code": 3},
            ),
        ),
        Hints(0, 2),
        [
            "quitter: your code exited the process",
            "",
            "  Test:  answers 42",
            "  Your code called sys.exit(3) at katas/stage1_basics/quitter.py:8  `sys.exit(3)`.",
            "  A kata function returns its answer; it never ends the process.",
            "",
            "  Next: fix it and run `katas check quitter`. "
            "Stuck? `katas hint quitter` (hint 1 of 2).",
        ],
        id="exited",
    ),
    pytest.param(
        "quitter",
        one_test(
            "quitter",
            "test_answers_42",
            Failure(
                "exited",
                "SystemExit('done')",
                "SystemExit",
                where=at("quitter", 8, "    sys.exit('done')", "answer"),
                details={"code": "done"},
            ),
        ),
        Hints(0, 2),
        [
            "quitter: your code exited the process",
            "",
            "  Test:  answers 42",
            "  Your code called sys.exit('done') at katas/stage1_basics/quitter.py:8  "
            "`sys.exit('done')`.",
            "  A kata function returns its answer; it never ends the process.",
            "",
            "  Next: fix it and run `katas check quitter`. "
            "Stuck? `katas hint quitter` (hint 1 of 2).",
        ],
        id="exited with a message",
    ),
    pytest.param(
        "exiter",
        one_test(
            "exiter",
            "test_answers_42",
            Failure(
                "crashed",
                "the test process was killed by SIGSEGV while a test was running",
                output="Fatal Python error: Segmentation fault\n\n"
                "Current thread 0x00007f1c (most recent call first):\n"
                '  File "katas/stage1_basics/exiter.py", line 8 in answer',
                details={"signal": "SIGSEGV"},
            ),
        ),
        Hints(0, 2),
        [
            "exiter: the test process died",
            "",
            "  Test:  answers 42",
            "  The test process was killed by SIGSEGV while a test was running.",
            "  Look for os._exit(), os.kill() or a native extension in your code.",
            "  The test run's last output:",
            "    | Fatal Python error: Segmentation fault",
            "    |",
            "    | Current thread 0x00007f1c (most recent call first):",
            '    |   File "katas/stage1_basics/exiter.py", line 8 in answer',
            "",
            "  Next: fix it and run `katas check exiter`. "
            "Stuck? `katas hint exiter` (hint 1 of 2).",
        ],
        id="crashed",
    ),
    pytest.param(
        "flooder",
        one_test(
            "flooder",
            "test_returns_zero",
            Failure("output-flood", "wrote more than 64 MiB of output", output="x" * 2000),
        ),
        Hints(0, 2),
        [
            "flooder: too much output",
            "",
            "  Test:  returns zero",
            "  Your code wrote too much output.",
            "  Print less: is there a print inside a loop that never ends?",
            "",
            "  Next: fix it and run `katas check flooder`. "
            "Stuck? `katas hint flooder` (hint 1 of 2).",
        ],
        id="output-flood",
    ),
    pytest.param(
        "hog",
        one_test(
            "hog",
            "test_returns_zero",
            Failure(
                "memory",
                "",
                "MemoryError",
                where=at("hog", 6, "    table = [0] * (1 << 36)", "grow"),
            ),
        ),
        Hints(0, 2),
        [
            "hog: out of memory",
            "",
            "  Test:  returns zero",
            "  Your code ran out of memory at katas/stage1_basics/hog.py:6  "
            "`table = [0] * (1 << 36)`.",
            "  Look for a collection that grows without end, or a copy made in a loop.",
            "",
            "  Next: fix it and run `katas check hog`. Stuck? `katas hint hog` (hint 1 of 2).",
        ],
        id="memory",
    ),
    pytest.param(
        "halver",
        kata_run(
            "halver",
            failed(
                "test_halves_ten",
                Failure(
                    "recursion",
                    "maximum recursion depth exceeded",
                    "RecursionError",
                    where=Where("katas/stage2_advanced/halver.py", 7, "return halve(n)", "halve"),
                ),
                "katas/stage2_advanced/test_halver.py",
            ),
            collected=3,
        ),
        Hints(0, 2),
        [
            "halver: recursion too deep",
            "",
            "  Test:  halves ten",
            "  The recursion went too deep at katas/stage2_advanced/halver.py:7  "
            "`return halve(n)`.",
            "  Check the base case; for deep inputs, use an explicit stack instead.",
            "",
            "  Next: fix it and run `katas check halver`. "
            "Stuck? `katas hint halver` (hint 1 of 2).",
        ],
        id="recursion",
    ),
    pytest.param(
        "lingerer",
        kata_run(
            "lingerer",
            passed("test_starts", "katas/stage1_basics/test_lingerer.py"),
            collected=1,
            problem=Failure(
                "would-not-exit",
                "the tests finished but the process could not exit: a thread your code "
                "started is still running",
                output=f"{'.':<73}[100%]\n1 passed in 0.98s",
            ),
        ),
        Hints(0, 2),
        [
            "lingerer: a thread never finished",
            "",
            "  The tests finished, but a thread your code started never ended,",
            "  so the process could not exit. Join or stop every thread you start.",
            "  The test run's last output:",
            f"    | {'.':<73}[100%]",
            "    | 1 passed in 0.98s",
            "",
            "  Next: fix it and run `katas check lingerer`. "
            "Stuck? `katas hint lingerer` (hint 1 of 2).",
        ],
        id="would-not-exit",
    ),
    pytest.param(
        "vanisher",
        whole_run(
            "vanisher",
            Failure(
                "tests-missing",
                "katas/stage1_basics/test_vanisher.py",
                details={"path": "katas/stage1_basics/test_vanisher.py"},
            ),
        ),
        Hints(0, 2),
        [
            "vanisher: its test file is missing",
            "",
            "  katas/stage1_basics/test_vanisher.py is missing. "
            "Restore it with `git checkout -- katas/stage1_basics/test_vanisher.py`.",
            "",
            "  Then run `katas check vanisher` again.",
        ],
        id="tests-missing",
    ),
    pytest.param(
        "adder",
        whole_run(
            "adder",
            Failure(
                "stub-missing",
                "katas/stage1_basics/adder.py",
                details={"path": "katas/stage1_basics/adder.py"},
            ),
        ),
        Hints(0, 2),
        [
            "adder: its stub file is missing",
            "",
            "  katas/stage1_basics/adder.py is missing. "
            "Restore the original with `git checkout -- katas/stage1_basics/adder.py`",
            "  (work you never committed is not in git).",
            "",
            "  Then run `katas check adder` again.",
        ],
        id="stub-missing",
    ),
    pytest.param(
        "adder",
        whole_run("adder", Failure("impl-missing", "solutions/stage1_basics/adder.py")),
        Hints(0, 2),
        [
            "adder: the implementation to test is missing",
            "",
            "  solutions/stage1_basics/adder.py is missing.",
            "",
            "  Then run `katas check adder` again.",
        ],
        id="impl-missing",
    ),
    pytest.param(
        "halver",
        kata_run(
            "halver",
            collected=0,
            problem=Failure(
                "no-tests",
                "pytest collected no tests from this kata's test file",
                output="no tests ran in 0.01s",
            ),
        ),
        Hints(0, 2),
        [
            "halver: its test file has no tests",
            "",
            "  pytest found no tests in katas/stage2_advanced/test_halver.py. "
            "Restore it with `git checkout -- katas/stage2_advanced/test_halver.py`.",
            "  The test run's last output:",
            "    | no tests ran in 0.01s",
            "",
            "  Then run `katas check halver` again.",
        ],
        id="no-tests",
    ),
    pytest.param(
        "doubler",
        whole_run(
            "doubler",
            Failure(
                "internal",
                "pytest could not run the tests (exit status 4)",
                output="ERROR: usage: pytest [options] [file_or_dir]\n"
                "pytest: error: unrecognized arguments: --katas-report",
            ),
        ),
        Hints(0, 2),
        [
            "doubler: the tests could not be run",
            "",
            "  Pytest could not run the tests (exit status 4); "
            "this is the workbook's setup, not your code.",
            "  Reinstall with `pip install -e .` and try again.",
            "  pytest said:",
            "    | ERROR: usage: pytest [options] [file_or_dir]",
            "    | pytest: error: unrecognized arguments: --katas-report",
            "",
            "  Then run `katas check doubler` again.",
        ],
        id="internal",
    ),
    pytest.param(
        "halver",
        kata_run(
            "halver",
            passed("test_halves_ten", "katas/stage2_advanced/test_halver.py"),
            dataclasses.replace(
                passed("test_is_importable", "katas/stage2_advanced/test_halver.py"),
                outcome="skipped",
            ),
            passed("test_has_a_docstring", "katas/stage2_advanced/test_halver.py"),
        ),
        Hints(0, 2),
        [
            "halver: a test was skipped",
            "",
            "  Test:  is importable",
            "  The test was skipped, and a kata passes only when every test runs and passes.",
            "  Does your code call pytest.skip()? Is every package of the workbook installed",
            "  (`pip install -e .`)?",
            "",
            "  Next: fix it and run `katas check halver`. "
            "Stuck? `katas hint halver` (hint 1 of 2).",
        ],
        id="skipped",
    ),
    pytest.param(
        "adder",
        one_test(
            "adder",
            "test_adds_two_small_numbers",
            Failure("some-new-kind", "something the report has no words for yet"),
        ),
        Hints(0, 2),
        [
            "adder: a test failed",
            "",
            "  Test:  adds two small numbers",
            "  something the report has no words for yet",
            "",
            "  Next: fix it and run `katas check adder`. Stuck? `katas hint adder` (hint 1 of 2).",
        ],
        id="a kind the report does not know",
    ),
]


@pytest.mark.parametrize(("kata_id", "run", "hints", "expected"), EXPLAIN_CASES)
def test_explain_says_what_went_wrong_where_and_what_to_do_next(
    kata_id: str, run: KataRun, hints: Hints, expected: list[str]
):
    assert explain(CURRICULUM.kata(kata_id), run, hints) == lines(*expected)


def test_every_failure_kind_the_report_knows_has_an_explain_case():
    kinds = {case.values[1].first_failure[1].kind for case in EXPLAIN_CASES}

    assert kinds >= {
        "not-started",
        "assertion",
        "exception",
        "syntax-error",
        "import-error",
        "missing-name",
        "timeout",
        "hung",
        "exited",
        "crashed",
        "output-flood",
        "memory",
        "recursion",
        "would-not-exit",
        "tests-missing",
        "stub-missing",
        "impl-missing",
        "no-tests",
        "internal",
        "skipped",
    }


NOT_STARTED = one_test(
    "adder",
    "test_adds_two_small_numbers",
    Failure("not-started", "", "NotImplementedError", where=at("adder", 11, "", "add")),
)
ASSERTION = one_test(
    "adder", "test_adds_two_small_numbers", Failure("assertion", "assert 6 == 5", "AssertionError")
)


@pytest.mark.parametrize(
    ("run", "hints", "expected"),
    [
        (
            ASSERTION,
            Hints(0, 2),
            "Next: fix it and run `katas check adder`. Stuck? `katas hint adder` (hint 1 of 2).",
        ),
        (
            ASSERTION,
            Hints(1, 2),
            "Next: fix it and run `katas check adder`. Stuck? `katas hint adder` (hint 2 of 2).",
        ),
        (
            ASSERTION,
            Hints(2, 2),
            "Next: fix it and run `katas check adder`. All 2 hints are shown "
            "(`katas hint adder --all`); read more in docs/stage1_basics.md#adder",
        ),
        # The manifest lost a hint since the learner saw three.
        (
            ASSERTION,
            Hints(3, 2),
            "Next: fix it and run `katas check adder`. All 2 hints are shown "
            "(`katas hint adder --all`); read more in docs/stage1_basics.md#adder",
        ),
        (
            NOT_STARTED,
            Hints(0, 2),
            "Next: write your code and run `katas check adder`. "
            "Stuck? `katas hint adder` (hint 1 of 2).",
        ),
        (
            NOT_STARTED,
            Hints(2, 2),
            "Next: write your code and run `katas check adder`. All 2 hints are shown "
            "(`katas hint adder --all`); read more in docs/stage1_basics.md#adder",
        ),
    ],
    ids=[
        "no hint seen",
        "one hint seen",
        "all hints seen",
        "more seen than there are",
        "not started",
        "not started, all hints seen",
    ],
)
def test_the_next_line_counts_the_hints_left(run: KataRun, hints: Hints, expected: str):
    assert explain(CURRICULUM.kata("adder"), run, hints).splitlines()[-1] == f"  {expected}"


def test_explain_quotes_only_the_last_lines_of_long_output_and_says_so():
    output = "\n".join(f"line {n}" for n in range(1, 21))
    run = one_test(
        "adder",
        "test_adds_two_small_numbers",
        Failure("assertion", "assert 6 == 5", "AssertionError", output=output),
    )

    text = explain(CURRICULUM.kata("adder"), run, Hints(0, 2))

    assert text.splitlines()[5:23] == [
        "  Your code printed:",
        "    | ... (5 lines before)",
        *(f"    | line {n}" for n in range(6, 21)),
        "",
    ]


def test_explain_cuts_a_very_long_message_after_forty_lines():
    message = "\n".join(f"row {n}" for n in range(1, 46))
    run = one_test(
        "adder", "test_adds_two_small_numbers", Failure("assertion", message, "AssertionError")
    )

    body = explain(CURRICULUM.kata("adder"), run, Hints(0, 2)).splitlines()[3:45]

    assert body == [
        *(f"  row {n}" for n in range(1, 41)),
        "  ... (5 more lines)",
        "  Test file:  katas/stage1_basics/test_adder.py:4",
    ]


# -- verify -----------------------------------------------------------------------------------


def proof(kata_id: str, stub_outcomes: str, wrong: dict[str, bool], problems=(), seconds=0.5):
    """A proof: solution passes all tests, the stub has ``stub_outcomes`` (p/f per test),
    and each known-wrong fixture is rejected (True) or not (False)."""
    kata = CURRICULUM.kata(kata_id)
    tests_file = kata.tests.as_posix()

    def outcomes(code: str) -> tuple[Result, ...]:
        return tuple(
            dataclasses.replace(
                passed(f"test_{n}", tests_file), outcome="passed" if c == "p" else "failed"
            )
            for n, c in enumerate(code)
        )

    fixtures = tuple(
        (
            WrongFixture(name, Path(f"solutions/{kata.folder}/wrong/{name}.py"), kata_id, "bug"),
            kata_run(
                kata_id, *outcomes("f" if rejected else "p" * len(stub_outcomes)), seconds=0.0
            ),
        )
        for name, rejected in wrong.items()
    )
    solution = kata_run(kata_id, *outcomes("p" * len(stub_outcomes)), seconds=seconds / 2)
    stub = kata_run(kata_id, *outcomes(stub_outcomes), seconds=seconds / 2)
    return KataProof(kata, solution, stub, fixtures, tuple(problems))


PROOFS = [
    proof("doubler", "ffff", {"doubler_small_only": True, "doubler_squares": True}, seconds=1.5),
    proof(
        "halver",
        "ffp",
        {"halver_rounds_up": False},
        problems=["wrong/halver_rounds_up passes every test: the tests miss its bug (rounds up)"],
        seconds=0.9,
    ),
    proof(
        "adder",
        "f",
        {},
        problems=["1 known-wrong fixture(s); write at least 2: solutions/..."],
        seconds=0.2,
    ),
]
STRAY = ["katas/stage1_basics/test_stray.py: not in the manifest; add a [[kata]]"]


def test_verify_text_has_a_line_per_kata_its_problems_and_the_totals():
    assert verify_text(PROOFS, STRAY, 3.21) == lines(
        "ok    doubler                      4 tests; stub fails 4/4; "
        "2/2 wrong fixtures rejected  (1.50 s)",
        "FAIL  halver                       3 tests; stub fails 2/3; "
        "0/1 wrong fixtures rejected  (0.90 s)",
        "        - wrong/halver_rounds_up passes every test: the tests miss its bug (rounds up)",
        "FAIL  adder                        1 test; stub fails 1/1; "
        "0/0 wrong fixtures rejected  (0.20 s)",
        "        - 1 known-wrong fixture(s); write at least 2: solutions/...",
        "FAIL  files no kata owns:",
        "        - katas/stage1_basics/test_stray.py: not in the manifest; add a [[kata]]",
        "",
        "1 of 3 katas proven, 2 with problems, 1 stray file (3.2 s).",
    )


def test_verify_text_when_every_kata_is_proven_names_no_stray_files():
    assert verify_text(PROOFS[:1], [], 1.56) == lines(
        "ok    doubler                      4 tests; stub fails 4/4; "
        "2/2 wrong fixtures rejected  (1.50 s)",
        "",
        "1 of 1 katas proven, 0 with problems (1.6 s).",
    )


def test_verify_text_with_nothing_selected_says_there_is_nothing_to_prove():
    assert verify_text([], [], 0.0) == "No katas to prove yet."


# -- colour -----------------------------------------------------------------------------------


def test_status_text_colours_only_the_stage_states():
    standing = standing_of("adder")

    coloured = status_text(CURRICULUM, standing, click.style)

    heads = [line for line in coloured.splitlines() if ESC in line]
    assert heads == [
        f"Stage 1  Basics  [{click.style('open', fg='yellow')}]  1/13 katas",
        f"Stage 2  Advanced  [{click.style('locked: needs stage 1', fg='bright_black')}]  "
        "0/2 katas",
        f"Stage 3  Extra  [{click.style('no katas yet', fg='bright_black')}]  0 katas",
    ]
    assert click.unstyle(coloured) == status_text(CURRICULUM, standing)


def test_graph_text_colours_only_the_state_words():
    standing = standing_of(*STAGE_1)

    assert graph_text(standing, click.style) == lines(
        "Stage map: a stage opens when every stage it needs is complete.",
        "",
        f"  [1] Basics        {click.style('complete', fg='green')}",
        "  |",
        f"  +-> [2] Advanced  {click.style('open', fg='yellow')}          needs stage 1",
        "  |",
        f"  +-> [3] Extra     {click.style('no katas yet', fg='bright_black')}  needs stage 2",
    )


def test_check_line_colours_only_pass_and_fail():
    assert check_line(CURRICULUM.kata("adder"), ADDER_PASSES, click.style) == (
        f"{click.style('PASS', fg='green')}  adder  (2/2 tests)"
    )
    assert check_line(CURRICULUM.kata("doubler"), DOUBLER_FAILS_ONE, click.style) == (
        f"{click.style('FAIL', fg='red')}  doubler  (1 passed of 4)"
    )


def test_explain_makes_only_the_headline_bold():
    kata = CURRICULUM.kata("parser")

    coloured = explain(kata, PARSER_DOES_NOT_IMPORT, Hints(0, 2), click.style)

    first, *rest = coloured.splitlines()
    assert first == click.style("parser: Python cannot read your file", bold=True)
    assert ESC not in "\n".join(rest)
    assert click.unstyle(coloured) == explain(kata, PARSER_DOES_NOT_IMPORT, Hints(0, 2))


def test_verify_text_colours_only_the_verdicts():
    coloured = verify_text(PROOFS, STRAY, 3.21, click.style)

    verdicts = [line.split("  ")[0] for line in coloured.splitlines() if ESC in line]
    assert verdicts == [
        click.style("ok", fg="green"),
        click.style("FAIL", fg="red"),
        click.style("FAIL", fg="red"),
        click.style("FAIL", fg="red"),
    ]
    assert all(line.count(ESC) == 2 for line in coloured.splitlines() if ESC in line)
    assert click.unstyle(coloured) == verify_text(PROOFS, STRAY, 3.21)


def test_plain_output_has_no_escape_codes():
    standing = standing_of("adder", failed=("greeter",), doubler=changed("doubler"))
    texts = [
        status_text(CURRICULUM, standing, plain),
        list_text(standing),
        graph_text(standing, plain),
        check_line(CURRICULUM.kata("doubler"), DOUBLER_FAILS_ONE, plain),
        verify_text(PROOFS, STRAY, 1.0, plain),
        *(
            explain(CURRICULUM.kata(c.values[0]), c.values[1], c.values[2], plain)
            for c in EXPLAIN_CASES
        ),
    ]

    assert [t for t in texts if ESC in t] == []
    assert all(t.isascii() for t in texts)


def test_no_line_ends_in_blanks():
    standing = standing_of("adder", failed=("greeter",))
    texts = [
        status_text(CURRICULUM, standing),
        list_text(standing),
        graph_text(standing),
        verify_text(PROOFS, STRAY, 1.0),
        *(explain(CURRICULUM.kata(c.values[0]), c.values[1], c.values[2]) for c in EXPLAIN_CASES),
    ]

    assert [line for t in texts for line in t.splitlines() if line != line.rstrip()] == []
