"""Trains the bundled English entity model and writes it to data/models/.

    python bench/train_entities.py [--data DIR] [--epochs N] [--hash-bits B] [--out PATH]

Training data: CoNLL-2003 train + UNER English-EWT train from ../shared/data/ner, plus lower-cased
copies of 15 % and upper-cased copies of 5 % of those documents. Settings (15 epochs, 2^20 hash
rows, those shares, 5 averaged example orders, no document-history pass) were chosen on the
dev files with bench/eval_entities.py. Deterministic: the same data and settings give
the same file.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ner_data import data_dir, examples
from rapidtext import EntityTagger

TRAIN_FILES = ["conll2003.train.jsonl", "uner_ewt.train.jsonl"]
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "models" / "en_entities.rtner"


def case_copies(docs: list, change, share: float, seed: int) -> list:
    """Copies of a random share of `docs` with their case changed (`str.lower`/`str.upper`):
    names in user text are often written in lower case or in all-caps headlines, and the
    copies teach the model to read words, not only case. Offsets must survive the change."""
    rng = random.Random(seed)
    out = []
    for text, spans in docs:
        if rng.random() < share:
            changed = change(text)
            if len(changed) == len(text):
                out.append((changed, spans))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with the NER JSONL files")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--hash-bits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--orders", type=int, default=5, help="average models of N example orders")
    parser.add_argument(
        "--history",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="add the document-history second pass",
    )
    parser.add_argument(
        "--lowercase-share",
        type=float,
        default=0.15,
        help="also train on a lower-cased copy of this share of the documents",
    )
    parser.add_argument(
        "--uppercase-share",
        type=float,
        default=0.05,
        help="also train on an upper-cased copy of this share of the documents",
    )
    parser.add_argument("--extra", nargs="*", default=[], help="more training files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    folder = data_dir(args.data)
    train = [ex for name in TRAIN_FILES + args.extra for ex in examples(folder / name)]
    train += case_copies(train, str.lower, args.lowercase_share, args.seed) + case_copies(
        train, str.upper, args.uppercase_share, args.seed + 1
    )
    print(f"{len(train)} documents from {', '.join(TRAIN_FILES)}")

    def report(stats: dict) -> None:
        print(
            f"{stats['phase']:>8} epoch {stats['epoch']:2d}: {stats['seconds']:.2f} s, "
            f"training token accuracy {stats['token_accuracy']:.4f}"
        )

    started = time.perf_counter()
    tagger = EntityTagger.train(
        train,
        epochs=args.epochs,
        hash_bits=args.hash_bits,
        seed=args.seed,
        orders=args.orders,
        history=args.history,
        on_epoch=report,
    )
    print(f"trained in {time.perf_counter() - started:.1f} s")
    tagger.save(str(args.out))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
