"""Where a learner stands: kata, checkpoint and stage states, derived from manifest + progress.

Pure and derived on demand, never stored, so it cannot drift from the progress file.

- A kata is *passed* when its last check passed. It is *changed* when its stub or its test file
  differs from the one that check saw ("changed: re-check"); it still counts as passed, since
  what a learner earned is not taken away by an edit, but status asks for a re-check.
- A checkpoint is *met* when every kata mapped to it passes, and never while no kata is mapped
  to it.
- A stage is *complete* when all its checkpoints are met; a stage with no katas at all shows as
  "no katas yet", never as complete.
- A stage is *open* when all its prerequisites are complete, else *locked*. A stage completed
  early (``katas check --force``) shows as complete, but opens only with its prerequisites.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.manifest import Curriculum, Kata, Stage
from checker.progress import Progress, file_sha256

LOCKED = "locked"
OPEN = "open"
COMPLETE = "complete"
EMPTY = "no katas yet"


@dataclass(frozen=True)
class KataStanding:
    kata: Kata
    passed: bool
    checked: bool
    changed: bool
    hints_shown: int


@dataclass(frozen=True)
class CheckpointStanding:
    id: str
    text: str
    katas: tuple[str, ...]
    met: bool


@dataclass(frozen=True)
class StageStanding:
    stage: Stage
    state: str  # locked | open | complete | no katas yet
    missing: tuple[int, ...]  # prerequisites not complete yet
    checkpoints: tuple[CheckpointStanding, ...]
    katas: tuple[KataStanding, ...]

    @property
    def passed(self) -> int:
        return sum(k.passed for k in self.katas)

    @property
    def is_open(self) -> bool:
        """Every prerequisite of the stage is complete, whatever its own state."""
        # Not `state in (OPEN, COMPLETE)`: a stage completed early with `check --force` is not
        # open until its prerequisites are complete, and only then is it news that it opened.
        return not self.missing


@dataclass(frozen=True)
class Standing:
    stages: tuple[StageStanding, ...]

    def stage(self, number: int) -> StageStanding:
        return next(s for s in self.stages if s.stage.number == number)

    def kata(self, kata_id: str) -> KataStanding:
        return next(k for s in self.stages for k in s.katas if k.kata.id == kata_id)

    @property
    def complete(self) -> bool:
        return all(s.state == COMPLETE for s in self.stages)

    def next_kata(self) -> KataStanding | None:
        """The first kata, in learning order, not yet passed in a stage that is open."""
        for stage in self.stages:
            if not stage.is_open:
                continue
            for kata in stage.katas:
                if not kata.passed:
                    return kata
        return None


def kata_standing(root: Path, kata: Kata, progress: Progress) -> KataStanding:
    record = progress.get(kata.id)
    checked = record.checked_at is not None
    changed = checked and (
        file_sha256(root / kata.stub) != record.stub_sha256
        or file_sha256(root / kata.tests) != record.tests_sha256
    )
    return KataStanding(kata, record.passed and checked, checked, changed, record.hints_shown)


def derive(curriculum: Curriculum, progress: Progress) -> Standing:
    katas = {k.id: kata_standing(curriculum.root, k, progress) for k in curriculum.katas}
    complete: set[int] = set()
    stages: list[StageStanding] = []
    met_by_stage: dict[int, tuple[CheckpointStanding, ...]] = {}
    for stage in curriculum.stages:
        met_by_stage[stage.number] = tuple(
            _checkpoint(c.id, c.text, curriculum.katas_for(c.id), katas) for c in stage.checkpoints
        )
        if met_by_stage[stage.number] and all(c.met for c in met_by_stage[stage.number]):
            complete.add(stage.number)
    for stage in curriculum.stages:
        missing = tuple(n for n in stage.requires if n not in complete)
        own = tuple(katas[k.id] for k in curriculum.katas_of(stage.number))
        if stage.number in complete:
            state = COMPLETE
        elif not own:
            state = EMPTY
        elif missing:
            state = LOCKED
        else:
            state = OPEN
        stages.append(StageStanding(stage, state, missing, met_by_stage[stage.number], own))
    return Standing(tuple(stages))


def _checkpoint(cid, text, mapped: tuple[Kata, ...], katas: dict[str, KataStanding]):
    ids = tuple(k.id for k in mapped)
    return CheckpointStanding(cid, text, ids, bool(ids) and all(katas[i].passed for i in ids))


def progress_made(before: Standing, after: Standing) -> list[str]:
    """What a check achieved, in words: checkpoints met, stages completed, stages opened."""
    lines: list[str] = []
    for old, new in zip(before.stages, after.stages, strict=True):
        for c_old, c_new in zip(old.checkpoints, new.checkpoints, strict=True):
            if c_new.met and not c_old.met:
                lines.append(f"Checkpoint {c_new.id} met: {c_new.text}")
        if new.state == COMPLETE and old.state != COMPLETE:
            lines.append(f"Stage {new.stage.number} ({new.stage.title}) is complete.")
    for old, new in zip(before.stages, after.stages, strict=True):
        if new.is_open and not old.is_open:
            # An open stage without katas is still a dead end; say so before `katas next` does.
            empty = "; it has no katas yet" if new.state == EMPTY else ""
            lines.append(f"Stage {new.stage.number} ({new.stage.title}) is now open{empty}.")
    return lines
