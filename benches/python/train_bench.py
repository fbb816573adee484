"""Memory and time of training on every row of a large Parquet dataset via Arrow:
``train_personas_arrow`` over a lazy stream of the files' batches (65,536 rows each,
one read when the trainer asks for the next: no read-ahead).

    python benches/python/train_bench.py [ROWS ...]   # default 10000000 50000000

The dataset is ROWS synthetic profiles in files of one million rows (five distinct
millions, from five seeds, in turn). Each size is trained in a fresh process, so that
its peak resident memory (``ru_maxrss``) is its own; the figure reported is the peak
less the process's resident memory just before the call (the package and
pyarrow loaded), divided by ROWS.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import sparrow_core as sc

PER_FILE = 1_000_000
BASES = 5


def write_dataset(path: Path, rows: int) -> None:
    path.mkdir(parents=True)
    bases = [
        pa.Table.from_pylist([dict(p) for p in sc.synthetic_profiles(min(rows, PER_FILE), 31 + b)])
        for b in range(min(BASES, -(-rows // PER_FILE)))
    ]
    done = 0
    f = 0
    while done < rows:
        n = min(PER_FILE, rows - done)
        pq.write_table(bases[f % len(bases)].slice(0, n), path / f"part-{f:04d}.parquet")
        done += n
        f += 1


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import pyarrow as pa
import pyarrow.parquet as pq
import sparrow_core as sc

def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")

files = sorted(Path(sys.argv[1]).glob("*.parquet"))
schema = pq.read_schema(files[0])
def batches():
    for file in files:
        yield from pq.ParquetFile(file).iter_batches(batch_size=65_536)
# A lazy stream: one batch is read when the trainer asks for the next.
reader = pa.RecordBatchReader.from_batches(schema, batches())
before = rss_kib()
steps = []
start = time.perf_counter()
def progress(i, cap, inertia):
    steps.append(time.perf_counter())
model = sc.train_personas_arrow(reader, k=3, seed=42, on_progress=progress)
end = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "rows": model.training["profiles"],
    "before_kib": before,
    "peak_kib": peak,
    "read_s": steps[0] - start if steps else None,
    "steps": len(steps),
    "lloyd_s": end - steps[0] if steps else None,
    "total_s": end - start,
    "converged": model.training["converged"],
}))
"""


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000_000, 50_000_000]
    print(f"sparrow-core {version('sparrow-core')}, train_personas_arrow over a lazy Parquet stream (k=3, seed=42)")
    for rows in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "profiles"
            t = time.perf_counter()
            write_dataset(data, rows)
            print(f"  {rows:>11,} rows written in {time.perf_counter() - t:.0f} s", flush=True)
            out = subprocess.run([sys.executable, "-c", CHILD, str(data)], check=True, capture_output=True, text=True)
            r = json.loads(out.stdout)
            grown = (r["peak_kib"] - r["before_kib"]) * 1024
            print(
                f"  {r['rows']:>11,} rows: peak RSS +{grown / 2**30:.2f} GiB over the process before the call "
                f"({grown / r['rows']:.0f} B/row; features alone 48 B/row); "
                f"read, validate, encode, seed and first step {r['read_s']:.1f} s ({r['rows'] / r['read_s'] / 1e6:.2f} M rows/s), "
                f"{r['steps']} Lloyd steps in {r['lloyd_s']:.1f} s ({r['lloyd_s'] / max(r['steps'], 1):.2f} s/step), "
                f"converged={r['converged']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
