//! Goals: progress towards a target, the future value of a lump sum and of a monthly
//! SIP at an assumed annual return, and the SIP needed to reach a target.
//!
//! **Conventions.** An assumed return is an effective annual rate (a fraction): a month
//! grows by (1 + r)^(1/12), so, counting a month as 1/12 of a year, a SIP that grows as
//! these functions say has an internal rate of exactly r — the definition of
//! [`xirr`](super::xirr) and [`cagr`](super::cagr).
//! (Calculators that use r / 12 a month overstate growth; 12 % a year becomes 12.68 %.)
//! Instalments are paid at the start of each month (an annuity due), the first today.
//!
//! **Rounding.** Growth factors are computed in floating point (they are irrational)
//! and carried as decimals of 15 significant digits (so that 1.1 is 1.1, not
//! 1.1000000000000000888); amounts are then exact decimal arithmetic on paise, rounded
//! once: a future value down to the paisa (never promising more than the rate gives), a
//! SIP needed up to the paisa (never asking for less than reaches the target), progress
//! down to 4 decimals (99.996 % is not shown as 100 %).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

use super::ReturnsError;
use crate::money::Money;

/// Most months a goal may run (100 years).
pub const MAX_GOAL_MONTHS: u32 = 1_200;
/// The highest assumed annual return accepted (1000 % a year).
pub const MAX_ASSUMED_RATE: Decimal = Decimal::TEN;

/// How far an amount is towards a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalProgress {
    /// `current / target`, a fraction rounded down to 4 decimals; above 1 once passed.
    pub progress: Decimal,
    /// `target − current`, or zero once reached.
    pub remaining: Money,
    /// Whether `current ≥ target`.
    pub reached: bool,
}

fn input(field: &'static str, rule: &'static str) -> ReturnsError {
    ReturnsError::Input { field, rule }
}

/// Progress of `current` towards `target` (`target` positive, `current` not negative).
pub fn goal_progress(current: Money, target: Money) -> Result<GoalProgress, ReturnsError> {
    if target <= Money::ZERO {
        return Err(input("target", "must be positive"));
    }
    if current < Money::ZERO {
        return Err(input("current", "must not be negative"));
    }
    let (c, t) = (current.as_decimal(), target.as_decimal());
    let progress = c
        .checked_div(t)
        .ok_or(input("target", "must be positive"))?
        .round_dp_with_strategy(4, RoundingStrategy::ToZero);
    let remaining = if current >= target {
        Money::ZERO
    } else {
        Money::from_paise(target.paise() - current.paise())
            .map_err(|_| input("target", "must be at most 999999999999.99"))?
    };
    Ok(GoalProgress {
        progress: with_scale(progress, 4),
        remaining,
        reached: current >= target,
    })
}

fn with_scale(mut d: Decimal, scale: u32) -> Decimal {
    d.rescale(scale);
    d
}

/// The growth of one rupee over `months` and the SIP factor (rupees at the end per
/// rupee paid each month), as decimals.
fn factors(annual_rate: Decimal, months: u32) -> Result<(Decimal, Decimal), ReturnsError> {
    if annual_rate <= Decimal::NEGATIVE_ONE || annual_rate > MAX_ASSUMED_RATE {
        return Err(input(
            "annual_rate",
            "must be above -1 (-100 %) and at most 10 (1000 %)",
        ));
    }
    if months > MAX_GOAL_MONTHS {
        return Err(input("months", "must be at most 1200 (100 years)"));
    }
    if annual_rate.is_zero() {
        return Ok((Decimal::ONE, Decimal::from(months)));
    }
    let x = annual_rate
        .to_f64()
        .ok_or(input("annual_rate", "could not be read as a number"))?
        .ln_1p()
        / 12.0;
    let n = f64::from(months);
    let growth = (n * x).exp();
    // Σ_{k=1..n} g^k = g (g^n − 1) / (g − 1), with g = e^x.
    let sip = x.exp() * (n * x).exp_m1() / x.exp_m1();
    // 15 significant digits: within f64's precision, and free of its binary noise.
    let dec = |v: f64| {
        Decimal::from_scientific(&format!("{v:.14e}"))
            .ok()
            .filter(|_| v.is_finite())
            .ok_or(input(
                "annual_rate",
                "gives an amount too large to represent",
            ))
    };
    Ok((dec(growth)?, dec(sip)?))
}

fn money(
    d: Decimal,
    rounding: RoundingStrategy,
    field: &'static str,
) -> Result<Money, ReturnsError> {
    Money::from_decimal_rounded(d, rounding)
        .map_err(|_| input(field, "gives an amount above 999999999999.99"))
}

/// `amount × factor`, rounded down to the paisa; `field` names `amount` in refusals.
fn times(amount: Money, factor: Decimal, field: &'static str) -> Result<Money, ReturnsError> {
    let v = amount
        .as_decimal()
        .checked_mul(factor)
        .ok_or(input(field, "gives an amount above 999999999999.99"))?;
    money(v, RoundingStrategy::ToZero, field)
}

/// What `amount` grows to in `months` at `annual_rate`, rounded down to the paisa.
pub fn future_value(
    amount: Money,
    annual_rate: Decimal,
    months: u32,
) -> Result<Money, ReturnsError> {
    if amount < Money::ZERO {
        return Err(input("amount", "must not be negative"));
    }
    let (growth, _) = factors(annual_rate, months)?;
    times(amount, growth, "amount")
}

/// What a SIP of `monthly` (paid at the start of each of `months` months) is worth at
/// the end at `annual_rate`, rounded down to the paisa.
pub fn sip_future_value(
    monthly: Money,
    annual_rate: Decimal,
    months: u32,
) -> Result<Money, ReturnsError> {
    if monthly < Money::ZERO {
        return Err(input("monthly", "must not be negative"));
    }
    let (_, sip) = factors(annual_rate, months)?;
    times(monthly, sip, "monthly")
}

/// The monthly SIP (paid at the start of each of `months` months, `months` ≥ 1) that,
/// with `current` invested today, reaches `target` at `annual_rate`: rounded up to the
/// paisa; zero when `current` alone gets there. Its [`sip_future_value`] plus
/// `current`'s [`future_value`] is at least `target`, and a paisa less would not be.
pub fn sip_needed(
    target: Money,
    current: Money,
    annual_rate: Decimal,
    months: u32,
) -> Result<Money, ReturnsError> {
    if target <= Money::ZERO {
        return Err(input("target", "must be positive"));
    }
    if months == 0 {
        return Err(input("months", "must be at least 1"));
    }
    let grown = future_value(current, annual_rate, months).map_err(|e| match e {
        ReturnsError::Input {
            field: "amount",
            rule,
        } => input("current", rule),
        other => other,
    })?;
    if grown >= target {
        return Ok(Money::ZERO);
    }
    let (_, sip) = factors(annual_rate, months)?;
    let gap = Money::from_paise(target.paise() - grown.paise())
        .map_err(|_| input("target", "must be at most 999999999999.99"))?;
    let needed = gap.as_decimal().checked_div(sip).ok_or(input(
        "annual_rate",
        "gives an amount too large to represent",
    ))?;
    let mut m = money(needed, RoundingStrategy::AwayFromZero, "target")?;
    // The division rounds at its 28th digit: step up a paisa if that fell short.
    for _ in 0..4 {
        if sip_future_value(m, annual_rate, months)? >= gap {
            return Ok(m);
        }
        m = Money::from_paise(m.paise() + 1)
            .map_err(|_| input("target", "needs a SIP above 999999999999.99"))?;
    }
    Err(input(
        "target",
        "needs a SIP that could not be found exactly",
    ))
}

/// Whole calendar months from `today` to `by` (a month counts once its day is reached:
/// 15 Jan → 14 Mar is 1, → 15 Mar is 2). `by` before `today` is refused.
pub fn months_until(today: Date, by: Date) -> Result<u32, ReturnsError> {
    if by < today {
        return Err(input("by", "must not be before today"));
    }
    let months = (i64::from(by.year()) - i64::from(today.year())) * 12
        + i64::from(u8::from(by.month()))
        - i64::from(u8::from(today.month()))
        - i64::from(by.day() < today.day());
    u32::try_from(months).map_err(|_| input("by", "is too far away"))
}
