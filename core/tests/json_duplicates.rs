//! JSON text with a key given twice is refused by every reader of JSON text, with a
//! code, instead of "the last value wins".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sparrow_core::allocation::Strategy;
use sparrow_core::persona::{PersonaModel, ScoringTable};
use sparrow_core::profile::{validate_profile_json, ValidationMode};
use sparrow_core::risk::assess_risk_json;

#[test]
fn profiles() {
    let once = r#"{"age": 30, "horizon_years": 10, "risk_tolerance": "Moderate"}"#;
    assert!(validate_profile_json(once, ValidationMode::Strict).is_ok());
    let twice = r#"{"age": 30, "horizon_years": 10, "risk_tolerance": "Moderate",
                    "age": 17}"#;
    for mode in [ValidationMode::Strict, ValidationMode::Compat] {
        let e = validate_profile_json(twice, mode).unwrap_err();
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].code(), "profile_duplicate_key");
        assert_eq!(e.errors[0].field(), "age");
        assert!(
            e.errors[0].to_string().contains("line 2"),
            "{}",
            e.errors[0]
        );
    }
}

#[test]
fn risk_requests() {
    let request = |profile: &str| {
        format!(r#"{{"profile": {profile}, "current_allocation": {{"equity": 60, "debt": 40}}}}"#)
    };
    let good = request(r#"{"risk_tolerance": "Moderate"}"#);
    let first = assess_risk_json(&good).map(drop).map_err(|e| e.code());
    let dup = request(r#"{"risk_tolerance": "Moderate", "risk_tolerance": "Aggressive"}"#);
    let e = assess_risk_json(&dup).unwrap_err();
    assert_eq!(e.code(), "risk_input", "{e}");
    assert!(e.to_string().contains("risk_tolerance"), "{e}");
    assert!(e.to_string().contains("twice"), "{e}");
    // The same document without the repetition is read as before.
    assert_eq!(
        first,
        assess_risk_json(&good).map(drop).map_err(|e| e.code())
    );
}

#[test]
fn strategies_rules_and_models() {
    let ml = r#"{"name": "x", "allocation": {"equity": 0.6, "debt": 0.4, "equity": 0.5}}"#;
    let e = Strategy::from_ml_json(ml).unwrap_err();
    assert_eq!(e.code(), "strategy_format");
    assert!(e.to_string().contains("\"equity\" appears twice"), "{e}");

    let table = ScoringTable::default().to_json();
    let doubled = table.replacen('{', r#"{"model_version": "a","#, 1);
    assert_ne!(doubled, table);
    let e = ScoringTable::from_json(&doubled).unwrap_err();
    assert_eq!(e.code(), "persona_rules");
    assert!(e.to_string().contains("appears twice"), "{e}");
    assert!(ScoringTable::from_json(&table).is_ok());

    let e = PersonaModel::from_json(r#"{"format": "a", "format": "b"}"#).unwrap_err();
    assert_eq!(e.code(), "model_corrupt");
    assert!(e.to_string().contains("twice"), "{e}");
}

#[test]
fn reported_problems_are_capped_and_counted() {
    use sparrow_core::profile::MAX_REPORTED_PROBLEMS;
    let keys: Vec<String> = (0..5_000).map(|i| format!("\"k{i:05}\": 1")).collect();
    let text = format!("{{{}}}", keys.join(","));
    assert!(text.len() < 64 * 1024);
    let e = validate_profile_json(&text, ValidationMode::Strict).unwrap_err();
    assert_eq!(e.errors.len(), MAX_REPORTED_PROBLEMS);
    // age and horizon_years are missing, then 5,000 unknown keys.
    assert_eq!(e.total(), 5_002);
    assert_eq!(e.omitted, 5_002 - MAX_REPORTED_PROBLEMS);
    assert_eq!(e.errors[0].code(), "profile_required");
    assert_eq!(e.errors[2].field(), "k00000");
    let shown = e.to_string();
    assert!(
        shown.starts_with("profile is invalid (5002 problems; the first 50 are listed)"),
        "{shown}"
    );
    assert!(shown.len() < 4_000, "{}", shown.len());
}
