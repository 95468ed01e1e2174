"""Module-level entity extraction with the bundled English tagger, built once per process."""

from __future__ import annotations

from functools import lru_cache

from rapidtext._rapidtext import Entity, EntityTagger


@lru_cache(maxsize=1)
def _tagger() -> EntityTagger:
    return EntityTagger()


def extract_entities(text: str) -> list[Entity]:
    """The entities of ``text`` found by the bundled English tagger, in text order.

    Each :class:`Entity` has ``text``, ``start``, ``end`` (code-point offsets, end
    exclusive), ``label`` and ``score``, so ``text[e.start:e.end] == e.text``.

    >>> [(e.text, e.label) for e in extract_entities("Angela Merkel visited Paris.")]
    [('Angela Merkel', 'PER'), ('Paris', 'LOC')]
    """
    return _tagger().tag(text)


__all__ = ["Entity", "EntityTagger", "extract_entities"]
