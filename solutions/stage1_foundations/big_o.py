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

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

# The key idea. In one variable every class here is a product n!^d · c^n · n^a · log^b n, and
# these four kinds of growth never trade off: any amount of a faster kind beats any amount of a
# slower kind. So the tuple (d, c, a, b), compared lexicographically, orders one variable
# exactly. With several variables a term is a tuple per variable, and one term is at least
# another only when it is at least as large in every variable (dominance): a partial order,
# which is why O(V + E) keeps both terms and compare refuses to order V against E.

Growth = tuple[int, int, int, int]  # (factorials d, exponential base c, power a, log power b)
NOTHING: Growth = (0, 1, 0, 0)  # the growth of a variable a term does not mention
Term = tuple[tuple[str, Growth], ...]  # (variable, growth) in order of first appearance

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z]+)|([+*·^!()]))")


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "word" or the operator character itself
    text: str
    at: int  # position in the expression, for error messages


def _tokens(expr: str) -> list[_Token]:
    tokens = []
    position = 0
    while True:
        while position < len(expr) and expr[position].isspace():
            position += 1
        if position == len(expr):
            return tokens
        match = _TOKEN.match(expr, position)
        if match is None:
            raise ValueError(
                f"{expr!r}: {expr[position]!r} at position {position} is not part of the "
                "grammar (only numbers, one-letter variables, log, + * · ^ ! and parentheses)"
            )
        number, word, op = match.groups()
        kind = "number" if number else "word" if word else op
        tokens.append(_Token(kind, match.group(match.lastindex), match.start(match.lastindex)))
        position = match.end()


class _Parser:
    """Recursive descent over the grammar; every method consumes what it parses."""

    def __init__(self, expr: str) -> None:
        self.expr = expr
        self.tokens = _tokens(expr)
        self.i = 0

    def fail(self, why: str) -> ValueError:
        if self.i < len(self.tokens):
            token = self.tokens[self.i]
            where = f"at {token.text!r} (position {token.at})"
        else:
            where = "at the end"
        return ValueError(f"{self.expr!r}: {why} {where}")

    def peek(self, offset: int = 0) -> _Token | None:
        index = self.i + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self, kind: str, why: str) -> _Token:
        token = self.peek()
        if token is None or token.kind != kind:
            raise self.fail(why)
        self.i += 1
        return token

    def expression(self) -> list[tuple[float, Term]]:
        if not self.tokens:
            raise ValueError(f"{self.expr!r}: an empty expression; the smallest one is 1")
        wrapped = self.tokens[0].text == "O" and len(self.tokens) > 1 and self.peek(1).kind == "("
        if wrapped:
            if self.tokens[-1].kind != ")":
                self.i = len(self.tokens)
                raise self.fail('"O(" needs its closing ")"')
            self.tokens = self.tokens[2:-1]
            if not self.tokens:
                raise ValueError(f"{self.expr!r}: nothing inside O( )")
        terms = [self.product()]
        while self.peek() is not None and self.peek().kind == "+":
            self.i += 1
            terms.append(self.product())
        if self.peek() is not None:
            raise self.fail("expected + or the end")
        return terms

    def product(self) -> tuple[float, Term]:
        coefficient = 1.0
        growth: dict[str, list[int]] = {}  # insertion order = first appearance
        while True:
            factor = self.factor()
            if isinstance(factor, float):
                coefficient *= factor
            else:
                var, (d, c, a, b) = factor
                g = growth.setdefault(var, [0, 1, 0, 0])
                g[0] += d
                g[1] *= c
                g[2] += a
                g[3] += b
            token = self.peek()
            if token is not None and token.kind in ("*", "·"):
                self.i += 1
            elif token is None or token.kind not in ("number", "word"):
                break
        term = tuple((var, tuple(g)) for var, g in growth.items())
        return coefficient, term  # type: ignore[return-value]

    def whole(self, smallest: int, what: str) -> int:
        token = self.take("number", f"expected {what}")
        if "." in token.text or int(token.text) < smallest:
            self.i -= 1
            raise self.fail(f"{what} must be a whole number >= {smallest}")
        return int(token.text)

    def var(self) -> str:
        token = self.take("word", "expected a variable")
        if len(token.text) != 1 or token.text == "O":
            self.i -= 1
            raise self.fail(
                "a variable is one letter other than O (write n*m or n m, not nm; log n, not logn)"
            )
        return token.text

    def factor(self) -> float | tuple[str, Growth]:
        token = self.peek()
        if token is None or token.kind not in ("number", "word"):
            raise self.fail("expected a number, a variable or log")
        if token.kind == "number":
            after = self.peek(1)
            if after is not None and after.kind == "^":
                base = self.whole(2, "an exponential's base")
                self.i += 1  # the ^
                return self.var(), (0, base, 0, 0)
            self.i += 1
            value = float(token.text)
            if value <= 0:
                self.i -= 1
                raise self.fail("a coefficient must be greater than 0")
            after = self.peek()
            if after is not None and after.kind == "!":
                raise self.fail("only a variable has a factorial (n!); 3! is a constant")
            return value
        if token.text == "log":
            self.i += 1
            power = 1
            if self.peek() is not None and self.peek().kind == "^":
                self.i += 1
                power = self.whole(1, "a log's power")
            if self.peek() is not None and self.peek().kind == "number":
                raise self.fail(
                    "log takes no base (bases differ by a constant factor): write log n"
                )
            if self.peek() is not None and self.peek().kind == "(":
                self.i += 1
                var = self.var()
                self.take(")", 'expected ")" after log(' + var)
            else:
                var = self.var()
            return var, (0, 1, 0, power)
        var = self.var()
        after = self.peek()
        if after is not None and after.kind == "^":
            self.i += 1
            return var, (0, 1, self.whole(1, "an exponent"), 0)
        if after is not None and after.kind == "!":
            self.i += 1
            return var, (1, 1, 0, 0)
        return var, (0, 1, 1, 0)


def _parse(expr: str) -> list[tuple[float, Term]]:
    """The terms of ``expr`` with their coefficients, in input order."""
    if not isinstance(expr, str):
        raise ValueError(f"an expression is a string, not {expr!r}")
    return _Parser(expr).expression()


def _growth(term: Term, var: str) -> Growth:
    return next((g for v, g in term if v == var), NOTHING)


def _at_least(s: Term, t: Term) -> bool:
    """Whether term s grows at least as fast as term t in every variable."""
    variables = {v for v, _ in s} | {v for v, _ in t}
    return all(_growth(s, v) >= _growth(t, v) for v in variables)


def _survivors(terms: list[Term]) -> list[Term]:
    """The terms no other term dominates; of equal terms, the first."""
    kept = []
    for i, t in enumerate(terms):
        beaten = any(
            _at_least(s, t) and (not _at_least(t, s) or j < i)
            for j, s in enumerate(terms)
            if j != i
        )
        if not beaten:
            kept.append(t)
    return kept


def _format_term(term: Term) -> str:
    pieces, logs = [], []
    # A variable with only a log goes last, so the written term lists its variables in the
    # order this loop visits them, and simplify(simplify(e)) == simplify(e).
    only_log = [(var, g) for var, g in term if g[:3] == NOTHING[:3]]
    for var, (d, c, a, b) in [(var, g) for var, g in term if g[:3] != NOTHING[:3]] + only_log:
        if a:
            pieces.append(var if a == 1 else f"{var}^{a}")
        if c > 1:
            pieces.append(f"{c}^{var}")
        pieces.extend([f"{var}!"] * d)
        if b:
            logs.append(f"log {var}" if b == 1 else f"log^{b} {var}")
    text = "*".join(pieces)
    return f"{text} {' '.join(logs)}" if text and logs else text or " ".join(logs)


def _format(terms: list[Term]) -> str:
    written = [_format_term(t) for t in terms]
    return "O(" + (" + ".join(w for w in written if w) or "1") + ")"


def _single(expr: str) -> Term:
    survivors = _survivors([t for _, t in _parse(expr)])
    if len(survivors) > 1:
        raise ValueError(
            f"{expr!r} is {_format(survivors)}, a sum of terms that cannot be ordered against "
            "each other; compare and rank take classes that simplify to one term"
        )
    return survivors[0]


def simplify(expr: str) -> str:
    """Return the class of cost expression ``expr`` in canonical form.

    Raise ValueError if ``expr`` is not in the grammar.

    >>> simplify("3n^2 + 10 n log n + 7")
    'O(n^2)'
    """
    return _format(_survivors([t for _, t in _parse(expr)]))


def compare(a: str, b: str) -> int:
    """Return -1, 0 or 1 as class ``a`` grows slower than, like, or faster than class ``b``.

    ``a`` and ``b`` are expressions of the grammar, so compare("3n + 1", "O(n)") == 0. Each must
    simplify to a single term. Raise ValueError when they cannot be ordered: a sum that stays a
    sum (V + E), or two terms each faster in some variable (n^2 and n*m; V and E). Two classes in
    one variable can always be ordered.

    >>> compare("O(n log n)", "O(n)")
    1
    """
    s, t = _single(a), _single(b)
    up, down = _at_least(s, t), _at_least(t, s)
    if up and down:
        return 0
    if up or down:
        return 1 if up else -1
    raise ValueError(
        f"{a!r} and {b!r} cannot be ordered: each grows faster than the other in some variable, "
        "and nothing relates the variables"
    )


def rank(classes: list[str]) -> list[str]:
    """Return ``classes`` sorted from slowest-growing to fastest-growing.

    The strings come back as given, reordered, not rewritten; equal classes keep their input
    order. Raise ValueError when two of them cannot be ordered (see compare).

    >>> rank(["O(n^2)", "O(1)", "O(n log n)"])
    ['O(1)', 'O(n log n)', 'O(n^2)']
    """
    ordered = sorted(classes, key=functools.cmp_to_key(compare))
    # A sort only compares some pairs; if the neighbours form a chain, transitivity orders the
    # rest, and if the classes are not a chain some neighbours are out of order or incomparable.
    for left, right in itertools.pairwise(ordered):
        if compare(left, right) > 0:
            raise ValueError(f"{left!r} and {right!r} cannot be ordered with the others")
    return ordered
