"""entities_frame (columns filled in Rust) against the same DataFrame built from
per-entity objects (tag_batch, then one tuple per entity, then pandas).

The texts are short news-like sentences generated from templates (names, places,
organisations, dates, money) with a fixed seed, so every run sees the same input.
Each variant runs in its own fresh process, which reports:
  * seconds: the best of --repeats runs of the whole conversion texts -> DataFrame;
  * peak RSS growth: ru_maxrss at the end minus RSS before the first run (MB);
  * Python heap peak: tracemalloc's peak during one more run (MB; numpy and pandas
    buffers count, the Rust engine's own working memory does not).
The parent first checks, on a slice of the texts, that both variants give equal frames.

Run: python bench/bench_frames.py [--n 100000] [--repeats 3] [--threads N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time

FIRST = ["Maria", "John", "Zoë", "Ahmed", "Li", "Olga", "Carlos", "Fatima", "Pierre", "Aiko"]
LAST = ["Keller", "Carter", "Šimić", "Haddad", "Wei", "Petrova", "Ruiz", "Okafor", "Dubois"]
PLACES = ["Geneva", "Paris", "New York", "Lagos", "São Paulo", "Tokyo", "Berlin", "Nairobi"]
ORGS = [
    "the World Health Organization",
    "Siemens",
    "the Red Cross",
    "Goldman Sachs",
    "the European Central Bank",
    "Toyota",
    "the United Nations",
    "Reuters",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{person} of {org} said on {day} that the plan would cost {money}.",
    "{org} opened an office in {place} on {date}, {person} told reporters.",
    "In {place}, {person} met officials from {org} to discuss a {money} deal.",
    "{person}, who leads {org}, will visit {place} and {place2} before {date}.",
    "Shares of {org} rose 3% in {place} after {person} announced {money} in savings.",
]


def news_texts(n: int, seed: int = 7) -> list[str]:
    """`n` short news-like texts, the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(
            rng.choice(TEMPLATES).format(
                person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                org=rng.choice(ORGS),
                place=rng.choice(PLACES),
                place2=rng.choice(PLACES),
                day=rng.choice(DAYS),
                date=f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2020, 2027)}",
                money=f"${rng.randint(2, 900)}.{rng.randint(1, 9)} million",
            )
        )
    return out


def from_columns(texts, tagger, n_threads):
    from rapidtext.frames import entities_frame

    return entities_frame(texts, tagger=tagger, n_threads=n_threads)


def from_objects(texts, tagger, n_threads):
    """The DataFrame a script builds from the object API, with the same dtypes."""
    import pandas as pd

    rows = [
        (doc, e.start, e.end, e.text, e.label, e.score)
        for doc, found in enumerate(tagger.tag_batch(texts, n_threads=n_threads))
        for e in found
    ]
    frame = pd.DataFrame(rows, columns=["doc", "start", "end", "text", "label", "score"])
    frame["text"] = frame["text"].astype(str)
    frame["label"] = pd.Categorical(frame["label"], categories=tagger.labels)
    return frame


VARIANTS = {"columns (entities_frame)": from_columns, "objects (tag_batch + rows)": from_objects}


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(variant: str, n: int, repeats: int, n_threads: int | None) -> dict:
    import gc
    import resource
    import tracemalloc

    import pandas  # noqa: F401 - imported before the baseline, as in a real script
    from rapidtext import EntityTagger

    texts = news_texts(n)
    tagger = EntityTagger()
    build = VARIANTS[variant]
    build(texts[:100], tagger, n_threads)  # warm-up: model, imports
    gc.collect()
    base = rss_mb()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        frame = build(texts, tagger, n_threads)
        best = min(best, time.perf_counter() - start)
        rows = len(frame)
        del frame
        gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    build(texts, tagger, n_threads)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "seconds": best,
        "rows": rows,
        "rss_growth_mb": peak - base,
        "heap_peak_mb": heap_peak / 2**20,
        "input_mb": sum(len(t.encode()) for t in texts) / 2**20,
    }


def check_equal(n: int, n_threads: int | None) -> None:
    import pandas as pd
    from rapidtext import EntityTagger

    texts = news_texts(n)
    tagger = EntityTagger()
    a, b = (build(texts, tagger, n_threads) for build in VARIANTS.values())
    pd.testing.assert_frame_equal(a, b)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="number of texts")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="n_threads (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.n, args.repeats, args.threads)))
        return

    import rapidtext

    check_equal(2_000, args.threads)
    load = os.getloadavg()[0]
    print(
        f"{args.n} texts, n_threads={args.threads or 'all'}, {os.cpu_count()} cores, "
        f"load {load:.1f}, rapidtext {rapidtext.__version__}; equal frames checked on 2000 texts"
    )
    results = {}
    for variant in VARIANTS:
        command = [sys.executable, __file__, "--child", variant, "--n", str(args.n)]
        command += ["--repeats", str(args.repeats)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        results[variant] = r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{variant:<28} {r['seconds']:7.3f} s  {r['rows'] / r['seconds'] / 1e6:5.2f} M rows/s  "
            f"peak RSS +{r['rss_growth_mb']:6.1f} MB  Python heap peak {r['heap_peak_mb']:6.1f} MB"
        )
    cols, objs = results.values()
    print(
        f"rows {cols['rows']} (input {cols['input_mb']:.1f} MB); objects/columns: "
        f"time {objs['seconds'] / cols['seconds']:.2f}x, "
        f"peak RSS {objs['rss_growth_mb'] / max(cols['rss_growth_mb'], 0.1):.2f}x, "
        f"Python heap {objs['heap_peak_mb'] / max(cols['heap_peak_mb'], 0.1):.2f}x"
    )


if __name__ == "__main__":
    main()
