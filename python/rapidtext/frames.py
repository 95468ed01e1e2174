"""Long-format DataFrames of analysis results, one row per span.

The columns are filled in Rust and handed over as numpy arrays, so no Python
object is made per row except the span's text. pandas and polars are optional:
they are imported only when a frame of that kind is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from rapidtext._rapidtext import SentenceSplitter

Backend = Literal["pandas", "polars"]


def _index_values(texts: Any, positions: Any) -> Any:
    """Each row's document id: the input's own index (pandas), else its position."""
    index = getattr(texts, "index", None)
    if index is not None and not callable(index):
        return index.take(positions)
    return positions


def _frame(columns: dict[str, Any], backend: Backend) -> Any:
    if backend == "pandas":
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("pandas is needed here: pip install 'rapidtext[pandas]'") from e
        return pd.DataFrame(columns)
    try:
        import polars as pl
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("polars is needed here: pip install 'rapidtext[polars]'") from e
    return pl.DataFrame(columns)


def _check_backend(backend: object) -> Backend:
    if backend not in ("pandas", "polars"):
        raise ValueError(f"backend must be 'pandas' or 'polars', got {backend!r}")
    return backend  # type: ignore[return-value]


def _texts_arg(texts: Any) -> Any:
    # A materialised sequence is needed to map rows back to the input's index.
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be an iterable of str, not a single str")
    if hasattr(texts, "index") or isinstance(texts, (list, tuple)):
        return texts
    if hasattr(texts, "to_list"):  # polars Series
        return texts.to_list()
    try:
        return list(texts)
    except TypeError:
        raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}") from None


def sentences_frame(
    texts: Iterable[str | None],
    *,
    splitter: SentenceSplitter | None = None,
    language: str = "en",
    backend: Backend = "pandas",
    n_threads: int | None = None,
) -> Any:
    """One row per sentence: columns ``doc``, ``start``, ``end``, ``text``.

    ``doc`` is the input's index for a pandas Series, else the text's position.
    Missing values (None, NaN) give no rows. ``splitter`` defaults to
    ``SentenceSplitter(language)``.

    >>> sentences_frame(["One. Two.", "Three."])  # doctest: +SKIP
       doc  start  end    text
    0    0      0    4    One.
    1    0      5    9    Two.
    2    1      0    6  Three.
    """
    backend = _check_backend(backend)
    texts = _texts_arg(texts)
    splitter = splitter if splitter is not None else SentenceSplitter(language)
    columns = splitter.split_columns(texts, n_threads=n_threads)
    columns["doc"] = _index_values(texts, columns["doc"])
    return _frame(columns, backend)


__all__ = ["sentences_frame"]
