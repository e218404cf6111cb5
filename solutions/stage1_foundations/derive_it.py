"""Derive it: state the time and extra-space class of twelve snippets, from first principles.

Below are twelve small functions of the kind you meet in code review. For each one, derive how
its running time grows with n (each docstring says what n is) and how much extra memory it needs
beyond its input, then fill in the table `answers` returns: snippet name -> (time class,
extra-space class). Write each class as one of

    O(1)  O(log n)  O(n)  O(n log n)  O(n^2)  O(n^3)  O(2^n)  O(n!)

(O(n²), O(N^2) or Θ(n^2) are read the same way). Give the tight class (the Θ, not just any
upper bound) for the worst input of size n, taking a dict or set lookup at its average cost;
O(2^n) stands for any exponential c^n with c > 1.

- Time counts the basic steps: comparisons, hashes, element reads and writes, calls. The tests
  see them through the counters of checker.harness: the elements they pass in count their own
  comparisons and hashing, a CountedList counts reads and writes, a Memory counts slots, and
  `counter.tick()` marks a step the counters cannot see. A fixed number of uncounted steps per
  counted one does not change the class.
- Extra space is what is alive at once beyond the input: the containers the snippet builds
  (including the one it returns) and the deepest chain of calls, since every call waiting for
  a recursive one to return holds a stack frame.

The tests do not take your word for it: they run each snippet at growing sizes on several
kinds of input, count its steps, measure its heap with tracemalloc and its call depth with a
profiler hook, and compare the classes the measurements grow like with yours. When they
disagree you see the counts per size, the ratios and the class they imply; work out why the
snippet costs what it costs before you change your answer, or the next snippet will fool you
the same way.

Why it matters: reading cost off code is the skill every later stage assumes. The costly line
rarely looks costly: an `x in some_list` in a loop, a string grown by `+`, a recursion that
solves the same subproblem again and again.

Do not edit the snippets: the tests measure them as they are written here.

Docs: docs/stage1_foundations.md#derive-it
"""

from __future__ import annotations

from checker.harness.counting import CountedList, Counter, Memory

MOD = 1_000_000_007  # keeps Fibonacci numbers to one machine word, as interview problems do


def answers() -> dict[str, tuple[str, str]]:
    """Return your table: snippet name -> (time class, extra-space class), for all twelve.

    The first entry is worked for you: nested_pairs compares each of n elements with each of
    n elements, n·n = n² comparisons, and keeps only a count and two loop variables.

    >>> answers()["nested_pairs"]
    ('O(n^2)', 'O(1)')
    """
    # The key idea: cost is a sum over what actually runs. Write down how many times each line
    # runs as a function of n, add, keep the fastest-growing term; for space, list what is
    # alive at the same moment, stack frames included.
    return {
        # n outer iterations × n inner ones = n² comparisons; a count and two loop variables.
        "nested_pairs": ("O(n^2)", "O(1)"),
        # The inner loop runs i times: 0 + 1 + ... + (n-1) = n(n-1)/2. Half of n² is still n².
        "equal_pairs": ("O(n^2)", "O(1)"),
        # The range [lo, hi) halves every step: about log2 n steps, three integers of state.
        "first_at_least": ("O(log n)", "O(1)"),
        # log n rounds, but of widths 1 + 2 + 4 + ... + n < 2n: a geometric sum is linear.
        # (Multiplying "log n rounds" by "up to n each" gives n log n, a true but loose bound.)
        "doubling_prefixes": ("O(n)", "O(1)"),
        # `x in ys` scans the list: up to n comparisons per x, n² in all when most miss.
        "common_count": ("O(n^2)", "O(1)"),
        # A dict get and set are O(1) on average: n of each. The dict holds up to n words.
        "tally": ("O(n)", "O(n)"),
        # A sort inside a loop, but of at most four elements: a constant per element.
        "top_three": ("O(n)", "O(1)"),
        # Copies on doubling: 1 + 2 + 4 + ... < 2n over n appends, O(1) amortized each.
        # The block holds up to 2n slots (and briefly the old one too): O(n) space.
        "append_all": ("O(n)", "O(n)"),
        # The k-th `+` copies the 2(k-1) characters built so far, plus 2 new ones:
        # 0 + 2 + 4 + ... + 2(n-1) = n(n-1) reads. Only the old text and the new one are alive
        # at once: O(n) space.
        "concatenate": ("O(n^2)", "O(n)"),
        # T(n) = 2T(n/2) + n: log2 n levels of n work each. The slices and merged lists along
        # one root-to-leaf path add up to n + n/2 + ... < 2n; the stack is only log n deep.
        "merge_sort": ("O(n log n)", "O(n)"),
        # T(n) = T(n-1) + T(n-2) + 1 grows like φ^n ≈ 1.618^n: exponential. It builds no
        # container, but the chain fib(n) -> fib(n-1) -> ... -> fib(1) holds n frames at once,
        # each waiting with a partial sum.
        "fib_naive": ("O(2^n)", "O(n)"),
        # Each fib_memo(k) does its work once and is asked at most twice: about 2n calls.
        # The memo holds n numbers and the first descent is n frames deep.
        "fib_memo": ("O(n)", "O(n)"),
    }


# -- the snippets: read, do not edit ----------------------------------------------------------


def nested_pairs(xs: list) -> int:
    """Return how many ordered pairs (a, b) of elements of xs have a < b. n = len(xs).

    >>> nested_pairs([3, 1, 2])
    3
    """
    count = 0
    for a in xs:
        for b in xs:
            if a < b:
                count += 1
    return count


def equal_pairs(xs: list) -> int:
    """Return how many pairs of positions j < i hold equal elements. n = len(xs).

    >>> equal_pairs([7, 1, 7, 7])
    3
    """
    count = 0
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] == xs[i]:
                count += 1
    return count


def first_at_least(xs: list, target: object) -> int:
    """Return the first position in the sorted list xs whose element is >= target. n = len(xs).

    >>> first_at_least([1, 3, 3, 8], 3)
    1
    """
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def doubling_prefixes(xs: list) -> int:
    """Return the largest sum of the first 1, 2, 4, 8, ... elements of xs. n = len(xs).

    >>> doubling_prefixes([2, 5, -1, 3, 8])
    9
    """
    best = xs[0]
    width = 1
    while width <= len(xs):
        total = 0
        for i in range(width):
            total += xs[i]
        best = max(best, total)
        width *= 2
    return best


def common_count(xs: list, ys: list) -> int:
    """Return how many elements of xs also occur in ys. n = len(xs) = len(ys).

    >>> common_count([1, 2, 3, 4], [4, 2, 9, 9])
    2
    """
    return sum(1 for x in xs if x in ys)


def tally(words: list) -> dict:
    """Return how often each word occurs in words. n = len(words).

    >>> tally(["to", "be", "or", "not", "to", "be"])["to"]
    2
    """
    counts: dict = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_three(xs: list) -> list:
    """Return the three largest elements of xs, largest first. n = len(xs).

    >>> top_three([4, 9, 1, 7, 3])
    [9, 7, 4]
    """
    best: list = []
    for x in xs:
        best.append(x)
        best.sort(reverse=True)
        del best[3:]
    return best


def append_all(values: list, memory: Memory) -> tuple:
    """Return (block, size): values appended to an array that doubles its block when full.

    This is what `list.append` does under the hood; `memory` counts the slots allocated and
    every slot read and written. n = len(values).

    >>> block, size = append_all([3, 1, 4], Memory())
    >>> block.capacity, size
    (4, 3)
    """
    block = memory.allocate(1)
    size = 0
    for value in values:
        if size == block.capacity:
            bigger = memory.allocate(2 * block.capacity)
            for i in range(size):
                bigger[i] = block[i]
            block = bigger
        block[size] = value
        size += 1
    return block, size


def concatenate(words: list[str], counter: Counter) -> str:
    """Return the words joined into one string, built the way `text = text + word` builds it.

    A str is immutable, so `text + word` makes a new string and copies both parts into it.
    The snippet spells that copy out on a CountedList, which counts every character read.
    (CPython sometimes grows a str in place for `text += word` when nothing else refers to it;
    that is an implementation detail the language does not promise, PyPy does not do it, and
    PEP 8 tells you not to rely on it. Derive what the code asks for.) n = len(words), each
    word two characters long.

    >>> concatenate(["ab", "cd", "ef"], Counter())
    'abcdef'
    """
    text = CountedList(counter=counter)  # the empty string
    for word in words:
        text = CountedList([*text, *word], counter)  # text = text + word
    return "".join(text.snapshot())


def merge_sort(xs: list) -> list:
    """Return a sorted copy of xs, by splitting it in halves and merging. n = len(xs).

    >>> merge_sort([5, 2, 9, 1])
    [1, 2, 5, 9]
    """
    if len(xs) <= 1:
        return list(xs)
    middle = len(xs) // 2
    left, right = merge_sort(xs[:middle]), merge_sort(xs[middle:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def fib_naive(n: int, counter: Counter) -> int:
    """Return the n-th Fibonacci number modulo MOD, straight from the definition. n is n.

    >>> fib_naive(10, Counter())
    55
    """
    counter.tick("call")
    if n < 2:
        return n
    return (fib_naive(n - 1, counter) + fib_naive(n - 2, counter)) % MOD


def fib_memo(n: int, counter: Counter, memo: dict | None = None) -> int:
    """Return the n-th Fibonacci number modulo MOD, remembering every one computed. n is n.

    >>> fib_memo(10, Counter())
    55
    """
    counter.tick("call")
    if memo is None:
        memo = {}
    if n < 2:
        return n
    if n not in memo:
        memo[n] = (fib_memo(n - 1, counter, memo) + fib_memo(n - 2, counter, memo)) % MOD
    return memo[n]
