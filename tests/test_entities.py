"""Behaviour of the entity tagger's Python face: the bundled model, training, model files."""

from __future__ import annotations

import json
import pickle
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidtext import Entity, EntityTagger, extract_entities

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "entities_news.jsonl"
NER_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"


def fixture():
    with open(FIXTURE, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def found(text, tagger=None):
    entities = (tagger or EntityTagger()).tag(text)
    return [(e.text, e.label) for e in entities]


def test_fixture_sentences_recall_and_offsets():
    """Hand-written news sentences (title before a name, headline, acronym, non-ASCII names):
    most expected entities are found with the right label, and every offset slices back."""
    tagger = EntityTagger()
    expected = hits = 0
    for doc in fixture():
        got = tagger.tag(doc["text"])
        for e in got:
            assert doc["text"][e.start : e.end] == e.text
            assert 0.0 <= e.score <= 1.0
        pairs = {(e.text, e.label) for e in got}
        expected += len(doc["entities"])
        hits += sum((t, lab) in pairs for t, lab in doc["entities"])
    assert hits / expected >= 0.7, f"{hits}/{expected}"


def test_title_abbreviation_is_not_part_of_the_name():
    assert ("Angela Merkel", "PER") in found("Dr. Angela Merkel met reporters in Paris.")
    assert ("John Smith", "PER") in found("Mr. John Smith resigned on Friday.")


def test_non_ascii_offsets_are_code_points():
    text = "𝒳 Prime Minister Nguyễn Xuân Phúc visited Tokyo with Zoë Šimić."
    got = EntityTagger().tag(text)
    assert ("Tokyo", "LOC") in [(e.text, e.label) for e in got]
    for e in got:
        assert text[e.start : e.end] == e.text


def test_label_filter_and_module_function():
    text = "Angela Merkel visited Paris and met Emmanuel Macron."
    only_loc = EntityTagger(labels=["LOC"])
    assert only_loc.labels == ["LOC"]
    assert [e.label for e in only_loc.tag(text)] == ["LOC"]
    assert extract_entities(text) == EntityTagger().tag(text)


def test_empty_and_odd_input():
    tagger = EntityTagger()
    assert tagger.tag("") == []
    assert tagger.tag(" \n\t ") == []
    assert tagger.tag_batch([]) == []
    for text in ["(((", "’s", "a" * 10_000, "\u0301\u0301", "🙂 " * 100]:
        for e in tagger.tag(text):
            assert text[e.start : e.end] == e.text


def test_bad_input_types():
    tagger = EntityTagger()
    with pytest.raises(TypeError, match="text"):
        tagger.tag(b"bytes")
    with pytest.raises(TypeError, match="texts"):
        tagger.tag_batch("a single string")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        tagger.tag_batch(["ok", 3])
    with pytest.raises(ValueError, match="n_threads"):
        tagger.tag_batch(["ok"], n_threads=0)
    with pytest.raises(ValueError, match="surrogate"):
        tagger.tag("bad \ud800 text")
    with pytest.raises(TypeError, match="labels"):
        EntityTagger(labels="PER")


def test_batch_matches_single_and_threads():
    texts = [d["text"] for d in fixture()] * 5
    tagger = EntityTagger()
    single = [tagger.tag(t) for t in texts]
    assert tagger.tag_batch(texts) == single
    assert tagger.tag_batch(texts, n_threads=1) == single
    results = {}

    def work(i):
        results[i] = tagger.tag_batch(texts, n_threads=2)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == single for r in results.values())


def test_entity_value_semantics_and_pickle():
    e = Entity("Paris", 3, 8, "LOC", 0.5)
    assert e == Entity("Paris", 3, 8, "LOC", 0.5)
    assert e != Entity("Paris", 3, 8, "ORG", 0.5)
    assert len({e, Entity("Paris", 3, 8, "LOC", 0.5)}) == 1
    assert pickle.loads(pickle.dumps(e)) == e
    assert "LOC" in repr(e) and "'Paris'" in repr(e)
    with pytest.raises(AttributeError):
        e.label = "PER"
    tagger = EntityTagger(labels=["PER"])
    copy = pickle.loads(pickle.dumps(tagger))
    assert copy.labels == ["PER"]


TOY = [
    ("Anna Berg flew to Oslo on Monday .", [(0, 9, "PER"), (18, 22, "LOC")]),
    ("Oslo greeted Anna Berg warmly .", [(0, 4, "LOC"), (13, 22, "PER")]),
    ("Lars Holm met Anna Berg in Bergen .", [(0, 9, "PER"), (14, 23, "PER"), (27, 33, "LOC")]),
    ("Nothing happened in the afternoon .", []),
]


def test_train_save_load_round_trip(tmp_path):
    seen = []
    tagger = EntityTagger.train(TOY, epochs=5, hash_bits=14, on_epoch=seen.append)
    assert [s["epoch"] for s in seen if s["phase"] == "names"] == [1, 2, 3, 4, 5]
    assert tagger.labels[:2] == ["PER", "LOC"]  # then the built-in recognisers' labels
    text = "Anna Berg flew to Oslo on Monday ."
    assert found(text, tagger) == [("Anna Berg", "PER"), ("Oslo", "LOC"), ("Monday", "DATE")]
    path = tmp_path / "toy.rtner"
    tagger.save(path)
    loaded = EntityTagger.load(path)
    assert loaded.tag(text) == tagger.tag(text)
    assert pickle.loads(pickle.dumps(tagger)).tag(text) == tagger.tag(text)
    two_pass = EntityTagger.train(TOY, epochs=3, hash_bits=14, history=True)
    assert two_pass.to_bytes() != tagger.to_bytes()


def test_train_custom_labels_and_code_point_offsets():
    text = "Zoë took aspirin and ibuprofen ."
    tagger = EntityTagger.train([(text, [(9, 16, "DRUG"), (21, 30, "DRUG")])] * 3, hash_bits=12)
    assert tagger.labels[0] == "DRUG"
    got = tagger.tag(text)
    assert [(e.text, e.label) for e in got] == [("aspirin", "DRUG"), ("ibuprofen", "DRUG")]


def test_train_rejects_bad_examples():
    with pytest.raises(ValueError, match="empty"):
        EntityTagger.train([])
    with pytest.raises(ValueError, match="no entities"):
        EntityTagger.train([("no names", [])])
    with pytest.raises(ValueError, match=r"examples\[0\]\[1\]\[0\]"):
        EntityTagger.train([("short", [(0, 50, "PER")])])
    with pytest.raises(TypeError, match=r"examples\[0\]"):
        EntityTagger.train([("text only",)])
    with pytest.raises(TypeError, match=r"examples\[0\]\[1\]\[0\]"):
        EntityTagger.train([("Oslo", [(0, 4)])])
    with pytest.raises(ValueError, match="hash_bits"):
        EntityTagger.train(TOY, hash_bits=40)
    with pytest.raises(ValueError, match="stopped"):
        EntityTagger.train(TOY, on_epoch=lambda s: (_ for _ in ()).throw(ValueError("stopped")))


def test_corrupt_and_hostile_model_files(tmp_path):
    good = EntityTagger.train(TOY, epochs=2, hash_bits=12).to_bytes()
    cases = {
        "empty": b"",
        "not a model": b"hello world, this is not a model file at all",
        "truncated": good[: len(good) // 2],
        "flipped": good[:100] + bytes([good[100] ^ 0xFF]) + good[101:],
        "appended": good + b"\0",
    }
    for name, data in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.rtner"
        path.write_bytes(data)
        with pytest.raises(ValueError, match="invalid model file"):
            EntityTagger.load(path)
        with pytest.raises(ValueError):
            EntityTagger.from_bytes(data)
    with pytest.raises(FileNotFoundError):
        EntityTagger.load(tmp_path / "missing.rtner")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_offsets_property(text):
    for e in EntityTagger().tag(text):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Anna",
                "Berg",
                "Paris",
                "U.S.",
                "the",
                "(",
                ")",
                "'s",
                "Zoë",
                "İstanbul",
                "NEW",
                "YORK",
                ",",
                ".",
                "\n",
                "  ",
            ]
        ),
        max_size=40,
    )
)
def test_spans_ordered_and_disjoint(words):
    text = " ".join(words)
    got = EntityTagger().tag(text)
    for a, b in zip(got, got[1:]):
        assert a.end <= b.start


def test_dev_set_accuracy_is_reported_by_bench_script():
    if not NER_DATA.exists():
        pytest.skip(
            f"shared NER data not found at {NER_DATA}; accuracy is measured by "
            "bench/eval_entities.py"
        )
    with open(NER_DATA / "conll2003.dev.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    tagger = EntityTagger(labels=["PER", "ORG", "LOC", "MISC"])  # CoNLL gold has only names
    tp = fp = fn = 0
    for d, got in zip(docs, tagger.tag_batch([d["text"] for d in docs])):
        gold = {tuple(e) for e in d["entities"]}
        pred = {(e.start, e.end, e.label) for e in got}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    assert 2 * tp / (2 * tp + fp + fn) > 0.85


def test_cli_entities_json_and_text():
    import subprocess
    import sys

    text = "Angela Merkel visited Paris on Monday.\n"
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "rapidtext", "entities", "-", *a],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    out = run("--json")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert ("Angela Merkel", "PER") in [(r["text"], r["label"]) for r in records]
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
    plain = run("--labels", "LOC")
    assert plain.returncode == 0
    assert plain.stdout.splitlines() == ["LOC\tParis"]


def test_pattern_entities_and_label_choice():
    text = "Angela Merkel paid $4.5 billion on March 3, 2024, about 25% more."
    got = found(text)
    assert ("Angela Merkel", "PER") in got
    assert ("$4.5 billion", "MONEY") in got
    assert "DATE" in {lab for _, lab in got} and "PERCENT" in {lab for _, lab in got}
    assert {lab for _, lab in found(text, EntityTagger(labels=["PER", "ORG", "LOC", "MISC"]))} == {
        "PER"
    }


def test_user_rules_win_and_pickle():
    text = "Zoë took Aspirin Forte and ibuprofen in Paris ."
    tagger = EntityTagger(
        phrases={"DRUG": ["aspirin forte", "ibuprofen"]},
        patterns=[(r"\bParis\b", "CITY")],
        token_patterns=[('[{"LOWER": "zoë"}]', "FRIEND")],
    )
    got = found(text, tagger)
    assert ("Aspirin Forte", "DRUG") in got and ("ibuprofen", "DRUG") in got
    assert ("Paris", "CITY") in got  # a user rule beats the model's LOC
    assert ("Zoë", "FRIEND") in got
    assert {"DRUG", "CITY", "FRIEND"} <= set(tagger.labels)
    copy = pickle.loads(pickle.dumps(tagger))
    assert found(text, copy) == got
    narrowed = tagger.with_labels(["DRUG"])
    assert [lab for _, lab in found(text, narrowed)] == ["DRUG", "DRUG"]


def test_phrase_files_and_rule_errors(tmp_path):
    path = tmp_path / "drugs.txt"
    path.write_text("aspirin\nparacetamol\tPAINKILLER\n", encoding="utf-8")
    tagger = EntityTagger(phrase_files={"DRUG": path})
    assert found("Aspirin or paracetamol?", tagger) == [
        ("Aspirin", "DRUG"),
        ("paracetamol", "PAINKILLER"),
    ]
    with pytest.raises(ValueError, match="pattern 0"):
        EntityTagger(patterns=[("(", "X")])
    with pytest.raises(TypeError, match="patterns"):
        EntityTagger(patterns=3)
    with pytest.raises(OSError):
        EntityTagger(phrase_files={"DRUG": tmp_path / "missing.txt"})


def test_acronyms_and_aliases_grouped():
    text = (
        "The World Health Organization (WHO) met Angela Merkel on Monday. "
        "WHO officials said Merkel agreed."
    )
    got = EntityTagger().tag(text)
    by_text = {}
    for e in got:
        by_text.setdefault(e.text, []).append(e)
    who = by_text["WHO"]
    full = by_text["World Health Organization"][0]
    assert all(e.group == full.group and e.canonical == full.canonical for e in who)
    assert full.canonical == "World Health Organization"
    assert by_text["Merkel"][0].group == by_text["Angela Merkel"][0].group
    assert by_text["Merkel"][0].canonical == "Angela Merkel"
    money = [e for e in EntityTagger().tag("It cost $5.") if e.label == "MONEY"]
    assert money and money[0].group is None and money[0].canonical is None


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork()")
def test_batch_after_fork():
    import multiprocessing

    texts = [d["text"] for d in fixture()]
    tagger = EntityTagger()
    expected = [[(e.text, e.label) for e in es] for es in tagger.tag_batch(texts, n_threads=2)]
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        got = pool.apply_async(_tag_in_child, (texts,)).get(timeout=60)
    assert got == expected


def _tag_in_child(texts):
    es = EntityTagger().tag_batch(texts, n_threads=2)
    return [[(e.text, e.label) for e in x] for x in es]
