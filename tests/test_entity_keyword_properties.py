"""Properties of entities and keywords on arbitrary Unicode text (hypothesis).

Entity spans slice back, are ordered, disjoint, inside the text and trimmed; keyword
occurrences lie inside the text, are trimmed, and scores are sorted in (0, 1] with the
best at 1; corpus scorers' keywords likewise; batch calls agree with single calls for
any thread count. The sentence properties live in test_sentence_properties.py.
"""

from __future__ import annotations

import pytest
import unicode_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidtext import EntityTagger, KeywordExtractor, TfidfScorer, keyword_methods
from unicode_texts import WHITE_SPACE

FRAGMENTS = [
    "Angela Merkel visited Paris.",
    "The World Health Organization (WHO) met in Geneva.",
    "It cost $4.5 billion, up 25%, on July 4, 2026 at 3 p.m.",
    "Mail zoë@example.com or see https://example.org/a?b=1.",
    "Zoë Šimić and İstanbul",
    "Solar panels are cheap. Solar panels win.",
    "the solar panel's efficiency",
    "10 km",
    "three-quarters",
    "New York-based",
    "(",
    ")",
    "«",
    "»",
    "'",
    "-",
    " ",
]
texts = unicode_texts.texts(FRAGMENTS)

TAGGER = EntityTagger(phrases={"DRUG": ["aspirin", "solar panel"]}, patterns={"CODE": [r"\d{3}"]})
EXTRACTORS = {method: KeywordExtractor(method=method) for method in keyword_methods()}
SCORER = TfidfScorer().fit(
    ["Solar panels are cheap.", "Angela Merkel visited Paris.", "Wind turbines and solar power."]
)

common = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def trimmed(piece: str) -> bool:
    return bool(piece) and piece[0] not in WHITE_SPACE and piece[-1] not in WHITE_SPACE


def check_entities(text: str, entities: list) -> None:
    previous_end = 0
    for e in entities:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= previous_end, "entities overlap or are out of order"
        assert trimmed(e.text), repr(e.text)
        assert 0.0 <= e.score <= 1.0
        assert (e.group is None) == (e.canonical is None)
        previous_end = e.end


def check_keywords(text: str, keywords: list) -> None:
    scores = [k.score for k in keywords]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)
    for k in keywords:
        assert k.count == len(k.occurrences) >= 1
        assert trimmed(k.text), repr(k.text)
        for start, end in k.occurrences:
            assert 0 <= start < end <= len(text)
            assert trimmed(text[start:end]), repr(text[start:end])
        assert k.occurrences == sorted(k.occurrences)


@common
@given(text=texts)
def test_entity_spans_slice_back_ordered_disjoint_and_trimmed(text):
    check_entities(text, TAGGER.tag(text))


@pytest.mark.parametrize("method", sorted(EXTRACTORS))
@common
@given(text=texts)
def test_keyword_occurrences_inside_trimmed_and_scores_sorted(method, text):
    keywords = EXTRACTORS[method].extract(text)
    check_keywords(text, keywords)
    if keywords:
        assert keywords[0].score == 1.0, "the document's best keyword scores 1"


@common
@given(text=texts)
def test_corpus_scorer_keywords_inside_and_sorted(text):
    check_keywords(text, SCORER.keywords(text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(st.one_of(texts, st.none()), max_size=10))
def test_batches_equal_single_calls_for_any_thread_count(batch):
    entities = [TAGGER.tag(t) if t is not None else [] for t in batch]
    extractor = EXTRACTORS["rapidrank"]
    keywords = [extractor.extract(t) if t is not None else [] for t in batch]
    for n_threads in (1, 3, None):
        assert TAGGER.tag_batch(batch, n_threads=n_threads) == entities
        assert extractor.extract_batch(batch, n_threads=n_threads) == keywords
