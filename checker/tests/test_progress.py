"""Tests for checker/progress.py: the progress file's format, corruption, locking and crashes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from checker import progress
from checker.progress import (
    FORMAT_VERSION,
    NOTE_MISSING,
    NOTE_STARTED,
    PROGRESS_FILE,
    KataRecord,
    Progress,
    ProgressError,
    file_sha256,
    load,
    record_check,
    record_hint,
    update,
)

REPO = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 11, 21, 8, 3, 33, tzinfo=UTC)
SHA_STUB = hashlib.sha256(b"def solve(): ...\n").hexdigest()
SHA_TESTS = hashlib.sha256(b"def test_solve(): ...\n").hexdigest()

# What the file looks like after `check(root, "lru-cache")` then a failed check of "big-o".
EXPECTED_FILE = f"""\
{{
  "format_version": 1,
  "katas": {{
    "big-o": {{
      "checked_at": "2026-11-21T08:03:33Z",
      "hints_shown": 0,
      "passed": false,
      "stub_sha256": null,
      "tests_passed": 1,
      "tests_sha256": "{SHA_TESTS}",
      "tests_total": 3
    }},
    "lru-cache": {{
      "checked_at": "2026-11-21T08:03:33Z",
      "hints_shown": 0,
      "passed": true,
      "stub_sha256": "{SHA_STUB}",
      "tests_passed": 3,
      "tests_sha256": "{SHA_TESTS}",
      "tests_total": 3
    }}
  }}
}}
"""


def check(root: Path, kata_id: str, **overrides) -> tuple[Progress, str | None]:
    """record_check with plausible arguments, any of which a test can override."""
    arguments = {
        "passed": True,
        "stub_sha256": SHA_STUB,
        "tests_sha256": SHA_TESTS,
        "tests_passed": 3,
        "tests_total": 3,
        "now": WHEN,
    }
    arguments.update(overrides)
    return record_check(root, kata_id, **arguments)


def backups(root: Path) -> dict[str, bytes]:
    """Every backup of an unreadable progress file in the folder, name -> bytes."""
    return {path.name: path.read_bytes() for path in root.glob(progress.BACKUP_PREFIX + "*")}


def document(katas: dict, version: object = FORMAT_VERSION) -> bytes:
    return json.dumps({"format_version": version, "katas": katas}).encode()


# -- the format -------------------------------------------------------------------------------


def test_a_missing_file_gives_a_calm_note_and_no_progress(tmp_path):
    got, notice = load(tmp_path)
    assert got == Progress()
    assert notice == NOTE_MISSING
    assert not notice.startswith("Warning"), notice
    assert not (tmp_path / PROGRESS_FILE).exists(), "load() must not create the file"


def test_the_first_record_check_creates_the_file_and_says_so(tmp_path):
    got, notice = check(tmp_path, "big-o")
    assert notice == NOTE_STARTED
    assert (tmp_path / PROGRESS_FILE).is_file()
    assert load(tmp_path) == (got, None)


def test_records_survive_a_round_trip_through_the_file(tmp_path):
    records = {
        "big-o": KataRecord(True, "2026-11-21T08:03:33Z", SHA_STUB, SHA_TESTS, 2, 5, 5),
        "lru-cache": KataRecord(False, "1999-12-31T23:59:59Z", None, SHA_TESTS, 0, 1, 4),
        "binary-heap": KataRecord(hints_shown=3),
    }
    written, _ = update(tmp_path, lambda katas: katas.update(records))
    got, notice = load(tmp_path)
    assert notice is None
    assert dict(got.katas) == records
    assert got == written


def test_the_file_is_sorted_indented_json_so_it_diffs_well(tmp_path):
    check(tmp_path, "lru-cache")
    check(tmp_path, "big-o", passed=False, stub_sha256=None, tests_passed=1)
    assert (tmp_path / PROGRESS_FILE).read_text(encoding="ascii") == EXPECTED_FILE


def test_a_record_may_leave_out_fields_that_have_their_defaults(tmp_path):
    (tmp_path / PROGRESS_FILE).write_bytes(document({"big-o": {"hints_shown": 2}}))
    assert load(tmp_path) == (Progress({"big-o": KataRecord(hints_shown=2)}), None)


def test_a_kata_without_a_record_reads_as_never_checked():
    record = Progress().get("never-seen")
    assert record == KataRecord()
    assert (record.passed, record.checked_at, record.hints_shown) == (False, None, 0)


def test_a_record_of_a_kata_no_longer_in_the_manifest_is_kept_untouched(tmp_path):
    retired = {
        "checked_at": "2025-01-02T03:04:05Z",
        "hints_shown": 4,
        "passed": True,
        "stub_sha256": SHA_STUB,
        "tests_passed": 9,
        "tests_sha256": None,
        "tests_total": 9,
    }
    (tmp_path / PROGRESS_FILE).write_bytes(document({"retired-kata": retired}))
    check(tmp_path, "big-o")
    record_hint(tmp_path, "big-o", 1)
    saved = json.loads((tmp_path / PROGRESS_FILE).read_bytes())
    assert saved["katas"]["retired-kata"] == retired


def test_progress_cannot_be_changed_behind_the_files_back(tmp_path):
    got, _ = check(tmp_path, "big-o")
    with pytest.raises(TypeError):
        got.katas["big-o"] = KataRecord()  # type: ignore[index]


def test_record_check_stores_the_time_in_utc_to_the_second(tmp_path):
    paris = timezone(timedelta(hours=1))
    got, _ = check(tmp_path, "big-o", now=datetime(2026, 11, 21, 9, 3, 33, 999_999, tzinfo=paris))
    assert got.get("big-o").checked_at == "2026-11-21T08:03:33Z"


def test_record_check_refuses_a_time_without_a_zone_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="timezone-aware"):
        check(tmp_path, "big-o", now=datetime(2026, 11, 21, 8, 3, 33))
    assert not (tmp_path / PROGRESS_FILE).exists()


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"passed": 1}, "'passed' must be true or false"),
        ({"checked_at": "yesterday"}, "'checked_at' must be a UTC time"),
        ({"checked_at": "2026-02-30T08:03:33Z"}, "'checked_at' must be a UTC time"),
        ({"checked_at": "2026-11-21T08:03:33+00:00"}, "'checked_at' must be a UTC time"),
        ({"stub_sha256": "abc"}, "'stub_sha256' must be 64 lowercase hex digits"),
        ({"tests_sha256": SHA_TESTS.upper()}, "'tests_sha256' must be 64 lowercase hex digits"),
        ({"hints_shown": -1}, "'hints_shown' must be a non-negative integer"),
        ({"tests_passed": True}, "'tests_passed' must be a non-negative integer"),
        ({"tests_total": 2.0}, "'tests_total' must be a non-negative integer"),
    ],
    ids=[
        "passed-is-an-int",
        "checked-at-is-words",
        "checked-at-is-not-a-date",
        "checked-at-has-an-offset",
        "stub-hash-is-short",
        "tests-hash-is-upper-case",
        "hints-negative",
        "tests-passed-is-a-bool",
        "tests-total-is-a-float",
    ],
)
def test_a_record_with_a_wrong_field_cannot_be_made(fields, named):
    with pytest.raises(ValueError, match=named):
        KataRecord(**fields)


def test_update_refuses_something_that_is_not_a_record_and_writes_nothing(tmp_path):
    check(tmp_path, "big-o")
    before = (tmp_path / PROGRESS_FILE).read_bytes()
    with pytest.raises(TypeError, match="must be a KataRecord"):
        update(tmp_path, lambda katas: katas.update({"lru-cache": {"passed": True}}))
    assert (tmp_path / PROGRESS_FILE).read_bytes() == before


def test_an_update_that_changes_nothing_leaves_the_file_as_it_was(tmp_path):
    check(tmp_path, "big-o")
    before = (tmp_path / PROGRESS_FILE).stat()
    got, notice = update(tmp_path, lambda katas: None)
    assert notice is None
    assert got.get("big-o").passed
    # Every write replaces the file with a new one, so the same inode means no write.
    assert (tmp_path / PROGRESS_FILE).stat().st_ino == before.st_ino


def test_file_sha256_is_the_hex_digest_of_the_files_bytes(tmp_path):
    stub = tmp_path / "big_o.py"
    stub.write_bytes(b"def solve(): ...\n")
    assert file_sha256(stub) == SHA_STUB
    assert file_sha256(tmp_path / "missing.py") is None


# -- unreadable files -------------------------------------------------------------------------

VALID = document(
    {"big-o": {"passed": True, "checked_at": "2026-11-21T08:03:33Z", "tests_total": 3}}
)
UNREADABLE = [
    ("garbage-bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "is not UTF-8 text"),
    ("truncated-json", VALID[: len(VALID) // 2], "is not valid JSON"),
    ("json-list", b"[1, 2, 3]", "holds a JSON list where an object"),
    ("json-string", b'"progress"', "holds a JSON string where an object"),
    ("empty-file", b"", "is empty"),
    ("only-whitespace", b" \n\t\n", "is empty"),
    ("format-version-99", document({}, version=99), "has format_version 99, but this checker"),
    ("format-version-string", document({}, version="1"), "has format_version '1'"),
    ("no-format-version", b'{"katas": {}}', "has no format_version"),
    ("unknown-top-key", b'{"format_version": 1, "kata": {}}', "unknown key 'kata' at the top"),
    ("katas-is-a-list", b'{"format_version": 1, "katas": []}', "has 'katas' as a JSON list"),
    ("record-is-a-number", document({"big-o": 1}), "kata 'big-o' as a JSON number"),
    ("unknown-record-key", document({"big-o": {"pass": True}}), "unknown key 'pass' in kata"),
    ("passed-is-a-string", document({"big-o": {"passed": "yes"}}), "'passed' must be true or"),
    ("hints-negative", document({"big-o": {"hints_shown": -1}}), "'hints_shown' must be a non"),
    ("total-is-a-float", document({"big-o": {"tests_total": 2.5}}), "'tests_total' must be a non"),
    ("checked-at-is-a-number", document({"big-o": {"checked_at": 1}}), "'checked_at' must be"),
    ("duplicate-key", b'{"format_version": 1, "format_version": 1}', "appears twice"),
    ("nan", b'{"format_version": NaN}', "NaN is not a JSON number"),
    ("nested-too-deeply", b"[" * 100_000, "nested too deeply"),
    ("a-5000-digit-number", b'{"format_version": 1' + b"0" * 5000 + b"}", "5001 digits"),
]


@pytest.mark.parametrize(
    ("content", "problem"),
    [case[1:] for case in UNREADABLE],
    ids=[case[0] for case in UNREADABLE],
)
def test_an_unreadable_file_is_kept_as_a_backup_and_progress_starts_fresh(
    tmp_path, content, problem
):
    (tmp_path / PROGRESS_FILE).write_bytes(content)
    got, notice = load(tmp_path)
    assert got == Progress()
    assert notice is not None
    assert notice.startswith(f"Warning: {PROGRESS_FILE} "), notice
    assert "\n" not in notice and len(notice) < 400, notice
    assert problem in notice
    assert "progress starts fresh" in notice
    [(name, kept)] = backups(tmp_path).items()
    assert name in notice, f"the warning must say where the old file is: {notice}"
    assert kept == content, "the backup must hold the unreadable file byte for byte"
    assert not (tmp_path / PROGRESS_FILE).exists()
    assert load(tmp_path) == (Progress(), NOTE_MISSING), "warn once, then it is just missing"


def test_a_second_backup_does_not_overwrite_the_first(tmp_path):
    for content in (b"first unreadable file", b"second unreadable file"):
        (tmp_path / PROGRESS_FILE).write_bytes(content)
        _, notice = load(tmp_path)
        assert notice is not None and notice.startswith("Warning")
    kept = backups(tmp_path)
    assert sorted(kept.values()) == [b"first unreadable file", b"second unreadable file"], kept


def test_backups_made_in_the_same_second_are_numbered_and_none_is_reused(tmp_path, monkeypatch):
    # The clock is pinned so that every backup wants the same name.
    monkeypatch.setattr(progress, "_utc_now", lambda: WHEN)
    name = f"{PROGRESS_FILE}.unreadable-20261121T080333Z"
    (tmp_path / name).write_bytes(b"a backup the learner already had")
    for content in (b"one", b"two"):
        (tmp_path / PROGRESS_FILE).write_bytes(content)
        load(tmp_path)
    assert backups(tmp_path) == {
        name: b"a backup the learner already had",
        f"{name}-2": b"one",
        f"{name}-3": b"two",
    }


def test_a_record_check_on_an_unreadable_file_keeps_it_and_starts_a_fresh_one(tmp_path):
    check(tmp_path, "lru-cache")
    (tmp_path / PROGRESS_FILE).write_bytes(b"{ not json")
    got, notice = check(tmp_path, "big-o")
    assert notice is not None and notice.startswith("Warning") and "is not valid JSON" in notice
    assert list(got.katas) == ["big-o"]
    assert list(backups(tmp_path).values()) == [b"{ not json"]
    assert load(tmp_path) == (got, None)


def test_an_unreadable_file_that_cannot_be_moved_aside_is_left_exactly_as_it_is(tmp_path):
    # A folder where the lock file belongs: the lock cannot be taken, so nothing may move.
    (tmp_path / progress.LOCK_FILE).mkdir()
    (tmp_path / PROGRESS_FILE).write_bytes(b"garbage")
    got, notice = load(tmp_path)
    assert got == Progress()
    assert notice is not None and notice.startswith("Warning") and "\n" not in notice
    assert "could not be moved aside" in notice and "stays as it is" in notice, notice
    with pytest.raises(ProgressError, match="could not lock") as raised:
        check(tmp_path, "big-o")
    assert "\n" not in str(raised.value)
    assert (tmp_path / PROGRESS_FILE).read_bytes() == b"garbage"
    assert backups(tmp_path) == {}


def test_an_update_in_a_folder_that_does_not_exist_raises_a_progress_error(tmp_path):
    with pytest.raises(ProgressError, match="check that the workbook folder exists"):
        check(tmp_path / "no-such-workbook", "big-o")


@given(
    st.binary(max_size=300)
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=10,
    ).map(lambda value: json.dumps(value).encode())
)
def test_load_survives_any_bytes_and_keeps_what_it_cannot_read(content):
    """Property: load() never raises; it reads the file, or warns and keeps it byte for byte."""
    root = Path(tempfile.mkdtemp(prefix="katas-progress-"))
    try:
        (root / PROGRESS_FILE).write_bytes(content)
        got, notice = load(root)
        if notice is None:
            assert (root / PROGRESS_FILE).read_bytes() == content
        else:
            assert notice.startswith("Warning") and "\n" not in notice
            assert got == Progress()
            assert list(backups(root).values()) == [content]
    finally:
        shutil.rmtree(root)


# -- hints ------------------------------------------------------------------------------------


def test_hints_shown_survive_a_record_check(tmp_path):
    record_hint(tmp_path, "big-o", 2)
    got, _ = check(tmp_path, "big-o", passed=False, tests_passed=1)
    record = got.get("big-o")
    assert (record.hints_shown, record.passed, record.tests_passed) == (2, False, 1)
    assert load(tmp_path)[0].get("big-o").hints_shown == 2


def test_record_hint_never_decreases_hints_shown(tmp_path):
    record_hint(tmp_path, "big-o", 3)
    got, _ = record_hint(tmp_path, "big-o", 1)
    assert got.get("big-o").hints_shown == 3
    assert load(tmp_path)[0].get("big-o").hints_shown == 3


def test_record_hint_leaves_the_check_fields_alone(tmp_path):
    checked, _ = check(tmp_path, "big-o")
    got, notice = record_hint(tmp_path, "big-o", 1)
    assert notice is None
    assert got.get("big-o") == replace(checked.get("big-o"), hints_shown=1)


def test_record_hint_refuses_a_negative_count(tmp_path):
    with pytest.raises(ValueError, match="hints_shown must be a non-negative integer"):
        record_hint(tmp_path, "big-o", -1)


# -- temp files -------------------------------------------------------------------------------


def test_a_temp_file_left_by_a_killed_writer_is_ignored_by_load(tmp_path):
    written, _ = check(tmp_path, "big-o")
    (tmp_path / f"{PROGRESS_FILE}.0123456789abcdef.tmp").write_bytes(b'{"format_version": 1, "ka')
    assert load(tmp_path) == (written, None)


def test_only_temp_files_older_than_a_minute_are_cleaned_up(tmp_path):
    old_temp = tmp_path / f"{PROGRESS_FILE}.00000000000000aa.tmp"
    young_temp = tmp_path / f"{PROGRESS_FILE}.00000000000000bb.tmp"
    old_other = tmp_path / f"{PROGRESS_FILE}.my-notes.tmp"
    for path in (old_temp, young_temp, old_other):
        path.write_bytes(b"partial")
    two_minutes_ago = time.time() - 120
    for path in (old_temp, old_other):
        os.utime(path, (two_minutes_ago, two_minutes_ago))
    check(tmp_path, "big-o")
    assert not old_temp.exists()
    assert young_temp.exists(), "a temp file younger than a minute may belong to a live writer"
    assert old_other.exists(), "only names the writer makes are cleaned up"


# -- processes --------------------------------------------------------------------------------

COUNTER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from checker.progress import record_check

root, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()  # the parent starts both writers at once
for i in range(count):
    record_check(root, f"{prefix}-{i}", passed=True, stub_sha256=None, tests_sha256=None,
                 tests_passed=i, tests_total=i, now=datetime(2026, 1, 1, tzinfo=UTC))
"""

WRITER = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from checker.progress import record_check

root = Path(sys.argv[1])
n = 0
while True:
    n += 1
    record_check(root, f"kata-{n % 3}", passed=n % 2 == 0, stub_sha256=None, tests_sha256=None,
                 tests_passed=n, tests_total=n + 1,
                 now=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=n))
"""


def python(script: str, *args: str, **popen) -> subprocess.Popen:
    """Start a Python that can import this checkout's ``checker`` package."""
    path = [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    return subprocess.Popen([sys.executable, "-c", script, *args], env=env, text=True, **popen)


def test_two_processes_recording_at_once_lose_no_update(tmp_path):
    count = 80
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with (
        python(COUNTER, str(tmp_path), "a", str(count), **pipes) as first,
        python(COUNTER, str(tmp_path), "b", str(count), **pipes) as second,
    ):
        for writer in (first, second):
            assert writer.stdout.readline() == "ready\n", writer.communicate()[1]
        for writer in (first, second):
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in (first, second):
            _, errors = writer.communicate()
            assert writer.returncode == 0, errors
    got, notice = load(tmp_path)
    assert notice is None
    expected = {f"{prefix}-{i}" for prefix in "ab" for i in range(count)}
    lost = sorted(expected - set(got.katas))
    assert not lost, f"{len(lost)} of {len(expected)} updates were lost, e.g. {lost[:5]}"


def test_two_threads_recording_at_once_lose_no_update(tmp_path):
    # The runner checks katas in parallel threads of one process; flock must hold there too.
    count = 60

    def record_many(prefix: str) -> None:
        for i in range(count):
            check(tmp_path, f"{prefix}-{i}")

    with ThreadPoolExecutor(max_workers=2) as pool:
        for done in [pool.submit(record_many, prefix) for prefix in "ab"]:
            done.result()
    got, notice = load(tmp_path)
    assert notice is None
    expected = {f"{prefix}-{i}" for prefix in "ab" for i in range(count)}
    lost = sorted(expected - set(got.katas))
    assert not lost, f"{len(lost)} of {len(expected)} updates were lost, e.g. {lost[:5]}"


def written_by_the_writer(n: int) -> dict[str, KataRecord]:
    """The whole state WRITER's n-th update leaves: the last three records it wrote."""
    return {
        f"kata-{m % 3}": KataRecord(
            passed=m % 2 == 0,
            checked_at=(datetime(2026, 1, 1) + timedelta(seconds=m)).isoformat() + "Z",
            tests_passed=m,
            tests_total=m + 1,
        )
        for m in range(max(1, n - 2), n + 1)
    }


def watch(writer: subprocess.Popen, path: Path, changes: int) -> int:
    """Wait until the file has changed ``changes`` times; the highest update number seen."""
    seen, last_seen, last_content = 0, 0, None
    give_up = time.monotonic() + 5  # only so that a broken writer fails the test, not hangs it
    while seen < changes:
        if writer.poll() is not None or time.monotonic() > give_up:
            pytest.fail(f"the writer stopped writing after {seen} changes:\n{writer.stderr.read()}")
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            content = last_content
        if content != last_content:
            try:
                state = json.loads(content)
            except ValueError:
                pytest.fail(f"a reader saw a half-written file between updates: {content[:80]!r}")
            seen, last_content = seen + 1, content
            last_seen = max(record["tests_passed"] for record in state["katas"].values())
        time.sleep(0.0002)
    return last_seen


@pytest.mark.slow
def test_a_writer_killed_at_any_moment_leaves_a_state_it_wrote(tmp_path):
    kills_mid_write = 0
    for attempt in range(20):
        root = tmp_path / f"attempt-{attempt}"
        root.mkdir()
        # Kill after the file has changed 1, 8, 4, 11, 7 ... times: a different moment each time.
        changes = 1 + attempt * 7 % 11
        with python(WRITER, str(root), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as writer:
            try:
                last_seen = watch(writer, root / PROGRESS_FILE, changes)
            finally:
                # Also when watching failed: the writer never stops by itself.
                writer.send_signal(signal.SIGKILL)
                writer.wait()
        assert writer.returncode == -signal.SIGKILL
        kills_mid_write += any(root.glob("*.tmp"))
        got, notice = load(root)
        assert notice is None, f"attempt {attempt}, killed after {changes} changes: {notice}"
        n = max((record.tests_passed for record in got.katas.values()), default=0)
        assert dict(got.katas) == written_by_the_writer(n), (
            f"attempt {attempt}, killed after {changes} changes: the file holds "
            f"{dict(got.katas)}, which is not the state after any one update"
        )
        assert n >= last_seen, f"attempt {attempt}: update {last_seen} was seen on disk, then lost"
        # The killed writer's lock died with it: the next update goes through.
        after, notice = check(root, "big-o")
        assert notice is None and len(after.katas) == len(got.katas) + 1
    print(f"{kills_mid_write} of 20 kills left a temp file behind")


# -- the store against a model ----------------------------------------------------------------

KATA_IDS = st.sampled_from(["big-o-algebra", "binary-heap", "lru-cache"])
HASHES = st.none() | st.sampled_from([SHA_STUB, SHA_TESTS])
COUNTS = st.integers(min_value=0, max_value=40)
MOMENTS = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
CORRUPTIONS = st.sampled_from(
    [
        b"",
        b"[]",
        document({}, version=99),
        document({"lru-cache": {"passed": "yes"}}),
        document({"lru-cache": {"hints_shown": -2}}),
    ]
) | st.binary(max_size=40).map(lambda tail: b"\xff" + tail)  # never UTF-8


class ProgressStore(RuleBasedStateMachine):
    """The store behaves like a dict of records that outlives reloads, and keeps bad files."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="katas-progress-"))
        self.model: dict[str, KataRecord] = {}
        self.on_disk = "missing"  # "missing", "written" or "corrupt"
        self.corrupt_content = b""
        self.kept: list[bytes] = []  # what the backups must hold

    def teardown(self) -> None:
        shutil.rmtree(self.root)

    def read_happened(self, notice: str | None, missing_note: str) -> None:
        """Check the notice of a read and apply to the model what that read did."""
        if self.on_disk == "corrupt":
            assert notice is not None and notice.startswith("Warning"), notice
            self.kept.append(self.corrupt_content)
            self.model.clear()
            self.on_disk = "missing"
        elif self.on_disk == "missing":
            assert notice == missing_note
        else:
            assert notice is None, notice

    @rule(
        kata_id=KATA_IDS,
        passed=st.booleans(),
        stub=HASHES,
        tests=HASHES,
        counts=st.tuples(COUNTS, COUNTS),
        now=MOMENTS,
    )
    def record_check(self, kata_id, passed, stub, tests, counts, now):
        got, notice = record_check(
            self.root,
            kata_id,
            passed=passed,
            stub_sha256=stub,
            tests_sha256=tests,
            tests_passed=counts[0],
            tests_total=counts[1],
            now=now,
        )
        self.read_happened(notice, NOTE_STARTED)
        self.model[kata_id] = KataRecord(
            passed=passed,
            checked_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            stub_sha256=stub,
            tests_sha256=tests,
            hints_shown=self.model.get(kata_id, KataRecord()).hints_shown,
            tests_passed=counts[0],
            tests_total=counts[1],
        )
        self.on_disk = "written"
        assert dict(got.katas) == self.model

    @rule(kata_id=KATA_IDS, hints=st.integers(min_value=0, max_value=5))
    def record_hint(self, kata_id, hints):
        got, notice = record_hint(self.root, kata_id, hints)
        self.read_happened(notice, NOTE_STARTED)
        old = self.model.get(kata_id, KataRecord())
        if hints > old.hints_shown:
            self.model[kata_id] = replace(old, hints_shown=hints)
        self.on_disk = "written"
        assert dict(got.katas) == self.model

    @rule()
    def reload_from_disk(self):
        got, notice = load(self.root)
        self.read_happened(notice, NOTE_MISSING)
        assert dict(got.katas) == self.model

    @rule(content=CORRUPTIONS)
    def corrupt_the_file(self, content):
        (self.root / PROGRESS_FILE).write_bytes(content)
        self.on_disk, self.corrupt_content = "corrupt", content

    @precondition(lambda self: self.on_disk == "written")
    @rule(data=st.data())
    def truncate_the_file(self, data):
        path = self.root / PROGRESS_FILE
        content = path.read_bytes()
        # Any cut before the closing brace; cutting only the final newline leaves valid JSON.
        cut = data.draw(st.integers(min_value=0, max_value=len(content) - 2), label="cut")
        path.write_bytes(content[:cut])
        self.on_disk, self.corrupt_content = "corrupt", content[:cut]

    @precondition(lambda self: self.on_disk != "corrupt")
    @invariant()
    def load_returns_what_the_model_holds(self):
        got, notice = load(self.root)
        assert notice == (NOTE_MISSING if self.on_disk == "missing" else None)
        assert dict(got.katas) == self.model

    @invariant()
    def every_unreadable_file_is_kept_byte_for_byte(self):
        assert sorted(backups(self.root).values()) == sorted(self.kept)


# Fewer, shorter runs than the default: every step fsyncs a real file and folder, which on a
# busy machine takes milliseconds, and the whole run must stay well inside pytest-timeout.
ProgressStore.TestCase.settings = settings(max_examples=25, stateful_step_count=20)
TestProgressStore = ProgressStore.TestCase
