"""Distributed results equal in-process results (Dask, two worker processes on loopback)."""

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe", reason="dask is part of the test extra")
db = pytest.importorskip("dask.bag", reason="dask is part of the test extra")
distributed = pytest.importorskip(
    "dask.distributed", reason="dask.distributed is in the test extra"
)

import rapidtext.dask as rtd
from rapidtext import SentenceSplitter
from rapidtext.frames import sentences_frame

TEXTS = pd.Series(
    [f"Report {i} came in. Dr. Lee read it on Monday! Was it late?" for i in range(40)] + [None],
    index=[f"doc{i}" for i in range(41)],
)


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


def test_dataframe_sentences_equal_in_process(client):
    ddf = dd.from_pandas(TEXTS.to_frame("text"), npartitions=4, sort=False)
    got = rtd.sentences(ddf["text"]).compute().reset_index(drop=True)
    expected = sentences_frame(TEXTS)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_bag_sentences_equal_in_process(client):
    texts = [t for t in TEXTS if t is not None]
    got = rtd.sentences(db.from_sequence(texts, npartitions=3)).compute()
    assert got == SentenceSplitter().split_batch(texts)


def test_wrong_collection_type():
    with pytest.raises(TypeError, match="dask.dataframe Series or a dask.bag"):
        rtd.sentences(["not", "dask"])
