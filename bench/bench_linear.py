"""Is each analysis linear in the input? Time per MB from 1 KB to 100 MB.

Each input kind (normal prose and adversarial texts: runs of dots, pySBD's hang case,
one huge word, deep nesting, runs of newlines, a repeated abbreviation, ...) is built at
geometric sizes and given to one call of an analysis (--analysis: sentences with
SentenceSplitter.split, entities with EntityTagger.tag, keywords with
KeywordExtractor.extract, the control str.split, or all). A linear analysis keeps time/MB
flat (small sizes pay the fixed cost of a call); the ratios to print are time/MB at the
largest size over the smallest, and the worst ratio between two neighbouring sizes.

Above a few MB each call's buffers are fresh memory from the kernel (glibc maps large
blocks and unmaps them on free), so time per MB there includes page faults and page
zeroing that smaller calls, served from reused heap, do not pay. To time the work alone,
let glibc keep freed memory for the next call:

    MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=100000000000 python bench/bench_linear.py
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from typing import Callable

import rapidtext
from sentence_documents import data_dir, load_documents

# By default, stop a kind before a call would take longer than this (a superlinear case
# would never end); --max-seconds raises it to reach 100 MB with the slower analyses.
MAX_SECONDS = 30.0
# Texts of one-char sentences would need gigabytes of result objects at 100 MB.
MAX_RESULTS = 3_000_000


def repeated(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """A text of about n bytes: head + unit repeated + tail."""

    def build(n: int) -> str:
        count = max(1, (n - len(head) - len(tail)) // max(1, len(unit.encode("utf-8"))))
        return head + unit * count + tail

    return build


def nested(opening: str, middle: str, closing: str) -> Callable[[int], str]:
    """`opening`*k + middle + `closing`*k, about n bytes."""

    def build(n: int) -> str:
        k = max(1, n // (len(opening.encode()) + len(closing.encode())))
        return opening * k + middle + closing * k

    return build


def kinds(prose: str) -> dict[str, Callable[[int], str]]:
    return {
        "prose (dev documents repeated)": repeated(prose),
        "dots '.'*n": repeated("."),
        "pySBD hang 'f.'+'1'*n+'bd'": repeated("1", "f.", "bd"),
        "one word 'a'*n + '. A'": repeated("a", "", ". A"),
        "one word of dots 'a.'*n + ' A'": repeated("a.", "", " A"),
        "nested brackets '(['*k 'x.' '])'*k": nested("([", "x. Y", "])"),
        "nested quotes '\"'*k 'Hi.' '\"'*k": nested('"\u201c', "Hi. Yo", '\u201d"'),
        "newlines '\\n'*n": repeated("\n"),
        "short lines 'Ab\\n'*n": repeated("Ab\n"),
        "lone CRs 'a\\r'*n": repeated("a\r"),
        "spaces then '.': ' '*n + '. A'": repeated(" ", "x", ". A"),
        "abbreviation 'Dr. '*n": repeated("Dr. "),
        "initials 'A. '*n": repeated("A. "),
        "terminators '?! '*n": repeated("?! "),
        "dot-space '. '*n": repeated(". "),
    }


def analyses(newlines: str) -> dict[str, Callable[[str], list]]:
    """The single-text call of each analysis, and a control: Python's own `str.split`,
    linear by construction, whose time per MB shows what making and freeing one Python
    object per piece costs as the result outgrows the caches."""
    return {
        "sentences": rapidtext.SentenceSplitter("en", newlines=newlines).split,
        "entities": rapidtext.EntityTagger().tag,
        "keywords": rapidtext.KeywordExtractor().extract,
        "control": str.split,
    }


def seconds_per_call(split: Callable[[str], list], text: str) -> tuple[float, int]:
    """Best time of one call (repeated to fill ~0.2 s for small texts) and the result count."""
    count = len(split(text))
    runs, best, spent = 0, float("inf"), 0.0
    while runs < 3 or (spent < 0.2 and runs < 10_000):
        start = time.perf_counter()
        split(text)
        took = time.perf_counter() - start
        best, spent, runs = min(best, took), spent + took, runs + 1
        if took > 5.0:  # a slow call is timed at least 3 times unless it is very slow
            break
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the UD dev documents (for the prose kind)")
    parser.add_argument("--max-mb", type=float, default=100, help="largest size (default 100)")
    parser.add_argument(
        "--analysis",
        default="sentences",
        choices=["sentences", "entities", "keywords", "control", "all"],
    )
    parser.add_argument("--newlines", default="auto", choices=["auto", "split", "ignore"])
    parser.add_argument("--only", help="run only kinds whose name contains this")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=MAX_SECONDS,
        help=f"skip a size whose call would take longer (default {MAX_SECONDS:g})",
    )
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="disable Python's cyclic GC while timing (separates its cost from the splitter's)",
    )
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()

    docs, source = load_documents(data_dir(args.data))
    calls = analyses(args.newlines)
    chosen = list(calls) if args.analysis == "all" else [args.analysis]
    sizes = []
    size = 1_000
    while size <= args.max_mb * 1e6:
        sizes.append(size)
        size *= 10
    print(f"prose from: {source}; newlines={args.newlines}; gc {'off' if args.no_gc else 'on'}")
    malloc = [f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("MALLOC_")]
    print(
        f"glibc malloc: {' '.join(malloc) or 'default (freed large blocks go back to the kernel)'}"
    )
    print(f"sizes: {sizes} bytes")
    print("time per MB in ms (best of several calls); '-' = skipped (see note)\n")
    worst = {}
    for name in chosen:
        print(f"\n== {name}")
        worst[name] = time_kinds(
            calls[name], kinds("\n".join(docs)), sizes, args.only, args.max_seconds
        )
    print("\nsummary: worst ratios of time/MB per analysis (and the input kind)")
    for name, ((ratio, ratio_kind), (step, step_kind)) in worst.items():
        print(
            f"{name:<10} last/first {ratio:6.2f} ({ratio_kind}); worst step {step:5.2f} ({step_kind})"
        )
    print("(linear: <= ~1.5 once the call overhead is amortised; quadratic: ~10 per step)")


def time_kinds(
    split: Callable[[str], list],
    builders: dict[str, Callable[[int], str]],
    sizes: list[int],
    only: str | None,
    max_seconds: float,
) -> tuple[tuple[float, str], tuple[float, str]]:
    """Prints the time/MB table of one analysis; returns its worst (ratio, kind) and (step, kind)."""
    header = "".join(f"{s / 1e6:>10g}MB" for s in sizes)
    print(f"{'input':<40}{header}   last/first  worst step")
    ratios, steps = [], []
    for name, build in builders.items():
        if only and only not in name:
            continue
        per_mb, notes = [], []
        last_seconds, growth, density = 0.0, 10.0, 0.0
        for n in sizes:
            if last_seconds * max(growth, 10.0) > max_seconds:
                notes.append(f"stopped before {n / 1e6:g} MB: would exceed {max_seconds:.0f} s")
                break
            if density * n > MAX_RESULTS:
                notes.append(f"capped before {n / 1e6:g} MB: >{MAX_RESULTS:,} results")
                break
            text = build(n)
            seconds, count = seconds_per_call(split, text)
            density = count / n
            growth = seconds / last_seconds if last_seconds else 10.0
            per_mb.append(seconds / (len(text.encode("utf-8")) / 1e6) * 1e3)
            last_seconds = seconds
        cells = "".join(f"{v:>12.3f}" for v in per_mb) + f"{'-':>12}" * (len(sizes) - len(per_mb))
        ratio = per_mb[-1] / per_mb[0]
        step = max((b / a for a, b in zip(per_mb, per_mb[1:])), default=1.0)
        print(f"{name:<40}{cells}   {ratio:>10.2f}  {step:>10.2f}", flush=True)
        for note in notes:
            print(f"{'':<40}  note: {note}")
        ratios.append((ratio, name))
        steps.append((step, name))
    return max(ratios), max(steps)


if __name__ == "__main__":
    main()
