//! risk-v1 parity: the 120 examples recorded from today's ML service.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;
use sparrow_core::risk::assess_risk_value;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(&v.to_string()).unwrap()
}

#[test]
fn every_recorded_example_agrees() {
    let mut differences = Vec::new();
    let mut count = 0;
    for line in include_str!("fixtures/risk_v1_examples.jsonl").lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        count += 1;
        let id = row["id"].as_str().unwrap();
        let got = assess_risk_value(&row["input"]).unwrap();
        let want = &row["output"];
        let got_json = serde_json::json!({
            "risk_level": got.risk_level,
            "risk_factors": got.risk_factors.iter().map(|f| serde_json::json!({
                "name": f.name, "severity": f.severity.as_str(), "description": f.description,
                "contribution": f.contribution.to_string(),
            })).collect::<Vec<_>>(),
            "recommendations": got.recommendations,
            "persona_alignment": got.persona_alignment,
        });
        let want_factors: Vec<Value> = want["risk_factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                serde_json::json!({
                    "name": f["name"], "severity": f["severity"], "description": f["description"],
                    "contribution": format!("{:.2}", dec(&f["contribution"])),
                })
            })
            .collect();
        let want_json = serde_json::json!({
            "risk_level": want["risk_level"],
            "risk_factors": want_factors,
            "recommendations": want["recommendations"],
            "persona_alignment": want["persona_alignment"],
        });
        let score_gap = (got.risk_score - dec(&want["risk_score"])).abs();
        if got_json != want_json || score_gap > Decimal::new(1, 2) {
            differences.push(format!(
                "{id}:\n  got  {got_json} score {}\n  want {want_json} score {}",
                got.risk_score, want["risk_score"]
            ));
        }
    }
    assert_eq!(count, 120);
    // Differences that come only from today's binary floating point are listed in
    // KNOWN_FLOAT_DIFFERENCES (and docs/decisions.md); anything else fails.
    let unexplained: Vec<&String> = differences
        .iter()
        .filter(|d| {
            !KNOWN_FLOAT_DIFFERENCES
                .iter()
                .any(|k| d.starts_with(&format!("{k}:")))
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "{} differences:\n{}",
        unexplained.len(),
        unexplained
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(
        differences.len(),
        KNOWN_FLOAT_DIFFERENCES.len(),
        "a known difference no longer occurs: {differences:?}"
    );
}

/// ex-002: equity 0.2032 + 0.2818 = 0.4850 exactly, so the Equity Concentration
/// contribution is 0.15 + (0.4850 − 0.35) = 0.2850, a tie that half-even rounds to 0.28
/// (score 94). In binary floating point the sum is 0.48500000000000004, the contribution
/// 0.28500000000000003, rounded to 0.29 (score 95). Everything else in the row agrees.
const KNOWN_FLOAT_DIFFERENCES: &[&str] = &["ex-002"];

#[test]
fn ex_002_is_the_decimal_answer() {
    let row: Value = include_str!("fixtures/risk_v1_examples.jsonl")
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["id"] == "ex-002")
        .unwrap();
    let got = assess_risk_value(&row["input"]).unwrap();
    assert_eq!(got.risk_factors[0].contribution.to_string(), "0.28");
    assert_eq!(got.risk_score, Decimal::from(94));
    assert_eq!(row["output"]["risk_score"], 95.0);
}

/// Hand-worked boundary cases (tests/fixtures/risk_bands.jsonl; each row says why).
#[test]
fn hand_checked_boundaries() {
    let mut n = 0;
    for line in include_str!("fixtures/risk_bands.jsonl").lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let got = serde_json::to_value(assess_risk_value(&row["input"]).unwrap()).unwrap();
        let want = &row["expected"];
        for key in [
            "risk_level",
            "risk_score",
            "risk_factors",
            "recommendations",
            "persona_alignment",
        ] {
            assert_eq!(got[key], want[key], "{}: {key} ({})", row["id"], row["why"]);
        }
        n += 1;
    }
    assert!(n >= 19);
}
