import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from makemore_lib.vocabulary import bigrams, check_names, chars, encode_names, itos, stoi, vocab_size
from conftest import name_strategy, names_strategy


def test_order_is_the_lectures():
    # The lecture builds stoi from the sorted letters of the dataset, a -> 1, ..., and '.' -> 0.
    lecture_stoi = {s: i + 1 for i, s in enumerate(sorted(set("".join(["abcdefghijklm", "nopqrstuvwxyz"]))))}
    lecture_stoi["."] = 0
    assert stoi == lecture_stoi
    assert itos == {i: s for s, i in lecture_stoi.items()}
    assert chars == "".join(itos[i] for i in range(27)) and vocab_size == 27


@given(names_strategy)
def test_encode_names_is_the_index_of_each_character(names):
    text = "." + ".".join(names) + "."
    assert encode_names(names).tolist() == [chars.index(ch) for ch in text]   # independent of stoi


def test_isabella():
    assert bigrams("isabella") == [".i", "is", "sa", "ab", "be", "el", "ll", "la", "a."]


@pytest.mark.parametrize("names, index", [(["emma\n", "ava\n"], 0), (["emma", "a va"], 1), (["em", "ma\nx"], 1),
                                          (["ann", ""], 1), (["ann", "b" * 101], 1)])
def test_a_bad_name_hidden_in_a_list_is_found(names, index):
    # The fast check joins the list: a separator inside a name must not pass for the join's own.
    with pytest.raises(ValueError, match=re.escape(f"names[{index}]")):
        check_names(names)
    with pytest.raises(ValueError, match=re.escape(f"names[{index}]")):
        encode_names(names)


@given(names_strategy)
def test_encode_names_has_every_bigram(names):
    ids = encode_names(names).tolist()
    pairs = [chars[a] + chars[b] for a, b in zip(ids, ids[1:])]
    assert pairs == [bg for name in names for bg in bigrams(name)]
    assert ids.count(0) == len(names) + 1


@given(name_strategy)
def test_bigrams_of_a_name(name):
    # The lecture's zip over the padded name, written out independently.
    padded = ["."] + list(name) + ["."]
    assert bigrams(name) == [a + b for a, b in zip(padded, padded[1:])]
