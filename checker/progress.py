"""The learner's progress: one small JSON file in the workbook root, written atomically.

``katas check`` records each kata's last check here and ``katas hint`` how many hints it has
shown. The file is the learner's: nothing in it is ever thrown away. A file that cannot be
read is moved aside and kept, a write never leaves a half-written file, and two ``katas``
commands at once never lose each other's updates.

Format (``format_version = 1``), the file ``.katas-progress.json``::

    {
      "format_version": 1,
      "katas": {
        "big-o-algebra": {
          "checked_at": "2026-11-21T08:03:33Z",
          "hints_shown": 1,
          "passed": true,
          "stub_sha256": "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7",
          "tests_passed": 7,
          "tests_sha256": "b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c",
          "tests_total": 7
        }
      }
    }

- ``format_version``: required, the integer 1. Any other value makes the file unreadable to
  this checker (it was written by a newer one, or by hand).
- ``katas``: kata id -> record. Ids no longer in the manifest are kept, untouched.
- A record's fields, each optional (a missing field takes the default in brackets):

  - ``passed`` (false): true or false, the outcome of the last check.
  - ``checked_at`` (null): when the last check ran, UTC, ``YYYY-MM-DDTHH:MM:SSZ``; null if
    the kata was never checked.
  - ``stub_sha256`` / ``tests_sha256`` (null): SHA-256 of the stub and of its test file as
    they were at that check, 64 lowercase hex digits; null if the file did not exist.
  - ``hints_shown`` (0): how many hints ``katas hint`` has revealed; it never goes down.
  - ``tests_passed`` / ``tests_total`` (0): how many tests passed and ran at that check.

- Any other key, at the top or in a record, makes the file unreadable: rewriting the file
  without it would lose it silently. So do a key twice in one object, ``NaN`` or
  ``Infinity``, a value of the wrong type, and bytes that are not UTF-8 JSON (a byte order
  mark added by an editor is tolerated).
- Written as ASCII with sorted keys, a two-space indent and a final newline, so it diffs
  well.

Reading and writing: ``load`` reads without the lock (every write is an atomic rename, so a
reader sees a whole file). When it finds the file unreadable, it takes the lock, looks
again, and moves the file aside, returning an empty progress and a one-line warning that
names the backup. ``update`` (and ``record_check`` / ``record_hint`` on top of it) holds the
lock across read, change and write; the write goes to a temp file in the same folder,
which is flushed, fsynced, renamed over the file, and then the folder is fsynced.

Files beside it, all matched by the ``.katas-progress.json.*`` line of ``.gitignore``:

- ``.katas-progress.json.lock``: every read-modify-write holds an exclusive ``flock`` on it.
  It is never deleted (deleting a lock file lets two processes lock two different files).
- ``.katas-progress.json.<16 hex digits>.tmp``: a write in progress. A writer killed before
  its rename leaves one behind; readers ignore them and writers delete any older than a
  minute.
- ``.katas-progress.json.unreadable-<UTC time>[-N]``: an unreadable file, moved aside and
  kept byte for byte; ``-2``, ``-3`` ... when that name is taken.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

PROGRESS_FILE = ".katas-progress.json"
FORMAT_VERSION = 1
LOCK_FILE = f"{PROGRESS_FILE}.lock"
BACKUP_PREFIX = f"{PROGRESS_FILE}.unreadable-"
STALE_TEMP_SECONDS = 60.0

NOTE_MISSING = f"No progress recorded yet; `katas check` will start {PROGRESS_FILE}."
NOTE_STARTED = f"Started {PROGRESS_FILE}; your progress is recorded there from now on."
WARNING_MOVED = (
    "Warning: {file} {problem}; progress starts fresh, and the old file is kept as {backup} "
    "(run `katas check` to record your passes again)."
)
WARNING_NOT_MOVED = (
    "Warning: {file} {problem}; progress starts fresh for this run, and the file stays as it "
    "is because it could not be moved aside ({error})."
)
ERROR_NOT_MOVED = (
    "{file} {problem}, and it could not be moved aside to start a fresh one ({error}); "
    "move it out of the workbook folder yourself, then run the command again."
)
ERROR_LOCK = (
    "could not lock {lock} to update {file} ({error}); check that the workbook folder "
    "exists and is writable."
)
ERROR_WRITE = (
    "could not write {file} ({error}); your recorded progress is unchanged. Check that the "
    "workbook folder is writable and the disk is not full."
)

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TEMP = re.compile(re.escape(PROGRESS_FILE) + r"\.[0-9a-f]{16}\.tmp")
_TOP_KEYS = {"format_version", "katas"}
_SHOWN = 60  # characters of a bad value quoted in a message
_MAX_DIGITS = 30  # no count or version is anywhere near this long


class ProgressError(Exception):
    """The progress file could not be updated; the message is one line for the learner."""


@dataclass(frozen=True)
class KataRecord:
    """What is known about one kata: its last check and the hints shown so far.

    Every field is validated on construction (ValueError), so a record that exists can be
    written, and a file that could be written can be read back.
    """

    passed: bool = False
    checked_at: str | None = None
    stub_sha256: str | None = None
    tests_sha256: str | None = None
    hints_shown: int = 0
    tests_passed: int = 0
    tests_total: int = 0

    def __post_init__(self) -> None:
        problem = _record_problem(self)
        if problem:
            raise ValueError(problem)


_RECORD_KEYS = {f.name for f in fields(KataRecord)}


@dataclass(frozen=True)
class Progress:
    """Every kata's record, read-only, by kata id."""

    katas: Mapping[str, KataRecord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A read-only snapshot in id order: callers cannot change it behind the file's back.
        object.__setattr__(self, "katas", MappingProxyType(dict(sorted(self.katas.items()))))

    def get(self, kata_id: str) -> KataRecord:
        """The kata's record; a never-checked ``KataRecord()`` when there is none."""
        return self.katas.get(kata_id, _NEVER_CHECKED)


def file_sha256(path: Path) -> str | None:
    """The SHA-256 hex digest of the file's bytes; None if there is no such file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as source:
            while chunk := source.read(1 << 16):
                digest.update(chunk)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    return digest.hexdigest()


def load(root: Path) -> tuple[Progress, str | None]:
    """Read the progress of the workbook at ``root``: (progress, one-line notice or None).

    A missing file gives an empty progress and a calm note. An unreadable file gives an
    empty progress and a warning, and is moved aside (under the lock) so it is kept.
    """
    root = Path(root)
    try:
        katas = _read(root / PROGRESS_FILE)
    except _Unreadable as exc:
        problem = str(exc)
    else:
        return (Progress(), NOTE_MISSING) if katas is None else (Progress(katas), None)
    # Look again under the lock: another `katas` may be moving it aside right now.
    try:
        lock = _lock(root)
    except OSError as exc:
        error = _os_error(exc)
        return Progress(), WARNING_NOT_MOVED.format(
            file=PROGRESS_FILE, problem=problem, error=error
        )
    try:
        katas, notice, _ = _take_stock(root, NOTE_MISSING)
    except _NotMoved as exc:
        return Progress(), WARNING_NOT_MOVED.format(
            file=PROGRESS_FILE, problem=exc.problem, error=exc.error
        )
    finally:
        os.close(lock)  # releases the lock
    return Progress(katas), notice


def update(
    root: Path, change: Callable[[dict[str, KataRecord]], None]
) -> tuple[Progress, str | None]:
    """Apply ``change`` to the records in place, under the lock, and write the result.

    Returns the new progress and the notice of the read (an unreadable file moved aside,
    or the file just started). Raises ProgressError when the file cannot be locked, moved
    aside or written; the file on disk is then as it was.
    """
    root = Path(root)
    try:
        lock = _lock(root)
    except OSError as exc:
        raise ProgressError(
            ERROR_LOCK.format(lock=LOCK_FILE, file=PROGRESS_FILE, error=_os_error(exc))
        ) from None
    try:
        try:
            katas, notice, state = _take_stock(root, NOTE_STARTED)
        except _NotMoved as exc:
            raise ProgressError(
                ERROR_NOT_MOVED.format(file=PROGRESS_FILE, problem=exc.problem, error=exc.error)
            ) from None
        changed = dict(katas)
        change(changed)
        _check_records(changed)
        if state != "fine" or changed != katas:
            _remove_stale_temps(root)
            try:
                _write(root, changed)
            except OSError as exc:
                raise ProgressError(
                    ERROR_WRITE.format(file=PROGRESS_FILE, error=_os_error(exc))
                ) from None
    finally:
        os.close(lock)  # releases the lock
    return Progress(changed), notice


def record_check(
    root: Path,
    kata_id: str,
    *,
    passed: bool,
    stub_sha256: str | None,
    tests_sha256: str | None,
    tests_passed: int,
    tests_total: int,
    now: datetime,
) -> tuple[Progress, str | None]:
    """Record the outcome of checking one kata at ``now``; the hints shown are kept."""
    # Built before taking the lock, so bad arguments fail without touching the file.
    checked = KataRecord(
        passed=passed,
        checked_at=_utc_timestamp(now),
        stub_sha256=stub_sha256,
        tests_sha256=tests_sha256,
        tests_passed=tests_passed,
        tests_total=tests_total,
    )

    def change(katas: dict[str, KataRecord]) -> None:
        old = katas.get(kata_id, _NEVER_CHECKED)
        katas[kata_id] = replace(checked, hints_shown=old.hints_shown)

    return update(root, change)


def record_hint(root: Path, kata_id: str, hints_shown: int) -> tuple[Progress, str | None]:
    """Record that ``hints_shown`` hints of the kata have been revealed; never lowers it."""
    if not _is_count(hints_shown):
        raise ValueError(f"hints_shown must be a non-negative integer, got {_show(hints_shown)}")

    def change(katas: dict[str, KataRecord]) -> None:
        old = katas.get(kata_id, _NEVER_CHECKED)
        if hints_shown > old.hints_shown:
            katas[kata_id] = replace(old, hints_shown=hints_shown)

    return update(root, change)


# -- reading ----------------------------------------------------------------------------------


class _Unreadable(Exception):
    """The bytes are not a progress file this checker reads; the message says why."""


class _NotMoved(Exception):
    """An unreadable progress file could not be moved aside."""

    def __init__(self, problem: str, error: str) -> None:
        super().__init__(problem, error)
        self.problem = problem
        self.error = error


def _take_stock(root: Path, missing_note: str) -> tuple[dict[str, KataRecord], str | None, str]:
    """Under the lock: the records, the notice and the state ("fine", "missing" or "moved")."""
    path = root / PROGRESS_FILE
    try:
        katas = _read(path)
    except _Unreadable as exc:
        problem = str(exc)
        try:
            backup = _move_aside(path)
        except OSError as error:
            raise _NotMoved(problem, _os_error(error)) from None
        return {}, WARNING_MOVED.format(file=PROGRESS_FILE, problem=problem, backup=backup), "moved"
    if katas is None:
        return {}, missing_note, "missing"
    return katas, None, "fine"


def _read(path: Path) -> dict[str, KataRecord] | None:
    """The records in the file, or None when there is no file; raise _Unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Unreadable(f"could not be read ({_os_error(exc)})") from None
    return _parse(raw)


def _parse(raw: bytes) -> dict[str, KataRecord]:
    """The records a progress file's bytes hold; raise _Unreadable saying what is wrong."""
    if not raw.strip():
        raise _Unreadable("is empty")
    try:
        # utf-8-sig: an editor that adds a byte order mark has not made the file unreadable.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Unreadable(f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        data = json.loads(
            text, object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_int=_integer
        )
    except RecursionError:
        raise _Unreadable("is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, or one of the hooks below
        raise _Unreadable(f"is not valid JSON ({_one_line(str(exc))})") from None
    if not isinstance(data, dict):
        raise _Unreadable(f"holds a JSON {_json_kind(data)} where an object {{...}} belongs")
    if "format_version" not in data:
        raise _Unreadable("has no format_version")
    version = data["format_version"]
    if not (type(version) is int and version == FORMAT_VERSION):
        raise _Unreadable(
            f"has format_version {_show(version)}, but this checker reads format_version "
            f"{FORMAT_VERSION} (was it written by a newer checker?)"
        )
    unknown = sorted(data.keys() - _TOP_KEYS)
    if unknown:
        raise _Unreadable(f"has an unknown key {_show(unknown[0])} at the top level")
    raw_katas = data.get("katas", {})
    if not isinstance(raw_katas, dict):
        raise _Unreadable(f"has 'katas' as a JSON {_json_kind(raw_katas)}, not an object")
    katas: dict[str, KataRecord] = {}
    for kata_id, raw_record in raw_katas.items():
        where = f"kata {_show(kata_id)}"
        if not isinstance(raw_record, dict):
            raise _Unreadable(f"has {where} as a JSON {_json_kind(raw_record)}, not an object")
        unknown = sorted(raw_record.keys() - _RECORD_KEYS)
        if unknown:
            raise _Unreadable(f"has an unknown key {_show(unknown[0])} in {where}")
        try:
            katas[kata_id] = KataRecord(**raw_record)
        except ValueError as exc:
            raise _Unreadable(f"has a bad record for {where}: {exc}") from None
    return katas


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # json keeps the last of two equal keys; the first would be lost on the next write.
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {_show(key)} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _integer(digits: str) -> int:
    # Python refuses to convert more than 4300 digits and says to raise a limit; say it plainly.
    if len(digits) > _MAX_DIGITS:
        raise ValueError(f"a number with {len(digits)} digits")
    return int(digits)


# -- validating -------------------------------------------------------------------------------


def _record_problem(record: KataRecord) -> str | None:
    """What is wrong with a record's fields, in one line; None when nothing is."""
    if type(record.passed) is not bool:
        return f"'passed' must be true or false, got {_show(record.passed)}"
    if record.checked_at is not None and not _is_timestamp(record.checked_at):
        return (
            "'checked_at' must be a UTC time like \"2026-11-21T08:03:33Z\" or null, "
            f"got {_show(record.checked_at)}"
        )
    for name in ("stub_sha256", "tests_sha256"):
        value = getattr(record, name)
        if value is not None and not (isinstance(value, str) and _SHA256.fullmatch(value)):
            return f"'{name}' must be 64 lowercase hex digits or null, got {_show(value)}"
    for name in ("hints_shown", "tests_passed", "tests_total"):
        value = getattr(record, name)
        if not _is_count(value):
            return f"'{name}' must be a non-negative integer, got {_show(value)}"
    return None


def _check_records(katas: dict[str, KataRecord]) -> None:
    for kata_id, record in katas.items():
        if not isinstance(kata_id, str):
            raise TypeError(f"kata ids must be strings, got {_show(kata_id)}")
        if not isinstance(record, KataRecord):
            raise TypeError(f"katas[{kata_id!r}] must be a KataRecord, got {_show(record)}")


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0


def _is_timestamp(value: object) -> bool:
    if not (isinstance(value, str) and _TIMESTAMP.fullmatch(value)):
        return False
    try:
        datetime.fromisoformat(value[:-1])
    except ValueError:
        return False
    return True


def _utc_timestamp(now: datetime) -> str:
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise ValueError(f"now must be a timezone-aware datetime, got {_show(now)}")
    return now.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


# Made here, once the validation it runs is defined.
_NEVER_CHECKED = KataRecord()


# -- writing ----------------------------------------------------------------------------------


def _lock(root: Path) -> int:
    """Take the exclusive lock on the lock file; closing the returned descriptor releases it."""
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        # Blocking, no timeout: holders only read, write and fsync a small file, and the
        # kernel drops a killed holder's lock. Polling instead would starve a waiter behind
        # a busy writer.
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _write(root: Path, katas: Mapping[str, KataRecord]) -> None:
    """Replace the progress file atomically: temp file, fsync, rename, fsync the folder."""
    document = {
        "format_version": FORMAT_VERSION,
        "katas": {kata_id: asdict(record) for kata_id, record in katas.items()},
    }
    data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")
    temp = root / f"{PROGRESS_FILE}.{secrets.token_hex(8)}.tmp"
    # os.open with O_EXCL rather than mkstemp: the file gets the umask's mode, not 0600.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, root / PROGRESS_FILE)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(root)


def _move_aside(path: Path) -> str:
    """Rename an unreadable file to a backup name no file has yet; return that name."""
    stamp = _utc_now().strftime("%Y%m%dT%H%M%SZ")
    base = f"{BACKUP_PREFIX}{stamp}"
    counter = 1
    while True:
        name = base if counter == 1 else f"{base}-{counter}"
        target = path.with_name(name)
        # Checked then renamed under the lock, so no other `katas` can take the name between.
        if not os.path.lexists(target):
            os.rename(path, target)
            _fsync_folder(path.parent)
            return name
        counter += 1


def _remove_stale_temps(root: Path) -> None:
    """Delete temp files that a killed writer left behind more than a minute ago."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    with suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if not _TEMP.fullmatch(entry.name):
                continue
            with suppress(OSError):
                stat = entry.stat(follow_symlinks=False)
                if entry.is_file(follow_symlinks=False) and stat.st_mtime < cutoff:
                    os.unlink(entry.path)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in the folder durable; without it a power cut can bring the old file back."""
    # Best effort: the rename has happened either way, and some file systems refuse to fsync
    # a folder (EINVAL), which must not turn a completed write into an error.
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _utc_now() -> datetime:
    return datetime.now(UTC)


# -- messages ---------------------------------------------------------------------------------


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 2 * _SHOWN else text[: 2 * _SHOWN - 3] + "..."


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if value is None:
        return "null"
    return "object"


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{reason}: {Path(exc.filename).name}" if exc.filename else reason
