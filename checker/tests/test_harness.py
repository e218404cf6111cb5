"""The complexity harness: counters, growth verdicts and space, checked on known answers."""

from __future__ import annotations

import bisect
import heapq
import math
import os
import subprocess
import sys
import textwrap

import pytest

from checker.harness.counting import (
    COMPARE,
    HASH,
    MOVE,
    READ,
    WRITE,
    BudgetExceeded,
    Counted,
    CountedList,
    Counter,
    Memory,
    counted,
    plain,
)
from checker.harness.growth import (
    CLASSES,
    CUBIC,
    LINEAR,
    LINEARITHMIC,
    QUADRATIC,
    Measurement,
    Series,
    assert_within,
    classify,
    doubling_ratios,
    family_input,
    growth,
    is_flat,
    measure,
    report,
)
from checker.harness.space import extra_heap, heap_growth, max_depth

# -- counting ---------------------------------------------------------------------------------


def test_comparisons_inside_sorted_are_counted():
    counter = Counter()
    result = sorted(counted(range(100, 0, -1), counter))
    assert plain(result) == list(range(1, 101))
    assert counter[COMPARE] == 99  # Timsort finds one descending run: n - 1 comparisons


def test_comparisons_inside_heapq_and_in_are_counted():
    counter = Counter()
    heap = counted(range(100, 0, -1), counter)
    heapq.heapify(heap)
    assert 0 < counter[COMPARE] <= 2 * 100
    before = counter[COMPARE]
    assert Counted(1000, counter) not in heap
    assert counter[COMPARE] - before == 100


def test_hashing_in_a_set_is_counted():
    counter = Counter()
    seen = set(counted([1, 2, 2, 3], counter))
    assert len(seen) == 3
    assert counter[HASH] == 4


def test_a_counted_value_compares_with_plain_values_too():
    counter = Counter()
    assert Counted(2, counter) < 3 and Counted(2, counter) == Counted(2, counter)
    assert counter[COMPARE] == 2


def test_a_counted_list_counts_reads_writes_and_moves():
    counter = Counter()
    items = CountedList([1, 2, 3, 4], counter)
    items.insert(0, 0)  # shifts four elements
    assert (counter[MOVE], counter[WRITE]) == (4, 1)
    del items[1]  # shifts three
    assert counter[MOVE] == 7
    assert items[0] == 0 and counter[READ] == 1
    items.append(9)  # shifts nothing
    assert counter[MOVE] == 7
    assert items.snapshot() == [0, 2, 3, 4, 9]


def test_insort_makes_few_comparisons_but_quadratically_many_moves():
    def run(counter, family, n):
        out = CountedList(counter=counter)
        for x in counted(family_input(family, n), counter):
            bisect.insort(out, x)

    moves = measure(run, (256, 512, 1024, 2048), what="moves", families=["random"], kinds=[MOVE])
    compares = measure(
        run, (256, 512, 1024, 2048), what="compares", families=["random"], kinds=[COMPARE]
    )
    assert classify(moves.series[0].points) is QUADRATIC
    assert classify(compares.series[0].points) is LINEARITHMIC


def test_memory_counts_allocations_slots_reads_and_writes():
    memory = Memory()
    block = memory.allocate(4)
    block[0] = "a"
    assert block[0] == "a"
    assert (memory.allocations, memory.slots, block.capacity) == (1, 4, 4)
    assert (memory.counter[READ], memory.counter[WRITE]) == (1, 1)


def test_a_block_never_grows_and_says_so():
    block = Memory().allocate(2)
    with pytest.raises(IndexError, match=r"a block of capacity 2 has slots 0\.\.1, not 2"):
        block[2] = "x"


def test_a_budget_stops_the_operation_that_exceeds_it():
    counter = Counter(budget=5)
    with pytest.raises(BudgetExceeded, match="more than 5 counted operations"):
        sorted(counted(range(100, 0, -1), counter))
    assert counter.total == 6


def test_learner_code_catching_exception_cannot_swallow_the_budget():
    counter = Counter(budget=1)

    def sloppy():
        try:
            counter.tick(COMPARE, 2)
        except Exception:  # the learner's habit this guards against
            return "swallowed"

    with pytest.raises(BudgetExceeded):
        sloppy()


def test_a_budget_can_count_only_some_kinds():
    counter = Counter(budget=1, budgeted=[MOVE])
    counter.tick(COMPARE, 100)
    assert counter.total == 0 and counter[COMPARE] == 100


# -- growth -----------------------------------------------------------------------------------

SMALL = (4, 5, 6, 7, 8, 9, 10)
LARGE = (64, 128, 256, 512, 1024, 2048)


@pytest.mark.parametrize("g", CLASSES, ids=[g.name for g in CLASSES])
@pytest.mark.parametrize("a, b", [(1, 0), (3, 7), (0.5, 100)], ids=["exact", "offset", "overhead"])
def test_every_class_is_recognised_from_its_counts(g, a, b):
    sizes = SMALL if g.rank >= 6 else LARGE
    assert classify([(n, a * g.f(n) + b) for n in sizes]) is g


def test_n_log_n_is_told_apart_from_linear():
    sizes = (1024, 2048, 4096, 8192)
    assert classify([(n, n * math.log2(n)) for n in sizes]) is LINEARITHMIC
    assert classify([(n, 5 * n + 3) for n in sizes]) is LINEAR


def test_a_lower_order_term_does_not_change_the_class():
    assert classify([(n, n**2 + 50 * n) for n in (64, 128, 256, 512)]) is QUADRATIC
    assert classify([(n, n**3 + 1000 * n**2) for n in (256, 512, 1024, 2048)]) is CUBIC


def test_a_constant_series_is_constant_however_large():
    assert classify([(n, 10**9) for n in LARGE]).name == "O(1)"


def test_classify_needs_three_sizes():
    with pytest.raises(ValueError, match="three or more sizes"):
        classify([(1, 1), (2, 2)])


def test_doubling_ratios_show_the_growth():
    assert doubling_ratios([(1, 1), (2, 4), (4, 16)]) == [4.0, 4.0]


def test_classes_are_found_by_name():
    assert growth("O(n log n)") is LINEARITHMIC
    with pytest.raises(ValueError, match="known classes: O\\(1\\)"):
        growth("O(n^4)")


def test_input_families_are_the_same_for_the_same_seed():
    assert family_input("random", 50, seed=3) == family_input("random", 50, seed=3)
    assert family_input("random", 50, seed=3) != family_input("random", 50, seed=4)
    assert family_input("sorted", 20) == sorted(family_input("sorted", 20))
    assert family_input("all-equal", 3) == [7, 7, 7]
    assert len(family_input("organ-pipe", 9)) == 9
    with pytest.raises(ValueError, match="unknown input family 'zigzag'"):
        family_input("zigzag", 3)


def _sort(counter, family, n):
    sorted(counted(family_input(family, n), counter))


def _insertion_sort(counter, family, n):
    items = counted(family_input(family, n), counter)
    for i in range(1, len(items)):
        j = i
        while j > 0 and items[j] < items[j - 1]:
            items[j], items[j - 1] = items[j - 1], items[j]
            j -= 1


def test_sorted_stays_within_an_n_log_n_budget_on_every_family():
    m = measure(_sort, (256, 512, 1024, 2048), what="comparisons", budget=(2, LINEARITHMIC))
    assert m.stopped is None
    assert_within(m, LINEARITHMIC)


def test_a_quadratic_sort_is_stopped_at_the_first_size_that_gives_it_away():
    m = measure(
        _insertion_sort, (256, 512, 1024, 2048, 4096), what="comparisons", budget=(2, LINEARITHMIC)
    )
    stopped = m.stopped
    assert stopped is not None and stopped.family == "random"
    assert stopped.points == ((256, 4097),)  # stopped on the first operation over 2·n log n
    with pytest.raises(AssertionError, match="your code needed more"):
        assert_within(m, LINEARITHMIC)


def test_without_a_budget_the_worst_family_decides():
    m = measure(_insertion_sort, (64, 128, 256, 512), what="comparisons")
    assert classify(m.worst().points) is QUADRATIC
    assert m.worst().family == "reversed"
    with pytest.raises(AssertionError):
        assert_within(m, LINEAR)


def test_the_report_shows_counts_ratios_and_the_implied_class():
    m = Measurement(
        "comparisons made by sort_items(items)",
        (Series("random", ((100, 100), (200, 400), (400, 1600))),),
    )
    assert report(m, LINEARITHMIC) == "\n".join(
        [
            "Counted comparisons made by sort_items(items).",
            "  input family random: grows like O(n^2)",
            "           n         count   x prev",
            "         100           100",
            "         200           400     4.00",
            "         400          1600     4.00",
            "  Expected at most O(n log n): doubling n should multiply the count by about"
            " a little over 2.",
        ]
    )


def test_the_verdict_is_the_same_under_another_hash_seed():
    """String hashes change with PYTHONHASHSEED; the counted verdict must not."""
    script = textwrap.dedent(
        """
        from checker.harness.counting import counted
        from checker.harness.growth import classify, measure

        def dedup(counter, family, n):
            words = [f"w{i % (n // 2)}" for i in range(n)]
            set(counted(words, counter))

        m = measure(dedup, (256, 512, 1024, 2048), what="ops", families=["random"])
        print(classify(m.series[0].points).name)
        """
    )
    verdicts = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        verdicts.add(out.stdout.strip())
    assert verdicts == {"O(n)"}


# -- space ------------------------------------------------------------------------------------


def test_a_copy_shows_as_extra_heap_and_an_in_place_reverse_does_not():
    data = list(range(100_000))
    assert extra_heap(lambda: data[::-1]) >= 8 * 100_000
    assert extra_heap(data.reverse) < 1024


def test_recursion_depth_is_measured_where_tracemalloc_cannot_see_it():
    def recursive(n):
        return 0 if n == 0 else 1 + recursive(n - 1)

    def iterative(n):
        total = 0
        while n:
            total, n = total + 1, n - 1
        return total

    assert max_depth(lambda: recursive(200)) == 202  # the lambda, then 201 calls
    assert max_depth(lambda: iterative(200)) == 2


def test_a_paused_counter_counts_nothing_and_spends_no_budget():
    counter = Counter(budget=3)
    with counter.paused():
        sorted(counted(range(100, 0, -1), counter))
    assert counter.total == 0 and counter[COMPARE] == 0
    counter.tick(COMPARE, 3)
    with pytest.raises(BudgetExceeded):
        counter.tick(COMPARE)


def test_a_nearly_flat_series_is_flat_though_classify_sees_growth():
    noisy = [(64, 1000), (128, 1003), (256, 1001), (512, 1006), (1024, 1008)]
    assert is_flat(noisy)
    assert not is_flat([(64, 1000), (1024, 1600)])


def test_heap_growth_tells_flat_from_linear_from_quadratic():
    assert heap_growth([(1000, 300), (2000, 420), (4000, 380)]).name == "O(1)"
    assert heap_growth([(1000, 8056), (2000, 16056), (4000, 32056)]) is LINEAR
    assert heap_growth([(1000, 8000), (2000, 32000), (4000, 128000)]) is QUADRATIC
    with pytest.raises(ValueError, match="three or more sizes"):
        heap_growth([(1, 1), (2, 2)])


def test_a_set_up_has_its_own_cap_and_the_count_starts_again_after_it():
    counter = Counter(budget=2)
    with counter.setting_up(100):
        counter.tick(COMPARE, 50)
    assert counter.total == 0 and counter.budget == 2
    with pytest.raises(BudgetExceeded), counter.setting_up(10):
        counter.tick(COMPARE, 11)
    assert counter[COMPARE] == 11  # a set-up over its cap keeps its counts for the report


def test_a_traced_memory_keeps_every_block_it_hands_out():
    memory = Memory(trace=True)
    first, second = memory.allocate(2), memory.allocate(4)
    assert memory.blocks == [first, second]
    assert Memory().blocks is None


def test_lines_counts_each_line_of_learner_code_and_stops_an_endless_loop(tmp_path):
    from checker.harness.counting import BudgetExceeded, Counter, lines

    source = tmp_path / "loop.py"
    source.write_text(
        "def spin(n):\n    total = 0\n    while n:\n        total += 1\n    return total\n"
    )
    namespace: dict = {}
    exec(compile(source.read_text(), str(source), "exec"), namespace)
    counter = Counter(budget=1_000)
    with pytest.raises(BudgetExceeded):
        lines(counter, lambda: namespace["spin"](1), folders=[tmp_path])
    quiet = Counter()
    assert lines(quiet, lambda: namespace["spin"](0), folders=[tmp_path]) == 0
    assert quiet.by_kind == {"line": 3}
    untraced = Counter()
    lines(untraced, lambda: namespace["spin"](0), folders=[tmp_path / "elsewhere"])
    assert untraced.by_kind == {}
