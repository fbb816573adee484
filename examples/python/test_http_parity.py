"""Today's recorded risk-v1 requests, sent over real HTTP (uvicorn on 127.0.0.1) to the
example service, get today's answers.

Every recorded row is compared in full — level, score (within 0.01 of today's float),
each factor's name, severity, contribution and text, the recommendations and the
persona alignment — except the differences listed in ``KNOWN`` and documented in
docs/decisions.md ("Risk"), each with its reason.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from app import app
from keys_for_tests import auth

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "tests" / "fixtures"

# Row id → why today's answer differs (docs/decisions.md, "Risk").
KNOWN = {
    "ex-002": "float artifact: 0.2032 + 0.2818 is 0.4850 exactly, a rounding tie (0.28, score 94); "
    "today's float sum 0.48500000000000004 rounds to 0.29 (95)",
}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def risk_rows() -> list[dict[str, Any]]:
    lines = (FIXTURES / "risk_v1_examples.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line]


def test_every_recorded_risk_request_gets_todays_answer_over_http(base_url: str) -> None:
    rows = risk_rows()
    assert len(rows) >= 100
    differing: list[str] = []
    with httpx.Client(base_url=base_url, headers=auth(), timeout=10) as http:
        for row in rows:
            r = http.post("/api/v1/risk", json={"request_id": row["id"], **row["input"]})
            assert r.status_code == 200, (row["id"], r.text)
            body = json.loads(r.text, parse_float=Decimal)
            want = row["output"]
            assert body["request_id"] == row["id"] and body["model_version"] == "risk-v1"
            same = (
                body["risk_level"] == want["risk_level"]
                and abs(Decimal(str(body["risk_score"])) - Decimal(repr(want["risk_score"]))) <= Decimal("0.01")
                and [(f["name"], f["severity"], f["description"]) for f in body["risk_factors"]]
                == [(f["name"], f["severity"], f["description"]) for f in want["risk_factors"]]
                and [Decimal(str(f["contribution"])) for f in body["risk_factors"]]
                == [Decimal(repr(f["contribution"])) for f in want["risk_factors"]]
                and body["recommendations"] == want["recommendations"]
                and body["persona_alignment"] == want["persona_alignment"]
            )
            if not same:
                differing.append(row["id"])
    assert differing == sorted(KNOWN), differing


def test_a_fund_without_a_name_is_answered_as_today(base_url: str) -> None:
    request = {
        "profile": {"risk_tolerance": "Conservative", "horizon_years": 10},
        "current_portfolio": [{"category": "Large Cap", "weight": 0.9}, {"scheme_name": "B", "category": "Liquid", "weight": 0.1}],
    }
    r = httpx.post(f"{base_url}/api/v1/risk", json=request, headers=auth())
    assert r.status_code == 200, r.text
    texts = [f["description"] for f in r.json()["risk_factors"]]
    assert "Unknown... has 90% allocation, exceeding 25% limit" in texts


def test_deliberate_refusals_over_http(base_url: str) -> None:
    # Today's service fails with a 500 on each of these; sparrow-core names the field.
    for request, field in [
        ({"profile": {"horizon_years": "a while"}}, "profile.horizon_years"),
        ({"profile": {}, "current_portfolio": [{"scheme_name": None, "weight": 0.5}]}, "current_portfolio[0].scheme_name"),
        ({"profile": {}, "current_portfolio": ["not a fund"]}, "current_portfolio[0]"),
    ]:
        r = httpx.post(f"{base_url}/api/v1/risk", json=request, headers=auth())
        assert r.status_code == 422, r.text
        detail = r.json()["detail"][0]
        assert detail["type"] == "risk_input" and field in detail["msg"], detail
