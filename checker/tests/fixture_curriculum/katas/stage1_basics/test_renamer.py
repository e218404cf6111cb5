from katas.stage1_basics.renamer import shout


def test_shouts():
    assert shout("hi") == "HI"
