//! rules-v2-blended parity: the 1,296 examples recorded from today's ML service
//! (../shared/fixtures/persona_examples.jsonl, copied to tests/fixtures).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;
use sparrow_core::allocation::{blend_allocation, AssetClass, PersonaWeight};
use sparrow_core::persona::{
    classify, classify_blended, classify_blended_many, classify_many, PersonaId,
};
use sparrow_core::profile::{validate_profile, ValidationMode};

fn rows() -> Vec<Value> {
    include_str!("fixtures/persona_examples.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The recorded float's shortest text, read as a decimal.
fn dec(v: &Value) -> Decimal {
    let text = v.to_string();
    Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .unwrap()
}

#[test]
fn every_recorded_example_agrees() {
    let rows = rows();
    assert_eq!(rows.len(), 1_296);
    let profiles: Vec<_> = rows
        .iter()
        .map(|r| validate_profile(&r["profile"], ValidationMode::Strict).unwrap())
        .collect();
    let many = classify_many(&profiles);
    let blended_many = classify_blended_many(&profiles);
    let mut max_prob_gap = Decimal::ZERO;
    for (i, (row, profile)) in rows.iter().zip(&profiles).enumerate() {
        let c = classify(profile);
        assert_eq!(c, many[i]);
        let want = &row["classify"];
        assert_eq!(c.persona.slug(), want["slug"], "row {i}");
        assert_eq!(&*c.model_version, "rules-v2-blended");
        // Probabilities: today's unrounded floats; ours are the exact quotients to 12
        // decimals. They agree to within the 12-decimal rounding plus float error.
        for p in PersonaId::ALL {
            let gap = (c.probability(p) - dec(&want["probabilities"][p.slug()])).abs();
            max_prob_gap = max_prob_gap.max(gap);
            assert!(gap <= Decimal::new(6, 13), "row {i} {p}: gap {gap}");
        }
        assert_eq!(c.confidence, c.probability(c.persona));

        let b = classify_blended(profile);
        assert_eq!(b, blended_many[i]);
        let want = &row["blended"];
        assert_eq!(b.primary.slug(), want["primary"], "row {i}");
        assert_eq!(&*b.model_version, want["model_version"].as_str().unwrap());
        assert!((b.confidence - dec(&want["confidence"])).abs() <= Decimal::new(6, 13));
        let got: Vec<(&str, Decimal)> = b
            .distribution
            .iter()
            .map(|d| (d.persona.slug(), d.weight))
            .collect();
        let expected: Vec<(&str, Decimal)> = want["distribution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["slug"].as_str().unwrap(), dec(&d["weight"])))
            .collect();
        assert_eq!(
            got, expected,
            "row {i}: distribution order and 4-decimal weights"
        );
        for (class, fraction) in b.blended_allocation.iter() {
            assert_eq!(
                fraction,
                dec(&want["blended_allocation"][class.as_str()]),
                "row {i} {class}"
            );
        }
        // blend_allocation keeps today's numbers when they add up, and always sums to 100.00.
        let exact: Vec<PersonaWeight> = PersonaId::ALL
            .iter()
            .map(|p| PersonaWeight {
                persona: *p,
                weight: c.probability(*p),
            })
            .collect();
        let allocation = blend_allocation(&exact).unwrap();
        let total: i64 = allocation.iter().map(|(_, p)| p.minor()).sum();
        assert_eq!(total, 10_000);
        if b.blended_allocation.total() == Decimal::ONE {
            for class in AssetClass::ML {
                assert_eq!(
                    allocation.get(class).as_decimal() / Decimal::from(100),
                    b.blended_allocation.get(class),
                    "row {i}"
                );
            }
        }
    }
    eprintln!("largest probability gap to today's floats: {max_prob_gap}");
}

/// Every age and horizon band edge, worked out by an independent exact-fraction
/// reference (tools/reference/persona_bands.py) from domain.md's table.
#[test]
fn band_edges_match_the_reference() {
    let mut n = 0;
    for line in include_str!("fixtures/persona_bands.jsonl").lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        let p = validate_profile(&row["profile"], ValidationMode::Strict).unwrap();
        let want = &row["expected"];
        let c = classify(&p);
        assert_eq!(c.persona.slug(), want["primary"], "{}", row["profile"]);
        for persona in PersonaId::ALL {
            assert_eq!(
                c.probability(persona).to_string(),
                want["probabilities"][persona.slug()],
                "{}",
                row["profile"]
            );
        }
        let b = classify_blended(&p);
        let dist: Vec<Value> = b
            .distribution
            .iter()
            .map(|d| serde_json::json!([d.persona.slug(), d.weight.to_string()]))
            .collect();
        assert_eq!(
            Value::from(dist),
            want["distribution"],
            "{}",
            row["profile"]
        );
        for (class, v) in b.blended_allocation.iter() {
            assert_eq!(
                v.to_string(),
                want["blended_allocation"][class.as_str()],
                "{}",
                row["profile"]
            );
        }
        n += 1;
    }
    assert_eq!(n, 320);
}
