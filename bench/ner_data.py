"""Shared helpers of the entity scripts: where ../shared/data/ner is, and reading its JSONL."""

from __future__ import annotations

import json
import os
from pathlib import Path


def data_dir(override: str | None = None) -> Path:
    """The NER data folder: --data, else $RAPIDTEXT_NER_DATA, else ../shared/data/ner."""
    chosen = override or os.environ.get("RAPIDTEXT_NER_DATA")
    if chosen:
        return Path(chosen)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# WNUT-17 labels onto the CoNLL-2003 set, as the data README maps them.
WNUT_LABELS = {
    "person": "PER",
    "location": "LOC",
    "corporation": "ORG",
    "group": "ORG",
    "product": "MISC",
    "creative-work": "MISC",
}


def examples(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, label), ...]) pairs, as EntityTagger.train takes them."""
    mapping = WNUT_LABELS if path.name.startswith("wnut17") else {}
    return [
        (d["text"], [(s, e, mapping.get(lab, lab)) for s, e, lab in d["entities"]])
        for d in read_jsonl(path)
    ]
