from katas.stage1_basics.counter import count_words


def test_counts_two_words():
    assert count_words("a b") == 2


def test_counts_no_words_in_an_empty_string():
    assert count_words("") == 0
