"""Keyword extraction speed: rapidtext's methods against YAKE and rake-nltk in one run.

    python bench/bench_keywords.py [--data DIR] [--yake-docs N]

Documents are the news dev files of the shared keyphrase data (kpcrowd, duc2001;
override with --data or $RAPIDTEXT_KW_DATA). rake-nltk gets rapidtext's English stop
words and a regex sentence splitter, since NLTK's data cannot be downloaded. Prints
documents/s, ratios against the peers, batch scaling and a length-scaling check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import rapidtext
from rapidtext import KeywordExtractor, keyword_methods

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load(data: Path) -> list[str]:
    texts = []
    for name in ("kpcrowd.dev.jsonl", "duc2001.dev.jsonl"):
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as f:
                texts.extend(json.loads(line)["text"] for line in f)
    if not texts:
        sys.exit(f"no news documents under {data}")
    return texts


def rate(run, texts: list[str], min_seconds: float = 1.0, clock=time.process_time) -> float:
    """Documents per second of `run(texts)`, repeated until `min_seconds` have passed.

    Single-threaded rows use this process's CPU time, so other load on a shared machine
    does not skew the ratios; batch rows use wall-clock time (`clock=time.perf_counter`).
    """
    done, start = 0, clock()
    while True:
        run(texts)
        done += len(texts)
        elapsed = clock() - start
        if elapsed >= min_seconds:
            return done / elapsed


def one_by_one(extract):
    return lambda texts: [extract(t) for t in texts]


def rake_peer():
    from rake_nltk import Rake

    words = (REPO / "data" / "lang" / "en" / "stopwords.txt").read_text(encoding="utf-8")
    stop = {w for w in words.split("\n") if w and not w.startswith("#")}
    split = re.compile(r"(?<=[.!?])\s+")
    rake = Rake(stopwords=stop, sentence_tokenizer=split.split)

    def extract(text):
        rake.extract_keywords_from_text(text)
        return rake.get_ranked_phrases()[:10]

    return extract


def yake_peer():
    import yake

    return yake.KeywordExtractor(lan="en", n=3, top=10).extract_keywords


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("RAPIDTEXT_KW_DATA", SHARED / "data" / "kw")),
    )
    parser.add_argument("--yake-docs", type=int, default=150, help="documents timed for YAKE")
    args = parser.parse_args()
    texts = load(args.data)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"{len(texts)} news documents, {words:.0f} words each on average; "
        f"{rapidtext.default_threads()} threads available\n"
    )

    # YAKE is slow: it runs on an evenly spread sample of the same documents.
    sample = texts[:: max(1, len(texts) // args.yake_docs)]
    yake_rate = rate(one_by_one(yake_peer()), sample, 5.0)
    rake_rate = rate(one_by_one(rake_peer()), texts)
    rows = [("YAKE 0.7 (PyPI)", yake_rate), ("rake-nltk (PyPI)", rake_rate)]
    for method in keyword_methods():
        extractor = KeywordExtractor(method=method)
        rows.append((f"rapidtext {method}, one thread", rate(one_by_one(extractor.extract), texts)))
    default = KeywordExtractor()
    for threads in (1, None):
        label = "all cores" if threads is None else f"{threads} thread"
        batch = rate(
            lambda ts, n=threads: default.extract_batch(ts, n_threads=n),
            texts,
            2.0,
            time.perf_counter,
        )
        rows.append(
            (f"rapidtext {keyword_methods()[0]} extract_batch, {label} (wall clock)", batch)
        )
    print("| system | docs/s | x YAKE | x rake-nltk |")
    print("|---|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r:,.0f} | {r / yake_rate:,.0f} | {r / rake_rate:,.1f} |")

    print(
        "\nLength scaling (default method, one document repeated): time per word should stay flat"
    )
    base = " ".join(texts[:5])
    for times in (1, 4, 16, 64):
        doc = "\n\n".join([base] * times)
        per_second = rate(one_by_one(default.extract), [doc], 0.5)
        n_words = len(doc.split())
        print(f"  {n_words:>8,} words: {1e6 / (per_second * n_words):.3f} us/word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
