"""A plain-Python equivalent of today's portfolio analysis (domain.md §8, float
arithmetic, pydantic v2 request and response models), written from the spec for the
benchmark. Not used by sparrow-core; it is the baseline being compared, and
`portfolio_bench.py` checks it against the recorded rows before timing it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from pydantic import BaseModel, Field

CLASSES = ("equity", "debt", "hybrid", "gold", "international", "liquid")
CATEGORY_MAP = {
    "equity": ["Large Cap", "Mid Cap", "Small Cap", "Flexi Cap", "Large & Mid Cap", "Multi Cap", "Focused", "ELSS",
               "Sectoral", "Thematic", "Index", "Contra", "Value", "Dividend Yield", "Equity", "Other"],
    "liquid": ["Liquid", "Overnight"],
    "debt": ["Ultra Short Duration", "Low Duration", "Short Duration", "Medium Duration", "Medium to Long Duration",
             "Long Duration", "Dynamic Bond", "Corporate Bond", "Credit Risk", "Banking & PSU", "Gilt", "10 Yr Gilt",
             "Floater", "Income"],
    "hybrid": ["Balanced Advantage", "Aggressive Hybrid", "Conservative Hybrid", "Dynamic Asset Allocation",
               "Multi Asset Allocation", "Multi Asset", "Equity Savings", "Arbitrage"],
    "gold": ["Gold", "Gold ETF", "Silver"],
    "international": ["FOF - International", "International"],
}
CLASS_OF = {cat: c for c, cats in CATEGORY_MAP.items() for cat in cats}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Holding(BaseModel):
    scheme_code: int
    scheme_name: Optional[str] = None
    amount: Optional[float] = Field(default=None, ge=0)
    units: Optional[float] = Field(default=None, ge=0)
    purchase_date: Optional[date] = None
    purchase_price: Optional[float] = Field(default=None, ge=0)
    purchase_amount: Optional[float] = Field(default=None, ge=0)


class AllocationTarget(BaseModel):
    equity: float = Field(default=0, ge=0, le=1)
    debt: float = Field(default=0, ge=0, le=1)
    hybrid: float = Field(default=0, ge=0, le=1)
    gold: float = Field(default=0, ge=0, le=1)
    international: float = Field(default=0, ge=0, le=1)
    liquid: float = Field(default=0, ge=0, le=1)


class Request(BaseModel):
    request_id: Optional[str] = None
    holdings: list[Holding] = Field(min_length=1)
    target_allocation: AllocationTarget
    profile: dict[str, Any]


class Action(BaseModel):
    action: str
    priority: str
    scheme_code: int
    scheme_name: str
    category: str
    asset_class: str
    current_value: float
    current_weight: float = Field(ge=0, le=1)
    current_units: Optional[float] = None
    target_value: float
    target_weight: float = Field(ge=0, le=1)
    transaction_amount: float
    transaction_units: Optional[float] = None
    tax_status: Optional[str] = None
    holding_period_days: Optional[int] = None
    estimated_gain: Optional[float] = None
    tax_note: Optional[str] = None
    reason: str


def effective_class(f: dict[str, Any]) -> str:
    ac = f.get("asset_class")
    return ac if ac else CLASS_OF.get(f.get("category", "Other"), "equity")


def priority(g: float, w: float) -> str:
    return "HIGH" if g > 0.15 or w > 0.40 else "MEDIUM" if g > 0.05 or w > 0.35 else "LOW"


def analyze(body: dict[str, Any], funds: list[dict[str, Any]], today: date) -> dict[str, Any]:
    req = Request.model_validate(body)
    by_code = {f["scheme_code"]: f for f in funds}
    holdings = []
    for h in req.holdings:
        f = by_code.get(h.scheme_code)
        if f is None:
            holdings.append({"scheme_code": h.scheme_code, "scheme_name": h.scheme_name or f"Unknown Fund ({h.scheme_code})",
                             "category": "Unknown", "asset_class": "equity", "current_value": h.amount or 0.0, "units": None,
                             "nav": None, "return_1y": None, "return_3y": None, "volatility": None, "sharpe_ratio": None,
                             "holding_period_days": None, "tax_status": None, "purchase_amount": None, "unrealized_gain": None})
            continue
        nav = f.get("nav", 0)
        if h.amount is not None:
            value, units = h.amount, (h.amount / nav if nav > 0 else None)
        elif h.units is not None and nav > 0:
            value, units = h.units * nav, h.units
        else:
            value, units = 0.0, None
        days = (today - h.purchase_date).days if h.purchase_date else None
        gain = value - h.purchase_amount if h.purchase_amount is not None and value > 0 else None
        holdings.append({"scheme_code": h.scheme_code, "scheme_name": f.get("scheme_name", ""), "category": f.get("category", "Other"),
                         "asset_class": effective_class(f), "current_value": value, "units": units, "nav": nav,
                         "return_1y": f.get("return_1y"), "return_3y": f.get("return_3y"), "volatility": f.get("volatility"),
                         "sharpe_ratio": f.get("sharpe_ratio"), "holding_period_days": days,
                         "tax_status": None if days is None else ("LTCG" if days > 365 else "STCG"),
                         "purchase_amount": h.purchase_amount, "unrealized_gain": gain})
    total = 0.0
    for x in holdings:
        total += x["current_value"]
    for x in holdings:
        x["weight"] = x["current_value"] / total if total > 0 else 0
    current = {c: 0.0 for c in CLASSES}
    if total > 0:
        for x in holdings:
            if x["asset_class"].lower() in current:
                current[x["asset_class"].lower()] += x["current_value"] / total
    AllocationTarget(**current)  # today's check: a class summing past 1 fails here
    target = req.target_allocation.model_dump()
    gaps = {c: current[c] - target[c] for c in CLASSES}
    breakdown: dict[str, dict[str, Any]] = {}
    for x in holdings:
        b = breakdown.setdefault(x["category"], {"allocation": 0.0, "count": 0, "value": 0.0})
        b["allocation"] += x["weight"]
        b["count"] += 1
        b["value"] += x["current_value"]
    n = sum(1 for x in holdings if x["return_1y"] is not None or x["return_3y"] is not None)
    metrics = {}
    for key, m in [("weighted_return_1y", "return_1y"), ("weighted_return_3y", "return_3y"),
                   ("weighted_volatility", "volatility"), ("weighted_sharpe", "sharpe_ratio")]:
        metrics[key] = round(sum(x[m] * x["weight"] for x in holdings if x[m] is not None), 2) if n else None
    actions: list[dict[str, Any]] = []
    groups: dict[str, list[dict[str, Any]]] = {}
    for x in holdings:
        groups.setdefault(x["asset_class"].lower(), []).append(x)
    for c in sorted((c for c in CLASSES if gaps[c] > 0.01), key=lambda c: -gaps[c]):
        lots = groups.get(c, [])
        if not lots:
            continue
        lots = sorted(lots, key=lambda x: (not (x["unrealized_gain"] is not None and x["unrealized_gain"] < 0),
                                           x["tax_status"] != "LTCG", -x["current_value"]))
        need = sum(x["current_value"] for x in lots) - target[c] * total
        if need <= 0:
            continue
        remaining = need
        for x in lots:
            if remaining <= 0:
                break
            v = x["current_value"]
            sell = min(v, remaining)
            nv = v - sell
            est = (x["unrealized_gain"] or 0) * (sell / v if v else 0) if x["purchase_amount"] is not None else None
            d = x["holding_period_days"]
            base = {"scheme_code": x["scheme_code"], "scheme_name": x["scheme_name"], "category": x["category"],
                    "asset_class": x["asset_class"], "current_value": v, "current_weight": x["weight"], "current_units": None,
                    "target_value": nv, "target_weight": nv / total if total > 0 else 0, "transaction_amount": -sell,
                    "tax_status": x["tax_status"], "holding_period_days": d, "estimated_gain": est}
            if d and d < 365 and 365 - d < 90 and sell < need * 0.5:
                when = today.replace(day=1) + timedelta(days=365 - d + 30)
                actions.append({**base, "action": "HOLD", "priority": "LOW", "transaction_units": None,
                                "tax_note": f"STCG: Consider holding till {MONTHS[when.month - 1]} {when.year} for LTCG",
                                "reason": f"Recently purchased ({d} days); defer sale if possible for LTCG treatment"})
                continue
            remaining -= sell
            note = None if x["tax_status"] is None else (
                "Tax-loss harvesting opportunity" if x["unrealized_gain"] is not None and x["unrealized_gain"] < 0
                else "LTCG: 10% tax on gains above INR 1 lakh" if x["tax_status"] == "LTCG" else "STCG: 15% tax on gains")
            actions.append({**base, "action": "SELL", "priority": priority(gaps[c], x["weight"]),
                            "transaction_units": sell / x["nav"] if x["nav"] and x["nav"] > 0 else None, "tax_note": note,
                            "reason": f"Reduce {c} overweight ({gaps[c] * 100:.1f}%); {x['tax_status'] or 'Unknown'} eligible"})
    for c in sorted((c for c in CLASSES if gaps[c] < -0.01), key=lambda c: gaps[c]):
        lots = groups.get(c, [])
        need = target[c] * total - sum(x["current_value"] for x in lots)
        if need <= 0:
            continue
        p = priority(abs(gaps[c]), 0)
        empty = {"action": "ADD_NEW", "priority": p, "current_value": 0, "current_weight": 0, "current_units": None,
                 "transaction_units": None, "tax_status": None, "holding_period_days": None, "estimated_gain": None, "tax_note": None}
        if lots:
            share = need / len(lots)
            for x in lots:
                tv = x["current_value"] + share
                actions.append({**empty, "action": "BUY", "scheme_code": x["scheme_code"], "scheme_name": x["scheme_name"],
                                "category": x["category"], "asset_class": x["asset_class"], "current_value": x["current_value"],
                                "current_weight": x["weight"], "target_value": tv, "target_weight": tv / total if total > 0 else 0,
                                "transaction_amount": share,
                                "transaction_units": share / x["nav"] if x["nav"] and x["nav"] > 0 else None,
                                "reason": f"Increase {c} allocation (gap: {gaps[c] * 100:.1f}%)"})
            continue

        def score(f: dict[str, Any]) -> float:
            s = 0.0
            for key, term in [("sharpe_ratio", lambda v: min(v / 2, 1) * 0.3), ("return_3y", lambda v: min(v / 30, 1) * 0.3),
                              ("expense_ratio", lambda v: max(0, 1 - v / 2) * 0.2), ("volatility", lambda v: max(0, 1 - v / 30) * 0.2)]:
                v = f.get(key)
                if v is not None and v > 0:
                    s += term(v)
            return s

        cands = sorted((f for f in funds if effective_class(f).lower() == c), key=lambda f: -score(f))[:2]
        if not cands:
            actions.append({**empty, "scheme_code": 0, "scheme_name": f"Add {c.capitalize()} Fund", "category": c.capitalize(),
                            "asset_class": c, "target_value": need, "target_weight": need / total if total > 0 else 0,
                            "transaction_amount": need, "reason": f"Add {c} allocation (currently 0% vs target {target[c] * 100:.1f}%)"})
        for f in cands:
            share = need / len(cands)
            actions.append({**empty, "scheme_code": f["scheme_code"], "scheme_name": f.get("scheme_name", ""),
                            "category": f.get("category", "Other"), "asset_class": c, "target_value": share,
                            "target_weight": share / total if total > 0 else 0, "transaction_amount": share,
                            "reason": f"Add {c} allocation (currently {current[c] * 100:.1f}% vs target {target[c] * 100:.1f}%)"})
    order = {"HIGH": 0, "MEDIUM": 1, "LOW": 2}
    actions.sort(key=lambda a: (order[a["priority"]], -abs(a["transaction_amount"])))
    actions = [Action(**a).model_dump() for a in actions]
    total_gap = sum(abs(gaps[c]) for c in CLASSES)
    alignment = max(0, 1 - total_gap / 2)
    issues = []
    for c in CLASSES:
        if abs(gaps[c]) > 0.05:
            C, T = current[c] * 100, target[c] * 100
            issues.append(f"{C:.0f}% {c} (target: {T:.0f}%)" if gaps[c] > 0 else
                          f"No {c} allocation" if current[c] == 0 else f"Only {C:.0f}% {c} (target: {T:.0f}%)")
    sell = sum(-a["transaction_amount"] for a in actions if a["action"] == "SELL")
    buy = sum(a["transaction_amount"] for a in actions if a["action"] in ("BUY", "ADD_NEW"))
    lt = sum(a["estimated_gain"] for a in actions if a["action"] == "SELL" and a["tax_status"] == "LTCG" and (a["estimated_gain"] or 0) > 0)
    st = sum(a["estimated_gain"] for a in actions if a["action"] == "SELL" and a["tax_status"] == "STCG" and (a["estimated_gain"] or 0) > 0)
    notes = []
    if lt > 100000:
        notes.append(f"Estimated INR {(lt - 100000) * 0.10:,.0f} LTCG tax (gains: INR {lt:,.0f} above INR 1L exemption)")
    if st > 0:
        notes.append(f"Estimated INR {st * 0.15:,.0f} STCG tax (gains: INR {st:,.0f})")
    keys = ["scheme_code", "scheme_name", "category", "asset_class", "current_value", "weight", "units", "nav", "return_1y",
            "return_3y", "volatility", "sharpe_ratio", "holding_period_days", "tax_status", "purchase_amount", "unrealized_gain"]
    return {
        "request_id": req.request_id,
        "current_allocation": current,
        "target_allocation": target,
        "allocation_gaps": gaps,
        "current_metrics": {"total_value": total, "total_holdings": len(holdings), **metrics, "category_breakdown": breakdown},
        "holdings": [{k: x[k] for k in keys} for x in holdings],
        "rebalancing_actions": actions,
        "summary": {"is_aligned": alignment >= 0.85, "alignment_score": round(alignment, 2), "primary_issues": issues[:5],
                    "total_sell_amount": sell, "total_buy_amount": buy, "net_transaction": buy - sell,
                    "tax_impact_summary": "; ".join(notes) or "No significant tax impact expected"},
        "model_version": "portfolio-analyzer-v1",
    }
