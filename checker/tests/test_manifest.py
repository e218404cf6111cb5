"""Tests for checker/manifest.py: the real curriculum loads, and every broken one is named.

Each test lays out a small workbook in ``tmp_path`` (manifest, docs pages, stubs, tests,
solutions, known-wrong fixtures), breaks one thing, and compares the loader's problem
lines word for word: the line is what a learner or an instructor reads.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.manifest import (
    FORMAT_VERSION,
    MIN_HINTS,
    Checkpoint,
    Curriculum,
    Kata,
    ManifestError,
    Stage,
    WorkbookNotFound,
    WrongFixture,
    docs_anchors,
    find_root,
    load,
    read_task,
)

REPO = Path(__file__).resolve().parents[2]
# The course outline the manifest's checkpoints were written from; CI clones shared/ beside
# the repo, so ../shared is the same place there and here.
SEED = REPO.parent / "shared" / "seeds" / "003_71fbf7d154e80dc1.txt"

M = "katas/curriculum.toml"


# -- a small workbook ---------------------------------------------------------------------

PAGES = {
    "stage1_basics": """\
# Stage 1: Basics

Costs are counted, not timed.

## Big-O

```python
# Binary heaps: a comment in code, not a heading
```

## Binary heaps
""",
    "stage2_patterns": "# Stage 2: Patterns\n\n## Two pointers\n",
    "stage3_design": "# Stage 3: Design\n",
}


def valid_manifest() -> dict:
    """The manifest of the small workbook: three stages, three katas, everything in order."""
    return {
        "format_version": 1,
        "welcome": "Welcome to the small workbook.",
        "final": "All done.",
        "stage": [
            {
                "number": 1,
                "slug": "basics",
                "title": "Basics",
                "summary": "Count the cost\n  before the code.",
                "requires": [],
                "checkpoints": [
                    {"id": "1.1", "text": "Count the steps of a snippet."},
                    {"id": "1.2", "text": "Pick a structure and justify it."},
                ],
            },
            {
                "number": 2,
                "slug": "patterns",
                "title": "Patterns",
                "summary": "Name the pattern.",
                "requires": [1],
                "checkpoints": [{"id": "2.1", "text": "Name the pattern before coding."}],
            },
            {
                "number": 3,
                "slug": "design",
                "title": "Design",
                "summary": "Design classes.",
                "requires": [1],
                "checkpoints": [{"id": "3.1", "text": "Draw the class diagram."}],
            },
        ],
        "kata": [
            {
                "id": "big-o",
                "stage": 1,
                "module": "big_o",
                "checkpoints": ["1.1"],
                "docs": "big-o",
                "hints": ["Count the loops.", "Nested loops   multiply."],
            },
            {
                "id": "binary-heap",
                "stage": 1,
                "module": "heap",
                "checkpoints": ["1.2"],
                "docs": "binary-heaps",
                "hints": ["A heap is a list.", "Children of i sit at 2i+1 and 2i+2."],
                "timeout": 5,
                "passes_on_stub": {"test_module_imports": "importing the stub runs no code"},
            },
            {
                "id": "two-pointers",
                "stage": 2,
                "module": "two_pointers",
                "checkpoints": ["2.1"],
                "docs": "two-pointers",
                "hints": ["Sort first.", "Move the pointer at the smaller end."],
            },
        ],
    }


def toml_value(value: object) -> str:
    """One value in TOML syntax; a JSON string is a valid TOML basic string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)  # repr gives nan and inf, which TOML spells the same way
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    raise TypeError(value)


def to_toml(manifest: dict) -> str:
    """The manifest as TOML: plain keys first, then one [[name]] table per list entry."""

    def is_tables(value: object) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)

    lines = [f"{k} = {toml_value(v)}" for k, v in manifest.items() if not is_tables(v)]
    for key, tables in manifest.items():
        if is_tables(tables):
            for table in tables:
                lines += ["", f"[[{key}]]"]
                lines += [f"{k} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_manifest(root: Path, manifest: dict) -> None:
    write(root / M, to_toml(manifest))


def make_workbook(root: Path) -> dict:
    """Lay out the small workbook in ``root`` and return its manifest, ready to be broken."""
    manifest = valid_manifest()
    write_manifest(root, manifest)
    for folder, page in PAGES.items():
        write(root / "docs" / f"{folder}.md", page)
    for kata in manifest["kata"]:
        stage = manifest["stage"][kata["stage"] - 1]
        folder = f"stage{stage['number']}_{stage['slug']}"
        module = kata["module"]
        write(
            root / "katas" / folder / f"{module}.py",
            f'"""The {kata["id"]} kata.\n\nRead docs/{folder}.md first.\n"""\n\n\n'
            "def solve():\n    raise NotImplementedError\n",
        )
        write(
            root / "katas" / folder / f"test_{module}.py",
            f"from katas.{folder}.{module} import solve\n\n\n"
            "def test_solves():\n    assert solve() == 1\n",
        )
        write(
            root / "solutions" / folder / f"{module}.py",
            f'"""The {kata["id"]} kata, solved."""\n\n\ndef solve():\n    return 1\n',
        )
    return manifest


def write_fixture(root: Path, folder: str, name: str, text: str) -> Path:
    """A known-wrong fixture ``solutions/<folder>/wrong/<name>.py``."""
    return write(root / "solutions" / folder / "wrong" / f"{name}.py", text)


def problems(root: Path, manifest: dict | None = None) -> list[str]:
    """Write ``manifest`` (if given), load the workbook and return the loader's problem lines."""
    if manifest is not None:
        write_manifest(root, manifest)
    with pytest.raises(ManifestError) as caught:
        load(root)
    return caught.value.problems


@pytest.fixture
def book(tmp_path: Path) -> dict:
    return make_workbook(tmp_path)


def kata_of(manifest: dict, kata_id: str) -> dict:
    return next(k for k in manifest["kata"] if k["id"] == kata_id)


# -- the real manifest --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Curriculum:
    return load(REPO)


def test_the_real_manifest_has_nine_stages_of_three_checkpoints(real: Curriculum) -> None:
    assert [s.number for s in real.stages] == list(range(1, 10))
    assert sum(len(s.checkpoints) for s in real.stages) == 27
    assert [[c.id for c in s.checkpoints] for s in real.stages] == [
        [f"{n}.1", f"{n}.2", f"{n}.3"] for n in range(1, 10)
    ]


def test_the_real_manifest_has_the_planned_prerequisites(real: Curriculum) -> None:
    assert {s.number: s.requires for s in real.stages} == {
        1: (),
        2: (1,),
        3: (1, 2),
        4: (1, 2),
        5: (1,),
        6: (4, 5),
        7: (5, 6),
        8: (6, 7),
        9: (1, 2, 3, 4, 5, 6, 7, 8),
    }


def test_the_real_manifest_names_each_stage_folder(real: Curriculum) -> None:
    assert [s.folder for s in real.stages] == [
        "stage1_foundations",
        "stage2_patterns",
        "stage3_design",
        "stage4_concurrency",
        "stage5_storage",
        "stage6_distributed",
        "stage7_system_design",
        "stage8_operations",
        "stage9_interview",
    ]


def test_the_real_manifest_has_a_welcome_and_a_final_message(real: Curriculum) -> None:
    assert real.format_version == FORMAT_VERSION
    assert real.welcome.startswith("Welcome to backend-katas.")
    assert real.final.startswith("Every stage is complete.")


def _punctuation_free(text: str) -> str:
    """The outcome with its clause punctuation unified: the seed's " — " is the manifest's ", "."""
    return re.sub(r"\s*(?:—|,)\s*", ",", text)


def test_every_real_checkpoint_is_an_outcome_of_the_course_outline(real: Curriculum) -> None:
    if not SEED.is_file():
        pytest.skip(f"the course outline {SEED} is not here; clone shared/ beside the repo")
    outcomes = [
        line.removeprefix("- ")
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.startswith("- ")
    ]
    checkpoints = [c.text for s in real.stages for c in s.checkpoints]
    assert len(outcomes) == 27
    assert [_punctuation_free(t) for t in checkpoints] == [_punctuation_free(t) for t in outcomes]


# -- a valid workbook ---------------------------------------------------------------------


def test_a_valid_workbook_loads_into_stages_and_katas(tmp_path: Path, book: dict) -> None:
    curriculum = load(tmp_path)
    assert curriculum.root == tmp_path.resolve()
    assert (curriculum.welcome, curriculum.final) == ("Welcome to the small workbook.", "All done.")
    assert curriculum.stage(1) == Stage(
        number=1,
        slug="basics",
        title="Basics",
        summary="Count the cost before the code.",
        requires=(),
        checkpoints=(
            Checkpoint("1.1", 1, "Count the steps of a snippet."),
            Checkpoint("1.2", 1, "Pick a structure and justify it."),
        ),
    )
    assert [k.id for k in curriculum.katas] == ["big-o", "binary-heap", "two-pointers"]
    assert [k.id for k in curriculum.katas_of(1)] == ["big-o", "binary-heap"]
    assert [k.id for k in curriculum.katas_for("2.1")] == ["two-pointers"]


def test_a_kata_carries_its_hints_timeout_and_passing_tests(tmp_path: Path, book: dict) -> None:
    curriculum = load(tmp_path)
    big_o, heap = curriculum.kata("big-o"), curriculum.kata("binary-heap")
    assert big_o.hints == ("Count the loops.", "Nested loops multiply.")
    assert (big_o.timeout, big_o.passes_on_stub, big_o.wrong) == (None, {}, ())
    assert heap.timeout == 5.0
    assert dict(heap.passes_on_stub) == {"test_module_imports": "importing the stub runs no code"}
    assert len(heap.hints) >= MIN_HINTS


def test_a_kata_knows_the_paths_of_its_files(tmp_path: Path, book: dict) -> None:
    kata = load(tmp_path).kata("big-o")
    assert kata.folder == "stage1_basics"
    assert kata.stub == Path("katas/stage1_basics/big_o.py")
    assert kata.tests == Path("katas/stage1_basics/test_big_o.py")
    assert kata.solution == Path("solutions/stage1_basics/big_o.py")
    assert kata.import_name == "katas.stage1_basics.big_o"


def test_a_kata_built_by_hand_has_read_only_defaults() -> None:
    kata = Kata(
        id="lock-free-stack",
        stage=4,
        module="lock_free_stack",
        folder="stage4_concurrency",
        checkpoints=("4.3",),
        docs="lock-free-stack",
        hints=("CAS the head.", "Watch for ABA."),
    )
    assert (kata.timeout, dict(kata.passes_on_stub), kata.wrong) == (None, {}, ())
    assert kata.stub == Path("katas/stage4_concurrency/lock_free_stack.py")
    with pytest.raises(TypeError):
        kata.passes_on_stub["test_x"] = "no"  # type: ignore[index]


def test_a_stage_knows_its_folder_and_docs_page(tmp_path: Path, book: dict) -> None:
    stage = load(tmp_path).stage(2)
    assert stage.folder == "stage2_patterns"
    assert stage.docs_page == Path("docs/stage2_patterns.md")


def test_an_unknown_kata_or_stage_is_a_key_error(tmp_path: Path, book: dict) -> None:
    curriculum = load(tmp_path)
    with pytest.raises(KeyError):
        curriculum.kata("no-such-kata")
    with pytest.raises(KeyError):
        curriculum.stage(4)


@pytest.mark.parametrize(
    ("pick", "attribute"),
    [
        (lambda c: c, "welcome"),
        (lambda c: c.stage(1), "title"),
        (lambda c: c.stage(1).checkpoints[0], "text"),
        (lambda c: c.kata("big-o"), "hints"),
        (lambda c: c.kata("binary-heap").wrong[0], "bug"),
    ],
    ids=["curriculum", "stage", "checkpoint", "kata", "wrong-fixture"],
)
def test_the_loaded_dataclasses_are_frozen(tmp_path: Path, book: dict, pick, attribute) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""A bug."""\nKATA = "binary-heap"\n')
    item = pick(load(tmp_path))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(item, attribute, "changed")


def test_a_katas_passing_tests_cannot_be_changed_after_loading(tmp_path: Path, book: dict) -> None:
    kata = load(tmp_path).kata("binary-heap")
    with pytest.raises(TypeError):
        kata.passes_on_stub["test_solves"] = "sneaked in"  # type: ignore[index]
    assert hash(kata) == hash(load(tmp_path).kata("binary-heap"))


# -- unknown keys -------------------------------------------------------------------------


def test_an_unknown_top_level_key_is_named_with_a_suggestion(tmp_path: Path, book: dict) -> None:
    book["welcom"] = "Hi."
    assert problems(tmp_path, book) == [
        f"{M}: top level: unknown key 'welcom'; did you mean 'welcome'? "
        "(allowed: final, format_version, kata, stage, welcome)"
    ]


def test_an_unknown_stage_key_is_named_with_a_suggestion(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["require"] = [1]
    assert problems(tmp_path, book) == [
        f"{M}: stage 2: unknown key 'require'; did you mean 'requires'? "
        "(allowed: checkpoints, number, requires, slug, summary, title)"
    ]


def test_an_unknown_checkpoint_key_is_named_with_a_suggestion(tmp_path: Path, book: dict) -> None:
    book["stage"][0]["checkpoints"][1]["txt"] = "Pick a structure."
    assert problems(tmp_path, book) == [
        f"{M}: stage 1 checkpoint '1.2': unknown key 'txt'; did you mean 'text'? "
        "(allowed: id, text)"
    ]


def test_an_unknown_kata_key_is_named_with_a_suggestion(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["timout"] = 3
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': unknown key 'timout'; did you mean 'timeout'? "
        "(allowed: checkpoints, docs, hints, id, module, passes_on_stub, stage, timeout)"
    ]


def test_an_unknown_key_like_no_other_is_to_be_removed(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["xyzzy"] = 1
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': unknown key 'xyzzy'; remove it "
        "(allowed: checkpoints, docs, hints, id, module, passes_on_stub, stage, timeout)"
    ]


# -- stages and prerequisites -------------------------------------------------------------


def test_a_duplicate_stage_number_is_named(tmp_path: Path, book: dict) -> None:
    book["stage"][2]["number"] = 2
    assert problems(tmp_path, book) == [
        f"{M}: stage 2: duplicate stage number; give each stage its own number"
    ]


def test_stages_out_of_file_order_are_named(tmp_path: Path, book: dict) -> None:
    book["stage"][1:] = [book["stage"][2], book["stage"][1]]
    assert problems(tmp_path, book) == [
        f"{M}: stage 3: is stage #2 in file order; number stages 1, 2, 3 ... in order",
        f"{M}: stage 2: is stage #3 in file order; number stages 1, 2, 3 ... in order",
    ]


def test_a_prerequisite_cycle_is_shown_as_a_path(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["requires"] = [1, 3]
    book["stage"][2]["requires"] = [1, 2]
    assert problems(tmp_path, book) == [
        f"{M}: stage 2: prerequisite cycle 2 -> 3 -> 2; break it in 'requires'"
    ]


def test_a_stage_that_requires_itself_is_named(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["requires"] = [1, 2]
    assert problems(tmp_path, book) == [f"{M}: stage 2: requires itself; remove it from 'requires'"]


def test_a_prerequisite_on_an_unknown_stage_is_named(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["requires"] = [1, 7]
    assert problems(tmp_path, book) == [
        f"{M}: stage 2: requires unknown stage 7; remove it or use one of [1, 2, 3]"
    ]


def test_a_checkpoint_id_of_another_stage_is_named(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["checkpoints"].append({"id": "1.5", "text": "Misplaced."})
    assert problems(tmp_path, book) == [f"{M}: stage 2: checkpoint id '1.5' must look like '2.1'"]


def test_an_unquoted_checkpoint_id_is_told_to_be_quoted(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["checkpoints"].append({"id": 2.2, "text": "A float, not an id."})
    assert problems(tmp_path, book) == [
        f'{M}: stage 2: checkpoint id 2.2 is not a string; quote it, like id = "2.1"'
    ]


def test_a_duplicate_checkpoint_id_is_named(tmp_path: Path, book: dict) -> None:
    book["stage"][1]["checkpoints"].append({"id": "2.1", "text": "Again."})
    assert problems(tmp_path, book) == [
        f"{M}: stage 2: duplicate checkpoint id '2.1'; give each checkpoint its own id"
    ]


def test_a_missing_stage_number_is_named_by_position(tmp_path: Path, book: dict) -> None:
    del book["stage"][2]["number"]
    assert problems(tmp_path, book) == [
        f"{M}: stage #3: missing 'number'; add number = <a whole number>"
    ]


def test_a_missing_docs_page_is_named(tmp_path: Path, book: dict) -> None:
    (tmp_path / "docs" / "stage2_patterns.md").unlink()
    assert problems(tmp_path) == [
        f"{M}: stage 2: docs page docs/stage2_patterns.md is missing; create it"
    ]


# -- katas --------------------------------------------------------------------------------


def test_a_duplicate_kata_id_is_named(tmp_path: Path, book: dict) -> None:
    book["kata"][1]["id"] = "big-o"
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': duplicate id; every kata needs its own id"
    ]


def test_a_kata_of_an_unknown_stage_is_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "two-pointers")["stage"] = 7
    assert problems(tmp_path, book) == [
        f"{M}: kata 'two-pointers': stage 7 is not a stage; use one of [1, 2, 3]"
    ]


def test_a_kata_checkpoint_outside_its_stage_is_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["checkpoints"] = ["1.1", "2.1"]
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': checkpoint '2.1' is not in stage 1; use one of ['1.1', '1.2']"
    ]


def test_a_kata_missing_required_keys_lists_them(tmp_path: Path, book: dict) -> None:
    del kata_of(book, "big-o")["docs"]
    del kata_of(book, "big-o")["hints"]
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': missing docs, hints; "
        "every kata needs checkpoints, docs, hints, id, module, stage"
    ]


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("stub", "katas/stage1_basics/big_o.py"),
        ("tests", "katas/stage1_basics/test_big_o.py"),
        ("solution", "solutions/stage1_basics/big_o.py"),
    ],
    ids=["stub", "tests", "solution"],
)
def test_a_missing_kata_file_is_named(tmp_path: Path, book: dict, label: str, path: str) -> None:
    (tmp_path / path).unlink()
    assert problems(tmp_path) == [
        f"{M}: kata 'big-o': {label} file {path} is missing; create it or fix 'module'"
    ]


def test_an_empty_hint_is_named_by_position(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["hints"] = ["Count the loops.", "   ", "Nested loops multiply."]
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': hint 2 is empty; write it or remove it"
    ]


def test_too_few_hints_are_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["hints"] = ["Count the loops."]
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': has 1 hint(s); write at least 2, from a nudge to nearly the answer"
    ]


@pytest.mark.parametrize(
    "module",
    ["Big_O", "big_o.py", "big-o", "test_big_o"],
    ids=["uppercase", "with-py", "hyphen", "test-prefix"],
)
def test_a_bad_module_name_is_named(tmp_path: Path, book: dict, module: str) -> None:
    kata_of(book, "big-o")["module"] = module
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': module '{module}' must be a Python module name like 'big_o' "
        "(no .py, no test_)"
    ]


def test_a_module_used_twice_in_a_stage_is_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "binary-heap")["module"] = "big_o"
    assert problems(tmp_path, book) == [
        f"{M}: kata 'binary-heap': module 'big_o' is already used by another kata of stage 1; "
        "give each kata its own module"
    ]


@pytest.mark.parametrize(
    ("timeout", "shown"),
    [(0, "0"), (-1.5, "-1.5"), ("10", "'10'"), (math.nan, "nan"), (math.inf, "inf")],
    ids=["zero", "negative", "string", "nan", "infinite"],
)
def test_a_bad_timeout_is_named(tmp_path: Path, book: dict, timeout, shown: str) -> None:
    kata_of(book, "big-o")["timeout"] = timeout
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': timeout {shown} must be a positive number of seconds"
    ]


def test_a_passing_test_without_a_reason_is_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "binary-heap")["passes_on_stub"] = {"test_module_imports": "  "}
    assert problems(tmp_path, book) == [
        f"{M}: kata 'binary-heap': passes_on_stub.test_module_imports needs a reason; "
        "say why this test passes on the untouched stub"
    ]


def test_a_docs_anchor_missing_from_the_stage_page_is_named(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["docs"] = "big-o-notation"
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': docs anchor '#big-o-notation' is not a heading in "
        "docs/stage1_basics.md; add a section for it"
    ]


def test_a_docs_anchor_inside_a_code_block_does_not_count(tmp_path: Path, book: dict) -> None:
    unfenced = PAGES["stage1_basics"].replace("```python", "").replace("```", "")
    assert "binary-heaps-a-comment-in-code-not-a-heading" in docs_anchors(unfenced)
    kata_of(book, "big-o")["docs"] = "binary-heaps-a-comment-in-code-not-a-heading"
    assert problems(tmp_path, book) == [
        f"{M}: kata 'big-o': docs anchor '#binary-heaps-a-comment-in-code-not-a-heading' is not "
        "a heading in docs/stage1_basics.md; add a section for it"
    ]


# -- the file itself ----------------------------------------------------------------------


def test_a_missing_format_version_is_named(tmp_path: Path, book: dict) -> None:
    del book["format_version"]
    assert problems(tmp_path, book) == [
        f"{M}: format_version: missing; add format_version = 1 as the first line"
    ]


@pytest.mark.parametrize(("version", "shown"), [(99, "99"), (1.0, "1.0")], ids=["99", "float"])
def test_a_wrong_format_version_is_named(tmp_path: Path, book: dict, version, shown) -> None:
    book["format_version"] = version
    assert problems(tmp_path, book) == [
        f"{M}: format_version: is {shown} but this checker reads format_version = 1; "
        "update the manifest or the checker so they agree"
    ]


def test_invalid_toml_is_named_with_its_line(tmp_path: Path, book: dict) -> None:
    text = "format_version = 1\n[[stage]\nnumber = 1\n"
    write(tmp_path / M, text)
    with pytest.raises(tomllib.TOMLDecodeError) as parsing:
        tomllib.loads(text)
    assert "line 2" in str(parsing.value)
    assert problems(tmp_path) == [f"{M}: not valid TOML ({parsing.value}); fix the syntax there"]


def test_a_manifest_that_is_not_utf8_is_named(tmp_path: Path, book: dict) -> None:
    (tmp_path / M).write_bytes(b"format_version = 1\nwelcome = '\xff'\n")
    assert problems(tmp_path) == [
        f"{M}: not UTF-8 text ('utf-8' codec can't decode byte 0xff in position 30: "
        "invalid start byte); save it as UTF-8"
    ]


def test_a_missing_manifest_is_named(tmp_path: Path) -> None:
    assert problems(tmp_path) == [f"{M}: file not found; run katas inside the workbook"]


def test_several_problems_are_reported_together(tmp_path: Path, book: dict) -> None:
    book["welcom"] = "Hi."
    kata_of(book, "big-o")["hints"] = ["Count the loops."]
    kata_of(book, "two-pointers")["stage"] = 7
    (tmp_path / "katas" / "stage1_basics" / "test_heap.py").unlink()
    write_fixture(tmp_path, "stage1_basics", "no_kata", '"""Forgets KATA."""\n')
    write_manifest(tmp_path, book)
    with pytest.raises(ManifestError) as caught:
        load(tmp_path)
    expected = [
        f"{M}: top level: unknown key 'welcom'; did you mean 'welcome'? "
        "(allowed: final, format_version, kata, stage, welcome)",
        f"{M}: kata 'big-o': has 1 hint(s); write at least 2, from a nudge to nearly the answer",
        f"{M}: kata 'binary-heap': tests file katas/stage1_basics/test_heap.py is missing; "
        "create it or fix 'module'",
        f"{M}: kata 'two-pointers': stage 7 is not a stage; use one of [1, 2, 3]",
        f'{M}: solutions/stage1_basics/wrong/no_kata.py: declares no KATA = "kata-id"; '
        "name the kata it imitates",
    ]
    assert caught.value.problems == expected
    assert str(caught.value) == "\n".join(expected)


def test_without_files_a_missing_file_does_not_stop_loading(tmp_path: Path, book: dict) -> None:
    (tmp_path / "katas" / "stage1_basics" / "test_big_o.py").unlink()
    (tmp_path / "docs" / "stage2_patterns.md").unlink()
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""Bug."""\nKATA = "binary-hepa"\n')
    curriculum = load(tmp_path, files=False)
    assert [k.id for k in curriculum.katas] == ["big-o", "binary-heap", "two-pointers"]
    assert curriculum.kata("binary-heap").wrong == ()
    with pytest.raises(ManifestError):
        load(tmp_path)


def test_without_files_the_manifest_data_is_still_checked(tmp_path: Path, book: dict) -> None:
    kata_of(book, "big-o")["hints"] = ["Count the loops."]
    write_manifest(tmp_path, book)
    with pytest.raises(ManifestError) as caught:
        load(tmp_path, files=False)
    assert caught.value.problems == [
        f"{M}: kata 'big-o': has 1 hint(s); write at least 2, from a nudge to nearly the answer"
    ]


# -- known-wrong fixtures -----------------------------------------------------------------


def test_wrong_fixtures_attach_to_their_kata_in_sorted_order(tmp_path: Path, book: dict) -> None:
    write_fixture(
        tmp_path,
        "stage1_basics",
        "sift_up_skipped",
        '"""Never sifts a new item up.\n\nPush appends and stops."""\nKATA = "binary-heap"\n',
    )
    write_fixture(
        tmp_path,
        "stage1_basics",
        "heap_sift_off_by_one",
        '"""  Sifts down one level too few.  """\n\nKATA = "binary-heap"\n',
    )
    write_fixture(tmp_path, "stage1_basics", "__init__", "")
    curriculum = load(tmp_path)
    wrong = "solutions/stage1_basics/wrong"
    assert curriculum.kata("binary-heap").wrong == (
        WrongFixture(
            "heap_sift_off_by_one",
            Path(f"{wrong}/heap_sift_off_by_one.py"),
            "binary-heap",
            "Sifts down one level too few.",
        ),
        WrongFixture(
            "sift_up_skipped",
            Path(f"{wrong}/sift_up_skipped.py"),
            "binary-heap",
            "Never sifts a new item up.",
        ),
    )
    assert curriculum.kata("big-o").wrong == ()


def test_an_annotated_kata_declaration_counts(tmp_path: Path, book: dict) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""Bug."""\nKATA: str = "binary-heap"\n')
    assert [w.name for w in load(tmp_path).kata("binary-heap").wrong] == ["heap_bug"]


def test_a_wrong_fixture_without_kata_is_named(tmp_path: Path, book: dict) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""Sifts the wrong way."""\n')
    assert problems(tmp_path) == [
        f'{M}: solutions/stage1_basics/wrong/heap_bug.py: declares no KATA = "kata-id"; '
        "name the kata it imitates"
    ]


def test_a_wrong_fixture_of_an_unknown_kata_gets_a_suggestion(tmp_path: Path, book: dict) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""Bug."""\nKATA = "binary-hepa"\n')
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/heap_bug.py: KATA = 'binary-hepa' is not a kata "
        "in the manifest; did you mean 'binary-heap'?"
    ]


def test_a_wrong_fixture_of_a_kata_unlike_any_is_told_what_kata_means(
    tmp_path: Path, book: dict
) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", '"""Bug."""\nKATA = "zzz"\n')
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/heap_bug.py: KATA = 'zzz' is not a kata "
        "in the manifest; set it to the id of the kata it imitates"
    ]


def test_a_wrong_fixture_of_another_stage_is_told_where_to_go(tmp_path: Path, book: dict) -> None:
    write_fixture(tmp_path, "stage1_basics", "pointers_bug", '"""Bug."""\nKATA = "two-pointers"\n')
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/pointers_bug.py: imitates 'two-pointers' of "
        "stage 2; move it to solutions/stage2_patterns/wrong/"
    ]


def test_a_wrong_fixture_without_docstring_is_named(tmp_path: Path, book: dict) -> None:
    write_fixture(tmp_path, "stage1_basics", "heap_bug", 'KATA = "binary-heap"\n')
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/heap_bug.py: has no docstring; "
        "say which bug it carries"
    ]


def test_a_wrong_fixture_with_a_syntax_error_is_named(tmp_path: Path, book: dict) -> None:
    write_fixture(
        tmp_path, "stage1_basics", "heap_bug", '"""Bug."""\nKATA = "binary-heap"\nx = (1,\n'
    )
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/heap_bug.py: cannot be parsed "
        "(line 3: '(' was never closed); a known-wrong fixture must be valid Python"
    ]


def test_a_wrong_fixture_that_is_not_utf8_is_named(tmp_path: Path, book: dict) -> None:
    path = write_fixture(tmp_path, "stage1_basics", "heap_bug", "")
    path.write_bytes(b'"""Bug \xff."""\nKATA = "binary-heap"\n')
    assert problems(tmp_path) == [
        f"{M}: solutions/stage1_basics/wrong/heap_bug.py: cannot be read ('utf-8' codec can't "
        "decode byte 0xff in position 7: invalid start byte); save it as UTF-8 Python source"
    ]


# -- find_root ----------------------------------------------------------------------------


def test_find_root_walks_up_from_a_nested_folder(tmp_path: Path, book: dict) -> None:
    nested = tmp_path / "katas" / "stage1_basics" / "notes" / "deeper"
    nested.mkdir(parents=True)
    assert find_root(nested) == tmp_path.resolve()
    assert find_root(tmp_path / "katas" / "stage1_basics" / "big_o.py") == tmp_path.resolve()


def test_find_root_outside_a_workbook_says_where_it_looked(tmp_path: Path) -> None:
    outside = tmp_path / "somewhere" / "else"
    outside.mkdir(parents=True)
    with pytest.raises(WorkbookNotFound) as caught:
        find_root(outside)
    assert caught.value.start == outside.resolve()
    assert str(caught.value) == (
        f"no katas/curriculum.toml in {outside.resolve()} or any folder above it; "
        "run katas from inside your workbook"
    )


# -- docs_anchors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("# Big-O Algebra", "big-o-algebra"),
        ("## Big-O & Θ: costs, counted!", "big-o--θ-costs-counted"),
        ("### The `heap` invariant (why)", "the-heap-invariant-why"),
        ("## snake_case stays", "snake_case-stays"),
        ("## Closing hashes ##", "closing-hashes"),
        ("   ## Three spaces of indent", "three-spaces-of-indent"),
        ("###### Six levels", "six-levels"),
    ],
    ids=["words", "punctuation", "inline-code", "underscore", "closing", "indent", "level-six"],
)
def test_docs_anchors_follow_githubs_rules(heading: str, anchor: str) -> None:
    assert docs_anchors(heading + "\n") == {anchor}


@pytest.mark.parametrize(
    "line",
    ["#hashtag", "####### Seven levels", "    # indented code", "Not # a heading"],
    ids=["no-space", "seven-levels", "indented-code", "mid-line"],
)
def test_docs_anchors_skip_lines_that_are_not_headings(line: str) -> None:
    assert docs_anchors(line + "\n") == set()


def test_docs_anchors_ignore_fenced_code() -> None:
    page = (
        "# Before\n"
        "```bash\n# a shell comment\n```\n"
        "~~~\n# a tilde fence\n~~~\n"
        "````\n```\n# a short fence inside a long one\n````\n"
        "## After\n"
    )
    assert docs_anchors(page) == {"before", "after"}


def test_docs_anchors_number_repeated_headings_like_github() -> None:
    page = "## Exercises\n## Exercises\n## Exercises\n"
    assert docs_anchors(page) == {"exercises", "exercises-1", "exercises-2"}


@given(st.text())
def test_docs_anchors_never_hold_whitespace_or_uppercase(markdown: str) -> None:
    """Any page: every anchor is already lowercase and has no whitespace in it."""
    for anchor in docs_anchors(markdown):
        assert anchor == anchor.lower()
        assert not any(c.isspace() for c in anchor)


@given(
    st.integers(min_value=1, max_value=6),
    st.lists(st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=6),
)
def test_docs_anchors_join_plain_words_with_hyphens(level: int, words: list[str]) -> None:
    """A heading of plain words is anchored at those words, lowercased, joined by hyphens."""
    assert docs_anchors("#" * level + " " + " ".join(words)) == {"-".join(words).lower()}


# -- read_task ----------------------------------------------------------------------------


def test_read_task_returns_the_stubs_module_docstring(tmp_path: Path, book: dict) -> None:
    stub = tmp_path / "katas" / "stage1_basics" / "big_o.py"
    assert read_task(stub) == "The big-o kata.\n\nRead docs/stage1_basics.md first."


@pytest.mark.parametrize(
    "content",
    [None, "def broken(:\n", b"\xff\xfe", "x = 1\n"],
    ids=["missing", "syntax-error", "not-utf8", "no-docstring"],
)
def test_read_task_is_empty_when_there_is_no_task(tmp_path: Path, content) -> None:
    stub = tmp_path / "stub.py"
    if isinstance(content, bytes):
        stub.write_bytes(content)
    elif content is not None:
        stub.write_text(content, encoding="utf-8")
    assert read_task(stub) == ""
