"""Module-level keyword extraction with a cached extractor per configuration."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidtext._rapidtext import Keyword, KeywordExtractor, keyword_languages, keyword_methods


@lru_cache(maxsize=32)
def _extractor(language: str, method: str, ngram_range: tuple[int, int]) -> KeywordExtractor:
    return KeywordExtractor(language, method=method, ngram_range=ngram_range)


def extract_keywords(
    text: str,
    top_k: int = 10,
    language: str = "en",
    method: str = "rapidrank",
    ngram_range: tuple[int, int] = (1, 3),
    extra_stopwords: Iterable[str] | None = None,
) -> list[Keyword]:
    """The ``top_k`` keyphrases of ``text``, best first.

    Each :class:`Keyword` has ``text`` (as written in the document), ``score`` (in
    (0, 1], the best keyword of the document scores 1), ``count`` and ``occurrences``
    (code-point ``(start, end)`` spans, so ``text[start:end]`` is each mention).

    >>> [k.text for k in extract_keywords("Solar panels are cheap. Solar panels win.", top_k=1)]
    ['Solar panels']
    """
    for name, value in (("language", language), ("method", method)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be str, not {type(value).__name__}")
    if not isinstance(ngram_range, (tuple, list)):
        raise TypeError(f"ngram_range must be a (min, max) tuple, not {type(ngram_range).__name__}")
    if extra_stopwords is not None:
        extractor = KeywordExtractor(
            language, method=method, ngram_range=ngram_range, extra_stopwords=extra_stopwords
        )
    else:
        extractor = _extractor(language, method, tuple(ngram_range))
    return extractor.extract(text, top_k=top_k)


__all__ = ["extract_keywords", "keyword_languages", "keyword_methods"]
