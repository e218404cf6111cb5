"""The writer changes the published version in place, key by key, instead of publishing a
copy: a reader between two of those writes sees one key from the new version and another
from the old (a torn read).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solutions.stage4_concurrency.rcu_map import *  # noqa: F403
from solutions.stage4_concurrency.rcu_map import RcuMap as _Correct

KATA = "rcu-map"


class RcuMap(_Correct):
    def update(self, changes: Mapping[str, Any]) -> None:
        with self._writer:
            for key, value in changes.items():
                self._current.get()[key] = value  # the bug: readers may be reading this node
