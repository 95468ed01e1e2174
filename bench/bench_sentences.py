"""Sentence-splitting speed: rapidtext against pySBD, blingfire, sentencex and syntok.

All tools run in the same process on the same documents, each in its own normal usage,
and the script prints MB/s per tool and rapidtext/peer ratios for (a) one call per
document on one thread and (b) one large batch (rapidtext split_batch on 1, 2 and all
threads; a peer's batch is its per-document loop). Build with `maturin develop --release`.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Callable

import rapidtext
from sentence_documents import data_dir, load_documents, megabytes

Split = Callable[[str], list]


def rapidtext_split() -> Split:
    return rapidtext.SentenceSplitter("en").split


def pysbd_split() -> Split:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False).segment


def blingfire_split() -> Split:
    import blingfire

    return lambda text: blingfire.text_to_sentences(text).split("\n")


def sentencex_split() -> Split:
    import sentencex

    return lambda text: list(sentencex.segment("en", text))


def syntok_split() -> Split:
    from syntok import segmenter

    return lambda text: [
        sentence for paragraph in segmenter.analyze(text) for sentence in paragraph
    ]


PEERS = {
    "pysbd": pysbd_split,
    "blingfire": blingfire_split,
    "sentencex": sentencex_split,
    "syntok": syntok_split,
}


def best_time(run: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` runs, after one warm-up run (imports, caches, pools)."""
    run()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def best_times_interleaved(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Like best_time for several runs, taking turns so a change in the machine's load
    (other processes on shared cores) hits them all alike."""
    best = {}
    for name, run in runs.items():
        run()
        best[name] = float("inf")
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def per_document(split: Split, docs: list[str]) -> Callable[[], int]:
    return lambda: sum(len(split(d)) for d in docs)


def evenly_spaced(docs: list[str], kilobytes: float) -> list[str]:
    """Every k-th document, so a subset of about `kilobytes` still spans both corpora."""
    total_kb = megabytes(docs) * 1000
    step = max(1, round(total_kb / kilobytes))
    return docs[::step]


def row(name: str, docs: list[str], seconds: float, note: str = "") -> float:
    mb = megabytes(docs)
    rate = mb / seconds
    print(
        f"  {name:<28} {len(docs):>6} docs {mb:>8.3f} MB {seconds:>9.4f} s {rate:>9.3f} MB/s {note}"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with ud_ewt.dev.jsonl and ud_gum.dev.jsonl")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per figure (best kept)")
    parser.add_argument(
        "--pysbd-kb", type=float, default=60, help="size of the document subset pySBD is timed on"
    )
    parser.add_argument(
        "--pysbd-repeats",
        type=int,
        default=3,
        help="timed runs of pySBD on its subset (best kept; one run takes about 0.25 s)",
    )
    parser.add_argument(
        "--batch-mb", type=float, default=20, help="size of the batch (the documents repeated)"
    )
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated peers to run")
    args = parser.parse_args()

    docs, source = load_documents(data_dir(args.data))
    print(f"documents: {source}: {len(docs)} docs, {megabytes(docs):.3f} MB")
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    print(f"rapidtext {rapidtext.__version__}, best of {args.repeats} runs per figure\n")

    ours = rapidtext_split()
    print("(a) one call per document, one thread")
    our_rate = row("rapidtext split", docs, best_time(per_document(ours, docs), args.repeats))
    # A Sentence slices its text when asked; the peers return the strings themselves.
    texts_rate = row(
        "rapidtext split, read .text",
        docs,
        best_time(per_document(lambda d: [s.text for s in ours(d)], docs), args.repeats),
    )
    peer_rates: dict[str, float] = {}
    for name in args.peers.split(","):
        try:
            split = PEERS[name]()
        except ImportError as e:
            print(f"  {name:<38} not installed ({e}); pip install -e '.[bench]'")
            continue
        if name == "pysbd":
            # pySBD runs at a few hundred KB/s: time it on a subset, and rapidtext on the same
            # one. Best of a few runs, as for every tool: one run of a slow peer on a shared
            # machine is as likely to catch a busy moment as not.
            subset = evenly_spaced(docs, args.pysbd_kb)
            note = f"(subset: every {len(docs) // len(subset)}th document)"
            seconds = best_time(per_document(split, subset), args.pysbd_repeats)
            rate = row(name, subset, seconds, note)
            same = row(
                "rapidtext split, same subset",
                subset,
                best_time(per_document(ours, subset), args.repeats),
            )
            peer_rates[name] = rate
            print(f"  {'':<38} rapidtext/pysbd = {same / rate:,.0f}x")
            continue
        peer_rates[name] = row(name, docs, best_time(per_document(split, docs), args.repeats))
        print(
            f"  {'':<38} rapidtext/{name} = {our_rate / peer_rates[name]:,.1f}x "
            f"({texts_rate / peer_rates[name]:,.1f}x reading every .text)"
        )

    copies = max(1, round(args.batch_mb / megabytes(docs)))
    batch = docs * copies
    splitter = rapidtext.SentenceSplitter("en")
    print(
        f"\n(b) one batch: the documents x{copies} ({len(batch)} docs, {megabytes(batch):.1f} MB)"
    )
    runs: dict[str, Callable[[], object]] = {
        # A batch returns every result, so the loop to compare with keeps them too.
        "rapidtext split() loop, kept": lambda: [ours(d) for d in batch],
    }
    for n_threads in (1, 2, None):
        runs[f"rapidtext split_batch(n_threads={n_threads})"] = lambda n=n_threads: (
            splitter.split_batch(batch, n_threads=n)
        )
    rates = {
        name: row(name, batch, t) for name, t in best_times_interleaved(runs, args.repeats).items()
    }
    one = rates.pop("rapidtext split() loop, kept")
    by_threads = {name.split("=")[1].rstrip(")"): rate for name, rate in rates.items()}
    base = by_threads["1"]
    print(
        f"  scaling: n_threads=2 is {by_threads['2'] / base:.2f}x n_threads=1; "
        f"None ({rapidtext.default_threads()} threads) is {by_threads['None'] / base:.2f}x; "
        f"split() loop is {one / base:.2f}x"
    )
    # Where the time goes: the calling thread builds the Python objects (it holds the
    # GIL), the pool's threads split. The batch cannot beat the calling thread's share.
    wall, cpu, caller = time.perf_counter(), time.process_time(), time.thread_time()
    splitter.split_batch(batch, n_threads=None)
    wall, cpu, caller = (
        time.perf_counter() - wall,
        time.process_time() - cpu,
        time.thread_time() - caller,
    )
    print(
        f"  one split_batch(n_threads=None): wall {wall * 1e3:.0f} ms, CPU of the calling "
        f"thread {caller * 1e3:.0f} ms, of the pool's threads {(cpu - caller) * 1e3:.0f} ms"
    )
    best = max(by_threads.values())
    for name, rate in peer_rates.items():
        print(f"  rapidtext best batch / {name} loop (from (a)) = {best / rate:,.1f}x")
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f} (other processes share the cores)")


if __name__ == "__main__":
    main()
