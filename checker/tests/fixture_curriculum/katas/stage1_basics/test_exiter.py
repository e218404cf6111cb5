from katas.stage1_basics.exiter import answer


def test_answers_42():
    assert answer() == 42
