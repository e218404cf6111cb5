from katas.stage1_basics.quitter import answer


def test_answers_42():
    assert answer() == 42
