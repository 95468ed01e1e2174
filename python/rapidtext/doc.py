"""`Doc`: one analysed text with its sentences, entities and keywords."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rapidtext.display import render_html

if TYPE_CHECKING:
    from rapidtext._rapidtext import Entity, Keyword, Sentence


class Doc:
    """The result of :meth:`rapidtext.Pipeline.analyze`: the text and what was found in it.

    Analyses the pipeline did not run are empty lists. In a notebook a ``Doc`` shows
    the text with its entities highlighted and its keywords listed.

    >>> doc = rapidtext.analyze("Angela Merkel visited Paris. The visit was short.")  # doctest: +SKIP
    >>> [e.text for e in doc.entities]                                                # doctest: +SKIP
    ['Angela Merkel', 'Paris']
    """

    __slots__ = ("entities", "keywords", "sentences", "text")

    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence] = (),
        entities: Sequence[Entity] = (),
        keywords: Sequence[Keyword] = (),
    ) -> None:
        self.text = text
        self.sentences = list(sentences)
        self.entities = list(entities)
        self.keywords = list(keywords)

    def __repr__(self) -> str:
        head = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return (
            f"Doc({head!r}, sentences={len(self.sentences)}, entities={len(self.entities)}, "
            f"keywords={len(self.keywords)})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Doc):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in Doc.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside

    def __reduce__(self) -> tuple[Any, ...]:
        return (Doc, (self.text, self.sentences, self.entities, self.keywords))

    def _repr_html_(self) -> str:
        return render_html(self.text, self.entities, self.keywords)

    def to_displacy(self) -> dict[str, Any]:
        """spaCy's "manual" format: ``displacy.render(doc.to_displacy(), style="ent", manual=True)``."""
        return {
            "text": self.text,
            "ents": [{"start": e.start, "end": e.end, "label": e.label} for e in self.entities],
            "title": None,
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (what ``python -m rapidtext analyze --json`` prints)."""
        return {
            "text": self.text,
            "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in self.sentences],
            "entities": [
                {"start": e.start, "end": e.end, "text": e.text, "label": e.label, "score": e.score}
                for e in self.entities
            ],
            "keywords": [
                {"text": k.text, "score": k.score, "count": k.count, "occurrences": k.occurrences}
                for k in self.keywords
            ],
        }


__all__ = ["Doc"]
