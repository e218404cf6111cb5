"""Uses a module that does not exist."""

import no_such_module_anywhere


def value() -> int:
    """Return 1."""
    return no_such_module_anywhere.one
