"""A write to a Shared line sends BusUpgr but forgets to invalidate the other copies: they stay
S, so the other cores go on reading the old value from their caches."""

from solutions.stage4_concurrency.false_sharing import MESI as _Correct
from solutions.stage4_concurrency.false_sharing import READ, Field, Stats, layout

__all__ = ["MESI", "Field", "Stats", "layout", "simulate"]

KATA = "false-sharing"


class MESI(_Correct):
    def _write_line(self, core: int, line: int) -> None:
        states = self._line(line)
        if states[core] == "S":
            self.stats.bus_upgr += 1
            states[core] = "M"  # the bug: the other S copies are left as they were
            return
        super()._write_line(core, line)


def simulate(trace, cores, line_size=64):
    cpu = MESI(cores, line_size)
    for core, op, address, size in trace:
        (cpu.read if op == READ else cpu.write)(core, address, size)
    return cpu.stats
