"""Rows per second and peak memory of the engine examples on a large Parquet dataset:
one process streaming Parquet → classify_blended_arrow → Parquet, Spark local[2]
(mapInArrow) and a Dask LocalCluster of two worker processes (map_partitions).

    python benches/python/engines_bench.py [ROWS] [ENGINES]   # default 10000000 local,spark,dask

The dataset is ROWS synthetic profiles in files of one million rows (the same million
profiles in each file, each row with its own user_id). Peak RSS is the largest sum of
the resident memory of this process and all its descendants (the JVM, Python workers,
Dask workers), sampled every 0.2 s.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "python"))
import engines  # noqa: E402

import sparrow_core as sc  # noqa: E402

PER_FILE = 1_000_000


def write_dataset(path: Path, rows: int) -> None:
    path.mkdir(parents=True)
    base = pa.Table.from_pylist([dict(p) for p in sc.synthetic_profiles(min(rows, PER_FILE), 11)])
    done = 0
    f = 0
    while done < rows:
        n = min(PER_FILE, rows - done)
        ids = pa.array([f"u{done + i:09d}" for i in range(n)])
        pq.write_table(base.slice(0, n).append_column("user_id", ids), path / f"part-{f:03d}.parquet")
        done += n
        f += 1


class PeakRss:
    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def one_process(data: Path, out: Path) -> int:
    rows = 0
    writer = None
    for file in sorted(data.glob("*.parquet")):
        for batch in pq.ParquetFile(file).iter_batches(batch_size=65_536):
            result = sc.classify_blended_arrow(batch, keep=["user_id"])
            if writer is None:
                writer = pq.ParquetWriter(out, result.schema)
            writer.write_batch(result)
            rows += result.num_rows
    if writer is not None:
        writer.close()
    return rows


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    chosen = (sys.argv[2] if len(sys.argv) > 2 else "local,spark,dask").split(",")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "profiles"
        start = time.perf_counter()
        write_dataset(data, rows)
        print(f"dataset: {rows:,} rows written in {time.perf_counter() - start:.1f} s")
        print(f"{'engine':<40} {'seconds':>8} {'rows/s':>12} {'peak RSS':>10}")
        for name in chosen:
            out = Path(tmp) / f"out-{name}"
            with PeakRss() as rss:
                start = time.perf_counter()
                if name == "local":
                    n = one_process(data, out.with_suffix(".parquet"))
                    label = "one process, streaming (65,536-row batches)"
                elif name == "spark":
                    n = engines.classify_spark(data, out).num_rows
                    label = "Spark local[2], mapInArrow"
                else:
                    n = engines.classify_dask(data, out).num_rows
                    label = "Dask LocalCluster, 2 worker processes"
                took = time.perf_counter() - start
            assert n == rows, (name, n)
            print(f"{label:<40} {took:>8.1f} {n / took:>12,.0f} {rss.peak / 2**20:>8,.0f} MiB")


if __name__ == "__main__":
    main()
