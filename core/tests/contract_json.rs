//! The contract's JSON for the shared fixtures: `core/tests/fixtures/contract_examples.jsonl`
//! holds, for each input, the core's record (`ok`) or error record (`error`) as JSON.
//! This test fails when the core's answer differs from the table; every binding replays
//! the table and compares its own results with it, so result shapes (keys, nesting,
//! decimal values, error codes and kinds) cannot drift between languages.
//!
//! After an intended change: `SPARROW_WRITE_CONTRACT=1 cargo test -p sparrow-core --test
//! contract_json`, then review the diff of the table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};
use sparrow_core::allocation::{check_strategy, database_strategies, strategy_for, PersonaWeight};
use sparrow_core::contract::{self, ErrorRecord};
use sparrow_core::persona::{classify, classify_blended, PersonaId};
use sparrow_core::profile::{validate_profile, ValidationMode};
use sparrow_core::risk::assess_risk_value;
use sparrow_core::Error;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn rows(name: &str) -> Vec<Value> {
    std::fs::read_to_string(fixtures().join(format!("{name}.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn row<T: Serialize>(function: &str, args: Value, result: Result<T, Error>) -> Value {
    match result {
        Ok(v) => json!({"fn": function, "args": args, "ok": serde_json::to_value(v).unwrap()}),
        Err(e) => json!({"fn": function, "args": args,
                          "error": serde_json::to_value(ErrorRecord::from(&e)).unwrap()}),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn table() -> Vec<Value> {
    let mut out = Vec::new();
    // Personas and profiles: every 20th recorded profile (65 of 1,296), plus refusals.
    for r in rows("persona_examples").iter().step_by(20) {
        let input = &r["profile"];
        let p = validate_profile(input, ValidationMode::Strict).map_err(Error::from);
        out.push(row(
            "validate_profile",
            json!({"input": input}),
            p.as_ref()
                .map(contract::ProfileRecord::from)
                .map_err(Clone::clone),
        ));
        if let Ok(p) = &p {
            out.push(row(
                "classify",
                json!({"profile": input}),
                Ok::<_, Error>(contract::ClassificationRecord::from(&classify(p))),
            ));
            out.push(row(
                "classify_blended",
                json!({"profile": input}),
                Ok::<_, Error>(contract::BlendedClassificationRecord::from(
                    &classify_blended(p),
                )),
            ));
        }
    }
    for bad in [
        json!({"age": 12, "horizon_years": "8", "risk": "high"}),
        json!({"age": 30, "horizon_years": 5, "monthly_sip": "12.345"}),
    ] {
        out.push(row(
            "validate_profile",
            json!({"input": bad}),
            validate_profile(&bad, ValidationMode::Strict)
                .map(|p| contract::ProfileRecord::from(&p))
                .map_err(Error::from),
        ));
    }
    // risk-v1 over every 4th recorded request.
    for r in rows("risk_v1_examples").iter().step_by(4) {
        out.push(row(
            "assess_risk_request",
            json!({"body": r["input"]}),
            assess_risk_value(&r["input"])
                .map(|a| contract::RiskAssessmentRecord::from(&a))
                .map_err(Error::from),
        ));
    }
    // Strategies and their checks.
    for slug in [
        "capital-guardian",
        "balanced-voyager",
        "accelerated-builder",
    ] {
        let s = strategy_for(slug).unwrap();
        out.push(row(
            "strategy_for",
            json!({"persona_slug": slug}),
            Ok::<_, Error>(contract::StrategyRecord::from(&s)),
        ));
    }
    for (i, s) in database_strategies().iter().enumerate() {
        out.push(row(
            "check_strategy",
            json!({"database_strategy": i}),
            Ok::<_, Error>(contract::ConstraintReportRecord::from(&check_strategy(s))),
        ));
    }
    // Blends, splits, rebalances, constraint checks.
    let blend = |weights: &[(&str, &str)]| -> Value {
        let args = json!({"distribution": weights.iter()
            .map(|(p, w)| json!({"persona": p, "weight": w})).collect::<Vec<_>>()});
        let dist: Vec<PersonaWeight> = weights
            .iter()
            .map(|(p, w)| PersonaWeight {
                persona: p.parse::<PersonaId>().unwrap(),
                weight: d(w),
            })
            .collect();
        row(
            "blend_allocation",
            args,
            contract::blend_allocation(&dist).map_err(Error::from),
        )
    };
    out.push(blend(&[
        ("capital-guardian", "0.5882"),
        ("balanced-voyager", "0.1176"),
        ("accelerated-builder", "0.2941"),
    ]));
    out.push(blend(&[("balanced-voyager", "1")]));
    out.push(blend(&[("balanced-voyager", "0")]));
    let fund = |id: &str, w: &str, min: &str, mult: &str| contract::FundSlotRecord {
        id: id.into(),
        weight: d(w),
        min_amount: d(min),
        multiple: d(mult),
    };
    for (amount, funds) in [
        (
            "25000",
            vec![
                fund("equity", "0.6", "500", "100"),
                fund("debt", "0.3", "500", "100"),
                fund("gold", "0.1", "500", "100"),
            ],
        ),
        (
            "10000.50",
            vec![fund("a", "1", "0", "0.01"), fund("b", "2", "0", "0.01")],
        ),
        ("100", vec![fund("a", "1", "500", "100")]),
        (
            "900",
            vec![fund("a", "1", "300", "300"), fund("b", "1", "500", "500")],
        ),
    ] {
        let args = json!({"amount": amount, "funds": funds.iter().map(|f| json!({
            "id": f.id, "weight": f.weight.to_string(), "min_amount": f.min_amount.to_string(),
            "multiple": f.multiple.to_string()})).collect::<Vec<_>>()});
        out.push(row(
            "split_amount",
            args,
            contract::split_amount(d(amount), &funds),
        ));
    }
    let pos = |id: &str, v: &str| contract::PositionRecord {
        id: id.into(),
        value: d(v),
    };
    let tgt = |id: &str, p: &str| contract::TargetRecord {
        id: id.into(),
        percent: d(p),
    };
    for (holdings, target, options) in [
        (
            vec![pos("equity", "70000"), pos("debt", "30000")],
            vec![tgt("equity", "60"), tgt("debt", "40")],
            contract::RebalanceOptionsRecord::default(),
        ),
        (
            vec![pos("equity", "70000"), pos("debt", "30000")],
            vec![tgt("equity", "60"), tgt("debt", "40")],
            contract::RebalanceOptionsRecord {
                buy_only: Some(true),
                new_money: Some(d("5000")),
                drift_band: Some(d("2.5")),
            },
        ),
        (
            vec![],
            vec![tgt("a", "100")],
            contract::RebalanceOptionsRecord::default(),
        ),
    ] {
        let args = json!({
            "holdings": holdings.iter().map(|h| json!({"id": h.id, "value": h.value.to_string()})).collect::<Vec<_>>(),
            "target": target.iter().map(|t| (t.id.clone(), Value::String(t.percent.to_string()))).collect::<serde_json::Map<_, _>>(),
            "drift_band": options.drift_band.map(|v| v.to_string()),
            "buy_only": options.buy_only,
            "new_money": options.new_money.map(|v| v.to_string()),
        });
        out.push(row(
            "rebalance",
            args,
            contract::rebalance(&holdings, &target, &options),
        ));
    }
    let holding = |id: &str, cat: &str, v: &str| contract::HoldingRecord {
        id: id.into(),
        category: cat.into(),
        value: d(v),
        volatility: None,
    };
    let constraint = |t: &str, v: &str| contract::ConstraintRecord {
        constraint_type: t.into(),
        constraint_value: d(v),
    };
    for (holdings, constraints) in [
        (
            vec![
                holding("a", "Large Cap", "60000"),
                holding("b", "Gilt", "40000"),
            ],
            vec![
                constraint("max_equity", "50"),
                constraint("max_single_fund", "40"),
                constraint("target_volatility", "12"),
            ],
        ),
        (
            vec![holding("a", "Liquid", "1000")],
            vec![constraint("min_liquid", "10")],
        ),
        (vec![], vec![]),
    ] {
        let args = json!({
            "holdings": holdings.iter().map(|h| json!({"id": h.id, "category": h.category, "value": h.value.to_string()})).collect::<Vec<_>>(),
            "constraints": constraints.iter().map(|c| json!({"constraintType": c.constraint_type, "constraintValue": c.constraint_value.to_string()})).collect::<Vec<_>>(),
        });
        out.push(row(
            "check_constraints",
            args,
            contract::check_constraints(&holdings, &constraints),
        ));
    }
    out
}

#[test]
fn the_contract_table_is_what_the_core_answers() {
    let path = fixtures().join("contract_examples.jsonl");
    let fresh: String = table()
        .iter()
        .map(|v| format!("{}\n", serde_json::to_string(v).unwrap()))
        .collect();
    if std::env::var_os("SPARROW_WRITE_CONTRACT").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    let (fresh_rows, stored_rows): (Vec<_>, Vec<_>) =
        (fresh.lines().collect(), stored.lines().collect());
    assert_eq!(
        fresh_rows.len(),
        stored_rows.len(),
        "row count; regenerate with SPARROW_WRITE_CONTRACT=1"
    );
    for (i, (a, b)) in fresh_rows.iter().zip(&stored_rows).enumerate() {
        assert_eq!(
            a, b,
            "row {i} differs; regenerate with SPARROW_WRITE_CONTRACT=1 and review"
        );
    }
}

#[test]
fn the_table_covers_results_and_errors() {
    let t = table();
    assert!(t.iter().filter(|r| r.get("error").is_some()).count() >= 6);
    for f in [
        "validate_profile",
        "classify",
        "classify_blended",
        "assess_risk_request",
        "strategy_for",
        "check_strategy",
        "blend_allocation",
        "split_amount",
        "rebalance",
        "check_constraints",
    ] {
        assert!(
            t.iter().any(|r| r["fn"] == f && r.get("ok").is_some()),
            "{f}"
        );
    }
    // Decimals are strings with the type's scale.
    let split = t.iter().find(|r| r["fn"] == "split_amount").unwrap();
    assert_eq!(split["ok"][0]["amount"], "15000.00");
}
