"""The layout groups fields by the thread that writes them, one line per writer: but a field
the producer writes and the consumer reads then sits beside the producer's private fields, so
each write to those costs the consumer its copy."""

from solutions.stage4_concurrency.false_sharing import MESI, Field, Stats, simulate

__all__ = ["MESI", "Field", "Stats", "layout", "simulate"]

KATA = "false-sharing"


def layout(fields, line_size=64):
    groups = {}
    for f in fields:
        groups.setdefault(f.writers, []).append(f)  # the bug: who reads it is never asked
    offsets, end = {}, 0
    for group in groups.values():
        end = -(-end // line_size) * line_size
        for f in sorted(group, key=lambda f: -f.align):
            end = -(-end // f.align) * f.align
            offsets[f.name] = end
            end += f.size
    return offsets
