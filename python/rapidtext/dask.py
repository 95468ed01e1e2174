"""Run rapidtext on Dask collections, partition by partition.

Each function takes a ``dask.dataframe`` Series of texts (and returns a lazy
long-format DataFrame, like :mod:`rapidtext.frames`) or a ``dask.bag`` of texts
(and returns a bag of per-text results). Inside workers every call runs with
``n_threads=1`` by default: Dask already runs one task per core, and processes ×
threads would oversubscribe the machine. Analysers are pickled to the workers by
reconstruction, so they are cheap to ship.

>>> import dask.dataframe as dd                                   # doctest: +SKIP
>>> ddf = dd.from_pandas(df, npartitions=8)                       # doctest: +SKIP
>>> rapidtext.dask.sentences(ddf["text"]).compute()               # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rapidtext import frames
from rapidtext._rapidtext import SentenceSplitter


def _is_bag(texts: Any) -> bool:
    return type(texts).__module__.startswith("dask.bag")


def _is_dask_series(texts: Any) -> bool:
    return (
        type(texts).__module__.startswith("dask")
        and hasattr(texts, "map_partitions")
        and hasattr(texts, "_meta")
    )


def _apply(
    texts: Any,
    frame: Callable[..., Any],
    batch: Callable[..., Any],
    n_threads: int | None,
) -> Any:
    if _is_bag(texts):
        return texts.map_partitions(functools.partial(batch, n_threads=n_threads))
    if _is_dask_series(texts):
        per_partition = functools.partial(frame, n_threads=n_threads)
        # The empty partition Dask keeps as `_meta` gives the result's exact columns.
        return texts.map_partitions(per_partition, meta=per_partition(texts._meta))
    raise TypeError(
        f"texts must be a dask.dataframe Series or a dask.bag, not {type(texts).__name__}"
    )


def sentences(
    texts: Any,
    *,
    splitter: SentenceSplitter | None = None,
    language: str = "en",
    n_threads: int | None = 1,
) -> Any:
    """Sentences of every text: a lazy DataFrame (``doc``, ``start``, ``end``, ``text``)
    for a Dask Series, or a bag of ``list[Sentence]`` for a Dask bag."""
    splitter = splitter if splitter is not None else SentenceSplitter(language)
    frame = functools.partial(frames.sentences_frame, splitter=splitter)
    return _apply(texts, frame, splitter.split_batch, n_threads)


__all__ = ["sentences"]
