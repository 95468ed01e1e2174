"""Entities of a large text column with Ray Data, batch by batch.

`entities_batch` is plain pandas: Ray calls it on each batch of rows (as a pandas
DataFrame) and gets back one row per entity. Run with `python examples/ray_recipe.py`
(needs `pip install "ray[data]"`); the function itself needs only rapidtext and pandas.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rapidtext.frames import entities_frame


def entities_batch(batch: pd.DataFrame) -> pd.DataFrame:
    """Columns ``id``, ``text`` in; ``id``, ``start``, ``end``, ``text``, ``label``,
    ``score`` out, one row per entity (rows with a missing text give none)."""
    # The ids as the Series' index become the frame's `doc` column.
    texts = pd.Series(batch["text"].to_numpy(), index=batch["id"].to_numpy())
    # One thread per batch: Ray already runs one task per core. The bundled tagger is
    # built once per worker process and reused by every batch.
    frame = entities_frame(texts, n_threads=1)
    return frame.rename(columns={"doc": "id"})


def main() -> None:
    import ray  # only here: the batch function does not need Ray

    paragraphs = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").split("\n\n")
    docs = pd.DataFrame({"id": range(len(paragraphs) * 100), "text": paragraphs * 100})
    ray.init()
    dataset = ray.data.from_pandas(docs)
    # batch_format="pandas": each call gets a pandas DataFrame of up to 512 rows.
    entities = dataset.map_batches(entities_batch, batch_format="pandas", batch_size=512)
    found = entities.to_pandas()
    print(found.groupby("label", observed=True)["text"].agg(lambda t: t.value_counts().index[0]))


if __name__ == "__main__":
    main()
