//! Fuzz harnesses for sparrow-core's parsers, shared by the cargo-fuzz targets in
//! `fuzz_targets/` and by `core/tests/fuzz_corpus.rs`, which replays the saved corpus as
//! an ordinary test. Each harness feeds one input to a parser and checks the invariants
//! that must hold for any input; a failed check panics, which is what the fuzzer reports.
#![forbid(unsafe_code)]

use sparrow_core::config::{check_env, parse_env_file, read_env_file, ConfigError};
use sparrow_core::identity::{
    validate_aadhaar, validate_email, validate_ifsc, validate_mobile, validate_pan,
    validate_pincode,
};
use sparrow_core::jwt::{
    bearer_token, parse_duration, verify_token, Keyring, TokenUse, VerifyOptions,
};
use sparrow_core::money::{
    format_compact, format_inr, parse_money, parse_money_with, Money, Nav, ParseMode, Percent,
    Units,
};
use sparrow_core::password::{
    check_password, require_password, Argon2Params, PasswordHasher, PasswordPolicy, PasswordRule,
    VerifyLimits,
};
use sparrow_core::profile::{validate_profile, validate_profile_json, ValidationMode};
use std::sync::OnceLock;

/// `parse_money` in both modes: strict ⊆ lenient, and formatting parses back.
pub fn money_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let strict = parse_money(text);
    let lenient = parse_money_with(text, ParseMode::Lenient);
    if let Ok(m) = strict {
        assert_eq!(
            lenient.as_ref().ok(),
            Some(&m),
            "lenient must accept what strict accepts"
        );
    }
    for m in [strict, lenient].into_iter().flatten() {
        assert_eq!(
            parse_money(&format_inr(m)).ok(),
            Some(m),
            "format_inr must parse back"
        );
        assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
        let _ = format_compact(m);
    }
}

/// Plain decimal literals and JSON values for every exact quantity.
pub fn decimal_literal(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(m) = text.parse::<Money>() {
            assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
        }
        let _ = text.parse::<Percent>();
        let _ = text.parse::<Nav>();
        if let Ok(u) = text.parse::<Units>() {
            assert_eq!(u.to_string().parse::<Units>().ok(), Some(u));
        }
    }
    if let Ok(m) = serde_json::from_slice::<Money>(data) {
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<Money>(&json).ok(),
            Some(m),
            "serde must round-trip"
        );
    }
    let _ = serde_json::from_slice::<Nav>(data);
    let _ = serde_json::from_slice::<Percent>(data);
}

/// The binding-facing decimal grammar: decimal text ⊆ number literals (same value and
/// scale); an accepted value's text reads back to itself; a decimal given as parts
/// (sign, digits, exponent — what a platform decimal is made of) reads to the same value
/// as its literal text.
pub fn decimal_grammar(data: &[u8]) {
    use sparrow_core::money::decimal_text::{
        decimal_from_parts, literal_from_parts, parse_decimal_text, parse_number_literal,
    };
    if let Ok(text) = std::str::from_utf8(data) {
        let plain = parse_decimal_text(text, "x");
        let literal = parse_number_literal(text, "x");
        if let Ok(d) = &plain {
            assert_eq!(literal.as_ref().ok(), Some(d));
            assert_eq!(literal.as_ref().map(|l| l.scale()).ok(), Some(d.scale()));
        }
        if let Ok(d) = literal {
            let again = parse_decimal_text(&d.to_string(), "x");
            assert_eq!(again.ok(), Some(d), "the text of a value reads back to it");
        }
    }
    // Parts: one byte of sign, two of exponent (±32767), the rest as digits.
    let (Some(&sign), Some(e)) = (data.first(), data.get(1..3)) else {
        return;
    };
    let exponent = i64::from(i16::from_le_bytes([e[0], e[1]]));
    let digits: String = data
        .get(3..)
        .unwrap_or_default()
        .iter()
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let negative = sign & 1 == 1;
    let from_parts = decimal_from_parts(negative, &digits, exponent, "x");
    let text = literal_from_parts(negative, &digits, exponent);
    if let (Ok(d), true) = (&from_parts, text.len() <= 64) {
        assert_eq!(
            parse_number_literal(&text, "x").ok().map(|v| v.normalize()),
            Some(d.normalize())
        );
    }
}

/// Every identity validator; a normalised value validates again to itself.
pub fn identity(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = validate_pan(text) {
        assert_eq!(validate_pan(p.as_str()).ok(), Some(p));
    }
    if let Ok(i) = validate_ifsc(text) {
        assert_eq!(validate_ifsc(i.as_str()).ok(), Some(i));
    }
    if let Ok(m) = validate_mobile(text) {
        assert_eq!(validate_mobile(&m.e164()).ok(), Some(m));
    }
    if let Ok(e) = validate_email(text) {
        let again = validate_email(e.normalized()).ok();
        assert_eq!(again.as_ref().map(|a| a.normalized()), Some(e.normalized()));
    }
    if let Ok(p) = validate_pincode(text) {
        assert_eq!(validate_pincode(p.as_str()).ok(), Some(p));
    }
    if let Ok(a) = validate_aadhaar(text) {
        assert_eq!(validate_aadhaar(a.as_str()).ok(), Some(a));
    }
}

/// Profile JSON in both modes; a valid profile serialises to JSON that validates
/// strictly to the same profile, and every error has a code and names a field.
pub fn profile_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [ValidationMode::Strict, ValidationMode::Compat] {
        match validate_profile_json(text, mode) {
            Ok(p) => {
                let value = serde_json::to_value(&p).unwrap_or_default();
                assert_eq!(
                    validate_profile(&value, ValidationMode::Strict).ok(),
                    Some(p)
                );
            }
            Err(e) => {
                assert!(!e.errors.is_empty());
                for fe in e.field_errors() {
                    assert!(!fe.code.is_empty() && !fe.message.is_empty());
                    // Only a key as sent can be empty (unknown, or given twice).
                    assert!(
                        !fe.field.is_empty()
                            || fe.code == "profile_unknown_field"
                            || fe.code == "profile_duplicate_key"
                    );
                }
            }
        }
    }
}

const FUZZ_SECRET: &[u8] = b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";
const FUZZ_NOW: i64 = 1_767_225_600;

fn fuzz_keyring() -> Option<&'static Keyring> {
    static RING: OnceLock<Option<Keyring>> = OnceLock::new();
    RING.get_or_init(|| {
        Keyring::new("k1", FUZZ_SECRET)
            .and_then(|r| r.with_legacy_key(FUZZ_SECRET))
            .ok()
    })
    .as_ref()
}

/// Token verification, the Bearer header and lifetimes: never a panic; an accepted
/// token is never expired, never early, and of the required use.
pub fn token_verify(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_duration(text);
    let token = bearer_token(text).unwrap_or(text);
    let Some(ring) = fuzz_keyring() else {
        return;
    };
    for token_use in [TokenUse::Access, TokenUse::Refresh] {
        let options = VerifyOptions {
            token_use,
            ..VerifyOptions::default()
        };
        if let Ok(claims) = verify_token(token, ring, FUZZ_NOW, &options) {
            assert!(FUZZ_NOW < claims.exp + options.leeway_seconds);
            assert!(claims.iat <= FUZZ_NOW + options.leeway_seconds);
            assert_eq!(claims.token_use(), token_use);
        }
    }
}

/// Stored-hash parsing and verification with cheap limits (so the fuzzer cannot make
/// it compute an expensive hash): never a panic; bcrypt always needs a rehash.
pub fn hash_parse(data: &[u8]) {
    static HASHER: OnceLock<PasswordHasher> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let hasher = HASHER.get_or_init(|| {
        PasswordHasher::new(Argon2Params::dangerous_insecure_for_tests()).with_limits(
            VerifyLimits {
                bcrypt_max_cost: 4,
                argon2_max_m_kib: 256,
                argon2_max_t: 2,
                argon2_max_p: 2,
            },
        )
    });
    let (password, hash) = text.split_once('\n').unwrap_or(("password", text));
    if let Ok(v) = hasher.verify_password(password, hash) {
        if hash.starts_with("$2") {
            assert!(v.needs_rehash);
        }
        assert_eq!(hasher.needs_rehash(hash).ok(), Some(v.needs_rehash));
    }
}

/// Every password policy on any text: never a panic; `require_password` agrees with
/// `check_password`; `nist` never asks for character classes; only `seed` restricts
/// the character set.
pub fn password_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (password, context) = text.split_once('\n').unwrap_or((text, ""));
    let context: Vec<&str> = context.split('\n').collect();
    for policy in [
        PasswordPolicy::seed(),
        PasswordPolicy::recommended(),
        PasswordPolicy::nist(),
    ] {
        let failed = check_password(password, &policy, &context);
        assert_eq!(
            failed.is_empty(),
            require_password(password, &policy, &context).is_ok()
        );
        if policy == PasswordPolicy::nist() {
            assert!(!failed.iter().any(|r| matches!(
                r,
                PasswordRule::NoLowercase
                    | PasswordRule::NoUppercase
                    | PasswordRule::NoDigit
                    | PasswordRule::NoSpecial
            )));
        }
        if policy != PasswordPolicy::seed() {
            assert!(!failed.contains(&PasswordRule::InvalidCharacter));
        }
    }
}

/// `.env` parsing and the environment check: never a panic; no problem message ever
/// contains a value that was checked (values made only of the message's own characters
/// are skipped: they can be coincidental substrings of the fixed rule text).
pub fn env_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = read_env_file(text) else {
        return;
    };
    // Problems come in line order and name a line of the text; parse_env_file fails
    // exactly when there is one.
    let lines = text.split(['\n', '\r']).count();
    let mut last = 0;
    for problem in &file.problems {
        let line = match problem {
            ConfigError::Hash { line }
            | ConfigError::LineBreak { line }
            | ConfigError::Duplicate { line, .. }
            | ConfigError::Disagree { line, .. } => *line,
            other => panic!("not a line problem: {other:?}"),
        };
        assert!(line >= last && line >= 1 && line <= lines);
        last = line;
    }
    assert_eq!(parse_env_file(text).is_ok(), file.problems.is_empty());
    let vars = file.vars;
    for node_env in [Some("production"), Some("development"), None] {
        for problem in check_env(&vars, node_env) {
            assert!(!problem.code.is_empty() && !problem.message.is_empty());
            // A value made only of characters the (fixed) message has could be a
            // coincidental substring of the rule text; any other value must not appear.
            let distinctive =
                |v: &&String| v.len() >= 16 && v.chars().any(|c| !problem.message.contains(c));
            for value in vars.values().filter(distinctive) {
                assert!(
                    !problem.message.contains(value.as_str()),
                    "a message echoes a value"
                );
            }
        }
    }
}

fn fixed_profile() -> sparrow_core::profile::Profile {
    use sparrow_core::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};
    Profile::new(
        35,
        8,
        RiskTolerance::Moderate,
        Volatility::High,
        Liquidity::Low,
        Knowledge::Beginner,
    )
    .unwrap_or_else(|e| panic!("a fixed valid profile was refused: {e}"))
}

/// Scoring tables: a loaded table writes and reads back equal, and classifies with
/// probabilities that sum to 1 (within the 12-decimal rounding).
pub fn rules_table(data: &[u8]) {
    use sparrow_core::persona::ScoringTable;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(table) = ScoringTable::from_json(text) else {
        return;
    };
    assert_eq!(
        ScoringTable::from_json(&table.to_json()).ok().as_ref(),
        Some(&table),
        "to_json must read back"
    );
    let c = table.classify(&fixed_profile());
    let sum: sparrow_core::money::Decimal = c.probabilities.iter().sum();
    let gap = (sum - sparrow_core::money::Decimal::ONE).abs();
    assert!(
        gap <= sparrow_core::money::Decimal::new(2, 12),
        "probabilities sum to {sum}"
    );
    let b = table.classify_blended(&fixed_profile());
    assert_eq!(b.primary, c.persona);
}

/// Strategy documents in both forms: a loaded strategy writes and reads back equal, its
/// allocation (when it sums to 100) really does, and checking it never fails.
pub fn strategy_doc(data: &[u8]) {
    use sparrow_core::allocation::check_strategy;
    use sparrow_core::allocation::Strategy;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for strategy in [Strategy::from_db_json(text), Strategy::from_ml_json(text)]
        .into_iter()
        .flatten()
    {
        let json = serde_json::to_string(&strategy).unwrap_or_default();
        assert_eq!(
            Strategy::from_db_json(&json).ok().as_ref(),
            Some(&strategy),
            "the database form must read back"
        );
        let report = check_strategy(&strategy);
        match strategy.allocation() {
            Ok(a) => {
                assert_eq!(a.iter().map(|(_, p)| p.minor()).sum::<i64>(), 10_000);
                assert!(report.violations.iter().all(|v| v.rule != "allocation_sum"));
            }
            Err(_) => assert!(report.violations.iter().any(|v| v.rule == "allocation_sum")),
        }
    }
}

/// Model files: a file that loads predicts weights that sum to exactly 1.
pub fn model_file(data: &[u8]) {
    use sparrow_core::persona::PersonaModel;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(model) = PersonaModel::from_json(text) else {
        return;
    };
    let p = model.predict(&fixed_profile());
    let total: sparrow_core::money::Decimal = p.distribution.iter().map(|d| d.weight).sum();
    assert_eq!(total, sparrow_core::money::Decimal::ONE);
    assert_eq!(
        p.blended_allocation.total(),
        sparrow_core::money::Decimal::ONE
    );
}

/// Risk requests: an accepted request scores 0–100 with at most five recommendations.
pub fn risk_request(data: &[u8]) {
    use sparrow_core::risk::assess_risk_json;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(r) = assess_risk_json(text) {
        assert!(r.risk_score >= 0.into() && r.risk_score <= 100.into());
        assert!(!r.recommendations.is_empty() && r.recommendations.len() <= 5);
        assert!(r.risk_factors.len() <= 5);
    }
}

/// `TaxTable::from_json`: a table that loads writes itself back unchanged, and picking a
/// regime and writing its notes never fails.
pub fn tax_table(data: &[u8]) {
    use sparrow_core::portfolio::{TaxTable, ASSET_CLASSES};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(table) = TaxTable::from_json(text) else {
        return;
    };
    assert_eq!(TaxTable::from_json(&table.to_json()).as_ref(), Ok(&table));
    let day = |s: &str| sparrow_core::contract::returns::parse_date(s, "d").ok();
    for today in ["1900-01-01", "2024-07-23", "2099-12-31"]
        .iter()
        .filter_map(|s| day(s))
    {
        for class in ASSET_CLASSES.iter().chain(&["real_estate"]) {
            if let Some((i, r)) = table.regime_for(class, today) {
                assert!(i < table.regimes().len() && r.effective_from <= today);
                assert!(r.ltcg_note().starts_with("LTCG: ") && r.stcg_note().starts_with("STCG: "));
                let _ = r.days_to_long_term(today, today);
            }
        }
    }
}

/// `FundTable::from_json`: every loaded fund has a positive code that finds it.
pub fn fund_table(data: &[u8]) {
    use sparrow_core::portfolio::{FundTable, MAX_FUNDS};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(table) = FundTable::from_json(text) else {
        return;
    };
    assert!(table.len() <= MAX_FUNDS);
    for f in table.funds() {
        assert!(f.scheme_code > 0);
        assert_eq!(
            table.get(f.scheme_code).map(|g| g.scheme_code),
            Some(f.scheme_code)
        );
        assert!(!f.effective_class().is_empty() || f.asset_class.as_deref() == Some(""));
    }
}

fn portfolio_funds() -> &'static sparrow_core::portfolio::FundTable {
    static FUNDS: OnceLock<sparrow_core::portfolio::FundTable> = OnceLock::new();
    FUNDS.get_or_init(|| {
        sparrow_core::portfolio::FundTable::from_json(
            r#"[{"scheme_code":1,"category":"Large Cap","nav":100,"return_1y":12,"return_3y":14,"volatility":15,"sharpe_ratio":0.9,"expense_ratio":0.5},
                {"scheme_code":2,"category":"Gilt","asset_class":null,"nav":25.5},
                {"scheme_code":3,"category":"Gold ETF","asset_class":"gold","nav":0},
                {"scheme_code":4,"category":"Liquid","asset_class":"Liquid","nav":1000.1234,"sharpe_ratio":3},
                {"scheme_code":5,"category":"Other","asset_class":"real_estate","nav":10}]"#,
        )
        .unwrap_or_default()
    })
}

/// `analyze_portfolio_json`: a strict request that passes also passes compat with the
/// same answer; every answer keeps weights and allocations in 0…1, BUY and ADD_NEW
/// amounts positive and SELL/HOLD amounts not positive, and writes valid JSON.
pub fn portfolio_request(data: &[u8]) {
    use sparrow_core::portfolio::{analyze_portfolio_json, ActionKind, TaxTable};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tax = TaxTable::equity_2024().expect("the bundled tax table loads");
    let Ok(today) = sparrow_core::contract::returns::parse_date("2025-06-30", "today") else {
        return;
    };
    let strict =
        analyze_portfolio_json(text, portfolio_funds(), &tax, today, ValidationMode::Strict);
    let compat =
        analyze_portfolio_json(text, portfolio_funds(), &tax, today, ValidationMode::Compat);
    if let Ok(s) = &strict {
        assert_eq!(compat.as_ref().ok(), Some(s));
    }
    let Ok(a) = compat else {
        return;
    };
    let unit = |d: sparrow_core::money::Decimal| d >= 0.into() && d <= 1.into();
    assert!(a.current_allocation.0.iter().all(|d| unit(*d)));
    assert!(a.holdings.iter().all(|h| unit(h.weight)));
    assert!(unit(a.summary.alignment_score));
    assert!(a.summary.primary_issues.len() <= 5);
    for x in &a.rebalancing_actions {
        assert!(unit(x.target_weight) && unit(x.current_weight));
        match x.action {
            ActionKind::Buy | ActionKind::AddNew => assert!(x.transaction_amount >= 0.into()),
            ActionKind::Sell | ActionKind::Hold => assert!(x.transaction_amount <= 0.into()),
        }
    }
    assert!(serde_json::from_str::<serde_json::Value>(&a.to_json()).is_ok());
}

/// `parse_api_key`: a parsed key is 73 characters naming its own environment and id, and
/// verifying it without a record is `api_key_unknown` or `api_key_environment`; every error
/// message is a fixed text of at most 120 bytes.
pub fn api_key_parse(data: &[u8]) {
    use sparrow_core::api_key::{
        parse_api_key, verify_api_key, ApiKeyEnvironment, Pepper, KEY_LEN,
    };
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_api_key(text) {
        Ok(p) => {
            assert_eq!(text.len(), KEY_LEN);
            assert_eq!(text.get(9..23), Some(p.key_id.as_str()));
            assert!(text.starts_with(&format!("spk_{}_", p.environment.as_str())));
            let pepper = Pepper::new(&[0u8; 32]).expect("a 32-byte pepper");
            let code = verify_api_key(text, None, &pepper, 0, "ml:risk", ApiKeyEnvironment::Live)
                .expect_err("no record")
                .code();
            assert!(code == "api_key_unknown" || code == "api_key_environment");
        }
        Err(e) => {
            // Messages are fixed texts naming the rule (never built from the input): short
            // enough that no input longer than them can be in one.
            assert!(e.to_string().len() <= 120, "{e}");
        }
    }
}
