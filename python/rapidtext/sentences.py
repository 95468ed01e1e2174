"""Module-level sentence splitting with a cached splitter per language."""

from __future__ import annotations

from functools import cache

from rapidtext._rapidtext import Sentence, SentenceSplitter, supported_languages


@cache
def _splitter(language: str) -> SentenceSplitter:
    return SentenceSplitter(language)


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences with the default splitter for ``language``.

    Each :class:`Sentence` has ``text``, ``start`` and ``end`` (code-point offsets,
    end exclusive), so ``text[s.start:s.end] == s.text``.

    >>> [s.text for s in split_sentences("It rained. We stayed in.")]
    ['It rained.', 'We stayed in.']
    """
    if not isinstance(language, str):
        raise TypeError(f"language must be str, not {type(language).__name__}")
    return _splitter(language).split(text)


__all__ = ["split_sentences", "supported_languages"]
