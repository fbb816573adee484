//! Returns and goals over records: dates as `YYYY-MM-DD` text, amounts and rates as
//! decimals — what the Node and Swift/Kotlin bindings hand over (Python passes
//! `datetime.date`s and calls [`crate::returns`] directly).

use rust_decimal::Decimal;
use serde::Serialize;
use time::{Date, Month};

use super::{tag, ArgumentError};
use crate::money::Money;
use crate::returns::{self, CashFlow, Transaction, TransactionKind};
use crate::Error;

/// One dated cash flow: `date` as `YYYY-MM-DD`, `amount` in rupees (paid in negative,
/// received positive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashFlowRecord {
    /// The day of the flow, `YYYY-MM-DD`.
    pub date: String,
    /// The amount.
    pub amount: Decimal,
}

/// One transaction: `date` as `YYYY-MM-DD`, `kind` one of `purchase`, `sip`,
/// `redemption`, `dividend`, `amount` positive (the kind gives the direction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionRecord {
    /// The day it settled, `YYYY-MM-DD`.
    pub date: String,
    /// What it did.
    pub kind: String,
    /// How much, in rupees.
    pub amount: Decimal,
}

/// [`returns::portfolio_xirr`] over records (`today` as `YYYY-MM-DD`).
pub fn portfolio_xirr(
    transactions: &[TransactionRecord],
    current_value: Decimal,
    today: &str,
) -> Result<Decimal, Error> {
    let today = parse_date(today, "today")?;
    let current_value = money(current_value, "current_value")?;
    let ts = transactions
        .iter()
        .map(|t| {
            Ok(Transaction {
                date: parse_date(&t.date, "transactions.date")?,
                kind: t.kind.parse::<TransactionKind>()?,
                amount: money(t.amount, "transactions.amount")?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(returns::portfolio_xirr(&ts, current_value, today)?)
}

/// [`returns::GoalProgress`] as a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalProgressRecord {
    /// `current / target`, rounded down to 4 decimals.
    #[serde(with = "tag::decimal")]
    pub progress: Decimal,
    /// What remains, in rupees (2 decimals).
    #[serde(with = "tag::money")]
    pub remaining: Decimal,
    /// Whether the target is reached.
    pub reached: bool,
}

/// A calendar date written `YYYY-MM-DD` (RFC 3339 full-date); the calendar (month
/// lengths, leap years) is the `time` crate's.
pub fn parse_date(text: &str, field: &'static str) -> Result<Date, ArgumentError> {
    let invalid = ArgumentError::DateInvalid { field };
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(invalid);
    }
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u16>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(invalid);
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok());
    match (month, u8::try_from(day)) {
        (Some(m), Ok(d)) => Date::from_calendar_date(i32::from(year), m, d).map_err(|_| invalid),
        _ => Err(invalid),
    }
}

/// The flows of records (dates refused as `date_invalid` of `flows.date`).
pub fn cash_flows(records: &[CashFlowRecord]) -> Result<Vec<CashFlow>, ArgumentError> {
    records
        .iter()
        .map(|r| {
            Ok(CashFlow {
                date: parse_date(&r.date, "flows.date")?,
                amount: r.amount,
            })
        })
        .collect()
}

/// [`returns::xirr`] over records.
pub fn xirr(flows: &[CashFlowRecord]) -> Result<Decimal, Error> {
    Ok(returns::xirr(&cash_flows(flows)?)?)
}

/// [`returns::xnpv`] over records.
pub fn xnpv(rate: Decimal, flows: &[CashFlowRecord]) -> Result<Decimal, Error> {
    Ok(returns::xnpv(rate, &cash_flows(flows)?)?)
}

fn money(d: Decimal, field: &'static str) -> Result<Money, Error> {
    Ok(Money::try_from_decimal(d).map_err(|e| e.for_field(field))?)
}

/// [`returns::goal_progress`] over decimals.
pub fn goal_progress(current: Decimal, target: Decimal) -> Result<GoalProgressRecord, Error> {
    let p = returns::goal_progress(money(current, "current")?, money(target, "target")?)?;
    Ok(GoalProgressRecord {
        progress: p.progress,
        remaining: p.remaining.as_decimal(),
        reached: p.reached,
    })
}

/// [`returns::future_value`] over decimals.
pub fn future_value(amount: Decimal, annual_rate: Decimal, months: u32) -> Result<Decimal, Error> {
    Ok(returns::future_value(money(amount, "amount")?, annual_rate, months)?.as_decimal())
}

/// [`returns::sip_future_value`] over decimals.
pub fn sip_future_value(
    monthly: Decimal,
    annual_rate: Decimal,
    months: u32,
) -> Result<Decimal, Error> {
    Ok(returns::sip_future_value(money(monthly, "monthly")?, annual_rate, months)?.as_decimal())
}

/// [`returns::sip_needed`] over decimals.
pub fn sip_needed(
    target: Decimal,
    current: Decimal,
    annual_rate: Decimal,
    months: u32,
) -> Result<Decimal, Error> {
    let (target, current) = (money(target, "target")?, money(current, "current")?);
    Ok(returns::sip_needed(target, current, annual_rate, months)?.as_decimal())
}

/// [`returns::months_until`] over `YYYY-MM-DD` dates.
pub fn months_until(today: &str, by: &str) -> Result<u32, Error> {
    Ok(returns::months_until(
        parse_date(today, "today")?,
        parse_date(by, "by")?,
    )?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn dates() {
        let ok = |s| parse_date(s, "d").unwrap().to_string();
        assert_eq!(ok("2024-02-29"), "2024-02-29");
        assert_eq!(ok("0001-01-01"), "0001-01-01");
        assert_eq!(ok("9999-12-31"), "9999-12-31");
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-01T00:00:00Z",
            " 2024-01-01",
            "+2024-01-01",
            "２０２４-01-01",
            "",
            "2024-01-32",
        ] {
            let e = parse_date(bad, "today").unwrap_err();
            assert_eq!(
                (e.code(), e.to_string()),
                (
                    "date_invalid",
                    "today: must be a calendar date written YYYY-MM-DD".to_owned()
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn records() {
        let flows = [
            CashFlowRecord {
                date: "2025-01-01".into(),
                amount: Decimal::from(-100),
            },
            CashFlowRecord {
                date: "2026-01-01".into(),
                amount: Decimal::from(110),
            },
        ];
        assert_eq!(xirr(&flows).unwrap().to_string(), "0.100000000");
        let bad = [CashFlowRecord {
            date: "2025-1-1".into(),
            amount: Decimal::ONE,
        }];
        assert_eq!(xirr(&bad).unwrap_err().code(), "date_invalid");
        assert_eq!(months_until("2025-01-15", "2025-03-15").unwrap(), 2);
        let p = goal_progress(Decimal::from(25), Decimal::from(100)).unwrap();
        assert_eq!(serde_json::to_value(&p).unwrap()["reached"], false);
        assert_eq!(
            goal_progress(Decimal::new(1, 3), Decimal::ONE)
                .unwrap_err()
                .code(),
            "money_precision"
        );
    }
}
