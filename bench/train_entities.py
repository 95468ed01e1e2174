"""Trains the bundled English entity model and writes it to data/models/.

    python bench/train_entities.py [--data DIR] [--epochs N] [--hash-bits B] [--out PATH]

Training data: CoNLL-2003 train + UNER English-EWT train from ../shared/data/ner (settings were
chosen on the dev files with bench/eval_entities.py). Deterministic: the same data and settings
give the same file.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ner_data import data_dir, examples

from rapidtext import EntityTagger

TRAIN_FILES = ["conll2003.train.jsonl", "uner_ewt.train.jsonl"]
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "models" / "en_entities.rtner"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the NER JSONL files")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--hash-bits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    folder = data_dir(args.data)
    train = [ex for name in TRAIN_FILES for ex in examples(folder / name)]
    print(f"{len(train)} documents from {', '.join(TRAIN_FILES)}")

    def report(stats: dict) -> None:
        print(
            f"epoch {stats['epoch']:2d}: {stats['seconds']:.2f} s, "
            f"training token accuracy {stats['token_accuracy']:.4f}"
        )

    started = time.perf_counter()
    tagger = EntityTagger.train(
        train, epochs=args.epochs, hash_bits=args.hash_bits, seed=args.seed, on_epoch=report
    )
    print(f"trained in {time.perf_counter() - started:.1f} s")
    tagger.save(str(args.out))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
