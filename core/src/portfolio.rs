//! Portfolio analysis, `portfolio-analyzer-v1` (domain.md §8), in exact decimals.
//!
//! - [`FundTable`]: the fund data, loaded by the caller from the backend's answer
//!   ([`FundTable::from_json`]) or the service's five fallback funds
//!   ([`FundTable::fallback`]); never fetched here.
//! - [`TaxTable`]: capital-gains rules as dated data. [`TaxTable::parity`] is today's
//!   constants; [`TaxTable::equity_2024`] adds equity-oriented funds' rates from
//!   2024-07-23. Every tax text is written from the table's figures.
//! - [`PortfolioRequest`]: the request body, read strictly or in today's lax
//!   [`ValidationMode::Compat`].
//! - [`analyze_portfolio`] → [`PortfolioAnalysis`], whose serde form and
//!   [`PortfolioAnalysis::to_json`] have today's keys in today's order.
//!
//! `today` is always an argument: the rules never read the clock.
//!
//! ```
//! use sparrow_core::portfolio::{analyze_portfolio_json, FundTable, TaxTable};
//! use sparrow_core::profile::ValidationMode;
//! let funds = FundTable::from_json(r#"{"funds": [
//!     {"scheme_code": 1, "scheme_name": "A Large Cap", "category": "Large Cap",
//!      "asset_class": "equity", "nav": 100, "return_1y": 12, "return_3y": 14,
//!      "volatility": 15, "sharpe_ratio": 0.9, "expense_ratio": 0.5}]}"#).unwrap();
//! let request = r#"{"holdings": [{"scheme_code": 1, "amount": 1000, "purchase_date": "2024-01-01",
//!     "purchase_amount": 800}], "target_allocation": {"equity": 0.6, "debt": 0.4}, "profile": {}}"#;
//! let today = sparrow_core::contract::returns::parse_date("2025-06-30", "today").unwrap();
//! let a = analyze_portfolio_json(request, &funds, &TaxTable::parity().unwrap(), today,
//!     ValidationMode::Strict).unwrap();
//! assert_eq!(a.rebalancing_actions[0].transaction_amount.to_string(), "-400.00");
//! assert_eq!(a.summary.tax_impact_summary, "No significant tax impact expected");
//! ```

mod analyze;
mod error;
mod funds;
mod output;
mod request;
mod tax;

use serde_json::Value;
use time::Date;

pub use analyze::{analyze_portfolio, FRACTION_DECIMALS, MODEL_VERSION};
pub use error::PortfolioError;
pub use funds::{
    category_class, FundData, FundTable, ASSET_CLASSES, MAX_FUNDS, MAX_FUND_TABLE_JSON,
    MAX_FUND_TEXT_CHARS, MAX_METRIC, METRIC_DECIMALS,
};
pub use output::{
    ActionKind, AnalysisSummary, AnalyzedHolding, CategoryShare, ClassFractions, CurrentMetrics,
    PortfolioAnalysis, Priority, RebalancingAction, TaxStatus,
};
pub use request::{
    HoldingInput, PortfolioRequest, TargetAllocation, MAX_HOLDINGS, MAX_REQUEST_JSON,
    MAX_REQUEST_TEXT_CHARS, TARGET_DECIMALS,
};
pub use tax::{LongTermAfter, TaxRegime, TaxTable, MAX_REGIMES, MAX_TAX_TABLE_JSON, RATE_DECIMALS};

pub use crate::profile::ValidationMode;

/// Reads a request body and analyses it ([`analyze_portfolio`]).
///
/// Both modes: `holdings` is a list of 1 to [`MAX_HOLDINGS`] objects; `target_allocation`
/// an object of fractions from 0 to 1 (absent classes are 0, no rule on the sum);
/// `profile` an object, never read; `request_id` a string or null. Each holding has a
/// whole-number `scheme_code` and optional `scheme_name`, `amount` and `purchase_amount`
/// (rupees ≥ 0, at most ₹999,999,999,999.99), `units` (≥ 0), `purchase_date`, and
/// `purchase_price` (≥ 0, never used).
///
/// - [`ValidationMode::Strict`]: JSON numbers only, amounts with at most 2 decimals,
///   units 3, targets 12; dates `YYYY-MM-DD`; unknown keys refused.
/// - [`ValidationMode::Compat`] (today's pydantic lax mode): numeric strings too
///   (`"138081"`); amounts rounded half-even to the paisa, units to 3 decimals and
///   targets to 12 (float inputs such as `0.14300000000000002`); a datetime with a zero
///   time or a Unix time at midnight UTC as a date; unknown keys ignored.
///
/// The first problem found is refused as `portfolio_input` naming the field
/// (`holdings[2].amount`).
pub fn analyze_portfolio_value(
    request: &Value,
    funds: &FundTable,
    tax: &TaxTable,
    today: Date,
    mode: ValidationMode,
) -> Result<PortfolioAnalysis, PortfolioError> {
    let request = PortfolioRequest::from_value(request, mode)?;
    analyze_portfolio(&request, funds, tax, today)
}

/// The separate check domain.md §8.2 offers: `target` (an object whose keys are among the
/// six classes and whose values are fractions, as numbers or decimal strings, never
/// rounded) adds up to exactly 1. Parity analysis does not apply it.
pub fn check_target_allocation(target: &Value) -> Result<TargetAllocation, PortfolioError> {
    let Value::Object(map) = target else {
        return Err(error::input("target_allocation", "must be an object"));
    };
    if let Some(k) = map.keys().find(|k| !ASSET_CLASSES.contains(&k.as_str())) {
        let shown: String = k.chars().take(64).collect();
        return Err(error::input(
            format!("target_allocation.{shown}"),
            "is not an asset class",
        ));
    }
    let mut fractions = [rust_decimal::Decimal::ZERO; 6];
    for (slot, class) in fractions.iter_mut().zip(ASSET_CLASSES) {
        if let Some(v) = map.get(class) {
            *slot = crate::exact::json_decimal(v).ok_or_else(|| {
                error::input(
                    format!("target_allocation.{class}"),
                    "must be a decimal number or text",
                )
            })?;
        }
    }
    let t = TargetAllocation::from_fractions(fractions)?;
    t.check_sums_to_one()?;
    Ok(t)
}

/// [`analyze_portfolio_value`] for a JSON text of at most [`MAX_REQUEST_JSON`] bytes
/// (a key given twice in one object is refused).
pub fn analyze_portfolio_json(
    text: &str,
    funds: &FundTable,
    tax: &TaxTable,
    today: Date,
    mode: ValidationMode,
) -> Result<PortfolioAnalysis, PortfolioError> {
    if text.len() > MAX_REQUEST_JSON {
        return Err(error::input("request", "must be at most 4 MiB of JSON"));
    }
    let value = crate::json::parse(text).map_err(|e| error::input("request", e.to_string()))?;
    analyze_portfolio_value(&value, funds, tax, today, mode)
}
