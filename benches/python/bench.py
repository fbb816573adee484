"""sparrow-core's Python package side by side with its peers, in one process.

    pip install ./bindings-python PyJWT argon2-cffi pydantic
    python benches/python/bench.py

Each pair runs on the same inputs; the best of several timed batches is reported, and
the ratio is peer time ÷ sparrow-core time (above 1 means sparrow-core is faster).
"""

from __future__ import annotations

import json
import os
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
    results.append(("classify_blended_many, per profile", ours_many, "the same, in a loop", peer_many, "≥ 20×"))

    # validate_profile vs an equivalent pydantic v2 model
    full = {**one, "goal": "Retirement", "target_amount": "2500000", "target_year": 2045, "monthly_sip": "25000", "lump_sum": "100000"}
    ours = per_call(lambda: sc.validate_profile(full, mode="compat"), 20_000)
    peer = per_call(lambda: ProfileInput.model_validate(full), 20_000)
    results.append(("validate_profile (all fields)", ours, f"pydantic {pydantic.VERSION} model_validate", peer, "≥ 1.5×"))

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
