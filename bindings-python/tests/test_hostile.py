"""Hostile input: every function answers with a Python exception, never a crash."""

from __future__ import annotations

import math
import os
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

import sparrow_core as sc

KEYRING = sc.Keyring("k1", "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")
HUGE = 10**400
TEN_MB = "9" * (10 * 1024 * 1024)
SURROGATE = "abc\ud800def"


class SubStr(str):
    pass


class SubDecimal(Decimal):
    pass


HOSTILE: list[Any] = [
    None,
    True,
    False,
    1.5,
    float("nan"),
    float("inf"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("-Infinity"),
    Decimal("1E+400"),
    HUGE,
    -HUGE,
    TEN_MB,
    SURROGATE,
    "",
    "\x00",
    b"bytes",
    [],
    {},
    object(),
    SubStr("ABCPE1234F"),
    SubDecimal("12.5"),
    [[[[[]]]]],
]

ONE_ARG: dict[str, Callable[[Any], Any]] = {
    "parse_money": sc.parse_money,
    "Money": sc.Money,
    "format_inr": sc.format_inr,
    "format_compact": sc.format_compact,
    "validate_pan": sc.validate_pan,
    "validate_ifsc": sc.validate_ifsc,
    "validate_mobile": sc.validate_mobile,
    "validate_email": sc.validate_email,
    "validate_pincode": sc.validate_pincode,
    "validate_aadhaar": sc.validate_aadhaar,
    "validate_profile": sc.validate_profile,
    "classify": sc.classify,
    "classify_blended": sc.classify_blended,
    "classify_many": sc.classify_many,
    "check_password": sc.check_password,
    "needs_rehash": sc.needs_rehash,
    "parse_duration": sc.parse_duration,
    "bearer_token": sc.bearer_token,
    "verify_token": lambda v: sc.verify_token(v, KEYRING, now=1),
    "issue_token": lambda v: sc.issue_token(v, KEYRING, now=1),
    "should_refresh": sc.should_refresh,
    "allocate": lambda v: sc.allocate(v, [v]),
    "units_for": lambda v: sc.units_for(v, v),
    "split_amount": lambda v: sc.split_amount(v, [{"id": "a", "weight": v, "min_amount": v, "multiple": v}]),
    "rebalance": lambda v: sc.rebalance([{"id": "a", "value": v}], {"a": v}, new_money=v),
    "blend_allocation": lambda v: sc.blend_allocation([{"persona": v, "weight": v}]),
    "check_constraints": lambda v: sc.check_constraints([{"id": v, "category": v, "value": v}], [v]),
    "assess_risk": lambda v: sc.assess_risk({"horizon_years": v}, [{"scheme_name": v, "weight": v}]),
    "assess_risk_request": sc.assess_risk_request,
    "strategy_for": sc.strategy_for,
    "Strategy.from_db": sc.Strategy.from_db,
    "Strategy.from_ml": sc.Strategy.from_ml,
    "ScoringTable.from_json": sc.ScoringTable.from_json,
    "authorize": lambda v: sc.authorize(v, [v], v, [v]),
    "check_env": lambda v: sc.check_env({"JWT_SECRET": v}, v),
    "Keyring": lambda v: sc.Keyring(v, v),
    "train_personas": lambda v: sc.train_personas([v], k=v),
    "synthetic_profiles": lambda v: sc.synthetic_profiles(v, v),
    "PersonaModel.load": lambda v: sc.PersonaModel.load(v, v, v),
}


@pytest.mark.parametrize("name", sorted(ONE_ARG))
def test_hostile_values_raise_python_exceptions(name: str) -> None:
    call = ONE_ARG[name]
    for value in HOSTILE:
        try:
            call(value)
        except (sc.SparrowError, TypeError, ValueError, OverflowError, UnicodeError):
            pass  # a Python exception: what we want (or a value, for acceptable input)


def test_specific_refusals() -> None:
    with pytest.raises(TypeError):
        sc.Money(True)
    with pytest.raises(TypeError):
        sc.Money(math.pi)
    with pytest.raises(sc.MoneyError):
        sc.Money(Decimal("Infinity"))
    with pytest.raises(sc.MoneyError) as info:
        sc.Money(HUGE)
    assert info.value.code == "money_overflow"
    with pytest.raises(sc.MoneyError):
        sc.parse_money(TEN_MB)
    with pytest.raises(sc.InputError) as bad_text:
        sc.validate_pan(SURROGATE)
    assert bad_text.value.code == "input_not_unicode"
    with pytest.raises(sc.InputError) as nan:
        sc.validate_profile({"age": float("nan"), "horizon_years": 5})
    assert nan.value.code == "input_not_finite"
    with pytest.raises(sc.InputError) as err:
        sc.validate_profile({"age": True, "horizon_years": 5})
    assert err.value.errors[0]["code"] == "profile_type"
    with pytest.raises(sc.InputError):
        sc.validate_profile({"age": HUGE, "horizon_years": 5})
    with pytest.raises(sc.InputError) as err:
        sc.validate_profile({"age": 30, "horizon_years": 5, "goal": TEN_MB})
    assert err.value.code == "input_too_large"  # as its JSON text would be
    with pytest.raises(sc.InputError) as err:
        sc.validate_profile({"age": 30, "horizon_years": 5, "goal": "g" * 501})
    assert err.value.errors[0]["code"] == "profile_too_long"
    deep: Any = []
    for _ in range(200):
        deep = [deep]
    with pytest.raises(sc.InputError) as too_deep:
        sc.validate_profile({"age": deep})
    assert too_deep.value.code == "input_too_deep"


def test_subclasses_are_accepted_as_their_base() -> None:
    assert sc.validate_pan(SubStr(" abcpe1234f ")) == ("ABCPE1234F", "person")
    assert sc.Money(SubDecimal("12.5")) == Decimal("12.50")
    assert str(sc.parse_money(SubStr("₹1,000"))) == "1000.00"


def _small_model(seed: int, k: int = 3) -> Any:
    return sc.train_personas(sc.synthetic_profiles(300, seed=seed), k=k, seed=seed)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_loading_a_fifo_is_refused_instead_of_freezing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "m_v1.json")
    with pytest.raises(sc.ModelError) as info:
        sc.PersonaModel.load(tmp_path, "m", "1")
    assert info.value.code == "model_not_regular"


def test_racing_saves_of_one_version_have_one_winner(tmp_path: Path) -> None:
    models = [_small_model(1), _small_model(2, k=4)]
    for round_ in range(30):
        barrier = threading.Barrier(len(models))
        outcomes: list[str] = [""] * len(models)

        def save(i: int) -> None:
            barrier.wait()
            try:
                models[i].save(tmp_path, "p", str(round_))
                outcomes[i] = "ok"
            except sc.ModelError as e:
                outcomes[i] = e.code

        threads = [threading.Thread(target=save, args=(i,)) for i in range(len(models))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["model_exists", "ok"], (round_, outcomes)
        winner = models[outcomes.index("ok")]
        assert sc.PersonaModel.load(tmp_path, "p", str(round_)).centroids == winner.centroids


class LyingDecimal(Decimal):
    """A subclass whose text misstates its value."""

    def __str__(self) -> str:
        return "1"

    def __repr__(self) -> str:
        return "LyingDecimal('1')"

    def as_tuple(self) -> Any:
        return Decimal("1").as_tuple()


def test_decimals_are_read_by_value_not_by_text() -> None:
    assert sc.Money(Decimal("0E-1000")) == sc.Money("0.00")
    assert sc.Money(Decimal("-0E+50")) == sc.Money("0.00")
    assert sc.Money(Decimal("1.000000000000000000000000000000000")) == sc.Money("1.00")
    with pytest.raises(sc.MoneyError) as info:
        sc.Money(Decimal("1E-30"))
    assert info.value.code == "money_precision"
    with pytest.raises(sc.MoneyError) as info:
        sc.Money(Decimal("1E+30"))
    assert info.value.code in ("money_overflow", "money_out_of_range")
    with pytest.raises(sc.MoneyError) as info:
        sc.Money(Decimal("1E-999999999"))
    assert info.value.code == "money_precision"
    assert sc.Money(LyingDecimal(10**6)) == sc.Money("1000000.00")
    funds = [{"id": "eq", "weight": LyingDecimal(100), "min_amount": 500, "multiple": 100}]
    assert sc.split_amount(LyingDecimal(5000), funds)[0]["amount"] == sc.Money("5000.00")
    # Inside record input too: the value counts, not the subclass's text.
    profile = {"age": 24, "horizon_years": 2, "risk_tolerance": "Conservative",
               "volatility": "Low", "liquidity": "Low", "knowledge": "Beginner",
               "monthly_sip": LyingDecimal(25000)}
    assert sc.validate_profile(profile)["monthly_sip"] == sc.Money("25000.00")


# Every function that reads text, given a str with a lone surrogate: a coded InputError,
# never pyo3's UnicodeEncodeError.
SURROGATE_CALLS: dict[str, Callable[[], Any]] = {
    "parse_money": lambda: sc.parse_money(SURROGATE),
    "Money": lambda: sc.Money(SURROGATE),
    "validate_pan": lambda: sc.validate_pan(SURROGATE),
    "validate_email": lambda: sc.validate_email(SURROGATE),
    "validate_profile text": lambda: sc.validate_profile(SURROGATE),
    "validate_profile key": lambda: sc.validate_profile({SURROGATE: 1}),
    "validate_profile value": lambda: sc.validate_profile({"age": 30, "horizon_years": 5, "goal": SURROGATE}),
    "validate_profile mode": lambda: sc.validate_profile({"age": 30}, mode=SURROGATE),  # type: ignore[arg-type]
    "check_password": lambda: sc.check_password(SURROGATE),
    "check_password context": lambda: sc.check_password("Aa1!aaaaaaaa", context=[SURROGATE]),
    "require_password": lambda: sc.require_password(SURROGATE),
    "hash_password": lambda: sc.hash_password(SURROGATE),
    "verify_password": lambda: sc.verify_password(SURROGATE, "$2b$04$x"),
    "needs_rehash": lambda: sc.needs_rehash(SURROGATE),
    "dummy_verify": lambda: sc.dummy_verify(SURROGATE),
    "parse_duration": lambda: sc.parse_duration(SURROGATE),
    "bearer_token": lambda: sc.bearer_token(SURROGATE),
    "verify_token": lambda: sc.verify_token(SURROGATE, KEYRING, now=1),
    "verify_token issuer": lambda: sc.verify_token("a.b.c", KEYRING, now=1, issuer=SURROGATE),
    "issue_token claim": lambda: sc.issue_token({"sub": SURROGATE, "email": "e@x.in", "role": "user"}, KEYRING, now=1),
    "issue_token expires_in": lambda: sc.issue_token({"sub": "u", "email": "e@x.in", "role": "user"}, KEYRING, expires_in=SURROGATE, now=1),
    "Keyring kid": lambda: sc.Keyring(SURROGATE, "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"),
    "Keyring secret": lambda: sc.Keyring("k1", SURROGATE),
    "authorize": lambda: sc.authorize(SURROGATE, ["admin"]),
    "check_env": lambda: sc.check_env({"JWT_SECRET": SURROGATE}),
    "split_amount id": lambda: sc.split_amount("100", [{"id": SURROGATE, "weight": "100", "min_amount": 0, "multiple": 1}]),
    "strategy_for": lambda: sc.strategy_for(SURROGATE),
    "Strategy.from_ml": lambda: sc.Strategy.from_ml(SURROGATE),
    "ScoringTable.from_json": lambda: sc.ScoringTable.from_json(SURROGATE),
    "assess_risk_request": lambda: sc.assess_risk_request(SURROGATE),
    "PersonaModel.load name": lambda: sc.PersonaModel.load(".", SURROGATE),
}


@pytest.mark.parametrize("name", sorted(SURROGATE_CALLS))
def test_lone_surrogates_are_coded_input_errors(name: str) -> None:
    with pytest.raises(sc.InputError) as info:
        SURROGATE_CALLS[name]()
    assert info.value.code == "input_not_unicode", (name, info.value.code)


class MutatingFloat(float):
    """A float whose repr empties the dict it sits in (pyo3 panics on a dict that
    changes size while it iterates it)."""

    target: dict[str, Any] = {}

    def __repr__(self) -> str:
        MutatingFloat.target.clear()
        return "1.0"


def test_a_dict_mutated_while_it_is_read_is_no_panic() -> None:
    profile: dict[str, Any] = {"age": 30, "horizon_years": MutatingFloat(5.0), "x1": 1, "x2": 2}
    MutatingFloat.target = profile
    try:
        sc.validate_profile(profile)
    except sc.SparrowError:
        pass
    claims: dict[str, Any] = {"sub": "u", "email": "e@x.in", "role": "user"}

    class Mutating(str):
        def __str__(self) -> str:
            claims.clear()
            return "x"

    claims["jti"] = Mutating("j")
    token = sc.issue_token(claims, KEYRING, now=1)  # read from a snapshot
    assert sc.verify_token(token, KEYRING, now=2)["jti"] == "j"


def test_any_mapping_is_accepted() -> None:
    from collections import UserDict
    from types import MappingProxyType

    base = {"age": 30, "horizon_years": 10, "risk_tolerance": "Moderate"}
    expected = sc.validate_profile(base)
    assert sc.validate_profile(MappingProxyType(base)) == expected
    assert sc.validate_profile(UserDict(base)) == expected
    assert sc.classify(MappingProxyType(base)) == sc.classify(base)


def test_huge_inputs_are_refused_before_they_are_read() -> None:
    many = {f"k{i}": 1 for i in range(1_000_000)}
    with pytest.raises(sc.InputError) as info:
        sc.validate_profile(many)
    assert info.value.code == "input_too_large"
    assert len(str(info.value)) < 200
    # Under the size cap, the listed problems are capped and counted.
    some = {f"k{i:04}": 1 for i in range(3_000)}
    with pytest.raises(sc.InputError) as listed:
        sc.validate_profile(some)
    assert len(listed.value.errors) == 50
    assert "3002 problems; the first 50 are listed" in str(listed.value)
    with pytest.raises(sc.InputError) as big_int:
        sc.validate_profile({"age": 10**5000, "horizon_years": 5})
    assert big_int.value.code == "input_number"
    funds = [{"id": f"f{i}", "weight": 1, "min_amount": 0, "multiple": 1}
             for i in range(1_000_000)]
    with pytest.raises(sc.InputError) as too_many:
        sc.split_amount("100", funds)
    assert too_many.value.code == "allocation_too_many"


def test_made_up_secrets_are_refused_and_generated_ones_pass() -> None:
    for made_up in [
        "super-secret-key-super-secret-key",
        "my-super-long-jwt-secret-key-for-production",
        "SparrowInvestProductionJWTSecretKey",
        "correct horse battery staple correct horse",
    ]:
        with pytest.raises(sc.ConfigError) as info:
            sc.Keyring("k1", made_up)
        assert info.value.code.startswith("key_"), made_up
        assert made_up not in str(info.value)
        problems = sc.check_env({"JWT_SECRET": made_up})
        assert [p["code"] for p in problems if p["variable"] == "JWT_SECRET"] == ["env_weak_secret"]
    # As `openssl rand -base64 32` and Node's randomBytes(32).toString('base64url') print them.
    for generated in ["IlSfw7hci26JTAyVXI/TKMd9mhc+6HBZVuUX0LwPdIo=", "-iwKDc2YyyFXkr_7_jXR8LyPZt98QUoQsD6BK9fi5vQ"]:
        sc.Keyring("k1", generated)
    sc.Keyring("k1", os.urandom(32))
