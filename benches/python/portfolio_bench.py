"""portfolio-analyzer-v1 through Python against today's service (a float
implementation of domain.md §8 with today's pydantic models, todays_portfolio.py), side
by side in one process.

    python benches/python/portfolio_bench.py

First both are checked against the recorded rows (how many of today's answers each
reproduces within the fixtures' tolerances); then each analyses the 15-holding request
of benches/data/portfolio_15.json against the recorded 60-fund table. Best of 5
batches; ratio = today's time ÷ sparrow-core's time.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from typing import Any

import sparrow_core as sc

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings-python" / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from portfolio_compare import REFUSED, differences, fund_tables, request_of, rows, skipper  # noqa: E402
from timing import best  # noqa: E402
from todays_portfolio import analyze as todays_analyze  # noqa: E402




def main() -> None:
    tables = fund_tables()
    loaded = {name: t["loaded"] for name, t in tables.items()}
    ours_funds = {name: sc.FundTable.fallback() if t["wire"] is None else sc.FundTable.from_funds(t["wire"]) for name, t in tables.items()}
    agree = {"sparrow-core": 0, "today's (re-implemented)": 0}
    answered = 0
    for row in rows():
        if row["error"] is not None or row["id"] in REFUSED:
            continue
        answered += 1
        today = date.fromisoformat(row["input"]["today"])
        table = row["input"]["fund_table_ref"]
        ours = sc.analyze_portfolio(request_of(row), ours_funds[table], today=today, mode="compat")
        agree["sparrow-core"] += not differences(ours, row["output"], skipper(row))
        theirs = todays_analyze(request_of(row), loaded[table], today)
        agree["today's (re-implemented)"] += not differences(theirs, row["output"], lambda _: False)
    print(f"sparrow-core {version('sparrow-core')}, pydantic {version('pydantic')}")
    print(f"recorded rows reproduced (of {answered}): " + ", ".join(f"{k} {v}" for k, v in agree.items()))

    body = json.loads((ROOT / "benches" / "data" / "portfolio_15.json").read_text(), parse_float=Decimal)
    text = json.dumps(json.loads((ROOT / "benches" / "data" / "portfolio_15.json").read_text()))
    float_body = json.loads(text)
    funds = ours_funds["funds60"]
    today = date(2026, 1, 31)
    n = 2_000
    runs = [
        ("sparrow-core analyze_portfolio (dict in, dict out)", lambda: sc.analyze_portfolio(body, funds, today=today, mode="compat")),
        ("sparrow-core analyze_portfolio_json (JSON text in, JSON text out)",
         lambda: sc.analyze_portfolio_json(text, funds, today=today, mode="compat")),
        ("today's service (pydantic + floats, dict in, dict out)", lambda: todays_analyze(float_body, loaded["funds60"], today)),
    ]
    times = {name: best(f, n) for name, f in runs}
    base = times[runs[2][0]]
    print("| call (15 holdings) | µs | today's ÷ this |")
    print("|---|---|---|")
    for name, t in times.items():
        print(f"| {name} | {t * 1e6:.1f} | {base / t:.2f}× |")


if __name__ == "__main__":
    main()
