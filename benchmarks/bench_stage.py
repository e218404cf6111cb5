"""Speed of one stage's katas (a benchmark, not a timed test).

    python benchmarks/bench_stage.py 1 [--root PATH]

Prints: the wall time of pytest over the whole stage against the reference solutions (one
process, as a maintainer runs it), the per-kata runs, and for every known-wrong fixture the
slowest single test, since a wrong submission must fail fast (issue targets: stage 1 within
10 s on the solutions; any single test within 2 s against a wrong submission).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from checker import manifest
from checker.runner import SOLUTION, run_kata


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", type=int)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    curriculum = manifest.load(Path(args.root))
    stage = curriculum.stage(args.stage)
    katas = curriculum.katas_of(args.stage)
    if not katas:
        raise SystemExit(f"stage {args.stage} has no katas yet")
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            f"katas/{stage.folder}",
            "-q",
            "-p",
            "no:cacheprovider",
            "--katas-impl=solution",
        ],
        cwd=curriculum.root,
        capture_output=True,
        text=True,
    )
    whole = time.perf_counter() - start
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr
    print(f"stage {stage.number} on the solutions, one pytest process: {whole:.2f} s ({summary})")
    slowest_wrong = 0.0
    for kata in katas:
        run = run_kata(curriculum, kata, SOLUTION, fail_fast=False)
        tests = sum(t.duration for t in run.tests)
        print(f"  {kata.id:<24} solution: {run.seconds:5.2f} s wall, {tests:5.2f} s in tests")
        for fixture in kata.wrong:
            bad = run_kata(curriculum, kata, fixture, fail_fast=False)
            worst = max((t.duration for t in bad.tests), default=0.0)
            slowest_wrong = max(slowest_wrong, worst)
            print(
                f"      wrong/{fixture.name:<32} slowest test {worst:5.2f} s, "
                f"{len(bad.failed_tests)} of {len(bad.tests)} tests fail"
            )
    print(f"slowest single test against a wrong submission: {slowest_wrong:.2f} s")


if __name__ == "__main__":
    main()
