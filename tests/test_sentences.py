"""Behaviour of the sentence splitter's Python face."""

import pickle

import pytest
import rapidtext
from rapidtext import Sentence, SentenceSplitter, split_sentences, supported_languages


def texts(sentences):
    return [s.text for s in sentences]


def test_basic_split_and_offsets():
    text = "Dr. Smith paid $3.50 to Mr. Jones. Zoë left! Was it 3 p.m.? Yes."
    got = split_sentences(text)
    assert texts(got) == [
        "Dr. Smith paid $3.50 to Mr. Jones.",
        "Zoë left!",
        "Was it 3 p.m.?",
        "Yes.",
    ]
    for s in got:
        assert text[s.start : s.end] == s.text


def test_offsets_are_code_points_for_astral_text():
    text = "𝒳𝒴 is odd. 😀 Emoji too. Ünïcödé ends."
    got = split_sentences(text)
    assert len(got) == 3
    for s in got:
        assert text[s.start : s.end] == s.text


def test_empty_and_whitespace_give_nothing():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\u3000 ") == []


def test_blank_line_always_ends_a_sentence():
    text = "A heading without stop\n\nThe body follows here"
    assert texts(split_sentences(text)) == ["A heading without stop", "The body follows here"]


def test_newline_modes():
    text = "one line here\nanother line here"
    assert len(SentenceSplitter(newlines="split").split(text)) == 2
    assert len(SentenceSplitter(newlines="ignore").split(text)) == 1


def test_custom_abbreviations():
    text = "It weighs kgs. Ten tons in all."
    assert len(SentenceSplitter().split(text)) == 2
    custom = SentenceSplitter(abbreviations=["Kgs."])
    assert texts(custom.split(text)) == [text]
    assert custom.abbreviations == ["kgs"]


def test_batch_matches_single_calls_in_order():
    docs = [f"Doc {i}. It has {i} parts. Done." for i in range(300)] + ["", "One"]
    splitter = SentenceSplitter()
    single = [splitter.split(d) for d in docs]
    for n in (None, 1, 2, 7):
        assert splitter.split_batch(docs, n_threads=n) == single
    assert splitter.split_batch(iter(docs)) == single
    assert splitter.split_batch([]) == []


def test_batch_missing_values_give_empty_rows():
    nan = float("nan")
    got = SentenceSplitter().split_batch(["Yes. No.", None, nan, "Maybe."])
    assert [len(r) for r in got] == [2, 0, 0, 1]


def test_sentence_value_semantics_and_pickle():
    s = Sentence("Hi.", 0, 3)
    assert s == Sentence("Hi.", 0, 3)
    assert s != Sentence("Hi.", 1, 4)
    assert len({s, Sentence("Hi.", 0, 3)}) == 1
    assert repr(s) == "Sentence(start=0, end=3, text='Hi.')"
    assert pickle.loads(pickle.dumps(s)) == s
    assert s != "Hi." and s != (0, 3)
    with pytest.raises(TypeError):
        _ = s < Sentence("Hi.", 0, 3)
    with pytest.raises(AttributeError):
        s.start = 1


def test_split_sentences_equal_hand_built_ones():
    text = "Zoë left. Was it 3 p.m.? Yes."
    got = split_sentences(text)
    built = [Sentence(text[s.start : s.end], s.start, s.end) for s in got]
    assert got == built
    assert [hash(s) for s in got] == [hash(s) for s in built]
    assert [repr(s) for s in got] == [repr(s) for s in built]
    # The same text at other offsets, or other text at the same offsets, differs.
    assert got[0] != Sentence("Zoë left.", 1, 10)
    assert split_sentences("Bob left. Was it 3 p.m.? Yes.")[0] != got[0]
    assert pickle.loads(pickle.dumps(got)) == got


@pytest.mark.parametrize(
    "args, error, message",
    [
        (("abc", 0, 5), ValueError, "end - start code points long; got 3"),
        (("abc", 3, 0), ValueError, "end - start"),
        (("abc", -1, 2), OverflowError, "negative"),
        ((b"abc", 0, 3), TypeError, "text"),
        (("ok \ud800", 0, 4), ValueError, "lone surrogate"),
        (("abc", 0), TypeError, "end"),
    ],
)
def test_sentence_constructor_checks_its_arguments(args, error, message):
    with pytest.raises(error, match=message):
        Sentence(*args)


def test_sentence_cannot_be_subclassed():
    with pytest.raises(TypeError):
        type("Mine", (Sentence,), {})
    splitter = SentenceSplitter("en", abbreviations=["approx"], newlines="split")
    clone = pickle.loads(pickle.dumps(splitter))
    assert repr(clone) == repr(splitter)
    assert clone.newlines == "split" and clone.abbreviations == ["approx"]


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: split_sentences(b"bytes"), TypeError, "text must be str, not bytes"),
        (lambda: split_sentences(None), TypeError, "text must be str"),
        (lambda: split_sentences("x", language="xx"), ValueError, "supported"),
        (lambda: split_sentences("ok \ud800 no"), ValueError, "lone surrogate at index 3"),
        (lambda: SentenceSplitter().split_batch("a str"), TypeError, "iterable of str"),
        (lambda: SentenceSplitter().split_batch(["a", 1]), TypeError, r"texts\[1\] must be str"),
        (lambda: SentenceSplitter().split_batch(["a", "\udfff"]), ValueError, r"texts\[1\]"),
        (lambda: SentenceSplitter().split_batch(["a"], n_threads=0), ValueError, "n_threads"),
        (lambda: SentenceSplitter().split_batch(["a"], n_threads="2"), TypeError, "n_threads"),
        (lambda: SentenceSplitter(newlines="maybe"), ValueError, "newlines must be one of"),
        (lambda: SentenceSplitter(abbreviations="etc"), TypeError, "abbreviations"),
    ],
)
def test_bad_input_raises_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_supported_languages_and_version():
    assert "en" in rapidtext.supported_languages()
    assert rapidtext.__version__
    assert rapidtext.default_threads() >= 1


def test_progress_callback_sees_every_item_and_errors_propagate():
    docs = ["One. Two."] * 1000
    seen = []
    got = SentenceSplitter().split_batch(
        docs, n_threads=2, progress=lambda d, t: seen.append((d, t))
    )
    assert len(got) == 1000
    assert seen[-1] == (1000, 1000) and all(t == 1000 for _, t in seen)

    def boom(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        SentenceSplitter().split_batch(docs, progress=boom)


def test_progress_true_draws_a_tqdm_bar(capsys):
    pytest.importorskip("tqdm", reason="tqdm is part of the test extra")
    SentenceSplitter().split_batch(["A b. C d."] * 300, progress=True)
    assert "300/300" in capsys.readouterr().err


LANGUAGE_SAMPLES = {
    "am": ("እንደምን አለህ፧መልካም ቀን ይሁንልህ።", 2),
    "ar": ("كيف حالك؟ أنا بخير.", 2),
    "bg": ("Това е изречение. Още едно.", 2),
    "da": ("Det er den 5. maj i dag. Vi ses.", 2),
    "de": ("Wir treffen uns am 12. Juni, d.h. bald. Bis dann.", 2),
    "el": ("Πού είναι; Εδώ είναι.", 2),
    "en": ("Mr. Smith is here. He waits.", 2),
    "es": ("El Sr. García llegó. ¿Qué tal?", 2),
    "fa": ("شما کجایی هستید؟ من از تهران هستم.", 2),
    "fr": ("M. Dupont est arrivé. Il attend.", 2),
    "hi": ("नमस्ते। आप कैसे हैं?", 2),
    "hy": ("Ի՞նչ ես մտածում: Ոչինչ:", 2),
    "it": ("Il sig. Rossi è qui. Aspetta.", 2),
    "ja": ("これはペンです。それはマーカーです。", 2),
    "kk": ("Бұл сөйлем. Тағы біреуі.", 2),
    "mr": ("आज दसरा आहे. आज खूप शुभ दिवस आहे.", 2),
    "my": ("ခင္ဗ်ားနာမည္ဘယ္လိုေခၚလဲ။၇ွင္ေနေကာင္းလား။", 2),
    "nl": ("Dhr. Jansen is er. Hij wacht.", 2),
    "pl": ("Prof. Nowak jest tutaj. Czeka.", 2),
    "ru": ("Проф. Иванов пришёл. Он ждёт.", 2),
    "sk": ("Prof. Novák je tu. Čaká.", 2),
    "ur": ("کیا حال ہے؟ میں ٹھیک ہوں۔", 2),
    "zh": ("我们明天去吗？好！", 2),
}


def test_every_supported_language_has_data_and_splits():
    assert sorted(LANGUAGE_SAMPLES) == supported_languages()
    for code, (text, n) in LANGUAGE_SAMPLES.items():
        got = SentenceSplitter(code).split(text)
        assert len(got) == n, (code, [s.text for s in got])
        assert all(text[s.start : s.end] == s.text for s in got)


LEARN_CORPUS = [
    "The fees were paid by Acme Whse. last year. They rose qty. ten percent.",
    "Shipments to Acme Whse. arrive on Mondays. The load was qty. four tons.",
    "We met the supplier this year. It was qty. noon when the truck left.",
    "The yard is big. The truck is red. We left the yard. The day was hot.",
    "Ten tons of sand came last week. The sand weighed four tons. We paid.",
    "Acme Whse. said it would ship qty. two more loads in the spring.",
    "A clerk at Acme Whse. wrote that qty. half had been paid.",
]


def test_learn_finds_abbreviations_and_uses_them():
    learned = SentenceSplitter.learn(LEARN_CORPUS)
    assert {"qty", "whse"} <= set(learned.abbreviations)
    assert not {"year", "yard", "tons", "paid"} & set(learned.abbreviations)
    text = "It held qty. Ten tons, says Acme Whse. They know."
    assert len(SentenceSplitter().split(text)) == 3
    assert [s.text for s in learned.split(text)] == [
        "It held qty. Ten tons, says Acme Whse.",
        "They know.",
    ]
    clone = pickle.loads(pickle.dumps(learned))
    assert clone.abbreviations == learned.abbreviations


def test_learn_keeps_user_abbreviations_and_checks_arguments():
    learned = SentenceSplitter.learn(LEARN_CORPUS, abbreviations=["Kgs."], newlines="split")
    assert "kgs" in learned.abbreviations and learned.newlines == "split"
    assert SentenceSplitter.learn([]).abbreviations == []
    with pytest.raises(TypeError, match="texts"):
        SentenceSplitter.learn("one string")
    with pytest.raises(ValueError, match="min_count"):
        SentenceSplitter.learn(LEARN_CORPUS, min_count=0)
    with pytest.raises(ValueError, match="threshold"):
        SentenceSplitter.learn(LEARN_CORPUS, threshold=float("nan"))
    with pytest.raises(ValueError, match="language"):
        SentenceSplitter.learn(LEARN_CORPUS, language="xx")
