"""The `katas` command: find the workbook, load the manifest, run, render, record, exit.

Exit codes: 0 every selected kata passes, 1 some fail or a stage is locked, 2 usage error
(unknown kata or stage, not in a workbook). Works without a terminal; honours NO_COLOR.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from checker import manifest, progress, report, standing
from checker.manifest import Curriculum, Kata
from checker.runner import run_kata

NOT_IN_WORKBOOK = (
    "no workbook here: {path} is not inside a backend-katas workbook.\n"
    "Run katas from your backend-katas folder (the one holding katas/curriculum.toml), "
    "or pass --root PATH."
)
LOCKED = (
    "stage {number} ({title}) is locked: complete {missing} first (see `katas status`).\n"
    "To check it anyway, run `katas check {target} --force`."
)
INTERNAL = (
    "the checker itself failed ({error}). This is a bug in backend-katas, not in your code; "
    "your files and progress are untouched. Details were saved to {log}."
)


class _Group(click.Group):
    """Turns an unexpected exception into one clear line: the checker never shows its traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except progress.ProgressError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # `katas list | head` closed the pipe: stop quietly, as any Unix tool does.
            with contextlib.suppress(OSError, ValueError):  # stdout may have no descriptor
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as exc:
            log = Path(os.environ.get("TMPDIR", "/tmp")) / "katas-crash.log"
            try:
                log.write_text(traceback.format_exc(), encoding="utf-8")
            except OSError:
                log = Path("(could not be written)")
            raise click.ClickException(
                INTERNAL.format(error=f"{type(exc).__name__}: {exc}", log=log)
            ) from None


class _Workbook:
    """The loaded workbook a command works on: root, curriculum, progress and standing."""

    def __init__(
        self, root_option: str | None, *, strict: bool = False, quiet_if_new: bool = True
    ) -> None:
        start = Path(root_option) if root_option else Path.cwd()
        try:
            self.root = manifest.find_root(start)
        except manifest.WorkbookNotFound:
            raise click.UsageError(NOT_IN_WORKBOOK.format(path=start.resolve())) from None
        try:
            self.curriculum: Curriculum = manifest.load(self.root, files=strict)
        except manifest.ManifestError as exc:
            raise click.ClickException(
                "the curriculum manifest has problems:\n" + "\n".join(exc.problems)
            ) from None
        is_new = not (self.root / progress.PROGRESS_FILE).exists()
        self.progress, notice = progress.load(self.root)
        if notice and not (is_new and quiet_if_new):
            click.echo(notice, err=True)
        self.standing = standing.derive(self.curriculum, self.progress)

    def reload_progress(self) -> None:
        self.progress, _ = progress.load(self.root)
        self.standing = standing.derive(self.curriculum, self.progress)

    def kata(self, name: str) -> Kata:
        try:
            return self.curriculum.kata(name)
        except KeyError:
            raise click.UsageError(self.unknown(name, "kata")) from None

    def unknown(self, name: str, what: str) -> str:
        ids = [k.id for k in self.curriculum.katas]
        close = difflib.get_close_matches(name, ids, n=3)
        text = f"unknown {what} '{name}'."
        if close:
            text += " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        stray = [
            f"katas/{s.folder}/{name}.py"
            for s in self.curriculum.stages
            if (self.root / "katas" / s.folder / f"{name}.py").is_file()
        ]
        if stray:
            text += f" ({stray[0]} exists but is not a kata in the manifest.)"
        text += (
            " `katas list` shows every kata; stages are 1-" + str(len(self.curriculum.stages)) + "."
        )
        return text

    def select(self, names: tuple[str, ...]) -> list[Kata]:
        wanted: list[Kata] = []
        for name in names:
            if name.isdigit():
                number = int(name)
                if number not in {s.number for s in self.curriculum.stages}:
                    raise click.UsageError(
                        f"unknown stage {number}; stages are 1-{len(self.curriculum.stages)}."
                    )
                katas = self.curriculum.katas_of(number)
            else:
                katas = (self.kata(name),)
            wanted.extend(k for k in katas if k not in wanted)
        order = {k.id: i for i, k in enumerate(self.curriculum.katas)}
        return sorted(wanted, key=lambda k: order[k.id])


def _style():
    """click.style when colour is wanted: a terminal, and no NO_COLOR in the environment."""
    if "NO_COLOR" in os.environ or not sys.stdout.isatty():
        return report.plain
    return click.style


def _json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    envvar="KATAS_ROOT",
    type=click.Path(file_okay=False),
    help="The workbook folder (default: found from the current folder upwards).",
)
@click.version_option(package_name="backend-katas")
@click.pass_context
def cli(ctx: click.Context, root: str | None) -> None:
    """backend-katas: check your katas, see your progress, get hints."""
    ctx.obj = root


@cli.command("status", short_help="Every stage, its checkpoints and your progress.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.pass_obj
def status_command(root: str | None, as_json: bool) -> None:
    """Show every stage: title, prerequisites, state, checkpoints and kata counts."""
    book = _Workbook(root, quiet_if_new=as_json)
    if as_json:
        _json(report.status_json(book.standing))
    else:
        click.echo(report.status_text(book.curriculum, book.standing, _style()))


@cli.command("check", short_help="Run a kata's tests and explain the first failure.")
@click.argument("target", required=False)
@click.option("--force", is_flag=True, help="Check a kata of a locked stage anyway.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON (for graders).")
@click.pass_obj
def check_command(root: str | None, target: str | None, force: bool, as_json: bool) -> None:
    """Check TARGET: a kata id, a stage number, or (by default) your next unfinished kata."""
    book = _Workbook(root)
    katas = _targets(book, target)
    if not katas:
        click.echo("Nothing to check: every kata in the open stages passes. See `katas status`.")
        return
    _refuse_locked(book, katas, target, force)
    before = book.standing
    style = _style()
    results = []
    explained = False
    for kata in katas:
        stub_sha = progress.file_sha256(book.root / kata.stub)
        tests_sha = progress.file_sha256(book.root / kata.tests)
        run = run_kata(book.curriculum, kata)
        total = run.collected if run.collected is not None else len(run.tests)
        progress.record_check(
            book.root,
            kata.id,
            passed=run.passed,
            stub_sha256=stub_sha,
            tests_sha256=tests_sha,
            tests_passed=sum(t.outcome == "passed" for t in run.tests),
            tests_total=total or 0,
            now=datetime.now(UTC),
        )
        results.append((kata, run))
        if as_json:
            continue
        click.echo(report.check_line(kata, run, style))
        if not run.passed and not explained:
            shown = book.progress.get(kata.id).hints_shown
            click.echo("")
            click.echo(report.explain(kata, run, report.Hints(shown, len(kata.hints)), style))
            click.echo("")
            explained = True
    book.reload_progress()
    news = standing.progress_made(before, book.standing)
    if as_json:
        _json({"katas": [report.check_json(k, r) for k, r in results], "progress": news})
    else:
        for line in news:
            click.echo(style(line, fg="green"))
        if all(r.passed for _, r in results):
            nxt = book.standing.next_kata()
            if book.standing.complete:
                click.echo(book.curriculum.final)
            elif nxt is not None and target is None:
                click.echo(f"Next: `katas next` (kata {nxt.kata.id}).")
    if not all(r.passed for _, r in results):
        sys.exit(1)


def _targets(book: _Workbook, target: str | None) -> list[Kata]:
    if target is None:
        nxt = book.standing.next_kata()
        return [nxt.kata] if nxt else []
    return book.select((target,))


def _refuse_locked(book: _Workbook, katas: list[Kata], target: str | None, force: bool) -> None:
    if force:
        return
    for number in sorted({k.stage for k in katas}):
        stage = book.standing.stage(number)
        if stage.missing:
            missing = ", ".join(f"stage {n}" for n in stage.missing)
            click.echo(
                "Error: "
                + LOCKED.format(
                    number=number, title=stage.stage.title, missing=missing, target=target
                ),
                err=True,
            )
            sys.exit(1)


@cli.command("next", short_help="Which kata to do next, and where it is.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.pass_obj
def next_command(root: str | None, as_json: bool) -> None:
    """Show your next kata: its stub, its tests and its task."""
    book = _Workbook(root)
    nxt = book.standing.next_kata()
    if nxt is None:
        message = (
            book.curriculum.final
            if book.standing.complete
            else "No kata is waiting in the open stages. See `katas status`."
        )
        if as_json:
            _json({"kata": None, "message": message})
        else:
            click.echo(message)
        return
    kata = nxt.kata
    task = manifest.read_task(book.root / kata.stub)
    if as_json:
        _json(
            {
                "kata": kata.id,
                "stage": kata.stage,
                "stub": kata.stub.as_posix(),
                "tests": kata.tests.as_posix(),
                "docs": f"docs/{kata.folder}.md#{kata.docs}",
                "task": task,
            }
        )
        return
    if not book.progress.katas and book.curriculum.welcome:
        click.echo(book.curriculum.welcome)
        click.echo("")
    stage = book.curriculum.stage(kata.stage)
    click.echo(f"Next kata: {kata.id}  (stage {stage.number}, {stage.title})")
    click.echo(f"  Edit:   {kata.stub.as_posix()}")
    click.echo(f"  Tests:  {kata.tests.as_posix()}")
    click.echo(f"  Docs:   docs/{kata.folder}.md#{kata.docs}")
    if task:
        click.echo("")
        click.echo("\n".join("  " + line if line else "" for line in task.splitlines()))
    click.echo("")
    click.echo(f"When ready: `katas check {kata.id}`. Stuck: `katas hint {kata.id}`.")


@cli.command("hint", short_help="Show the next hint for a kata.")
@click.argument("kata")
@click.option(
    "--all", "show_all", is_flag=True, help="Show every hint revealed so far, and the next."
)
@click.pass_obj
def hint_command(root: str | None, kata: str, show_all: bool) -> None:
    """Show one more hint for KATA each time you ask."""
    book = _Workbook(root)
    found = book.kata(kata)
    total = len(found.hints)
    shown = book.progress.get(found.id).hints_shown
    reveal = min(total, shown + 1)
    first = 1 if show_all else reveal
    for number in range(first, reveal + 1):
        click.echo(f"Hint {number} of {total} for {found.id}: {found.hints[number - 1]}")
    if reveal > shown:
        progress.record_hint(book.root, found.id, reveal)
    if reveal == total:
        click.echo(f"That is the last hint. More in docs/{found.folder}.md#{found.docs}")


@cli.command("list", short_help="Every kata with its stage, checkpoints and state.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead.")
@click.pass_obj
def list_command(root: str | None, as_json: bool) -> None:
    """List every kata in learning order."""
    book = _Workbook(root)
    if as_json:
        _json(report.list_json(book.standing))
    else:
        click.echo(report.list_text(book.standing))


@cli.command("graph", short_help="The stage map with each stage's state.")
@click.pass_obj
def graph_command(root: str | None) -> None:
    """Draw the stage map: which stage needs which, and where you are."""
    book = _Workbook(root)
    click.echo(report.graph_text(book.standing, _style()))


@cli.command("verify", short_help="Prove every kata's tests are honest (maintainers).")
@click.argument("targets", nargs=-1)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Parallel runs (default: cores)."
)
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.pass_obj
def verify_command(
    root: str | None, targets: tuple[str, ...], jobs: int | None, as_json: bool
) -> None:
    """Prove TARGETS (stage numbers or kata ids; default all): solution passes, stub fails,
    known-wrong fixtures are rejected."""
    from checker import verify

    book = _Workbook(root, strict=True)
    katas = book.select(targets) if targets else list(book.curriculum.katas)
    stray = verify.stray_files(book.curriculum) if not targets else []
    style = _style()
    started = time.monotonic()
    proofs = verify.prove(book.curriculum, katas, workers=jobs) if katas else []
    elapsed = time.monotonic() - started
    if as_json:
        _json(
            {
                "ok": all(p.ok for p in proofs) and not stray,
                "seconds": round(elapsed, 3),
                "stray": stray,
                "katas": [
                    {
                        "id": p.kata.id,
                        "ok": p.ok,
                        "tests": len(p.solution.tests),
                        "wrong_fixtures": len(p.wrong),
                        "seconds": round(p.seconds, 3),
                        "problems": list(p.problems),
                    }
                    for p in proofs
                ],
            }
        )
    else:
        click.echo(report.verify_text(proofs, stray, elapsed, style))
    if stray or not all(p.ok for p in proofs):
        sys.exit(1)


def main() -> None:  # pragma: no cover - console entry point alias
    cli(prog_name="katas")
