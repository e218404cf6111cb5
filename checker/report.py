"""Results in, text or JSON out. Pure functions, tested on exact strings; nothing here prints.

Text is plain ASCII apart from what the manifest itself says, so it reads the same in a
terminal without colour, in CI logs and in a file. ``style`` is the only way colour gets in:
the CLI passes ``click.style`` when colour is wanted and the identity otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.manifest import Curriculum, Kata
from checker.runner import Failure, KataRun, TestResult
from checker.standing import COMPLETE, EMPTY, LOCKED, KataStanding, StageStanding, Standing

Style = Callable[..., str]


def plain(text: str, **_: object) -> str:
    return text


NO_KATA_WAITING = (
    "Every kata in the open stages passes. The rest wait on checkpoints marked [-], "
    "which have no katas yet."
)

_STATE_COLOR = {COMPLETE: "green", "open": "yellow", LOCKED: "bright_black", EMPTY: "bright_black"}


# -- names --------------------------------------------------------------------------------------


def sentence(test: TestResult) -> str:
    """A test's name as words: ``TestLru::test_evicts_the_oldest_key[small]`` reads
    "Lru: evicts the oldest key (small)".
    """
    words = test.function.removeprefix("test_").replace("_", " ").strip() or test.function
    if test.cls:
        words = f"{test.cls.removeprefix('Test')}: {words}"
    if test.params:
        words = f"{words} ({test.params})"
    return words


def _needs(numbers: Sequence[int]) -> str:
    if not numbers:
        return "nothing, start here"
    # The manifest may list prerequisites in any order; ranges need them sorted.
    numbers = sorted(set(numbers))
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
        # Say the pass is kept: an edit does not take away what a check earned.
        return "passed, changed: re-check" if k.passed else "changed: re-check"
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
        # Every open kata passes, so what blocks the rest is a checkpoint without katas.
        lines.append(NO_KATA_WAITING)
    return "\n".join(lines)


def _stage_block(s: StageStanding, style: Style) -> list[str]:
    stage = s.stage
    state = s.state
    if state == LOCKED:
        # "needs stage 1", not "needs 1", which reads like a count of katas.
        state = f"locked: needs {_needs(s.missing)}"
    counts = f"{s.passed}/{len(s.katas)} katas" if s.katas else "0 katas"
    head = f"Stage {stage.number}  {stage.title}"
    lines = [f"{head}  [{style(state, fg=_STATE_COLOR.get(s.state))}]  {counts}"]
    lines.append(f"  needs {_needs(stage.requires)}")
    for c in s.checkpoints:
        mark = "[x]" if c.met else ("[-]" if not c.katas else "[ ]")
        suffix = "  (no katas yet)" if not c.katas else ""
        lines.append(f"  {mark} {c.id}  {c.text}{suffix}")
    if s.is_open or s.state == COMPLETE:
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
    deepest = max(level.values())
    arrow = "+-> "
    # Every label is padded as if it had the arrow, so the state column lines up on all levels.
    width = len(arrow) + max(len(f"[{s.stage.number}] {s.stage.title}") for s in standing.stages)
    state_width = max(len(s.state) for s in standing.stages)
    lines = ["Stage map: a stage opens when every stage it needs is complete.", ""]
    for lvl in range(deepest + 1):
        for n in sorted(by_number):
            if level[n] != lvl:
                continue
            s = by_number[n]
            label = (arrow if lvl else "") + f"[{s.stage.number}] {s.stage.title}"
            needs = f"needs {_needs(s.stage.requires)}" if s.stage.requires else ""
            # Padding outside the style, so colour covers the word and never trailing spaces.
            state = style(s.state, fg=_STATE_COLOR.get(s.state))
            padding = " " * (state_width - len(s.state))
            lines.append(f"  {label.ljust(width)}  {state}{padding}  {needs}".rstrip())
        if lvl < deepest:
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
    # rstrip: pytest's assertion diffs carry lines of blanks, which must not end a line.
    lines.extend(("  " + line).rstrip() for line in body)
    if failure.test_where is not None and failure.kind in ("assertion", "exception", "timeout"):
        lines.append(f"  Test file:  {_loc(failure.test_where)}")
    elif test is not None and test.path and failure.kind == "assertion":
        lines.append(f"  Test file:  {test.path}:{test.line}")
    if failure.output and failure.kind not in _OUTPUT_NOT_SHOWN:
        # A whole-run problem's output is pytest's own, not what the learner's code printed.
        run_level = failure.kind in _RUN_KINDS
        lines.append("  The test run's last output:" if run_level else "  Your code printed:")
        lines.extend(_quote(failure.output))
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
        "impl-missing": "the implementation to test is missing",
        "no-tests": "its test file has no tests",
        "internal": "the tests could not be run",
        "skipped": "a test was skipped",
    }.get(failure.kind, "a test failed")


# Whole-run problems: their output is the tail of pytest's output.
_RUN_KINDS = ("hung", "crashed", "would-not-exit", "no-tests")
# Too much to show (output-flood), or already quoted in the body (internal).
_OUTPUT_NOT_SHOWN = ("output-flood", "internal")
_QUOTED_LINES = 15
_TIMEOUT = re.compile(r"Timeout \(>([0-9.]+)s\)")


def _quote(output: str) -> list[str]:
    """The last lines of some output, each behind a bar, saying how many lines came before."""
    lines = output.strip("\n").splitlines()
    quoted = [f"    | {line}".rstrip() for line in lines[-_QUOTED_LINES:]]
    if len(lines) > _QUOTED_LINES:
        quoted.insert(0, f"    | ... ({len(lines) - _QUOTED_LINES} lines before)")
    return quoted


def _closed(message: str) -> str:
    """A message from elsewhere with one closing mark ("Perhaps you forgot a comma?" has one)."""
    message = message.strip()
    return message if not message or message.endswith((".", "?", "!")) else message + "."


def _sentence(message: str) -> str:
    """A message from elsewhere as a sentence: capital first letter, one closing mark."""
    message = _closed(message)
    return message[:1].upper() + message[1:]


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
        return [*_indent_message(_replayable(kata, f.message))]
    if kind == "exception":
        message = _replayable(kata, f.message)
        return [f"Your code raised {f.exc_type}{here}:", *_indent_message(message, "  ")]
    if kind == "syntax-error":
        where = f.where
        message = _closed(f.message) or "invalid syntax."
        lines = [f"{where.path}, line {where.line}: {message}" if where else _sentence(message)]
        if where and where.code:
            lines.append(f"  {where.line} | {where.code}")
            column = f.details.get("column")
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
        limit = _TIMEOUT.match(f.message)
        ran = f"more than {limit.group(1)} s" if limit else "too long"
        return [
            f"It ran for {ran}, the limit for one test.",
            *([f"Your code was still running{here}."] if f.where else []),
            "Look for a loop that never ends, or a wait that nothing wakes.",
        ]
    if kind == "hung":
        return [
            _sentence(f.message) or "The run stopped making progress and was stopped.",
            "A loop or a wait at module level, a deadlock, or a blocking read can do this.",
            f"Run `pytest -x {kata.tests.as_posix()}` to see where it stops.",
        ]
    if kind == "exited":
        code = f.details.get("code")
        # The plugin passes a non-integer exit code on as text: show it as it was written.
        shown = "" if code is None else repr(code)
        return [
            f"Your code called sys.exit({shown}){here}.",
            "A kata function returns its answer; it never ends the process.",
        ]
    if kind == "crashed":
        return [
            _sentence(f.message) or "The test process died.",
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
        problem = (f.message.strip() or "pytest could not run the tests").rstrip(".")
        lines = [
            f"{problem[:1].upper()}{problem[1:]}; this is the workbook's setup, not your code.",
            "Reinstall with `pip install -e .` and try again.",
        ]
        if f.output.strip():
            lines.append("pytest said:")
            lines.extend(line.removeprefix("  ") for line in _quote(f.output))
        return lines
    if kind == "skipped":
        return [
            "The test was skipped, and a kata passes only when every test runs and passes.",
            "Does your code call pytest.skip()? Is every package of the workbook installed",
            "(`pip install -e .`)?",
        ]
    return [*_indent_message(f.message)]


_REPRODUCE = re.compile(
    r"^You can reproduce this (?:test case|example) by temporarily adding "
    r"(@reproduce_failure\(.*\)).*$"
)


def _replayable(kata: Kata, message: str) -> str:
    """Swap hypothesis' advice to edit the test (learners never do) for the checker's replay."""
    lines = []
    for line in message.splitlines():
        match = _REPRODUCE.match(line.strip())
        if match:
            lines.append(
                f"Replay: `katas check {kata.id}` tries this example first (hypothesis keeps\n"
                "it in .hypothesis/; under CI=true every run draws the same examples).\n"
                f"Exact input: {match.group(1)}"
            )
        else:
            lines.append(line)
    return "\n".join(lines)


def _indent_message(message: str, prefix: str = "") -> list[str]:
    lines = message.strip().splitlines() or ["(no message)"]
    if len(lines) > 40:
        lines = [*lines[:40], f"... ({len(lines) - 40} more lines)"]
    return [prefix + line for line in lines]


def _next_step(kata: Kata, failure: Failure, hints: Hints) -> str:
    again = f"`katas check {kata.id}`"
    if failure.kind in ("tests-missing", "stub-missing", "no-tests", "internal", "impl-missing"):
        return f"Then run {again} again."
    # Code not written yet is not fixed, it is written.
    act = "write your code" if failure.kind == "not-started" else "fix it"
    if hints.shown < hints.total:
        return (
            f"Next: {act} and run {again}. Stuck? `katas hint {kata.id}` "
            f"(hint {hints.shown + 1} of {hints.total})."
        )
    # No full stop after the link: it would be copied into the anchor.
    return (
        f"Next: {act} and run {again}. All {hints.total} hints are shown "
        f"(`katas hint {kata.id} --all`); read more in docs/{kata.folder}.md#{kata.docs}"
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


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def verify_text(proofs, stray: list[str], seconds: float, style: Style = plain) -> str:
    """The curriculum proof, one line per kata, its problems beneath it, then the totals."""
    if not proofs and not stray:
        # Also what `katas verify 3` prints for a stage without katas, so no "in the manifest".
        return "No katas to prove yet."
    lines: list[str] = []
    for p in proofs:
        tests = len(p.solution.tests)
        rejected = sum(1 for _, run in p.wrong if run.failed_tests)
        # Padding outside the style, so colour covers the word only.
        verdict = style("ok", fg="green") + "  " if p.ok else style("FAIL", fg="red")
        lines.append(
            f"{verdict}  {p.kata.id:<28} {_plural(tests, 'test')}; stub fails "
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
        + (f", {_plural(len(stray), 'stray file')}" if stray else "")
        + f" ({seconds:.1f} s)."
    )
    return "\n".join(lines)
