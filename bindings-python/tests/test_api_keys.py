"""API keys through Python: the known-answer vectors (recomputed here with zlib and hmac,
peers nobody here wrote), and every refusal the issue lists."""

from __future__ import annotations

import hashlib
import hmac
import json
import zlib
from pathlib import Path
from typing import Any

import pytest

import sparrow_core as sc

VECTORS = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures" / "api_keys.jsonl"
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
PEPPER = sc.ApiKeyPepper(b"p" * 32)
NOW = 1_800_000_000


def vectors() -> list[dict[str, Any]]:
    return [json.loads(line) for line in VECTORS.read_text().splitlines()[1:] if line]


def base62(data: bytes, width: int) -> str:
    n, out = int.from_bytes(data, "big"), ""
    for _ in range(width):
        n, r = divmod(n, 62)
        out = DIGITS[r] + out
    assert n == 0
    return out


@pytest.mark.parametrize("row", vectors(), ids=lambda r: r["key_id"])
def test_known_answers(row: dict[str, Any]) -> None:
    random = bytes.fromhex(row["random_hex"])
    pepper = sc.ApiKeyPepper(bytes.fromhex(row["pepper_hex"]))
    key, record = sc.issue_api_key("c", ["ml:risk"], pepper=pepper, environment=row["environment"], now=NOW, random=random)
    assert key == row["key"] and record["digest"] == row["digest"] and record["key_id"] == row["key_id"]
    # The same text and digest from the standard library alone.
    body = f"spk_{row['environment']}_{base62(random[:10], 14)}_{base62(random[10:], 43)}"
    assert key == body + base62(zlib.crc32(body.encode()).to_bytes(4, "big"), 6)
    assert record["digest"] == hmac.new(bytes.fromhex(row["pepper_hex"]), key.encode(), hashlib.sha256).hexdigest()
    assert sc.parse_api_key(key) == {"environment": row["environment"], "key_id": row["key_id"]}


def issued(**kw: Any) -> tuple[str, dict[str, Any]]:
    return sc.issue_api_key("ml-gateway", ["ml:portfolio", "ml:risk"], pepper=PEPPER, now=NOW, **kw)


def refusal(key: str, record: Any, scope: str = "ml:risk", **kw: Any) -> tuple[str, int]:
    with pytest.raises(sc.SparrowError) as info:
        sc.verify_api_key(key, record, pepper=PEPPER, required_scope=scope, now=NOW + 10, **kw)
    assert key[20:] not in str(info.value) or len(key) < 30  # the key is never echoed
    return info.value.code, getattr(info.value, "http_status")


def test_verify_and_every_refusal() -> None:
    key, record = issued(expires_at=NOW + 100)
    assert sc.verify_api_key(key, record, pepper=PEPPER, required_scope="ml:risk", now=NOW + 10)["client_id"] == "ml-gateway"
    assert refusal(key[:-1], record) == ("api_key_format", 401)                       # truncated
    one_off = key[:30] + ("A" if key[30] != "A" else "B") + key[31:]
    assert refusal(one_off, record) == ("api_key_checksum", 401)                      # mistyped
    assert refusal(key.replace("spk_live_", "spk_prod_"), record) == ("api_key_format", 401)
    assert refusal(key, record, environment="test") == ("api_key_environment", 401)  # wrong environment
    assert refusal(key.replace("a", "а", 1) if "a" in key else key[:-1] + "а", record)[0] == "api_key_format"  # Cyrillic а
    assert refusal("x" * (10 * 1024 * 1024), record) == ("api_key_format", 401)    # a 10 MB header
    assert refusal(key, None) == ("api_key_unknown", 401)
    other, _ = issued()
    assert refusal(other, record)[0] == "api_key_unknown"                             # another key's record
    assert refusal(key, {**record, "revoked": True}) == ("api_key_revoked", 401)
    with pytest.raises(sc.TokenError) as info:
        sc.verify_api_key(key, record, pepper=PEPPER, required_scope="ml:risk", now=NOW + 100)
    assert info.value.code == "api_key_expired"
    assert refusal(key, record, scope="ml:classify") == ("api_key_scope", 403)       # another scope
    with pytest.raises(sc.ConfigError) as config:
        sc.verify_api_key(key, {**record, "digest": "0" * 63}, pepper=PEPPER, required_scope="ml:risk", now=NOW)
    assert config.value.code == "api_key_record" and getattr(config.value, "http_status") == 500


def test_issuing_rules_and_secrets() -> None:
    key, record = issued()
    assert key.startswith("spk_live_") and len(key) == 73 and record["expires_at"] is None
    with pytest.raises(sc.InputError) as info:
        sc.issue_api_key("c", ["Bad Scope"], pepper=PEPPER)
    assert info.value.code == "api_key_input"
    with pytest.raises(sc.ConfigError):
        sc.ApiKeyPepper(b"short")
    with pytest.raises(TypeError):
        sc.issue_api_key("c", ["a"], pepper=PEPPER, random=b"too short")
    assert "p" * 32 not in repr(PEPPER)
    # Two keys from the OS source differ.
    assert issued()[0] != issued()[0]


def test_a_record_read_once_checks_the_same() -> None:
    key, record = issued(expires_at=NOW + 100)
    cached = sc.ApiKeyRecord.from_dict(record)
    assert cached.key_id == record["key_id"] and cached.to_dict() == record
    assert sc.verify_api_key(key, cached, pepper=PEPPER, required_scope="ml:risk", now=NOW)["key_id"] == record["key_id"]
    assert refusal(key, cached, scope="ml:classify") == ("api_key_scope", 403)
    assert record["digest"] not in repr(cached)
    with pytest.raises(sc.ConfigError):
        sc.ApiKeyRecord.from_dict({**record, "digest": "zz"})
