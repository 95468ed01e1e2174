"""Type stubs for the native module ``rapidtext._rapidtext``."""

import os
from collections.abc import Callable, Iterable
from typing import Literal, final

__version__: str

def default_threads() -> int:
    """Number of threads a batch call uses when ``n_threads`` is None (every core)."""

def supported_languages() -> list[str]:
    """Codes of the languages :class:`SentenceSplitter` supports, sorted."""

@final
class Sentence:
    """One sentence of a text: ``text[start:end] == sentence.text`` (code points)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def __new__(cls, text: str, start: int, end: int) -> Sentence: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class SentenceSplitter:
    """Splits text into sentences.

    Args:
        language: a code from :func:`supported_languages` (default ``"en"``).
        abbreviations: extra abbreviations that do not end a sentence, with or
            without their final period (``["approx", "Ref."]``).
        newlines: how a single line break is read: ``"auto"`` decides from the
            text around it, ``"split"`` ends a sentence at every line break,
            ``"ignore"`` reads it as a space. A blank line always ends a sentence.

    The splitter never rewrites text: each :class:`Sentence` is a span of the
    input, with surrounding whitespace excluded.
    """

    def __new__(
        cls,
        language: str = "en",
        abbreviations: Iterable[str] | None = None,
        newlines: Literal["auto", "split", "ignore"] = "auto",
    ) -> SentenceSplitter: ...
    @property
    def language(self) -> str: ...
    @property
    def newlines(self) -> str: ...
    @property
    def abbreviations(self) -> list[str]:
        """The user's additional abbreviations, lower-cased, without final period."""
    def split(self, text: str) -> list[Sentence]:
        """The sentences of ``text``, in order; ``[]`` for empty or blank text."""
    def split_batch(
        self, texts: Iterable[str], n_threads: int | None = None
    ) -> list[list[Sentence]]:
        """Split many texts in parallel without holding the GIL; results in input order.

        ``n_threads=None`` uses every core (:func:`default_threads`).
        """

@final
class Entity:
    """One entity: ``text[start:end] == entity.text`` (code points), with a label.

    ``score`` is the tagger's confidence in [0, 1] (the mean, over the entity's tokens,
    of the softmax probability of the chosen tag; higher is surer, not a calibrated
    probability); entities from rules have score 1.0.
    """

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def score(self) -> float: ...
    def __new__(
        cls, text: str, start: int, end: int, label: str, score: float = 1.0
    ) -> Entity: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class EntityTagger:
    """Finds named entities: ``PER`` (people), ``ORG`` (organisations, companies, teams),
    ``LOC`` (countries, cities, places), ``MISC`` (nationalities, events, products, works).

    ``EntityTagger()`` uses the bundled English model (CoNLL-2003 + UNER EWT), parsed
    once per process. ``labels`` keeps only those labels in the output.
    """

    def __new__(cls, labels: Iterable[str] | None = None) -> EntityTagger: ...
    @property
    def labels(self) -> list[str]:
        """The labels this tagger returns."""
    def tag(self, text: str) -> list[Entity]:
        """The entities of ``text``, in text order, not overlapping."""
    def tag_batch(
        self, texts: Iterable[str], n_threads: int | None = None
    ) -> list[list[Entity]]:
        """Tag many texts in parallel without holding the GIL; results in input order."""
    @staticmethod
    def train(
        examples: Iterable[tuple[str, Iterable[tuple[int, int, str]]]],
        *,
        epochs: int = 10,
        hash_bits: int = 20,
        seed: int = 1,
        history: bool = False,
        labels: Iterable[str] | None = None,
        on_epoch: Callable[[dict[str, object]], object] | None = None,
    ) -> EntityTagger:
        """Train a tagger on ``(text, [(start, end, label), ...])`` pairs (code points).

        Any label names may be used. ``hash_bits`` sets the weight table size
        (``2**hash_bits`` rows); ``history`` adds a second pass that sees how the first
        labelled the same word elsewhere in the document. ``on_epoch`` receives
        ``{"phase", "epoch", "seconds", "token_accuracy"}`` after each epoch.
        Raises ValueError for empty examples, offsets outside the text, or bad options.
        """
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model to ``path`` (a versioned, checksummed binary file)."""
    @staticmethod
    def load(path: str | os.PathLike[str], labels: Iterable[str] | None = None) -> EntityTagger:
        """Read a model written by :meth:`save`; a corrupt file raises ValueError."""
    @staticmethod
    def from_bytes(data: bytes, labels: Iterable[str] | None = None) -> EntityTagger:
        """A tagger from the bytes :meth:`to_bytes` returned."""
    def to_bytes(self) -> bytes:
        """The model file's bytes."""
