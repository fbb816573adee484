"""A plain-Python equivalent of today's ML service path (domain.md §5), for the
benchmark: a pydantic v2 ProfileInput and the rules-v2-blended scoring in floats, as
the service computes them. Not used by sparrow-core; it is the baseline being compared.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

CG, BV, AB = "capital-guardian", "balanced-voyager", "accelerated-builder"
ORDER = (CG, BV, AB)
STRATEGIES = {
    CG: {"equity": 0.15, "debt": 0.55, "hybrid": 0.15, "gold": 0.05, "international": 0.0, "liquid": 0.10},
    BV: {"equity": 0.40, "debt": 0.30, "hybrid": 0.15, "gold": 0.05, "international": 0.05, "liquid": 0.05},
    AB: {"equity": 0.65, "debt": 0.10, "hybrid": 0.10, "gold": 0.0, "international": 0.10, "liquid": 0.05},
}
PERSONAS = {
    CG: {"id": CG, "name": "Capital Guardian", "slug": CG, "risk_band": "Capital Protection", "description": "Conservative investor prioritizing capital preservation with steady, low-risk returns"},
    BV: {"id": BV, "name": "Balanced Voyager", "slug": BV, "risk_band": "Balanced Growth", "description": "Balanced investor seeking moderate growth with controlled risk exposure"},
    AB: {"id": AB, "name": "Accelerated Builder", "slug": AB, "risk_band": "Accelerated Growth", "description": "Aggressive investor focused on long-term wealth creation through high-growth investments"},
}


class ProfileInput(BaseModel):
    age: int = Field(ge=18, le=100)
    horizon_years: int = Field(ge=1, le=40)
    risk_tolerance: Literal["Conservative", "Moderate", "Aggressive"] = "Moderate"
    volatility: Literal["Low", "Medium", "High"] = "Medium"
    liquidity: Literal["Low", "Medium", "High"] = "Medium"
    knowledge: Literal["Beginner", "Intermediate", "Advanced"] = "Intermediate"
    goal: Optional[str] = None
    target_amount: Optional[float] = Field(default=None, ge=0)
    target_year: Optional[int] = None
    monthly_sip: Optional[float] = Field(default=None, ge=0)
    lump_sum: Optional[float] = Field(default=None, ge=0)


def scores(p: ProfileInput) -> dict[str, float]:
    s = {CG: 0.0, BV: 0.0, AB: 0.0}
    if p.age >= 55:
        s[CG] += 3; s[BV] += 1
    elif p.age >= 40:
        s[CG] += 1; s[BV] += 3; s[AB] += 1
    elif p.age >= 30:
        s[BV] += 2; s[AB] += 2
    else:
        s[BV] += 1; s[AB] += 3
    h = p.horizon_years
    if h <= 3:
        s[CG] += 3
    elif h <= 5:
        s[CG] += 2; s[BV] += 2
    elif h <= 10:
        s[BV] += 3; s[AB] += 1
    else:
        s[BV] += 1; s[AB] += 3
    s[{"Conservative": CG, "Moderate": BV, "Aggressive": AB}[p.risk_tolerance]] += 4
    s[{"Low": CG, "Medium": BV, "High": AB}[p.volatility]] += 2
    if p.liquidity == "High":
        s[CG] += 2; s[BV] += 1
    elif p.liquidity == "Medium":
        s[BV] += 2
    else:
        s[AB] += 2
    if p.knowledge == "Beginner":
        s[CG] += 1; s[BV] += 1
    elif p.knowledge == "Intermediate":
        s[BV] += 1; s[AB] += 1
    else:
        s[AB] += 2
    return {k: max(v, 0.1) for k, v in s.items()}


def classify_blended(raw: dict[str, object]) -> dict[str, object]:
    p = ProfileInput(**raw)  # type: ignore[arg-type]
    s = scores(p)
    total = sum(s.values())
    probs = {k: v / total for k, v in s.items()}
    primary = max(ORDER, key=lambda k: probs[k])
    dist = sorted(ORDER, key=lambda k: probs[k], reverse=True)
    blended = {c: round(sum(probs[k] * STRATEGIES[k][c] for k in ORDER), 4) for c in STRATEGIES[CG]}
    return {
        "primary_persona": PERSONAS[primary],
        "distribution": [{"persona": PERSONAS[k], "weight": round(probs[k], 4), "allocation": STRATEGIES[k]} for k in dist],
        "blended_allocation": blended,
        "confidence": probs[primary],
        "model_version": "rules-v2-blended",
    }
