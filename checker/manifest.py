"""Load and validate the curriculum manifest (`katas/curriculum.toml`) into frozen dataclasses.

The manifest is the single source of truth: stages, checkpoints, prerequisites,
katas and hints. The loader is strict, like rustlings' `dev check` and exercism's
`bin/data.py`: every problem becomes one line naming the file, the entry and the fix,
and all problems are reported together.

Format (``format_version = 1``)::

    format_version = 1
    welcome = "shown by `katas next` before the first kata"   # optional
    final = "shown when every stage is complete"               # optional

    [[stage]]
    number = 1                      # 1, 2, 3 ... in file order
    slug = "foundations"            # folder katas/stage1_foundations/,
                                    # page docs/stage1_foundations.md
    title = "Foundations & Mental Models"
    summary = "one paragraph"
    requires = []                   # stage numbers that must be complete first
    checkpoints = [{ id = "1.1", text = "the outcome" }, ...]

    [[kata]]                        # file order is learning order
    id = "big-o-algebra"            # kebab-case, unique
    stage = 1
    module = "big_o"                # stub katas/stage1_foundations/big_o.py,
                                    # tests katas/stage1_foundations/test_big_o.py,
                                    # solution solutions/stage1_foundations/big_o.py
    checkpoints = ["1.1", "1.2"]    # ids of its stage's checkpoints this kata proves
    docs = "big-o-algebra"          # heading anchor in the stage's docs page
    hints = ["a nudge", "closer"]   # two or more, shown one per `katas hint`
    timeout = 10                    # optional: seconds per test (pytest-timeout)
    passes_on_stub = { test_name = "why this test passes on the untouched stub" }

Known-wrong fixtures are found, not listed: every ``solutions/<stage folder>/wrong/*.py``
declares the kata it imitates with a module-level ``KATA = "kata-id"`` and carries the
bug it imitates in its docstring.
"""

from __future__ import annotations

import ast
import difflib
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

FORMAT_VERSION = 1
MANIFEST = Path("katas") / "curriculum.toml"
MIN_HINTS = 2

_KATA_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
_MODULE = re.compile(r"^[a-z_][a-z0-9_]*$")
_CHECKPOINT_ID = re.compile(r"^(\d+)\.(\d+)$")

# CommonMark ATX headings and code fences, the parts of Markdown that decide GitHub's anchors.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*$")

_TOP_KEYS = {"format_version", "welcome", "final", "stage", "kata"}
_STAGE_KEYS = {"number", "slug", "title", "summary", "requires", "checkpoints"}
_CHECKPOINT_KEYS = {"id", "text"}
_KATA_REQUIRED = {"id", "stage", "module", "checkpoints", "docs", "hints"}
_KATA_KEYS = _KATA_REQUIRED | {"timeout", "passes_on_stub"}


class ManifestError(Exception):
    """The curriculum cannot be loaded; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class WorkbookNotFound(Exception):
    """No ``katas/curriculum.toml`` in the given folder or any folder above it."""

    def __init__(self, start: Path) -> None:
        self.start = start
        super().__init__(
            f"no {MANIFEST.as_posix()} in {start} or any folder above it; "
            "run katas from inside your workbook"
        )


@dataclass(frozen=True)
class Checkpoint:
    id: str
    stage: int
    text: str


@dataclass(frozen=True)
class Stage:
    number: int
    slug: str
    title: str
    summary: str
    requires: tuple[int, ...]
    checkpoints: tuple[Checkpoint, ...]

    @property
    def folder(self) -> str:
        """The stage's folder name under katas/ and solutions/, e.g. ``stage1_foundations``."""
        return f"stage{self.number}_{self.slug}"

    @property
    def docs_page(self) -> Path:
        return Path("docs") / f"{self.folder}.md"


@dataclass(frozen=True)
class WrongFixture:
    """A deliberately wrong implementation the kata's tests must reject."""

    name: str
    path: Path
    kata: str
    bug: str


@dataclass(frozen=True)
class Kata:
    id: str
    stage: int
    module: str
    folder: str
    checkpoints: tuple[str, ...]
    docs: str
    hints: tuple[str, ...]
    timeout: float | None = None
    # A read-only view, so a frozen Kata stays frozen all the way down; left out of the
    # hash because a mapping has none.
    passes_on_stub: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    wrong: tuple[WrongFixture, ...] = ()

    @property
    def stub(self) -> Path:
        return Path("katas") / self.folder / f"{self.module}.py"

    @property
    def tests(self) -> Path:
        return Path("katas") / self.folder / f"test_{self.module}.py"

    @property
    def solution(self) -> Path:
        return Path("solutions") / self.folder / f"{self.module}.py"

    @property
    def import_name(self) -> str:
        return f"katas.{self.folder}.{self.module}"


@dataclass(frozen=True)
class Curriculum:
    root: Path
    format_version: int
    welcome: str
    final: str
    stages: tuple[Stage, ...]
    katas: tuple[Kata, ...]

    def stage(self, number: int) -> Stage:
        for stage in self.stages:
            if stage.number == number:
                return stage
        raise KeyError(number)

    def kata(self, kata_id: str) -> Kata:
        for kata in self.katas:
            if kata.id == kata_id:
                return kata
        raise KeyError(kata_id)

    def katas_of(self, number: int) -> tuple[Kata, ...]:
        return tuple(k for k in self.katas if k.stage == number)

    def katas_for(self, checkpoint_id: str) -> tuple[Kata, ...]:
        return tuple(k for k in self.katas if checkpoint_id in k.checkpoints)

    def path(self, relative: Path) -> Path:
        return self.root / relative


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``katas/curriculum.toml``."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise WorkbookNotFound(start)


def load(root: Path, *, files: bool = True) -> Curriculum:
    """Load ``root/katas/curriculum.toml``; raise ManifestError listing every problem.

    With ``files=False`` the manifest's own data is still checked strictly, but not the files it
    names (stubs, tests, solutions, docs, known-wrong fixtures): the learner's commands load it
    that way, so one deleted test file fails its kata with a clear message instead of locking the
    learner out of every command. The curriculum proof loads with ``files=True``.
    """
    root = Path(root).resolve()
    source = root / MANIFEST
    # Posix paths in messages, so a message reads (and is tested) the same on every OS.
    where = MANIFEST.as_posix()
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError([f"{where}: file not found; run katas inside the workbook"]) from None
    except OSError as exc:
        raise ManifestError(
            [f"{where}: cannot be read ({exc.strerror}); make it a readable file"]
        ) from None
    except UnicodeDecodeError as exc:
        raise ManifestError([f"{where}: not UTF-8 text ({exc}); save it as UTF-8"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError([f"{where}: not valid TOML ({exc}); fix the syntax there"]) from None
    return _Loader(root, where, files).load(data)


class _Loader:
    def __init__(self, root: Path, where: str, files: bool = True) -> None:
        self.root = root
        self.where = where
        self.files = files
        self.problems: list[str] = []

    def problem(self, entry: str, text: str) -> None:
        self.problems.append(f"{self.where}: {entry}: {text}")

    def load(self, data: dict) -> Curriculum:
        version = data.get("format_version")
        if "format_version" not in data:
            self.problem(
                "format_version",
                f"missing; add format_version = {FORMAT_VERSION} as the first line",
            )
            raise ManifestError(self.problems)
        # `type(...) is int` because true == 1 and 1.0 == 1 in Python, and neither is a version.
        if type(version) is not int or version != FORMAT_VERSION:
            self.problem(
                "format_version",
                f"is {version!r} but this checker reads format_version = {FORMAT_VERSION}; "
                "update the manifest or the checker so they agree",
            )
            raise ManifestError(self.problems)
        self.unknown_keys("top level", data, _TOP_KEYS)
        welcome = self.text(data, "welcome", "top level", required=False)
        final = self.text(data, "final", "top level", required=False)
        stages = self.stages(data.get("stage", []))
        katas = self.katas(data.get("kata", []), {s.number: s for s in stages})
        if self.files:
            katas = self.attach_wrong_fixtures(katas, stages)
        if self.problems:
            raise ManifestError(self.problems)
        return Curriculum(self.root, version, welcome, final, tuple(stages), tuple(katas))

    # -- generic checks ---------------------------------------------------------------

    def unknown_keys(self, entry: str, table: dict, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                close = _close(key, allowed)
                fix = f"did you mean '{close}'?" if close else "remove it"
                self.problem(
                    entry, f"unknown key '{key}'; {fix} (allowed: {', '.join(sorted(allowed))})"
                )

    def text(self, table: dict, key: str, entry: str, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(entry, f"missing '{key}'; add {key} = \"...\"")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(entry, f"'{key}' must be a non-empty string")
            return ""
        return value.strip()

    def integer(self, table: dict, key: str, entry: str) -> int | None:
        value = table.get(key)
        if value is None:
            self.problem(entry, f"missing '{key}'; add {key} = <a whole number>")
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(entry, f"'{key}' must be an integer, got {value!r}")
            return None
        return value

    def list_of(self, table: dict, key: str, entry: str, kind: type) -> list:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(v, kind) and not isinstance(v, bool) for v in value
        ):
            self.problem(entry, f"'{key}' must be a list of {kind.__name__}, got {value!r}")
            return []
        return value

    # -- stages -----------------------------------------------------------------------

    def stages(self, raw: list) -> list[Stage]:
        if not isinstance(raw, list) or not raw:
            self.problem("stage", "no [[stage]] tables; the curriculum needs at least one stage")
            return []
        stages: list[Stage] = []
        seen: set[int] = set()
        for index, table in enumerate(raw, start=1):
            entry = f"stage #{index}"
            if not isinstance(table, dict):
                self.problem(entry, "must be a table")
                continue
            number = table.get("number")
            if isinstance(number, int) and not isinstance(number, bool):
                entry = f"stage {number}"
            self.unknown_keys(entry, table, _STAGE_KEYS)
            number = self.integer(table, "number", entry)
            if number is None:
                continue
            if number in seen:
                self.problem(entry, "duplicate stage number; give each stage its own number")
                continue
            if number != index:
                self.problem(
                    entry, f"is stage #{index} in file order; number stages 1, 2, 3 ... in order"
                )
            seen.add(number)
            slug = self.text(table, "slug", entry)
            if slug and not _SLUG.match(slug):
                self.problem(entry, f"slug '{slug}' must be lower_snake_case (it names a folder)")
            stages.append(
                Stage(
                    number=number,
                    slug=slug,
                    title=self.text(table, "title", entry),
                    summary=" ".join(self.text(table, "summary", entry).split()),
                    requires=tuple(self.list_of(table, "requires", entry, int)),
                    checkpoints=self.checkpoints(table, number, entry),
                )
            )
        numbers = sorted(s.number for s in stages)
        for stage in stages:
            for need in stage.requires:
                if need not in numbers:
                    self.problem(
                        f"stage {stage.number}",
                        f"requires unknown stage {need}; remove it or use one of {numbers}",
                    )
                elif need == stage.number:
                    self.problem(
                        f"stage {stage.number}", "requires itself; remove it from 'requires'"
                    )
        cycle = _find_cycle({s.number: s.requires for s in stages})
        if cycle:
            path = " -> ".join(str(n) for n in cycle)
            self.problem(f"stage {cycle[0]}", f"prerequisite cycle {path}; break it in 'requires'")
        for stage in stages if self.files else ():
            if stage.slug and not (self.root / stage.docs_page).is_file():
                self.problem(
                    f"stage {stage.number}",
                    f"docs page {stage.docs_page.as_posix()} is missing; create it",
                )
        return stages

    def checkpoints(self, table: dict, number: int, entry: str) -> tuple[Checkpoint, ...]:
        raw = table.get("checkpoints")
        if not isinstance(raw, list) or not raw:
            self.problem(entry, 'needs \'checkpoints\', a list of { id = "N.k", text = "..." }')
            return ()
        result: list[Checkpoint] = []
        for item in raw:
            if not isinstance(item, dict):
                self.problem(entry, f'checkpoint {item!r} must be {{ id = "N.k", text = "..." }}')
                continue
            cid = item.get("id")
            where = f"{entry} checkpoint '{cid}'" if isinstance(cid, str) else f"{entry} checkpoint"
            self.unknown_keys(where, item, _CHECKPOINT_KEYS)
            if cid is None:
                self.problem(entry, f'a checkpoint has no id; add id = "{number}.k"')
                continue
            if not isinstance(cid, str):
                # `id = 1.1` is a float in TOML; its repr alone would read like a valid id.
                self.problem(
                    entry,
                    f'checkpoint id {cid!r} is not a string; quote it, like id = "{number}.1"',
                )
                continue
            match = _CHECKPOINT_ID.match(cid)
            if not match or int(match.group(1)) != number:
                self.problem(entry, f"checkpoint id '{cid}' must look like '{number}.1'")
                continue
            if any(c.id == cid for c in result):
                self.problem(
                    entry, f"duplicate checkpoint id '{cid}'; give each checkpoint its own id"
                )
                continue
            result.append(Checkpoint(cid, number, self.text(item, "text", where)))
        return tuple(result)

    # -- katas ------------------------------------------------------------------------

    def katas(self, raw: list, stages: dict[int, Stage]) -> list[Kata]:
        if not isinstance(raw, list):
            self.problem("kata", "must be an array of [[kata]] tables")
            return []
        katas: list[Kata] = []
        ids: set[str] = set()
        modules: set[tuple[int, str]] = set()
        for index, table in enumerate(raw, start=1):
            entry = f"kata #{index}"
            if not isinstance(table, dict):
                self.problem(entry, "must be a table")
                continue
            kata_id = table.get("id")
            if isinstance(kata_id, str):
                entry = f"kata '{kata_id}'"
            self.unknown_keys(entry, table, _KATA_KEYS)
            missing = sorted(_KATA_REQUIRED - table.keys())
            if missing:
                self.problem(
                    entry,
                    f"missing {', '.join(missing)}; "
                    f"every kata needs {', '.join(sorted(_KATA_REQUIRED))}",
                )
                continue
            if not isinstance(kata_id, str) or not _KATA_ID.match(kata_id):
                self.problem(entry, f"id {kata_id!r} must be kebab-case, like 'binary-heap'")
                continue
            if kata_id in ids:
                self.problem(entry, "duplicate id; every kata needs its own id")
                continue
            ids.add(kata_id)
            number = self.integer(table, "stage", entry)
            stage = stages.get(number) if number is not None else None
            if number is not None and stage is None:
                self.problem(entry, f"stage {number} is not a stage; use one of {sorted(stages)}")
            module = table.get("module")
            if (
                not isinstance(module, str)
                or not _MODULE.match(module)
                or module.startswith("test_")
            ):
                self.problem(
                    entry,
                    f"module {module!r} must be a Python module name like 'big_o' "
                    "(no .py, no test_)",
                )
                continue
            if stage is None:
                continue
            if (number, module) in modules:
                self.problem(
                    entry,
                    f"module '{module}' is already used by another kata of stage {number}; "
                    "give each kata its own module",
                )
            modules.add((number, module))
            checkpoints = self.list_of(table, "checkpoints", entry, str)
            own = sorted(c.id for c in stage.checkpoints)
            if not checkpoints:
                self.problem(entry, f"'checkpoints' is empty; name which of {own} it proves")
            for cid in checkpoints:
                if cid not in own:
                    self.problem(
                        entry, f"checkpoint '{cid}' is not in stage {number}; use one of {own}"
                    )
            hints = self.list_of(table, "hints", entry, str)
            for position, hint in enumerate(hints, start=1):
                if not hint.strip():
                    self.problem(entry, f"hint {position} is empty; write it or remove it")
            if len(hints) < MIN_HINTS:
                self.problem(
                    entry,
                    f"has {len(hints)} hint(s); write at least {MIN_HINTS}, "
                    "from a nudge to nearly the answer",
                )
            timeout = table.get("timeout")
            # TOML has nan and inf; neither is a timeout pytest-timeout can use.
            if timeout is not None and (
                isinstance(timeout, bool)
                or not isinstance(timeout, int | float)
                or not math.isfinite(timeout)
                or timeout <= 0
            ):
                self.problem(entry, f"timeout {timeout!r} must be a positive number of seconds")
                timeout = None
            kata = Kata(
                id=kata_id,
                stage=number,
                module=module,
                folder=stage.folder,
                checkpoints=tuple(checkpoints),
                docs=self.text(table, "docs", entry),
                hints=tuple(" ".join(h.split()) for h in hints),
                timeout=float(timeout) if timeout is not None else None,
                passes_on_stub=MappingProxyType(self.passes_on_stub(table, entry)),
            )
            if self.files:
                self.check_files(entry, stage, kata)
            katas.append(kata)
        return katas

    def check_files(self, entry: str, stage: Stage, kata: Kata) -> None:
        for label, rel in (
            ("stub", kata.stub),
            ("tests", kata.tests),
            ("solution", kata.solution),
        ):
            if not (self.root / rel).is_file():
                self.problem(
                    entry,
                    f"{label} file {rel.as_posix()} is missing; create it or fix 'module'",
                )
        self.check_anchor(entry, stage, kata.docs)

    def passes_on_stub(self, table: dict, entry: str) -> dict[str, str]:
        raw = table.get("passes_on_stub", {})
        if not isinstance(raw, dict):
            self.problem(
                entry,
                f"passes_on_stub {raw!r} must be a table, "
                'like { test_name = "why it passes on the untouched stub" }',
            )
            return {}
        passes: dict[str, str] = {}
        for name, reason in raw.items():
            if not isinstance(reason, str) or not reason.strip():
                self.problem(
                    entry,
                    f"passes_on_stub.{name} needs a reason; "
                    "say why this test passes on the untouched stub",
                )
                continue
            passes[name] = " ".join(reason.split())
        return passes

    def check_anchor(self, entry: str, stage: Stage, anchor: str) -> None:
        page = self.root / stage.docs_page
        if not anchor or not page.is_file():
            return
        try:
            anchors = docs_anchors(page.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(
                entry,
                f"docs page {stage.docs_page.as_posix()} cannot be read ({exc}); "
                "save it as UTF-8 text",
            )
            return
        if anchor not in anchors:
            self.problem(
                entry,
                f"docs anchor '#{anchor}' is not a heading in {stage.docs_page.as_posix()}; "
                "add a section for it",
            )

    # -- known-wrong fixtures ---------------------------------------------------------

    def attach_wrong_fixtures(self, katas: list[Kata], stages: list[Stage]) -> list[Kata]:
        by_id = {k.id: k for k in katas}
        found: dict[str, list[WrongFixture]] = {k.id: [] for k in katas}
        for stage in stages:
            folder = self.root / "solutions" / stage.folder / "wrong"
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.py")):
                if path.name == "__init__.py":
                    continue
                rel = path.relative_to(self.root)
                fixture = self.read_fixture(rel)
                if fixture is None:
                    continue
                kata = by_id.get(fixture.kata)
                if kata is None:
                    close = _close(fixture.kata, by_id)
                    fix = (
                        f"did you mean '{close}'?"
                        if close
                        else "set it to the id of the kata it imitates"
                    )
                    self.problem(
                        rel.as_posix(),
                        f"KATA = '{fixture.kata}' is not a kata in the manifest; {fix}",
                    )
                elif kata.stage != stage.number:
                    self.problem(
                        rel.as_posix(),
                        f"imitates '{kata.id}' of stage {kata.stage}; "
                        f"move it to solutions/{kata.folder}/wrong/",
                    )
                else:
                    found[kata.id].append(fixture)
        return [_replace_wrong(k, tuple(found[k.id])) for k in katas]

    def read_fixture(self, rel: Path) -> WrongFixture | None:
        where = rel.as_posix()
        try:
            source = (self.root / rel).read_text(encoding="utf-8")
            tree = ast.parse(source, filename=where)
        except SyntaxError as exc:
            self.problem(
                where,
                f"cannot be parsed (line {exc.lineno}: {exc.msg}); "
                "a known-wrong fixture must be valid Python",
            )
            return None
        except (OSError, ValueError) as exc:  # ValueError: not UTF-8
            self.problem(where, f"cannot be read ({exc}); save it as UTF-8 Python source")
            return None
        kata = _declared_kata(tree)
        doc = (ast.get_docstring(tree) or "").strip()
        if kata is None:
            self.problem(where, 'declares no KATA = "kata-id"; name the kata it imitates')
        if not doc:
            self.problem(where, "has no docstring; say which bug it carries")
        if kata is None or not doc:
            return None
        return WrongFixture(rel.stem, rel, kata, doc.splitlines()[0])


def _declared_kata(tree: ast.Module) -> str | None:
    """The string a module assigns to ``KATA`` (plain or annotated), or None."""
    kata = None
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if (
            [getattr(t, "id", None) for t in targets] == ["KATA"]
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            kata = value.value
    return kata


def _replace_wrong(kata: Kata, wrong: tuple[WrongFixture, ...]) -> Kata:
    return replace(kata, wrong=wrong)


def read_task(path: Path) -> str:
    """A stub's task: its module docstring, or "" if the file is missing or does not parse."""
    try:
        return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    except (OSError, SyntaxError, ValueError):
        return ""


def docs_anchors(markdown: str) -> set[str]:
    """GitHub-style anchors of every ATX heading (``# Title``) in a page, outside code fences.

    Like GitHub: lowercase, punctuation dropped, spaces to hyphens, and a repeated heading
    gets ``-1``, ``-2`` ... so each anchor stays unique.
    """
    anchors: set[str] = set()
    repeats: dict[str, int] = {}
    fence = ""
    for line in markdown.splitlines():
        if fence:
            # Only a run of the same character, at least as long, closes a fence (CommonMark).
            close = _FENCE_CLOSE.match(line)
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence):
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        heading = _HEADING.match(line)
        if not heading:
            continue
        title = _CLOSING_HASHES.sub("", heading.group(1) or "").strip().lower()
        base = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
        if not base:
            continue
        anchor = base
        while anchor in anchors:
            repeats[base] = repeats.get(base, 0) + 1
            anchor = f"{base}-{repeats[base]}"
        anchors.add(anchor)
    return anchors


def _find_cycle(graph: dict[int, tuple[int, ...]]) -> list[int] | None:
    """A prerequisite cycle as a path that starts and ends at the same stage, or None."""
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    path: list[int] = []

    def visit(node: int) -> list[int] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph or nxt == node:
                continue
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in graph:
        if node not in state and (found := visit(node)):
            return found
    return None


def _close(word: str, options) -> str | None:
    matches = difflib.get_close_matches(word, list(options), n=1)
    return matches[0] if matches else None
