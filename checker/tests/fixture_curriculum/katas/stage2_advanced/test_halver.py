import pytest

from katas.stage2_advanced.halver import halve


def test_halves_ten():
    assert halve(10) == 5


def test_is_importable():
    assert callable(halve)


def test_has_a_docstring():
    assert halve.__doc__
