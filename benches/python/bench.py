"""sparrow-core's Python package side by side with its peers, in one process.

    pip install ./bindings-python PyJWT argon2-cffi pydantic
    python benches/python/bench.py

Each pair runs on the same inputs; the best of several timed batches is reported, and
the ratio is peer time ÷ sparrow-core time (above 1 means sparrow-core is faster).
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
import platform
import sys
import time
from pathlib import Path
from typing import Any, Callable

import argon2
import jwt
import pydantic

import sparrow_core as sc

sys.path.insert(0, str(Path(__file__).parent))
from todays_service import ProfileInput, classify_blended as todays_classify_blended  # noqa: E402

SECRET = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"
ROOT = Path(__file__).resolve().parents[2]


def per_call(fn: Callable[[], Any], number: int, repeat: int = 5) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def fmt(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e3:.2f} ms"


def decimal_pipeline(text: str) -> str:
    """Today's way with Python's decimal: strip the rupee sign and commas, quantize to
    paise, group the Indian way (3 then 2s)."""
    d = Decimal(text.replace("₹", "").replace(",", "").strip()).quantize(Decimal("0.01"))
    whole, frac = f"{d:.2f}".split(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        whole = ",".join(groups + [tail])
    return f"{sign}₹{whole}.{frac}"


def main() -> None:
    rows = [json.loads(line) for line in (ROOT / "core/tests/fixtures/persona_examples.jsonl").read_text().splitlines()]
    profiles = [r["profile"] for r in rows]
    one = profiles[100]
    results: list[tuple[str, float, str, float, str]] = []

    # verify_token vs PyJWT
    now = int(time.time())
    claims = {"sub": "u-1", "email": "ravi@example.com", "role": "investor", "iat": now, "exp": now + 3600}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    ring = sc.Keyring.legacy(SECRET)
    ours = per_call(lambda: sc.verify_token(token, ring, now=now), 20_000)
    peer = per_call(lambda: jwt.decode(token, SECRET, algorithms=["HS256"]), 20_000)
    results.append(("verify_token", ours, f"PyJWT {jwt.__version__} decode", peer, "≥ 5×"))

    # classify_blended vs today's path (pydantic ProfileInput + plain-Python rules)
    ours = per_call(lambda: sc.classify_blended(one, mode="compat"), 20_000)
    peer = per_call(lambda: todays_classify_blended(one), 20_000)
    results.append(("classify_blended, per call", ours, "pydantic ProfileInput + Python rules", peer, "≥ 4×"))
    ours_many = per_call(lambda: sc.classify_blended_many(profiles, mode="compat"), 20) / len(profiles)
    peer_many = per_call(lambda: [todays_classify_blended(p) for p in profiles], 5) / len(profiles)
    results.append(("classify_blended_many, per profile", ours_many, "today's service in a loop", peer_many, "≥ 20×"))

    # validate_profile vs an equivalent pydantic v2 model
    full = {**one, "goal": "Retirement", "target_amount": "2500000", "target_year": 2045, "monthly_sip": "25000", "lump_sum": "100000"}
    ours = per_call(lambda: sc.validate_profile(full, mode="compat"), 20_000)
    peer = per_call(lambda: ProfileInput.model_validate(full), 20_000)
    results.append(("validate_profile (all fields)", ours, f"pydantic {pydantic.VERSION} model_validate", peer, "≥ 1.5×"))

    # validate_profile_json(bytes) vs pydantic's model_validate_json (FastAPI's body)
    body = json.dumps(full).encode()
    ours = per_call(lambda: sc.validate_profile_json(body, mode="compat"), 20_000)
    peer = per_call(lambda: ProfileInput.model_validate_json(body), 20_000)
    results.append(("validate_profile_json (bytes, all fields)", ours, "pydantic model_validate_json", peer, "≥ 1.5×"))

    # parse_money + format_inr vs the same with Python's decimal module; the same amount
    # (the Money objects handed out are reused) and 10,000 distinct ones (past the reuse)
    assert sc.format_inr(sc.parse_money("₹1,23,456.78")) == decimal_pipeline("₹1,23,456.78")
    ours = per_call(lambda: sc.format_inr(sc.parse_money("₹1,23,456.78")), 50_000)
    peer = per_call(lambda: decimal_pipeline("₹1,23,456.78"), 50_000)
    results.append(("parse_money + format_inr (one amount)", ours, "decimal.Decimal + Indian grouping", peer, "≥ 3×"))
    texts = [f"₹{i * 7919 % 10_000_000:,}.{i % 100:02d}" for i in range(10_000)]
    ours = per_call(lambda: [sc.format_inr(sc.parse_money(t)) for t in texts], 5) / len(texts)
    peer = per_call(lambda: [decimal_pipeline(t) for t in texts], 5) / len(texts)
    results.append(("parse_money + format_inr (10,000 amounts)", ours, "the same", peer, "≥ 3×"))

    # batches: many vs single calls, and the columnar form
    single = per_call(lambda: [sc.classify_blended(p, mode="compat") for p in profiles], 5) / len(profiles)
    results.append(("classify_blended in a loop, per profile", single, "—", float("nan"), "(for the next rows)"))
    results.append(("classify_blended_many, per profile", ours_many, "single calls in a loop", single, "≥ 1× (not slower)"))
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        table = pa.Table.from_pylist(profiles * 100)
        ours = per_call(lambda: sc.classify_blended_arrow(table, mode="compat"), 3) / table.num_rows
        results.append(("classify_blended_arrow, per profile (129,600)", ours, "today's service, per profile", peer_many, "≥ 20× (the batch target)"))
        ours = per_call(lambda: sc.classify_arrow(table, mode="compat"), 3) / table.num_rows
        results.append(("classify_arrow, per profile", ours, "—", float("nan"), "—"))
        ours = per_call(lambda: sc.validate_profiles_arrow(table, mode="compat"), 3) / table.num_rows
        results.append(("validate_profiles_arrow, per profile", ours, "—", float("nan"), "—"))

    # hash_password vs argon2-cffi at the same parameters (argon2id m=19456 KiB, t=2, p=1)
    peer_hasher = argon2.PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
    ours = per_call(lambda: sc.hash_password("correct horse battery staple"), 30, repeat=3)
    peer = per_call(lambda: peer_hasher.hash("correct horse battery staple"), 30, repeat=3)
    results.append(("hash_password argon2id m=19456 t=2 p=1", ours, "argon2-cffi (libargon2)", peer, "≥ 1× (no slower)"))

    # validate_pan per call (absolute target)
    ours = per_call(lambda: sc.validate_pan("ABCPE1234F"), 200_000)
    results.append(("validate_pan, per call", ours, "—", float("nan"), "≤ 150 ns"))

    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"{'operation':<42} {'sparrow-core':>13}  {'peer':<40} {'peer time':>11} {'ratio':>7}  target")
    for name, o, pname, p, target in results:
        ratio = "" if p != p else f"{p / o:.1f}×"
        ptime = "" if p != p else fmt(p)
        print(f"{name:<42} {fmt(o):>13}  {pname:<40} {ptime:>11} {ratio:>7}  {target}")


if __name__ == "__main__":
    main()
