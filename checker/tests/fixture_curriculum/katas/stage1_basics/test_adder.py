from katas.stage1_basics.adder import add


def test_adds_two_small_numbers():
    assert add(2, 3) == 5, f"Called add(2, 3); it returned {add(2, 3)!r}, expected 5."


def test_adds_a_negative_number():
    assert add(2, -3) == -1
