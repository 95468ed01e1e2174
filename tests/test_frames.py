"""Long-format DataFrames built from columns filled in Rust."""

import subprocess
import sys

import pandas as pd
import polars as pl
import pytest

from rapidtext import SentenceSplitter
from rapidtext.frames import sentences_frame


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
    expected = [(d, s.start, s.end, s.text) for d, ss in enumerate(splitter.split_batch(texts)) for s in ss]
    assert list(df.itertuples(index=False, name=None)) == expected


def test_bad_arguments():
    with pytest.raises(ValueError, match="backend"):
        sentences_frame(["x"], backend="arrow")
    with pytest.raises(TypeError, match="not a single str"):
        sentences_frame("just one text")


def test_importing_rapidtext_does_not_import_dataframe_libraries():
    code = "import sys, rapidtext, rapidtext.frames; print('pandas' in sys.modules, 'polars' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
