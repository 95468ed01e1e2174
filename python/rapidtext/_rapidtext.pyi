"""Type stubs for the native module ``rapidtext._rapidtext``."""

import os
from collections.abc import Iterable
from typing import Literal, final

from typing_extensions import Self

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

def keyword_methods() -> list[str]:
    """Names of the keyword scoring methods, the default (``"rapidrank"``) first."""

def keyword_languages() -> list[str]:
    """Codes of the languages keyword extraction supports (stop words and stemmer), sorted."""

@final
class Keyword:
    """One keyphrase of a document.

    ``text`` is the phrase as written in the document (its most frequent form),
    ``score`` is in (0, 1] with the document's best keyword at 1 (higher is better;
    comparable within one document only), ``count`` is the number of mentions and
    ``occurrences`` their ``(start, end)`` code-point spans: ``doc[start:end]`` is a
    mention (it may differ from ``text`` in case or plural).
    """

    @property
    def text(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def count(self) -> int: ...
    @property
    def occurrences(self) -> list[tuple[int, int]]: ...
    def __new__(
        cls, text: str, score: float, count: int, occurrences: list[tuple[int, int]]
    ) -> Keyword: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class KeywordExtractor:
    """Extracts keyphrases from documents.

    Args:
        language: a code from :func:`keyword_languages` (stop words and stemmer).
        method: one of :func:`keyword_methods`: ``"rapidrank"`` (default, best),
            ``"positionrank"``, ``"textrank"``, ``"yake"`` or ``"rake"``.
        ngram_range: ``(min, max)`` words per keyphrase, ``1 <= min <= max <= 8``.
        top_k: keyphrases returned per document (positive).
        stopwords: replaces the bundled stop words when given.
        extra_stopwords: added to the stop words in use.

    Candidates are runs of content words inside one sentence, ending in a noun;
    mentions that stem alike are one keyword, and a phrase that is part of a better
    one is dropped. Results are sorted by score, best first.
    """

    def __new__(
        cls,
        language: str = "en",
        method: str = "rapidrank",
        ngram_range: tuple[int, int] = (1, 3),
        top_k: int = 10,
        stopwords: Iterable[str] | None = None,
        extra_stopwords: Iterable[str] | None = None,
    ) -> KeywordExtractor: ...
    @property
    def language(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def ngram_range(self) -> tuple[int, int]: ...
    @property
    def top_k(self) -> int: ...
    @property
    def stopwords(self) -> list[str] | None: ...
    @property
    def extra_stopwords(self) -> list[str]: ...
    def extract(self, text: str, top_k: int | None = None) -> list[Keyword]:
        """The best keyphrases of ``text`` (``top_k`` overrides the configured number)."""
    def extract_batch(
        self, texts: Iterable[str], n_threads: int | None = None
    ) -> list[list[Keyword]]:
        """Keyphrases of many texts in parallel without the GIL; results in input order."""

class CorpusScorer:
    """Base of :class:`TfidfScorer` and :class:`Bm25Scorer`: keyword weights from
    statistics fitted on a corpus. Not constructed directly."""

    @property
    def language(self) -> str: ...
    @property
    def ngram_range(self) -> tuple[int, int]: ...
    @property
    def is_fitted(self) -> bool: ...
    @property
    def n_documents(self) -> int:
        """Documents the scorer was fitted on (ValueError before ``fit``)."""
    @property
    def vocabulary(self) -> list[str]:
        """The term of each matrix column (lower-cased, as first met), sorted by stem."""
    @property
    def document_frequencies(self) -> list[int]:
        """Documents mentioning each column's term."""
    def fit(self, texts: Iterable[str], n_threads: int | None = None) -> Self:
        """Counts how many documents mention each candidate term; returns ``self``."""
    def keywords(self, text: str, top_k: int = 10) -> list[Keyword]:
        """The best keyphrases of ``text`` by corpus weight (scores in (0, 1])."""
    def transform(
        self, texts: Iterable[str], n_threads: int | None = None
    ) -> tuple[list[float], list[int], list[int]]:
        """Document x term weights as CSR arrays ``(data, indices, indptr)``:
        ``scipy.sparse.csr_matrix(scorer.transform(texts), shape=(len(texts), len(scorer.vocabulary)))``.
        Terms not seen in ``fit`` are left out."""
    def score(
        self, query_terms: Iterable[str], texts: Iterable[str], n_threads: int | None = None
    ) -> list[float]:
        """How well each text matches the query phrases: the sum of their weights (0 = none)."""
    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes settings and fitted statistics as versioned JSON."""
    @staticmethod
    def load(path: str | os.PathLike[str]) -> TfidfScorer | Bm25Scorer:
        """Reads a file written by :meth:`save`; ValueError if it is not a valid one."""

@final
class TfidfScorer(CorpusScorer):
    """TF-IDF weights: ``tf * (ln((1 + N) / (1 + df)) + 1)``, tf counted per document."""

    def __new__(
        cls,
        language: str = "en",
        ngram_range: tuple[int, int] = (1, 3),
        stopwords: Iterable[str] | None = None,
        extra_stopwords: Iterable[str] | None = None,
    ) -> TfidfScorer: ...

@final
class Bm25Scorer(CorpusScorer):
    """Okapi BM25 weights: ``idf * tf (k1 + 1) / (tf + k1 (1 - b + b len / avg_len))``,
    ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``, length in content words."""

    def __new__(
        cls,
        language: str = "en",
        ngram_range: tuple[int, int] = (1, 3),
        stopwords: Iterable[str] | None = None,
        extra_stopwords: Iterable[str] | None = None,
        k1: float = 1.5,
        b: float = 0.75,
    ) -> Bm25Scorer: ...
    @property
    def k1(self) -> float: ...
    @property
    def b(self) -> float: ...
