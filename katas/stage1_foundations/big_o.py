"""Big-O algebra: simplify a cost expression to its class, and order classes.

Checkpoints 1.1 and 1.2. Before you can derive a complexity you must be able to drop what does
not matter, constant factors and lower-order terms, and keep what does: a growing factor, the
base of an exponential, a second input size. Before you can map a constraint to a target class
you must know the ladder O(1) < O(log n) < O(n) < O(n log n) < O(n^2) < O(n^3) < O(2^n) < O(n!)
by heart, including where products such as n^2 log n and n*2^n sit on it.

Build three functions over a small language for costs:

- ``simplify(expr)``: the class of a cost, in canonical form: "3n^2 + 10 n log n + 7" -> "O(n^2)".
- ``compare(a, b)``: -1, 0 or 1 as class a grows slower than, like, or faster than class b.
- ``rank(classes)``: classes sorted from slowest-growing to fastest-growing.

The grammar (spaces are allowed between any two tokens)::

    expression := "O(" sum ")" | sum
    sum        := product ("+" product)*
    product    := factor (["*" | "·"] factor)*     two factors side by side multiply too
    factor     := number            a coefficient > 0: 3, 10, 0.5
                | var               n
                | var "^" whole     n^2: a whole exponent >= 1
                | whole "^" var     2^n: a whole base >= 2
                | var "!"           n!
                | "log" arg         log n: no base is written, bases differ by a constant
                | "log^" whole arg  log^2 n means (log n)^2: a whole power >= 1
    arg        := var | "(" var ")"  log n or log(n)
    var        := one ASCII letter other than O: n, m, k, V, E ...

So "3n^2", "10 n log n", "n*m", "n·m", "n m", "2^n * n^3" and "O(V + E)" are expressions. "nm"
is not (a variable is one letter: write n*m or n m), and neither are "n - 1", "n/2", "n^m",
"2^3", "3!", "logn", "log2 n", "0 n" or "". Text outside the grammar raises ValueError with a
message that says what is wrong and where.

How classes grow, in one variable: a higher power of n beats any power of log n (n > log^9 n),
an exponential beats any polynomial (2^n > n^100), a larger base beats a smaller one
(3^n > n^5 * 2^n), and n! beats any exponential (n! > 100^n). Factors multiply: powers add
(n * n^2 is n^3), log powers add, exponential bases multiply (2^n * 2^n is 4^n, not 2^n).

Several variables are independent input sizes, each free to grow without bound; nothing relates
them (E <= V^2 is not assumed). One term dominates another when it grows at least as fast in
every variable: n*m dominates n, but V and E are incomparable, so O(V + E) keeps both, and so
does O(n^2 + n*m). (A term can be bounded by a sum without being below any single term of it,
as n*m <= n^2 + m^2; simplify may keep or drop such a term: the tests never ask.)

The canonical form that ``simplify`` returns:

- "O(1)" when only constants are left;
- otherwise "O(" + the surviving terms joined by " + " + ")". A term survives unless another
  term dominates it; of several terms in the same class, the first survives. Survivors keep
  their input order: "3V + 2E + 5" -> "O(V + E)" and "2E + 3V" -> "O(E + V)".
- A term is written as its factors other than logs, joined by "*", then its logs, each after a
  space. Variables come in the order they first appear in the term, except that one with only a
  log comes after the rest. Each variable gives its power (n or n^2), then its exponential
  (2^n), then n! once per factorial: "n log n", "n^2*2^n", "n*m log m", "log^2 n", "E log V",
  "n!*n!", and "log m * n log n" is written "n log n log m".

Docs: docs/stage1_foundations.md#big-o-algebra
"""


def simplify(expr: str) -> str:
    """Return the class of cost expression ``expr`` in canonical form.

    Raise ValueError if ``expr`` is not in the grammar.

    >>> simplify("3n^2 + 10 n log n + 7")
    'O(n^2)'
    """
    raise NotImplementedError


def compare(a: str, b: str) -> int:
    """Return -1, 0 or 1 as class ``a`` grows slower than, like, or faster than class ``b``.

    ``a`` and ``b`` are expressions of the grammar, so compare("3n + 1", "O(n)") == 0. Each must
    simplify to a single term. Raise ValueError when they cannot be ordered: a sum that stays a
    sum (V + E), or two terms each faster in some variable (n^2 and n*m; V and E). Two classes in
    one variable can always be ordered.

    >>> compare("O(n log n)", "O(n)")
    1
    """
    raise NotImplementedError


def rank(classes: list[str]) -> list[str]:
    """Return ``classes`` sorted from slowest-growing to fastest-growing.

    The strings come back as given, reordered, not rewritten; equal classes keep their input
    order. Raise ValueError when two of them cannot be ordered (see compare).

    >>> rank(["O(n^2)", "O(1)", "O(n log n)"])
    ['O(1)', 'O(n log n)', 'O(n^2)']
    """
    raise NotImplementedError
