"""Every public class pickles by reconstruction (``__reduce__``) and behaves the same
after the round trip, in this process and in a fresh one (as in a Dask/Ray worker)."""

import inspect
import pickle
import subprocess
import sys
from pathlib import Path

import rapidtext
from rapidtext import (
    Bm25Scorer,
    Doc,
    Entity,
    EntityTagger,
    Keyword,
    KeywordExtractor,
    Pipeline,
    Sentence,
    SentenceSplitter,
    TfidfScorer,
)

TEXT = (
    "Approx. 40 people met Zoë Keller at Acme Labs in Zürich on 3 May 2024.\n"
    "Keller paid €1.2 million for solar panels; the solar panels arrive in June."
)
CORPUS = [TEXT, "Solar panels are cheap. Wind farms are cheaper.", "Zoë likes wind farms."]


def _behaviour(obj):
    """What an object does on TEXT, as plain values to compare."""
    if isinstance(obj, SentenceSplitter):
        return [(s.start, s.end, s.text) for s in obj.split(TEXT)], obj.abbreviations
    if isinstance(obj, EntityTagger):
        return [(e.start, e.end, e.label, e.score) for e in obj.tag(TEXT)], obj.labels
    if isinstance(obj, KeywordExtractor):
        return [(k.text, k.score, k.occurrences) for k in obj.extract(TEXT)], repr(obj)
    if isinstance(obj, (TfidfScorer, Bm25Scorer)):
        if not obj.is_fitted:
            return repr(obj)
        return [(k.text, k.score) for k in obj.keywords(TEXT)], obj.transform(CORPUS)
    if isinstance(obj, Pipeline):
        return obj.analyze(TEXT), obj.analyses, repr(obj)
    return obj  # results compare by value


def _samples():
    """One or more configured instances of every public class."""
    tagger = EntityTagger(
        labels=["PER", "ORG", "MONEY", "LAB", "FRIEND"],
        phrases={"LAB": ["Acme Labs"]},
        patterns=[(r"\bsolar panels\b", "PRODUCT")],
        token_patterns=[('[{"LOWER": "zoë"}]', "FRIEND")],
    )
    return {
        SentenceSplitter: [
            SentenceSplitter("en", abbreviations=["approx"], newlines="split"),
            SentenceSplitter.learn(CORPUS * 3, min_count=1),
        ],
        EntityTagger: [EntityTagger(), tagger],
        KeywordExtractor: [
            KeywordExtractor(
                "en", method="yake", ngram_range=(1, 2), top_k=3, extra_stopwords=["June"]
            )
        ],
        TfidfScorer: [TfidfScorer(), TfidfScorer(ngram_range=(1, 2)).fit(CORPUS)],
        Bm25Scorer: [Bm25Scorer(k1=1.2, b=0.5).fit(CORPUS)],
        Sentence: SentenceSplitter().split(TEXT),
        Entity: tagger.tag(TEXT),
        Keyword: KeywordExtractor().extract(TEXT),
        Pipeline: [
            Pipeline(),
            Pipeline(tagger=tagger, splitter=SentenceSplitter("en", abbreviations=["approx"])),
            Pipeline("de", analyses=["keywords"], top_k=3),
        ],
        Doc: [Pipeline().analyze(TEXT), Doc("")],
    }


def test_every_public_class_has_a_sample():
    public = {obj for name in rapidtext.__all__ if inspect.isclass(obj := getattr(rapidtext, name))}
    missing = public - set(_samples())
    assert not missing, f"add samples of {missing} to tests/test_pickle.py"


def test_round_trip_keeps_behaviour():
    for cls, objects in _samples().items():
        assert objects, cls
        for obj in objects:
            # Reconstruction: a callable and its arguments, not a copy of memory.
            rebuild, args = obj.__reduce__()[:2]
            assert callable(rebuild) and isinstance(args, tuple)
            copy = pickle.loads(pickle.dumps(obj))
            assert type(copy) is cls
            assert _behaviour(copy) == _behaviour(obj), (cls, obj)


def test_round_trip_in_a_fresh_process():
    objects = [obj for group in _samples().values() for obj in group]
    code = (
        f"import pickle, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "import test_pickle as t; "
        "objs = pickle.loads(sys.stdin.buffer.read()); "
        "sys.stdout.buffer.write(pickle.dumps([t._behaviour(o) for o in objs]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=pickle.dumps(objects), capture_output=True, check=True
    )
    assert pickle.loads(out.stdout) == [_behaviour(o) for o in objects]
