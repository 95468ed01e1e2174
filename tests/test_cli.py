"""The command line, run as a user would."""

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "news.txt"


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "rapidtext", *args],
        input=stdin, capture_output=True, text=True, check=False, timeout=60,
    )


def test_sentences_human_readable_from_stdin():
    out = run("sentences", "-", stdin="First one. Second one.")
    assert out.returncode == 0
    assert out.stdout.splitlines() == ["First one.", "Second one."]


def test_sentences_json_offsets_slice_back():
    text = EXAMPLE.read_text(encoding="utf-8")
    out = run("sentences", "--json", str(EXAMPLE))
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) >= 5
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]


def test_missing_file_is_a_clean_error():
    out = run("sentences", "no/such/file.txt")
    assert out.returncode == 1
    assert "No such file" in out.stderr and "Traceback" not in out.stderr


def test_keywords_human_readable_and_json():
    text = EXAMPLE.read_text(encoding="utf-8")
    out = run("keywords", "--top-k", "3", str(EXAMPLE))
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert len(lines) == 3
    score, count, phrase = lines[0].split("\t")
    assert float(score) == 1.0 and int(count) >= 1 and phrase
    out = run("keywords", "--json", "--method", "yake", "-", stdin=text)
    assert out.returncode == 0
    for line in out.stdout.splitlines():
        record = json.loads(line)
        assert 0 < record["score"] <= 1
        assert record["text"] in {text[a:b] for a, b in record["occurrences"]}


def test_keywords_bad_arguments():
    assert run("keywords", "--top-k", "0", str(EXAMPLE)).returncode != 0
    assert run("keywords", "--method", "bert", str(EXAMPLE)).returncode != 0
