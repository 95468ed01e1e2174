"""Every public callable, given bad arguments, raises TypeError or ValueError naming them.

One table drives the test: each row is a callable with valid keyword arguments and,
for the arguments to attack, the kind of argument it is. Each kind lists its bad values
and the exception each must raise; the argument's name must appear in the message.
To cover a new callable, add one row to CALLABLES.
"""

from __future__ import annotations

import pickle
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest
import rapidtext
from rapidtext import (
    Bm25Scorer,
    Entity,
    EntityTagger,
    Keyword,
    KeywordExtractor,
    Sentence,
    SentenceSplitter,
    TfidfScorer,
)

LONE_SURROGATE = "ok \ud800 ok"
HUGE = 10**30  # beyond any machine integer

# For each kind of argument: (what, bad value, expected exception).
BAD: dict[str, list[tuple[str, Any, type[Exception]]]] = {
    "text": [
        ("wrong type", 123, TypeError),
        ("None", None, TypeError),
        ("bytes", b"Some text.", TypeError),
        ("lone surrogate", LONE_SURROGATE, ValueError),
    ],
    "texts": [
        ("wrong type", 123, TypeError),
        ("None", None, TypeError),
        ("bytes", b"Some text.", TypeError),
        ("a single str", "Some text.", TypeError),
        ("item of wrong type", ["ok", 123], TypeError),
        ("bytes item", ["ok", b"Some text."], TypeError),
        ("lone surrogate in an item", ["ok", LONE_SURROGATE], ValueError),
        # Iterating a table gives its column names: refused, not analysed.
        ("a whole DataFrame", pd.DataFrame({"text": ["One. Two."]}), TypeError),
    ],
    "strings": [  # an optional iterable of str (abbreviations, stop words, labels)
        ("wrong type", 123, TypeError),
        ("a single str", "word", TypeError),
        ("item of wrong type", ["ok", 123], TypeError),
        ("bytes item", ["ok", b"x"], TypeError),
        ("lone surrogate in an item", ["ok", LONE_SURROGATE], ValueError),
    ],
    "count": [  # a positive int: top_k, min_count, epochs, ...
        ("wrong type", "10", TypeError),
        ("float", 2.5, TypeError),
        ("zero", 0, ValueError),
        ("negative", -3, ValueError),
        ("huge", HUGE, ValueError),
    ],
    "n_threads": [
        ("wrong type", "2", TypeError),
        ("zero", 0, ValueError),
        ("negative", -1, ValueError),
        ("huge", HUGE, ValueError),
    ],
    "language": [
        ("wrong type", 5, TypeError),
        ("None", None, TypeError),
        ("bytes", b"en", TypeError),
        ("unknown language", "xx-unknown", ValueError),
    ],
    "method": [
        ("wrong type", 5, TypeError),
        ("unknown method", "no-such-method", ValueError),
    ],
    "labels": [
        ("wrong type", 5, TypeError),
        ("a single str", "PER", TypeError),
        ("empty label", ["PER", ""], ValueError),
        ("item of wrong type", ["PER", 7], TypeError),
    ],
    "label": [
        ("wrong type", 5, TypeError),
        ("empty label", "", ValueError),
    ],
    "ngram_range": [
        ("wrong type", 3, TypeError),
        ("reversed", (3, 1), ValueError),
        ("zero", (0, 2), ValueError),
        ("huge", (1, HUGE), ValueError),
    ],
    "progress": [
        ("not callable", 5, TypeError),
    ],
    "path": [
        ("wrong type", 5, TypeError),
        ("None", None, TypeError),
    ],
    "data": [
        ("wrong type", 5, TypeError),
        ("str", "model", TypeError),
        ("not a model", b"not a model", ValueError),
    ],
}


@dataclass
class Row:
    """A callable, valid keyword arguments for it, and the kind of each argument to attack."""

    name: str
    call: Callable[..., Any]
    valid: dict[str, Any]
    attack: dict[str, str]
    # (argument, case) pairs this callable accepts on purpose, with the reason.
    allowed: dict[tuple[str, str], str] = field(default_factory=dict)


PIPELINE = rapidtext.Pipeline()
SPLITTER = SentenceSplitter()
TAGGER = EntityTagger()
EXTRACTOR = KeywordExtractor()
TFIDF = TfidfScorer().fit(["Solar panels are cheap.", "Wind power grows."])
BM25 = Bm25Scorer().fit(["Solar panels are cheap.", "Wind power grows."])
TEXT = "Angela Merkel visited Paris. Solar panels are cheap."
TEXTS = [TEXT, "Another one."]
BATCH = {"texts": "texts", "n_threads": "n_threads", "progress": "progress"}

CALLABLES: list[Row] = [
    Row(
        "split_sentences",
        rapidtext.split_sentences,
        {"text": TEXT},
        {"text": "text", "language": "language"},
    ),
    Row(
        "SentenceSplitter",
        SentenceSplitter,
        {},
        {"language": "language", "abbreviations": "strings"},
    ),
    Row("SentenceSplitter.split", SPLITTER.split, {"text": TEXT}, {"text": "text"}),
    Row("SentenceSplitter.split_batch", SPLITTER.split_batch, {"texts": TEXTS}, BATCH),
    Row("SentenceSplitter.split_columns", SPLITTER.split_columns, {"texts": TEXTS}, BATCH),
    Row(
        "SentenceSplitter.learn",
        SentenceSplitter.learn,
        {"texts": TEXTS},
        {
            "texts": "texts",
            "language": "language",
            "abbreviations": "strings",
            "min_count": "count",
        },
    ),
    Row("Sentence", Sentence, {"text": "Hi.", "start": 0, "end": 3}, {"text": "text"}),
    Row("extract_entities", rapidtext.extract_entities, {"text": TEXT}, {"text": "text"}),
    Row("EntityTagger", EntityTagger, {}, {"labels": "labels"}),
    Row("EntityTagger.tag", TAGGER.tag, {"text": TEXT}, {"text": "text"}),
    Row("EntityTagger.tag_batch", TAGGER.tag_batch, {"texts": TEXTS}, BATCH),
    Row("EntityTagger.with_labels", TAGGER.with_labels, {}, {"labels": "labels"}),
    Row(
        "EntityTagger.from_bytes",
        EntityTagger.from_bytes,
        {"data": TAGGER.to_bytes()},
        {"data": "data", "labels": "labels"},
    ),
    Row("EntityTagger.load", EntityTagger.load, {"path": "/nonexistent"}, {"path": "path"}),
    Row("EntityTagger.save", TAGGER.save, {"path": "/nonexistent"}, {"path": "path"}),
    Row(
        "EntityTagger.train",
        EntityTagger.train,
        {"examples": [("Angela Merkel spoke.", [(0, 13, "PER")])], "epochs": 1, "hash_bits": 10},
        {"epochs": "count", "labels": "labels"},
    ),
    Row(
        "Entity",
        Entity,
        {"text": "Paris", "start": 0, "end": 5, "label": "LOC"},
        {"text": "text", "label": "label"},
    ),
    Row(
        "extract_keywords",
        rapidtext.extract_keywords,
        {"text": TEXT},
        {
            "text": "text",
            "top_k": "count",
            "language": "language",
            "method": "method",
            "ngram_range": "ngram_range",
            "extra_stopwords": "strings",
        },
    ),
    Row(
        "KeywordExtractor",
        KeywordExtractor,
        {},
        {
            "language": "language",
            "method": "method",
            "ngram_range": "ngram_range",
            "top_k": "count",
            "stopwords": "strings",
            "extra_stopwords": "strings",
        },
    ),
    Row(
        "KeywordExtractor.extract",
        EXTRACTOR.extract,
        {"text": TEXT},
        {"text": "text", "top_k": "count"},
    ),
    Row("KeywordExtractor.extract_batch", EXTRACTOR.extract_batch, {"texts": TEXTS}, BATCH),
    Row(
        "Keyword",
        Keyword,
        {"text": "solar", "score": 1.0, "count": 1, "occurrences": [(0, 5)]},
        {"text": "text"},
    ),
    *[
        Row(
            f"{cls.__name__}",
            cls,
            {},
            {
                "language": "language",
                "ngram_range": "ngram_range",
                "stopwords": "strings",
                "extra_stopwords": "strings",
            },
        )
        for cls in (TfidfScorer, Bm25Scorer)
    ],
    *[
        row
        for name, scorer in (("TfidfScorer", TFIDF), ("Bm25Scorer", BM25))
        for row in (
            Row(
                f"{name}.fit",
                type(scorer)().fit,
                {"texts": TEXTS},
                {"texts": "texts", "n_threads": "n_threads"},
            ),
            Row(
                f"{name}.keywords",
                scorer.keywords,
                {"text": TEXT},
                {"text": "text", "top_k": "count"},
            ),
            Row(
                f"{name}.transform",
                scorer.transform,
                {"texts": TEXTS},
                {"texts": "texts", "n_threads": "n_threads"},
            ),
            Row(
                f"{name}.score",
                scorer.score,
                {"query_terms": ["solar"], "texts": TEXTS},
                {"query_terms": "strings", "texts": "texts", "n_threads": "n_threads"},
            ),
            Row(f"{name}.load", type(scorer).load, {"path": "/nonexistent"}, {"path": "path"}),
        )
    ],
]


PIPELINE_OPTIONS = {
    "language": "language",
    "entity_labels": "labels",
    "keyword_method": "method",
    "top_k": "count",
    "ngram_range": "ngram_range",
}
NONE_LANGUAGE = {("language", "None"): "None takes the language of the given parts (or en)"}
CALLABLES += [
    Row("Pipeline", rapidtext.Pipeline, {}, PIPELINE_OPTIONS, NONE_LANGUAGE),
    Row("Pipeline.analyze", PIPELINE.analyze, {"text": TEXT}, {"text": "text"}),
    Row("Pipeline.analyze_batch", PIPELINE.analyze_batch, {"texts": TEXTS}, BATCH),
    Row(
        "analyze",
        rapidtext.analyze,
        {"text": TEXT},
        {"text": "text", **PIPELINE_OPTIONS},
        NONE_LANGUAGE,
    ),
    Row(
        "analyze_batch",
        rapidtext.analyze_batch,
        {"texts": TEXTS},
        {"texts": "texts", **PIPELINE_OPTIONS},
        NONE_LANGUAGE,
    ),
]


def _frames_rows() -> list[Row]:
    from rapidtext import frames

    return [
        Row(
            "frames.sentences_frame",
            frames.sentences_frame,
            {"texts": TEXTS},
            {"texts": "texts", "language": "language", "n_threads": "n_threads"},
        ),
        Row(
            "frames.entities_frame",
            frames.entities_frame,
            {"texts": TEXTS},
            {**BATCH, "labels": "labels"},
        ),
        Row(
            "frames.keywords_frame",
            frames.keywords_frame,
            {"texts": TEXTS},
            {**BATCH, "top_k": "count", "method": "method"},
        ),
    ]


def _dask_rows() -> list[Row]:
    import dask.bag
    import rapidtext.dask

    lazy = "items are read when the graph is computed, by split_batch (tested above)"
    return [
        Row(
            "dask.sentences",
            rapidtext.dask.sentences,
            {"texts": dask.bag.from_sequence(TEXTS)},
            {"texts": "texts", "language": "language"},
            allowed={("texts", what): lazy for what, _, _ in BAD["texts"] if "item" in what},
        ),
        *[
            Row(
                f"dask.{name}",
                getattr(rapidtext.dask, name),
                {"texts": dask.bag.from_sequence(TEXTS)},
                {"texts": "texts"},
                allowed={("texts", what): lazy for what, _, _ in BAD["texts"] if "item" in what},
            )
            for name in ("entities", "keywords", "analyze")
        ],
    ]


def _optional_rows() -> list[Row]:
    rows = []
    for make, needs in ((_frames_rows, "pandas"), (_dask_rows, "dask")):
        try:
            __import__(needs)
        except ImportError:
            continue
        rows += make()
    return rows


def cases():
    for row in CALLABLES + _optional_rows():
        for arg, kind in row.attack.items():
            for what, value, error in BAD[kind]:
                if (arg, what) in row.allowed:
                    continue
                yield pytest.param(row, arg, value, error, id=f"{row.name}-{arg}-{what}")


@pytest.mark.parametrize(("row", "arg", "value", "error"), list(cases()))
def test_bad_argument_raises_naming_it(row, arg, value, error):
    with pytest.raises(error) as caught:
        row.call(**{**row.valid, arg: value})
    # What Python prints for the error: its message and notes (pyo3 names a badly typed
    # argument in a note, "while processing 'text'").
    shown = "".join(traceback.format_exception_only(caught.value))
    assert arg in shown, f"error does not name {arg!r}: {shown}"


def test_valid_arguments_of_each_row_work():
    # Guards the table: with only valid arguments, each row must not raise (the files
    # rows point at a missing path on purpose and raise OSError).
    for row in CALLABLES:
        if "path" in row.valid:
            continue
        row.call(**row.valid)


@pytest.mark.parametrize("top_k", [10**9, 2**62])
def test_huge_but_machine_sized_top_k_returns_everything(top_k):
    every = EXTRACTOR.extract(TEXT, top_k=1000)
    assert EXTRACTOR.extract(TEXT, top_k=top_k) == every
    assert KeywordExtractor(top_k=top_k).extract(TEXT) == every
    assert TFIDF.keywords(TEXT, top_k=top_k) == TFIDF.keywords(TEXT, top_k=1000)


def test_huge_but_machine_sized_n_threads_is_capped():
    assert SPLITTER.split_batch(TEXTS, n_threads=10**9) == SPLITTER.split_batch(TEXTS)


def test_unknown_labels_are_accepted_as_user_labels():
    # Any label name is valid: user rules and trained models add their own.
    tagger = EntityTagger(labels=["DRUG"], phrases={"DRUG": ["aspirin"]})
    assert [e.label for e in tagger.tag("Take aspirin.")] == ["DRUG"]
    assert pickle.loads(pickle.dumps(tagger)).labels == ["DRUG"]
