"""An access is applied to the line its first byte falls in only: an 8-byte write at offset 60
never touches line 1, so a field straddling two lines is half outside the protocol."""

from solutions.stage4_concurrency.false_sharing import MESI as _Correct
from solutions.stage4_concurrency.false_sharing import READ, Field, Stats, layout

__all__ = ["MESI", "Field", "Stats", "layout", "simulate"]

KATA = "false-sharing"


class MESI(_Correct):
    def _lines(self, address: int, size: int) -> range:
        line = address // self.line_size  # the bug: ignores where the last byte falls
        return range(line, line + 1)


def simulate(trace, cores, line_size=64):
    cpu = MESI(cores, line_size)
    for core, op, address, size in trace:
        (cpu.read if op == READ else cpu.write)(core, address, size)
    return cpu.stats
