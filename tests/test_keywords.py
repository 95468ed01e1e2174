"""Keyword extraction and corpus scoring from Python. Fixtures are written for these tests."""

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidtext import (
    Bm25Scorer,
    Keyword,
    KeywordExtractor,
    TfidfScorer,
    extract_keywords,
    keyword_languages,
    keyword_methods,
)
from rapidtext._rapidtext import CorpusScorer

NEWS = (
    "FRANKFURT - The European Central Bank raised interest rates on Thursday, the third "
    "increase this year, as inflation in the euro zone stayed high. The European Central "
    "Bank said energy prices drove inflation. Christine Lagarde, president of the European "
    "Central Bank, told reporters that interest rates would stay high. Economists expect "
    "the euro zone economy to slow. Lagarde's comments pushed the euro higher against the "
    "dollar, and bank shares fell in Frankfurt."
)

ABSTRACT = (
    "Adaptive noise cancellation for speech recognition\n"
    "We present an adaptive noise cancellation method for robust speech recognition in "
    "cars. The method estimates the noise spectrum from a reference microphone and "
    "subtracts it before feature extraction. Speech recognition accuracy improves by 20% "
    "over spectral subtraction on a noisy digit task."
)

UNICODE = "Zoë Šimić leads the café association in Zürich. The café association of Zürich grew."

STOPWORD_SAMPLES = {
    "de": "und",
    "en": "the",
    "es": "los",
    "fr": "les",
    "it": "della",
    "nl": "het",
    "pt": "para",
    "ru": "что",
}


def stems(k):
    return " ".join(w.lower().rstrip("s") for w in k.text.split())


@pytest.mark.parametrize("method", keyword_methods())
@pytest.mark.parametrize("doc", [NEWS, ABSTRACT, UNICODE])
def test_occurrences_slice_back_and_scores_are_sorted_in_range(method, doc):
    found = KeywordExtractor(method=method).extract(doc)
    assert found
    scores = [k.score for k in found]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0
    assert all(0.0 < s <= 1.0 for s in scores)
    for k in found:
        assert k.count == len(k.occurrences) >= 1
        mentions = [doc[a:b] for a, b in k.occurrences]
        assert k.text in mentions
        # A mention is the phrase (maybe inflected) or, for a name, its short form.
        assert all(
            m.lower()[:3] == k.text.lower()[:3] or k.text.lower().endswith(m.lower())
            for m in mentions
        )
        assert k.occurrences == sorted(k.occurrences)


def test_default_method_finds_the_topic_noun_phrases():
    top = [k.text for k in extract_keywords(NEWS, top_k=5)]
    assert top[0] == "European Central Bank"
    assert "interest rates" in top
    # One phrase, not its variants; no verb fragments.
    assert "Central Bank" not in top and "Bank" not in top
    assert not any(t.split()[0].lower() in {"raised", "said", "told", "expect"} for t in top)


def test_no_duplicate_stems_and_plural_forms_merge():
    doc = "Solar panel makers sell solar panels. Solar panels are cheap; the solar panel wins."
    found = extract_keywords(doc, top_k=10)
    keys = [stems(k) for k in found]
    assert len(keys) == len(set(keys))
    panel = [k for k in found if stems(k) == "solar panel"]
    assert panel and panel[0].count == 4


def test_names_and_possessives():
    found = extract_keywords(NEWS, top_k=10)
    texts = [k.text for k in found]
    assert "Christine Lagarde" in texts and "Lagarde" not in texts
    person = found[texts.index("Christine Lagarde")]
    assert [NEWS[a:b] for a, b in person.occurrences] == ["Christine Lagarde", "Lagarde"]
    assert person.count == 2
    assert not any("'s" in t for t in texts)
    assert not any(t in {"Christine", "Lagarde Christine"} for t in texts)


def test_unicode_offsets_are_code_points():
    for k in extract_keywords(UNICODE):
        for a, b in k.occurrences:
            assert UNICODE[a:b].lower().startswith(k.text.lower()[:2])
    texts = [k.text.lower() for k in extract_keywords(UNICODE)]
    assert "café association" in texts


def test_empty_and_blank_text():
    assert extract_keywords("") == []
    assert KeywordExtractor().extract("   \n ") == []
    assert KeywordExtractor().extract("the of and to") == []


def test_batch_matches_single_calls_in_order():
    ex = KeywordExtractor(top_k=5)
    docs = [NEWS, ABSTRACT, "", UNICODE] * 3
    assert ex.extract_batch(docs, n_threads=2) == [ex.extract(d) for d in docs]
    assert ex.extract_batch(docs) == ex.extract_batch(docs, n_threads=1)
    assert ex.extract_batch([NEWS, None, float("nan")]) == [ex.extract(NEWS), [], []]
    seen = []
    ex.extract_batch(docs, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (len(docs), len(docs))


def test_top_k_and_ngram_range():
    assert len(extract_keywords(NEWS, top_k=3)) == 3
    ex = KeywordExtractor(ngram_range=(2, 2))
    assert all(len(k.text.split()) == 2 for k in ex.extract(NEWS))
    assert len(KeywordExtractor(top_k=4).extract(NEWS)) == 4
    assert len(KeywordExtractor(top_k=4).extract(NEWS, top_k=2)) == 2


def test_user_stopwords_replace_or_extend():
    base = [k.text for k in KeywordExtractor().extract(NEWS)]
    assert "interest rates" in base
    extended = [k.text for k in KeywordExtractor(extra_stopwords=["interest"]).extract(NEWS)]
    assert not any("interest" in t.lower() for t in extended)
    replaced = KeywordExtractor(stopwords=["the"], top_k=30).extract(NEWS)
    words = {w for k in replaced for w in k.text.lower().split()}
    assert "the" not in words
    assert words & {"and", "in", "that", "as", "of"}, "the bundled list must no longer apply"


@pytest.mark.parametrize("language", keyword_languages())
def test_each_language_loads_its_stopwords(language):
    word = STOPWORD_SAMPLES[language]
    doc = f"Alpha {word} Beta {word} Alpha"
    texts = [k.text.lower() for k in KeywordExtractor(language).extract(doc)]
    assert texts and all(word not in t.split() for t in texts)


def test_languages_cover_the_brief():
    assert set(keyword_languages()) >= {"en", "de", "fr", "es", "it", "pt", "nl", "ru"}
    assert keyword_methods()[0] == "rapidrank"


def test_bad_input():
    with pytest.raises(ValueError, match="language must be one of .*en"):
        KeywordExtractor("xx")
    with pytest.raises(ValueError, match="method must be one of .*rapidrank.*yake"):
        KeywordExtractor(method="bert")
    for bad in (0, -3):
        with pytest.raises(ValueError, match="top_k"):
            KeywordExtractor(top_k=bad)
        with pytest.raises(ValueError, match="top_k"):
            extract_keywords(NEWS, top_k=bad)
    with pytest.raises(ValueError, match="ngram_range"):
        KeywordExtractor(ngram_range=(3, 1))
    with pytest.raises(ValueError, match="ngram_range"):
        KeywordExtractor(ngram_range=(0, 2))
    with pytest.raises(TypeError, match="text must be str"):
        KeywordExtractor().extract(b"bytes")
    with pytest.raises(TypeError, match="text must be str"):
        extract_keywords(None)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        KeywordExtractor().extract_batch(["ok", 3])
    with pytest.raises(TypeError, match="texts must be an iterable"):
        KeywordExtractor().extract_batch("one string")
    with pytest.raises(TypeError, match="language"):
        KeywordExtractor(5)
    with pytest.raises(ValueError, match="n_threads"):
        KeywordExtractor().extract_batch([NEWS], n_threads=0)
    with pytest.raises(ValueError, match="surrogate"):
        KeywordExtractor().extract("bad \ud800 text")


def test_keyword_value_semantics_and_pickling():
    found = extract_keywords(NEWS)
    k = found[0]
    assert isinstance(k, Keyword)
    assert pickle.loads(pickle.dumps(k)) == k
    assert hash(pickle.loads(pickle.dumps(k))) == hash(k)
    assert k != found[1]
    assert "European Central Bank" in repr(k)
    assert Keyword("a", 1.0, 1, [(0, 1)]) == Keyword("a", 1.0, 1, [(0, 1)])


def test_extractor_pickles_with_its_settings():
    ex = KeywordExtractor(
        "en", method="yake", ngram_range=(1, 2), top_k=4, extra_stopwords=["euro"]
    )
    back = pickle.loads(pickle.dumps(ex))
    assert (back.method, back.ngram_range, back.top_k, back.extra_stopwords) == (
        "yake",
        (1, 2),
        4,
        ["euro"],
    )
    assert back.extract(NEWS) == ex.extract(NEWS)
    assert "yake" in repr(ex)


CORPUS = [
    NEWS,
    ABSTRACT,
    "The central bank of Japan kept interest rates low. Bank shares rose in Tokyo.",
    "Solar panels and wind turbines supplied a record share of power in Spain.",
]


@pytest.mark.parametrize("cls", [TfidfScorer, Bm25Scorer])
def test_corpus_scorer_fit_transform_score(cls):
    scorer = cls()
    assert not scorer.is_fitted
    with pytest.raises(ValueError, match="fit"):
        scorer.keywords(NEWS)
    assert scorer.fit(CORPUS) is scorer
    assert scorer.is_fitted and scorer.n_documents == 4
    vocab = scorer.vocabulary
    assert len(vocab) == len(scorer.document_frequencies) > 10
    assert "interest rates" in vocab
    assert scorer.document_frequencies[vocab.index("interest rates")] == 2
    data, indices, indptr = scorer.transform(CORPUS)
    assert len(indptr) == len(CORPUS) + 1 and indptr[0] == 0 and indptr[-1] == len(data)
    assert all(0 <= i < len(vocab) for i in indices) and all(d > 0 for d in data)
    ranks = scorer.score(["solar panels", "wind turbine"], CORPUS)
    assert ranks[3] > 0 and ranks[0] == ranks[1] == ranks[2] == 0
    top = scorer.keywords(NEWS, top_k=5)
    assert len(top) == 5 and top[0].score == 1.0
    for k in top:
        assert all(NEWS[a:b] for a, b in k.occurrences)


def test_rarer_terms_weigh_more_with_tfidf():
    scorer = TfidfScorer().fit(CORPUS)
    vocab = scorer.vocabulary
    data, indices, _ = scorer.transform([CORPUS[2]])
    row = dict(zip(indices, data))
    assert row[vocab.index("japan")] > row[vocab.index("interest rates")]


def test_scipy_compatible_matrix():
    sparse = pytest.importorskip("scipy.sparse")
    scorer = Bm25Scorer().fit(CORPUS)
    m = sparse.csr_matrix(scorer.transform(CORPUS), shape=(4, len(scorer.vocabulary)))
    assert m.shape == (4, len(scorer.vocabulary)) and m.nnz > 0


@pytest.mark.parametrize("cls", [TfidfScorer, Bm25Scorer])
def test_corpus_scorer_save_load_pickle(cls, tmp_path):
    scorer = cls(extra_stopwords=["euro"]).fit(CORPUS)
    path = tmp_path / "stats.json"
    scorer.save(path)
    loaded = CorpusScorer.load(path)
    assert type(loaded) is cls
    assert loaded.vocabulary == scorer.vocabulary
    assert loaded.score(["interest rates"], CORPUS) == scorer.score(["interest rates"], CORPUS)
    back = pickle.loads(pickle.dumps(scorer))
    assert type(back) is cls and back.transform(CORPUS) == scorer.transform(CORPUS)
    unfitted = pickle.loads(pickle.dumps(cls()))
    assert not unfitted.is_fitted


def test_bm25_parameters_are_checked_and_kept():
    s = Bm25Scorer(k1=1.2, b=0.5)
    assert (s.k1, s.b) == (1.2, 0.5)
    assert pickle.loads(pickle.dumps(s)).k1 == 1.2
    with pytest.raises(ValueError, match="b must be"):
        Bm25Scorer(b=2.0)
    with pytest.raises(ValueError, match="k1"):
        Bm25Scorer(k1=-1.0)
    with pytest.raises(ValueError, match="at least one"):
        Bm25Scorer().fit([])
    with pytest.raises(TypeError, match="query_terms"):
        Bm25Scorer().fit(CORPUS).score("solar", CORPUS)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        '{"format": "something else", "version": 1}',
        None,  # truncated real file
        "TAMPER",  # a real file with an impossible document frequency
    ],
)
def test_corrupt_statistics_file_is_a_value_error(tmp_path, content):
    path = tmp_path / "stats.json"
    TfidfScorer().fit(CORPUS).save(path)
    real = path.read_text(encoding="utf-8")
    if content is None:
        content = real[: len(real) // 2]
    elif content == "TAMPER":
        content = real.replace('"documents":4', '"documents":1', 1)
        assert content != real
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        CorpusScorer.load(path)
    path.write_bytes(b"\xff\xfe binary")
    with pytest.raises(ValueError):
        TfidfScorer.load(path)


def test_missing_statistics_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        CorpusScorer.load(tmp_path / "absent.json")


WORDS = [
    "Bank",
    "bank",
    "banks",
    "solar",
    "panel",
    "panels",
    "Zoë",
    "café",
    "the",
    "of",
    "and",
    "raised",
    "to",
    "run",
    "İstanbul",
    "data",
    "mining",
    "3-day",
    "U.S.",
    "'s",
    "ﬁre",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", "! ", "; "]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=80),
    st.sampled_from(keyword_methods()),
)
def test_properties_on_generated_text(pieces, method):
    text = "".join(w + s for w, s in pieces)
    found = KeywordExtractor(method=method, top_k=20).extract(text)
    scores = [k.score for k in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)
    keys = set()
    for k in found:
        for a, b in k.occurrences:
            assert 0 <= a < b <= len(text)
            assert text[a:b].strip() == text[a:b]
        assert k.text in {text[a:b] for a, b in k.occurrences}
        key = tuple(w.lower() for w in k.text.split())
        assert key not in keys
        keys.add(key)
