"""Accuracy of rapidtext's sentence splitter on the shared SBD data.

Prints golden-rule pass rates (English and every language with a golden file, strict and
whitespace-collapsed) and boundary P/R/F1 on the UD dev documents, plain and hard-wrapped.
Scoring follows ../shared/eval/sbd_metrics.py (imported from there).

    python bench/eval_sentences.py [--data DIR] [--newlines auto] [--show-failures]
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import sys
from pathlib import Path

from rapidtext import SentenceSplitter, supported_languages


def default_shared() -> Path:
    """`../shared` beside the repo (or beside a parent folder, for git worktrees)."""
    repo = Path(__file__).resolve().parents[1]
    for parent in repo.parents:
        if (parent / "shared" / "data" / "sbd").is_dir():
            return parent / "shared"
    return repo.parent / "shared"


UD_FILES = ["ud_ewt.dev", "ud_gum.dev"]


def load_metrics(shared: Path):
    path = shared / "eval" / "sbd_metrics.py"
    spec = importlib.util.spec_from_file_location("sbd_metrics", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def skipped(row) -> bool:
    """Cases written for a segmenter that rewrites its input (see the sbd README)."""
    return bool(row.get("clean")) or bool(row.get("doc_type"))


def golden(metrics, path: Path, splitter, show_failures: bool, by=None, skip_rewriting=True):
    """(strict, collapsed, total) per group (or one group 'all')."""
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for row in metrics.read_jsonl(path):
        if skip_rewriting and skipped(row):
            continue
        got = [s.text for s in splitter.split(row["text"])]
        strict, collapsed = metrics.golden_pass(row["sentences"], got)
        group = row.get(by, "all") if by else "all"
        c = counts[group]
        c[0] += strict
        c[1] += collapsed
        c[2] += 1
        if show_failures and not collapsed:
            print(
                f"  FAIL {row['id']}: {row['text']!r}\n    want {row['sentences']!r}\n    got  {got!r}"
            )
    return counts


def boundaries(metrics, path: Path, splitter):
    tp = n_pred = n_gold = 0
    for doc in metrics.read_jsonl(path):
        text = doc["text"]
        pred = [(s.start, s.end) for s in splitter.split(text)]
        a, b, c = metrics.boundary_counts(text, doc["sentences"], pred)
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
    return tp, n_pred, n_gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("RAPIDTEXT_SHARED", default_shared()))
    )
    parser.add_argument("--newlines", default="auto", choices=["auto", "split", "ignore"])
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    shared = args.data
    sbd = shared / "data" / "sbd"
    if not sbd.is_dir():
        sys.exit(f"no SBD data at {sbd} (pass --data or set RAPIDTEXT_SHARED)")
    metrics = load_metrics(shared)
    en = SentenceSplitter("en", newlines=args.newlines)

    print("== golden rules (strict / whitespace-collapsed) ==")
    c = golden(metrics, sbd / "golden_en.jsonl", en, args.show_failures, skip_rewriting=False)
    c = c["all"]
    print(f"en golden        {c[0]:3d}/{c[2]}  {c[1]:3d}/{c[2]}")
    for group, c in sorted(
        golden(metrics, sbd / "en_cases.jsonl", en, args.show_failures, "group").items()
    ):
        print(f"en_cases {group:16s} {c[0]:3d}/{c[2]}  {c[1]:3d}/{c[2]}")
    for path in sorted(sbd.glob("golden_*.jsonl")):
        code = path.stem.split("_", 1)[1]
        if code == "en":
            continue
        if code not in supported_languages():
            print(f"{code:16s} unsupported")
            continue
        splitter = SentenceSplitter(code, newlines=args.newlines)
        c = golden(metrics, path, splitter, args.show_failures)["all"]
        print(f"{code:16s} {c[0]:3d}/{c[2]}  {c[1]:3d}/{c[2]}")

    print("== UD dev boundaries (P / R / F1) ==")
    for variant in ["", ".wrapped"]:
        total = [0, 0, 0]
        for name in UD_FILES:
            counts = boundaries(metrics, sbd / f"{name}{variant}.jsonl", en)
            total = [t + x for t, x in zip(total, counts)]
            p, r, f = metrics.prf(*counts)
            print(f"{name + variant:22s} P={p:.4f} R={r:.4f} F1={f:.4f}")
        p, r, f = metrics.prf(*total)
        print(f"{'combined' + variant:22s} P={p:.4f} R={r:.4f} F1={f:.4f}")


if __name__ == "__main__":
    main()
