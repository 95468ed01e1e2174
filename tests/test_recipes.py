"""The per-batch functions of the Ray and Spark recipes in examples/, run on pandas
DataFrames directly (neither Ray nor Spark is needed for this)."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from rapidtext.frames import entities_frame

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

BATCH = pd.DataFrame(
    {
        "id": [7, 3, 11],
        "text": ["Angela Merkel visited Paris on Monday.", None, "IBM paid Zoë Šimić $4 million."],
    },
    index=[100, 101, 102],  # a batch's own index is not its ids
)


def _load(name):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _expected():
    texts = pd.Series(BATCH["text"].to_numpy(), index=BATCH["id"].to_numpy())
    return entities_frame(texts).rename(columns={"doc": "id"})


@pytest.mark.parametrize("name", ["ray_recipe", "spark_recipe"])
def test_recipes_import_neither_ray_nor_spark(name):
    _load(name)
    assert "ray" not in sys.modules and "pyspark" not in sys.modules


def test_ray_batch_function():
    got = _load("ray_recipe").entities_batch(BATCH)
    assert set(got["id"]) == {7, 11}
    assert {"PER", "LOC", "ORG", "MONEY"} <= set(got["label"])
    pd.testing.assert_frame_equal(got, _expected())
    for id_, start, end, text in got[["id", "start", "end", "text"]].itertuples(index=False):
        assert BATCH.set_index("id")["text"][id_][start:end] == text


def test_spark_partition_function_matches_its_schema():
    recipe = _load("spark_recipe")
    out = list(recipe.entities_partition(iter([BATCH, BATCH.iloc[:0], BATCH.iloc[2:]])))
    assert len(out) == 3 and len(out[1]) == 0
    expected = _expected()
    expected["label"] = expected["label"].astype(str)
    pd.testing.assert_frame_equal(out[0], expected)
    pd.testing.assert_frame_equal(out[2], expected[expected["id"] == 11].reset_index(drop=True))
    # Column names and kinds as declared to Spark.
    declared = [field.split() for field in recipe.SCHEMA.split(", ")]
    assert [name for name, _ in declared] == list(out[0].columns)
    kinds = {"long": "i", "double": "f", "string": "O"}
    for (name, spark_type), frame in ((d, f) for d in declared for f in out):
        dtype = frame[name].dtype
        assert dtype.kind == kinds[spark_type] or (spark_type == "string" and dtype == str), name
