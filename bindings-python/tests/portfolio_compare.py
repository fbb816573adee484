"""Comparing a portfolio analysis with a recorded answer of today's service, by the rules
of core/tests/fixtures/README (money within 0.01, fractions within 1e-9, texts and nulls
exactly), leaving out what a row's ``exact_diff.half_even`` names (the float artifacts
that exact arithmetic answers differently; core/tests/portfolio_parity.rs pins those).
Shared by the package's tests and the example service's."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"
MONEY = {"current_value", "value", "purchase_amount", "unrealized_gain", "target_value",
         "transaction_amount", "estimated_gain", "total_value"}
TOTALS = {"total_sell_amount", "total_buy_amount", "net_transaction"}
UNITS = {"units", "transaction_units"}
#: Rows that are refused by design (docs/decisions.md): amounts beyond Money.
REFUSED = {"edge-041": "holdings[0].amount", "error-007": "holdings[0].amount"}


def rows() -> list[dict[str, Any]]:
    with (FIXTURES / "portfolio_v1_examples.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fund_tables() -> dict[str, Any]:
    tables: dict[str, Any] = json.loads((FIXTURES / "portfolio_funds.json").read_text(encoding="utf-8"))["tables"]
    return tables


def request_of(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row["input"].items() if k not in ("today", "fund_table_ref")}


def skipper(row: dict[str, Any]) -> Callable[[str], bool]:
    diffs = (row.get("exact_diff") or {}).get("half_even", [])

    def skip(path: str) -> bool:
        for d in diffs:
            in_actions = path.startswith("$.rebalancing_actions")
            if d in ("action-set", "action-order") and in_actions:
                return True
            for part in ("reason", "priority", "tax_note"):
                if d == f"action-{part}" and in_actions and path.endswith(f".{part}"):
                    return True
            if d == "summary-alignment_score" and path == "$.summary.alignment_score":
                return True
            if d == "summary-primary_issues" and path.startswith("$.summary.primary_issues"):
                return True
            if d == "metrics-weighted_volatility" and path == "$.current_metrics.weighted_volatility":
                return True
            if d.startswith("summary-") and d.endswith("-num") and path == f"$.summary.{d[8:-4]}":
                return True
        return False

    return skip


def differences(got: Any, want: Any, skip: Callable[[str], bool]) -> list[str]:
    total = max(float(got["current_metrics"]["total_value"]), 1e-9)
    out: list[str] = []

    def tol(key: str) -> float:
        if key in MONEY:
            return 0.01 + 1e-9
        if key in TOTALS:
            return 0.035
        if key == "target_weight":
            return 0.01 / total + 1e-9
        if key in UNITS:
            return 0.011
        return 1e-9

    def walk(path: str, key: str, g: Any, w: Any) -> None:
        if skip(path):
            return
        number = (int, float, Decimal)
        if isinstance(g, number) and isinstance(w, number) and not isinstance(g, bool) and not isinstance(w, bool):
            if abs(float(g) - float(w)) > tol(key):
                out.append(f"{path}: got {g} want {w}")
        elif isinstance(g, dict) and isinstance(w, dict):
            if list(g) != list(w):
                out.append(f"{path}: keys {list(g)} want {list(w)}")
                return
            for k in g:
                walk(f"{path}.{k}", k, g[k], w[k])
        elif isinstance(g, list) and isinstance(w, list):
            if len(g) != len(w):
                out.append(f"{path}: {len(g)} items, want {len(w)}")
                return
            for i, (a, b) in enumerate(zip(g, w)):
                walk(f"{path}[{i}]", key, a, b)
        elif g != w or type(g) is not type(w):
            out.append(f"{path}: got {g!r} want {w!r}")

    walk("$", "", got, want)
    return out
