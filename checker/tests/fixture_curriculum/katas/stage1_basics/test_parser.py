from katas.stage1_basics.parser import parse


def test_parses_a_number():
    assert parse("42") == 42
