"""Independent reference for rules-v2-blended (domain.md §5), written from the table in
the spec with Python's exact fractions — no code shared with sparrow-core. It writes
core/tests/fixtures/persona_bands.jsonl: every age and horizon band edge crossed with a
spread of the four choices, with the scores and every rounded number worked out exactly.

    python3 tools/reference/persona_bands.py   # rewrites the fixture
"""
import itertools
import json
from fractions import Fraction
from pathlib import Path

CG, BV, AB = "capital-guardian", "balanced-voyager", "accelerated-builder"
ORDER = [CG, BV, AB]
STRATEGY = {  # domain.md §5, fractions
    CG: dict(equity="0.15", debt="0.55", hybrid="0.15", gold="0.05", international="0.00", liquid="0.10"),
    BV: dict(equity="0.40", debt="0.30", hybrid="0.15", gold="0.05", international="0.05", liquid="0.05"),
    AB: dict(equity="0.65", debt="0.10", hybrid="0.10", gold="0.00", international="0.10", liquid="0.05"),
}
CLASSES = ["equity", "debt", "hybrid", "gold", "international", "liquid"]


def scores(p):
    s = {CG: Fraction(0), BV: Fraction(0), AB: Fraction(0)}

    def add(cg, bv, ab):
        s[CG] += cg
        s[BV] += bv
        s[AB] += ab

    age, h = p["age"], p["horizon_years"]
    if age >= 55: add(3, 1, 0)
    elif age >= 40: add(1, 3, 1)
    elif age >= 30: add(0, 2, 2)
    else: add(0, 1, 3)
    if h <= 3: add(3, 0, 0)
    elif h <= 5: add(2, 2, 0)
    elif h <= 10: add(0, 3, 1)
    else: add(0, 1, 3)
    add(*{"Conservative": (4, 0, 0), "Moderate": (0, 4, 0), "Aggressive": (0, 0, 4)}[p["risk_tolerance"]])
    add(*{"Low": (2, 0, 0), "Medium": (0, 2, 0), "High": (0, 0, 2)}[p["volatility"]])
    add(*{"High": (2, 1, 0), "Medium": (0, 2, 0), "Low": (0, 0, 2)}[p["liquidity"]])
    add(*{"Beginner": (1, 1, 0), "Intermediate": (0, 1, 1), "Advanced": (0, 0, 2)}[p["knowledge"]])
    return {k: max(v, Fraction(1, 10)) for k, v in s.items()}


def round_half_even(x: Fraction, places: int) -> str:
    scaled = x * 10**places
    q, r = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * r
    if twice > scaled.denominator or (twice == scaled.denominator and q % 2 == 1):
        q += 1
    text = str(q).rjust(places + 1, "0")
    return f"{text[:-places]}.{text[-places:]}"


def expected(p):
    s = scores(p)
    total = sum(s.values())
    prob = {k: s[k] / total for k in ORDER}
    primary = max(ORDER, key=lambda k: (s[k], -ORDER.index(k)))
    dist = sorted(ORDER, key=lambda k: -s[k])  # stable: ties keep CG, BV, AB
    blended = {
        c: round_half_even(sum(prob[k] * Fraction(STRATEGY[k][c]) for k in ORDER), 4) for c in CLASSES
    }
    return {
        "scores": {k: str(s[k]) for k in ORDER},
        "primary": primary,
        "probabilities": {k: round_half_even(prob[k], 12) for k in ORDER},
        "distribution": [[k, round_half_even(prob[k], 4)] for k in dist],
        "blended_allocation": blended,
    }


def main():
    ages = [18, 29, 30, 39, 40, 54, 55, 100]
    horizons = [1, 3, 4, 5, 6, 10, 11, 40]
    choices = [
        ("Conservative", "Low", "High", "Beginner"),
        ("Moderate", "Medium", "Medium", "Intermediate"),
        ("Aggressive", "High", "Low", "Advanced"),
        ("Conservative", "High", "Medium", "Advanced"),
        ("Aggressive", "Low", "High", "Intermediate"),
    ]
    out = Path(__file__).resolve().parents[2] / "core/tests/fixtures/persona_bands.jsonl"
    with out.open("w") as f:
        for age, h, (rt, vol, liq, kn) in itertools.product(ages, horizons, choices):
            p = dict(age=age, horizon_years=h, risk_tolerance=rt, volatility=vol, liquidity=liq, knowledge=kn)
            f.write(json.dumps({"profile": p, "expected": expected(p)}) + "\n")


if __name__ == "__main__":
    main()
