"""Helpers shared by the checker's tests: the fixture workbook, and records of checks."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker import manifest
from checker.manifest import Curriculum
from checker.progress import KataRecord, file_sha256

FIXTURE = Path(__file__).parent / "fixture_curriculum"
CHECKED_AT = "2026-01-02T03:04:05Z"
CURRICULUM = manifest.load(FIXTURE, files=False)
STAGE_1 = tuple(k.id for k in CURRICULUM.katas_of(1))


class Workbook:
    """A throwaway copy of the fixture workbook, with verbs for putting katas in a state."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def copy_to(cls, root: Path) -> Workbook:
        ignore = shutil.ignore_patterns("__pycache__", ".katas-progress*")
        shutil.copytree(FIXTURE, root, ignore=ignore)
        return cls(root)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def solve(self, *modules: str, stage: str = "stage1_basics") -> None:
        """Replace each stub with its reference solution, as a learner who finished it would."""
        for module in modules:
            source = self.root / "solutions" / stage / f"{module}.py"
            shutil.copyfile(source, self.root / "katas" / stage / f"{module}.py")

    def write_stub(self, module: str, text: str, stage: str = "stage1_basics") -> None:
        (self.root / "katas" / stage / f"{module}.py").write_text(text, encoding="utf-8")


def record(curriculum: Curriculum, kata_id: str, *, passed: bool = True, **fields) -> KataRecord:
    """A check of the kata as its files are now: passed (or failed), nothing changed since."""
    kata = curriculum.kata(kata_id)
    return KataRecord(
        passed=passed,
        checked_at=CHECKED_AT,
        stub_sha256=file_sha256(curriculum.path(kata.stub)),
        tests_sha256=file_sha256(curriculum.path(kata.tests)),
        **fields,
    )
