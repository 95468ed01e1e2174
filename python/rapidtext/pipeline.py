"""Module-level ``analyze`` and ``analyze_batch``: a :class:`Pipeline` per configuration,
built on first use and cached, so calling them in a loop costs no setup."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Callable, Union

from rapidtext._rapidtext import Pipeline
from rapidtext.doc import Doc

_Progress = Union[bool, None, Callable[[int, int], object]]


def _build(
    language: Any,
    analyses: Any,
    entity_labels: Any,
    keyword_method: Any,
    top_k: Any,
    ngram_range: Any,
) -> Pipeline:
    # Any: Pipeline itself checks every argument and names it in its errors.
    return Pipeline(
        language,
        analyses,
        entity_labels=entity_labels,
        keyword_method=keyword_method,
        top_k=top_k,
        ngram_range=ngram_range,
    )


_cached = lru_cache(maxsize=32)(_build)


def _frozen(values: Any) -> Any:
    """An iterable argument as a tuple (hashable, and a generator read only once)."""
    if values is None or isinstance(values, (str, bytes)):
        return values
    try:
        return tuple(values)
    except TypeError:
        return values  # not iterable: Pipeline raises the TypeError naming the argument


def _pipeline(
    language: Any,
    analyses: Any,
    entity_labels: Any,
    keyword_method: Any,
    top_k: Any,
    ngram_range: Any,
) -> Pipeline:
    """The pipeline for these options, built once per distinct set of options."""
    key = (
        language,
        _frozen(analyses),
        _frozen(entity_labels),
        keyword_method,
        top_k,
        _frozen(ngram_range),
    )
    try:
        hash(key)
    except TypeError:
        # Something unhashable (a list inside analyses...): Pipeline reports it.
        return _build(*key)
    return _cached(*key)


def analyze(
    text: str,
    language: str = "en",
    analyses: Iterable[str] | None = None,
    *,
    entity_labels: Iterable[str] | None = None,
    keyword_method: str | None = None,
    top_k: int | None = None,
    ngram_range: tuple[int, int] | None = None,
) -> Doc:
    """Sentences, entities and keywords of ``text`` in one call.

    The options are those of :class:`Pipeline` (``analyses=None`` runs every analysis
    available for ``language``); the pipeline for each set of options is built once
    and cached. For many texts use :func:`analyze_batch`, which runs in parallel.

    >>> doc = analyze("Angela Merkel visited Paris. The visit to Paris was short.", top_k=2)
    >>> [s.text for s in doc.sentences]
    ['Angela Merkel visited Paris.', 'The visit to Paris was short.']
    >>> [(e.text, e.label) for e in doc.entities]
    [('Angela Merkel', 'PER'), ('Paris', 'LOC'), ('Paris', 'LOC')]
    >>> [k.text for k in doc.keywords]  # best first, the best scores 1.0
    ['Angela Merkel', 'Paris']
    """
    pipeline = _pipeline(language, analyses, entity_labels, keyword_method, top_k, ngram_range)
    return pipeline.analyze(text)


def analyze_batch(
    texts: Iterable[str | None],
    language: str = "en",
    analyses: Iterable[str] | None = None,
    *,
    entity_labels: Iterable[str] | None = None,
    keyword_method: str | None = None,
    top_k: int | None = None,
    ngram_range: tuple[int, int] | None = None,
    n_threads: int | None = None,
    progress: _Progress = None,
) -> list[Doc]:
    """:func:`analyze` for many texts, in parallel without holding the GIL; input order.

    ``texts`` is any iterable of str (list, generator, pandas or polars Series); a
    missing value (None, NaN) gives an empty :class:`Doc`. ``n_threads=None`` uses every
    core; ``progress=True`` shows a tqdm bar (or pass a callable ``(done, total)``).

    >>> docs = analyze_batch(["Rain in Oslo.", None], analyses=["sentences", "entities"])
    >>> [[e.text for e in d.entities] for d in docs]
    [['Oslo'], []]
    """
    pipeline = _pipeline(language, analyses, entity_labels, keyword_method, top_k, ngram_range)
    return pipeline.analyze_batch(texts, n_threads=n_threads, progress=progress)


__all__ = ["Doc", "Pipeline", "analyze", "analyze_batch"]
