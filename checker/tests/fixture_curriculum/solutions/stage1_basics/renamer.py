"""The learner renamed the function."""


def shout(text: str) -> str:
    """Return text in upper case."""
    return text.upper()
