"""Type stubs for the native module ``rapidtext._rapidtext``."""

import os
from collections.abc import Callable, Iterable, Mapping
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

    ``score`` is the confidence in [0, 1]: for the model's names, the mean over the
    entity's tokens of the probability of the chosen tag (higher is surer; not a
    calibrated probability); for rules, a fixed prior of the rule (1.0 for user rules).
    ``group`` and ``canonical`` tie mentions of the same thing within one text (an
    acronym defined in brackets and its uses, "Merkel" after "Angela Merkel"): the group
    number, from 0 in order of first mention, and the group's longest mention. They are
    None for numeric, date and contact entities.
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
    @property
    def group(self) -> int | None: ...
    @property
    def canonical(self) -> str | None: ...
    def __new__(
        cls,
        text: str,
        start: int,
        end: int,
        label: str,
        score: float = 1.0,
        group: int | None = None,
        canonical: str | None = None,
    ) -> Entity: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class EntityTagger:
    """Finds entities in text.

    The statistical model tags ``PER`` (people), ``ORG`` (organisations, companies,
    teams), ``LOC`` (countries, cities, places) and ``MISC`` (nationalities, events,
    products, works); rule-based recognisers add ``DATE``, ``TIME``, ``MONEY``,
    ``PERCENT``, ``QUANTITY``, ``CARDINAL``, ``ORDINAL``, ``EMAIL`` and ``URL``; user
    rules add any label. Where spans overlap, user rules win; between the model and the
    built-in recognisers the longer span wins (the model on a tie). Acronyms defined in
    brackets then tag their later uses.

    Args:
        labels: return only these labels (default: every label the tagger produces).
        phrases: phrase lists, ``{"DRUG": ["aspirin", ...]}`` or ``[(phrase, label)]``;
            matched on whole words, case-insensitively (Unicode case folding) unless
            ``case_sensitive``; the longest match wins.
        phrase_files: ``{default_label: path}``; UTF-8 files with one ``phrase`` or
            ``phrase<TAB>LABEL`` per line.
        patterns: regular expressions (Rust ``regex`` syntax), as phrases.
        token_patterns: spaCy-Matcher-style JSON token patterns, as phrases.

    ``EntityTagger()`` uses the bundled English model, parsed once per process.
    Bad rules raise ValueError naming the rule (OSError for unreadable files).
    """

    def __new__(
        cls,
        labels: Iterable[str] | None = None,
        *,
        phrases: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        phrase_files: Mapping[str, str | os.PathLike[str]] | None = None,
        patterns: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        token_patterns: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        case_sensitive: bool = False,
    ) -> EntityTagger: ...
    def with_rules(
        self,
        *,
        phrases: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        phrase_files: Mapping[str, str | os.PathLike[str]] | None = None,
        patterns: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        token_patterns: Mapping[str, Iterable[str]] | Iterable[tuple[str, str]] | None = None,
        case_sensitive: bool = False,
    ) -> EntityTagger:
        """The same model with these user rules instead of the current ones."""
    def with_labels(self, labels: Iterable[str] | None = None) -> EntityTagger:
        """The same model and rules, returning only ``labels`` (None: all)."""
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
        orders: int = 1,
        history: bool = False,
        labels: Iterable[str] | None = None,
        on_epoch: Callable[[dict[str, object]], object] | None = None,
    ) -> EntityTagger:
        """Train a tagger on ``(text, [(start, end, label), ...])`` pairs (code points).

        Any label names may be used. ``hash_bits`` sets the weight table size
        (``2**hash_bits`` rows); ``orders`` averages the models of that many example
        orders (steadier, ``orders`` times the training time); ``history`` adds a second pass that sees how the first
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
