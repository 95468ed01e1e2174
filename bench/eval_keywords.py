"""Keyphrase accuracy on the shared dev data: F1@5 and F1@10 per dataset for every
rapidtext method and for YAKE (PyPI `yake`), scored by the shared reference scorer
(lower-cased, Porter-stemmed exact match, macro P/R/F1 per document).

    python bench/eval_keywords.py [--data DIR] [--split dev|train] [--methods a,b] [--no-yake]

The data directory defaults to ../shared/data/kw beside the repo (or $RAPIDTEXT_KW_DATA).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from rapidtext import KeywordExtractor, keyword_methods

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATASETS = ["kpcrowd", "duc2001", "inspec", "semeval2010"]


def load_metrics():
    """The shared reference scorer; the numbers are only comparable when scored by it."""
    eval_dir = Path(os.environ.get("RAPIDTEXT_EVAL", SHARED / "eval"))
    if not (eval_dir / "kw_metrics.py").exists():
        sys.exit(f"reference scorer not found at {eval_dir}/kw_metrics.py (set RAPIDTEXT_EVAL)")
    sys.path.insert(0, str(eval_dir))
    import kw_metrics

    return kw_metrics


def load(path: Path) -> tuple[list[str], list[list[str]]]:
    texts, golds = [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts.append(record["text"])
            golds.append(record["keyphrases"])
    return texts, golds


def yake_predictions(texts: list[str]) -> list[list[str]]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    return [[k for k, _ in extractor.extract_keywords(t)] for t in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("RAPIDTEXT_KW_DATA", SHARED / "data" / "kw")),
    )
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--methods", default=",".join(keyword_methods()))
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--no-yake", action="store_true", help="skip the YAKE peer (slow)")
    args = parser.parse_args()
    metrics = load_metrics()
    systems = [m for m in args.methods.split(",") if m]
    if not args.no_yake:
        systems.append("YAKE (PyPI)")
    table: dict[str, dict[str, tuple[float, float]]] = {s: {} for s in systems}
    datasets = [
        d for d in args.datasets.split(",") if (args.data / f"{d}.{args.split}.jsonl").exists()
    ]
    if not datasets:
        sys.exit(f"no {args.split} files under {args.data}")
    for name in datasets:
        texts, golds = load(args.data / f"{name}.{args.split}.jsonl")
        for system in systems:
            start = time.perf_counter()
            if system == "YAKE (PyPI)":
                predictions = yake_predictions(texts)
            else:
                extractor = KeywordExtractor("en", method=system, top_k=10)
                predictions = [[k.text for k in found] for found in extractor.extract_batch(texts)]
            result = metrics.score(predictions, golds)
            table[system][name] = (result["@5"]["F1"], result["@10"]["F1"])
            print(
                f"  {name:12s} {system:14s} F1@5 {result['@5']['F1']:.3f}  "
                f"F1@10 {result['@10']['F1']:.3f}  ({time.perf_counter() - start:.1f}s)",
                file=sys.stderr,
            )
    header = "| method | " + " | ".join(f"{d} F1@5 | {d} F1@10" for d in datasets)
    print(header + " | mean F1@10 |")
    print("|---" * (2 * len(datasets) + 2) + "|")
    for system in systems:
        cells = " | ".join(
            f"{table[system][d][0]:.3f} | {table[system][d][1]:.3f}" for d in datasets
        )
        mean = sum(table[system][d][1] for d in datasets) / len(datasets)
        print(f"| {system} | {cells} | {mean:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
