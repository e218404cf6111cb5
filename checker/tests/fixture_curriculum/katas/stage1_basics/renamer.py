"""The learner renamed the function."""


def shout_it(text: str) -> str:
    """Return text in upper case."""
    return text.upper()
