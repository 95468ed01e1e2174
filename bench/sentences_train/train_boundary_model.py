"""Train the English boundary model for gaps that no terminator marks.

Reads UD English-EWT train (CC BY-SA 4.0) from the shared SBD data, adds a hard-wrapped copy
of every document (paragraphs separated by a blank line, lines wrapped at 72 columns: the
procedure that made the shared *.dev.wrapped files), asks the library for each candidate
gap's feature hashes (the same code that scores them at run time), trains an averaged
perceptron and writes data/models/sentences/en_boundaries.tsv. GUM (CC BY-NC-SA) is not
used. Rebuild the library afterwards (maturin develop) to compile the weights in.

    python bench/sentences_train/train_boundary_model.py [--data DIR] [--epochs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

from rapidtext import _rapidtext

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data" / "models" / "sentences" / "en_boundaries.tsv"


def default_sbd() -> Path:
    for parent in REPO.parents:
        if (parent / "shared" / "data" / "sbd").is_dir():
            return parent / "shared" / "data" / "sbd"
    return REPO.parent / "shared" / "data" / "sbd"


def gold_ends(doc) -> set[int]:
    """End offsets of the stripped gold sentences (the convention of sbd_metrics)."""
    text = doc["text"]
    ends = set()
    for start, end in doc["sentences"]:
        while end > start and text[end - 1].isspace():
            end -= 1
        ends.add(end)
    return ends


def wrap_paragraph(paragraph: str, width: int = 72) -> str:
    """Greedy hard wrap: a space becomes a line break where the line would pass `width`."""
    out = list(paragraph)
    line_start, last_space = 0, None
    for i, ch in enumerate(paragraph):
        if ch == " ":
            last_space = i
        if i - line_start >= width and last_space is not None and last_space > line_start:
            out[last_space] = "\n"
            line_start, last_space = last_space + 1, None
    return "".join(out)


def wrapped_copy(doc, gold: set[int]) -> tuple[str, set[int]]:
    """The document hard-wrapped, with its boundaries moved (one more byte per paragraph
    break, as "\n" becomes "\n\n")."""
    text = doc["text"]
    paragraphs = doc["paragraphs"]
    wrapped = "\n\n".join(wrap_paragraph(text[s:e]) for s, e in paragraphs)
    moved = set()
    for end in gold:
        k = next((k for k, (s, e) in enumerate(paragraphs) if s <= end <= e), 0)
        moved.add(end + k)
    return wrapped, moved


def examples(path: Path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            gold = gold_ends(doc)
            for text, ends in [(doc["text"], gold), wrapped_copy(doc, gold)]:
                for end, features in _rapidtext._sentence_boundary_features(text, "en"):
                    out.append((features, end in ends))
    return out


def train(data, epochs: int, seed: int) -> dict[int, float]:
    """Averaged perceptron (weights averaged over every step, computed lazily)."""
    weights: dict[int, float] = defaultdict(float)
    totals: dict[int, float] = defaultdict(float)
    stamps: dict[int, int] = defaultdict(int)
    step = 1
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for features, label in data:
            sign = 1.0 if label else -1.0
            if sum(weights[h] for h in features) * sign <= 0:
                for h in features:
                    totals[h] += (step - stamps[h]) * weights[h]
                    stamps[h] = step
                    weights[h] += sign
            step += 1
    return {h: (totals[h] + (step - stamps[h]) * w) / step for h, w in weights.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("RAPIDTEXT_SBD", default_sbd()))
    )
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=0.0)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    train_file = args.data / "ud_ewt.train.jsonl"
    if not train_file.is_file():
        sys.exit(f"no {train_file} (pass --data)")
    data = examples(train_file)
    positives = sum(label for _, label in data)
    print(f"{len(data)} candidate gaps, {positives} boundaries")
    weights = train(data, args.epochs, args.seed)
    kept = sorted((h, w) for h, w in weights.items() if abs(w) >= 1e-4)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(
            "# Averaged-perceptron weights for sentence boundaries without a terminator (English).\n"
        )
        f.write(
            f"# Trained on UD English-EWT train (CC BY-SA 4.0), {len(data)} gaps, {args.epochs} epochs,\n"
        )
        f.write(
            f"# seed {args.seed}, by bench/sentences_train/train_boundary_model.py; see README.md here.\n"
        )
        f.write(f"threshold\t{args.threshold}\n")
        f.writelines(f"{h:016x}\t{w:.4f}\n" for h, w in kept)
    print(f"wrote {len(kept)} weights to {args.out}")


if __name__ == "__main__":
    main()
