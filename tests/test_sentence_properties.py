"""Properties every split must have, on arbitrary Unicode text (hypothesis).

Offsets slice back, spans are ordered, disjoint, inside the text and trimmed, every
non-whitespace character is in exactly one sentence, and split_batch agrees with split
for any thread count, in every newline mode. Lone surrogates are tested elsewhere.
"""

from __future__ import annotations

import pytest
import unicode_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidtext import SentenceSplitter
from unicode_texts import WHITE_SPACE

MODES = ["auto", "split", "ignore"]
SPLITTERS = {
    mode: SentenceSplitter("en", abbreviations=["approx"], newlines=mode) for mode in MODES
}

FRAGMENTS = [
    "Dr. Smith arrived.",
    "He left at 3 p.m. on Friday.",
    "Was it 3.5%?",
    "Yes!",
    "e.g. this",
    "the U.S. Army",
    "approx. Ten",
    "Mr. ",
    "A. B. Jones",
    "İstanbul.",
    "“Quoted.”",
    "(Aside.)",
    "1. First item",
    "ZOË WAS HERE",
    "über. Ärger",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r",
    "a" * 300,
    "." * 50,
    "\n" * 40,
]
texts = unicode_texts.texts(FRAGMENTS)

common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str, sentences: list) -> None:
    covered = [0] * len(text)
    previous_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= previous_end, "sentences overlap or are out of order"
        assert s.text[0] not in WHITE_SPACE and s.text[-1] not in WHITE_SPACE
        previous_end = s.end
        for i in range(s.start, s.end):
            covered[i] += 1
    missed = [i for i, c in enumerate(text) if c not in WHITE_SPACE and covered[i] != 1]
    assert not missed, f"non-whitespace characters outside any sentence at {missed[:5]}"


@pytest.mark.parametrize("mode", MODES)
@common
@given(text=texts)
def test_spans_slice_back_ordered_trimmed_and_cover_the_text(mode, text):
    check_spans(text, SPLITTERS[mode].split(text))


@pytest.mark.parametrize("mode", MODES)
@settings(max_examples=60, deadline=None)
@given(batch=st.lists(texts, max_size=12))
def test_split_batch_equals_split_for_any_thread_count(mode, batch):
    splitter = SPLITTERS[mode]
    expected = [splitter.split(t) for t in batch]
    for n_threads in (1, 3, None):
        assert splitter.split_batch(batch, n_threads=n_threads) == expected


@common
@given(text=texts)
def test_blank_line_ends_a_sentence_in_every_mode(text):
    # A blank line separates sentences whatever the mode: no sentence spans "\n\n".
    for mode in MODES:
        for s in SPLITTERS[mode].split(text):
            assert "\n\n" not in s.text


def test_whitespace_set_matches_the_splitter():
    # Guards the WHITE_SPACE table above: each of them alone is no sentence; format
    # characters that are not whitespace for Python either (BOM, zero-width space) are text.
    splitter = SPLITTERS["auto"]
    for c in WHITE_SPACE:
        assert splitter.split(c * 3) == [], repr(c)
    assert [s.text for s in splitter.split("\ufeff")] == ["\ufeff"]
