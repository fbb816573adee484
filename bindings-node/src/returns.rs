//! XIRR, XNPV, CAGR and goals (`sparrow_core::contract::returns`): conversion only.

use napi::{Env, Unknown};
use napi_derive::napi;
use rust_decimal::Decimal;
use sparrow_core::contract::returns::{self as r, CashFlowRecord, TransactionRecord};
use sparrow_core::returns::{self as core_returns, MAX_FLOWS};

use crate::js::{self, OrThrow, Result};

const FLOW: &str = "{ date, amount }";

fn flows_arg(env: &Env, flows: Unknown<'_>) -> Result<Vec<CashFlowRecord>> {
    js::array(env, flows, "flows", MAX_FLOWS)?
        .into_iter()
        .map(|f| {
            let obj = js::object(env, f, "flows", FLOW)?;
            let field = |key: &'static str| js::required(env, &obj, key, "flows", FLOW);
            Ok(CashFlowRecord {
                date: js::text(env, field("date")?, "flows.date")?,
                amount: js::decimal(env, field("amount")?, "amount")?,
            })
        })
        .collect()
}

fn months_arg(env: &Env, v: Unknown<'_>) -> Result<u32> {
    let n = js::unsigned(env, v, "months")?;
    u32::try_from(n).map_err(|_| js::type_error(env, "months", "a whole number of months"))
}

/// The annual rate (a fraction, exactly 9 decimals) at which the flows' present value is
/// zero: Excel's XIRR, Actual/365 from the first flow's date.
#[napi(
    ts_args_type = "flows: Array<{ date: string, amount: DecimalInput }>",
    ts_return_type = "DecimalText"
)]
pub fn xirr(env: Env, flows: Unknown<'_>) -> Result<String> {
    let flows = flows_arg(&env, flows)?;
    Ok(r::xirr(&flows).or_throw(&env)?.to_string())
}

/// The flows' present value at `rate` on the first flow's date, to paise (Excel's XNPV).
#[napi(
    ts_args_type = "rate: DecimalInput, flows: Array<{ date: string, amount: DecimalInput }>",
    ts_return_type = "DecimalText"
)]
pub fn xnpv(env: Env, rate: Unknown<'_>, flows: Unknown<'_>) -> Result<String> {
    let rate = js::decimal(&env, rate, "rate")?;
    let flows = flows_arg(&env, flows)?;
    Ok(r::xnpv(rate, &flows).or_throw(&env)?.to_string())
}

/// (end / start)^(1 / years) − 1, a fraction with exactly 9 decimals.
#[napi(
    ts_args_type = "start: DecimalInput, end: DecimalInput, years: DecimalInput",
    ts_return_type = "DecimalText"
)]
pub fn cagr(env: Env, start: Unknown<'_>, end: Unknown<'_>, years: Unknown<'_>) -> Result<String> {
    let start = js::decimal(&env, start, "start")?;
    let end = js::decimal(&env, end, "end")?;
    let years = js::decimal(&env, years, "years")?;
    Ok(core_returns::cagr(start, end, years)
        .or_throw(&env)?
        .to_string())
}

/// How far `current` is towards `target`.
#[napi(
    ts_args_type = "current: DecimalInput, target: DecimalInput",
    ts_return_type = "GoalProgress"
)]
pub fn goal_progress<'env>(
    env: &'env Env,
    current: Unknown<'_>,
    target: Unknown<'_>,
) -> Result<Unknown<'env>> {
    let current = js::decimal(env, current, "current")?;
    let target = js::decimal(env, target, "target")?;
    js::to_js(env, &r::goal_progress(current, target).or_throw(env)?)
}

/// `f(amount, annualRate, months)` with the arguments read.
fn grown(
    env: &Env,
    (amount, field): (Unknown<'_>, &'static str),
    annual_rate: Unknown<'_>,
    months: Unknown<'_>,
    f: fn(Decimal, Decimal, u32) -> std::result::Result<Decimal, sparrow_core::Error>,
) -> Result<String> {
    let amount = js::decimal(env, amount, field)?;
    let rate = js::decimal(env, annual_rate, "annualRate")?;
    let months = months_arg(env, months)?;
    Ok(f(amount, rate, months).or_throw(env)?.to_string())
}

/// What `amount` grows to in `months` at `annualRate`, down to paise.
#[napi(
    ts_args_type = "amount: DecimalInput, annualRate: DecimalInput, months: number",
    ts_return_type = "Money"
)]
pub fn future_value(
    env: Env,
    amount: Unknown<'_>,
    annual_rate: Unknown<'_>,
    months: Unknown<'_>,
) -> Result<String> {
    grown(
        &env,
        (amount, "amount"),
        annual_rate,
        months,
        r::future_value,
    )
}

/// What a SIP of `monthly` (paid at the start of each month) is worth at the end, down
/// to paise.
#[napi(
    ts_args_type = "monthly: DecimalInput, annualRate: DecimalInput, months: number",
    ts_return_type = "Money"
)]
pub fn sip_future_value(
    env: Env,
    monthly: Unknown<'_>,
    annual_rate: Unknown<'_>,
    months: Unknown<'_>,
) -> Result<String> {
    grown(
        &env,
        (monthly, "monthly"),
        annual_rate,
        months,
        r::sip_future_value,
    )
}

/// The least monthly SIP that, with `current` invested today, reaches `target`.
#[napi(
    ts_args_type = "target: DecimalInput, current: DecimalInput, annualRate: DecimalInput, months: number",
    ts_return_type = "Money"
)]
pub fn sip_needed(
    env: Env,
    target: Unknown<'_>,
    current: Unknown<'_>,
    annual_rate: Unknown<'_>,
    months: Unknown<'_>,
) -> Result<String> {
    let target = js::decimal(&env, target, "target")?;
    let current = js::decimal(&env, current, "current")?;
    let rate = js::decimal(&env, annual_rate, "annualRate")?;
    let months = months_arg(&env, months)?;
    Ok(r::sip_needed(target, current, rate, months)
        .or_throw(&env)?
        .to_string())
}

/// Whole calendar months from `today` to `by` (`YYYY-MM-DD`).
#[napi(ts_args_type = "today: string, by: string")]
pub fn months_until(env: Env, today: Unknown<'_>, by: Unknown<'_>) -> Result<u32> {
    let today = js::text(&env, today, "today")?;
    let by = js::text(&env, by, "by")?;
    r::months_until(&today, &by).or_throw(&env)
}

const TRANSACTION: &str = "{ date, kind, amount }";

/// The portfolio's XIRR from its real transactions (each on its own date) and today's
/// value.
#[napi(
    ts_args_type = "transactions: Array<{ date: string, kind: TransactionKind, amount: DecimalInput }>, currentValue: DecimalInput, today: string",
    ts_return_type = "DecimalText"
)]
pub fn portfolio_xirr(
    env: Env,
    transactions: Unknown<'_>,
    current_value: Unknown<'_>,
    today: Unknown<'_>,
) -> Result<String> {
    let ts = js::array(&env, transactions, "transactions", MAX_FLOWS)?
        .into_iter()
        .map(|t| {
            let obj = js::object(&env, t, "transactions", TRANSACTION)?;
            let field =
                |key: &'static str| js::required(&env, &obj, key, "transactions", TRANSACTION);
            Ok(TransactionRecord {
                date: js::text(&env, field("date")?, "transactions.date")?,
                kind: js::text(&env, field("kind")?, "transactions.kind")?,
                amount: js::decimal(&env, field("amount")?, "amount")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let current_value = js::decimal(&env, current_value, "currentValue")?;
    let today = js::text(&env, today, "today")?;
    Ok(r::portfolio_xirr(&ts, current_value, &today)
        .or_throw(&env)?
        .to_string())
}
