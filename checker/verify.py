"""The curriculum proof: every kata's tests are honest.

For each kata (rustlings' ``dev check``, CodeCrafters' testers run against broken solutions):

(a) every test passes on the reference solution;
(b) every test fails on the untouched stub: a test that passes there cannot fail and is
    reported by name, unless the manifest declares it in ``passes_on_stub`` with a reason;
(c) every known-wrong fixture imports cleanly and fails at least one test.

A kata with fewer than two known-wrong fixtures, a stray test file that no kata owns, a stub
that does not import: each is a problem too. The proof passes only when no kata has a problem.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from checker.manifest import Curriculum, Kata, WrongFixture
from checker.runner import GRACE, SOLUTION, STUB, KataRun, TestResult, run_kata

# Two at least: one wrong answer can be caught by luck; two distinct bugs show the tests look.
MIN_WRONG_FIXTURES = 2


@dataclass(frozen=True)
class KataProof:
    kata: Kata
    solution: KataRun
    stub: KataRun
    wrong: tuple[tuple[WrongFixture, KataRun], ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def seconds(self) -> float:
        """Process time spent on this kata, summed over its runs (they may overlap in parallel)."""
        return self.solution.seconds + self.stub.seconds + sum(r.seconds for _, r in self.wrong)


def prove(
    curriculum: Curriculum,
    katas: list[Kata],
    *,
    workers: int | None = None,
    grace: float = GRACE,
) -> list[KataProof]:
    """Run the three-part proof for ``katas``, ``workers`` subprocesses at a time."""
    jobs: list[tuple[Kata, str | WrongFixture, bool]] = []
    for kata in katas:
        jobs.append((kata, SOLUTION, False))
        jobs.append((kata, STUB, False))
        # One failing test is enough to reject a wrong fixture: stop there.
        jobs.extend((kata, fixture, True) for fixture in kata.wrong)

    def one(job: tuple[Kata, str | WrongFixture, bool]) -> KataRun:
        kata, impl, fail_fast = job
        return run_kata(curriculum, kata, impl, fail_fast=fail_fast, grace=grace)

    workers = max(1, workers or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = iter(list(pool.map(one, jobs)))
    proofs = []
    for kata in katas:
        solution, stub = next(runs), next(runs)
        wrong = tuple((fixture, next(runs)) for fixture in kata.wrong)
        proofs.append(
            KataProof(kata, solution, stub, wrong, tuple(judge(kata, solution, stub, wrong)))
        )
    return proofs


def judge(
    kata: Kata,
    solution: KataRun,
    stub: KataRun,
    wrong: tuple[tuple[WrongFixture, KataRun], ...],
) -> list[str]:
    """Every way ``kata`` falls short of the proof, one line each."""
    problems: list[str] = []
    # (a) the solution passes every test
    if solution.problem is not None and not solution.tests:
        problems.append(f"solution: {_problem(solution)}")
    elif not solution.tests:
        problems.append(f"solution: no tests ran from {kata.tests.as_posix()}")
    for test in solution.failed_tests:
        problems.append(f"solution fails {test.name}: {_first_line(test)}")
    # (b) the untouched stub fails every test, except those declared passing by design
    if stub.problem is not None and not stub.tests:
        problems.append(f"stub: {_problem(stub)}; the untouched stub must import cleanly")
    declared = dict(kata.passes_on_stub)
    for test in stub.tests:
        name = test.function if test.function in declared else test.name
        if test.outcome == "passed" and name not in declared:
            problems.append(
                f"{test.name} passes on the untouched stub: it cannot fail; make it exercise the "
                "kata, or declare it in passes_on_stub with the reason"
            )
        elif test.outcome == "skipped":
            problems.append(f"{test.name} is skipped on the stub; a skipped test proves nothing")
    names = {t.function for t in stub.tests} | {t.name for t in stub.tests}
    for name in declared:
        if stub.tests and name not in names:
            problems.append(
                f"passes_on_stub names {name}, which is not a test in {kata.tests.as_posix()}"
            )
        elif any(t.outcome == "failed" and name in (t.function, t.name) for t in stub.tests):
            problems.append(
                f"{name} is declared in passes_on_stub but fails on the stub; remove it"
            )
    # (c) every known-wrong fixture is rejected by a failing test
    if len(kata.wrong) < MIN_WRONG_FIXTURES:
        problems.append(
            f"{len(kata.wrong)} known-wrong fixture(s); write at least {MIN_WRONG_FIXTURES}: "
            f'solutions/{kata.folder}/wrong/<bug>.py with KATA = "{kata.id}"'
        )
    for fixture, run in wrong:
        label = f"wrong/{fixture.name}"
        if run.problem is not None and not run.failed_tests:
            problems.append(f"{label}: {_problem(run)}; a known-wrong fixture must import and run")
        elif not run.failed_tests:
            problems.append(f"{label} passes every test: the tests miss its bug ({fixture.bug})")
    return problems


def stray_files(curriculum: Curriculum) -> list[str]:
    """Test and stub files under katas/ that no kata in the manifest owns."""
    owned = {k.stub for k in curriculum.katas} | {k.tests for k in curriculum.katas}
    problems = []
    for stage in curriculum.stages:
        folder = curriculum.root / "katas" / stage.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("test_*.py")):
            rel = path.relative_to(curriculum.root)
            if rel not in owned:
                stub = Path(rel.parent, rel.name.removeprefix("test_"))
                problems.append(
                    f"{rel.as_posix()}: not in the manifest; add a [[kata]] with module = "
                    f'"{stub.stem}" or remove the file'
                )
    return problems


def _problem(run: KataRun) -> str:
    failure = run.problem
    assert failure is not None
    where = f" at {failure.where.path}:{failure.where.line}" if failure.where else ""
    message = failure.message.strip().splitlines()[0] if failure.message.strip() else ""
    return f"{failure.kind}{where}" + (f" ({message})" if message else "")


def _first_line(test: TestResult) -> str:
    if test.failure is None:
        return test.outcome
    text = test.failure.message.strip().splitlines()
    first = text[0] if text else test.failure.kind
    return f"{test.failure.exc_type or test.failure.kind}: {first}"[:200]
