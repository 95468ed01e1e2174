"""The command line, run as a user would."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "news.txt"


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "rapidtext", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
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


@pytest.mark.parametrize("command", ["sentences", "entities", "keywords", "analyze"])
def test_missing_file_is_a_usage_error_for_every_command(command):
    out = run(command, "no/such/file.txt")
    assert out.returncode == 2
    assert f"rapidtext {command}: cannot read no/such/file.txt" in out.stderr
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


def analyze_json(*args, stdin=None):
    out = run("analyze", "--json", *args, stdin=stdin)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def assert_doc_record(record, text):
    assert record["text"] == text
    for key in ("sentences", "entities"):
        for span in record[key]:
            assert text[span["start"] : span["end"]] == span["text"]
    for k in record["keywords"]:
        assert 0 < k["score"] <= 1
        for start, end in k["occurrences"]:
            assert 0 <= start < end <= len(text)


def test_analyze_text_file_human_readable():
    out = run("analyze", str(EXAMPLE))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"== {EXAMPLE}"
    assert "Sentences (8):" in lines
    assert (
        "  1. GENEVA — The World Health Organization (WHO) said on Tuesday that it would send a team of experts to the region."
        in lines
    )
    assert any(line.split() == ["ORG", "World", "Health", "Organization"] for line in lines)
    assert any(line.split() == ["MONEY", "$4.5", "billion"] for line in lines)
    scores = lines[lines.index("Keywords (score, phrase):") + 1 :]
    assert float(scores[0].split()[0]) == 1.0


def test_analyze_json_equals_the_python_api():
    import rapidtext

    text = EXAMPLE.read_text(encoding="utf-8")
    [record] = analyze_json(str(EXAMPLE))
    assert record["id"] == str(EXAMPLE)
    assert_doc_record(record, text)
    doc = rapidtext.analyze(text)
    assert {k: v for k, v in record.items() if k != "id"} == json.loads(json.dumps(doc.to_dict()))


def test_analyze_stdin_with_options():
    text = "Angela Merkel visited Paris on Friday. The visit was short."
    [record] = analyze_json(
        "-", "--analyses", "entities", "keywords", "--labels", "LOC", "--top-k", "1", stdin=text
    )
    assert record["id"] == "-"
    assert record["sentences"] == []
    assert [(e["text"], e["label"]) for e in record["entities"]] == [("Paris", "LOC")]
    assert len(record["keywords"]) == 1
    assert_doc_record(record, text)


def test_analyze_folder_reads_each_txt_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Snow in Bergen.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Rain in Oslo. Sun in Rome.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not a text file.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Not read.", encoding="utf-8")
    records = analyze_json(str(tmp_path), "--threads", "2")
    assert [Path(r["id"]).name for r in records] == ["a.txt", "b.txt"]
    assert [len(r["sentences"]) for r in records] == [2, 1]
    assert [[e["text"] for e in r["entities"]] for r in records] == [["Oslo", "Rome"], ["Bergen"]]


def test_analyze_jsonl_field(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        {"body": "Rain in Oslo.", "id": "x"},
        {"body": None},
        {"body": "Zoë Šimić went to Köln."},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in lines[:2])
        + "\n\n"
        + json.dumps(lines[2], ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    records = analyze_json(str(path), "--field", "body")
    assert [(r["source"], r["id"]) for r in records] == [
        (str(path), 1),
        (str(path), 2),
        (str(path), 4),
    ]
    assert records[1]["text"] == "" and records[1]["entities"] == []
    for r, line in zip(records[::2], lines[::2]):
        assert_doc_record(r, line["body"])
    assert "Köln" in [e["text"] for e in records[2]["entities"]]
    # From stdin, with the format given.
    records = analyze_json(
        "-", "--format", "jsonl", "--field", "body", stdin=path.read_text("utf-8")
    )
    assert len(records) == 3


def test_analyze_csv_column(tmp_path):
    path = tmp_path / "docs.csv"
    long_text = "Rain in Oslo. " * 20_000  # longer than the csv module's default field limit
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "body"])
        writer.writerow(["1", 'He said "hi" in Paris,\nthen left.'])
        writer.writerow(["2", ""])
        writer.writerow(["3", long_text])
    records = analyze_json(str(path), "--column", "body", "--analyses", "sentences")
    assert [r["id"] for r in records] == [1, 2, 3]
    assert_doc_record(records[0], 'He said "hi" in Paris,\nthen left.')
    assert records[1]["sentences"] == []
    assert len(records[2]["sentences"]) == 20_000
    out = run("analyze", str(path), "--column", "body", "--analyses", "entities")
    assert out.returncode == 0
    assert "== " + str(path) + ", record 2" in out.stdout
    assert "(nothing found)" in out.stdout


def test_analyze_bad_usage_exits_2_with_a_message(tmp_path):
    csv_path = tmp_path / "docs.csv"
    csv_path.write_text("id,body\n1,hello\n", encoding="utf-8")
    jsonl_path = tmp_path / "docs.jsonl"
    jsonl_path.write_text('{"text": "fine"}\n{"body": "no text"}\n', encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    cases = [
        ([str(csv_path)], ["no column 'text'", "id, body", "--column"]),
        ([str(jsonl_path)], ["line 2", "no field 'text'", "--field"]),
        ([str(broken)], ["line 2", "not valid JSON"]),
        ([str(tmp_path / "missing.txt")], ["cannot read", "missing.txt"]),
        ([str(binary)], ["cannot read", "binary.txt"]),
        ([str(tmp_path / "sub_missing"), "--format", "text"], ["cannot read"]),
        ([str(EXAMPLE), "--top-k", "0"], ["--top-k"]),
        ([str(EXAMPLE), "--threads", "0"], ["--threads"]),
        ([str(EXAMPLE), "--language", "xx"], ["--language", "xx"]),
        ([str(EXAMPLE), "--language", "de", "--analyses", "entities"], ["entities", "English"]),
    ]
    (tmp_path / "empty").mkdir()
    cases.append(([str(tmp_path / "empty")], ["no *.txt files"]))
    for args, words in cases:
        out = run("analyze", *args)
        assert out.returncode == 2, (args, out.stderr)
        assert "Traceback" not in out.stderr
        for word in words:
            assert word in out.stderr, (args, out.stderr)
    unknown = run("analyze", str(EXAMPLE), "--analyses", "nouns")
    assert unknown.returncode == 2 and "sentences" in unknown.stderr


def test_a_reader_that_stops_early_gets_no_error(tmp_path):
    # `python -m rapidtext sentences big.txt | head -1`: the pipe closes under the writer.
    big = tmp_path / "big.txt"
    big.write_text("This is one sentence. " * 50_000, encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-m", "rapidtext", "sentences", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.readline()
    writer.stdout.close()
    stderr = writer.stderr.read().decode()
    assert writer.wait(timeout=60) == 1
    assert stderr == ""
