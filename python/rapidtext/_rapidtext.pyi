"""Type stubs for the native module ``rapidtext._rapidtext``."""

from collections.abc import Callable, Iterable
from typing import Any, Literal, final

from typing_extensions import TypeAlias

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
    """One sentence of a text: ``text[start:end] == sentence.text`` (code points)."""

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
    input, with surrounding whitespace excluded. Every language has compiled-in
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
