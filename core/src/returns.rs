//! Returns over dated cash flows: XIRR and XNPV (Actual/365 from the first flow's date,
//! as Excel and LibreOffice define them), and CAGR; goals (progress, future values, the
//! SIP needed) at an assumed annual return.
//!
//! **Sign.** A flow is from the investor's side: money paid in (a purchase, a SIP
//! instalment) is negative, money received (a redemption, today's value) is positive.
//!
//! **Exactness.** Inputs and results are exact decimals. The discount factors
//! (1 + r)^(−days/365) are irrational, so the sums and the root search run in binary
//! floating point (as in Excel, LibreOffice and pyxirr); each result is then rounded
//! once, half to even: rates to [`RATE_DECIMALS`] (9) decimals as fractions (0.12 is
//! 12 % a year), present values to paise. A rate is good to its ninth decimal when the
//! root is simple; a present value's error is about 1e-15 of the sum of the absolute
//! amounts.
//!
//! ```
//! use rust_decimal::Decimal;
//! use sparrow_core::returns::{xirr, CashFlow};
//! use time::{Date, Month};
//! let day = |y, m, d| Date::from_calendar_date(y, m, d).unwrap();
//! let flows = [
//!     CashFlow { date: day(2008, Month::January, 1), amount: Decimal::from(-10_000) },
//!     CashFlow { date: day(2008, Month::March, 1), amount: Decimal::from(2_750) },
//!     CashFlow { date: day(2008, Month::October, 30), amount: Decimal::from(4_250) },
//!     CashFlow { date: day(2009, Month::February, 15), amount: Decimal::from(3_250) },
//!     CashFlow { date: day(2009, Month::April, 1), amount: Decimal::from(2_750) },
//! ];
//! // Excel's documented example, 37.34 %. Excel shows 0.373362535 at nine decimals
//! // (where its iteration stops); the root is 0.3733625335188…, so 0.373362534.
//! assert_eq!(xirr(&flows).unwrap().to_string(), "0.373362534");
//! ```

mod error;
mod goal;
mod portfolio;

pub use error::ReturnsError;
pub use goal::{
    future_value, goal_progress, months_until, sip_future_value, sip_needed, GoalProgress,
    MAX_ASSUMED_RATE, MAX_GOAL_MONTHS,
};
pub use portfolio::{portfolio_xirr, Transaction, TransactionKind};

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

/// Most cash flows one call reads.
pub const MAX_FLOWS: usize = 1_000_000;
/// Decimals of a returned rate (a fraction: 0.123456789 is 12.3456789 %).
pub const RATE_DECIMALS: u32 = 9;
/// The largest rate [`xirr`] searches: 1,000,000 (100,000,000 % a year).
pub const MAX_RATE: f64 = 1e6;
/// The smallest 1 + rate searched: rates down to −99.9999999 %.
const MIN_GROWTH: f64 = 1e-9;
/// Days in the Actual/365 year.
const YEAR_DAYS: f64 = 365.0;

/// One dated cash flow: negative when the investor pays in, positive when they receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CashFlow {
    /// The day of the flow.
    pub date: Date,
    /// The amount (rupees).
    pub amount: Decimal,
}

/// The flows as years from the first flow's date and amounts, in floating point.
struct Schedule {
    years: Vec<f64>,
    amounts: Vec<f64>,
}

impl Schedule {
    fn new(flows: &[CashFlow], min: usize) -> Result<Schedule, ReturnsError> {
        if flows.len() < min {
            return Err(ReturnsError::TooFewFlows {
                min,
                given: flows.len(),
            });
        }
        if flows.len() > MAX_FLOWS {
            return Err(ReturnsError::TooManyFlows { max: MAX_FLOWS });
        }
        let Some(start) = flows.first().map(|f| f.date) else {
            return Err(ReturnsError::TooFewFlows { min, given: 0 });
        };
        let mut years = Vec::with_capacity(flows.len());
        let mut amounts = Vec::with_capacity(flows.len());
        for (index, f) in flows.iter().enumerate() {
            if f.date < start {
                return Err(ReturnsError::FlowBeforeStart { index });
            }
            years.push((f.date - start).whole_days() as f64 / YEAR_DAYS);
            // Every Decimal has an f64 (28 digits at most, far inside f64's range).
            amounts.push(f.amount.to_f64().ok_or(ReturnsError::Input {
                field: "flows",
                rule: "an amount could not be read as a number",
            })?);
        }
        Ok(Schedule { years, amounts })
    }

    /// The present value at growth factor e^x (x = ln(1 + r)) and its derivative in x,
    /// each summed with Neumaier's compensation.
    fn value(&self, x: f64) -> (f64, f64) {
        let (mut v, mut dv) = (Sum::default(), Sum::default());
        for (&t, &a) in self.years.iter().zip(&self.amounts) {
            let term = a * (-t * x).exp();
            v.add(term);
            dv.add(-t * term);
        }
        (v.total(), dv.total())
    }

    fn scale(&self) -> f64 {
        self.amounts.iter().map(|a| a.abs()).sum()
    }
}

/// Neumaier's compensated sum.
#[derive(Default)]
struct Sum {
    sum: f64,
    compensation: f64,
}

impl Sum {
    fn add(&mut self, v: f64) {
        let t = self.sum + v;
        if self.sum.abs() >= v.abs() {
            self.compensation += (self.sum - t) + v;
        } else {
            self.compensation += (v - t) + self.sum;
        }
        self.sum = t;
    }
    fn total(&self) -> f64 {
        self.sum + self.compensation
    }
}

/// The annual rate r at which the flows' present value is zero (the internal rate of
/// return), as Excel's and LibreOffice's `XIRR`: Actual/365 from the first flow's
/// date; flows after the first may come in any order but none before it.
///
/// The search: Newton's method from 10 % (Excel's default guess) on ln(1 + r); if it
/// does not settle on a root, the rate axis from −99.9999999 % to [`MAX_RATE`] is
/// scanned outward from 10 % for a change of sign, and the root inside it is found by
/// Newton steps kept inside the bracket (bisection when a step would leave it). Flows
/// with more than one change of sign can have several rates; the one returned is
/// Newton's from 10 %, else the one nearest to 10 %.
///
/// Refused: fewer than 2 or more than [`MAX_FLOWS`] flows, a flow before the first,
/// no positive or no negative amount, no root in the searched range
/// (`returns_no_root`, e.g. when every flow falls on one day).
pub fn xirr(flows: &[CashFlow]) -> Result<Decimal, ReturnsError> {
    let s = Schedule::new(flows, 2)?;
    let (positive, negative) = flows.iter().fold((false, false), |(p, n), f| {
        (
            p || f.amount.is_sign_positive() && !f.amount.is_zero(),
            n || f.amount.is_sign_negative() && !f.amount.is_zero(),
        )
    });
    if !(positive && negative) {
        return Err(ReturnsError::NoSignChange);
    }
    let x = newton(&s)
        .or_else(|| bracketed(&s))
        .ok_or(ReturnsError::NoRoot)?;
    rounded(x.exp_m1(), RATE_DECIMALS).ok_or(ReturnsError::NoRoot)
}

/// Whether x is a root to working precision: the present value is within rounding
/// noise of the amounts' scale.
fn is_root(s: &Schedule, x: f64) -> bool {
    let (v, _) = s.value(x);
    v.is_finite() && v.abs() <= 1e-10 * s.scale()
}

fn x_min() -> f64 {
    MIN_GROWTH.ln()
}

fn x_max() -> f64 {
    MAX_RATE.ln_1p()
}

/// Newton's method on x = ln(1 + r) from r = 10 %; `None` unless it settles on a root.
fn newton(s: &Schedule) -> Option<f64> {
    let mut x = 0.1f64.ln_1p();
    for _ in 0..100 {
        let (v, dv) = s.value(x);
        if !(v.is_finite() && dv.is_finite()) || dv == 0.0 {
            return None;
        }
        let next = x - v / dv;
        if !next.is_finite() || next < x_min() || next > x_max() {
            return None;
        }
        if (next - x).abs() <= 1e-14 * x.abs().max(1.0) {
            return is_root(s, next).then_some(next);
        }
        x = next;
    }
    None
}

/// The root in the first bracket found scanning outward from 10 %.
fn bracketed(s: &Schedule) -> Option<f64> {
    const STEP: f64 = 0.05;
    let start = 0.1f64.ln_1p();
    let value = |x: f64| s.value(x).0;
    // Grid points start + k·STEP inside [x_min, x_max], nearest to the start first.
    let steps_down = ((start - x_min()) / STEP).floor() as i64;
    let steps_up = ((x_max() - start) / STEP).floor() as i64;
    let at = |k: i64| start + k as f64 * STEP;
    for d in 0..=steps_down.max(steps_up) {
        for (k0, k1) in [(d, d + 1), (-d - 1, -d)] {
            if k0 < -steps_down || k1 > steps_up {
                continue;
            }
            let (a, b) = (at(k0), at(k1));
            let (va, vb) = (value(a), value(b));
            if va.is_finite() && vb.is_finite() && (va == 0.0 || va.signum() != vb.signum()) {
                if let Some(x) = refine(s, a, b, va) {
                    return Some(x);
                }
            }
        }
    }
    None
}

/// Newton steps kept inside the bracket [a, b] (bisection when a step would leave it).
fn refine(s: &Schedule, mut a: f64, mut b: f64, mut va: f64) -> Option<f64> {
    if va == 0.0 {
        return Some(a);
    }
    let mut x = 0.5 * (a + b);
    for _ in 0..200 {
        let (v, dv) = s.value(x);
        if !v.is_finite() {
            return None;
        }
        if v == 0.0 {
            return Some(x);
        }
        if v.signum() == va.signum() {
            a = x;
            va = v;
        } else {
            b = x;
        }
        let newton = x - v / dv;
        let next = if dv != 0.0 && newton > a.min(b) && newton < a.max(b) {
            newton
        } else {
            0.5 * (a + b)
        };
        if (next - x).abs() <= 1e-15 * x.abs().max(1.0) || (b - a).abs() <= 1e-15 {
            return is_root(s, next).then_some(next);
        }
        x = next;
    }
    is_root(s, x).then_some(x)
}

/// The flows' present value at the annual `rate` (a fraction) on the first flow's date,
/// as Excel's `XNPV`: Σ amount / (1 + rate)^(days/365). Rounded to paise (half to
/// even). Refused: no flow, more than [`MAX_FLOWS`], a flow before the first, a rate at
/// or below −1 (−100 %), or a value too large to represent.
pub fn xnpv(rate: Decimal, flows: &[CashFlow]) -> Result<Decimal, ReturnsError> {
    if rate <= Decimal::NEGATIVE_ONE {
        return Err(ReturnsError::Input {
            field: "rate",
            rule: "must be above -1 (-100 %)",
        });
    }
    let s = Schedule::new(flows, 1)?;
    let too_large = ReturnsError::Input {
        field: "rate",
        rule: "gives a present value too large to represent",
    };
    let x = rate.to_f64().ok_or(too_large.clone())?.ln_1p();
    let (v, _) = s.value(x);
    rounded(v, 2).ok_or(too_large)
}

/// The compound annual growth rate from `start` to `end` over `years`:
/// (end / start)^(1 / years) − 1, a fraction rounded to [`RATE_DECIMALS`] (half to
/// even). Refused: `start` not positive, `end` negative, `years` not positive, or a
/// rate too large to represent.
pub fn cagr(start: Decimal, end: Decimal, years: Decimal) -> Result<Decimal, ReturnsError> {
    let input = |field, rule| ReturnsError::Input { field, rule };
    if start <= Decimal::ZERO {
        return Err(input("start", "must be positive"));
    }
    if end < Decimal::ZERO {
        return Err(input("end", "must not be negative"));
    }
    if years <= Decimal::ZERO {
        return Err(input("years", "must be positive"));
    }
    if end.is_zero() {
        return rounded(-1.0, RATE_DECIMALS).ok_or(input("end", "must not be negative"));
    }
    let too_large = input("years", "gives a rate too large to represent");
    let ratio = end.checked_div(start).ok_or(too_large.clone())?;
    let (ratio, years) = (
        ratio.to_f64().ok_or(too_large.clone())?,
        years.to_f64().ok_or(too_large.clone())?,
    );
    // A ratio too small for a Decimal division is not zero: its logarithm is exact
    // enough from the parts.
    let ln = if ratio > 0.0 {
        ratio.ln()
    } else {
        end.to_f64().unwrap_or(0.0).ln() - start.to_f64().unwrap_or(1.0).ln()
    };
    rounded((ln / years).exp_m1(), RATE_DECIMALS).ok_or(too_large)
}

/// `v` rounded half to even to exactly `decimals` decimals; `None` when it is not
/// finite or too large for a decimal at that scale.
fn rounded(v: f64, decimals: u32) -> Option<Decimal> {
    let mut d = Decimal::from_f64(v)?
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointNearestEven);
    d.rescale(decimals);
    (d.scale() == decimals).then_some(d)
}
