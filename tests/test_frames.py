"""Long-format DataFrames built from columns filled in Rust."""

import subprocess
import sys

import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidtext import EntityTagger, KeywordExtractor, SentenceSplitter
from rapidtext.frames import entities_frame, keywords_frame, sentences_frame

NEWS = [
    "Angela Merkel visited Paris on 3 May 2021 and met Emmanuel Macron.",
    None,
    "Zoë Müller joined Siemens in Köln; Siemens paid €4.5 million. Müller said so.",
    "",
    "IBM hired Ana Pérez in New York. Pérez starts on Monday at 9 am.",
    float("nan"),
]


def test_pandas_frame_keeps_the_series_index_and_skips_missing_rows():
    texts = pd.Series(["One. Two.", None, "Zoë ran."], index=["a", "b", "c"])
    df = sentences_frame(texts)
    assert list(df.columns) == ["doc", "start", "end", "text"]
    assert df["doc"].tolist() == ["a", "a", "c"]
    assert df["text"].tolist() == ["One.", "Two.", "Zoë ran."]
    for doc, start, end, text in df.itertuples(index=False):
        assert texts[doc][start:end] == text
    assert str(df["start"].dtype) == "int64"


def test_polars_frame_and_any_iterable():
    df = sentences_frame(pl.Series(["A cat ran. It left.", None]), backend="polars")
    assert isinstance(df, pl.DataFrame)
    assert df["doc"].to_list() == [0, 0] and df["end"].to_list() == [10, 19]
    gen = (t for t in ["x is here. Y is there."])
    assert sentences_frame(gen)["doc"].tolist() == [0, 0]


def test_frame_matches_object_results():
    texts = [f"Doc {i} starts. Then it ends!" for i in range(50)]
    splitter = SentenceSplitter()
    df = sentences_frame(texts, splitter=splitter, n_threads=2)
    expected = [
        (d, s.start, s.end, s.text) for d, ss in enumerate(splitter.split_batch(texts)) for s in ss
    ]
    assert list(df.itertuples(index=False, name=None)) == expected


def test_bad_arguments():
    with pytest.raises(ValueError, match="backend"):
        sentences_frame(["x"], backend="arrow")
    with pytest.raises(TypeError, match="not a single str"):
        sentences_frame("just one text")


def test_importing_rapidtext_does_not_import_dataframe_libraries():
    code = (
        "import sys, rapidtext, rapidtext.frames, rapidtext.dask; "
        "print(*(m in sys.modules for m in ('pandas', 'polars', 'dask')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def _entity_rows(texts, tagger, docs):
    return [
        (doc, e.start, e.end, e.text, e.label, e.score)
        for doc, found in zip(docs, tagger.tag_batch(texts))
        for e in found
    ]


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_entities_frame_equals_the_object_api(backend):
    tagger = EntityTagger()
    df = entities_frame(NEWS, tagger=tagger, backend=backend, n_threads=2)
    assert list(df.columns) == ["doc", "start", "end", "text", "label", "score"]
    rows = (
        list(df.iter_rows()) if backend == "polars" else list(df.itertuples(index=False, name=None))
    )
    expected = _entity_rows(NEWS, tagger, range(len(NEWS)))
    assert len(expected) >= 8 and {r[4] for r in expected} >= {"PER", "ORG", "LOC", "DATE", "MONEY"}
    assert rows == expected
    for doc, start, end, text, _, _ in rows:
        assert NEWS[doc][start:end] == text


def test_entities_frame_label_is_categorical_from_codes():
    tagger = EntityTagger()
    df = entities_frame(NEWS, tagger=tagger)
    assert isinstance(df["label"].dtype, pd.CategoricalDtype)
    # Every label the tagger can return, in its order: frames of different batches
    # (or Dask partitions) share one dtype.
    assert list(df["label"].cat.categories) == tagger.labels
    assert str(df["score"].dtype) == "float64"
    assert str(df["start"].dtype) == "int64"
    pl_df = entities_frame(NEWS, tagger=tagger, backend="polars")
    assert pl_df.schema["label"] == pl.Enum(tagger.labels)
    assert pl_df.schema["score"] == pl.Float64


def test_entities_frame_keeps_the_index_and_filters_labels():
    texts = pd.Series(NEWS, index=[f"n{i}" for i in range(len(NEWS))])
    df = entities_frame(texts, labels=["PER", "MONEY"])
    assert set(df["doc"]) == {"n0", "n2", "n4"}
    assert list(df["label"].cat.categories) == ["PER", "MONEY"]
    assert set(df["label"]) == {"PER", "MONEY"}
    for doc, start, end, text in df[["doc", "start", "end", "text"]].itertuples(index=False):
        assert texts[doc][start:end] == text


def test_entities_frame_user_labels_become_categories():
    tagger = EntityTagger(phrases={"PRODUCT": ["Model Y"]})
    df = entities_frame(["Tesla sold the Model Y in Oslo."], tagger=tagger)
    assert "PRODUCT" in list(df["label"].cat.categories)
    assert ("Model Y", "PRODUCT") in set(zip(df["text"], df["label"]))


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_empty_input_gives_typed_empty_frames(backend):
    for frame in (entities_frame, keywords_frame, sentences_frame):
        empty = frame([], backend=backend)
        only_missing = frame([None, float("nan")], backend=backend)
        assert empty.shape[0] == 0 and only_missing.shape[0] == 0
        some = frame(["Angela Merkel visited Paris. She liked it."], backend=backend)
        assert some.shape[0] > 0
        # The same dtypes with and without rows (what Dask's meta relies on).
        if backend == "pandas":
            assert list(empty.dtypes) == list(some.dtypes)
        else:
            assert empty.schema == some.schema


@pytest.mark.parametrize("backend", ["pandas", "polars"])
def test_keywords_frame_equals_the_object_api(backend):
    extractor = KeywordExtractor(top_k=4)
    df = keywords_frame(NEWS, extractor=extractor, backend=backend)
    assert list(df.columns) == ["doc", "rank", "text", "score", "count", "start", "end"]
    rows = (
        list(df.iter_rows()) if backend == "polars" else list(df.itertuples(index=False, name=None))
    )
    expected = [
        (doc, rank, k.text, k.score, k.count, k.occurrences[0][0], k.occurrences[0][1])
        for doc, found in enumerate(extractor.extract_batch(NEWS))
        for rank, k in enumerate(found)
    ]
    assert len(expected) >= 8
    assert rows == expected


def test_keywords_frame_top_k_method_and_index():
    texts = pd.Series(NEWS, index=range(100, 100 + len(NEWS)))
    df = keywords_frame(texts, top_k=2)
    assert df.groupby("doc").size().to_dict() == {100: 2, 102: 2, 104: 2}
    assert df["rank"].tolist() == [0, 1] * 3
    ex = KeywordExtractor(top_k=3, extra_stopwords=["Pérez"])
    assert keywords_frame(NEWS, extractor=ex)["rank"].max() == 2
    narrowed = keywords_frame(NEWS, extractor=ex, top_k=1)
    assert narrowed["text"].tolist() == [ks[0].text for ks in ex.extract_batch(NEWS) if ks]
    yake = keywords_frame(NEWS, method="yake", top_k=3)
    expected = [
        k.text for ks in KeywordExtractor(method="yake", top_k=3).extract_batch(NEWS) for k in ks
    ]
    assert yake["text"].tolist() == expected
    with pytest.raises(ValueError, match="extractor or method"):
        keywords_frame(NEWS, extractor=ex, method="yake")
    with pytest.raises(ValueError, match="top_k"):
        keywords_frame(NEWS, top_k=0)


def test_frames_reject_bad_texts():
    for frame in (entities_frame, keywords_frame):
        with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
            frame(["fine", 3])
        with pytest.raises(ValueError, match="backend"):
            frame(["x"], backend="arrow")


def test_a_whole_table_is_refused_not_read_as_column_names():
    for table in (pd.DataFrame({"text": ["Ana met Bo."]}), pl.DataFrame({"text": ["Ana met Bo."]})):
        for frame in (entities_frame, keywords_frame, sentences_frame):
            with pytest.raises(TypeError, match=r"one column of texts \(e.g. df\['text'\]\)"):
                frame(table)


def test_frames_report_progress():
    seen = []
    entities_frame(NEWS, progress=lambda done, total: seen.append((done, total)))
    keywords_frame(NEWS, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (len(NEWS), len(NEWS))


WORDS = [
    "Zoë",
    "Müller",
    "met",
    "IBM",
    "in",
    "Köln",
    "on",
    "May",
    "3,",
    "2024.",
    "Paris",
    "€5",
    "solar",
    "panels",
    "the",
    "Šimić",
    "said",
    "\n",
    "🙂",
    "Ana",
    "Pérez",
    "of",
    "Acme",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), max_size=6))
def test_frame_offsets_slice_back_on_any_text(texts):
    tagger, extractor = EntityTagger(), KeywordExtractor(top_k=5)
    ents = entities_frame(texts, tagger=tagger)
    for doc, start, end, text in ents[["doc", "start", "end", "text"]].itertuples(index=False):
        assert texts[doc][start:end] == text
    kws = keywords_frame(texts, extractor=extractor)
    firsts = [k.occurrences[0] for ks in extractor.extract_batch(texts) for k in ks]
    assert list(zip(kws["start"], kws["end"])) == firsts
    for doc, start, end in kws[["doc", "start", "end"]].itertuples(index=False):
        assert 0 <= start < end <= len(texts[doc])
