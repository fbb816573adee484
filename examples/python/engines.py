"""Personas for a whole dataset: one Parquet dataset of profiles classified in one
process, through Apache Spark (``mapInArrow``) and through Dask distributed
(``map_partitions``), with one batch function — ``sparrow_core.arrow.classify_batches``.

    python engines.py --rows 100000 --engine spark     # or dask, or local

Each engine reads the profiles, classifies them (by the rules, or by a persona model
shipped to the workers by pickling), writes the results as Parquet and counts personas.
The tests (``test_engines.py``) check that every engine's rows equal the single-process
answer exactly. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, Optional

import pyarrow as pa
import pyarrow.parquet as pq

import sparrow_core as sc
import sparrow_core.arrow as sa

KEEP = ["user_id"]


def write_profiles(path: Path, rows: int, seed: int = 7, files: int = 4, bad_every: int = 997) -> Path:
    """A Parquet dataset of ``rows`` synthetic profiles with a ``user_id``, in ``files``
    files; every ``bad_every``-th profile has an age of 12, which the rules refuse."""
    path.mkdir(parents=True, exist_ok=True)
    per_file = -(-rows // files)
    written = 0
    for f in range(files):
        n = min(per_file, rows - written)
        if n <= 0:
            break
        profiles = sc.synthetic_profiles(n, seed + f)
        records: list[dict[str, Any]] = []
        for i, p in enumerate(profiles):
            r: dict[str, Any] = dict(p)
            r["user_id"] = f"u{written + i:09d}"
            if (written + i) % bad_every == bad_every - 1:
                r["age"] = 12
            records.append(r)
        pq.write_table(pa.Table.from_pylist(records), path / f"part-{f:03d}.parquet")
        written += n
    return path


def classify_local(path: Path, model: Optional[sc.PersonaModel] = None) -> pa.Table:
    """The single-process answer: the whole dataset through one call."""
    table = pq.read_table(path)
    if model is None:
        result: pa.Table = sc.classify_blended_arrow(table, keep=KEEP)
    else:
        result = model.predict_arrow(table, keep=KEEP)
    return result


def persona_counts(table: pa.Table) -> dict[Optional[str], int]:
    """Rows per primary persona (``None``: refused rows)."""
    return dict(Counter(table.column("primary_persona").to_pylist()))


def classify_spark(path: Path, out: Path, model: Optional[sc.PersonaModel] = None) -> pa.Table:
    """Spark in local mode (``local[2]``): ``mapInArrow`` with ``classify_batches``."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark import cloudpickle
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    # The batch function is pickled by value, so workers need not import this file.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # type: ignore[no-untyped-call]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("sparrow-personas")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        df = spark.read.parquet(str(path))
        schema = sa.output_schema(pa.schema([pa.field("user_id", pa.string())]), KEEP)

        def classify(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
            # Spark hands over its own string encoding; the batch function reads any.
            return sa.classify_batches(batches, model=model, keep=KEEP)

        result = df.mapInArrow(classify, from_arrow_schema(schema))
        result.write.mode("overwrite").parquet(str(out))
        counts = spark.read.parquet(str(out)).groupBy("primary_persona").count().collect()
        print("spark persona counts:", {r["primary_persona"]: r["count"] for r in counts})
    finally:
        spark.stop()
    return pq.read_table(out)


def _classify_partition(pdf: Any, model: Optional[sc.PersonaModel]) -> Any:
    import pandas as pd  # type: ignore[import-untyped]

    table = pa.Table.from_pandas(pdf, preserve_index=False)
    out = (sc.classify_blended_arrow(table, keep=KEEP) if model is None else model.predict_arrow(table, keep=KEEP))
    # ArrowDtype keeps the decimal128 columns exact in pandas (no float64 conversion).
    return out.to_pandas(types_mapper=pd.ArrowDtype)


def classify_dask(path: Path, out: Path, model: Optional[sc.PersonaModel] = None) -> pa.Table:
    """Dask distributed: a ``LocalCluster`` of two worker processes, ``map_partitions``."""
    import dask.dataframe as dd
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    schema = sa.output_schema(pa.schema([pa.field("user_id", pa.string())]), KEEP)
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster, Client(cluster):  # type: ignore[no-untyped-call]
        ddf = dd.read_parquet(str(path))
        result = ddf.map_partitions(_classify_partition, model, meta=meta)
        result.to_parquet(str(out), write_index=False)
        counts = dd.read_parquet(str(out))["primary_persona"].value_counts(dropna=False).compute()
        print("dask persona counts:", counts.to_dict())
    return pq.read_table(out)


def same_rows(a: pa.Table, b: pa.Table) -> bool:
    """Equal row for row by ``user_id``, value for value (string encodings aside)."""
    key: list[tuple[str, Literal["ascending", "descending"]]] = [("user_id", "ascending")]
    return bool(a.sort_by(key).to_pylist() == b.sort_by(key).select(a.column_names).to_pylist())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--engine", choices=["local", "spark", "dask"], default="local")
    ap.add_argument("--model", action="store_true", help="classify with a trained PersonaModel")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = write_profiles(Path(tmp) / "profiles", args.rows)
        model = sc.train_personas(sc.synthetic_profiles(5000, 1), k=3, seed=1) if args.model else None
        start = time.perf_counter()
        if args.engine == "local":
            result = classify_local(data, model)
            pq.write_table(result, Path(tmp) / "personas.parquet")
        elif args.engine == "spark":
            result = classify_spark(data, Path(tmp) / "personas", model)
        else:
            result = classify_dask(data, Path(tmp) / "personas", model)
        took = time.perf_counter() - start
        print(f"{args.engine}: {result.num_rows} rows in {took:.2f} s ({result.num_rows / took:,.0f} rows/s)")
        print("persona counts:", persona_counts(result))
        assert same_rows(classify_local(data, model), result), "the engine's rows differ from one process's"


if __name__ == "__main__":
    main()
