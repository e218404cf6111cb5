"""Shared fixtures for the checker's own tests: a fresh copy of the fixture workbook per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.tests.support import Workbook


@pytest.fixture
def workbook(tmp_path: Path) -> Workbook:
    return Workbook.copy_to(tmp_path / "workbook")
