from katas.stage1_basics.lingerer import start


def test_starts():
    assert start() == 1
