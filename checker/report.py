"""Results in, text or JSON out. Pure functions, tested on exact strings; nothing here prints.

Text is plain ASCII apart from what the manifest itself says, so it reads the same in a
terminal without colour, in CI logs and in a file. ``style`` is the only way colour gets in:
the CLI passes ``click.style`` when colour is wanted and the identity otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.manifest import Curriculum, Kata
from checker.runner import Failure, KataRun, TestResult
from checker.standing import COMPLETE, EMPTY, LOCKED, KataStanding, Standing, StageStanding

Style = Callable[..., str]


def plain(text: str, **_: object) -> str:
    return text


_STATE_COLOR = {COMPLETE: "green", "open": "yellow", LOCKED: "bright_black", EMPTY: "bright_black"}


# -- names --------------------------------------------------------------------------------------


def sentence(test: TestResult) -> str:
    """``test_evicts_the_oldest_key[small]`` in class ``TestLru`` -> "Lru: evicts the oldest key (small)"."""
    words = test.function.removeprefix("test_").replace("_", " ").strip() or test.function
    if test.cls:
        words = f"{test.cls.removeprefix('Test')}: {words}"
    if test.params:
        words = f"{words} ({test.params})"
    return words


def _needs(numbers: Sequence[int]) -> str:
    if not numbers:
        return "nothing, start here"
    ranges: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return "stage " + ", ".join(ranges) if len(numbers) == 1 else "stages " + ", ".join(ranges)


def kata_state(k: KataStanding) -> str:
    if k.changed:
        return "changed: re-check"
    if k.passed:
        return "passed"
    return "failing" if k.checked else "not checked"


# -- status -------------------------------------------------------------------------------------


def status_text(curriculum: Curriculum, standing: Standing, style: Style = plain) -> str:
    total = sum(len(s.katas) for s in standing.stages)
    passed = sum(s.passed for s in standing.stages)
    lines = [f"backend-katas: {passed} of {total} katas passed", ""]
    for s in standing.stages:
        lines.extend(_stage_block(s, style))
        lines.append("")
    nxt = standing.next_kata()
    if standing.complete:
        lines.append(curriculum.final or "Every stage is complete.")
    elif nxt is not None:
        lines.append(f"Next: `katas next` (kata {nxt.kata.id}, stage {nxt.kata.stage}).")
    elif total == 0:
        lines.append("No katas yet: they arrive with each stage.")
    else:
        lines.append("No kata is open: complete the prerequisites shown above.")
    return "\n".join(lines)


def _stage_block(s: StageStanding, style: Style) -> list[str]:
    stage = s.stage
    state = s.state
    if state == LOCKED:
        state = f"locked: needs {_needs(s.missing).removeprefix('stages ').removeprefix('stage ')}"
    counts = f"{s.passed}/{len(s.katas)} katas" if s.katas else "0 katas"
    head = f"Stage {stage.number}  {stage.title}"
    lines = [f"{head}  [{style(state, fg=_STATE_COLOR.get(s.state))}]  {counts}"]
    lines.append(f"  needs {_needs(stage.requires)}")
    for c in s.checkpoints:
        mark = "[x]" if c.met else ("[-]" if not c.katas else "[ ]")
        suffix = "  (no katas yet)" if not c.katas else ""
        lines.append(f"  {mark} {c.id}  {c.text}{suffix}")
    if s.is_open:
        for k in s.katas:
            lines.append(f"      {k.kata.id:<28} {kata_state(k)}")
    else:
        for k in s.katas:
            if k.changed:
                lines.append(f"      {k.kata.id:<28} {kata_state(k)}")
    return lines


def status_json(standing: Standing) -> dict:
    nxt = standing.next_kata()
    return {
        "complete": standing.complete,
        "next": nxt.kata.id if nxt else None,
        "stages": [
            {
                "number": s.stage.number,
                "slug": s.stage.slug,
                "title": s.stage.title,
                "state": s.state,
                "prerequisites": list(s.stage.requires),
                "missing": list(s.missing),
                "checkpoints": [
                    {"id": c.id, "text": c.text, "met": c.met, "katas": list(c.katas)}
                    for c in s.checkpoints
                ],
                "katas": [_kata_json(k) for k in s.katas],
            }
            for s in standing.stages
        ],
    }


def _kata_json(k: KataStanding) -> dict:
    return {
        "id": k.kata.id,
        "passed": k.passed,
        "checked": k.checked,
        "changed": k.changed,
        "hints_shown": k.hints_shown,
    }


# -- list ---------------------------------------------------------------------------------------


def list_text(standing: Standing) -> str:
    rows = [("kata", "stage", "checkpoints", "state")]
    for s in standing.stages:
        for k in s.katas:
            state = kata_state(k) if s.is_open or k.checked else "locked"
            rows.append((k.kata.id, str(k.kata.stage), ",".join(k.kata.checkpoints), state))
    if len(rows) == 1:
        return "No katas in the manifest yet: they arrive with each stage."
    return _table(rows)


def list_json(standing: Standing) -> list[dict]:
    return [
        {"stage": k.kata.stage, "checkpoints": list(k.kata.checkpoints), **_kata_json(k)}
        for s in standing.stages
        for k in s.katas
    ]


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


# -- graph --------------------------------------------------------------------------------------


def graph_text(standing: Standing, style: Style = plain) -> str:
    """The stage map as levels: a stage sits one level below the deepest stage it needs."""
    level: dict[int, int] = {}
    by_number = {s.stage.number: s for s in standing.stages}

    def depth(n: int) -> int:
        if n not in level:
            level[n] = 1 + max((depth(r) for r in by_number[n].stage.requires), default=-1)
        return level[n]

    for n in by_number:
        depth(n)
    width = max(len(f"[{s.stage.number}] {s.stage.title}") for s in standing.stages)
    lines = ["Stage map: a stage opens when every stage it needs is complete.", ""]
    for lvl in range(max(level.values()) + 1):
        members = [by_number[n] for n in sorted(by_number) if level[n] == lvl]
        for i, s in enumerate(members):
            label = f"[{s.stage.number}] {s.stage.title}".ljust(width)
            arrow = "" if lvl == 0 else "+-> "
            needs = f"needs {_needs(s.stage.requires).split(' ', 1)[-1]}" if s.stage.requires else ""
            state = style(f"{s.state:<13}", fg=_STATE_COLOR.get(s.state))
            lines.append(f"  {arrow}{label}  {state} {needs}".rstrip())
        if lvl < max(level.values()):
            lines.append("  |")
    return "\n".join(lines)


# -- check --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hints:
    shown: int
    total: int


def check_line(kata: Kata, run: KataRun, style: Style = plain) -> str:
    """One line per kata run: PASS/FAIL, id, tests passed."""
    total = run.collected if run.collected is not None else len(run.tests)
    ok = sum(t.outcome == "passed" for t in run.tests)
    if run.passed:
        return f"{style('PASS', fg='green')}  {kata.id}  ({ok}/{total} tests)"
    ran = f"{ok} passed of {total}" if total else "did not run"
    return f"{style('FAIL', fg='red')}  {kata.id}  ({ran})"


def explain(kata: Kata, run: KataRun, hints: Hints, style: Style = plain) -> str:
    """The learner-facing explanation of a run's first failure; "" when the kata passed."""
    first = run.first_failure
    if first is None:
        return ""
    test, failure = first
    lines = [style(f"{kata.id}: {_headline(kata, test, failure)}", bold=True), ""]
    if test is not None:
        lines.append(f"  Test:  {sentence(test)}")
        if test.doc:
            lines.append(f"         {test.doc}")
    body = _body(kata, failure)
    lines.extend("  " + line if line else "" for line in body)
    if failure.test_where is not None and failure.kind in ("assertion", "exception", "timeout"):
        lines.append(f"  Test file:  {_loc(failure.test_where)}")
    elif test is not None and test.path and failure.kind == "assertion":
        lines.append(f"  Test file:  {test.path}:{test.line}")
    if failure.output and failure.kind not in ("output-flood",):
        lines.append("  Your code printed:")
        lines.extend(f"    | {line}" for line in failure.output.splitlines()[-15:])
    lines.append("")
    lines.append("  " + _next_step(kata, failure, hints))
    return "\n".join(lines)


def _headline(kata: Kata, test: TestResult | None, failure: Failure) -> str:
    return {
        "not-started": "not started yet",
        "syntax-error": "Python cannot read your file",
        "import-error": "your file cannot be imported",
        "missing-name": "a name the tests need is missing",
        "timeout": "a test did not finish in time",
        "hung": "the run stopped making progress",
        "exited": "your code exited the process",
        "crashed": "the test process died",
        "output-flood": "too much output",
        "memory": "out of memory",
        "recursion": "recursion too deep",
        "would-not-exit": "a thread never finished",
        "tests-missing": "its test file is missing",
        "stub-missing": "its stub file is missing",
        "no-tests": "its test file has no tests",
        "internal": "the tests could not be run",
        "skipped": "a test was skipped",
    }.get(failure.kind, "a test failed")


def _loc(where) -> str:
    code = f"  `{where.code.strip()}`" if where.code.strip() else ""
    return f"{where.path}:{where.line}{code}"


def _body(kata: Kata, f: Failure) -> list[str]:
    stub = kata.stub.as_posix()
    here = f" at {_loc(f.where)}" if f.where else ""
    kind = f.kind
    if kind == "not-started":
        fn = f"`{f.where.function}`" if f.where and f.where.function else "The stub"
        return [
            f"{fn} still raises NotImplementedError{here}.",
            f"The task is in the docstring of {stub}: replace the `raise` with your code.",
        ]
    if kind == "assertion":
        return [*_indent_message(f.message)]
    if kind == "exception":
        return [f"Your code raised {f.exc_type}{here}:", *_indent_message(f.message, "  ")]
    if kind == "syntax-error":
        where = f.where
        lines = [f"{where.path}, line {where.line}: {f.message}." if where else f.message]
        if where and where.code:
            lines.append(f"  {where.line} | {where.code}")
            column = f.details.get("column") or (where and None)
            if isinstance(column, int) and column > 0:
                lines.append("  " + " " * (len(str(where.line)) + 3 + column - 1) + "^")
        lines.append("Fix the syntax; nothing in this file can run until Python can read it.")
        return lines
    if kind == "import-error":
        return [
            f"Importing {stub} failed{here}:",
            f"  {f.message}",
            "Use the standard library and modules of this workbook only.",
        ]
    if kind == "missing-name":
        name = f.details.get("name", "?")
        return [
            f"The tests use `{name}` from {stub}, but the file no longer defines it.",
            "Keep every name the stub declares (adding helpers is fine);",
            f"`git diff {stub}` shows what changed.",
        ]
    if kind == "timeout":
        limit = f.message.removeprefix("Timeout (>").split("s)")[0]
        still = f"Your code was still running{here}." if f.where else "It was still running."
        return [
            f"It ran for more than {limit} s, the limit for one test. {still}",
            "Look for a loop that never ends, or a wait that nothing wakes.",
        ]
    if kind == "hung":
        return [
            f"{f.message[0].upper()}{f.message[1:]}.",
            "Code at module level that loops or waits, a deadlock, or a blocking read",
            "can do this. Run the tests with `pytest -x` to see where it stops.",
        ]
    if kind == "exited":
        code = f.details.get("code")
        return [
            f"Your code called sys.exit({'' if code is None else code}){here}.",
            "A kata function returns its answer; it never ends the process.",
        ]
    if kind == "crashed":
        return [
            f"{f.message[0].upper()}{f.message[1:]}.",
            "Look for os._exit(), os.kill() or a native extension in your code.",
        ]
    if kind == "output-flood":
        return [
            f"Your code wrote too much output{here}.",
            "Print less: is there a print inside a loop that never ends?",
        ]
    if kind == "memory":
        return [
            f"Your code ran out of memory{here}.",
            "Look for a collection that grows without end, or a copy made in a loop.",
        ]
    if kind == "recursion":
        return [
            f"The recursion went too deep{here}.",
            "Check the base case; for deep inputs, use an explicit stack instead.",
        ]
    if kind == "would-not-exit":
        return [
            "The tests finished, but a thread your code started never ended,",
            "so the process could not exit. Join or stop every thread you start.",
        ]
    if kind == "tests-missing":
        path = f.details.get("path", f.message)
        return [f"{path} is missing. Restore it with `git checkout -- {path}`."]
    if kind == "stub-missing":
        path = f.details.get("path", f.message)
        return [
            f"{path} is missing. Restore the original with `git checkout -- {path}`",
            "(work you never committed is not in git).",
        ]
    if kind == "impl-missing":
        return [f"{f.message} is missing."]
    if kind == "no-tests":
        path = kata.tests.as_posix()
        return [f"pytest found no tests in {path}. Restore it with `git checkout -- {path}`."]
    if kind == "internal":
        lines = [f"{f.message[0].upper()}{f.message[1:]}; this is the workbook's setup, not your code."]
        lines.append("Reinstall with `pip install -e .` and try again. pytest said:")
        lines.extend(f"    | {line}" for line in f.output.splitlines()[-15:])
        return lines
    return [*_indent_message(f.message)]


def _indent_message(message: str, prefix: str = "") -> list[str]:
    lines = message.strip().splitlines() or ["(no message)"]
    if len(lines) > 40:
        lines = [*lines[:40], f"... ({len(lines) - 40} more lines)"]
    return [prefix + line for line in lines]


def _next_step(kata: Kata, failure: Failure, hints: Hints) -> str:
    again = f"`katas check {kata.id}`"
    if failure.kind in ("tests-missing", "stub-missing", "no-tests", "internal", "impl-missing"):
        return f"Then run {again} again."
    if hints.shown < hints.total:
        return (
            f"Next: fix it and run {again}. Stuck? `katas hint {kata.id}` "
            f"(hint {hints.shown + 1} of {hints.total})."
        )
    return (
        f"Next: fix it and run {again}. All {hints.total} hints are shown "
        f"(`katas hint {kata.id} --all`); the docs: docs/{kata.folder}.md#{kata.docs}"
    )


def check_json(kata: Kata, run: KataRun) -> dict:
    first = run.first_failure
    failure = None
    if first is not None:
        test, f = first
        failure = {
            "test": test.nodeid if test else None,
            "sentence": sentence(test) if test else None,
            "kind": f.kind,
            "message": f.message,
            "where": f"{f.where.path}:{f.where.line}" if f.where else None,
        }
    return {
        "id": kata.id,
        "stage": kata.stage,
        "passed": run.passed,
        "tests_passed": sum(t.outcome == "passed" for t in run.tests),
        "tests_total": run.collected if run.collected is not None else len(run.tests),
        "seconds": round(run.seconds, 3),
        "failure": failure,
    }


# -- verify -------------------------------------------------------------------------------------


def verify_text(proofs, stray: list[str], seconds: float, style: Style = plain) -> str:
    """The curriculum proof, one line per kata, its problems beneath it, then the totals."""
    if not proofs and not stray:
        return "No katas in the manifest yet: nothing to prove."
    lines: list[str] = []
    for p in proofs:
        tests = len(p.solution.tests)
        rejected = sum(1 for _, run in p.wrong if run.failed_tests)
        verdict = style("ok  ", fg="green") if p.ok else style("FAIL", fg="red")
        lines.append(
            f"{verdict}  {p.kata.id:<28} {tests} tests; stub fails "
            f"{sum(t.outcome == 'failed' for t in p.stub.tests)}/{len(p.stub.tests)}; "
            f"{rejected}/{len(p.wrong)} wrong fixtures rejected  ({p.seconds:.2f} s)"
        )
        lines.extend(f"        - {problem}" for problem in p.problems)
    if stray:
        lines.append(style("FAIL", fg="red") + "  files no kata owns:")
        lines.extend(f"        - {problem}" for problem in stray)
    bad = sum(not p.ok for p in proofs)
    lines.append("")
    lines.append(
        f"{len(proofs) - bad} of {len(proofs)} katas proven, {bad} with problems"
        + (f", {len(stray)} stray files" if stray else "")
        + f" ({seconds:.1f} s)."
    )
    return "\n".join(lines)
