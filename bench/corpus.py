"""Documents the sentence benchmarks run on.

The UD English EWT and GUM dev documents from ../shared/data/sbd when they are there
(research data: read in place, never copied into the repo); otherwise a corpus generated
here from fixed word lists, so the scripts still run on a fresh checkout.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "sbd"
DEV_FILES = ("ud_ewt.dev.jsonl", "ud_gum.dev.jsonl")


def data_dir(cli_value: str | None) -> Path:
    """--data wins, then $RAPIDTEXT_SBD_DATA, then ../shared/data/sbd."""
    return Path(cli_value or os.environ.get("RAPIDTEXT_SBD_DATA") or DEFAULT_DATA)


def load_documents(directory: Path) -> tuple[list[str], str]:
    """The dev documents and a name for them, or the generated corpus if they are absent."""
    paths = [directory / name for name in DEV_FILES]
    if all(p.is_file() for p in paths):
        docs = []
        for p in paths:
            with p.open(encoding="utf-8") as f:
                docs.extend(json.loads(line)["text"] for line in f if line.strip())
        return docs, "UD EWT dev + GUM dev (" + str(directory) + ")"
    return generated_documents(), f"generated corpus ({directory} not found)"


_NAMES = ["Smith", "Keller", "Zoë Šimić", "O'Neil", "Nakamura", "Dubois", "Алексеев"]
_TITLES = ["Dr.", "Mr.", "Mrs.", "Prof.", "Sen.", "Gen."]
_VERBS = ["said", "wrote", "argued", "reported", "added", "asked whether", "denied that"]
_THINGS = [
    "the budget of $4.5 billion was approved",
    "the meeting ended at 3 p.m. on Friday",
    "about 2,500 families (roughly 9% of the region) would get aid",
    "the U.S. delegation did not comment",
    "results were expected within weeks",
    "the report, e.g. its second part, was late",
    "prices rose 3.2% in Q3",
    "the café near Zürich closed",
]
_ENDS = [".", ".", ".", "!", "?", '."', ".)", "…"]


def _sentence(rng: random.Random) -> str:
    who = f"{rng.choice(_TITLES)} {rng.choice(_NAMES)}"
    return f"{who} {rng.choice(_VERBS)} {rng.choice(_THINGS)}{rng.choice(_ENDS)}"


def generated_documents(count: int = 400, seed: int = 7) -> list[str]:
    """`count` news-like documents of 2-6 paragraphs of 2-8 sentences (deterministic)."""
    rng = random.Random(seed)
    docs = []
    for _ in range(count):
        paragraphs = [
            " ".join(_sentence(rng) for _ in range(rng.randint(2, 8)))
            for _ in range(rng.randint(2, 6))
        ]
        docs.append("\n".join(paragraphs))
    return docs


def megabytes(docs: list[str]) -> float:
    """Size of the documents in UTF-8, in MB (10^6 bytes)."""
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6
