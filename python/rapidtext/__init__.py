"""rapidtext: fast sentence splitting, entity tagging and keyword scoring.

>>> from rapidtext import split_sentences
>>> [s.text for s in split_sentences("Dr. Smith arrived. He sat down.")]
['Dr. Smith arrived.', 'He sat down.']
"""

from rapidtext._rapidtext import (
    Bm25Scorer,
    Entity,
    EntityTagger,
    Keyword,
    KeywordExtractor,
    Pipeline,
    Sentence,
    SentenceSplitter,
    TfidfScorer,
    __version__,
    default_threads,
)
from rapidtext.doc import Doc
from rapidtext.entities import extract_entities
from rapidtext.frames import entities_frame, keywords_frame, sentences_frame
from rapidtext.keywords import extract_keywords, keyword_languages, keyword_methods
from rapidtext.pipeline import analyze, analyze_batch
from rapidtext.sentences import split_sentences, supported_languages

__all__ = [
    "Bm25Scorer",
    "Doc",
    "Entity",
    "EntityTagger",
    "Keyword",
    "KeywordExtractor",
    "Pipeline",
    "Sentence",
    "SentenceSplitter",
    "TfidfScorer",
    "__version__",
    "analyze",
    "analyze_batch",
    "default_threads",
    "entities_frame",
    "extract_entities",
    "extract_keywords",
    "keyword_languages",
    "keyword_methods",
    "keywords_frame",
    "sentences_frame",
    "split_sentences",
    "supported_languages",
]
