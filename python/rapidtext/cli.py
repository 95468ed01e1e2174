"""The ``rapidtext`` command line."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from rapidtext._rapidtext import (
    EntityTagger,
    KeywordExtractor,
    Pipeline,
    SentenceSplitter,
    keyword_languages,
    keyword_methods,
    supported_languages,
)
from rapidtext.doc import Doc

T = TypeVar("T")


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def _sentences(args: argparse.Namespace) -> int:
    splitter = SentenceSplitter(args.language, newlines=args.newlines)
    for path in args.files:
        text = _text_file(path)
        for s in splitter.split(text):
            if args.json:
                record = {"file": path, "start": s.start, "end": s.end, "text": s.text}
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(" ".join(s.text.split()))
    return 0


def _keywords(args: argparse.Namespace) -> int:
    if args.top_k < 1:
        print(f"rapidtext: --top-k must be a positive integer, got {args.top_k}", file=sys.stderr)
        return 2
    extractor = KeywordExtractor(args.language, method=args.method, top_k=args.top_k)
    for path in args.files:
        for k in extractor.extract(_text_file(path)):
            if args.json:
                record = {
                    "file": path,
                    "text": k.text,
                    "score": k.score,
                    "count": k.count,
                    "occurrences": k.occurrences,
                }
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(f"{k.score:.3f}\t{k.count}\t{' '.join(k.text.split())}")
    return 0


def _entities(args: argparse.Namespace) -> int:
    tagger = EntityTagger(labels=args.labels)
    for path in args.files:
        text = _text_file(path)
        for e in tagger.tag(text):
            if args.json:
                record = {
                    "file": path,
                    "start": e.start,
                    "end": e.end,
                    "label": e.label,
                    "score": round(e.score, 4),
                    "text": e.text,
                }
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(f"{e.label}\t{' '.join(e.text.split())}")
    return 0


class _UsageError(Exception):
    """Bad input named on the command line (exit status 2)."""


#: Documents analysed per batch call: bounds memory on large inputs and keeps output flowing.
_CHUNK = 1000


def _text_file(path: str) -> str:
    try:
        return _read(path)
    except (OSError, UnicodeDecodeError) as e:
        raise _UsageError(f"cannot read {path}: {e}") from None


def _jsonl_records(path: str, field: str) -> Iterator[tuple[dict[str, Any], str | None]]:
    try:
        lines = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        with lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as e:
                    raise _UsageError(f"{path}, line {number}: not valid JSON ({e})") from None
                if not isinstance(record, dict) or field not in record:
                    keys = ", ".join(record) if isinstance(record, dict) else "none"
                    raise _UsageError(
                        f"{path}, line {number}: no field {field!r} (fields: {keys}); "
                        "choose one with --field"
                    )
                text = record[field]
                if text is not None and not isinstance(text, str):
                    raise _UsageError(
                        f"{path}, line {number}: field {field!r} is "
                        f"{type(text).__name__}, not a string"
                    )
                yield {"source": path, "id": number}, text
    except (OSError, UnicodeDecodeError) as e:
        raise _UsageError(f"cannot read {path}: {e}") from None


def _csv_records(path: str, column: str) -> Iterator[tuple[dict[str, Any], str | None]]:
    # Texts are longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(2**31 - 1)
    try:
        rows = sys.stdin if path == "-" else open(path, encoding="utf-8", newline="")  # noqa: SIM115
        with rows:
            reader = csv.DictReader(rows)
            if reader.fieldnames is None or column not in reader.fieldnames:
                found = ", ".join(reader.fieldnames or []) or "none"
                raise _UsageError(
                    f"{path}: no column {column!r} (columns: {found}); choose one with --column"
                )
            for number, row in enumerate(reader, 1):
                yield {"source": path, "id": number}, row[column]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise _UsageError(f"cannot read {path}: {e}") from None


def _input_format(path: str, chosen: str) -> str:
    if chosen != "auto":
        return chosen
    suffix = Path(path).suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}.get(suffix, "text")


def _documents(args: argparse.Namespace) -> Iterator[tuple[dict[str, Any], str | None]]:
    """``(id fields, text)`` of every document named on the command line, in order."""
    for path in args.inputs:
        if path != "-" and Path(path).is_dir():
            files = sorted(p for p in Path(path).glob("*.txt") if p.is_file())
            if not files:
                raise _UsageError(f"{path}: a folder with no *.txt files")
            for file in files:
                yield {"id": str(file)}, _text_file(str(file))
            continue
        kind = _input_format(path, args.format)
        if kind == "jsonl":
            yield from _jsonl_records(path, args.field)
        elif kind == "csv":
            yield from _csv_records(path, args.column)
        else:
            yield {"id": path}, _text_file(path)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _print_doc(ids: dict[str, Any], doc: Doc) -> None:
    where = f"{ids['source']}, record {ids['id']}" if "source" in ids else ids["id"]
    print(f"== {where}")
    if doc.sentences:
        print(f"Sentences ({len(doc.sentences)}):")
        for i, s in enumerate(doc.sentences, 1):
            print(f"  {i}. {' '.join(s.text.split())}")
    if doc.entities:
        print(f"Entities ({len(doc.entities)}):")
        width = max(len(e.label) for e in doc.entities)
        for e in doc.entities:
            print(f"  {e.label:<{width}}  {' '.join(e.text.split())}")
    if doc.keywords:
        print("Keywords (score, phrase):")
        for k in doc.keywords:
            print(f"  {k.score:.3f}  {' '.join(k.text.split())}")
    if not (doc.sentences or doc.entities or doc.keywords):
        print("  (nothing found)")
    print()


#: The Pipeline arguments behind the analyze command's options, for error messages.
_OPTION_OF = {
    "entity_labels": "--labels",
    "keyword_method": "--method",
    "top_k": "--top-k",
    "language": "--language",
    "analyses": "--analyses",
}


def _analyze(args: argparse.Namespace) -> int:
    try:
        pipeline = Pipeline(
            args.language,
            args.analyses,
            entity_labels=args.labels,
            keyword_method=args.method,
            top_k=args.top_k,
        )
    except (TypeError, ValueError) as e:
        message = re.sub(r"\b(\w+)\b", lambda m: _OPTION_OF.get(m[1], m[1]), str(e))
        raise _UsageError(message) from None
    if args.threads is not None and args.threads < 1:
        raise _UsageError(f"--threads must be a positive integer, got {args.threads}")
    for chunk in _chunks(_documents(args), _CHUNK):
        docs = pipeline.analyze_batch([text for _, text in chunk], n_threads=args.threads)
        for (ids, _), doc in zip(chunk, docs):
            if args.json:
                print(json.dumps({**ids, **doc.to_dict()}, ensure_ascii=False))
            else:
                _print_doc(ids, doc)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapidtext", description="Fast sentence splitting, entity tagging and keywords."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    sent = commands.add_parser("sentences", help="split text into sentences, one per line")
    sent.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - for stdin")
    sent.add_argument("--language", default="en", choices=supported_languages())
    sent.add_argument("--newlines", default="auto", choices=["auto", "split", "ignore"])
    sent.add_argument("--json", action="store_true", help="JSON lines with code-point offsets")
    sent.set_defaults(run=_sentences)
    kw = commands.add_parser("keywords", help="keyphrases of a text: score, count, phrase")
    kw.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - for stdin")
    kw.add_argument("--top-k", type=int, default=10, help="keyphrases per file (default 10)")
    kw.add_argument("--method", default=keyword_methods()[0], choices=keyword_methods())
    kw.add_argument("--language", default="en", choices=keyword_languages())
    kw.add_argument("--json", action="store_true", help="JSON lines with code-point offsets")
    kw.set_defaults(run=_keywords)
    ents = commands.add_parser("entities", help="named entities, one per line: LABEL<tab>text")
    ents.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file, or - for stdin")
    ents.add_argument("--labels", nargs="+", metavar="LABEL", help="only these labels")
    ents.add_argument("--json", action="store_true", help="JSON lines with code-point offsets")
    ents.set_defaults(run=_entities)
    an = commands.add_parser(
        "analyze",
        help="sentences, entities and keywords of each document",
        description="Sentences, entities and keywords of each document, in one pass. "
        "An input is a UTF-8 text file (one document), - for stdin, a folder (each *.txt "
        "in it, sorted, one document per file; not its subfolders), a JSONL file (one "
        "document per line, text in --field) or a CSV file (one per row, text in --column). "
        "With --json, one JSON object per document: its id (the file name, or the JSONL "
        "line number / CSV row number with the file as source), text, sentences, entities "
        "and keywords, offsets in code points.",
    )
    an.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - for stdin")
    an.add_argument("--json", action="store_true", help="one JSON object per document")
    an.add_argument(
        "--format",
        default="auto",
        choices=["auto", "text", "jsonl", "csv"],
        help="how to read files (auto: .jsonl/.ndjson and .csv by name, else text)",
    )
    an.add_argument("--field", default="text", help="JSONL field holding the text (text)")
    an.add_argument("--column", default="text", help="CSV column holding the text (text)")
    an.add_argument(
        "--analyses",
        nargs="+",
        choices=["sentences", "entities", "keywords"],
        help="which analyses to run (default: all those available for the language)",
    )
    an.add_argument("--language", default="en", help="language code (default en)")
    an.add_argument("--labels", nargs="+", metavar="LABEL", help="only these entity labels")
    an.add_argument("--top-k", type=int, help="keywords per document (default 10)")
    an.add_argument("--method", choices=keyword_methods(), help="keyword scoring method")
    an.add_argument("--threads", type=int, help="worker threads (default: every core)")
    an.set_defaults(run=_analyze)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except _UsageError as e:
        print(f"rapidtext {args.command}: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader left (`| head`): stop quietly. Point stdout at devnull so the
        # interpreter's final flush of the dead pipe raises nothing either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as e:
        # Writing the output failed (a full disk): not a usage error.
        print(f"rapidtext: {e}", file=sys.stderr)
        return 1
