//! The error-code catalogue: every code is documented in docs/errors.md, every
//! documented code exists, and every code is produced by at least one call below.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde_json::json;
use sparrow_core::config::{check_env, parse_env_file};
use sparrow_core::identity::*;
use sparrow_core::jwt::{
    check_secret, issue_token, parse_duration, verify_token, IssueOptions, Keyring, TokenSubject,
    TokenUse, VerifyOptions,
};
use sparrow_core::money::*;
use sparrow_core::password::*;
use sparrow_core::profile::{validate_profile, validate_profile_json, ValidationMode};
use sparrow_core::{Error, ALL_CODES};

type Validator = fn(&str) -> Result<(), IdentityError>;

fn produced() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    let mut money = |r: Result<(), MoneyError>| codes.push(r.unwrap_err().code());
    money(parse_money("").map(drop));
    money(parse_money(&"1".repeat(70)).map(drop));
    money(parse_money("1e5").map(drop));
    money(parse_money("1,2,3").map(drop));
    money(parse_money("1.234").map(drop));
    money(parse_money("1000000000000").map(drop));
    money(units_for(Money::from_paise(-1).unwrap(), "1".parse().unwrap()).map(drop));
    money("0".parse::<Nav>().map(drop));
    money(Money::MAX.checked_add(Money::MAX).map(drop));
    money(allocate(Money::ZERO, &[]).map(drop));
    money(allocate(Money::ZERO, &vec![Decimal::ONE; MAX_WEIGHTS + 1]).map(drop));
    money(allocate(Money::ZERO, &[-Decimal::ONE]).map(drop));
    money(allocate(Money::ZERO, &[Decimal::ZERO]).map(drop));
    money(allocate(Money::ZERO, &[Decimal::new(1, 13)]).map(drop));

    let long = "9".repeat(300);
    let validators: [Validator; 6] = [
        |s| validate_pan(s).map(drop),
        |s| validate_ifsc(s).map(drop),
        |s| validate_mobile(s).map(drop),
        |s| validate_email(s).map(drop),
        |s| validate_pincode(s).map(drop),
        |s| validate_aadhaar(s).map(drop),
    ];
    for v in validators {
        codes.push(v("").unwrap_err().code());
        codes.push(v(&long).unwrap_err().code());
    }
    for (f, input) in [
        (validators[0], "ABC"),
        (validators[0], "ABCPE12345"),
        (validators[0], "ABCXE1234F"),
        (validators[1], "HDFC"),
        (validators[1], "HDFC1001234"),
        (validators[2], "98765"),
        (validators[2], "98765x43210"),
        (validators[2], "+1 415 555 0100"),
        (validators[2], "5876543210"),
        (validators[3], "nobody"),
        (validators[3], "a..b@example.com"),
        (validators[3], "a@example"),
        (validators[4], "5600"),
        (validators[4], "56000a"),
        (validators[4], "060001"),
        (validators[5], "2345"),
        (validators[5], "23456789012x"),
        (validators[5], "134567890124"),
        (validators[5], "234567890123"),
    ] {
        codes.push(f(input).unwrap_err().code());
    }

    let strict = ValidationMode::Strict;
    let profile_codes = |v: serde_json::Value| {
        validate_profile(&v, strict)
            .unwrap_err()
            .field_errors()
            .into_iter()
            .map(|e| e.code)
            .collect::<Vec<_>>()
    };
    codes.extend(profile_codes(json!([])));
    codes.extend(profile_codes(
        json!({"horizon_years": "5", "x": 1, "risk_tolerance": "high", "goal": "g".repeat(501)}),
    ));
    codes.extend(profile_codes(json!({"age": 5, "horizon_years": 5})));
    codes.extend(profile_codes(
        json!({"age": 30, "horizon_years": 5, "lump_sum": true}),
    ));
    let json_err = validate_profile_json("{", strict).unwrap_err();
    codes.push(json_err.errors[0].code());
    let twice = validate_profile_json(r#"{"age": 30, "age": 31}"#, strict).unwrap_err();
    codes.push(twice.errors[0].code());
    let big = validate_profile_json(&" ".repeat(70_000), strict).unwrap_err();
    codes.push(big.errors[0].code());
    codes.push(Error::from(json_err).code());

    let rules = |pw: &str, policy: PasswordPolicy, ctx: &[&str]| {
        check_password(pw, &policy, ctx)
            .iter()
            .map(PasswordRule::code)
            .collect::<Vec<_>>()
    };
    codes.extend(rules("", PasswordPolicy::seed(), &[]));
    codes.extend(rules("Pässw0rd!", PasswordPolicy::seed(), &[]));
    codes.extend(rules(&"x".repeat(200), PasswordPolicy::recommended(), &[]));
    codes.extend(rules(
        "Kumar\u{7}Sunrise#9",
        PasswordPolicy::recommended(),
        &["kumar"],
    ));
    codes.extend(rules("password123", PasswordPolicy::recommended(), &[]));
    codes
        .push(Error::from(require_password("x", &PasswordPolicy::nist(), &[]).unwrap_err()).code());
    let fast = PasswordHasher::new(Argon2Params::dangerous_insecure_for_tests());
    let verify_code = |pw: &str, hash: &str| fast.verify_password(pw, hash).unwrap_err().code();
    codes.push(verify_code(&"x".repeat(MAX_PASSWORD_BYTES + 1), ""));
    codes.push(verify_code("x", "$2b$05$short"));
    codes.push(verify_code(
        "x",
        "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e",
    ));
    codes.push(verify_code(
        "x",
        "$2b$20$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e",
    ));
    codes.push(Argon2Params::new(1024, 1, 1).unwrap_err().code());

    for secret in [
        &b"secret"[..],
        b"too short",
        &[b'x'; 2000],
        b"-----BEGIN KEY----- 0123456789abcdefghijklmnop",
        &[b'a'; 64],
        b"Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3",
        b"correcthorsebatterystaplecorrecthorse123456",
    ] {
        codes.push(check_secret(secret).unwrap_err().code());
    }
    codes.push(
        Keyring::new("", b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")
            .unwrap_err()
            .code(),
    );
    for text in ["7 fortnights", "60", "11y"] {
        codes.push(parse_duration(text).unwrap_err().code());
    }
    // Token codes, each produced through the API (tests/jwt.rs has the full attack suite).
    let secret = b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";
    let ring = Keyring::new("k1", secret).unwrap();
    let other_kid = Keyring::new("k2", secret).unwrap();
    let wrong_key = Keyring::new("k1", b"QPIHLPwwMA1S5FVfvBxjSPSYXD1LsQwIbhGFMGJtUsU").unwrap();
    let legacy = Keyring::legacy(secret).unwrap();
    let who = TokenSubject {
        sub: "u".into(),
        email: "e@x.in".into(),
        role: "user".into(),
        ..TokenSubject::default()
    };
    let at = |ring: &Keyring, options: IssueOptions| {
        issue_token(&who, ring, &"1h".into(), 1000, &options).unwrap()
    };
    let plain = at(&ring, IssueOptions::default());
    let verify = |token: &str, ring: &Keyring, now: i64, options: VerifyOptions| {
        verify_token(token, ring, now, &options).unwrap_err().code()
    };
    let with_iss = at(
        &ring,
        IssueOptions {
            issuer: Some("a".into()),
            ..IssueOptions::default()
        },
    );
    let refresh = at(
        &ring,
        IssueOptions {
            token_use: Some(TokenUse::Refresh),
            ..IssueOptions::default()
        },
    );
    let required_iss = || VerifyOptions {
        issuer: Some("b".into()),
        ..VerifyOptions::default()
    };
    codes.extend([
        verify(&"a".repeat(9000), &ring, 1000, VerifyOptions::default()),
        verify("a.b", &ring, 1000, VerifyOptions::default()),
        verify(
            "eyJhbGciOiJub25lIn0.e30.",
            &ring,
            1000,
            VerifyOptions::default(),
        ),
        // {"alg":"HS256","crit":["x"]}
        verify(
            "eyJhbGciOiJIUzI1NiIsImNyaXQiOlsieCJdfQ.e30.",
            &ring,
            1000,
            VerifyOptions::default(),
        ),
        verify(&plain, &wrong_key, 1000, VerifyOptions::default()),
        verify(&plain, &ring, 99_999, VerifyOptions::default()),
        verify(&plain, &ring, 900, VerifyOptions::default()),
        verify(&plain, &other_kid, 1000, VerifyOptions::default()),
        verify(
            &at(&legacy, IssueOptions::default()),
            &ring,
            1000,
            VerifyOptions::default(),
        ),
        verify(&plain, &ring, 1000, required_iss()),
        verify(&with_iss, &ring, 1000, required_iss()),
        verify(&refresh, &ring, 1000, VerifyOptions::default()),
    ]);
    let env = |pairs: &[(&str, &str)]| {
        let map = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        check_env(&map, Some("production"))
            .into_iter()
            .map(|p| p.code)
            .collect::<Vec<_>>()
    };
    codes.extend(env(&[
        ("JWT_SECRET", "super-secret"),
        ("PORT", "0"),
        ("CORS_ORIGINS", "*,http://a.in"),
        ("POSTGRES_PASSWORD", "<x>"),
        ("MINIO_ENDPOINT", "m"),
        ("MINIO_ACCESS_KEY", "minioadmin"),
    ]));
    codes.push(parse_env_file("no equals sign").unwrap_err().code());
    for text in ["A=x#y", "A=1\rB=2", "A=1\nA=2", "A=`x`"] {
        codes.push(parse_env_file(text).unwrap_err().code());
    }
    codes.extend(allocation_risk_persona_codes());
    codes.extend(contract_codes());
    codes.push(Error::from(parse_env_file(&"#".repeat(300_000)).unwrap_err()).code());
    codes
}

/// The boundary's codes: every api.md string enum refusing a spelling, and the bounds
/// on host values.
fn contract_codes() -> Vec<&'static str> {
    use sparrow_core::access::Role;
    use sparrow_core::allocation::TradeSide;
    use sparrow_core::contract::*;
    use sparrow_core::risk::RiskLevel;
    vec![
        "lax".parse::<ValidationMode>().unwrap_err().code(),
        "strong".parse::<PasswordPolicy>().unwrap_err().code(),
        "id".parse::<TokenUse>().unwrap_err().code(),
        "root".parse::<Role>().unwrap_err().code(),
        "kmeans".parse::<AlgorithmName>().unwrap_err().code(),
        "hold".parse::<TradeSide>().unwrap_err().code(),
        "Extreme".parse::<RiskLevel>().unwrap_err().code(),
        check_depth(MAX_INPUT_DEPTH + 1, "input")
            .unwrap_err()
            .code(),
        json_number("nan", "input").unwrap_err().code(),
        json_number("1x", "input").unwrap_err().code(),
        unix_seconds(0.5, "now").unwrap_err().code(),
        ArgumentError::TimeZoneMissing { field: "now" }.code(),
        // Only a host string can hold a lone surrogate; the bindings raise it.
        ArgumentError::NotUnicode { field: "argument" }.code(),
        // Host-type mistakes, throwing getters and unknown options: raised by the
        // Node binding's readers (its tests assert each by `.code`).
        ArgumentError::Type {
            field: "amount",
            expected: "a decimal string or a safe integer",
        }
        .code(),
        ArgumentError::Unreadable { field: "input" }.code(),
        ArgumentError::Aborted { field: "signal" }.code(),
        ArgumentError::OptionUnknown {
            field: "options",
            allowed: "mode",
        }
        .code(),
        sparrow_core::contract::returns::parse_date("2024-02-30", "today")
            .unwrap_err()
            .code(),
        "buy"
            .parse::<sparrow_core::returns::TransactionKind>()
            .unwrap_err()
            .code(),
        InputBudget::new("input")
            .spend(MAX_INPUT_BYTES)
            .unwrap_err()
            .code(),
        // The batch (Arrow) functions' options: `errors=` here, `keep=` by the
        // Python binding (its tests assert it by `.code`).
        "Raise"
            .parse::<sparrow_core::contract::columns::RowErrors>()
            .unwrap_err()
            .code(),
        ArgumentError::ColumnMissing {
            field: "keep",
            column: "user_id".into(),
        }
        .code(),
        ArgumentError::ColumnDuplicate {
            field: "data",
            column: "age".into(),
        }
        .code(),
    ]
}

fn allocation_risk_persona_codes() -> Vec<&'static str> {
    use sparrow_core::allocation::*;
    use sparrow_core::persona::*;
    use sparrow_core::risk::*;
    let mut codes = Vec::new();
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let pct = |s: &str| s.parse::<Percent>().unwrap();
    let mut a = |r: Result<(), AllocationError>| codes.push(r.unwrap_err().code());
    a(Allocation::new([]).map(drop));
    a(Allocation::new([(AssetClass::Equity, pct("99"))]).map(drop));
    a(Allocation::new([
        (AssetClass::Equity, pct("50")),
        (AssetClass::Equity, pct("50")),
    ])
    .map(drop));
    a(Strategy::from_ml_json(r#"{"allocation": {"cash": 1}}"#).map(drop));
    a(strategy_for("bold").map(drop));
    a(blend_allocation(&[PersonaWeight {
        persona: PersonaId::CapitalGuardian,
        weight: d("-1"),
    }])
    .map(drop));
    a(blend_allocation(&[PersonaWeight {
        persona: PersonaId::CapitalGuardian,
        weight: d("0"),
    }])
    .map(drop));
    let slot = |id: &str, min: i64, multiple: i64| FundSlot {
        id: id.into(),
        weight: Decimal::ONE,
        min_amount: Money::from_rupees(min).unwrap(),
        multiple: Money::from_rupees(multiple).unwrap(),
    };
    let many: Vec<FundSlot> = (0..=MAX_FUNDS)
        .map(|i| slot(&i.to_string(), 0, 1))
        .collect();
    a(split_amount(Money::from_rupees(1).unwrap(), &many).map(drop));
    a(Strategy::from_db_json("[]").map(drop));
    a(split_amount(Money::from_rupees(100).unwrap(), &[slot("a", 500, 100)]).map(drop));
    a(split_amount(Money::from_rupees(150).unwrap(), &[slot("a", 0, 100)]).map(drop));
    a(split_amount(
        Money::from_rupees(900).unwrap(),
        &[slot("a", 300, 300), slot("b", 500, 500)],
    )
    .map(drop));
    a(split_amount(Money::ZERO, &[slot("a", 0, 1)]).map(drop));
    let target = [("a".to_string(), pct("100"))];
    a(rebalance(&[], &target, RebalanceOptions::default()).map(drop));
    let max = |id: &str| Position {
        id: id.into(),
        value: Money::MAX,
    };
    a(rebalance(&[max("a"), max("b")], &target, RebalanceOptions::default()).map(drop));

    let mut r = |e: RiskError| codes.push(e.code());
    r(RiskConstraint::new("max_cash", Decimal::ONE).unwrap_err());
    r(RiskConstraint::new("max_equity", d("101")).unwrap_err());
    r(RiskConstraint::from_json_row(&json!([])).unwrap_err());
    r(check_constraints(&[], &[]).unwrap_err());
    r(assess_risk_json("{}").unwrap_err());

    let mut p = |e: PersonaError| codes.push(e.code());
    p(ScoringTable::from_json("[]").unwrap_err());
    let profiles = synthetic_profiles(10, 1).unwrap();
    p(train_personas(&profiles, 0, 1).unwrap_err());
    p(train_personas(&[], 3, 1).unwrap_err());
    p(train_personas_with(
        &synthetic_profiles(50, 1).unwrap(),
        &TrainOptions::default(),
        Some(&mut |_| std::ops::ControlFlow::Break(())),
    )
    .unwrap_err());

    let dir = std::env::temp_dir().join(format!("sparrow-codes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let model = train_personas(&synthetic_profiles(200, 1).unwrap(), 3, 1).unwrap();
    let mut m = |e: ModelError| codes.push(e.code());
    m(model.save(&dir, "bad name", "1").unwrap_err());
    m(PersonaModel::load(&dir, "missing", None).unwrap_err());
    model.save(&dir, "m", "1").unwrap();
    m(model.save(&dir, "m", "1").unwrap_err());
    m(PersonaModel::from_json("{}").unwrap_err());
    m(
        PersonaModel::from_json(
            r#"{"format": "sparrow-core/persona-model", "format_version": 99}"#,
        )
        .unwrap_err(),
    );
    let file = dir.join("m_v1.json");
    m(PersonaModel::load(&file, "m", None).unwrap_err());
    std::fs::create_dir(dir.join("m_v2.json")).unwrap();
    m(PersonaModel::load(&dir, "m", Some("2")).unwrap_err());
    std::fs::remove_dir_all(&dir).unwrap();

    use sparrow_core::returns::{cagr, xirr, xnpv, CashFlow, MAX_FLOWS};
    let day = |d: i64| time::Date::MIN + time::Duration::days(800_000 + d);
    let flow = |d, a: i64| CashFlow {
        date: day(d),
        amount: Decimal::from(a),
    };
    let mut x = |e: sparrow_core::returns::ReturnsError| codes.push(e.code());
    x(xirr(&[flow(0, -1)]).unwrap_err());
    x(xirr(&vec![flow(0, -1); MAX_FLOWS + 1]).unwrap_err());
    x(xirr(&[flow(0, -1), flow(9, -1)]).unwrap_err());
    x(xirr(&[flow(5, -1), flow(0, 2)]).unwrap_err());
    x(xirr(&[flow(0, -1), flow(0, 2)]).unwrap_err());
    x(xnpv(Decimal::NEGATIVE_ONE, &[flow(0, 1)]).unwrap_err());
    x(cagr(Decimal::ZERO, Decimal::ONE, Decimal::ONE).unwrap_err());

    use sparrow_core::portfolio::{analyze_portfolio_json, FundTable, TaxTable, ValidationMode};
    let mut p = |e: sparrow_core::portfolio::PortfolioError| codes.push(e.code());
    let today = sparrow_core::contract::returns::parse_date("2026-01-01", "today").unwrap();
    let parity = TaxTable::parity().unwrap();
    p(analyze_portfolio_json(
        r#"{"holdings": []}"#,
        &FundTable::default(),
        &parity,
        today,
        ValidationMode::Strict,
    )
    .unwrap_err());
    p(FundTable::from_json(r#"[{"scheme_code": "x"}]"#).unwrap_err());
    p(TaxTable::from_json("{}").unwrap_err());

    use sparrow_core::api_key::{
        issue_api_key, parse_api_key, verify_api_key, ApiKeyEnvironment as Env, ApiKeyError,
        Pepper, RANDOM_BYTES,
    };
    let mut k = |e: ApiKeyError| codes.push(e.code());
    let pepper = Pepper::new(&[3u8; 32]).unwrap();
    let scopes = ["ml:risk".to_owned()];
    let issued = issue_api_key(
        Env::Live,
        "c",
        &scopes,
        Some(100),
        10,
        &pepper,
        &[1u8; RANDOM_BYTES],
    )
    .unwrap();
    let key = issued.key.expose().to_owned();
    let verify = |record: Option<&sparrow_core::api_key::ApiKeyRecord>, now, scope: &str, env| {
        verify_api_key(&key, record, &pepper, now, scope, env).unwrap_err()
    };
    k(parse_api_key("spk_live_short").unwrap_err());
    let mut typo = key.clone().into_bytes();
    typo[40] = if typo[40] == b'A' { b'B' } else { b'A' };
    k(parse_api_key(std::str::from_utf8(&typo).unwrap()).unwrap_err());
    k(verify(Some(&issued.record), 20, "ml:risk", Env::Test));
    k(verify(None, 20, "ml:risk", Env::Live));
    let mut revoked = issued.record.clone();
    revoked.revoked = true;
    k(verify(Some(&revoked), 20, "ml:risk", Env::Live));
    k(verify(Some(&issued.record), 100, "ml:risk", Env::Live));
    k(verify(Some(&issued.record), 20, "ml:classify", Env::Live));
    k(issue_api_key(
        Env::Live,
        "",
        &scopes,
        None,
        10,
        &pepper,
        &[1u8; RANDOM_BYTES],
    )
    .unwrap_err());
    let mut damaged = issued.record.clone();
    damaged.digest = "x".into();
    k(verify(Some(&damaged), 20, "ml:risk", Env::Live));
    k(Pepper::new(b"short").unwrap_err());
    codes
}

/// Codes no input can produce (the OS random source or memory failing): each is checked
/// here by construction, and documented like every other.
#[test]
fn environmental_codes_are_few_and_safe() {
    for (e, code) in [
        (PasswordError::Random, "password_random"),
        (PasswordError::Backend, "password_backend"),
    ] {
        assert_eq!(e.code(), code);
        assert!(PasswordError::ENVIRONMENTAL_CODES.contains(&code));
        assert!(e.to_string().starts_with("password: "));
    }
    let e = sparrow_core::jwt::TokenError::Signing;
    assert_eq!(
        sparrow_core::jwt::TokenError::ENVIRONMENTAL_CODES,
        [e.code()]
    );
}

#[test]
fn every_code_is_produced_by_a_test() {
    let produced: BTreeSet<&str> = produced()
        .into_iter()
        .chain(PasswordError::ENVIRONMENTAL_CODES.iter().copied())
        .chain(
            sparrow_core::jwt::TokenError::ENVIRONMENTAL_CODES
                .iter()
                .copied(),
        )
        .collect();
    let all: BTreeSet<&str> = ALL_CODES.iter().copied().collect();
    let missing: Vec<_> = all.difference(&produced).collect();
    let unknown: Vec<_> = produced.difference(&all).collect();
    assert!(missing.is_empty(), "codes never produced: {missing:?}");
    assert!(
        unknown.is_empty(),
        "codes produced but not in ALL_CODES: {unknown:?}"
    );
}

#[test]
fn every_code_is_documented_and_nothing_else_is() {
    let doc = include_str!("../../docs/errors.md");
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let all: BTreeSet<&str> = ALL_CODES.iter().copied().collect();
    assert_eq!(
        documented,
        all,
        "docs/errors.md and ALL_CODES differ: undocumented {:?}, stale {:?}",
        all.difference(&documented).collect::<Vec<_>>(),
        documented.difference(&all).collect::<Vec<_>>()
    );
}
