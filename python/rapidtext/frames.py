"""Long-format DataFrames of analysis results, one row per span or keyword.

The columns are filled in Rust and handed over as numpy arrays, so no Python
object is made per row except its text (an entity's label is a categorical
code, not a string). pandas and polars are optional: they are imported only
when a frame of that kind is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, Union

from rapidtext._rapidtext import EntityTagger, KeywordExtractor, SentenceSplitter

Backend = Literal["pandas", "polars"]
#: ``progress=``: None/False for none, True for a tqdm bar, or a callable ``(done, total)``.
Progress = Union[bool, None, Callable[[int, int], object]]

_SENTENCE_COLUMNS = ("doc", "start", "end", "text")
_ENTITY_COLUMNS = ("doc", "start", "end", "text", "label", "score")
_KEYWORD_COLUMNS = ("doc", "rank", "text", "score", "count", "start", "end")


def _index_values(texts: Any, positions: Any) -> Any:
    """Each row's document id: the input's own index (pandas), else its position."""
    index = getattr(texts, "index", None)
    if index is not None and not callable(index):
        return index.take(positions)
    return positions


def _frame(
    columns: dict[str, Any],
    backend: Backend,
    order: tuple[str, ...],
    label_names: list[str] | None = None,
) -> Any:
    """The DataFrame of `columns` (numpy arrays, `text` a list of str) in `order`;
    `label`, if present, holds codes into `label_names` and becomes categorical."""
    if backend == "pandas":
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("pandas is needed here: pip install 'rapidtext[pandas]'") from e
        # dtype=str: the string dtype of this pandas version, also for no rows (so
        # every Dask partition has the dtype of the empty `meta` partition).
        columns["text"] = pd.Series(columns["text"], dtype=str)
        if label_names is not None:
            columns["label"] = pd.Categorical.from_codes(columns["label"], categories=label_names)
        return pd.DataFrame({name: columns[name] for name in order}, copy=False)
    try:
        import polars as pl
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("polars is needed here: pip install 'rapidtext[polars]'") from e
    columns["text"] = pl.Series(columns["text"], dtype=pl.String)
    if label_names is not None:
        # Picking from the list of names by code: no string is made per row.
        names = pl.Series(label_names, dtype=pl.Enum(label_names))
        columns["label"] = names.gather(columns["label"])
    return pl.DataFrame({name: columns[name] for name in order})


def _check_backend(backend: object) -> Backend:
    if backend not in ("pandas", "polars"):
        raise ValueError(f"backend must be 'pandas' or 'polars', got {backend!r}")
    return backend  # type: ignore[return-value]


def _texts_arg(texts: Any) -> Any:
    # A materialised sequence is needed to map rows back to the input's index.
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be an iterable of str, not a single str")
    if len(getattr(texts, "shape", ())) > 1:  # iterating a table would give its column names
        raise TypeError(
            f"texts must be one column of texts (e.g. df['text']), not a {type(texts).__name__}"
        )
    if hasattr(texts, "index") or isinstance(texts, (list, tuple)):
        return texts
    if hasattr(texts, "to_list"):  # polars Series
        return texts.to_list()
    try:
        return list(texts)
    except TypeError:
        raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}") from None


def _entity_tagger(tagger: EntityTagger | None, labels: Iterable[str] | None) -> EntityTagger:
    """`tagger` (default: the bundled one), restricted to `labels` if given."""
    if tagger is None:
        from rapidtext.entities import _tagger

        tagger = _tagger()
    return tagger if labels is None else tagger.with_labels(labels)


def _keyword_extractor(
    extractor: KeywordExtractor | None, top_k: int | None, method: str | None
) -> KeywordExtractor:
    """`extractor` (default: ``KeywordExtractor(method=method)``) returning `top_k` keywords."""
    if extractor is None:
        kwargs: dict[str, Any] = {} if method is None else {"method": method}
        return (
            KeywordExtractor(**kwargs) if top_k is None else KeywordExtractor(top_k=top_k, **kwargs)
        )
    if method is not None and method != extractor.method:
        raise ValueError("give either extractor or method, not both")
    if top_k is None or top_k == extractor.top_k:
        return extractor
    e = extractor
    return KeywordExtractor(
        e.language, e.method, e.ngram_range, top_k, e.stopwords, e.extra_stopwords
    )


def sentences_frame(
    texts: Iterable[str | None],
    *,
    splitter: SentenceSplitter | None = None,
    language: str = "en",
    backend: Backend = "pandas",
    n_threads: int | None = None,
    progress: Progress = None,
) -> Any:
    """One row per sentence: columns ``doc``, ``start``, ``end``, ``text``.

    ``doc`` is the input's index for a pandas Series, else the text's position.
    Missing values (None, NaN) give no rows. ``splitter`` defaults to
    ``SentenceSplitter(language)``; ``progress=True`` shows a tqdm bar.

    >>> sentences_frame(["One. Two.", "Three."])  # doctest: +SKIP
       doc  start  end    text
    0    0      0    4    One.
    1    0      5    9    Two.
    2    1      0    6  Three.
    """
    backend = _check_backend(backend)
    texts = _texts_arg(texts)
    splitter = splitter if splitter is not None else SentenceSplitter(language)
    columns = splitter.split_columns(texts, n_threads=n_threads, progress=progress)
    columns["doc"] = _index_values(texts, columns["doc"])
    return _frame(columns, backend, _SENTENCE_COLUMNS)


def entities_frame(
    texts: Iterable[str | None],
    *,
    tagger: EntityTagger | None = None,
    labels: Iterable[str] | None = None,
    backend: Backend = "pandas",
    n_threads: int | None = None,
    progress: Progress = None,
) -> Any:
    """One row per entity: columns ``doc``, ``start``, ``end``, ``text``, ``label``, ``score``.

    ``doc`` is the input's index for a pandas Series, else the text's position;
    ``start``/``end`` are code-point offsets (``texts[doc][start:end] == text``).
    ``label`` is categorical (pandas ``category``, polars ``Enum``) whose categories
    are every label the tagger can return, in the tagger's order; ``score`` is
    float64 in (0, 1]. Missing values (None, NaN) give no rows. ``tagger`` defaults
    to the bundled English tagger; ``labels`` keeps only those labels (replacing the
    tagger's own filter). ``progress=True`` shows a tqdm bar.

    >>> df = entities_frame(["Angela Merkel visited Paris.", None, "IBM hired Ana."])
    >>> df[["doc", "text", "label"]]  # doctest: +SKIP
       doc           text label
    0    0  Angela Merkel   PER
    1    0          Paris   LOC
    2    2            IBM   ORG
    3    2            Ana   PER
    >>> df.groupby("label", observed=True).size()["PER"]  # doctest: +SKIP
    2
    """
    backend = _check_backend(backend)
    texts = _texts_arg(texts)
    tagger = _entity_tagger(tagger, labels)
    columns, label_names = tagger.tag_columns(texts, n_threads=n_threads, progress=progress)
    columns["doc"] = _index_values(texts, columns["doc"])
    return _frame(columns, backend, _ENTITY_COLUMNS, label_names)


def keywords_frame(
    texts: Iterable[str | None],
    *,
    extractor: KeywordExtractor | None = None,
    top_k: int | None = None,
    method: str | None = None,
    backend: Backend = "pandas",
    n_threads: int | None = None,
    progress: Progress = None,
) -> Any:
    """One row per keyword: columns ``doc``, ``rank``, ``text``, ``score``, ``count``,
    ``start``, ``end``.

    Rows of a document come best first; ``rank`` counts from 0. ``text`` is the
    keyword as written in the document (its most frequent form), ``score`` is in
    (0, 1] (the document's best scores 1), ``count`` is its number of mentions, and
    ``start``/``end`` are the code-point offsets of its *first* mention (one row per
    keyword keeps ``groupby("text")`` and top-k filters simple; every mention is in
    :attr:`Keyword.occurrences` of the object API). ``doc`` is the input's index for
    a pandas Series, else the text's position; missing values give no rows.

    ``extractor`` defaults to ``KeywordExtractor(method=method)``; ``top_k`` (default:
    the extractor's, 10) is the number of keywords per document.

    >>> keywords_frame(["Solar panels are cheap. Solar panels win."], top_k=1)  # doctest: +SKIP
       doc  rank          text  score  count  start  end
    0    0     0  Solar panels    1.0      2      0   12
    """
    backend = _check_backend(backend)
    texts = _texts_arg(texts)
    extractor = _keyword_extractor(extractor, top_k, method)
    columns = extractor.extract_columns(texts, n_threads=n_threads, progress=progress)
    columns["doc"] = _index_values(texts, columns["doc"])
    return _frame(columns, backend, _KEYWORD_COLUMNS)


__all__ = ["entities_frame", "keywords_frame", "sentences_frame"]
