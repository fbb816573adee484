"""Shape parity: every Python result equals the core's JSON for the same input.

``core/tests/fixtures/contract_examples.jsonl`` is written and checked by the core
(``core/tests/contract_json.rs``): for each input, the contract record (``ok``) or the
error record (``error``) as JSON. Here each row is replayed through the Python API and
compared key for key, decimal for decimal — so the Python dicts cannot drift from the
core's shapes again. Decimals compare by their exact text (``format(d, "f")``), which
also checks the scale; amounts must come back as ``Money``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

import pytest

import sparrow_core as sc
from conftest import rows

CALLS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "validate_profile": lambda a: sc.validate_profile(a["input"]),
    "classify": lambda a: sc.classify(a["profile"]),
    "classify_blended": lambda a: sc.classify_blended(a["profile"]),
    "assess_risk_request": lambda a: sc.assess_risk_request(a["body"]),
    "strategy_for": lambda a: sc.strategy_for(a["persona_slug"]).to_dict(),
    "check_strategy": lambda a: sc.check_strategy(sc.database_strategies()[a["database_strategy"]]),
    "blend_allocation": lambda a: sc.blend_allocation(a["distribution"]),
    "split_amount": lambda a: sc.split_amount(a["amount"], a["funds"]),
    "rebalance": lambda a: sc.rebalance(
        a["holdings"], a["target"], drift_band=a["drift_band"], buy_only=a["buy_only"], new_money=a["new_money"]
    ),
    "check_constraints": lambda a: sc.check_constraints(a["holdings"], a["constraints"]),
}

MONEY_KEYS = {"amount", "value", "total", "target_amount", "monthly_sip", "lump_sum"}


def plain(v: Any, key: str = "") -> Any:
    """A Python result as the JSON the core writes."""
    if isinstance(v, Decimal):
        if key in MONEY_KEYS:
            assert isinstance(v, sc.Money), f"{key} should be Money, not {type(v).__name__}"
        return format(v, "f")
    if isinstance(v, dict):
        return {k: plain(x, k) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x, key) for x in v]
    return v


TABLE = rows("contract_examples")


def test_the_table_covers_every_call() -> None:
    assert {r["fn"] for r in TABLE} == set(CALLS)


@pytest.mark.parametrize("row", TABLE, ids=lambda r: r["fn"])
def test_python_equals_the_core(row: dict[str, Any]) -> None:
    call = CALLS[row["fn"]]
    if "ok" in row:
        assert plain(call(row["args"])) == row["ok"]
        return
    with pytest.raises(sc.SparrowError) as info:
        call(row["args"])
    e, want = info.value, row["error"]
    assert type(e).__name__ == want["name"]
    assert (e.code, str(e), e.errors) == (want["code"], want["message"], want["errors"])
