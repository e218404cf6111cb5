"""Measure the checker's speed targets and print the figures (a benchmark, not a timed test).

Targets (issue 2): `katas status` <= 0.3 s; `katas check <one kata>` <= 1.0 s median including
pytest start-up, reported as a ratio to bare pytest start-up on the same machine; `katas verify`
seconds per kata, scaling linearly, on both cores.

    python benchmarks/bench_checker.py [--repeat N] [--sizes 2,4,8]

Everything runs on throwaway copies of the checker's fixture workbook, as real subprocesses,
the way a learner's shell would run them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "checker" / "tests" / "fixture_curriculum"
REAL = HERE.parent
# The `katas` installed beside this interpreter, as a learner's venv would have it.
_BESIDE = Path(sys.executable).parent / "katas"
KATAS = [str(_BESIDE) if _BESIDE.exists() else shutil.which("katas") or "katas"]


def timed(command: list[str], cwd: Path, repeat: int, ok=(0,)) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            raise SystemExit(
                f"{' '.join(command)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}"
            )
    return times


def describe(name: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    p90 = sorted(times)[max(0, round(0.9 * len(times)) - 1)]
    verdict = (
        "" if target is None else ("  ok" if median <= target else f"  OVER target {target} s")
    )
    return f"{name:<46} median {median:6.3f} s   p90 {p90:6.3f} s   n={len(times)}{verdict}"


def copy_fixture(into: Path) -> Path:
    root = into / "workbook"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("__pycache__", ".katas-progress*"))
    return root


def scaled_workbook(into: Path, size: int) -> Path:
    """A workbook whose stage 2 holds `size` copies of the honest `doubler` kata."""
    root = copy_fixture(into / f"n{size}")
    manifest = (root / "katas" / "curriculum.toml").read_text()
    head, _, _ = manifest.partition("[[kata]]")
    stage2 = root / "katas" / "stage2_advanced"
    solutions = root / "solutions" / "stage2_advanced"
    docs = ["# Advanced", "", "## Katas", ""]
    tables = []
    for i in range(size):
        name = f"doubler{i}"
        for folder, src in ((stage2, "doubler.py"), (solutions, "doubler.py")):
            shutil.copyfile(folder / src, folder / f"{name}.py")
        test = (
            (stage2 / "test_doubler.py")
            .read_text()
            .replace("katas.stage2_advanced.doubler", f"katas.stage2_advanced.{name}")
        )
        (stage2 / f"test_{name}.py").write_text(test)
        for wrong in ("doubler_squares", "doubler_small_only"):
            text = (solutions / "wrong" / f"{wrong}.py").read_text()
            (solutions / "wrong" / f"{wrong}_{i}.py").write_text(
                text.replace('KATA = "doubler"', f'KATA = "{name}"')
            )
        docs += [f"### {name}", ""]
        tables.append(
            f'[[kata]]\nid = "{name}"\nstage = 2\nmodule = "{name}"\ncheckpoints = ["2.1"]\n'
            f'docs = "{name}"\nhints = ["Twice n.", "return 2 * n"]\n'
        )
    for wrong in ("doubler_squares", "doubler_small_only", "halver_rounds_up"):
        (solutions / "wrong" / f"{wrong}.py").unlink()
    for stale in ("doubler", "halver"):
        (stage2 / f"{stale}.py").unlink()
        (stage2 / f"test_{stale}.py").unlink()
        (solutions / f"{stale}.py").unlink()
    # Keep stage 1 out of the way: drop its katas, stubs and tests.
    shutil.rmtree(root / "katas" / "stage1_basics")
    shutil.rmtree(root / "solutions" / "stage1_basics")
    (root / "katas" / "stage1_basics").mkdir()
    (root / "katas" / "stage1_basics" / "__init__.py").write_text("")
    (root / "katas" / "curriculum.toml").write_text(head + "\n".join(tables))
    (root / "docs" / "stage2_advanced.md").write_text("\n".join(docs) + "\n")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", default="2,4,8")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="katas-bench-") as scratch:
        scratch = Path(scratch)
        fixture = copy_fixture(scratch)
        subprocess.run([*KATAS, "check", "adder"], cwd=fixture, capture_output=True)
        print(
            describe(
                "katas status (real workbook, 9 stages)",
                timed([*KATAS, "status"], REAL, args.repeat),
                0.3,
            )
        )
        print(
            describe(
                "katas status (fixture, 15 katas, progress)",
                timed([*KATAS, "status"], fixture, args.repeat),
                0.3,
            )
        )
        plain = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        test = "katas/stage1_basics/test_adder.py"
        bare = timed([*plain, test], fixture, args.repeat)
        minimal = timed(
            [
                *plain,
                "-p",
                "no:checker.plugin",
                "-o",
                "addopts=",
                "-p",
                "no:hypothesispytest",
                test,
            ],
            fixture,
            args.repeat,
        )
        check = timed([*KATAS, "check", "adder"], fixture, args.repeat)
        print(describe("plain pytest, one 2-test file", bare))
        print(describe("minimal pytest (no checker, no hypothesis plugin)", minimal))
        print(describe("katas check adder (one kata, 2 tests)", check, 1.0))
        for name, base in (("plain", bare), ("minimal", minimal)):
            ratio = statistics.median(check) / statistics.median(base)
            print(f"{'check / ' + name + ' pytest':<46} ratio {ratio:.2f}")
        sizes = [int(s) for s in args.sizes.split(",")]
        print(
            "katas verify, seconds per kata (each kata: solution, stub, 2 wrong fixtures = 4 runs)"
        )
        rows = []
        for jobs in (1, 2):
            for size in sizes:
                root = scaled_workbook(scratch / f"j{jobs}", size)
                (wall,) = timed([*KATAS, "verify", "--jobs", str(jobs)], root, 1)
                rows.append((jobs, size, wall))
                print(f"  jobs={jobs} katas={size:<3} {wall:7.2f} s   {wall / size:6.2f} s/kata")
        for jobs in (1, 2):
            pts = [(n, w) for j, n, w in rows if j == jobs]
            (n0, w0), (n1, w1) = pts[0], pts[-1]
            slope = (w1 - w0) / (n1 - n0)
            print(
                f"  jobs={jobs}: marginal {slope:.2f} s/kata; "
                f"time({n1})/time({n0}) = {w1 / w0:.2f} "
                f"for {n1 / n0:.0f}x the katas"
            )


if __name__ == "__main__":
    main()
