"""Constraint to class: read "n <= 10^5" as the complexity class to aim for.

Checkpoint 1.2. A problem's input bound names the algorithm before you design it: n <= 20
invites an exponential search, while n <= 10^5 rules out O(n^2), which would be 10^10 steps.
Build the arithmetic behind that reading, then the rule-of-thumb table, then the table
adjusted for the time limit and the language you write in.

The ladder, slowest-growing first, and what each class costs at n (log means log2)::

    O(1): 1        O(log n): log2 n       O(n): n        O(n log n): n * log2 n
    O(n^2): n^2    O(n^3): n^3            O(2^n): 2^n    O(n!): n!

"The slowest class that fits" is the fastest-growing cost that stays within the budget: the
most brute-force algorithm you can afford, which is usually the simplest one to write.

The table, RULE_OF_THUMB below, is Antti Laaksonen's, *Competitive Programmer's Handbook*
(2018), section 2.4 "Estimating efficiency", for a one-second limit in C++: n <= 10 -> O(n!),
n <= 20 -> O(2^n), n <= 500 -> O(n^3), n <= 5000 -> O(n^2), n <= 10^6 -> O(n log n) (the
handbook says "O(n log n) or O(n)"), larger n -> "O(log n) or O(1)". It leaves O(n) no row of
its own, so we add n <= 10^8 -> O(n): the USACO Guide's conservative 10^8 simple operations
per second (Darren Yao and Benjamin Qi, "Time Complexity"), which is OPS_PER_SECOND["c++"].

Each row is a budget in disguise. The row (5000, "O(n^2)") says an O(n^2) algorithm may spend
cost(5000) = 5000^2 = 2.5*10^7 operations in one second of C++. The rows' budgets differ
(10! = 3.6*10^6, 2^20 = 10^6, 500^3 = 1.25*10^8) because real solutions of each shape do
different work per step: permutations and bitmask DP also pay a factor n per state.

Python shifts the table. CPython runs every operation through its bytecode interpreter: it
dispatches each opcode, checks the operands' types at run time and keeps every integer as a
reference-counted object on the heap, so one simple step costs 10 to 50 times what compiled
code pays. OPS_PER_SECOND takes the optimistic end, 10^7 for Python against 10^8 for compiled
languages, so in Python each row allows a tenth of its operations: O(n^2) stops at n = 1581,
not 5000. More time scales every row the same way, and moves each class's boundary by its own
rule: twice the time takes O(n^2) from 5000 to 7071 but O(2^n) only from 20 to 21.

Arguments are checked: n and n_max are whole numbers >= 1, budget a finite number >= 1,
seconds a finite number > 0; a class must be one of CLASSES and a language one of
OPS_PER_SECOND (case-insensitive). Anything else raises ValueError. n_max may be as large as
10**18, and every function must answer at once: never build n! or 2**n for a large n.

Docs: docs/stage1_foundations.md#constraint-to-class
"""

CLASSES = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)", "O(n!)")

OPS_PER_SECOND = {
    "c++": 10**8,  # the USACO Guide's conservative estimate for compiled code
    "rust": 10**8,  # compiled, or compiled just in time: the same order of magnitude
    "go": 10**8,
    "java": 10**8,
    "python": 10**7,  # CPython: interpreter overhead, the optimistic end of 10-50x slower
}

RULE_OF_THUMB = (  # (largest n, class) for one second of C++, slowest class first
    (10, "O(n!)"),
    (20, "O(2^n)"),
    (500, "O(n^3)"),
    (5000, "O(n^2)"),
    (10**6, "O(n log n)"),
    (10**8, "O(n)"),
)


def fits(cls: str, n: int, budget: float) -> bool:
    """Return whether the cost of class ``cls`` at ``n`` is at most ``budget`` operations.

    Exactly: a cost equal to the budget fits. n may be 10**18, so decide without building n!
    or 2**n.

    >>> fits("O(n^2)", 10_000, 10**8), fits("O(n^2)", 10_001, 10**8)
    (True, False)
    """
    raise NotImplementedError


def slowest_class(n_max: int, budget: float = OPS_PER_SECOND["c++"]) -> str:
    """Return the slowest class whose cost at ``n_max`` fits ``budget`` operations.

    The default budget is one second of compiled code. O(1) always fits.

    >>> slowest_class(5000), slowest_class(10_001)
    ('O(n^2)', 'O(n log n)')
    """
    raise NotImplementedError


def target_class(n_max: int, seconds: float = 1.0, language: str = "python") -> str:
    """Return the class to aim for at ``n_max``: RULE_OF_THUMB, scaled for time and language.

    First compute scale = seconds * OPS_PER_SECOND[language] / OPS_PER_SECOND["c++"]. A row
    (bound, cls) fits when the cost of cls at n_max is at most cost(bound) * scale, with the
    costs above; return the class of the first row that fits, or "O(log n)" when none does
    (log2 n is at most 60 for any n_max up to 10**18). For C++ and one second the scale is
    exactly 1 and this is the handbook's table: 5000 -> "O(n^2)", 5001 -> "O(n log n)".

    >>> target_class(5000, language="c++"), target_class(5000, language="python")
    ('O(n^2)', 'O(n log n)')
    """
    raise NotImplementedError
