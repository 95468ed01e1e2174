"""Type stubs for the native module ``rapidtext._rapidtext``."""

from collections.abc import Callable, Iterable
from typing import Any, Literal, Union, final

import numpy as np

#: ``progress=``: False/None for none, True for a tqdm bar, or a callable given ``(done, total)``.
_Progress = Union[bool, None, Callable[[int, int], object]]

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
