from katas.stage1_basics.greeter import greet


def test_greets_by_name():
    """The greeting has a comma and an exclamation mark."""
    got = greet("Ada")
    assert got == "Hello, Ada!", f"Called greet('Ada'). It returned {got!r}, expected 'Hello, Ada!'."
