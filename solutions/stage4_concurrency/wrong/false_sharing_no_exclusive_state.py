"""MESI without the E state (MSI): a read miss with no other copy still loads the line Shared,
so the core's first write to its own private line costs a BusUpgr it never needed."""

from solutions.stage4_concurrency.false_sharing import MESI as _Correct
from solutions.stage4_concurrency.false_sharing import READ, Field, Stats, layout

__all__ = ["MESI", "Field", "Stats", "layout", "simulate"]

KATA = "false-sharing"


class MESI(_Correct):
    def _read_line(self, core: int, line: int) -> None:
        states = self._line(line)
        if states[core] != "I":
            return
        self.stats.misses += 1
        self.stats.bus_rd += 1
        for c in range(self.cores):
            if c != core and states[c] != "I":
                if states[c] == "M":
                    self.stats.writebacks += 1
                states[c] = "S"
        states[core] = "S"  # the bug: alone or not, the line is loaded Shared


def simulate(trace, cores, line_size=64):
    cpu = MESI(cores, line_size)
    for core, op, address, size in trace:
        (cpu.read if op == READ else cpu.write)(core, address, size)
    return cpu.stats
