//! Errors of the risk module.

/// Why a risk constraint, a portfolio or a risk-assessment input was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum RiskError {
    /// A constraint type that is not one of the eight known types.
    #[error("constraintType: {name:?} is not a known constraint type (max_equity, min_debt, max_single_fund, max_sector, min_liquid, max_volatility, target_volatility, acceptable_risk_score)")]
    #[strum(serialize = "constraint_unknown_type")]
    UnknownConstraintType {
        /// The type as given (at most 64 characters).
        name: String,
    },
    /// A constraint value outside 0–100 or with more than 4 decimals.
    #[error(
        "constraintValue: must be a number from 0 to 100 with at most 4 decimals (DECIMAL(10,4))"
    )]
    #[strum(serialize = "constraint_value")]
    ConstraintValue,
    /// A constraint row that is not `{constraintType, constraintValue}`.
    #[error("constraint: {rule}")]
    #[strum(serialize = "constraint_format")]
    ConstraintFormat {
        /// What is wrong.
        rule: &'static str,
    },
    /// A portfolio to check has no holdings, or they are all worth zero.
    #[error("holdings: the portfolio is empty or worth nothing")]
    #[strum(serialize = "portfolio_empty")]
    EmptyPortfolio,
    /// An input field breaks a rule.
    #[error("{field}: {rule}")]
    #[strum(serialize = "risk_input")]
    Input {
        /// The field, e.g. `current_portfolio[2].weight`.
        field: String,
        /// The rule, in words.
        rule: &'static str,
    },
}

impl RiskError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> String {
        match self {
            Self::UnknownConstraintType { .. } => "constraintType".to_owned(),
            Self::ConstraintValue => "constraintValue".to_owned(),
            Self::ConstraintFormat { .. } => "constraint".to_owned(),
            Self::EmptyPortfolio => "holdings".to_owned(),
            Self::Input { field, .. } => field.clone(),
        }
    }
}
