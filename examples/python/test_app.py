"""The example service, driven with FastAPI's TestClient."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import sparrow_core as sc
from app import app
from keys_for_tests import auth, database

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"
client = TestClient(app)


def rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (FIXTURES / f"{name}.jsonl").read_text().splitlines() if line]


def parse(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def test_classify_and_blended_match_todays_service() -> None:
    for row in rows("persona_examples")[::97]:
        r = client.post("/api/v1/classify", json={"request_id": "r-1", "profile": row["profile"]}, headers=auth())
        assert r.status_code == 200, r.text
        body = parse(r.text)
        assert body["request_id"] == "r-1" and body["persona"]["id"] == row["classify"]["slug"]
        assert set(body) == {"request_id", "persona", "confidence", "probabilities", "model_version", "latency_ms"}
        r = client.post("/api/v1/classify/blended", json={"profile": row["profile"]}, headers=auth())
        body = parse(r.text)
        want = row["blended"]
        assert [d["persona"]["slug"] for d in body["distribution"]] == [d["slug"] for d in want["distribution"]]
        assert body["blended_allocation"] == {k: Decimal(repr(v)) for k, v in want["blended_allocation"].items()}
        # Numbers leave as JSON numbers with the decimals' own digits.
        assert '"weight":0.' in r.text and '"equity":0.' in r.text


def test_compat_parsing_keeps_todays_clients_working() -> None:
    profile = {"age": "30", "horizon_years": 20.0, "risk_tolerance": "Aggressive", "target_amount": 2500000.5, "extra": 1}
    r = client.post("/api/v1/classify/blended", content=json.dumps({"profile": profile}), headers=auth())
    assert r.status_code == 200, r.text
    assert parse(r.text)["primary_persona"]["slug"] == "accelerated-builder"


def test_risk_matches_todays_service() -> None:
    for row in rows("risk_v1_examples")[:30]:
        r = client.post("/api/v1/risk", json={"request_id": row["id"], **row["input"]}, headers=auth())
        assert r.status_code == 200, r.text
        body = parse(r.text)
        if row["id"] == "ex-002":
            continue  # the documented float difference
        assert body["risk_level"] == row["output"]["risk_level"]
        assert abs(body["risk_score"] - Decimal(repr(row["output"]["risk_score"]))) <= Decimal("0.01")
        assert body["model_version"] == "risk-v1" and body["request_id"] == row["id"]


def test_a_bearer_token_is_not_an_api_key() -> None:
    token = sc.issue_token({"sub": "x", "email": "x@y.in", "role": "user"}, sc.Keyring.legacy("3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"), "5m")
    r = client.post("/api/v1/classify", json={"profile": {"age": 30, "horizon_years": 5}}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json()["code"] == "api_key_format"


@pytest.mark.parametrize("path", ["/api/v1/classify", "/api/v1/classify/blended"])
def test_422_lists_codes_and_never_echoes_input(path: str) -> None:
    secret_goal = "Buy a flat near ABCPE1234F's office"
    r = client.post(path, json={"profile": {"age": 12, "horizon_years": "soon", "risk_tolerance": "YOLO-9876543210", "goal": secret_goal * 20}}, headers=auth())
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert {(tuple(d["loc"]), d["type"]) for d in detail} == {
        (("body", "profile", "age"), "profile_out_of_range"),
        (("body", "profile", "horizon_years"), "profile_type"),
        (("body", "profile", "risk_tolerance"), "profile_not_one_of"),
        (("body", "profile", "goal"), "profile_too_long"),
    }
    for secret in ["YOLO", "9876543210", "ABCPE1234F", "soon", "12"]:
        assert secret not in r.text
    assert client.post(path, content=b"{", headers=auth()).status_code == 422
    assert client.post(path, json={}, headers=auth()).json()["detail"][0]["loc"] == ["body", "profile"]


def test_risk_422() -> None:
    r = client.post("/api/v1/risk", json={"profile": {"horizon_years": "a while"}, "current_portfolio": []}, headers=auth())
    assert r.status_code == 422
    assert r.json()["detail"][0]["type"] == "risk_input" and "a while" not in r.text


def constant(value: Any) -> Any:
    """A dependency with no parameters (FastAPI reads a lambda's defaults as query
    parameters)."""

    def dependency() -> Any:
        return value

    return dependency


def test_analyze_portfolio_matches_todays_service() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bindings-python" / "tests"))
    from portfolio_compare import (  # type: ignore[import-not-found]  # on sys.path above
        REFUSED,
        differences,
        fund_tables,
        request_of,
        rows as portfolio_rows,
        skipper,
    )

    from app import fund_table, today

    tables = fund_tables()
    seen = 0
    try:
        for row in portfolio_rows():
            wire = tables[row["input"]["fund_table_ref"]]["wire"]
            funds = sc.FundTable.fallback() if wire is None else sc.FundTable.from_funds(wire)
            day = date.fromisoformat(row["input"]["today"])
            app.dependency_overrides[fund_table] = constant(funds)
            app.dependency_overrides[today] = constant(day)
            r = client.post("/api/v1/analyze/portfolio", content=json.dumps(request_of(row)), headers=auth())
            if row["error"] is None and row["id"] not in REFUSED:
                assert r.status_code == 200, (row["id"], r.text)
                body = parse(r.text)
                assert body.pop("latency_ms") >= 0
                assert differences(body, row["output"], skipper(row)) == [], row["id"]
            elif row["id"] == "edge-038":
                assert r.status_code == 200 and parse(r.text)["current_allocation"]["equity"] == 1
            else:
                assert r.status_code == 422, (row["id"], r.text)
                detail = r.json()["detail"]
                assert detail[0]["type"] == "portfolio_input" and "input" not in detail[0]
                if row["id"] not in REFUSED:
                    assert detail[0]["loc"] == row["error"]["body"]["detail"][0]["loc"], row["id"]
            seen += 1
    finally:
        app.dependency_overrides.clear()
    assert seen == 155
    # The endpoint needs an API key with its scope, like the others.
    assert client.post("/api/v1/analyze/portfolio", json={}).status_code == 401
    assert client.post("/api/v1/analyze/portfolio", json={}, headers=auth(["ml:risk"])).status_code == 403


def test_api_keys_401_403_and_no_echo() -> None:
    import psycopg

    body = {"profile": {"age": 30, "horizon_years": 10}}
    good = auth(["ml:classify"])
    assert client.post("/api/v1/classify", json=body, headers=good).status_code == 200

    def refused(headers: dict[str, str], path: str = "/api/v1/classify") -> tuple[int, str]:
        r = client.post(path, json=body, headers=headers)
        for h in headers.values():
            assert h[12:40] not in r.text  # the presented key is never echoed
        return r.status_code, r.json()["code"]

    key = good["X-API-Key"]
    assert refused({}) == (401, "api_key_format")
    assert refused({"X-API-Key": key[:-1]}) == (401, "api_key_format")                 # truncated
    assert refused({"X-API-Key": key[:-1] + ("A" if key[-1] != "A" else "B")}) == (401, "api_key_checksum")  # mistyped
    assert refused({"X-API-Key": key.replace("spk_live_", "spk_test_")})[0] == 401       # another environment's prefix
    assert refused({"X-API-Key": "x" * (10 * 1024 * 1024)}) == (401, "api_key_format")  # a 10 MB header
    assert refused(good, "/api/v1/risk") == (403, "api_key_scope")
    test_key = auth(["ml:classify"], environment="test")
    assert refused(test_key) == (401, "api_key_environment")
    expired = auth(["ml:classify"], now=1_700_000_000, expires_at=1_700_000_100)
    assert refused(expired) == (401, "api_key_expired")
    with psycopg.connect(database()) as conn:
        conn.execute("UPDATE api_keys SET revoked = TRUE WHERE key_id = %s", (sc.parse_api_key(key)["key_id"],))
    assert refused(good) == (401, "api_key_revoked")
    # A key nobody issued, well formed: unknown (the table has no such id).
    forged, _ = sc.issue_api_key("x", ["ml:classify"], pepper=sc.ApiKeyPepper(b"another pepper of thirty-two bytes!"))
    assert refused({"X-API-Key": forged}) == (401, "api_key_unknown")
    r = client.post("/api/v1/classify", json=body, headers={"X-API-Key": forged})
    assert r.headers["WWW-Authenticate"] == "ApiKey"
