from katas.stage1_basics.looper import spin


def test_returns_its_argument():
    assert spin(3) == 3
