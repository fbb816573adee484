"""portfolio-analyzer-v1 through Python: the recorded rows of today's service, the
dated tax tables, and the argument rules."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

import sparrow_core as sc
from portfolio_compare import REFUSED, differences, fund_tables, request_of, rows, skipper

TABLES = fund_tables()


def funds(name: str) -> sc.FundTable:
    wire = TABLES[name]["wire"]
    return sc.FundTable.fallback() if wire is None else sc.FundTable.from_funds(wire)


FUNDS = {name: funds(name) for name in TABLES}


def run(row: dict[str, Any], **kw: Any) -> Any:
    today = date.fromisoformat(row["input"]["today"])
    return sc.analyze_portfolio(request_of(row), FUNDS[row["input"]["fund_table_ref"]], today=today, mode="compat", **kw)


@pytest.mark.parametrize("row", [r for r in rows() if r["error"] is None and r["id"] not in REFUSED], ids=lambda r: r["id"])
def test_recorded_answers(row: dict[str, Any]) -> None:
    got = run(row)
    assert differences(got, row["output"], skipper(row)) == []


def test_types_are_exact() -> None:
    row = next(r for r in rows() if r["id"] == "rand-0001")
    got = run(row)
    assert isinstance(got["current_metrics"]["total_value"], sc.Money)
    assert isinstance(got["holdings"][0]["weight"], Decimal) and not isinstance(got["holdings"][0]["weight"], float)
    assert got["rebalancing_actions"][0]["action"] == "SELL"
    assert list(got) == ["request_id", "current_allocation", "target_allocation", "allocation_gaps",
                         "current_metrics", "holdings", "rebalancing_actions", "summary", "model_version"]
    assert got["model_version"] == "portfolio-analyzer-v1"


def test_json_text_is_todays_body_with_exact_numbers() -> None:
    row = next(r for r in rows() if r["id"] == "rand-0001")
    today = date.fromisoformat(row["input"]["today"])
    text = sc.analyze_portfolio_json(json.dumps(request_of(row)), FUNDS["funds60"], today=today, mode="compat")
    body = json.loads(text, parse_float=Decimal)
    assert body["current_metrics"]["total_value"] == Decimal("31000.00")
    assert '"total_value":31000.00' in text
    assert differences(body, row["output"], skipper(row)) == []


@pytest.mark.parametrize("row", [r for r in rows() if r["error"] is not None or r["id"] in REFUSED], ids=lambda r: r["id"])
def test_refusals(row: dict[str, Any]) -> None:
    if row["id"] == "edge-038":  # a 500 today: a class summing to 1.0000000000000002
        assert run(row)["current_allocation"]["equity"] == Decimal("1")
        return
    with pytest.raises(sc.InputError) as info:
        run(row)
    assert info.value.code == "portfolio_input"
    if row["id"] in REFUSED:
        assert info.value.errors[0]["field"] == REFUSED[row["id"]]
    else:
        loc = row["error"]["body"]["detail"][0]["loc"][1:]
        field = "".join(f"[{p}]" if isinstance(p, int) else (p if i == 0 else f".{p}") for i, p in enumerate(loc))
        assert info.value.errors[0]["field"] == field


def lot(days: int, gain: int) -> dict[str, Any]:
    today = date(2025, 6, 30)
    return {
        "holdings": [{"scheme_code": 138081, "amount": 500000, "purchase_date": (today.fromordinal(today.toordinal() - days)).isoformat(),
                      "purchase_amount": 500000 - gain}],
        "target_allocation": {"debt": 1},
        "profile": {},
    }


def test_dated_tax_tables() -> None:
    today = date(2025, 6, 30)
    parity = sc.analyze_portfolio(lot(400, 300000), FUNDS["funds60"], today=today)
    new = sc.analyze_portfolio(lot(400, 300000), FUNDS["funds60"], today=today, tax=sc.TaxTable.equity_2024())
    sell = [a for a in new["rebalancing_actions"] if a["action"] == "SELL"][0]
    assert sell["tax_note"] == "LTCG: 12.5% tax on gains above INR 1.25 lakh"
    assert new["summary"]["tax_impact_summary"] == "Estimated INR 21,875 LTCG tax (gains: INR 300,000 above INR 1.25L exemption)"
    assert parity["summary"]["tax_impact_summary"] == "Estimated INR 20,000 LTCG tax (gains: INR 300,000 above INR 1L exemption)"
    # 12 months, not 365 days: 366 days held over a leap year is long-term under both.
    short = sc.analyze_portfolio(lot(200, 100000), FUNDS["funds60"], today=today, tax=sc.TaxTable.equity_2024())
    assert short["summary"]["tax_impact_summary"] == "Estimated INR 20,000 STCG tax (gains: INR 100,000)"
    assert sc.TaxTable.equity_2024().id == "india-equity-2024-07-23"
    again = sc.TaxTable.from_json(sc.TaxTable.parity().to_json())
    assert again.id == "portfolio-analyzer-v1"
    with pytest.raises(sc.ConfigError) as info:
        sc.TaxTable.from_json('{"id": "x", "regimes": []}')
    assert info.value.code == "portfolio_tax_table"


def test_arguments() -> None:
    body = lot(10, 0)
    f = FUNDS["funds60"]
    with pytest.raises(TypeError):
        sc.analyze_portfolio(body, f, today=datetime(2025, 6, 30))  # a datetime is not a day
    with pytest.raises(sc.InputError) as info:
        sc.analyze_portfolio({**body, "extra": 1}, f, today=date(2025, 6, 30))
    assert info.value.errors[0]["field"] == "extra"
    # compat ignores the unknown key and reads "138081".
    compat = {**body, "extra": 1, "holdings": [{**body["holdings"][0], "scheme_code": "138081"}]}
    assert sc.analyze_portfolio(compat, f, today=date(2025, 6, 30), mode="compat")["holdings"][0]["scheme_code"] == 138081
    # A float in a request dict is read from its shortest repr, as a JSON body's number
    # would be (the contract's rule for dict requests): 0.1 is exactly 0.10.
    tenth = sc.analyze_portfolio({**body, "holdings": [{"scheme_code": 1, "amount": 0.1}]}, f, today=date(2025, 6, 30))
    assert tenth["current_metrics"]["total_value"] == sc.Money("0.10")
    with pytest.raises(sc.InputError) as info:
        sc.analyze_portfolio({**body, "holdings": [{"scheme_code": 1, "amount": Decimal("0.001")}]}, f, today=date(2025, 6, 30))
    assert info.value.errors[0]["field"] == "holdings[0].amount"  # strict: no more than paise
    with pytest.raises(sc.InputError):
        sc.analyze_portfolio(body, f, today=date(2025, 6, 30), mode="lax")  # type: ignore[arg-type]
    assert len(sc.FundTable.fallback()) == 5
    assert sc.FundTable.fallback().scheme_codes()[0] == 119598
    with pytest.raises(sc.InputError) as info:
        sc.FundTable.from_json('[{"scheme_code": 1, "nav": -1}]')
    assert info.value.code == "portfolio_fund_table" and info.value.errors[0]["field"] == "funds[0].nav"


def test_target_sum_check() -> None:
    assert sc.check_target_allocation({"equity": Decimal("0.1"), "debt": "0.2", "liquid": "0.7"})["liquid"] == Decimal("0.7")
    with pytest.raises(sc.InputError) as info:
        sc.check_target_allocation({"equity": "0.4", "debt": "0.35"})
    assert info.value.errors[0]["field"] == "target_allocation" and "0.75" in str(info.value)
