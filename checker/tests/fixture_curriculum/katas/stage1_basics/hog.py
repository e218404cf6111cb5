"""Eats memory."""


def grow() -> int:
    """Return 0."""
    table = [0] * (1 << 36)  # 64 Gi slots: far past the runner's memory cap
    return len(table) * 0
