//! Replays the shared fixture tables in `core/tests/fixtures/*.jsonl`. Every binding
//! replays the same files through its own language.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use serde_json::Value;
use sparrow_core::identity::{
    validate_aadhaar, validate_email, validate_ifsc, validate_mobile, validate_pan,
    validate_pincode, IdentityError,
};
use sparrow_core::money::{
    allocate, format_compact, format_inr, parse_money_with, units_for, value_of, Decimal, Money,
    Nav, ParseMode, Units,
};
use sparrow_core::profile::{validate_profile, ValidationMode};

fn rows(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad fixture line {l}: {e}")))
        .collect()
}

fn s<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {row}"))
}

/// Checks a result against a row that has either `error` (a code) or the expected value.
fn check<T, E: std::fmt::Display>(
    row: &Value,
    got: Result<T, E>,
    code: impl Fn(&E) -> &'static str,
    expect: impl Fn(&T),
) {
    match (&row["error"], got) {
        (Value::String(want), Err(e)) => assert_eq!(code(&e), want, "{row}: {e}"),
        (Value::String(want), Ok(_)) => panic!("{row}: expected error {want}, got a value"),
        (_, Err(e)) => panic!("{row}: unexpected error {}: {e}", code(&e)),
        (_, Ok(v)) => expect(&v),
    }
}

#[test]
fn money_parse() {
    let table = rows(include_str!("fixtures/money_parse.jsonl"));
    assert!(table.len() >= 100);
    for row in &table {
        let mode = match s(row, "mode") {
            "strict" => ParseMode::Strict,
            "lenient" => ParseMode::Lenient,
            other => panic!("unknown mode {other}"),
        };
        check(
            row,
            parse_money_with(s(row, "input"), mode),
            |e| e.code(),
            |m| {
                assert_eq!(m.to_string(), s(row, "amount"), "{row}");
            },
        );
    }
}

#[test]
fn money_format() {
    for row in rows(include_str!("fixtures/money_format.jsonl")) {
        let amount: Money = s(&row, "amount").parse().unwrap();
        assert_eq!(format_inr(amount), s(&row, "inr"), "{row}");
        assert_eq!(format_compact(amount), s(&row, "compact"), "{row}");
    }
}

#[test]
fn money_allocate() {
    for row in rows(include_str!("fixtures/allocate.jsonl")) {
        let amount: Money = s(&row, "amount").parse().unwrap();
        let weights: Vec<Decimal> = row["weights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().parse().unwrap())
            .collect();
        check(
            &row,
            allocate(amount, &weights),
            |e| e.code(),
            |parts| {
                let got: Vec<String> = parts.iter().map(Money::to_string).collect();
                let want: Vec<&str> = row["parts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap())
                    .collect();
                assert_eq!(got, want, "{row}");
                assert_eq!(Money::checked_sum(parts.iter().copied()).unwrap(), amount);
            },
        );
    }
}

#[test]
fn money_units() {
    for row in rows(include_str!("fixtures/units.jsonl")) {
        let nav: Nav = s(&row, "nav").parse().unwrap();
        match s(&row, "op") {
            "units_for" => {
                let amount: Money = s(&row, "amount").parse().unwrap();
                check(
                    &row,
                    units_for(amount, nav),
                    |e| e.code(),
                    |u| assert_eq!(u.to_string(), s(&row, "result"), "{row}"),
                );
            }
            "value_of" => {
                let units: Units = s(&row, "units").parse().unwrap();
                check(
                    &row,
                    value_of(units, nav),
                    |e| e.code(),
                    |m| assert_eq!(m.to_string(), s(&row, "result"), "{row}"),
                );
            }
            other => panic!("unknown op {other}"),
        }
    }
}

#[test]
fn identity() {
    let code = |e: &IdentityError| e.code();
    for row in rows(include_str!("fixtures/identity.jsonl")) {
        let input = s(&row, "input");
        match s(&row, "kind") {
            "pan" => check(&row, validate_pan(input), code, |p| {
                assert_eq!(p.as_str(), s(&row, "value"));
                assert_eq!(p.holder_type().as_str(), s(&row, "holder_type"));
            }),
            "ifsc" => check(&row, validate_ifsc(input), code, |v| {
                assert_eq!(v.as_str(), s(&row, "value"))
            }),
            "mobile" => check(&row, validate_mobile(input), code, |v| {
                assert_eq!(v.e164(), s(&row, "value"))
            }),
            "email" => check(&row, validate_email(input), code, |v| {
                assert_eq!(v.as_str(), s(&row, "value"));
                assert_eq!(v.normalized(), s(&row, "normalized"));
            }),
            "pincode" => check(&row, validate_pincode(input), code, |v| {
                assert_eq!(v.as_str(), s(&row, "value"))
            }),
            "aadhaar" => check(&row, validate_aadhaar(input), code, |v| {
                assert_eq!(v.as_str(), s(&row, "value"));
                assert_eq!(v.masked(), s(&row, "masked"));
            }),
            other => panic!("unknown kind {other}"),
        }
        if let Value::String(_) = row["error"] {
            // No error message may contain the personal value itself.
            let message = match s(&row, "kind") {
                "pan" => validate_pan(input).unwrap_err().to_string(),
                "mobile" => validate_mobile(input).unwrap_err().to_string(),
                "email" => validate_email(input).unwrap_err().to_string(),
                "aadhaar" => validate_aadhaar(input).unwrap_err().to_string(),
                _ => continue,
            };
            let trimmed = input.trim();
            assert!(
                trimmed.len() < 4 || !message.contains(trimmed),
                "{message} echoes {trimmed}"
            );
        }
    }
}

#[test]
fn profile() {
    for row in rows(include_str!("fixtures/profile.jsonl")) {
        let mode = match s(&row, "mode") {
            "strict" => ValidationMode::Strict,
            "compat" => ValidationMode::Compat,
            other => panic!("unknown mode {other}"),
        };
        match (validate_profile(&row["input"], mode), &row["errors"]) {
            (Ok(p), Value::Null) => {
                assert_eq!(serde_json::to_value(&p).unwrap(), row["profile"], "{row}");
            }
            (Ok(p), want) => panic!("{row}: expected errors {want}, got {p:?}"),
            (Err(e), Value::Array(want)) => {
                let got: Vec<Value> = e
                    .field_errors()
                    .into_iter()
                    .map(|f| serde_json::json!({"field": f.field, "code": f.code}))
                    .collect();
                assert_eq!(&got, want, "{row}");
            }
            (Err(e), _) => panic!("{row}: unexpected {e}"),
        }
    }
}
