"""One-call analysis against the three analyses run separately, on news-like documents.

    python bench/bench_pipeline.py [--data DIR] [--repeats 5]

`Pipeline().analyze(text)` (sentences, entities, keywords, returned as a Doc) against
`SentenceSplitter().split`, `EntityTagger().tag` and `KeywordExtractor().extract` called
one after the other on the same text, and `analyze_batch` against the three batch calls.
Documents: the news dev files of the shared keyphrase data (kpcrowd, duc2001; override
with --data or $RAPIDTEXT_KW_DATA), else examples/news.txt varied (the first line says
which). Single-thread rows use this process's CPU time; batch rows with more threads use
wall-clock time. Each figure is the best of --repeats runs, the contenders taking turns.
Measure on a release build (`maturin develop --release`).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import rapidtext
from rapidtext import EntityTagger, KeywordExtractor, Pipeline, SentenceSplitter

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load(data: Path) -> tuple[list[str], str]:
    texts = []
    for name in ("kpcrowd.dev.jsonl", "duc2001.dev.jsonl"):
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as f:
                texts.extend(json.loads(line)["text"] for line in f)
    if texts:
        return texts, f"news dev documents of {data} (kpcrowd, duc2001)"
    # No shared data: the example article with its paragraphs rotated, 300 times.
    paragraphs = (REPO / "examples" / "news.txt").read_text(encoding="utf-8").split("\n\n")
    texts = [
        "\n\n".join(paragraphs[i % len(paragraphs) :] + paragraphs[: i % len(paragraphs)])
        for i in range(300)
    ]
    return texts, "examples/news.txt, paragraphs rotated, 300 documents (no shared data)"


def best_time(run, texts, repeats: int, clock) -> list[float]:
    """Seconds of each of `repeats` runs of `run(texts)`."""
    times = []
    for _ in range(repeats):
        start = clock()
        run(texts)
        times.append(clock() - start)
    return times


def race(contenders: dict, texts: list[str], repeats: int, clock) -> dict[str, float]:
    """Best seconds of each contender, run in turns so load changes hit all alike."""
    best = {name: float("inf") for name in contenders}
    for _ in range(repeats):
        for name, run in contenders.items():
            best[name] = min(best[name], best_time(run, texts, 1, clock)[0])
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("RAPIDTEXT_KW_DATA", str(SHARED / "data" / "kw"))
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    texts, source = load(args.data)
    words = sum(len(t.split()) for t in texts)
    print(f"documents: {source}")
    print(f"{len(texts)} documents, {words} words, {sum(len(t) for t in texts) / 1e6:.2f} M chars")
    print(
        f"rapidtext {rapidtext.__version__}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )

    nlp = Pipeline()
    splitter, tagger, extractor = nlp.splitter, nlp.tagger, nlp.extractor
    assert isinstance(splitter, SentenceSplitter) and isinstance(tagger, EntityTagger)
    assert isinstance(extractor, KeywordExtractor)
    # Same results, checked once before timing.
    for t in texts[:50]:
        doc = nlp.analyze(t)
        assert (doc.sentences, doc.entities, doc.keywords) == (
            splitter.split(t),
            tagger.tag(t),
            extractor.extract(t),
        )

    def separately(texts):
        return [(splitter.split(t), tagger.tag(t), extractor.extract(t)) for t in texts]

    def together(texts):
        return [nlp.analyze(t) for t in texts]

    def parts(name):
        run = {"sentences": splitter.split, "entities": tagger.tag, "keywords": extractor.extract}
        return lambda texts: [run[name](t) for t in texts]

    print(f"\n(a) one call per document, one thread (CPU seconds, best of {args.repeats})")
    best = race(
        {
            "separately": separately,
            "analyze": together,
            "sentences": parts("sentences"),
            "entities": parts("entities"),
            "keywords": parts("keywords"),
        },
        texts,
        args.repeats,
        time.process_time,
    )
    for name, seconds in best.items():
        print(f"  {name:<11} {seconds:7.3f} s  {len(texts) / seconds:8.0f} docs/s")
    print(
        f"  separately / analyze = {best['separately'] / best['analyze']:.2f}x "
        "(above 1: one call is faster)"
    )

    print(f"\n(b) batches (best of {args.repeats})")
    for threads, clock, what in ((1, time.process_time, "CPU"), (None, time.perf_counter, "wall")):

        def separate_batch(texts, n=threads):
            return (
                splitter.split_batch(texts, n_threads=n),
                tagger.tag_batch(texts, n_threads=n),
                extractor.extract_batch(texts, n_threads=n),
            )

        def analyze_batch(texts, n=threads):
            return nlp.analyze_batch(texts, n_threads=n)

        best = race(
            {"separately": separate_batch, "analyze_batch": analyze_batch},
            texts,
            args.repeats,
            clock,
        )
        label = "every core" if threads is None else f"{threads} thread"
        print(
            f"  n_threads={threads} ({label}, {what} seconds): "
            f"three batch calls {best['separately']:.3f} s, "
            f"analyze_batch {best['analyze_batch']:.3f} s, "
            f"ratio {best['separately'] / best['analyze_batch']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
