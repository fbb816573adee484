//! Risk constraints and the risk-v1 assessment (domain.md §6), in exact decimals.
//!
//! - [`RiskConstraint`]: a stored constraint (`constraintType`, `constraintValue`); an
//!   unknown type is an error, never ignored.
//! - [`check_constraints`]: a portfolio against constraints, naming each violation and
//!   by how much; [`check_allocation`]: components (class, percent) against constraints
//!   ([`crate::allocation::check_strategy`] checks a strategy's own with it).
//! - [`assess_risk`]: risk-v1, reproducing today's ML service with decimal arithmetic.
//!   Where today's binary floating point puts a value a hair past a threshold or rounds
//!   a half the other way, the decimal answer is the intended one; each such case met in
//!   the recorded examples is listed in `docs/decisions.md` and tested.

mod assess;
mod constraint;
mod error;

pub use assess::{
    assess_risk, assess_risk_json, assess_risk_value, Fund, RiskAssessment, RiskFactor, RiskLevel,
    RiskProfile, Severity, MAX_PORTFOLIO_FUNDS, MAX_RISK_JSON, MODEL_VERSION, UNKNOWN_SCHEME_NAME,
};
pub use constraint::{
    check_allocation, check_constraints, ConstraintReport, ConstraintType, Holding, NotEvaluated,
    RiskConstraint, Violation,
};
pub use error::RiskError;

use crate::asset::AssetClass;

/// SEBI equity categories as the platform names them (domain.md §6).
pub const EQUITY_CATEGORIES: [&str; 12] = [
    "Large Cap",
    "Mid Cap",
    "Small Cap",
    "Flexi Cap",
    "Multi Cap",
    "ELSS",
    "Focused",
    "Value",
    "Contra",
    "Dividend Yield",
    "Sectoral",
    "Thematic",
];
/// SEBI debt categories (domain.md §6).
pub const DEBT_CATEGORIES: [&str; 11] = [
    "Liquid",
    "Ultra Short Duration",
    "Low Duration",
    "Money Market",
    "Short Duration",
    "Medium Duration",
    "Corporate Bond",
    "Banking and PSU",
    "Gilt",
    "Dynamic Bond",
    "Credit Risk",
];
/// SEBI hybrid categories (domain.md §6).
pub const HYBRID_CATEGORIES: [&str; 6] = [
    "Aggressive Hybrid",
    "Conservative Hybrid",
    "Balanced Advantage",
    "Multi Asset Allocation",
    "Equity Savings",
    "Arbitrage",
];

/// The asset class of a category (exact match: case and spaces count), if it is one of
/// the SEBI categories above.
pub fn category_class(category: &str) -> Option<AssetClass> {
    if EQUITY_CATEGORIES.contains(&category) {
        Some(AssetClass::Equity)
    } else if DEBT_CATEGORIES.contains(&category) {
        Some(AssetClass::Debt)
    } else if HYBRID_CATEGORIES.contains(&category) {
        Some(AssetClass::Hybrid)
    } else {
        None
    }
}
