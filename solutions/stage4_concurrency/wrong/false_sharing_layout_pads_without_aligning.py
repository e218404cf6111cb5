"""The layout pads each shared field with a line's worth of bytes after it, but never starts it
on a line boundary: the field still shares its first line with whatever came before it."""

from solutions.stage4_concurrency.false_sharing import MESI, Field, Stats, simulate

__all__ = ["MESI", "Field", "Stats", "layout", "simulate"]

KATA = "false-sharing"


def layout(fields, line_size=64):
    offsets, end = {}, 0
    shared = [f for f in fields if f.writers and len(f.users) > 1]
    rest = sorted(
        (f for f in fields if f not in shared), key=lambda f: (min(f.users, default=-1), -f.align)
    )
    for f in rest + shared:
        end = -(-end // f.align) * f.align
        offsets[f.name] = end
        end += f.size + (line_size if f in shared else 0)  # the bug: padded after, not aligned
    return offsets
