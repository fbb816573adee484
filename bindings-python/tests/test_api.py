"""The rest of the surface: Money, pydantic types, strategies, splits, rebalancing,
constraints, tokens, configuration and persona models."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import sparrow_core as sc
from sparrow_core.pydantic import Aadhaar, Email, Ifsc, Mobile, Money, Pan, Pincode

SECRET = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"


def test_money_is_an_exact_decimal() -> None:
    m = sc.Money("25000.5")
    assert isinstance(m, Decimal) and str(m) == "25000.50" and repr(m) == "Money('25000.50')"
    assert m.paise == 2_500_050
    assert m.format_inr() == "₹25,000.50" and sc.Money(12_345_678).format_compact() == "₹1.23 Cr"
    assert sc.Money(7) == Decimal(7) and hash(sc.Money(7)) == hash(Decimal("7.00"))
    assert pickle.loads(pickle.dumps(m)) == m
    assert sc.units_for("5000", "123.4567") == Decimal("40.500")
    assert sc.value_of("40.500", "123.4567") == Decimal("5000.00")


class Investor(BaseModel):
    pan: Pan
    ifsc: Ifsc
    mobile: Mobile
    email: Email
    pincode: Pincode
    aadhaar: Aadhaar
    monthly_sip: Money


GOOD = {
    "pan": "abcpe1234f",
    "ifsc": "HDFC0001234",
    "mobile": "98765 43210",
    "email": "Ravi@Example.COM",
    "pincode": "560001",
    "aadhaar": "234123412346",
    "monthly_sip": "25000",
}


def test_pydantic_types() -> None:
    good = dict(GOOD, aadhaar=next(a for a in (f"2341234123{i:02d}" for i in range(100)) if _aadhaar_ok(a)))
    inv = Investor.model_validate(good)
    assert inv.pan == "ABCPE1234F" and inv.mobile == "+919876543210" and inv.email == "Ravi@example.com"
    assert isinstance(inv.monthly_sip, sc.Money)
    assert inv.model_dump_json().count('"monthly_sip":"25000.00"') == 1
    with pytest.raises(ValidationError) as info:
        Investor.model_validate({**good, "pan": "ABCPE12345", "monthly_sip": "1.234", "mobile": 98765})
    types = {(e["loc"][0], e["type"]) for e in info.value.errors()}
    assert types == {("pan", "pan_format"), ("monthly_sip", "money_precision"), ("mobile", "string_type")}
    with pytest.raises(ValidationError) as info:
        Investor.model_validate({**good, "monthly_sip": 25000.5})
    assert info.value.errors()[0]["type"] == "money_not_exact"
    from_json = Investor.model_validate_json(
        '{"pan": "ABCPE1234F", "ifsc": "HDFC0001234", "mobile": "9876543210", "email": "a@b.in", '
        f'"pincode": "560001", "aadhaar": "{good["aadhaar"]}", "monthly_sip": 25000.5}}'
    )
    assert from_json.monthly_sip == Decimal("25000.50")


def _aadhaar_ok(a: str) -> bool:
    try:
        sc.validate_aadhaar(a)
        return True
    except sc.InputError:
        return False


def test_strategies_and_blends() -> None:
    for s in sc.database_strategies():
        report = sc.check_strategy(s)
        assert report["violations"] == [] and "passed" not in report
    ml = sc.strategy_for("capital-guardian")
    assert ml.allocation()["debt"] == Decimal("55.00")
    assert ml.to_dict()["constraints"][0] == {"constraintType": "max_equity", "constraintValue": Decimal("35")}
    broken = sc.Strategy.from_db(
        {"name": "x", "components": [{"label": "Equity Funds", "allocationPercent": 70}, {"label": "Debt Funds", "allocationPercent": "29.99"}],
         "constraints": [{"constraintType": "max_equity", "constraintValue": 60}]}
    )
    report = sc.check_strategy(broken)
    assert [v["rule"] for v in report["violations"]] == ["allocation_sum", "max_equity"]
    with pytest.raises(sc.InputError) as info:
        broken.allocation()
    assert info.value.code == "allocation_sum" and "99.99" in str(info.value)
    blended = sc.classify_blended({"age": 34, "horizon_years": 12, "risk_tolerance": "Aggressive"})
    allocation = sc.blend_allocation(blended["distribution"])
    assert sum(allocation.values()) == Decimal("100.00")


def test_split_and_rebalance() -> None:
    funds = [{"id": c, "weight": w, "min_amount": 500, "multiple": 100} for c, w in [("eq", "60"), ("debt", "30"), ("gold", "10")]]
    parts = sc.split_amount(sc.parse_money("₹25,000"), funds)
    assert [(p["id"], str(p["amount"])) for p in parts] == [("eq", "15000.00"), ("debt", "7500.00"), ("gold", "2500.00")]
    plan = sc.rebalance([{"id": "eq", "value": "70000"}, {"id": "debt", "value": "30000"}], {"eq": "60", "debt": "40"})
    assert plan["out_of_band"] and [(t["id"], t["side"], str(t["amount"])) for t in plan["trades"]] == [
        ("eq", "sell", "10000.00"),
        ("debt", "buy", "10000.00"),
    ]
    buy = sc.rebalance([{"id": "eq", "value": "70000"}, {"id": "debt", "value": "30000"}], {"eq": "60", "debt": "40"}, buy_only=True, new_money="5000")
    assert all(t["side"] == "buy" for t in buy["trades"]) and buy["total"] == Decimal("105000.00")


def test_constraints_and_risk() -> None:
    report = sc.check_constraints(
        [{"id": "a", "category": "Large Cap", "value": "62500"}, {"id": "b", "category": "Gilt", "value": "37500", "volatility": "4"}],
        [{"constraintType": "max_equity", "constraintValue": 60}, {"constraintType": "acceptable_risk_score", "constraintValue": 55}],
    )
    assert report["violations"][0]["excess"] == Decimal("2.5000")
    assert report["not_evaluated"] == [{"rule": "acceptable_risk_score", "reason": "a target, not a limit on holdings"}]
    r = sc.assess_risk({"risk_tolerance": "Conservative", "horizon_years": "03"}, [{"scheme_name": "A", "category": "Large Cap", "weight": "0.5"}, {"scheme_name": "B", "category": "Gilt", "weight": "0.5"}])
    assert r["model_version"] == "risk-v1" and isinstance(r["risk_score"], Decimal)
    assert sc.assess_risk({}, [])["risk_level"] == "Unknown"


def test_tokens_end_to_end() -> None:
    ring = sc.Keyring("2026-10", SECRET).with_key("2026-11", SECRET[::-1]).rotate_to("2026-11")
    now = datetime(2026, 11, 26, tzinfo=timezone.utc)
    token = sc.issue_token({"sub": "u", "email": "e@x.in", "role": "investor"}, ring, "1h", now)
    claims = sc.verify_token(token, ring, now=int(now.timestamp()) + 10)
    assert claims["exp"] - claims["iat"] == 3600
    assert sc.should_refresh(claims, now=claims["exp"] - 60) and not sc.should_refresh(claims, now=claims["iat"])
    refresh = sc.issue_token({"sub": "u", "email": "e@x.in", "role": "investor"}, ring, "7d", now, token_use="refresh")
    with pytest.raises(sc.TokenError) as info:
        sc.verify_token(refresh, ring, now=now)
    assert info.value.code == "token_wrong_use"
    assert sc.verify_token(refresh, ring, now=now, token_use="refresh")["token_use"] == "refresh"
    with pytest.raises(sc.InputError) as naive:
        sc.issue_token({"sub": "u", "email": "e", "role": "r"}, ring, "1h", datetime(2026, 1, 1))
    assert naive.value.code == "time_zone_missing"
    assert sc.bearer_token("Bearer abc.def.ghi") == "abc.def.ghi"


def test_access_and_config() -> None:
    assert sc.authorize("fa_staff", [], "clients", ["clients"]) == sc.authorize("fa_staff", [], "clients", ["clients"])
    assert not sc.authorize("advisor", ["admin"])
    with pytest.raises(sc.InputError) as role:
        sc.authorize("admin", ["root"])
    assert role.value.code == "role_unknown" and role.value.errors[0]["field"] == "required_roles"
    problems = sc.check_env({"JWT_SECRET": "<your-secret>", "PORT": "0"}, "production")
    assert {p["code"] for p in problems} >= {"env_placeholder", "env_invalid", "env_missing"}
    assert sc.check_password("ravi1234", context=["ravi@example.com"]) == ["password_no_uppercase", "password_no_special", "password_contains_context"]
    assert "ALTER TABLE" in sc.migration_sql()


def test_persona_models(tmp_path: Path) -> None:
    profiles = sc.synthetic_profiles(5_000, 7)
    assert set(profiles[0]) == {"age", "horizon_years", "risk_tolerance", "volatility", "liquidity", "knowledge"}
    model = sc.train_personas(profiles, k=3, seed=42)
    assert model.personas == ["capital-guardian", "balanced-voyager", "accelerated-builder"]
    assert model.training["converged"] and model.training["profiles"] == 5_000
    again = sc.train_personas(profiles, k=3, seed=42)
    assert again.centroids == model.centroids
    path = model.save(tmp_path, "personas", "1")
    assert Path(path).name == "personas_v1.json"
    model.save(tmp_path, "personas", "2")
    stamped = model.save(tmp_path, "personas")
    assert Path(stamped).name.startswith("personas_v20")
    loaded = sc.PersonaModel.load(tmp_path, "personas")
    assert loaded.version == Path(stamped).name[len("personas_v"):-len(".json")]
    p = loaded.predict(profiles[0])
    assert sum(d["weight"] for d in p["distribution"]) == Decimal("1.0000")
    with pytest.raises(sc.ModelError) as info:
        model.save(tmp_path, "personas", "1")
    assert info.value.code == "model_exists"
    (tmp_path / "personas_v99999999_999999.json").write_text("{not json")
    with pytest.raises(sc.ModelError) as info:
        sc.PersonaModel.load(tmp_path, "personas")
    assert info.value.code == "model_corrupt"

    def boom(i: int, m: int, inertia: float) -> None:
        raise RuntimeError("stop")

    calls: list[int] = []

    def stop_at_second(iteration: int, max_iterations: int, inertia: float) -> None:
        calls.append(iteration)
        if iteration == 2:
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        sc.train_personas(profiles, on_progress=boom)
    with pytest.raises(RuntimeError):
        sc.train_personas(profiles, on_progress=stop_at_second, tolerance=1e-15)
    assert calls == [1, 2], "training stops at the step whose callback raised"
    fast = sc.train_personas(profiles, algorithm="minibatch", batch_size=1_000)
    assert "mini-batch" in fast.training["algorithm"] and fast.personas == model.personas
    with pytest.raises(sc.InputError) as bad:
        sc.train_personas(profiles, algorithm="fastest")  # type: ignore[arg-type]
    assert bad.value.code == "algorithm_unknown"
    table = sc.ScoringTable.from_json(sc.ScoringTable().to_json())
    assert table.classify(profiles[0]) == sc.classify(profiles[0])


def test_profile_json_bytes() -> None:
    body = b'{"age": 35, "horizon_years": 8, "monthly_sip": "25000.50", "goal": "Caf\\u00e9 \xc3\xa9"}'
    got = sc.validate_profile_json(body)
    assert got["monthly_sip"] == Decimal("25000.50") and got["goal"] == "Café é"
    assert got == sc.validate_profile_json(body.decode()) == sc.validate_profile(body.decode())
    # Not UTF-8: refused as not JSON, at the first bad byte (line and column in bytes).
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile_json(b'{"age": 35,\n "goal": "\xff"}')
    assert [e["code"] for e in info.value.errors] == ["profile_json"]
    assert "line 2, column 11" in info.value.errors[0]["message"]
    # Larger than 64 KiB: refused unread.
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile_json(b" " * (64 * 1024 + 1))
    assert [e["code"] for e in info.value.errors] == ["profile_too_large"]
    # Repeated keys and nested values take the full reader, with its errors.
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile_json(b'{"age": 35, "age": 36, "horizon_years": 8}')
    assert [e["code"] for e in info.value.errors] == ["profile_duplicate_key"]
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile_json(b'{"age": 35, "horizon_years": [8]}')
    assert [(e["field"], e["code"]) for e in info.value.errors] == [("horizon_years", "profile_type")]
    for wrong in (bytearray(body), memoryview(body), 35, None):
        with pytest.raises(TypeError):
            sc.validate_profile_json(wrong)  # type: ignore[arg-type]


def test_profile_dict_paths_agree() -> None:
    # A dict of plain leaves is read straight into the core; a dict holding a Decimal or
    # a nested value goes through the JSON reader. Both give the same answers.
    plain = {"age": 35, "horizon_years": 8, "monthly_sip": 25000.5, "target_amount": 10**20, "x": None}
    with pytest.raises(sc.InputError) as a:
        sc.validate_profile(plain)
    with pytest.raises(sc.InputError) as b:
        sc.validate_profile({**plain, "y": [Decimal("1")]})
    assert a.value.errors == [e for e in b.value.errors if e["field"] != "y"]
    ok = {"age": 35, "horizon_years": 8.0, "lump_sum": "1_000", "target_year": "2_030"}
    assert sc.validate_profile(ok, mode="compat") == sc.validate_profile({**ok, "z": {"a": 1}}, mode="compat")
    with pytest.raises(sc.SparrowError) as info:
        sc.validate_profile({"age": float("nan"), "horizon_years": 8})
    assert info.value.code == "input_not_finite"
    with pytest.raises(sc.SparrowError) as info:
        sc.validate_profile({"age": 35, "horizon_years": 8, "goal": "x" * (64 * 1024)})
    assert info.value.code == "input_too_large"


def test_retraining_with_a_warm_start_and_a_reassignment_report() -> None:
    live = sc.train_personas(sc.synthetic_profiles(20_000, 1), k=3, seed=42)
    fresh = sc.synthetic_profiles(20_000, 2)
    probe = sc.synthetic_profiles(10_000, 99)
    cold = sc.train_personas(fresh, k=3, seed=7)
    warm = sc.train_personas(fresh, warm_start=live)
    assert warm.training["k"] == 3 and len(warm.centroids) == 3
    moved_cold = sc.reassignment(live, cold, probe)
    moved_warm = sc.reassignment(live, warm, probe, max_share="0.5")
    # Started from the live centroids, retraining on other data moves fewer users.
    assert moved_warm["moved"] < moved_cold["moved"]
    assert moved_warm["within"] is True
    assert sum(n for row in moved_warm["confusion"].values() for n in row.values()) == 10_000
    off_diagonal = sum(n for a, row in moved_warm["confusion"].items() for b, n in row.items() if a != b)
    assert off_diagonal == moved_warm["moved"]
    assert moved_warm["share"] == (Decimal(moved_warm["moved"]) / 10_000).quantize(Decimal("0.000001"))
    # The same model moves no one; the threshold is exact; Arrow data works the same.
    same = sc.reassignment(live, live, probe, max_share=0)
    assert (same["moved"], same["within"]) == (0, True)
    assert sc.reassignment(live, cold, probe, max_share=Decimal(moved_cold["moved"]) / 10_000)["within"] is True
    assert sc.reassignment(live, cold, probe, max_share=Decimal(moved_cold["moved"] - 1) / 10_000)["within"] is False
    import pyarrow as pa

    as_arrow = sc.reassignment(live, cold, pa.Table.from_pylist([dict(p) for p in probe]))
    assert as_arrow == moved_cold
    # A warm start's k is its centroids'; another k is refused with a code.
    with pytest.raises(sc.InputError) as info:
        sc.train_personas(fresh, k=4, warm_start=live)
    assert info.value.code == "persona_training"
    with pytest.raises(TypeError):
        sc.reassignment(live, cold, probe, max_share=0.05)  # type: ignore[arg-type]
