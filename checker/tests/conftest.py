"""Shared fixtures for the checker's own tests: a fresh copy of the fixture workbook per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixture_curriculum"


class Workbook:
    """A throwaway copy of the fixture workbook, with verbs for putting katas in a state."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def solve(self, *modules: str, stage: str = "stage1_basics") -> None:
        """Replace each stub with its reference solution, as a learner who finished it would."""
        for module in modules:
            source = self.root / "solutions" / stage / f"{module}.py"
            shutil.copyfile(source, self.root / "katas" / stage / f"{module}.py")

    def write_stub(self, module: str, text: str, stage: str = "stage1_basics") -> None:
        (self.root / "katas" / stage / f"{module}.py").write_text(text, encoding="utf-8")


@pytest.fixture
def workbook(tmp_path: Path) -> Workbook:
    root = tmp_path / "workbook"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("__pycache__", ".katas-progress*"))
    return Workbook(root)


STAGE1_LEARNER_STATES = (
    "greeter",
    "counter",
    "parser",
    "importer",
    "renamer",
    "looper",
    "quitter",
    "exiter",
    "flooder",
    "lingerer",
    "hog",
    "vanisher",
)
