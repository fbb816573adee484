"""The engine examples on a small dataset: Spark (local[2]) and Dask (two worker
processes) give exactly the single-process rows, refused rows included."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

import sparrow_core as sc
from engines import classify_dask, classify_local, classify_spark, persona_counts, same_rows, write_profiles

ROWS = 4000


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_profiles(tmp_path_factory.mktemp("engines") / "profiles", ROWS)


def test_local_answer_has_every_row_and_the_refused_ones(dataset: Path) -> None:
    local = classify_local(dataset)
    assert local.num_rows == ROWS == pq.read_table(dataset).num_rows
    refused = [r for r in local.to_pylist() if r["error"] is not None]
    assert len(refused) == ROWS // 997
    assert all(r["error"] == "profile_out_of_range" and r["error_field"] == "age" for r in refused)
    assert sum(persona_counts(local).values()) == ROWS


def test_spark_map_in_arrow_equals_one_process(dataset: Path, tmp_path: Path) -> None:
    result = classify_spark(dataset, tmp_path / "spark")
    local = classify_local(dataset)
    assert result.num_rows == ROWS
    assert same_rows(local, result)
    assert persona_counts(result) == persona_counts(local)


def test_dask_map_partitions_with_a_shipped_model_equals_one_process(dataset: Path, tmp_path: Path) -> None:
    model = sc.train_personas(sc.synthetic_profiles(3000, 2), k=3, seed=4)
    result = classify_dask(dataset, tmp_path / "dask", model)
    local = classify_local(dataset, model)
    assert result.num_rows == ROWS
    assert same_rows(local, result)
    assert set(result.column("model_version").to_pylist()) == {model.model_version, None}
