//! XIRR, XNPV, CAGR and goals (`sparrow_core::contract::returns`): conversion only.

use sparrow_core::contract::returns::{self as r, CashFlowRecord, TransactionRecord};
use sparrow_core::returns as core_returns;

use crate::error::{out, OrFail, Result};
use crate::ExactDecimal;

/// A calendar day written `YYYY-MM-DD`: `java.time.LocalDate` in Kotlin (its
/// `toString()` is that text), a `String` in Swift. Anything else is `date_invalid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate(pub String);

uniffi::custom_newtype!(CalendarDate, String);

/// One dated cash flow: paid in negative, received positive.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CashFlow {
    /// The day of the flow.
    pub date: CalendarDate,
    /// The amount in rupees.
    pub amount: ExactDecimal,
}

/// How far an amount is towards a target.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GoalProgress {
    /// `current / target`, rounded down to 4 decimals (above 1 once passed).
    pub progress: ExactDecimal,
    /// What remains (zero once reached), 2 decimals.
    pub remaining: ExactDecimal,
    /// Whether the target is reached.
    pub reached: bool,
}

fn flows_arg(flows: &[CashFlow]) -> Result<Vec<CashFlowRecord>> {
    flows
        .iter()
        .map(|f| {
            Ok(CashFlowRecord {
                date: f.date.0.clone(),
                amount: f.amount.read("amount")?,
            })
        })
        .collect()
}

/// The annual rate (a fraction, exactly 9 decimals) at which the flows' present value
/// is zero: Excel's XIRR, Actual/365 from the first flow's date.
#[uniffi::export]
pub fn xirr(flows: Vec<CashFlow>) -> Result<ExactDecimal> {
    Ok(out(r::xirr(&flows_arg(&flows)?).or_fail()?))
}

/// The flows' present value at `rate` on the first flow's date, to paise (Excel's
/// XNPV).
#[uniffi::export]
pub fn xnpv(rate: ExactDecimal, flows: Vec<CashFlow>) -> Result<ExactDecimal> {
    let rate = rate.read("rate")?;
    Ok(out(r::xnpv(rate, &flows_arg(&flows)?).or_fail()?))
}

/// (end / start)^(1 / years) − 1, a fraction with exactly 9 decimals.
#[uniffi::export]
pub fn cagr(start: ExactDecimal, end: ExactDecimal, years: ExactDecimal) -> Result<ExactDecimal> {
    let (start, end, years) = (start.read("start")?, end.read("end")?, years.read("years")?);
    Ok(out(core_returns::cagr(start, end, years).or_fail()?))
}

/// How far `current` is towards `target`.
#[uniffi::export]
pub fn goal_progress(current: ExactDecimal, target: ExactDecimal) -> Result<GoalProgress> {
    let p = r::goal_progress(current.read("current")?, target.read("target")?).or_fail()?;
    Ok(GoalProgress {
        progress: out(p.progress),
        remaining: out(p.remaining),
        reached: p.reached,
    })
}

/// What `amount` grows to in `months` at `annual_rate`, down to paise.
#[uniffi::export]
pub fn future_value(
    amount: ExactDecimal,
    annual_rate: ExactDecimal,
    months: u32,
) -> Result<ExactDecimal> {
    let (amount, rate) = (amount.read("amount")?, annual_rate.read("annual_rate")?);
    Ok(out(r::future_value(amount, rate, months).or_fail()?))
}

/// What a SIP of `monthly` (paid at the start of each month) is worth at the end, down
/// to paise.
#[uniffi::export]
pub fn sip_future_value(
    monthly: ExactDecimal,
    annual_rate: ExactDecimal,
    months: u32,
) -> Result<ExactDecimal> {
    let (monthly, rate) = (monthly.read("monthly")?, annual_rate.read("annual_rate")?);
    Ok(out(r::sip_future_value(monthly, rate, months).or_fail()?))
}

/// The least monthly SIP that, with `current` invested today, reaches `target`.
#[uniffi::export]
pub fn sip_needed(
    target: ExactDecimal,
    current: ExactDecimal,
    annual_rate: ExactDecimal,
    months: u32,
) -> Result<ExactDecimal> {
    let (target, current) = (target.read("target")?, current.read("current")?);
    let rate = annual_rate.read("annual_rate")?;
    Ok(out(r::sip_needed(target, current, rate, months).or_fail()?))
}

/// Whole calendar months from `today` to `by`.
#[uniffi::export]
pub fn months_until(today: CalendarDate, by: CalendarDate) -> Result<u32> {
    r::months_until(&today.0, &by.0).or_fail()
}

/// One transaction: `kind` is `purchase`, `sip`, `redemption` or `dividend`; `amount`
/// is positive (the kind gives the direction). Not named `Transaction`, which SwiftUI
/// declares too.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PortfolioTransaction {
    /// The day it settled.
    pub date: CalendarDate,
    /// What it did.
    pub kind: String,
    /// How much, in rupees.
    pub amount: ExactDecimal,
}

/// The portfolio's XIRR from its real transactions (each on its own date) and today's
/// value.
#[uniffi::export]
pub fn portfolio_xirr(
    transactions: Vec<PortfolioTransaction>,
    current_value: ExactDecimal,
    today: CalendarDate,
) -> Result<ExactDecimal> {
    let ts = transactions
        .iter()
        .map(|t| {
            Ok(TransactionRecord {
                date: t.date.0.clone(),
                kind: t.kind.clone(),
                amount: t.amount.read("amount")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let current_value = current_value.read("current_value")?;
    Ok(out(
        r::portfolio_xirr(&ts, current_value, &today.0).or_fail()?
    ))
}
