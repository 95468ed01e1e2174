"""Entities of a large text column with PySpark, via an iterator-of-pandas UDF.

`entities_partition` is plain pandas: Spark's `mapInPandas` feeds it the rows of a
partition as an iterator of pandas DataFrames and takes back one row per entity. Run
with `python examples/spark_recipe.py` (needs `pip install pyspark pyarrow` and Java);
the function itself needs only rapidtext and pandas.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
from rapidtext.frames import entities_frame

# What `entities_partition` yields, as Spark's schema; Spark has no categorical type,
# so the label travels as a string.
SCHEMA = "id long, start long, end long, text string, label string, score double"


def entities_partition(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Batches with columns ``id``, ``text`` in; per batch, its entities out."""
    for batch in batches:
        texts = pd.Series(batch["text"].to_numpy(), index=batch["id"].to_numpy())
        # One thread per task: Spark already runs one task per core.
        frame = entities_frame(texts, n_threads=1).rename(columns={"doc": "id"})
        frame["label"] = frame["label"].astype(str)
        yield frame


def main() -> None:
    from pyspark.sql import SparkSession  # only here: the UDF body does not need Spark

    paragraphs = Path(__file__).with_name("news.txt").read_text(encoding="utf-8").split("\n\n")
    docs = pd.DataFrame({"id": range(len(paragraphs) * 100), "text": paragraphs * 100})
    spark = SparkSession.builder.appName("rapidtext-entities").getOrCreate()
    frame = spark.createDataFrame(docs)
    # Every partition is streamed through the function in Arrow batches.
    entities = frame.mapInPandas(entities_partition, schema=SCHEMA)
    entities.groupBy("label").count().orderBy("count", ascending=False).show()
    spark.stop()


if __name__ == "__main__":
    main()
