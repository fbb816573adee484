//! Invariants of portfolio-analyzer-v1 for generated portfolios (domain.md §8).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use sparrow_core::contract::returns::parse_date;
use sparrow_core::portfolio::{
    analyze_portfolio_value, ActionKind, FundTable, TaxTable, ValidationMode, ASSET_CLASSES,
};

fn funds() -> FundTable {
    let fixtures: Value =
        serde_json::from_str(include_str!("fixtures/portfolio_funds.json")).unwrap();
    FundTable::from_value(&fixtures["tables"]["funds60"]["wire"]).unwrap()
}

/// (fund index or unknown, amount in paise or units in thousandths, days held, cost in paise)
fn holding(codes: Vec<i64>) -> impl Strategy<Value = Value> {
    (
        0..codes.len() + 1,
        0i64..2_000_000_000,
        proptest::bool::weighted(0.25),
        proptest::option::of(-30i64..1500),
        proptest::option::of(0i64..2_000_000_000),
    )
        .prop_map(move |(i, n, by_units, days, cost)| {
            let code = codes.get(i).copied().unwrap_or(999_999);
            let mut h = json!({ "scheme_code": code });
            if by_units {
                h["units"] = Value::from(
                    Decimal::new(n / 100, 3)
                        .to_string()
                        .parse::<serde_json::Number>()
                        .unwrap(),
                );
            } else {
                h["amount"] = Value::from(
                    Decimal::new(n, 2)
                        .to_string()
                        .parse::<serde_json::Number>()
                        .unwrap(),
                );
            }
            if let Some(d) = days {
                let date = parse_date("2026-01-31", "d").unwrap() - time::Duration::days(d);
                h["purchase_date"] = Value::from(date.to_string());
            }
            if let Some(c) = cost {
                h["purchase_amount"] = Value::from(
                    Decimal::new(c, 2)
                        .to_string()
                        .parse::<serde_json::Number>()
                        .unwrap(),
                );
            }
            h
        })
}

fn target() -> impl Strategy<Value = Value> {
    prop_oneof![3 => target_summing_to_one(), 1 => target_any_sum()]
}

/// Six independent fractions (2 decimals): §8 has no rule on the sum.
fn target_any_sum() -> impl Strategy<Value = Value> {
    proptest::collection::vec(0i64..=100, 6).prop_map(|parts| {
        let mut t = serde_json::Map::new();
        for (class, p) in ASSET_CLASSES.iter().zip(&parts) {
            t.insert(
                (*class).to_owned(),
                Value::from(
                    Decimal::new(*p, 2)
                        .to_string()
                        .parse::<serde_json::Number>()
                        .unwrap(),
                ),
            );
        }
        Value::Object(t)
    })
}

fn target_summing_to_one() -> impl Strategy<Value = Value> {
    proptest::collection::vec(0u32..=10_000, 6).prop_map(|parts| {
        let sum: u32 = parts.iter().sum::<u32>().max(1);
        let mut t = serde_json::Map::new();
        // Mostly targets that sum to about 1 (4 decimals), as persona blends give.
        for (class, p) in ASSET_CLASSES.iter().zip(&parts) {
            let v = Decimal::new(i64::from(p * 10_000 / sum), 4);
            t.insert(
                (*class).to_owned(),
                Value::from(v.to_string().parse::<serde_json::Number>().unwrap()),
            );
        }
        Value::Object(t)
    })
}

fn dec(v: &Decimal) -> Decimal {
    *v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_valid_portfolio_gets_a_consistent_answer(
        holdings in proptest::collection::vec(holding(funds().funds().iter().map(|f| f.scheme_code).collect()), 1..15),
        target in target(),
    ) {
        let funds = funds();
        let today = parse_date("2026-01-31", "today").unwrap();
        let body = json!({"holdings": holdings, "target_allocation": target, "profile": {}});
        let tax = TaxTable::parity().unwrap();
        let a = analyze_portfolio_value(&body, &funds, &tax, today, ValidationMode::Strict).unwrap();
        let compat = analyze_portfolio_value(&body, &funds, &tax, today, ValidationMode::Compat).unwrap();
        prop_assert_eq!(&a, &compat);

        let one = Decimal::ONE;
        let sum: Decimal = a.current_allocation.0.iter().map(dec).sum();
        prop_assert!(sum <= one + Decimal::new(6, 12), "allocation sums to {}", sum);
        for (c, g) in a.current_allocation.0.iter().zip(&a.allocation_gaps.0) {
            prop_assert!(*c >= Decimal::ZERO && *c <= one);
            prop_assert!(*g >= -one && *g <= one);
        }
        prop_assert!(a.summary.alignment_score >= Decimal::ZERO && a.summary.alignment_score <= one);
        // Final order: priority first.
        for w in a.rebalancing_actions.windows(2) {
            prop_assert!(w[0].priority <= w[1].priority);
        }
        for x in &a.rebalancing_actions {
            prop_assert!(x.target_weight >= Decimal::ZERO && x.target_weight <= one, "{:?}", x);
            prop_assert!(x.current_weight >= Decimal::ZERO && x.current_weight <= one);
        }
        let total = a.current_metrics.total_value;
        for class in ASSET_CLASSES {
            let acts: Vec<_> = a.rebalancing_actions.iter()
                .filter(|x| x.asset_class.to_lowercase() == class)
                .collect();
            let class_value: Decimal = a.holdings.iter()
                .filter(|h| h.asset_class.to_lowercase() == class)
                .map(|h| h.current_value)
                .sum();
            let t = a.target_allocation.get(class).unwrap();
            let need = class_value - t * total;
            let sold: Decimal = acts.iter().filter(|x| x.action == ActionKind::Sell).map(|x| -x.transaction_amount).sum();
            let bought: Decimal = acts.iter().filter(|x| matches!(x.action, ActionKind::Buy | ActionKind::AddNew)).map(|x| x.transaction_amount).sum();
            let held = acts.iter().any(|x| x.action == ActionKind::Hold);
            // Values are shown to the paisa: allow half a paisa a holding.
            let slack = Decimal::new(5, 3) * Decimal::from(a.holdings.len() + 1);
            prop_assert!(sold <= class_value + slack);
            if sold > Decimal::ZERO && !held {
                prop_assert!((sold - need.min(class_value)).abs() <= slack, "{class}: sold {sold}, need {need}");
            }
            if bought > Decimal::ZERO {
                prop_assert!((bought + need).abs() <= slack, "{class}: bought {bought}, need {need}");
                prop_assert!(sold.is_zero());
            }
        }
        let sell: Decimal = a.rebalancing_actions.iter().filter(|x| x.action == ActionKind::Sell).map(|x| -x.transaction_amount).sum();
        prop_assert_eq!(sell, a.summary.total_sell_amount);
        prop_assert_eq!(a.summary.net_transaction, a.summary.total_buy_amount - a.summary.total_sell_amount);
        prop_assert!(serde_json::from_str::<Value>(&a.to_json()).is_ok());
    }
}
