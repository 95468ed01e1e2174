"""Type stubs for the native module ``rapidtext._rapidtext``."""

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, final

from typing_extensions import Self, TypeAlias, disjoint_base

from rapidtext.doc import Doc

#: ``progress=``: False/None for none, True for a tqdm bar, or a callable given ``(done, total)``.
_Progress: TypeAlias = bool | None | Callable[[int, int], object]

__version__: str

def default_threads() -> int:
    """Number of threads a batch call uses when ``n_threads`` is None (every core)."""

def supported_languages() -> list[str]:
    """Codes of the languages :class:`SentenceSplitter` supports, sorted."""

def _sentence_boundary_features(text: str, language: str) -> list[tuple[int, list[int]]]:
    """Private: the boundary model's candidate gaps (code-point end, feature hashes), for
    ``bench/sentences_train/train_boundary_model.py``."""

@final
class Sentence:
    """One sentence of a text: ``text[start:end] == sentence.text`` (code points).

    Like ``re.Match``, a sentence refers to the text it was found in and slices its
    ``text`` from it when asked, so keeping a sentence keeps that text alive. Built by
    hand, ``Sentence(text, start, end)`` needs ``len(text) == end - start``.
    """

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def __new__(cls, text: str, start: int, end: int) -> Sentence: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class SentenceSplitter:
    """Splits text into sentences.

    Args:
        language: a code from :func:`supported_languages` (default ``"en"``).
        abbreviations: extra abbreviations that do not end a sentence, with or
            without their final period (``["approx", "Ref."]``).
        newlines: how a single line break is read. A blank line always ends a
            sentence.

            - ``"auto"`` (default): looks at the document's lines. In hard-wrapped
              text (lines filled up to a width, as in e-mail or text from a PDF) a
              break where the next word would not have fitted is a space; a break
              before a word that would have fitted ends the sentence (headings, lists).
              Otherwise every break ends a sentence, except after a title or initial
              (``"Dr.\\nSmith"``) or before a lower-case continuation of a line of
              three or more words. A line starting with a bullet or list marker always
              starts a sentence.
            - ``"split"``: every line break ends a sentence (one sentence per line).
            - ``"ignore"``: a single line break is read as a space.

    The splitter never rewrites text: each :class:`Sentence` is a span of the
    input, with surrounding whitespace excluded (whitespace is what ``str.isspace()``
    counts, for every analysis). Every language has compiled-in
    abbreviations; terminators of other scripts (``。！？ । ۔ ؟ ։ ። ။``, Greek ``;``)
    are recognised. For English, gaps that no terminator marks ("We met at the office
    Thanks for coming") are scored by a small compiled-in model trained on UD English-EWT.
    Work is linear in the length of the text.
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
    @staticmethod
    def learn(
        texts: Iterable[str],
        language: str = "en",
        abbreviations: Iterable[str] | None = None,
        newlines: Literal["auto", "split", "ignore"] = "auto",
        min_count: int = 2,
        threshold: float = 0.3,
    ) -> SentenceSplitter:
        """A splitter that also knows the abbreviations found in ``texts`` (no labels needed).

        A word type counts as an abbreviation when it is written with a final period
        far more often than periods occur in general (a log-likelihood ratio, after
        NLTK's Punkt), shrunk for long words and for every use without a period. The
        learned words join ``abbreviations`` (see :attr:`abbreviations`); the splitter
        pickles like any other.

        Args:
            texts: the corpus, an iterable of str (a few thousand sentences or more).
            min_count: fewest uses with a final period a word needs (>= 1).
            threshold: lowest score kept (>= 0); raise it to learn fewer words.
        """
    @property
    def abbreviations(self) -> list[str]:
        """The user's additional and learned abbreviations, lower-cased, without final
        period, sorted (the bundled list of the language is not included)."""
    def split(self, text: str) -> list[Sentence]:
        """The sentences of ``text``, in order; ``[]`` for empty or blank text."""
    def split_batch(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> list[list[Sentence]]:
        """Split many texts in parallel without holding the GIL; results in input order.

        ``texts`` is any iterable of str (list, generator, pandas/polars Series);
        missing values (None, NaN) give ``[]``. ``n_threads=None`` uses every core
        (:func:`default_threads`). ``progress=True`` shows a tqdm bar.
        """
    def split_columns(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> dict[str, Any]:
        """Columns for a long-format DataFrame: ``doc`` (position in ``texts``), ``start``,
        ``end`` (int64 numpy arrays) and ``text`` (list of str). See :mod:`rapidtext.frames`."""

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
    mention (it may differ from ``text`` in case or plural, or be a short form of a
    name: "Lagarde" for "Christine Lagarde").
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
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
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
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> list[list[Keyword]]:
        """Keyphrases of many texts in parallel without the GIL; results in input order.

        Missing values (None, NaN) give ``[]``; ``progress=True`` shows a tqdm bar.
        """
    def extract_columns(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> dict[str, Any]:
        """Columns for a long-format DataFrame, one row per keyword, best first within a
        document: ``doc`` (position in ``texts``), ``rank`` (0 = best), ``score``,
        ``count``, ``start``/``end`` of the first mention (int64/float64 numpy arrays) and
        ``text`` (list of str). See :func:`rapidtext.frames.keywords_frame`."""

@disjoint_base
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
    def fit(self, texts: Iterable[str | None], n_threads: int | None = None) -> Self:
        """Counts how many documents mention each candidate term; returns ``self``."""
    def keywords(self, text: str, top_k: int = 10) -> list[Keyword]:
        """The best keyphrases of ``text`` by corpus weight (scores in (0, 1])."""
    def transform(
        self, texts: Iterable[str | None], n_threads: int | None = None
    ) -> tuple[list[float], list[int], list[int]]:
        """Document x term weights as CSR arrays ``(data, indices, indptr)``:
        ``scipy.sparse.csr_matrix(scorer.transform(texts), shape=(len(texts), len(scorer.vocabulary)))``.
        Terms not seen in ``fit`` are left out."""
    def score(
        self,
        query_terms: Iterable[str],
        texts: Iterable[str | None],
        n_threads: int | None = None,
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

def _scorer_from_json(json: str) -> TfidfScorer | Bm25Scorer:
    """Rebuilds a scorer from its saved JSON (used by pickling and :meth:`CorpusScorer.load`)."""

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
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> list[list[Entity]]:
        """Tag many texts in parallel without holding the GIL; results in input order.

        Missing values (None, NaN) give ``[]``; ``progress=True`` shows a tqdm bar."""
    def tag_columns(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> tuple[dict[str, Any], list[str]]:
        """Columns for a long-format DataFrame and the label names: ``doc`` (position in
        ``texts``), ``start``, ``end`` (int64), ``label`` (int32 codes into the names, which
        start with :attr:`labels`), ``score`` (float64) as numpy arrays, and ``text`` (list
        of str). See :func:`rapidtext.frames.entities_frame`."""
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

_Analysis: TypeAlias = Literal["sentences", "entities", "keywords"]

@final
class Pipeline:
    """Sentences, entities and keywords of a text in one call, as a :class:`~rapidtext.Doc`.

    Build it once and reuse it: it is immutable, safe to share between threads, and
    pickles (for multiprocessing, Dask, Spark). The text is split into sentences once
    and tokenized once; entity tagging and keyword scoring read the same tokens, and
    keyword candidates never cross the sentences returned. Results equal those of
    :class:`SentenceSplitter`, :class:`EntityTagger` and :class:`KeywordExtractor` run
    alone with the same settings.

    Args:
        language: language code; ``None`` takes the language of the ``splitter`` or
            ``extractor`` given, else ``"en"``. Must match the objects given.
        analyses: names among ``"sentences"``, ``"entities"``, ``"keywords"``.
            ``None`` runs every analysis available for ``language`` (entities: English
            only; keywords: :func:`keyword_languages`; sentences:
            :func:`supported_languages`) plus any given as an object.
        entity_labels: keep only these entity labels (default: all).
        keyword_method: one of :func:`keyword_methods` (default ``"rapidrank"``).
        top_k: keywords per document (default 10).
        ngram_range: ``(min, max)`` words per keyword (default ``(1, 3)``).
        splitter, tagger, extractor: configured objects to use instead of the
            defaults (custom abbreviations, phrase lists, stop words, a trained model).
            The options above configure only the defaults: giving both raises ValueError.

    Bad arguments raise TypeError (wrong type) or ValueError (unknown analysis or
    language, options for an analysis not run), naming the argument.

    >>> nlp = Pipeline(top_k=3)
    >>> doc = nlp.analyze("Angela Merkel visited Paris. The visit to Paris was short.")
    >>> [s.text for s in doc.sentences]
    ['Angela Merkel visited Paris.', 'The visit to Paris was short.']
    >>> [(e.text, e.label) for e in doc.entities]
    [('Angela Merkel', 'PER'), ('Paris', 'LOC'), ('Paris', 'LOC')]
    >>> [k.text for k in doc.keywords]
    ['Angela Merkel', 'Paris', 'visit']
    >>> docs = nlp.analyze_batch(["First text.", None, "Third."], n_threads=2)
    """

    def __new__(
        cls,
        language: str | None = None,
        analyses: Iterable[_Analysis] | None = None,
        *,
        entity_labels: Iterable[str] | None = None,
        keyword_method: str | None = None,
        top_k: int | None = None,
        ngram_range: tuple[int, int] | None = None,
        splitter: SentenceSplitter | None = None,
        tagger: EntityTagger | None = None,
        extractor: KeywordExtractor | None = None,
    ) -> Pipeline: ...
    @staticmethod
    def _from_parts(
        language: str,
        splitter: SentenceSplitter | None,
        tagger: EntityTagger | None,
        extractor: KeywordExtractor | None,
    ) -> Pipeline:
        """Rebuilds a pipeline from its parts (used by pickling)."""
    @property
    def language(self) -> str: ...
    @property
    def analyses(self) -> tuple[_Analysis, ...]:
        """The analyses run, in the order sentences, entities, keywords."""
    @property
    def splitter(self) -> SentenceSplitter | None: ...
    @property
    def tagger(self) -> EntityTagger | None: ...
    @property
    def extractor(self) -> KeywordExtractor | None: ...
    def analyze(self, text: str) -> Doc:
        """The :class:`~rapidtext.Doc` of ``text``: its sentences, entities and keywords
        (empty lists for analyses not run). Offsets are code points:
        ``text[e.start:e.end] == e.text``."""
    def analyze_batch(
        self,
        texts: Iterable[str | None],
        n_threads: int | None = None,
        progress: _Progress = None,
    ) -> list[Doc]:
        """Analyse many texts in parallel without holding the GIL; results in input order.

        ``texts`` is any iterable of str (list, generator, pandas/polars Series);
        missing values (None, NaN) give an empty ``Doc``. ``n_threads=None`` uses every
        core (:func:`default_threads`). ``progress=True`` shows a tqdm bar.
        """
