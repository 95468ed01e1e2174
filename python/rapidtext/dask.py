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
from collections.abc import Callable, Iterable
from typing import Any

from rapidtext import frames
from rapidtext._rapidtext import EntityTagger, KeywordExtractor, Pipeline, SentenceSplitter


def _is_bag(texts: Any) -> bool:
    return type(texts).__module__.startswith("dask.bag")


def _is_dask_series(texts: Any) -> bool:
    # A Dask DataFrame also has partitions and a meta; only a Series is one column of texts.
    return (
        type(texts).__module__.startswith("dask")
        and hasattr(texts, "map_partitions")
        and getattr(getattr(texts, "_meta", None), "ndim", None) == 1
    )


def _apply(
    texts: Any,
    frame: Callable[..., Any] | None,
    batch: Callable[..., Any],
    n_threads: int | None,
) -> Any:
    """Runs an analysis on each partition. A bag gets `batch(list of texts)`: one
    result per text. A Dask Series gets `frame(pandas Series)`, a long DataFrame,
    or without `frame` a Series of the per-text results of `batch` on the same index."""
    if _is_bag(texts):
        return texts.map_partitions(functools.partial(batch, n_threads=n_threads))
    if not _is_dask_series(texts):
        raise TypeError(
            f"texts must be a dask.dataframe Series or a dask.bag, not {type(texts).__name__}"
        )
    if frame is None:
        frame = functools.partial(_per_text, batch)
    per_partition = functools.partial(frame, n_threads=n_threads)
    # The empty partition Dask keeps as `_meta` gives the result's exact columns.
    return texts.map_partitions(per_partition, meta=per_partition(texts._meta))


def _per_text(batch: Callable[..., Any], texts: Any, n_threads: int | None) -> Any:
    """`batch(texts)` as a pandas Series of objects on the index of `texts`."""
    import pandas as pd

    return pd.Series(batch(texts, n_threads=n_threads), index=texts.index, dtype=object)


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


def entities(
    texts: Any,
    *,
    tagger: EntityTagger | None = None,
    labels: Iterable[str] | None = None,
    n_threads: int | None = 1,
) -> Any:
    """Entities of every text: a lazy DataFrame (``doc``, ``start``, ``end``, ``text``,
    ``label`` (categorical), ``score``) for a Dask Series, or a bag of ``list[Entity]``
    for a Dask bag. ``tagger`` defaults to the bundled one; ``labels`` filters.

    >>> ents = rapidtext.dask.entities(ddf["text"], labels=["PER", "ORG"])  # doctest: +SKIP
    >>> ents.groupby("label", observed=True).size().compute()               # doctest: +SKIP
    """
    tagger = frames._entity_tagger(tagger, labels)
    frame = functools.partial(frames.entities_frame, tagger=tagger)
    return _apply(texts, frame, tagger.tag_batch, n_threads)


def keywords(
    texts: Any,
    *,
    extractor: KeywordExtractor | None = None,
    top_k: int | None = None,
    method: str | None = None,
    n_threads: int | None = 1,
) -> Any:
    """Keywords of every text: a lazy DataFrame (``doc``, ``rank``, ``text``, ``score``,
    ``count``, ``start``, ``end``; see :func:`rapidtext.frames.keywords_frame`) for a
    Dask Series, or a bag of ``list[Keyword]`` for a Dask bag.

    >>> bag = dask.bag.from_sequence(texts, npartitions=8)                  # doctest: +SKIP
    >>> rapidtext.dask.keywords(bag, top_k=3).compute()                      # doctest: +SKIP
    """
    extractor = frames._keyword_extractor(extractor, top_k, method)
    frame = functools.partial(frames.keywords_frame, extractor=extractor)
    return _apply(texts, frame, extractor.extract_batch, n_threads)


def analyze(
    texts: Any,
    *,
    pipeline: Pipeline | None = None,
    n_threads: int | None = 1,
) -> Any:
    """Every analysis of every text, as :class:`rapidtext.Doc` objects: a lazy Series of
    ``Doc`` on the input's index for a Dask Series, or a bag of ``Doc`` for a Dask bag.
    ``pipeline`` defaults to ``Pipeline()`` (everything, English).

    >>> docs = rapidtext.dask.analyze(ddf["text"], pipeline=rapidtext.Pipeline(top_k=5))  # doctest: +SKIP
    >>> docs.map(lambda d: len(d.entities)).sum().compute()                             # doctest: +SKIP
    """
    pipeline = pipeline if pipeline is not None else Pipeline()
    if not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a rapidtext.Pipeline, not {type(pipeline).__name__}")
    return _apply(texts, None, pipeline.analyze_batch, n_threads)


__all__ = ["analyze", "entities", "keywords", "sentences"]
