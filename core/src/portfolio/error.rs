//! Errors of the portfolio module.

/// Why a portfolio-analysis request, a fund table or a tax table was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum PortfolioError {
    /// A request field breaks a rule (domain.md §8.2).
    #[error("{field}: {rule}")]
    #[strum(serialize = "portfolio_input")]
    Input {
        /// The field, e.g. `holdings[2].amount`.
        field: String,
        /// The rule, in words.
        rule: String,
    },
    /// A fund table (the backend's `{"funds": [...]}` answer) breaks a rule.
    #[error("{field}: {rule}")]
    #[strum(serialize = "portfolio_fund_table")]
    FundTable {
        /// The field, e.g. `funds[7].nav`.
        field: String,
        /// The rule, in words.
        rule: String,
    },
    /// A tax table breaks a rule, or has no regime for a class on the day analysed.
    #[error("{field}: {rule}")]
    #[strum(serialize = "portfolio_tax_table")]
    TaxTable {
        /// The field, e.g. `regimes[1].stcg_rate`.
        field: String,
        /// The rule, in words.
        rule: String,
    },
}

impl PortfolioError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> String {
        match self {
            Self::Input { field, .. }
            | Self::FundTable { field, .. }
            | Self::TaxTable { field, .. } => field.clone(),
        }
    }
}

pub(crate) fn input(field: impl Into<String>, rule: impl Into<String>) -> PortfolioError {
    PortfolioError::Input {
        field: field.into(),
        rule: rule.into(),
    }
}

pub(crate) fn fund_table(field: impl Into<String>, rule: impl Into<String>) -> PortfolioError {
    PortfolioError::FundTable {
        field: field.into(),
        rule: rule.into(),
    }
}

pub(crate) fn tax_table(field: impl Into<String>, rule: impl Into<String>) -> PortfolioError {
    PortfolioError::TaxTable {
        field: field.into(),
        rule: rule.into(),
    }
}
