"""xirr and xnpv through Python against pyxirr, side by side in one run.

    python benches/python/returns_bench.py

Schedules like a SIP's: monthly instalments (1, 10 years, and 100 flows of one year
each), a redemption now and then, today's value last; amounts as Decimal for
sparrow-core (it refuses floats) and as the same Decimals for pyxirr (which reads
them). Best of 5 batches; ratio = pyxirr time ÷ sparrow-core time.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from importlib.metadata import version

import pyxirr

import sparrow_core as sc
from timing import best


def schedule(months: int) -> list[tuple[date, Decimal]]:
    start = date(2015, 1, 1)
    flows = [(start + timedelta(days=30 * m + m % 3), Decimal(-10_000) - m % 11) for m in range(months)]
    flows.append((start + timedelta(days=30 * months + 10), Decimal(17_000 * months)))
    return flows




def main() -> None:
    print(f"sparrow-core {version('sparrow-core')} vs pyxirr {version('pyxirr')}")
    print("| call | flows | sparrow-core | pyxirr | ratio |")
    print("|---|---|---|---|---|")
    for months, n in [(12, 20_000), (120, 5_000), (1_200, 500)]:
        flows = schedule(months)
        ours, theirs = sc.xirr(flows), pyxirr.xirr(flows)
        assert theirs is not None and abs(float(ours) - theirs) <= 1e-9 * max(1.0, abs(theirs)), (ours, theirs)
        a = best(lambda: sc.xirr(flows), n)
        b = best(lambda: pyxirr.xirr(flows), n)
        print(f"| xirr | {len(flows)} | {a * 1e6:.2f} µs | {b * 1e6:.2f} µs | {b / a:.2f}× |")
        a = best(lambda: sc.xnpv("0.1", flows), n)
        b = best(lambda: pyxirr.xnpv(0.1, flows), n)
        print(f"| xnpv | {len(flows)} | {a * 1e6:.2f} µs | {b * 1e6:.2f} µs | {b / a:.2f}× |")
    arrow_column()


def arrow_column() -> None:
    """Many clients at once: xirr_arrow over a column of 1,000 flow lists (date32 and
    decimal128(14, 2) cells) against pyxirr called once per list from Python."""
    import pyarrow as pa

    lists = [schedule(m) for m in [12 + i % 109 for i in range(1_000)]]
    flows = sum(len(f) for f in lists)
    struct = pa.struct([("date", pa.date32()), ("amount", pa.decimal128(14, 2))])
    table = pa.table({"flows": pa.array([[{"date": d, "amount": a} for d, a in f] for f in lists], pa.list_(struct))})
    ours = sc.xirr_arrow(table)["xirr"].to_pylist()
    for r, f in zip(ours, lists):
        theirs = pyxirr.xirr(f)
        assert theirs is not None and abs(float(r) - theirs) <= 1e-9 * max(1.0, abs(theirs))
    a = best(lambda: sc.xirr_arrow(table), 3)
    b = best(lambda: [pyxirr.xirr(f) for f in lists], 3)
    print(f"| xirr_arrow, 1,000 lists | {flows} | {a * 1e3:.2f} ms | {b * 1e3:.2f} ms (a loop) | {b / a:.2f}× |")


if __name__ == "__main__":
    main()
