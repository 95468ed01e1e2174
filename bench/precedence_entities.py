"""Which should win an overlap, the model's names or the pattern recognisers?

    python bench/precedence_entities.py [--data DIR]

Tags names and pattern entities separately, merges the two layers three ways (model first,
patterns first, longer span first) and scores names on CoNLL-2003 dev and pattern labels on
tests/fixtures/pattern_entities.jsonl. EntityTagger uses "longer wins" (model on a tie).
"""

import argparse
import json
from pathlib import Path

from ner_data import data_dir
from rapidtext import EntityTagger

NAMES = ["PER", "ORG", "LOC", "MISC"]
PATS = ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "EMAIL", "URL"]
FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pattern_entities.jsonl"


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def overlay(preferred, others):
    return list(preferred) + [e for e in others if not any(overlaps(p, e) for p in preferred)]


def merge(order, names, patterns):
    if order == "model first":
        return overlay(names, patterns)
    if order == "patterns first":
        return overlay(patterns, names)
    longer = [
        p for p in patterns if any(overlaps(p, n) and p[1] - p[0] > n[1] - n[0] for n in names)
    ]
    return overlay(longer, overlay(names, patterns))


def score(docs, scored, names_tagger, patterns_tagger):
    tagged = [
        (
            [(e.start, e.end, e.label) for e in names_tagger.tag(d["text"])],
            [(e.start, e.end, e.label) for e in patterns_tagger.tag(d["text"])],
        )
        for d in docs
    ]
    for order in ("model first", "patterns first", "longer wins"):
        tp = fp = fn = 0
        for d, (names, patterns) in zip(docs, tagged):
            pred = {x for x in merge(order, names, patterns) if x[2] in scored}
            gold = {tuple(x) for x in d["entities"] if x[2] in scored}
            tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"  {order:<15} P {p:.4f}  R {r:.4f}  F1 {2 * p * r / max(p + r, 1e-9):.4f}")


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the NER JSONL files")
    args = parser.parse_args()
    names_tagger, patterns_tagger = EntityTagger(labels=NAMES), EntityTagger(labels=PATS)
    print("CoNLL-2003 dev, names:")
    score(
        read(data_dir(args.data) / "conll2003.dev.jsonl"), set(NAMES), names_tagger, patterns_tagger
    )
    print("pattern fixture, pattern labels:")
    score(read(FIXTURE), set(PATS), names_tagger, patterns_tagger)


if __name__ == "__main__":
    main()
