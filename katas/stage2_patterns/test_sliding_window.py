"""Tests for the sliding-window kata: answers against brute-force oracles, reads counted.

Each problem is checked four ways: fixed examples with the edge cases; a property test against
a plain brute force written here (the oracle), which tries every run, on small generated
strings; a read budget, with ``s`` passed as a ``CountedList`` of characters that counts every
item read, at sizes that double; and the ``@declare`` above your function, whose classes are
compared with the growth measured on your own code. Nothing is timed.
"""

from __future__ import annotations

import random
from collections import Counter as Multiset

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import CountedList, Counter
from checker.harness.growth import LINEAR, assert_within, measure
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.sliding_window import longest_with_k_distinct, min_window_cover

SIZES = (64, 128, 256, 512, 1024)
SPACE_SIZES = (128, 256, 512, 1024, 2048)
PATTERNS = ["sliding-window"]
# Budgets allow about twice what a plain window reads (a character read entering, and up to
# twice leaving, plus the answer's own characters): the constant is yours, the growth is not.
BRUTE_FORCE = ["O(n^2)", "O(n^3)"]  # extending each run with a running count, or recounting it
GENEROUS = 16  # the declaration tests judge the class you claim; the budget tests judge speed
K = 3  # k held fixed while n grows
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _check_declaration(function, name: str, run, families, what, prepare):
    """The declaration's words, then its time against the counts, then its space.

    Each measurement runs only when everything before it holds, so a quadratic search is
    stopped by its counted budget before the uncounted space runs could drag on.
    """
    check_approach(
        function,
        name,
        patterns=PATTERNS,
        brute_force=BRUTE_FORCE,
        time=lambda: measure(run, SIZES, what=what, families=families, budget=(GENEROUS, LINEAR)),
        space=lambda: space_class(prepare, SPACE_SIZES, what=f"{name} on n characters"),
    )


def _text(family: str, n: int) -> list[str]:
    """n characters of one family, the same on every run.

    few-letters: random over "abc", so with k = 3 the whole string is one valid run (the brute
    force's worst case); letters: random over the alphabet; no-cover: random over "abcd";
    long-cover: "a", then b's and c's, then "z"; dense-cover: random over "abc".
    """
    rng = random.Random(f"sliding-window:{family}:{n}")
    if family in ("few-letters", "dense-cover"):
        return [rng.choice("abc") for _ in range(n)]
    if family == "letters":
        return [rng.choice(ALPHABET) for _ in range(n)]
    if family == "no-cover":
        return [rng.choice("abcd") for _ in range(n)]
    if family == "long-cover":
        return ["a", *(rng.choice("bc") for _ in range(n - 2)), "z"]
    raise ValueError(f"unknown family {family!r}")


# -- longest_with_k_distinct ----------------------------------------------------------------------


def _longest(s: str, k: int) -> int:
    """The oracle: every start, extended while it has at most k distinct characters."""
    best = 0
    for i in range(len(s)):
        seen: set[str] = set()
        for j in range(i, len(s)):
            seen.add(s[j])
            if len(seen) > k:
                break
            best = max(best, j + 1 - i)
    return best


def _longest_message(s: str, k: int, got: object, expected: int) -> str:
    runs = (s[i : i + expected] for i in range(len(s) - expected + 1))
    run = next(r for r in runs if len(set(r)) <= k)
    text = (
        f"Called longest_with_k_distinct({s!r}, {k}). It returned {got!r}, expected {expected}"
        f"{f', the run {run!r}' if expected else ''}."
    )
    if isinstance(got, int) and got > expected:
        text += (
            f" No run that long has at most {k} distinct characters: the window kept a "
            "character too many. Shrink it until it is valid again before you measure it."
        )
    elif isinstance(got, int):
        text += (
            " The window shrank too far or too soon. Does a character whose count falls to 0 "
            "stop counting as distinct? Is the length right - left + 1?"
        )
    return text


@pytest.mark.parametrize(
    ("s", "k", "expected"),
    [
        ("", 2, 0),
        ("a", 1, 1),
        ("abc", 0, 0),
        ("aaaa", 1, 4),
        ("eceba", 2, 3),
        ("aa", 1, 2),
        ("abaccc", 2, 4),
        ("abcabc", 3, 6),
        ("abcba", 2, 3),
    ],
    ids=[
        "empty",
        "one-character",
        "k-is-zero",
        "one-letter",
        "leetcode-example",
        "repeats",
        "run-at-the-end",
        "k-covers-everything",
        "run-in-the-middle",
    ],
)
def test_longest_with_k_distinct_measures_the_longest_valid_run(s, k, expected):
    got = longest_with_k_distinct(s, k)
    assert got == expected, _longest_message(s, k, got, expected)


@settings(max_examples=50)
@given(st.text("abcd", max_size=20), st.integers(0, 4))
def test_longest_with_k_distinct_matches_the_brute_force_on_any_string(s, k):
    """The answer is the longest s[i:j] with len(set(s[i:j])) <= k, over every i <= j."""
    expected = _longest(s, k)
    got = longest_with_k_distinct(s, k)
    assert got == expected, _longest_message(s, k, got, expected)


def _longest_run(counter: Counter, family: str, n: int) -> None:
    longest_with_k_distinct(CountedList(_text(family, n), counter), K)


LONGEST_WHAT = f"reads made by longest_with_k_distinct(a CountedList of n characters, {K})"


def test_longest_with_k_distinct_reads_each_character_at_most_about_twice():
    m = measure(
        _longest_run,
        SIZES,
        what=LONGEST_WHAT,
        families=("few-letters", "letters"),
        budget=(6, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Starting a run at every position and extending it reads n^2 characters when runs are "
        "long. Keep one window: take in a character at the right, let characters go at the "
        "left only while it holds more than k distinct ones, and never move either end back.",
    )


def _longest_prepare(n: int):
    s = _text("letters", n)
    return lambda: longest_with_k_distinct(s, K)


def test_longest_with_k_distinct_declares_a_sliding_window_and_the_classes_its_code_shows():
    _check_declaration(
        longest_with_k_distinct,
        "longest_with_k_distinct",
        _longest_run,
        ("few-letters",),
        LONGEST_WHAT,
        _longest_prepare,
    )


# -- min_window_cover -----------------------------------------------------------------------------


def _covers(window: str, t: str) -> bool:
    have = Multiset(window)
    return all(have[c] >= m for c, m in Multiset(t).items())


def _cover(s: str, t: str) -> str:
    """The oracle: every run, shortest first, then leftmost first."""
    if not t:
        return ""
    for size in range(len(t), len(s) + 1):
        for i in range(len(s) - size + 1):
            if _covers(s[i : i + size], t):
                return s[i : i + size]
    return ""


def _cover_message(s: str, t: str, got: object, expected: str) -> str:
    text = f"Called min_window_cover({s!r}, {t!r}). It returned {got!r}, expected {expected!r}."
    if not isinstance(got, str):
        return text + ' Return the run itself as a str: "".join(s[start:stop]).'
    if got and not _covers(got, t):
        text += f" {got!r} lacks some of {t!r}: count repeats, and every character of t."
    elif got and len(got) > len(expected):
        text += (
            " Yours covers t but is longer. Once the window covers t, drop characters from the "
            "left for as long as it still covers t, then record it."
        )
    elif got and len(got) == len(expected):
        text += " Both are shortest; return the leftmost."
    elif expected and not got:
        text += " A cover exists; the window never saw itself complete?"
    else:
        text += " No run of s covers t, counting repeats."
    return text


@pytest.mark.parametrize(
    ("s", "t", "expected"),
    [
        ("", "a", ""),
        ("a", "", ""),
        ("a", "a", "a"),
        ("a", "aa", ""),
        ("abc", "d", ""),
        ("ADOBECODEBANC", "ABC", "BANC"),
        ("aaab", "ab", "ab"),
        ("aabbab", "aab", "aab"),
        ("abcab", "ab", "ab"),
        ("baaab", "ab", "ba"),
    ],
    ids=[
        "empty-s",
        "empty-t",
        "one-character",
        "needs-repeats",
        "no-cover",
        "leetcode-example",
        "spare-copies-on-the-left",
        "repeats-in-t",
        "leftmost-of-equals",
        "cover-at-the-start",
    ],
)
def test_min_window_cover_returns_the_shortest_leftmost_cover(s, t, expected):
    got = min_window_cover(s, t)
    assert got == expected, _cover_message(s, t, got, expected)


@settings(max_examples=50)
@given(st.text("abc", max_size=16), st.text("abcd", max_size=4))
def test_min_window_cover_matches_the_brute_force_on_any_strings(s, t):
    """The answer is the shortest, then leftmost, s[i:j] holding t's characters with repeats."""
    expected = _cover(s, t)
    got = min_window_cover(s, t)
    assert got == expected, _cover_message(s, t, got, expected)


def test_min_window_cover_accepts_a_list_of_characters():
    got = min_window_cover(list("ADOBECODEBANC"), "ABC")
    assert got == "BANC", (
        f"Called min_window_cover(list('ADOBECODEBANC'), 'ABC'). It returned {got!r}, expected "
        "'BANC' as a str. s may be any sequence of characters (the cost tests pass a list): "
        'index it, and build the answer with "".join(s[start:stop]).'
    )


COVER_T = {"no-cover": "abce", "long-cover": "az", "dense-cover": "abc"}


def _cover_run(counter: Counter, family: str, n: int) -> None:
    min_window_cover(CountedList(_text(family, n), counter), COVER_T[family])


COVER_WHAT = (
    "reads made by min_window_cover(a CountedList of n characters, t), t fixed per family "
    f"({', '.join(f'{f}: {t!r}' for f, t in COVER_T.items())}), the answer's own characters "
    "included"
)


def test_min_window_cover_reads_each_character_a_constant_number_of_times():
    m = measure(
        _cover_run,
        SIZES,
        what=COVER_WHAT,
        families=("no-cover", "long-cover", "dense-cover"),
        budget=(8, LINEAR),
    )
    assert_within(
        m,
        LINEAR,
        "Starting a run at every position and extending it until it covers t reads n^2 "
        "characters when covers are long or missing. Keep one window: extend it at the right "
        "until it covers t, then drop from the left while it still does; each end only moves "
        "forward. Keep per-character counts of what t still needs, so a step costs O(1).",
    )


def _cover_prepare(n: int):
    s = _text("no-cover", n)  # random over "abcd": with t = "abcd" the covers are short
    return lambda: min_window_cover(s, "abcd")


def test_min_window_cover_declares_a_sliding_window_and_the_classes_its_code_shows():
    _check_declaration(
        min_window_cover,
        "min_window_cover",
        _cover_run,
        ("no-cover", "long-cover"),
        COVER_WHAT,
        _cover_prepare,
    )
