"""Instructions per call, sparrow-core against its peers, counted by valgrind's
callgrind (the whole interpreter included): repeatable where wall-clock time on a
shared machine is not.

    python benches/python/instructions.py            # needs valgrind (Debian: valgrind)

Each operation runs 50 warm-up calls and then 0 or N calls in a fresh interpreter under
callgrind; the difference of the two totals ÷ N is the count per call.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
N = 2000


def operations() -> dict[str, Callable[[], Any]]:
    sys.path.insert(0, str(Path(__file__).parent))
    import sparrow_core as sc
    from bench import decimal_pipeline
    from todays_service import ProfileInput

    lines = (ROOT / "core/tests/fixtures/persona_examples.jsonl").read_text().splitlines()
    one = [json.loads(line)["profile"] for line in lines][100]
    full = {**one, "goal": "Retirement", "target_amount": "2500000", "target_year": 2045,
            "monthly_sip": "25000", "lump_sum": "100000"}
    body = json.dumps(full).encode()
    return {
        "validate_profile(dict)": lambda: sc.validate_profile(full, mode="compat"),
        "pydantic model_validate": lambda: ProfileInput.model_validate(full),
        "validate_profile_json(bytes)": lambda: sc.validate_profile_json(body, mode="compat"),
        "pydantic model_validate_json": lambda: ProfileInput.model_validate_json(body),
        "parse_money + format_inr": lambda: sc.format_inr(sc.parse_money("₹1,23,456.78")),
        "decimal pipeline": lambda: decimal_pipeline("₹1,23,456.78"),
    }


def count(name: str, n: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, name, str(n)],
        capture_output=True, text=True, check=True,
    )
    m = re.search(r"Collected : (\d+)", out.stderr)
    if m is None:
        raise RuntimeError(out.stderr[-500:])
    return int(m.group(1))


def main() -> None:
    if len(sys.argv) == 3:  # one measured child
        f = operations()[sys.argv[1]]
        for _ in range(50):
            f()
        for _ in range(int(sys.argv[2])):
            f()
        return
    per: dict[str, int] = {}
    for name in operations():
        per[name] = (count(name, N) - count(name, 0)) // N
        print(f"{name:<32} {per[name]:>8,} instructions per call")
    names = list(per)
    for ours, peer in zip(names[0::2], names[1::2]):
        print(f"{ours} vs {peer}: {per[peer] / per[ours]:.2f}×")


if __name__ == "__main__":
    main()
