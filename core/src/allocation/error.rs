//! Errors of the allocation module.

/// Why an allocation, strategy, blend, split or rebalance was refused.
///
/// Messages name the field and the rule; they quote fund ids and labels (which are not
/// personal data) but never amounts the caller typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AllocationError {
    /// An allocation or strategy has no parts.
    #[error("{field}: at least one part is required")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// The percents do not add up to exactly 100.00.
    #[error("{field}: percents must sum to exactly 100.00, they sum to {actual}")]
    Sum {
        /// The field.
        field: &'static str,
        /// The actual sum, e.g. `"99.99"`.
        actual: String,
    },
    /// The same asset class, persona or fund appears twice.
    #[error("{field}: {name:?} appears more than once")]
    Duplicate {
        /// The field.
        field: &'static str,
        /// The repeated key.
        name: String,
    },
    /// An asset-class name that is not one of the known classes.
    #[error("{field}: {name:?} is not an asset class (equity, debt, hybrid, gold, international, liquid, alternatives)")]
    UnknownClass {
        /// The field.
        field: &'static str,
        /// The name as given (at most 64 characters).
        name: String,
    },
    /// A persona slug that is not in the catalogue.
    #[error("{field}: {name:?} is not a persona (capital-guardian, balanced-voyager, accelerated-builder)")]
    UnknownPersona {
        /// The field.
        field: &'static str,
        /// The slug as given (at most 64 characters).
        name: String,
    },
    /// A value breaks a rule (negative weight, too many decimals, zero multiple, …).
    #[error("{field}: {rule}")]
    Invalid {
        /// The field, e.g. `funds[2].multiple`.
        field: String,
        /// The rule, in words.
        rule: &'static str,
    },
    /// Every weight is zero.
    #[error("{field}: at least one weight must be greater than zero")]
    ZeroWeights {
        /// The field.
        field: &'static str,
    },
    /// More items than accepted in one call.
    #[error("{field}: at most {max} items are accepted")]
    TooMany {
        /// The field.
        field: &'static str,
        /// The limit.
        max: usize,
    },
    /// A strategy document could not be read.
    #[error("strategy: {rule}")]
    StrategyFormat {
        /// What is wrong, in words (never the document's values).
        rule: String,
    },
    /// The amount is too small to give every fund its minimum.
    #[error("amount: giving each of the {funds} funds its minimum needs at least {needed}, {short} more than the amount")]
    BelowMinimum {
        /// Number of funds with a positive weight.
        funds: usize,
        /// The smallest amount that gives every fund its minimum (formatted).
        needed: String,
        /// How much is missing (formatted).
        short: String,
    },
    /// The amount is not a multiple of the step every fund amount moves in.
    #[error("amount: must be a multiple of {step}, the common step of the funds' multiples")]
    NotMultiple {
        /// The common step (formatted).
        step: String,
    },
    /// No combination of the funds' multiples reaches the amount exactly.
    #[error("amount: no combination of the funds' multiples adds up to the amount exactly ({left} would be left over)")]
    Unreachable {
        /// What would be left over (formatted).
        left: String,
    },
    /// An amount must be greater than zero.
    #[error("{field}: must be greater than zero")]
    NotPositive {
        /// The field.
        field: &'static str,
    },
    /// There is nothing to rebalance.
    #[error("holdings: the portfolio is empty and there is no new money")]
    NothingToRebalance,
    /// A risk-constraint row of a strategy was refused; the code is the risk error's.
    #[error("strategy.constraints[{index}]: {source}")]
    Constraint {
        /// Position of the row.
        index: usize,
        /// Why it was refused.
        source: crate::risk::RiskError,
    },
    /// The total is above the largest amount.
    #[error("{field}: the total is above the largest amount")]
    Overflow {
        /// The field.
        field: &'static str,
    },
}

impl AllocationError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "allocation_empty",
        "allocation_sum",
        "allocation_duplicate",
        "allocation_unknown_class",
        "allocation_unknown_persona",
        "allocation_invalid",
        "allocation_zero_weights",
        "allocation_too_many",
        "strategy_format",
        "split_below_minimum",
        "split_not_multiple",
        "split_unreachable",
        "allocation_not_positive",
        "rebalance_empty",
        "allocation_overflow",
    ];

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "allocation_empty",
            Self::Sum { .. } => "allocation_sum",
            Self::Duplicate { .. } => "allocation_duplicate",
            Self::UnknownClass { .. } => "allocation_unknown_class",
            Self::UnknownPersona { .. } => "allocation_unknown_persona",
            Self::Invalid { .. } => "allocation_invalid",
            Self::ZeroWeights { .. } => "allocation_zero_weights",
            Self::TooMany { .. } => "allocation_too_many",
            Self::StrategyFormat { .. } => "strategy_format",
            Self::BelowMinimum { .. } => "split_below_minimum",
            Self::NotMultiple { .. } => "split_not_multiple",
            Self::Unreachable { .. } => "split_unreachable",
            Self::NotPositive { .. } => "allocation_not_positive",
            Self::NothingToRebalance => "rebalance_empty",
            Self::Overflow { .. } => "allocation_overflow",
            Self::Constraint { source, .. } => source.code(),
        }
    }

    /// The field the error is about.
    pub fn field(&self) -> String {
        match self {
            Self::Empty { field }
            | Self::Sum { field, .. }
            | Self::Duplicate { field, .. }
            | Self::UnknownClass { field, .. }
            | Self::UnknownPersona { field, .. }
            | Self::ZeroWeights { field }
            | Self::TooMany { field, .. }
            | Self::NotPositive { field }
            | Self::Overflow { field } => (*field).to_owned(),
            Self::Invalid { field, .. } => field.clone(),
            Self::StrategyFormat { .. } => "strategy".to_owned(),
            Self::BelowMinimum { .. } | Self::NotMultiple { .. } | Self::Unreachable { .. } => {
                "amount".to_owned()
            }
            Self::NothingToRebalance => "holdings".to_owned(),
            Self::Constraint { index, .. } => format!("strategy.constraints[{index}]"),
        }
    }
}

/// The first 64 characters of a caller's key, for messages.
pub(crate) fn shown(name: &str) -> String {
    name.chars().take(64).collect()
}
