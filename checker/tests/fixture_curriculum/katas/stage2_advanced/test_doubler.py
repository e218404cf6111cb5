import pytest
from hypothesis import given, strategies as st

from katas.stage2_advanced.doubler import double


@pytest.mark.parametrize("n, expected", [(0, 0), (4, 8), (-3, -6)], ids=["zero", "four", "negative"])
def test_doubles_small_numbers(n, expected):
    got = double(n)
    assert got == expected, f"Called double({n}). It returned {got!r}, expected {expected}."


@given(st.integers())
def test_doubling_is_adding_a_number_to_itself(n):
    """double(n) == n + n for every integer n."""
    assert double(n) == n + n
