import re
import pytest
from hypothesis import given
from hypothesis import strategies as st

from makemore_lib.vocabulary import (bigrams, chars, check_name, check_names, decode, encode, encode_names, itos,
                                     stoi, vocab_size)
from conftest import name_strategy, names_strategy


def test_order_is_the_lectures():
    assert vocab_size == 27
    assert stoi["."] == 0 and stoi["a"] == 1 and stoi["z"] == 26
    assert all(itos[stoi[ch]] == ch for ch in chars)


@given(st.text(alphabet=chars, max_size=50))
def test_encode_decode_round_trip(text):
    assert decode(encode(text)) == text


def test_isabella():
    assert bigrams("isabella") == [".i", "is", "sa", "ab", "be", "el", "ll", "la", "a."]


@pytest.mark.parametrize("name, bad, pos", [("Emma", "'E'", 0), ("em ma", "' ' (U+0020)", 2), ("zoë", "'ë'", 2),
                                            ("a.b", "'.'", 1), ("x7", "'7'", 1)])
def test_bad_character_named_with_position(name, bad, pos):
    with pytest.raises(ValueError, match=re.escape(f"has {bad} at position {pos}")):
        check_name(name)


def test_empty_and_wrong_types():
    with pytest.raises(ValueError, match="empty"):
        check_name("")
    with pytest.raises(TypeError, match="must be a str"):
        check_name(None)
    with pytest.raises(TypeError, match="list of str"):
        check_names("emma")
    with pytest.raises(ValueError, match=r"names\[2\] 'B' has 'B'"):
        check_names(["a", "b", "B"])


@given(names_strategy)
def test_encode_names_has_every_bigram(names):
    ids = encode_names(names).tolist()
    pairs = [itos[a] + itos[b] for a, b in zip(ids, ids[1:])]
    assert pairs == [bg for name in names for bg in bigrams(name)]


@given(name_strategy)
def test_bigrams_of_a_name(name):
    pairs = bigrams(name)
    assert len(pairs) == len(name) + 1
    assert pairs[0][0] == "." and pairs[-1][1] == "."
