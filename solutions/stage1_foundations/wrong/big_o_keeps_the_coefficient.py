"""Keeps the top term's coefficient: "3n^2 + 10 n log n + 7" becomes "O(3n^2)", not "O(n^2)".

Drops the lower-order terms but forgets that a constant factor is dropped too: O(3n^2) and
O(n^2) are the same class. Built on the reference's parser and orderings, so the coefficient is
the only difference.
"""

from solutions.stage1_foundations import big_o as _reference

KATA = "big-o-algebra"

compare = _reference.compare
rank = _reference.rank


def simplify(expr: str) -> str:
    terms = _reference._parse(expr)
    kept = _reference._survivors([term for _, term in terms])
    written = []
    for coefficient, term in terms:
        if term in kept:
            kept.remove(term)
            body = _reference._format_term(term)
            written.append(f"{coefficient:g}{body}" if coefficient != 1 or not body else body)
    return "O(" + " + ".join(written) + ")"
