"""Pipeline, analyze and analyze_batch: one call equals each analysis run alone."""

import json
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import rapidtext
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidtext import (
    Doc,
    EntityTagger,
    KeywordExtractor,
    Pipeline,
    SentenceSplitter,
    analyze,
    analyze_batch,
)

NEWS = (Path(__file__).resolve().parent.parent / "examples" / "news.txt").read_text("utf-8")

TEXTS = [
    NEWS,
    "",
    "   \n ",
    "Zoë Šimić met Nguyễn in Köln on 3 March 2024. 東京の会議は終わった。She paid €4.5 million.",
    "U.S.Senators met.Then they left...\"Why?\" asked Dr. Ng 'til 3 p.m.'s end 😀 (WHO)",
    "The World Health Organization (WHO) met Angela Merkel. WHO officials said Merkel agreed.",
    NEWS.replace("\n", " ") * 2,
]


def assert_slices_back(text, doc):
    assert doc.text == text
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
    for k in doc.keywords:
        for start, end in k.occurrences:
            assert 0 <= start < end <= len(text)


@pytest.fixture(scope="module")
def nlp():
    return Pipeline()


def test_one_call_equals_each_analysis_alone(nlp):
    splitter, tagger, extractor = SentenceSplitter(), EntityTagger(), KeywordExtractor()
    for text in TEXTS:
        doc = nlp.analyze(text)
        assert isinstance(doc, Doc)
        assert doc.sentences == splitter.split(text)
        assert doc.entities == tagger.tag(text)
        assert doc.keywords == extractor.extract(text)
        assert_slices_back(text, doc)
    news = nlp.analyze(NEWS)
    assert len(news.sentences) == 8
    assert ("World Health Organization", "ORG") in {(e.text, e.label) for e in news.entities}
    assert len(news.keywords) == 10 and news.keywords[0].score == 1.0


def test_configured_objects_are_used_as_given():
    splitter = SentenceSplitter("en", abbreviations=["approx"], newlines="split")
    tagger = EntityTagger(labels=["PER", "DRUG"], phrases={"DRUG": ["aspirin"]})
    extractor = KeywordExtractor("en", method="yake", top_k=3, extra_stopwords=["aspirin"])
    nlp = Pipeline(splitter=splitter, tagger=tagger, extractor=extractor)
    assert nlp.splitter is splitter and nlp.tagger is tagger and nlp.extractor is extractor
    text = "Angela Merkel took aspirin approx. twice.\nShe felt better after the aspirin dose."
    doc = nlp.analyze(text)
    assert doc.sentences == splitter.split(text)
    assert len(doc.sentences) == 2
    assert {(e.text, e.label) for e in doc.entities} == {
        ("Angela Merkel", "PER"),
        ("aspirin", "DRUG"),
    }
    # Keyword candidates stay within the pipeline's sentences; here they are the
    # extractor's own too, so the keywords equal the extractor alone.
    assert doc.keywords == extractor.extract(text)
    assert all(k.text.lower() != "aspirin" for k in doc.keywords)


def test_options_configure_the_default_objects():
    nlp = Pipeline(entity_labels=["LOC"], keyword_method="textrank", top_k=2, ngram_range=(1, 2))
    assert nlp.tagger.labels == ["LOC"]
    assert (nlp.extractor.method, nlp.extractor.top_k, nlp.extractor.ngram_range) == (
        "textrank",
        2,
        (1, 2),
    )
    doc = nlp.analyze(NEWS)
    assert {e.label for e in doc.entities} == {"LOC"}
    assert doc.keywords == KeywordExtractor(method="textrank", top_k=2, ngram_range=(1, 2)).extract(
        NEWS
    )


def test_analyses_choose_what_runs():
    nlp = Pipeline(analyses=["keywords", "sentences"])
    assert nlp.analyses == ("sentences", "keywords")
    assert nlp.tagger is None
    doc = nlp.analyze(NEWS)
    assert doc.entities == [] and doc.sentences and doc.keywords
    only_entities = Pipeline(analyses=("entities",)).analyze(NEWS)
    assert only_entities.sentences == [] and only_entities.keywords == []
    assert only_entities.entities == EntityTagger().tag(NEWS)


def test_language_picks_the_available_analyses():
    de = Pipeline("de")
    assert de.language == "de" and de.analyses == ("sentences", "keywords")
    text = "Die Europäische Zentralbank hob am 12. Juni die Zinsen an. Die Banken reagierten."
    doc = de.analyze(text)
    assert doc.sentences == SentenceSplitter("de").split(text)
    assert len(doc.sentences) == 2
    assert doc.keywords == KeywordExtractor("de").extract(text)
    # Keywords only ("pt" has no sentence rules of its own) and sentences only ("ja").
    assert Pipeline("pt").analyses == ("keywords",)
    assert Pipeline("ja").analyses == ("sentences",)
    # The language of the objects given is the pipeline's.
    assert Pipeline(splitter=SentenceSplitter("fr")).language == "fr"


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"analyses": ["sentences", "nouns"]}, ValueError, ["nouns", "sentences, entities"]),
        ({"analyses": "sentences"}, TypeError, ["analyses", "single str"]),
        ({"analyses": []}, ValueError, ["analyses"]),
        ({"analyses": [1]}, TypeError, ["analyses[0]"]),
        ({"language": "xx"}, ValueError, ["language", "xx"]),
        ({"language": "de", "analyses": ["entities"]}, ValueError, ["entities", "English"]),
        ({"language": 3}, TypeError, ["language"]),
        ({"top_k": 0}, ValueError, ["top_k"]),
        ({"ngram_range": (3, 1)}, ValueError, ["ngram_range"]),
        ({"keyword_method": "bert"}, ValueError, ["keyword_method", "rapidrank"]),
        ({"entity_labels": "PER"}, TypeError, ["entity_labels"]),
        ({"entity_labels": [""]}, ValueError, ["entity_labels"]),
        ({"splitter": "en"}, TypeError, ["splitter", "SentenceSplitter"]),
        ({"tagger": KeywordExtractor()}, TypeError, ["tagger", "EntityTagger"]),
        ({"tagger": EntityTagger(), "entity_labels": ["PER"]}, ValueError, ["entity_labels"]),
        ({"extractor": KeywordExtractor(), "top_k": 3}, ValueError, ["top_k", "extractor"]),
        ({"analyses": ["sentences"], "top_k": 3}, ValueError, ["top_k", "keywords"]),
        ({"analyses": ["keywords"], "tagger": EntityTagger()}, ValueError, ["tagger"]),
        ({"language": "en", "splitter": SentenceSplitter("de")}, ValueError, ["splitter"]),
    ],
)
def test_bad_arguments_name_the_argument(kwargs, error, words):
    with pytest.raises(error) as info:
        Pipeline(**kwargs)
    for word in words:
        assert word in str(info.value)


def test_bad_texts(nlp):
    with pytest.raises(TypeError, match="text must be str"):
        nlp.analyze(b"bytes")
    with pytest.raises(TypeError, match="texts"):
        nlp.analyze_batch("one string")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        nlp.analyze_batch(["fine", 3])
    with pytest.raises(ValueError, match="n_threads"):
        nlp.analyze_batch(["fine"], n_threads=0)
    with pytest.raises(ValueError, match="surrogate"):
        nlp.analyze("bad \ud800 text")


def test_batch_equals_single_on_any_thread_count(nlp):
    texts = TEXTS * 3
    single = [nlp.analyze(t) for t in texts]
    assert nlp.analyze_batch(texts, n_threads=1) == single
    assert nlp.analyze_batch(texts, n_threads=2) == single
    assert nlp.analyze_batch(iter(texts)) == single


def test_missing_values_give_empty_docs(nlp):
    docs = nlp.analyze_batch(["Rain in Oslo.", None, float("nan"), ""])
    assert [e.text for e in docs[0].entities] == ["Oslo"]
    for doc in docs[1:]:
        assert doc == Doc("")


def test_series_inputs(nlp):
    pd = pytest.importorskip("pandas")
    series = pd.Series(["Rain in Oslo.", None, "Snow in Bergen."], index=[10, 20, 30])
    docs = nlp.analyze_batch(series)
    assert [[e.text for e in d.entities] for d in docs] == [["Oslo"], [], ["Bergen"]]
    pl = pytest.importorskip("polars")
    assert nlp.analyze_batch(pl.Series(["Rain in Oslo.", None, "Snow in Bergen."])) == docs


def test_progress_callback_sees_every_text(nlp):
    reports = []
    nlp.analyze_batch(TEXTS, progress=lambda done, total: reports.append((done, total)))
    assert reports and reports[-1] == (len(TEXTS), len(TEXTS))


def test_pipeline_and_docs_pickle():
    nlp = Pipeline(
        splitter=SentenceSplitter("en", abbreviations=["approx"]),
        tagger=EntityTagger(phrases={"DRUG": ["aspirin"]}),
        top_k=4,
    )
    again = pickle.loads(pickle.dumps(nlp))
    assert again.analyses == nlp.analyses and again.language == nlp.language
    assert again.splitter.abbreviations == ["approx"]
    assert again.extractor.top_k == 4
    assert repr(again) == repr(nlp)
    text = "She took aspirin approx. twice in Paris. It helped."
    doc = nlp.analyze(text)
    assert again.analyze(text) == doc
    assert ("aspirin", "DRUG") in {(e.text, e.label) for e in doc.entities}
    assert pickle.loads(pickle.dumps(doc)) == doc
    keywords_only = Pipeline(analyses=["keywords"])
    assert pickle.loads(pickle.dumps(keywords_only)).analyses == ("keywords",)


def test_pipeline_is_immutable_and_shared_between_threads(nlp):
    with pytest.raises(AttributeError):
        nlp.language = "de"
    expected = [nlp.analyze(t) for t in TEXTS]
    barrier = threading.Barrier(4)

    def run(_):
        barrier.wait()
        return [nlp.analyze(t) for t in TEXTS]

    with ThreadPoolExecutor(4) as pool:
        for got in pool.map(run, range(4)):
            assert got == expected


def test_module_level_functions():
    text = "Angela Merkel visited Paris. The visit to Paris was short."
    doc = analyze(text, top_k=2)
    assert doc == Pipeline(top_k=2).analyze(text)
    assert [s.text for s in doc.sentences] == [
        "Angela Merkel visited Paris.",
        doc.sentences[1].text,
    ]
    assert len(doc.keywords) == 2
    docs = analyze_batch([text, None], analyses=["entities"], entity_labels=["LOC"], n_threads=1)
    assert [[e.text for e in d.entities] for d in docs] == [["Paris", "Paris"], []]
    # One pipeline per configuration, built once (lists and tuples alike).
    from rapidtext.pipeline import _pipeline

    a = _pipeline("en", ["sentences"], None, None, None, None)
    assert a is _pipeline("en", ("sentences",), None, None, None, None)
    with pytest.raises(ValueError, match="nouns"):
        analyze(text, analyses=["nouns"])
    with pytest.raises(TypeError, match="analyses"):
        analyze(text, analyses=[["sentences"]])
    assert rapidtext.analyze is analyze


def test_doc_to_dict_is_json(nlp):
    record = json.loads(json.dumps(nlp.analyze(NEWS).to_dict(), ensure_ascii=False))
    assert record["text"] == NEWS
    for s in record["sentences"]:
        assert NEWS[s["start"] : s["end"]] == s["text"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_spans_slice_back_for_any_unicode(text):
    nlp = Pipeline(top_k=5)
    doc = nlp.analyze(text)
    assert_slices_back(text, doc)
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    assert all(s.text.strip() for s in doc.sentences)
    assert nlp.analyze_batch([text, text], n_threads=2) == [doc, doc]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Dr. Keller",
                "met",
                "the WHO",
                "in Paris",
                ".",
                "\n",
                "Zoë",
                "$4.5 billion",
                "東京",
                " ",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_sentence_like_text_equals_each_analysis_alone(text):
    doc = Pipeline().analyze(text)
    assert doc.sentences == SentenceSplitter().split(text)
    assert doc.entities == EntityTagger().tag(text)
    assert doc.keywords == KeywordExtractor().extract(text)
