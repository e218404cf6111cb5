"""Tests for the graph-search kata: right answers, counted reads, and honest declarations.

Each problem is checked four ways: fixed examples, a property test against a plain brute-force
oracle written below, an operation budget and a declaration check. The budget tests pass grid
rows and adjacency lists as ``CountedList`` (every cell or edge read counts) and, for
``topological_order``, vertex numbers that count their comparisons; the tests never time your
code. A failure prints the counts per size, the doubling ratios and the class they imply.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.harness.counting import Counted, CountedList, Counter
from checker.harness.growth import (
    LINEAR,
    LINEARITHMIC,
    Measurement,
    assert_within,
    measure,
)
from checker.harness.patterns import check_approach
from checker.harness.space import space_class
from katas.stage2_patterns.graphs import (
    count_islands,
    grid_shortest_path,
    has_cycle,
    topological_order,
)

# Cells of a grid, or vertices of a graph. Large enough that edge effects (a border cell has
# fewer neighbours) are small next to n, so a linear cost reads as linear.
SIZES = (128, 256, 512, 1024, 2048)
HEAP_SIZES = (64, 128, 256, 512, 1024)  # counting heap comparisons costs more: smaller sizes
SPACE_SIZES = (64, 128, 256, 512, 1024)
ROWS = 8  # the height of every measured grid
LONG_PATH = 5_000
EXAMPLES = settings(max_examples=30)


class _Vertex(Counted):
    """A vertex number that counts its comparisons and hashes and still indexes a list.

    The harness's ``Counted`` has no ``__index__``; a vertex must work as ``waiting[v]``.
    """

    __slots__ = ()

    def __index__(self) -> int:
        return self.value


def _show(grid: Sequence[str]) -> str:
    return "\n".join(f"      {row}" for row in grid) or "      (no rows)"


# -- oracles: plain, slow, obviously right ---------------------------------------------------


def _moves_oracle(grid: Sequence[str], start: tuple[int, int], goal: tuple[int, int]) -> int:
    """Relax every open cell from its neighbours until nothing changes (no queue, no order)."""
    rows, cols = len(grid), len(grid[0])
    far = rows * cols + 1
    dist = {(r, c): far for r in range(rows) for c in range(cols) if grid[r][c] == "."}
    if start not in dist or goal not in dist:
        return -1
    dist[start] = 0
    changed = True
    while changed:
        changed = False
        for (r, c), d in dist.items():
            for near in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if near in dist and dist[near] + 1 < d:
                    d = dist[(r, c)] = dist[near] + 1
                    changed = True
    return -1 if dist[goal] == far else dist[goal]


def _cycle_oracle(graph: Mapping[int, Sequence[int]]) -> bool:
    """Some vertex reaches itself: a separate search from every vertex."""
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            v = todo.pop()
            if v == start:
                return True
            if v not in seen:
                seen.add(v)
                todo.extend(graph.get(v, ()))
    return False


def _order_oracle(n: int, edges: Sequence[tuple[int, int]]) -> list[int] | list[str]:
    """Place the smallest vertex none of whose predecessors is unplaced; rescan every time.

    Returns the order, or ``["cycle", <the vertices left>]`` when some cannot be placed.
    """
    before = {v: [u for u, w in edges if w == v] for v in range(n)}
    order: list[int] = []
    placed: set[int] = set()
    while len(order) < n:
        free = [v for v in range(n) if v not in placed and all(u in placed for u in before[v])]
        if not free:
            return ["cycle", sorted(set(range(n)) - placed)]
        order.append(min(free))
        placed.add(min(free))
    return order


def _islands_oracle(grid: Sequence[str]) -> int:
    """Give every land cell its own label, copy the smallest label across neighbours until
    nothing changes, and count the labels left."""
    label = {(r, c): (r, c) for r, row in enumerate(grid) for c, x in enumerate(row) if x == "#"}
    changed = True
    while changed:
        changed = False
        for (r, c), mine in label.items():
            for near in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if near in label and label[near] < mine:
                    mine = label[(r, c)] = label[near]
                    changed = True
    return len(set(label.values()))


# -- strategies --------------------------------------------------------------------------------


@st.composite
def grids(draw: st.DrawFn, max_side: int = 6) -> list[str]:
    """Rows of '.' and '#', about three cells in eight '#'."""
    rows = draw(st.integers(1, max_side))
    cols = draw(st.integers(1, max_side))
    mask = st.integers(0, (1 << rows * cols) - 1)
    walls = draw(mask) & (draw(mask) | draw(mask))  # one bit in 1/2 & 3/4: 3/8 walls
    return [
        "".join("#" if walls >> (r * cols + c) & 1 else "." for c in range(cols))
        for r in range(rows)
    ]


@st.composite
def grids_with_ends(draw: st.DrawFn):
    grid = draw(grids())
    cell = st.tuples(st.integers(0, len(grid) - 1), st.integers(0, len(grid[0]) - 1))
    return grid, draw(cell), draw(cell)


@st.composite
def digraphs(draw: st.DrawFn) -> dict[int, list[int]]:
    n = draw(st.integers(0, 7))
    if n == 0:
        return {}
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=10))
    # Sometimes a vertex with no edges of its own is left out of the mapping.
    keys = range(n) if draw(st.booleans()) else sorted({u for u, _ in edges})
    return {u: [w for v, w in edges if v == u] for u in keys}


@st.composite
def edge_lists(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    n = draw(st.integers(0, 7))
    if n == 0:
        return 0, []
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    if draw(st.booleans()):  # half the time acyclic: edges only from smaller to larger
        pair = pair.map(sorted).filter(lambda e: e[0] < e[1]).map(tuple)
    return n, draw(st.lists(pair, max_size=10))


# -- input families for the budgets ---------------------------------------------------------


def _shape(n: int) -> tuple[int, int]:
    """A grid of n cells, 8 rows high and n / 8 wide.

    A fixed height keeps the edge effects (a border cell has fewer neighbours) in proportion
    to n, so a linear cost reads as linear at every size.
    """
    return ROWS, n // ROWS


def _grid(family: str, n: int) -> tuple[list[str], tuple[int, int], tuple[int, int]]:
    """A grid of n cells with a start and a goal far apart."""
    rows, cols = _shape(n)
    if family == "open":
        return ["." * cols] * rows, (0, 0), (rows - 1, cols - 1)
    if family == "serpentine":  # wall rows with one gap, alternating ends: one long corridor
        grid = []
        for r in range(rows):
            if r % 2 == 0:
                grid.append("." * cols)
            else:
                gap = cols - 1 if (r // 2) % 2 == 0 else 0
                grid.append("".join("." if c == gap else "#" for c in range(cols)))
        last = rows - 2 if rows % 2 == 0 else rows - 1
        enters = cols - 1 if ((last - 1) // 2) % 2 == 0 else 0
        return grid, (0, 0), (last, cols - 1 - enters)
    if family == "pillars":  # a wall at every odd row and odd column: many equal routes
        return (
            ["".join("#" if r % 2 and c % 2 else "." for c in range(cols)) for r in range(rows)],
            (0, 0),
            (rows - 1, cols - 2),
        )
    if family == "land":  # one island covering everything
        return ["#" * cols] * rows, (0, 0), (0, 0)
    if family == "speckled":  # half the cells land at random: many small islands
        # One random 8 x 8 tile, repeated: every size has the same mix, so sizes differ by
        # their number of cells, not by luck.
        return [(row * (cols // ROWS + 1))[:cols] for row in _TILE], (0, 0), (0, 0)
    raise ValueError(family)


_random = random.Random("speckled")
_TILE = ["".join(_random.choice(".#") for _ in range(ROWS)) for _ in range(ROWS)]


def _counted_grid(rows: Sequence[str], counter: Counter) -> list[CountedList]:
    return [CountedList(row, counter) for row in rows]


def _digraph(family: str, n: int) -> dict[int, list[int]]:
    """n vertices: a path 0 -> 1 -> ... -> n-1, or a random DAG with two edges per vertex."""
    if family == "path":
        return {v: [v + 1] if v + 1 < n else [] for v in range(n)}
    rng = random.Random(f"dag:{n}")
    return {v: [rng.randrange(v + 1, n) for _ in range(2)] if v + 1 < n else [] for v in range(n)}


def _dag_edges(family: str, n: int) -> list[tuple[int, int]]:
    """n vertices: a chain, a fan-out from vertex 0 to all others, or a random DAG."""
    rng = random.Random(f"{family}:{n}")
    if family == "chain":
        edges = [(v, v + 1) for v in range(n - 1)]
    elif family == "fan-out":
        edges = [(0, v) for v in range(1, n)]
    else:
        edges = [(v, rng.randrange(v + 1, n)) for v in range(n - 1) for _ in range(2)]
    rng.shuffle(edges)
    return edges


# The fewest moves between the corners of each measured grid, by its rows and columns.
_FAR: dict[str, Callable[[int, int], int]] = {
    "open": lambda rows, cols: rows - 1 + cols - 1,
    "serpentine": lambda rows, cols: rows // 2 * (cols - 1) + rows - 2,
    "pillars": lambda rows, cols: rows - 1 + cols - 2,
}


def _expect(got: object, expected: object, what: str) -> None:
    """A wrong answer can make the counts meaningless (an early exit reads little): say so."""
    if got != expected:
        raise AssertionError(
            f"While counting operations, {what} returned {got!r}; expected {expected!r}. "
            "Get the answers right first: the example and property tests show where."
        )


@functools.cache
def _measured(name: str) -> Measurement:
    """Each problem's counted measurement, made once and shared by its budget and declaration
    tests (the budget stops a brute force early, so both fail fast on one)."""
    try:
        return _MEASURES[name]()
    except RecursionError:
        raise AssertionError(
            f"{name} raised RecursionError on an input of at most {SIZES[-1]} cells or "
            "vertices: Python stops a recursion about 1,000 calls deep, and a path, a "
            "corridor or an island can be longer than that. Keep the cells or vertices "
            "still to visit in a list of your own (a stack or a queue) instead of recursing."
        ) from None


def _measure_grid_shortest_path() -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        rows, start, goal = _grid(family, n)
        got = grid_shortest_path(_counted_grid(rows, counter), start, goal)
        _expect(
            got, _FAR[family](*_shape(n)), f"grid_shortest_path on the {family} grid of {n} cells"
        )

    return measure(
        run,
        SIZES,
        what="cell reads by grid_shortest_path(grid, start, goal) on grids of n cells, "
        "start and goal in far corners",
        families=("open", "serpentine", "pillars"),
        # Under 2 reads per cell for the reference; a search may read every neighbour of
        # every cell it takes from the queue, up to 4, plus the cell itself.
        budget=(6, LINEAR),
    )


def _measure_has_cycle() -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        graph = {v: CountedList(out, counter) for v, out in _digraph(family, n).items()}
        got = has_cycle(graph)
        _expect(got, False, f"has_cycle on the {family} graph of {n} vertices (no cycle)")

    return measure(
        run,
        SIZES,
        what="edge reads by has_cycle(graph) on acyclic graphs of n vertices: a path (n - 1 "
        "edges) and a random DAG (2 edges per vertex)",
        families=("path", "random-dag"),
        # One read per edge for the reference; a search counting in-degrees first reads
        # every edge twice.
        budget=(6, LINEAR),
    )


def _measure_topological_order() -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        plain_edges = _dag_edges(family, n)
        edges = [(_Vertex(u, counter), _Vertex(v, counter)) for u, v in plain_edges]
        got = topological_order(n, CountedList(edges, counter))
        with counter.paused():  # checking the answer is not the learner's cost
            got = [int(v) for v in got]
            place = {v: i for i, v in enumerate(got)}
            valid = sorted(place) == list(range(n)) and all(
                place[u] < place[v] for u, v in plain_edges
            )
        if not valid:
            raise AssertionError(
                f"While counting operations, topological_order on the {family} DAG of {n} "
                f"vertices returned {got[:8]}...: not every vertex once, with u before v for "
                "every edge (u, v). Get the answers right first: the example and property "
                "tests show where."
            )

    return measure(
        run,
        HEAP_SIZES,
        what="edge reads plus comparisons and hashes of vertex numbers by "
        "topological_order(n, edges) on DAGs of n vertices: a chain, a fan-out from vertex 0 "
        "and a random DAG (2 edges per vertex)",
        families=("chain", "fan-out", "random-dag"),
        # About 1.3 per n·log2(n) for the reference; dicts keyed by vertex (a hash per
        # look-up) take it to about 4.5.
        budget=(6, LINEARITHMIC),
    )


def _measure_count_islands() -> Measurement:
    def run(counter: Counter, family: str, n: int) -> None:
        rows, _, _ = _grid(family, n)
        got = count_islands(_counted_grid(rows, counter))
        # All land is one island (and slow for the oracle, whose labels creep across it).
        expected = 1 if family == "land" else _islands_oracle(rows)
        _expect(got, expected, f"count_islands on the {family} grid of {n} cells")

    return measure(
        run,
        SIZES,
        what="cell reads by count_islands(grid) on grids of n cells: all land (one island) "
        "and half land at random (many islands)",
        families=("land", "speckled"),
        # Under 2 reads per cell for the reference; a scan plus up to 4 neighbour reads per
        # land cell is 5.
        budget=(6, LINEAR),
    )


_MEASURES: dict[str, Callable[[], Measurement]] = {
    "grid_shortest_path": _measure_grid_shortest_path,
    "has_cycle": _measure_has_cycle,
    "topological_order": _measure_topological_order,
    "count_islands": _measure_count_islands,
}


def _check_declaration(
    fn: Callable[..., object],
    name: str,
    *,
    patterns: list[str],
    brute_force: str | list[str],
    prepare: Callable[[int], Callable[[], object]],
    what: str,
) -> None:
    """check_approach with the shared time measurement and a measured space class.

    A measurement stopped by its budget fails at once, before the space is measured: the
    space measurement runs the code without a budget, and a brute force would take long.
    """
    check_approach(
        fn,
        name,
        patterns=patterns,
        brute_force=brute_force,
        time=lambda: _measured(name),
        space=lambda: space_class(prepare, SPACE_SIZES, what=what),
    )


# -- grid_shortest_path ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grid", "start", "goal", "expected", "why"),
    [
        (["..#", "#..", "..."], (0, 0), (2, 0), 4, "the wall at (1, 0) forces a detour"),
        ([".#.", ".#.", "..."], (0, 0), (0, 2), 6, "the only way round the wall is the bottom row"),
        (["...", "..."], (1, 2), (1, 2), 0, "start and goal are the same open cell"),
        ([".#.", "##.", "..."], (0, 0), (2, 2), -1, "the start is walled in"),
        (["..", ".#"], (0, 0), (1, 1), -1, "the goal is a wall"),
        (["#."], (0, 0), (0, 1), -1, "the start is a wall"),
        (["."], (0, 0), (0, 0), 0, "a one-cell grid"),
        (["....."], (0, 4), (0, 0), 4, "a single row, walked right to left"),
    ],
    ids=[
        "detour",
        "around-a-wall",
        "start-is-goal",
        "walled-in",
        "goal-is-wall",
        "start-is-wall",
        "one-cell",
        "one-row",
    ],
)
def test_grid_shortest_path_counts_the_fewest_moves(grid, start, goal, expected, why):
    got = grid_shortest_path(grid, start, goal)
    assert got == expected, (
        f"Called grid_shortest_path(grid, {start}, {goal}) on\n{_show(grid)}\n"
        f"It returned {got!r}; expected {expected} ({why}). Count moves, not cells: the start "
        "itself is 0 moves away, and -1 means the goal cannot be reached."
    )


@EXAMPLES
@given(grids_with_ends())
def test_grid_shortest_path_agrees_with_relaxing_every_cell_until_nothing_changes(case):
    """For any grid and any two cells, the answer is the brute-force shortest distance or -1."""
    grid, start, goal = case
    got = grid_shortest_path(grid, start, goal)
    expected = _moves_oracle(grid, start, goal)
    assert got == expected, (
        f"Called grid_shortest_path(grid, {start}, {goal}) on\n{_show(grid)}\n"
        f"It returned {got!r}; expected {expected}: "
        + (
            "there is no route."
            if expected == -1
            else f"the shortest route takes {expected} moves."
        )
        + " Explore in rings of equal distance, and never step through '#' or off the grid."
    )


def test_grid_shortest_path_reads_each_cell_a_constant_number_of_times():
    assert_within(
        _measured("grid_shortest_path"),
        LINEAR,
        "Walking every path is exponential; each cell should be reached once, along a "
        "shortest route, and remembered. Mark a cell as seen when you put it in the queue: "
        "marking it when you take it out lets it be queued once per shortest route to it.",
    )


def test_grid_shortest_path_declares_its_pattern_and_the_classes_it_is_measured_at():
    _check_declaration(
        grid_shortest_path,
        "grid_shortest_path",
        patterns=["bfs"],
        brute_force=["O(2^n)", "O(n!)", "O(n^2)"],
        prepare=lambda n: functools.partial(grid_shortest_path, *_grid("open", n)),
        what="grid_shortest_path on an open grid of n cells",
    )


# -- has_cycle -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("graph", "expected", "why"),
    [
        ({}, False, "an empty graph has no edges at all"),
        ({0: [0]}, True, "an edge from a vertex to itself is a cycle of length 1"),
        ({0: [1], 1: [2], 2: [0]}, True, "0 -> 1 -> 2 -> 0"),
        (
            {0: [1, 2], 1: [3], 2: [3], 3: []},
            False,
            "two routes into vertex 3 are not a cycle: 3 was finished, not on the current path",
        ),
        ({0: [1], 1: [], 2: [3], 3: [2]}, True, "the cycle 2 -> 3 -> 2 is not reachable from 0"),
        ({0: [1, 2]}, False, "1 and 2 appear only as targets: they have no edges"),
        ({0: [1], 1: [0, 2], 2: []}, True, "0 -> 1 -> 0"),
    ],
    ids=[
        "empty",
        "self-loop",
        "triangle",
        "diamond",
        "unreachable-cycle",
        "targets-only",
        "two-cycle",
    ],
)
def test_has_cycle_finds_exactly_the_graphs_with_a_cycle(graph, expected, why):
    got = has_cycle(graph)
    assert got is expected, (
        f"Called has_cycle({graph}). It returned {got!r}; expected {expected} ({why}). Tell "
        "apart a vertex on the current path (an edge back to it closes a cycle) from one "
        "already finished (reaching it again is harmless)."
    )


@EXAMPLES
@given(digraphs())
def test_has_cycle_agrees_with_a_search_from_every_vertex(graph):
    """For any directed graph, a cycle exists exactly when some vertex can reach itself."""
    got = has_cycle(graph)
    expected = _cycle_oracle(graph)
    assert got is expected, (
        f"Called has_cycle({graph}). It returned {got!r}; expected {expected}: "
        + (
            "some vertex can follow edges back to itself."
            if expected
            else "no vertex can reach itself."
        )
    )


@pytest.mark.parametrize("closed", [False, True], ids=["open-path", "path-closed-into-a-cycle"])
def test_has_cycle_walks_a_path_of_5000_vertices_without_recursing_that_deep(closed):
    graph = {v: [v + 1] for v in range(LONG_PATH - 1)}
    graph[LONG_PATH - 1] = [0] if closed else []
    call = f"has_cycle on the path 0 -> 1 -> ... -> {LONG_PATH - 1}" + (" -> 0" if closed else "")
    try:
        got = has_cycle(graph)
    except RecursionError:
        pytest.fail(
            f"{call} raised RecursionError: Python stops a recursion about 1,000 calls deep. "
            "Keep the path yourself in a list used as a stack, with each vertex and how far "
            "through its neighbours you are.",
            pytrace=False,
        )
    assert got is closed, f"{call} returned {got!r}; expected {closed}."


def test_has_cycle_reads_each_edge_a_constant_number_of_times():
    assert_within(
        _measured("has_cycle"),
        LINEAR,
        "A fresh search from every vertex re-reads the same edges again and again. Keep one "
        "colour per vertex across the whole run: a vertex finished without finding a cycle "
        "never needs searching again.",
    )


def test_has_cycle_declares_its_pattern_and_the_classes_it_is_measured_at():
    _check_declaration(
        has_cycle,
        "has_cycle",
        patterns=["dfs", "topological-sort"],
        brute_force="O(n^2)",
        prepare=lambda n: functools.partial(has_cycle, _digraph("path", n)),
        what="has_cycle on a path of n vertices",
    )


# -- topological_order ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "edges", "expected", "why"),
    [
        (0, [], [], "no vertices"),
        (3, [], [0, 1, 2], "no edges: every vertex is free, smallest first"),
        (4, [(2, 1), (0, 3), (2, 0)], [2, 0, 1, 3], "2 first; then 0 and 1 are free, 0 wins"),
        (4, [(3, 2), (2, 1), (1, 0)], [3, 2, 1, 0], "a chain backwards"),
        (5, [(4, 0), (4, 1), (1, 0), (1, 0)], [2, 3, 4, 1, 0], "a repeated edge counts twice"),
    ],
    ids=["empty", "no-edges", "docstring", "reversed-chain", "repeated-edge"],
)
def test_topological_order_places_the_smallest_free_vertex_first(n, edges, expected, why):
    got = topological_order(n, edges)
    assert list(got) == expected, (
        f"Called topological_order({n}, {edges}). It returned {got!r}; expected {expected} "
        f"({why}). A vertex is free once every edge into it comes from a placed vertex; of "
        "the free ones, place the smallest."
    )


@pytest.mark.parametrize(
    ("n", "edges", "left"),
    [
        (6, [(0, 1), (1, 2), (2, 1), (2, 3), (4, 0)], [1, 2, 3]),
        (2, [(1, 1)], [1]),
        (3, [(0, 1), (1, 2), (2, 0)], [0, 1, 2]),
    ],
    ids=["cycle-with-a-tail", "self-loop", "all-on-the-cycle"],
)
def test_topological_order_raises_value_error_naming_the_vertices_left_on_a_cycle(n, edges, left):
    call = f"topological_order({n}, {edges})"
    try:
        got = topological_order(n, edges)
    except ValueError as error:
        message = str(error)
        assert "cycle" in message.lower() and str(left) in message, (
            f"{call} raised ValueError({message!r}). Say that there is a cycle and list the "
            f"vertices that could not be placed, sorted, as {left}: e.g. "
            f"ValueError('cycle: vertices {left} cannot be ordered')."
        )
        return
    pytest.fail(
        f"{call} returned {got!r}; the graph has a cycle, so no order exists: raise "
        f"ValueError naming the vertices {left} that could never be placed.",
        pytrace=False,
    )


@EXAMPLES
@given(edge_lists())
def test_topological_order_agrees_with_rescanning_for_the_smallest_free_vertex(case):
    """For any graph: the unique smallest-first order, or ValueError listing the vertices left."""
    n, edges = case
    expected = _order_oracle(n, edges)
    call = f"topological_order({n}, {edges})"
    try:
        got = topological_order(n, edges)
    except ValueError as error:
        assert expected[:1] == ["cycle"], (
            f"{call} raised ValueError({str(error)!r}), but the graph has no cycle; the order "
            f"is {expected}."
        )
        assert str(expected[1]) in str(error), (
            f"{call} raised ValueError({str(error)!r}); it should list the vertices left "
            f"unplaced, sorted: {expected[1]}."
        )
        return
    assert expected[:1] != ["cycle"], (
        f"{call} returned {got!r}, but the graph has a cycle: vertices {expected[1]} can never "
        "be placed. Check whether every vertex was placed before returning."
    )
    assert list(got) == expected, (
        f"{call} returned {got!r}; expected {expected}. Every edge (u, v) needs u before v, "
        "and of the vertices free at each step the smallest goes next."
    )


def test_topological_order_spends_o_log_v_per_vertex_at_most():
    assert_within(
        _measured("topological_order"),
        LINEARITHMIC,
        "Rescanning the edges for a vertex with nothing left before it costs V·E. Count each "
        "vertex's unplaced predecessors once, lower the counts as vertices are placed, and "
        "keep the free vertices in a structure that hands out the smallest in O(log V).",
    )


def test_topological_order_declares_its_pattern_and_the_classes_it_is_measured_at():
    _check_declaration(
        topological_order,
        "topological_order",
        patterns=["topological-sort"],
        brute_force="O(n^2)",
        prepare=lambda n: functools.partial(topological_order, n, _dag_edges("random-dag", n)),
        what="topological_order on a random DAG of n vertices",
    )


# -- count_islands -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grid", "expected", "why"),
    [
        ([], 0, "no rows, no land"),
        (["...", "..."], 0, "all water"),
        (["##..", "#..#", "..##", "#..."], 3, "the docstring's example"),
        (["#.", ".#"], 2, "touching corners do not join islands"),
        (["###", "#.#", "#.#"], 1, "one island bending round a bay"),
        (["#.#.#"], 3, "one row"),
        (["#", "#", ".", "#"], 2, "one column"),
    ],
    ids=["empty", "water", "docstring", "diagonal", "u-shape", "one-row", "one-column"],
)
def test_count_islands_counts_groups_joined_up_down_left_or_right(grid, expected, why):
    got = count_islands(grid)
    assert got == expected, (
        f"Called count_islands on\n{_show(grid)}\nIt returned {got!r}; expected {expected} "
        f"({why}). Each new '#' you meet that is not yet part of a counted island starts one: "
        "flood all of it before moving on."
    )


@EXAMPLES
@given(grids(max_side=7))
def test_count_islands_agrees_with_spreading_labels_until_nothing_changes(grid):
    """For any grid, the count is the number of 4-connected groups of '#' cells."""
    got = count_islands(grid)
    expected = _islands_oracle(grid)
    assert got == expected, (
        f"Called count_islands on\n{_show(grid)}\nIt returned {got!r}; expected {expected}. "
        "Neighbours are up, down, left and right only, and every cell of an island must be "
        "marked before the next island is counted."
    )


def test_count_islands_reads_each_cell_a_constant_number_of_times():
    assert_within(
        _measured("count_islands"),
        LINEAR,
        "Flooding an island again from each of its cells costs (island size)² reads. Share one "
        "set of visited marks across every flood, so each cell is flooded once.",
    )


def test_count_islands_declares_its_pattern_and_the_classes_it_is_measured_at():
    _check_declaration(
        count_islands,
        "count_islands",
        patterns=["dfs", "bfs", "union-find"],
        brute_force="O(n^2)",
        prepare=lambda n: functools.partial(count_islands, _grid("land", n)[0]),
        what="count_islands on an all-land grid of n cells",
    )
