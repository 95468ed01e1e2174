"""One whitespace definition for every analysis: Python's str.isspace().

That is Unicode White_Space plus the information separators U+001C..U+001F, which Rust's
char::is_whitespace leaves out. No sentence, entity or keyword mention starts or ends
with such a character, so `span.text == span.text.strip()` always holds. U+FEFF and
U+200B are format characters, not whitespace, for Python too: they stay in the text.
"""

from __future__ import annotations

import pytest
from rapidtext import EntityTagger, KeywordExtractor, SentenceSplitter

SPACES = ["\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2028", "\u2029", "\u3000"]
FORMAT = ["\ufeff", "\u200b"]


def document(c: str) -> str:
    return f"{c}Angela Merkel visited Paris{c}.{c}Solar panels{c}are cheap.{c}Solar panels win{c}"


@pytest.mark.parametrize("c", SPACES)
def test_spans_never_start_or_end_with_whitespace(c):
    assert c.isspace()
    text = document(c)
    sentences = SentenceSplitter().split(text)
    assert len(sentences) == 3
    assert [s.text for s in sentences] == [s.text.strip() for s in sentences]
    entities = EntityTagger().tag(text)
    assert {e.text for e in entities} >= {"Angela Merkel", "Paris"}
    keywords = KeywordExtractor().extract(text)
    assert "Solar panels" in [k.text for k in keywords]
    for k in keywords:
        for start, end in k.occurrences:
            assert text[start:end] == text[start:end].strip()


@pytest.mark.parametrize("c", FORMAT)
def test_format_characters_are_text(c):
    assert not c.isspace()
    sentences = SentenceSplitter().split(f"{c}Hello there. Bye.{c}")
    assert [s.text for s in sentences] == [f"{c}Hello there.", f"Bye.{c}"]
