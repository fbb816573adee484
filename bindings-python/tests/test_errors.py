"""Every exception class and error path, and what messages may not contain."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pytest

import sparrow_core as sc


def _one_profile_table() -> pa.Table:
    return pa.table({"age": [30], "horizon_years": [5]})

CASES: list[tuple[type[sc.SparrowError], str, Callable[[], Any]]] = [
    (sc.MoneyError, "money_syntax", lambda: sc.parse_money("12 rupees")),
    (sc.MoneyError, "money_precision", lambda: sc.Money("1.234")),
    (sc.MoneyError, "money_not_exact", lambda: sc.Money(Decimal("NaN"))),
    (sc.MoneyError, "money_out_of_range", lambda: sc.Money(10**12)),
    (sc.MoneyError, "allocate_zero_weights", lambda: sc.allocate("10", ["0"])),
    (sc.InputError, "pan_format", lambda: sc.validate_pan("1BCPE1234F")),
    (sc.InputError, "aadhaar_checksum", lambda: sc.validate_aadhaar("234123412345")),
    (sc.InputError, "profile_invalid", lambda: sc.validate_profile({"age": 12})),
    (sc.InputError, "allocation_unknown_persona", lambda: sc.strategy_for("bold")),
    (sc.InputError, "split_below_minimum", lambda: sc.split_amount("100", [{"id": "a", "weight": 1, "min_amount": 500, "multiple": 100}])),
    (sc.InputError, "rebalance_empty", lambda: sc.rebalance([], {"a": "100"})),
    (sc.InputError, "constraint_unknown_type", lambda: sc.check_constraints([{"id": "a", "category": "Gilt", "value": 1}], [{"constraintType": "max_cash", "constraintValue": 1}])),
    (sc.InputError, "portfolio_empty", lambda: sc.check_constraints([], [])),
    (sc.InputError, "risk_input", lambda: sc.assess_risk({"horizon_years": "ten"}, [])),
    (sc.InputError, "persona_k", lambda: sc.train_personas(sc.synthetic_profiles(5, 1), k=0)),
    (sc.InputError, "persona_rules", lambda: sc.ScoringTable.from_json("[]")),
    (sc.InputError, "duration_invalid", lambda: sc.parse_duration("soon")),
    (sc.InputError, "password_hash_unsupported", lambda: sc.verify_password("x", "$5$nope")),
    (sc.PasswordPolicyError, "password_policy", lambda: sc.require_password("short")),
    (sc.TokenError, "token_malformed", lambda: sc.verify_token("a.b", sc.Keyring("k", "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"))),
    (sc.TokenError, "token_malformed", lambda: sc.bearer_token("Basic abc")),
    (sc.ConfigError, "key_too_short", lambda: sc.Keyring("k", "short")),
    (sc.ModelError, "model_not_found", lambda: sc.PersonaModel.load(Path("/nonexistent-dir"), "m")),
    # Every string enum of api.md refuses an unknown spelling with a coded error
    # decided in core (sparrow_core::contract), never a bare ValueError.
    (sc.InputError, "mode_unknown", lambda: sc.validate_profile({"age": 30, "horizon_years": 5}, mode="lax")),  # type: ignore[arg-type]
    (sc.InputError, "mode_unknown", lambda: sc.classify_blended({"age": 30, "horizon_years": 5}, mode="Strict")),  # type: ignore[arg-type]
    (sc.InputError, "policy_unknown", lambda: sc.check_password("x", policy="strong")),  # type: ignore[arg-type]
    (sc.InputError, "row_errors_unknown", lambda: sc.classify_arrow(_one_profile_table(), errors="skip")),  # type: ignore[arg-type]
    (sc.InputError, "column_missing", lambda: sc.classify_arrow(_one_profile_table(), keep=["user_id"])),
    (sc.InputError, "column_duplicate", lambda: sc.classify_arrow(_one_profile_table(), keep=["age", "age"])),
    (sc.InputError, "token_use_unknown", lambda: sc.verify_token("a.b.c", sc.Keyring("k", "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"), token_use="id")),  # type: ignore[arg-type]
    (sc.InputError, "role_unknown", lambda: sc.authorize("admin", ["Admin"])),
    (sc.InputError, "algorithm_unknown", lambda: sc.train_personas(sc.synthetic_profiles(5, 1), algorithm="em")),  # type: ignore[arg-type]
    (sc.InputError, "allocation_unknown_persona", lambda: sc.blend_allocation([{"persona": "guardian", "weight": 1}])),
    (sc.InputError, "input_not_finite", lambda: sc.assess_risk({"horizon_years": float("inf")}, [])),
    (sc.MoneyError, "money_syntax", lambda: sc.split_amount("1e3", [])),
]


@pytest.mark.parametrize("cls,code,call", CASES, ids=[c[1] for c in CASES])
def test_error_classes_and_codes(cls: type[sc.SparrowError], code: str, call: Callable[[], Any]) -> None:
    with pytest.raises(sc.SparrowError) as info:
        call()
    e = info.value
    assert type(e) is cls, (type(e), e)
    assert isinstance(e, ValueError)
    assert e.code in sc.ALL_CODES
    assert e.code == code or any(x["code"] == code for x in e.errors), (e.code, e.errors)
    assert e.errors and all(set(x) == {"field", "code", "message"} for x in e.errors)
    again = pickle.loads(pickle.dumps(e))
    assert (type(again), again.code, again.errors, str(again)) == (cls, e.code, e.errors, str(e))


def test_profile_lists_every_problem() -> None:
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile({"age": 12, "horizon_years": "8", "risk": "high"})
    assert [(x["field"], x["code"]) for x in info.value.errors] == [
        ("age", "profile_out_of_range"),
        ("horizon_years", "profile_type"),
        ("risk", "profile_unknown_field"),
    ]


def test_messages_never_echo_personal_values() -> None:
    secrets: dict[str, Callable[[str], object]] = {
        "ABCPE12345": lambda v: sc.validate_pan(v),
        "98765x3210": lambda v: sc.validate_mobile(v),
        "ravi.kumar@@example.com": lambda v: sc.validate_email(v),
        "234123412345": lambda v: sc.validate_aadhaar(v),
        "₹12,34,56.789": lambda v: sc.parse_money(v),
    }
    for value, call in secrets.items():
        with pytest.raises(sc.SparrowError) as info:
            call(value)
        text = str(info.value) + repr(info.value.errors)
        assert value not in text
        assert value.strip("₹") not in text


def test_keyring_repr_hides_the_secret() -> None:
    secret = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"
    k = sc.Keyring("2026-11", secret)
    assert secret not in repr(k)
    assert k.current_kid == "2026-11"
    with pytest.raises(sc.ConfigError) as info:
        sc.Keyring("k", "password1234password1234password1234")
    assert "password1234" not in str(info.value)


def test_type_mistakes_raise_type_error() -> None:
    calls: list[Callable[[], object]] = [
        lambda: sc.Money(1.5),
        lambda: sc.Money(True),
        lambda: sc.format_inr(0.1),  # type: ignore[arg-type]
        lambda: sc.allocate("10", [0.5, 0.5]),  # type: ignore[list-item]
        lambda: sc.validate_pan(1234),  # type: ignore[arg-type]
        lambda: sc.units_for("100", 12.5),  # type: ignore[arg-type]
        lambda: sc.issue_token({"sub": "u", "email": "e@x.in", "role": "user", "admin": True}, sc.Keyring("k", "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")),
        lambda: sc.validate_profile({"age": object()}),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()
