"""Behaviour of the sentence splitter's Python face."""

import pickle

import pytest

import rapidtext
from rapidtext import Sentence, SentenceSplitter, split_sentences


def texts(sentences):
    return [s.text for s in sentences]


def test_basic_split_and_offsets():
    text = "Dr. Smith paid $3.50 to Mr. Jones. Zoë left! Was it 3 p.m.? Yes."
    got = split_sentences(text)
    assert texts(got) == ["Dr. Smith paid $3.50 to Mr. Jones.", "Zoë left!", "Was it 3 p.m.?", "Yes."]
    for s in got:
        assert text[s.start : s.end] == s.text


def test_offsets_are_code_points_for_astral_text():
    text = "𝒳𝒴 is odd. 😀 Emoji too. Ünïcödé ends."
    got = split_sentences(text)
    assert len(got) == 3
    for s in got:
        assert text[s.start : s.end] == s.text


def test_empty_and_whitespace_give_nothing():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\u3000 ") == []


def test_blank_line_always_ends_a_sentence():
    text = "A heading without stop\n\nThe body follows here"
    assert texts(split_sentences(text)) == ["A heading without stop", "The body follows here"]


def test_newline_modes():
    text = "one line here\nanother line here"
    assert len(SentenceSplitter(newlines="split").split(text)) == 2
    assert len(SentenceSplitter(newlines="ignore").split(text)) == 1


def test_custom_abbreviations():
    text = "It weighs kgs. Ten tons in all."
    assert len(SentenceSplitter().split(text)) == 2
    custom = SentenceSplitter(abbreviations=["Kgs."])
    assert texts(custom.split(text)) == [text]
    assert custom.abbreviations == ["kgs"]


def test_batch_matches_single_calls_in_order():
    docs = [f"Doc {i}. It has {i} parts. Done." for i in range(300)] + ["", "One"]
    splitter = SentenceSplitter()
    single = [splitter.split(d) for d in docs]
    for n in (None, 1, 2, 7):
        assert splitter.split_batch(docs, n_threads=n) == single
    assert splitter.split_batch(iter(docs)) == single
    assert splitter.split_batch([]) == []


def test_sentence_value_semantics_and_pickle():
    s = Sentence("Hi.", 0, 3)
    assert s == Sentence("Hi.", 0, 3)
    assert s != Sentence("Hi.", 1, 4)
    assert len({s, Sentence("Hi.", 0, 3)}) == 1
    assert repr(s) == "Sentence(start=0, end=3, text='Hi.')"
    assert pickle.loads(pickle.dumps(s)) == s
    splitter = SentenceSplitter("en", abbreviations=["approx"], newlines="split")
    clone = pickle.loads(pickle.dumps(splitter))
    assert repr(clone) == repr(splitter)
    assert clone.newlines == "split" and clone.abbreviations == ["approx"]


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: split_sentences(b"bytes"), TypeError, "text must be str, not bytes"),
        (lambda: split_sentences(None), TypeError, "text must be str"),
        (lambda: split_sentences("x", language="xx"), ValueError, "supported"),
        (lambda: split_sentences("ok \ud800 no"), ValueError, "lone surrogate at index 3"),
        (lambda: SentenceSplitter().split_batch("a str"), TypeError, "iterable of str"),
        (lambda: SentenceSplitter().split_batch(["a", 1]), TypeError, r"texts\[1\] must be str"),
        (lambda: SentenceSplitter().split_batch(["a", "\udfff"]), ValueError, r"texts\[1\]"),
        (lambda: SentenceSplitter().split_batch(["a"], n_threads=0), ValueError, "n_threads"),
        (lambda: SentenceSplitter().split_batch(["a"], n_threads="2"), TypeError, "n_threads"),
        (lambda: SentenceSplitter(newlines="maybe"), ValueError, "newlines must be one of"),
        (lambda: SentenceSplitter(abbreviations="etc"), TypeError, "abbreviations"),
    ],
)
def test_bad_input_raises_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_supported_languages_and_version():
    assert "en" in rapidtext.supported_languages()
    assert rapidtext.__version__
    assert rapidtext.default_threads() >= 1
