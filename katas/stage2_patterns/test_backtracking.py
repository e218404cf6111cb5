"""Tests for the backtracking kata: answers against a brute force, search nodes counted.

Your search reports every node it builds through ``visit``; the tests replay those calls on a
board (or a combination) of their own, check each against the rules, and count them. The
counts are held to the size of the pruned search tree, which the tests know exactly, so a
search that builds what it could have ruled out fails at once, on every machine.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import BudgetExceeded, Counter
from checker.harness.growth import (
    FACTORIAL,
    LINEAR,
    QUADRATIC,
    Growth,
    Measurement,
    assert_within,
    measure,
)
from checker.harness.patterns import (
    CatalogueError,
    approach_of,
    check_approach,
    declared_class,
    pattern,
)
from katas.stage2_patterns.backtracking import combination_sum, n_queens

# -- n_queens ---------------------------------------------------------------------------------

# The pruned tree: how many queens a row-by-row search places when it places a queen only on a
# square that no queen above attacks (every partial board of 1..n non-attacking queens, one per
# row). Counted by a reference search; the 8×8 figure, 2056 (2057 with the empty board), is
# the classic one. Checking only at the leaves places 8 + 8² + ... + 8⁸, about 19 million.
PRUNED_TREE = {1: 1, 2: 2, 3: 5, 4: 16, 5: 53, 6: 152, 7: 551, 8: 2056}


def _attacked(queens: Sequence[int], row: int, col: int) -> bool:
    """Whether a queen at (row, col) shares a column or a diagonal with queens[0..row-1]."""
    return any(c == col or abs(c - col) == row - r for r, c in enumerate(queens[:row]))


class Board:
    """Replays a row-by-row search's ``visit(row, col)`` calls on a board, checking each."""

    def __init__(self, n: int, counter: Counter | None = None) -> None:
        self.n = n
        self.counter = counter
        self.queens: list[int] = []  # queens[r] = the column of the queen on row r
        self.placed = 0
        self.full = 0  # boards reached with n queens, none attacked
        self.attacked: list[tuple[int, int, tuple[int, ...]]] = []
        self.problem: str | None = None

    def __call__(self, row: Any, col: Any) -> None:
        if self.counter is not None:
            self.counter.tick("placement")
        self.placed += 1
        if self.problem is not None:
            return
        if not (isinstance(row, int) and isinstance(col, int) and 0 <= col < self.n):
            self.problem = f"visit({row!r}, {col!r}) is not a square of a {self.n}×{self.n} board"
            return
        if not 0 <= row <= min(len(self.queens), self.n - 1):
            held = f"rows 0..{len(self.queens) - 1}" if self.queens else "no row yet"
            self.problem = (
                f"visit({row}, {col}) came when the board held queens on {held}: place queens "
                "row by row, row 0 first"
            )
            return
        del self.queens[row:]  # the search has come back up to this row
        if _attacked(self.queens, row, col):
            self.attacked.append((row, col, tuple(self.queens)))
        self.queens.append(col)
        if row == self.n - 1 and not any(
            _attacked(self.queens, r, c) for r, c in enumerate(self.queens)
        ):
            self.full += 1


def _count_queens(n: int, board: Board | None = None) -> int:
    """n_queens(n, visit), stopped once it places four times the queens of the pruned tree."""
    tree = PRUNED_TREE.get(n, 1)
    board = board if board is not None else Board(n)
    board.counter = Counter(budget=4 * tree)
    try:
        return n_queens(n, board)
    except BudgetExceeded:
        raise AssertionError(
            f"Called n_queens({n}, visit). It placed more than {4 * tree} queens, four times "
            f"the {tree} of the pruned tree, and was stopped before it answered. Check each "
            "square as you place a queen, not the board when it is full."
        ) from None


# The counts are OEIS A000170.
@pytest.mark.parametrize(
    ("n", "expected", "why"),
    [
        (0, 1, "the empty board, with no queens to attack each other, is one arrangement"),
        (1, 1, "one queen on the only square"),
        (2, 0, "two queens on a 2×2 board always attack each other"),
        (3, 0, "no way on 3×3 either"),
        (4, 2, "two mirror-image solutions"),
        (5, 10, "ten"),
        (6, 4, "fewer than for 5: the counts do not grow smoothly"),
        (8, 92, "the classic eight queens: 92"),
    ],
    ids=["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n8"],
)
def test_n_queens_counts_the_known_solutions(n, expected, why):
    got = _count_queens(n)
    assert got == expected, (
        f"Called n_queens({n}). It returned {got!r}, expected {expected}: {why}."
    )


@functools.cache
def _queens_oracle(n: int) -> int:
    """Try every board with one queen per row and per column; keep those with no shared diagonal."""
    return sum(
        all(abs(cols[a] - cols[b]) != b - a for a, b in itertools.combinations(range(n), 2))
        for cols in itertools.permutations(range(n))
    )


@settings(max_examples=10)
@given(st.integers(0, 7))
def test_n_queens_matches_checking_every_permutation(n):
    """n_queens(n) == the number of column permutations with no two queens on a diagonal."""
    got = _count_queens(n)
    expected = _queens_oracle(n)
    assert got == expected, (
        f"Called n_queens({n}). It returned {got!r}, expected {expected} (every board with one "
        "queen per row and column, checked for shared diagonals)."
    )


@pytest.mark.parametrize("n", [1, 4, 5, 6])
def test_n_queens_places_queens_row_by_row_on_unattacked_squares(n):
    board = Board(n)
    got = _count_queens(n, board)
    assert board.problem is None, f"Called n_queens({n}, visit): {board.problem}."
    if board.attacked:
        row, col, above = board.attacked[0]
        raise AssertionError(
            f"Called n_queens({n}, visit). Of its {board.placed} placements, "
            f"{len(board.attacked)} put a queen on an attacked square; the first was "
            f"visit({row}, {col}) with queens above in columns {list(above)} (row by row). "
            "Check a square before you place a queen on it (and call visit only then): every "
            "board below an attacked queen fails, so none of them needs building."
        )
    assert board.full == got, (
        f"Called n_queens({n}, visit). It returned {got!r}, but the visits reached a full board "
        f"of {n} non-attacking queens {board.full} times. Count a solution when its last "
        "queen is placed on the board (and reported with visit), and only then."
    )


def test_n_queens_places_no_more_queens_than_the_pruned_tree_holds():
    rows = []
    for n, tree in PRUNED_TREE.items():
        counter = Counter(budget=tree)
        try:
            n_queens(n, Board(n, counter))
        except BudgetExceeded:
            rows.append(f"    {n:>3}  {tree:>12}  {'more: stopped':>14}")
            table = "\n".join(rows)
            raise AssertionError(
                f"Called n_queens(n, visit) for n = 1, 2, ... and counted its placements:\n"
                f"      n  pruned tree  your placements\n{table}\n"
                f"  At n={n} your search placed more than the {tree} queens of the pruned tree "
                "and was stopped. Checking the whole board only when it is full builds n "
                "choices per row, n^n boards. Check each square as you place a queen: keep "
                "the columns and both diagonals (row + col, row - col) in use in sets."
            ) from None
        rows.append(f"    {n:>3}  {tree:>12}  {counter.total:>14}")


# Checked against the known answers, not measured: the harness's classes stop at O(n!), so it
# has no name for the brute force's n^n, and the counts of an exponential search at the few
# sizes that run quickly cannot tell O(2^n) from O(n!) apart.
def test_n_queens_declares_its_pattern_and_classes():
    name = "n_queens"
    approach = approach_of(n_queens, name)
    try:
        named = pattern(approach.pattern)
    except CatalogueError as error:
        raise AssertionError(f"{name} declares pattern={approach.pattern!r}: {error}") from None
    assert named.name == "backtracking", (
        f"{name} declares pattern={approach.pattern!r} ({named.name}: {named.signals}). Placing "
        "queens one at a time and undoing the ones that lead nowhere is backtracking."
    )
    _assert_known_class(
        name,
        "time",
        approach.time,
        (FACTORIAL,),
        "Count the boards the pruned search can build: row 0 offers n columns, row 1 at most "
        "n - 1 that are not attacked, row 2 at most n - 2, ...",
    )
    _assert_known_class(
        name,
        "space",
        approach.space,
        (LINEAR, QUADRATIC),
        "A count needs no list of solutions: what is alive at once is one board and one call "
        "per row. Sets of the columns and diagonals in use hold O(n); a full n×n grid, O(n^2).",
    )
    brute = approach.brute_force.strip() if isinstance(approach.brute_force, str) else ""
    if _power_n(brute) != "n":
        raise AssertionError(
            f"{name} declares brute_force={approach.brute_force!r}. The brute force puts a queen "
            "anywhere on each row and checks the board when it is full: how many boards is "
            "that? (Write n to the power n as 'O(n^n)'.)"
        )
    beats = approach.beats.strip() if isinstance(approach.beats, str) else ""
    assert beats not in ("", "?") and "\n" not in beats and len(beats.split()) >= 4, (
        f"{name} declares beats={approach.beats!r}: say in one line of a few words why the "
        "pruned search skips work the brute force does."
    )


def _power_n(text: str) -> str | None:
    """'n' for 'O(n^n)' (or n**n, nⁿ); the base of any other O(x^n); None otherwise."""
    compact = text.replace(" ", "").replace("**", "^").replace("ⁿ", "^n")
    if compact.startswith("O(") and compact.endswith("^n)"):
        return compact[2:-3]
    return None


def _assert_known_class(
    name: str, what: str, value: Any, accepted: tuple[Growth, ...], advice: str
) -> None:
    declared = declared_class(value, what, name)  # fails with the harness's own message
    assert declared in accepted, f"{name} declares {what} {declared}, which is not right. {advice}"


# -- combination_sum --------------------------------------------------------------------------

TWO_CANDIDATES = (2, 3)
TARGETS = (16, 32, 64, 128)


@functools.cache
def _pruned_tree(candidates: tuple[int, ...], start: int, remaining: int) -> int:
    """How many combinations an ascending search builds below a node: every ascending extension
    whose sum does not pass the target, counted once."""
    return sum(
        1 + _pruned_tree(candidates, i, remaining - c)
        for i, c in enumerate(candidates)
        if i >= start and c <= remaining
    )


def _combinations_oracle(candidates: list[int], target: int) -> list[list[int]]:
    """Every way to choose how many of each candidate to take, kept when the sum is right."""
    distinct = sorted(set(candidates))
    found = []
    for counts in itertools.product(*(range(target // c + 1) for c in distinct)):
        if sum(c * k for c, k in zip(distinct, counts, strict=True)) == target:
            found.append([c for c, k in zip(distinct, counts, strict=True) for _ in range(k)])
    return sorted(found)


def _as_lists(got: Any) -> Any:
    try:
        return [list(combination) for combination in got]
    except TypeError:
        return got


@pytest.mark.parametrize(
    ("candidates", "target", "expected", "why"),
    [
        ([2, 3, 6, 7], 7, [[2, 2, 3], [7]], "the docstring's example"),
        ([2, 3, 5], 8, [[2, 2, 2, 2], [2, 3, 3], [3, 5]], "three ways, each in ascending order"),
        ([1], 3, [[1, 1, 1]], "one candidate, used three times"),
        ([2], 1, [], "no combination of 2s makes 1"),
        ([], 5, [], "no candidates, no combinations"),
        ([5, 3], 0, [[]], "the empty combination is the one way to make 0"),
        ([3, 2, 2], 4, [[2, 2]], "a candidate listed twice still makes each combination once"),
        ([7, 2], 6, [[2, 2, 2]], "a candidate larger than the target is never taken"),
    ],
    ids=["classic", "three-ways", "one-candidate", "none", "no-candidates", "zero", "dup", "big"],
)
def test_combination_sum_answers_the_fixed_examples(candidates, target, expected, why):
    got = _as_lists(combination_sum(list(candidates), target))
    assert got == expected, (
        f"Called combination_sum({candidates}, {target}). It returned {got!r}, expected "
        f"{expected}: {why}."
    )


@settings(max_examples=40)
@given(st.lists(st.integers(1, 8), max_size=4), st.integers(0, 14))
def test_combination_sum_matches_trying_every_count_of_every_candidate(candidates, target):
    """combination_sum(cs, t) == every choice of how many of each candidate sums to t, sorted."""
    got = _as_lists(combination_sum(list(candidates), target))
    expected = _combinations_oracle(candidates, target)
    assert got == expected, (
        f"Called combination_sum({candidates}, {target}). It returned {got!r}, expected "
        f"{expected} (each combination ascending, the list sorted, no combination twice)."
    )


class Walk:
    """Replays the ``visit(combination)`` calls of an ascending search, checking each."""

    def __init__(self, candidates: Sequence[int], target: int, counter: Counter | None = None):
        self.candidates = set(candidates)
        self.target = target
        self.counter = counter
        self.seen: set[tuple[int, ...]] = set()
        self.problem: str | None = None

    def __call__(self, combination: Any) -> None:
        if self.counter is not None:
            self.counter.tick("node")
        if self.problem is not None:
            return
        built = tuple(combination)  # a copy: the search may pass the list it keeps changing
        if not built or any(c not in self.candidates for c in built):
            self.problem = f"visit({built}) is not a combination of the candidates"
        elif any(a > b for a, b in itertools.pairwise(built)):
            self.problem = (
                f"visit({built}) reports a combination out of ascending order. Build each "
                "combination in ascending order: then it is built once, not once per order"
            )
        elif sum(built) > self.target:
            self.problem = (
                f"visit({built}) reports a sum of {sum(built)}, past the target {self.target}. "
                "Check before you add a candidate, and stop the loop there: every later "
                "candidate is larger"
            )
        elif len(built) > 1 and built[:-1] not in self.seen:
            self.problem = (
                f"visit({built}) came before visit({built[:-1]}): call visit for every "
                "combination on the way, each time you add one candidate"
            )
        self.seen.add(built)


@pytest.mark.parametrize(
    ("candidates", "target"),
    [([2, 3, 5], 30), ([1, 2, 3], 12), ([7, 3, 4, 5], 25)],
    ids=["2-3-5", "1-2-3", "unsorted"],
)
def test_combination_sum_builds_no_more_than_the_pruned_tree(candidates, target):
    tree = _pruned_tree(tuple(sorted(set(candidates))), 0, target)
    walk = Walk(candidates, target, Counter(budget=tree))
    call = f"combination_sum({candidates}, {target}, visit)"
    try:
        got = _as_lists(combination_sum(list(candidates), target, walk))
    except BudgetExceeded:
        raise AssertionError(
            f"Called {call}. It built more than the {tree} combinations of the pruned tree and "
            "was stopped. Build each combination in ascending order (never go back to a "
            "smaller candidate), and stop trying candidates once one passes what is left of "
            "the target."
        ) from None
    assert walk.problem is None, f"Called {call}: {walk.problem}."
    missing = [c for c in got if tuple(c) not in walk.seen] if isinstance(got, list) else []
    assert not missing, (
        f"Called {call}. It returned {missing[0]}, which it never reported with visit: call "
        "visit each time you add a candidate, the last one too."
    )


def _run_nodes(counter: Counter, family: str, n: int) -> None:
    combination_sum(list(TWO_CANDIDATES), n, lambda combination: counter.tick("node"))


NODES_WHAT = f"combinations built by combination_sum({list(TWO_CANDIDATES)}, n), n the target"


def _combinations_built(per_n_squared: float) -> Measurement:
    return measure(
        _run_nodes,
        TARGETS,
        what=NODES_WHAT,
        families=("candidates 2 and 3",),
        budget=(per_n_squared, QUADRATIC),
    )


def test_combination_sum_builds_at_most_n_squared_over_4_combinations_for_two_candidates():
    assert_within(
        _combinations_built(0.25),
        QUADRATIC,
        "Trying the candidates in every order builds each combination once per order of its "
        "items, exponentially many. With two candidates, a combination in ascending order is "
        "fixed by how many 2s and how many 3s it has: at most (n/2)·(n/3) of them.",
        budget_only=True,
    )


def test_combination_sum_declares_its_pattern_and_classes():
    # Space is checked against the known answer, not measured: at targets small enough to run
    # quickly, Python's fixed costs hide how the answer's lists grow.
    check_approach(
        combination_sum,
        "combination_sum",
        patterns=["backtracking"],
        brute_force="O(2^n)",
        time=lambda: _combinations_built(2),
        space=QUADRATIC,
        space_report=(
            "  (The known answer for two candidates, not a measurement.) Count the "
            "combinations in the answer and their lengths, and the calls waiting on the stack."
        ),
    )
