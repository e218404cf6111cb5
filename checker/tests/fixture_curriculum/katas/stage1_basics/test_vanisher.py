from katas.stage1_basics.vanisher import one


def test_returns_one():
    assert one() == 1
