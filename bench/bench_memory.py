"""Peak memory and leaks, per analysis (issue: reliability).

For each analysis this measures, each in a fresh subprocess:
  * peak RSS while analysing one 100 MB text, as a multiple of the input size;
  * peak RSS while analysing 10**6 short texts in one batch call;
  * RSS growth across 10**4 repeated batch calls (a leak shows as steady growth).

Run: python bench/bench_memory.py [--mb 100] [--short 1000000] [--repeats 10000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

SAMPLE = (
    "Dr. Maria Keller of the World Health Organization (WHO) met officials in Geneva on "
    "March 3, 2026. The U.S. delegation pledged $4.5 billion! Was it enough? Zoë Šimić "
    "said aid would reach about 2,500 families by 3 p.m. on Friday.\n"
)
SHORT = "Keller met WHO officials in Geneva. They pledged $4.5 billion."

# How each analysis is called: a single-text call and a batch call.
ANALYSES = {
    "sentences": (
        "from rapidtext import SentenceSplitter; a = SentenceSplitter()",
        "a.split",
        "a.split_batch",
    ),
    "entities": (
        "from rapidtext import EntityTagger; a = EntityTagger()",
        "a.tag",
        "a.tag_batch",
    ),
    "keywords": (
        "from rapidtext import KeywordExtractor; a = KeywordExtractor()",
        "a.extract",
        "a.extract_batch",
    ),
}

CHILD = """
import resource, sys, gc
def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
{setup}
"""


def run_child(body: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(body)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(name: str, mb: int, n_short: int, repeats: int) -> dict:
    setup, single, batch = ANALYSES[name]
    big = f"""
{CHILD.format(setup=setup)}
text = {SAMPLE!r} * ({mb} * 1024 * 1024 // len({SAMPLE!r}.encode()))
input_mb = len(text.encode()) / 2**20
base = rss_mb()
result = {single}(text)
import json; print(json.dumps({{"input_mb": input_mb, "base_mb": base, "peak_mb": peak_mb(), "items": len(result)}}))
"""
    many = f"""
{CHILD.format(setup=setup)}
texts = [{SHORT!r}] * {n_short}
input_mb = sum(len(t.encode()) for t in texts) / 2**20
base = rss_mb()
result = {batch}(texts)
import json; print(json.dumps({{"input_mb": input_mb, "base_mb": base, "peak_mb": peak_mb(), "items": len(result)}}))
"""
    leak = f"""
{CHILD.format(setup=setup)}
texts = [{SHORT!r}] * 50
for _ in range(200):
    {batch}(texts)
gc.collect(); start = rss_mb()
for _ in range({repeats}):
    {batch}(texts)
gc.collect(); end = rss_mb()
import json; print(json.dumps({{"start_mb": start, "end_mb": end}}))
"""
    return {"big": run_child(big), "many": run_child(many), "leak": run_child(leak)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--short", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=10_000)
    parser.add_argument("--analyses", nargs="*", default=list(ANALYSES), choices=list(ANALYSES))
    args = parser.parse_args()
    print(
        f"{'analysis':<10} {f'{args.mb} MB text: peak/input':>24} "
        f"{f'{args.short:,} texts: peak/input':>28} {f'leak ({args.repeats:,} batches)':>24}"
    )
    for name in args.analyses:
        r = measure(name, args.mb, args.short, args.repeats)
        big, many, leak = r["big"], r["many"], r["leak"]
        big_x = (big["peak_mb"] - big["base_mb"]) / big["input_mb"]
        many_x = (many["peak_mb"] - many["base_mb"]) / many["input_mb"]
        growth = leak["end_mb"] - leak["start_mb"]
        print(
            f"{name:<10} {big_x:>16.2f}x ({big['input_mb']:.0f} MB) {many_x:>20.2f}x ({many['input_mb']:.0f} MB)"
            f" {growth:>+18.1f} MB",
            flush=True,
        )
    print(
        "peak/input = (peak RSS - RSS before the call) / input size in UTF-8; "
        "results are Python objects (one per sentence/entity/keyword) and count in the peak."
    )


if __name__ == "__main__":
    main()
