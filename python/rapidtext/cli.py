"""The ``rapidtext`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from rapidtext._rapidtext import (
    EntityTagger,
    KeywordExtractor,
    SentenceSplitter,
    keyword_languages,
    keyword_methods,
    supported_languages,
)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def _sentences(args: argparse.Namespace) -> int:
    splitter = SentenceSplitter(args.language, newlines=args.newlines)
    for path in args.files:
        text = _read(path)
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
        for k in extractor.extract(_read(path)):
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


def _entities(args: argparse.Namespace) -> int:
    tagger = EntityTagger(labels=args.labels)
    for path in args.files:
        text = _read(path)
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, UnicodeDecodeError) as e:
        print(f"rapidtext: {e}", file=sys.stderr)
        return 1
