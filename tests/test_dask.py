"""Distributed results equal in-process results (Dask, two worker processes on loopback)."""

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe", reason="dask is part of the test extra")
db = pytest.importorskip("dask.bag", reason="dask is part of the test extra")
distributed = pytest.importorskip(
    "dask.distributed", reason="dask.distributed is in the test extra"
)

import rapidtext.dask as rtd
from rapidtext import EntityTagger, KeywordExtractor, Pipeline, SentenceSplitter
from rapidtext.frames import entities_frame, keywords_frame, sentences_frame

TEXTS = pd.Series(
    [
        f"Report {i} came in. Dr. Lee read it in Boston on Monday! Was it late? "
        f"Acme Corp. paid ${i}.50 to Maria Keller of Zürich."
        for i in range(40)
    ]
    + [None],
    index=[f"doc{i}" for i in range(41)],
)
PLAIN = TEXTS.tolist()  # the missing value included

# name -> (Dask function, in-process frame, in-process batch), all with the same settings.
TAGGER = EntityTagger(phrases={"PRODUCT": ["Acme Corp."]})
EXTRACTOR = KeywordExtractor(top_k=5)
ANALYSES = {
    "sentences": (rtd.sentences, sentences_frame, SentenceSplitter().split_batch),
    "entities": (
        lambda t: rtd.entities(t, tagger=TAGGER),
        lambda t: entities_frame(t, tagger=TAGGER),
        TAGGER.tag_batch,
    ),
    "keywords": (
        lambda t: rtd.keywords(t, extractor=EXTRACTOR),
        lambda t: keywords_frame(t, extractor=EXTRACTOR),
        EXTRACTOR.extract_batch,
    ),
}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.mark.parametrize("name", ANALYSES)
def test_dataframe_results_equal_in_process(client, name):
    on_dask, in_process, _ = ANALYSES[name]
    ddf = dd.from_pandas(TEXTS.to_frame("text"), npartitions=4, sort=False)
    lazy = on_dask(ddf["text"])
    got = lazy.compute().reset_index(drop=True)
    expected = in_process(TEXTS)
    assert len(expected) > 40
    # Dask stores str columns as its own string dtype (its "convert-string" option);
    # every other column keeps the exact dtype, the categorical label included.
    dask_strings = {c: got[c].dtype for c in ("doc", "text")}
    pd.testing.assert_frame_equal(got, expected.astype(dask_strings))
    # The lazy frame's meta has the computed frame's exact columns and dtypes.
    pd.testing.assert_series_equal(lazy._meta.dtypes, got.dtypes)


@pytest.mark.parametrize("name", ANALYSES)
def test_bag_results_equal_in_process(client, name):
    on_dask, _, batch = ANALYSES[name]
    got = on_dask(db.from_sequence(PLAIN, npartitions=3)).compute()
    assert got == batch(PLAIN)
    assert all(got[:-1]) and got[-1] == []


def test_work_is_spread_over_both_worker_processes(client):
    ddf = dd.from_pandas(TEXTS.to_frame("text"), npartitions=4, sort=False)
    frame = rtd.entities(ddf["text"]).persist()
    distributed.wait(frame)
    holders = {w for ws in client.who_has(frame).values() for w in ws}
    assert len(holders) == 2
    assert len(frame.compute()) > 40


def test_analyze_gives_one_doc_per_text_on_the_input_index(client):
    pipeline = Pipeline(top_k=5, entity_labels=["PER", "ORG", "LOC", "MONEY"])
    expected = pipeline.analyze_batch(PLAIN)
    ddf = dd.from_pandas(TEXTS.to_frame("text"), npartitions=3, sort=False)
    got = rtd.analyze(ddf["text"], pipeline=pipeline).compute()
    assert got.index.tolist() == TEXTS.index.tolist()
    assert got.tolist() == expected
    assert expected[0].entities and expected[0].keywords and expected[-1].sentences == []
    bag = rtd.analyze(db.from_sequence(PLAIN, npartitions=3), pipeline=pipeline)
    assert bag.compute() == expected


def test_wrong_collection_type():
    ddf = dd.from_pandas(TEXTS.to_frame("text"), npartitions=2, sort=False)
    for analysis in (rtd.sentences, rtd.entities, rtd.keywords, rtd.analyze):
        for wrong in (["not", "dask"], ddf):
            with pytest.raises(TypeError, match="dask.dataframe Series or a dask.bag"):
                analysis(wrong)
    with pytest.raises(TypeError, match="pipeline must be a rapidtext.Pipeline"):
        rtd.analyze(ddf["text"], pipeline="en")
