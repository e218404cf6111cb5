"""The ledger's code is right, but CHOICES says an atomic CAS fits it: one CAS covers one field,
and this invariant spans two."""

from __future__ import annotations

from solutions.stage4_concurrency.choose_primitive import *  # noqa: F403
from solutions.stage4_concurrency.choose_primitive import CHOICES as _CORRECT

KATA = "choose-the-primitive"

CHOICES = {
    **_CORRECT,
    "ledger": ("atomic CAS", "updates must be atomic, and CAS is atomic without a lock"),
}
