"""The English Golden Rules (tests/fixtures/golden_en.jsonl) and, when ../shared is present,
every language's golden cases from the shared SBD data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rapidtext import SentenceSplitter, supported_languages

FIXTURES = Path(__file__).parent / "fixtures"
_WS = re.compile(r"\s+")


def collapsed(sentences):
    return [_WS.sub(" ", s) for s in sentences]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


GOLDEN_EN = read_jsonl(FIXTURES / "golden_en.jsonl")


def test_fixture_has_all_52_rules():
    assert [row["id"] for row in GOLDEN_EN] == [f"en-golden-{i:02d}" for i in range(1, 53)]


@pytest.mark.parametrize("row", GOLDEN_EN, ids=[row["id"] for row in GOLDEN_EN])
def test_english_golden_rule(row):
    got = [s.text for s in SentenceSplitter("en").split(row["text"])]
    assert collapsed(got) == collapsed(row["sentences"]), row["name"]


def shared_sbd() -> Path | None:
    repo = Path(__file__).resolve().parents[1]
    for parent in repo.parents:
        candidate = parent / "shared" / "data" / "sbd"
        if candidate.is_dir():
            return candidate
    return None


def test_every_language_with_shared_golden_cases_is_supported():
    sbd = shared_sbd()
    if sbd is None:
        pytest.skip("../shared/data/sbd is absent: per-language golden cases not checked")
    passed = total = 0
    for path in sorted(sbd.glob("golden_*.jsonl")):
        code = path.stem.split("_", 1)[1]
        assert code in supported_languages(), code
        splitter = SentenceSplitter(code)
        for row in read_jsonl(path):
            if row.get("clean") or row.get("doc_type"):
                continue
            got = [s.text for s in splitter.split(row["text"])]
            passed += collapsed(got) == collapsed(row["sentences"])
            total += 1
    # A floor over all languages, not the figure: bench/eval_sentences.py prints the rates.
    assert passed >= 0.9 * total, (passed, total)
