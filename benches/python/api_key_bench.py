"""API-key checks through Python, in one process.

    python benches/python/api_key_bench.py

`verify_api_key` with the record as the dict a store returns (read and checked on every
call), `parse_api_key` (format and checksum, the step before the lookup), and, side by
side, the same HMAC-SHA-256 check written with Python's own hmac module (no format,
checksum or record rules: the floor a hand-written check would start from). Best of 5
batches of 200,000.
"""

from __future__ import annotations

import hashlib
import hmac

import sparrow_core as sc
from timing import best




def main() -> None:
    secret = b"server-side pepper, 32 bytes or more!"
    pepper = sc.ApiKeyPepper(secret)
    key, record = sc.issue_api_key("ml-gateway", ["ml:classify", "ml:portfolio", "ml:risk"], pepper=pepper, now=1_800_000_000)
    digest = bytes.fromhex(record["digest"])
    cached = sc.ApiKeyRecord.from_dict(record)
    now = 1_900_000_000
    runs = {
        "sparrow-core verify_api_key (record dict in)": lambda: sc.verify_api_key(key, record, pepper=pepper, required_scope="ml:risk", now=now),
        "sparrow-core verify_api_key (ApiKeyRecord read once)": lambda: sc.verify_api_key(key, cached, pepper=pepper, required_scope="ml:risk", now=now),
        "sparrow-core parse_api_key": lambda: sc.parse_api_key(key),
        "hmac.compare_digest(hmac.new(...)) only": lambda: hmac.compare_digest(hmac.new(secret, key.encode(), hashlib.sha256).digest(), digest),
    }
    print("| call | µs |")
    print("|---|---|")
    for name, f in runs.items():
        print(f"| {name} | {best(f, 200_000) * 1e6:.2f} |")


if __name__ == "__main__":
    main()
