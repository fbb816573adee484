//! The request of `POST /api/v1/analyze/portfolio` (domain.md §8.2), read strictly or as
//! today's service reads it.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Map, Value};
use time::Date;

use super::error::{input, PortfolioError};
use super::funds::ASSET_CLASSES;
use crate::contract::returns::parse_date;
use crate::exact::{decimal, json_decimal, to_scaled};
use crate::money::{Money, Units};
use crate::profile::ValidationMode;

/// The most holdings one request may carry.
pub const MAX_HOLDINGS: usize = 1_000;
/// The largest request JSON [`super::analyze_portfolio_json`] reads (4 MiB).
pub const MAX_REQUEST_JSON: usize = 4 * 1024 * 1024;
/// The decimals a target fraction may carry.
pub const TARGET_DECIMALS: u32 = 12;
/// The most characters of a `request_id` or a `scheme_name`.
pub const MAX_REQUEST_TEXT_CHARS: usize = 300;

/// One holding as the caller sends it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HoldingInput {
    /// AMFI scheme code (0 and negative codes are allowed and never found).
    pub scheme_code: i64,
    /// Used only when the fund is not in the table.
    pub scheme_name: Option<String>,
    /// Today's value in INR.
    pub amount: Option<Money>,
    /// Units held.
    pub units: Option<Units>,
    /// The purchase date.
    pub purchase_date: Option<Date>,
    /// Accepted and never used (parity).
    pub purchase_price: Option<Decimal>,
    /// Cost basis of the whole lot in INR.
    pub purchase_amount: Option<Money>,
}

/// A target allocation: one fraction from 0 to 1 per class, in [`ASSET_CLASSES`] order.
/// There is no rule on the sum (parity); [`TargetAllocation::check_sums_to_one`] is the
/// separate check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TargetAllocation(pub [Decimal; 6]);

impl TargetAllocation {
    /// The fraction for a class (`equity`, …), 0 for any other name.
    pub fn get(&self, class: &str) -> Decimal {
        ASSET_CLASSES
            .iter()
            .position(|c| *c == class)
            .and_then(|i| self.0.get(i).copied())
            .unwrap_or_default()
    }

    /// A target from its six fractions in [`ASSET_CLASSES`] order, each from 0 to 1 with at
    /// most 12 decimals.
    pub fn from_fractions(fractions: [Decimal; 6]) -> Result<TargetAllocation, PortfolioError> {
        let mut out = [Decimal::ZERO; 6];
        for ((slot, d), class) in out.iter_mut().zip(fractions).zip(ASSET_CLASSES) {
            *slot = to_scaled(d, TARGET_DECIMALS)
                .filter(|s| (0..=1_000_000_000_000).contains(s))
                .map(|s| decimal(s, TARGET_DECIMALS).normalize())
                .ok_or_else(|| {
                    input(
                        format!("target_allocation.{class}"),
                        "must be a fraction from 0 to 1 with at most 12 decimals",
                    )
                })?;
        }
        Ok(TargetAllocation(out))
    }

    /// Refuses a target whose fractions do not add up to exactly 1
    /// (`portfolio_input`, field `target_allocation`).
    pub fn check_sums_to_one(&self) -> Result<(), PortfolioError> {
        let sum: Decimal = self.0.iter().copied().sum();
        if sum == Decimal::ONE {
            Ok(())
        } else {
            Err(input(
                "target_allocation",
                format!("must add up to exactly 1 (adds up to {})", sum.normalize()),
            ))
        }
    }
}

/// A whole request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortfolioRequest {
    /// Echoed in the answer.
    pub request_id: Option<String>,
    /// The holdings, in input order.
    pub holdings: Vec<HoldingInput>,
    /// The target allocation.
    pub target: TargetAllocation,
}

impl PortfolioRequest {
    /// Reads a request body (see [`super::analyze_portfolio_value`] for the rules).
    pub fn from_value(
        value: &Value,
        mode: ValidationMode,
    ) -> Result<PortfolioRequest, PortfolioError> {
        let Value::Object(map) = value else {
            return Err(input("request", "must be a JSON object"));
        };
        let strict = mode == ValidationMode::Strict;
        if strict {
            known_keys(
                map,
                &["request_id", "holdings", "target_allocation", "profile"],
                "",
            )?;
        }
        let request_id = match map.get("request_id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(text(s, "request_id")?),
            Some(_) => return Err(input("request_id", "must be a string")),
        };
        let holdings = match map.get("holdings") {
            None => return Err(input("holdings", "is required")),
            Some(Value::Array(rows)) if rows.is_empty() => {
                return Err(input("holdings", "must have at least 1 holding"))
            }
            Some(Value::Array(rows)) if rows.len() > MAX_HOLDINGS => {
                return Err(input(
                    "holdings",
                    format!("must have at most {MAX_HOLDINGS} holdings"),
                ))
            }
            Some(Value::Array(rows)) => rows
                .iter()
                .enumerate()
                .map(|(i, row)| holding(row, i, mode))
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(input("holdings", "must be a list of holdings")),
        };
        let target = match map.get("target_allocation") {
            None => return Err(input("target_allocation", "is required")),
            Some(Value::Object(t)) => target(t, mode)?,
            Some(_) => return Err(input("target_allocation", "must be an object")),
        };
        match map.get("profile") {
            Some(Value::Object(_)) => {}
            None => return Err(input("profile", "is required")),
            Some(_) => return Err(input("profile", "must be an object")),
        }
        Ok(PortfolioRequest {
            request_id,
            holdings,
            target,
        })
    }
}

fn known_keys(map: &Map<String, Value>, known: &[&str], at: &str) -> Result<(), PortfolioError> {
    match map.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => {
            let shown: String = k.chars().take(64).collect();
            Err(input(format!("{at}{shown}"), "is not a known field"))
        }
        None => Ok(()),
    }
}

fn text(s: &str, field: &str) -> Result<String, PortfolioError> {
    if s.chars().count() > MAX_REQUEST_TEXT_CHARS {
        Err(input(
            field,
            format!("must be at most {MAX_REQUEST_TEXT_CHARS} characters"),
        ))
    } else {
        Ok(s.to_owned())
    }
}

/// A number (or, in compat mode, a numeric string) as an exact decimal.
fn number(value: &Value, mode: ValidationMode) -> Option<Decimal> {
    match (value, mode) {
        (Value::Number(_), _) => json_decimal(value),
        (Value::String(s), ValidationMode::Compat) => {
            json_decimal(&Value::String(s.trim().to_owned()))
        }
        _ => None,
    }
}

fn holding(row: &Value, i: usize, mode: ValidationMode) -> Result<HoldingInput, PortfolioError> {
    let at = format!("holdings[{i}]");
    let field = |key: &str| format!("holdings[{i}].{key}");
    let Value::Object(map) = row else {
        return Err(input(at, "must be an object"));
    };
    if mode == ValidationMode::Strict {
        known_keys(
            map,
            &[
                "scheme_code",
                "scheme_name",
                "amount",
                "units",
                "purchase_date",
                "purchase_price",
                "purchase_amount",
            ],
            &format!("{at}."),
        )?;
    }
    let scheme_code = match map.get("scheme_code") {
        None | Some(Value::Null) => return Err(input(field("scheme_code"), "is required")),
        Some(Value::String(s)) if mode == ValidationMode::Compat => {
            match crate::profile::pydantic_int_string(s.trim()) {
                Some(Ok(code)) => code,
                _ => return Err(input(field("scheme_code"), "must be a whole number")),
            }
        }
        Some(v @ Value::Number(_)) => json_decimal(v)
            .filter(|d| d.fract().is_zero())
            .and_then(|d| i64::try_from(d).ok())
            .ok_or_else(|| input(field("scheme_code"), "must be a whole number"))?,
        Some(_) => return Err(input(field("scheme_code"), "must be a whole number")),
    };
    let scheme_name = match map.get("scheme_name") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(text(s, &field("scheme_name"))?),
        Some(_) => return Err(input(field("scheme_name"), "must be a string")),
    };
    let money = |key: &str| -> Result<Option<Money>, PortfolioError> {
        let rule = match mode {
            ValidationMode::Strict => {
                "must be rupees from 0 to 999999999999.99 with at most 2 decimals"
            }
            _ => "must be rupees from 0 to 999999999999.99",
        };
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => {
                let d = number(v, mode).filter(|d| !d.is_sign_negative() || d.is_zero());
                let d = match mode {
                    ValidationMode::Strict => d,
                    _ => d.map(|d| {
                        d.round_dp_with_strategy(
                            Money::SCALE,
                            RoundingStrategy::MidpointNearestEven,
                        )
                    }),
                };
                d.and_then(|d| to_scaled(d, Money::SCALE))
                    .and_then(|s| i64::try_from(s).ok())
                    .and_then(|s| Money::from_minor(s).ok())
                    .map(Some)
                    .ok_or_else(|| input(field(key), rule))
            }
        }
    };
    let units = match map.get("units") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let d = number(v, mode).filter(|d| !d.is_sign_negative() || d.is_zero());
            let d = match mode {
                ValidationMode::Strict => d,
                _ => d.map(|d| {
                    d.round_dp_with_strategy(Units::SCALE, RoundingStrategy::MidpointNearestEven)
                }),
            };
            Some(
                d.and_then(|d| Units::try_from_decimal(d).ok())
                    .ok_or_else(|| {
                        input(
                            field("units"),
                            "must be units from 0 to 999999999999.999 with at most 3 decimals",
                        )
                    })?,
            )
        }
    };
    let purchase_price = match map.get("purchase_price") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            number(v, mode)
                .filter(|d| !d.is_sign_negative() || d.is_zero())
                .ok_or_else(|| input(field("purchase_price"), "must be a number from 0"))?,
        ),
    };
    let purchase_date = match map.get("purchase_date") {
        None | Some(Value::Null) => None,
        Some(v) => Some(date(v, mode).ok_or_else(|| {
            input(
                field("purchase_date"),
                match mode {
                    ValidationMode::Strict => "must be a date YYYY-MM-DD",
                    _ => "must be a date YYYY-MM-DD (or a datetime or Unix time at midnight)",
                },
            )
        })?),
    };
    Ok(HoldingInput {
        scheme_code,
        scheme_name,
        amount: money("amount")?,
        units,
        purchase_date,
        purchase_price,
        purchase_amount: money("purchase_amount")?,
    })
}

/// A date: `YYYY-MM-DD`; in compat mode also a datetime whose time is zero
/// (`2024-01-15T00:00:00`, optionally with `Z` or `+00:00`) and a Unix time that falls at
/// midnight UTC, as pydantic reads them.
fn date(value: &Value, mode: ValidationMode) -> Option<Date> {
    match (value, mode) {
        (Value::String(s), ValidationMode::Strict) => parse_date(s, "purchase_date").ok(),
        (Value::String(s), _) => {
            let (day, time) = match s.get(..10) {
                Some(day) => (day, s.get(10..).unwrap_or("")),
                None => return None,
            };
            let date = parse_date(day, "purchase_date").ok()?;
            if time.is_empty() {
                return Some(date);
            }
            let rest = time.strip_prefix(['T', 't', ' '])?;
            let rest = rest
                .strip_suffix('Z')
                .or_else(|| rest.strip_suffix("+00:00"))
                .unwrap_or(rest);
            let zero = match rest.len() {
                5 => rest == "00:00",
                8 => rest == "00:00:00",
                n if n > 9 && n <= 15 => {
                    rest.starts_with("00:00:00.") && rest.bytes().skip(9).all(|b| b == b'0')
                }
                _ => false,
            };
            zero.then_some(date)
        }
        (Value::Number(n), ValidationMode::Compat) => {
            let seconds = n.as_i64()?;
            if seconds.rem_euclid(86_400) != 0 {
                return None;
            }
            let epoch = Date::from_calendar_date(1970, time::Month::January, 1).ok()?;
            epoch.checked_add(time::Duration::days(seconds.div_euclid(86_400)))
        }
        _ => None,
    }
}

fn target(
    map: &Map<String, Value>,
    mode: ValidationMode,
) -> Result<TargetAllocation, PortfolioError> {
    if mode == ValidationMode::Strict {
        known_keys(map, &ASSET_CLASSES, "target_allocation.")?;
    }
    let mut out = [Decimal::ZERO; 6];
    for (slot, class) in out.iter_mut().zip(ASSET_CLASSES) {
        let Some(v) = map.get(class) else {
            continue;
        };
        let field = format!("target_allocation.{class}");
        let d = number(v, mode);
        let d = match mode {
            ValidationMode::Strict => d,
            _ => d.map(|d| {
                d.round_dp_with_strategy(TARGET_DECIMALS, RoundingStrategy::MidpointNearestEven)
            }),
        };
        *slot = d
            .and_then(|d| to_scaled(d, TARGET_DECIMALS))
            .filter(|s| (0..=1_000_000_000_000).contains(s))
            .map(|s| decimal(s, TARGET_DECIMALS).normalize())
            .ok_or_else(|| {
                input(
                    field,
                    match mode {
                        ValidationMode::Strict => {
                            "must be a fraction from 0 to 1 with at most 12 decimals"
                        }
                        _ => "must be a fraction from 0 to 1",
                    },
                )
            })?;
    }
    Ok(TargetAllocation(out))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn target_sum_check_is_exact() {
        let t = |v: Value| super::super::check_target_allocation(&v);
        assert!(t(serde_json::json!({"equity": 0.4, "debt": 0.35, "hybrid": 0.25})).is_ok());
        let e = t(serde_json::json!({"equity": 0.4, "debt": 0.35})).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("portfolio_input", "target_allocation".to_owned())
        );
        assert!(e.to_string().contains("adds up to 0.75"));
        // 0.1 + 0.2 + 0.7 is exactly 1 in decimal (not in binary floats).
        assert!(t(serde_json::json!({"equity": 0.1, "debt": 0.2, "liquid": 0.7})).is_ok());
        assert_eq!(
            t(serde_json::json!({"cash": 1})).unwrap_err().field(),
            "target_allocation.cash"
        );
    }
}
