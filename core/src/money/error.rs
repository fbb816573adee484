//! Errors of the money module.

/// Why an amount, percent, NAV, units value or weight list was refused.
///
/// Every variant names the field it is about (`field`: `"amount"` for
/// [`parse_money`](crate::money::parse_money), the record field inside a profile, …) and
/// carries a stable [`code`](MoneyError::code). Messages never contain the input text.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum MoneyError {
    /// The text was empty or only whitespace.
    #[error("{field}: a value is required but the text is empty")]
    #[strum(serialize = "money_empty")]
    Empty {
        /// The field the value was for.
        field: &'static str,
    },
    /// The text is longer than the parser accepts.
    #[error("{field}: the text is longer than {max} bytes")]
    #[strum(serialize = "money_too_long")]
    TooLong {
        /// The field the value was for.
        field: &'static str,
        /// The largest accepted length in bytes.
        max: usize,
    },
    /// The text does not follow the grammar (stray characters, exponents, signs, …).
    #[error("{field}: {rule}")]
    #[strum(serialize = "money_syntax")]
    Syntax {
        /// The field the value was for.
        field: &'static str,
        /// The grammar rule that was broken, in words.
        rule: &'static str,
    },
    /// Digit groups are malformed (neither 12,34,567 nor 1,234,567).
    #[error("{field}: digit groups must be Indian (12,34,567) or Western (1,234,567) style")]
    #[strum(serialize = "money_grouping")]
    Grouping {
        /// The field the value was for.
        field: &'static str,
    },
    /// More decimal places than the quantity has (money and percents 2, units 3, NAV 4).
    #[error("{field}: must be exact to {scale} decimal places; nothing is rounded silently")]
    #[strum(serialize = "money_precision")]
    Precision {
        /// The field the value was for.
        field: &'static str,
        /// The quantity's number of decimal places.
        scale: u32,
    },
    /// Outside the quantity's range.
    #[error("{field}: must be between {min} and {max}")]
    #[strum(serialize = "money_out_of_range")]
    OutOfRange {
        /// The field the value was for.
        field: &'static str,
        /// The smallest allowed value, as text.
        min: &'static str,
        /// The largest allowed value, as text.
        max: &'static str,
    },
    /// Negative where only zero or more is allowed.
    #[error("{field}: must not be negative")]
    #[strum(serialize = "money_negative")]
    Negative {
        /// The field the value was for.
        field: &'static str,
    },
    /// Zero or negative where only a positive value is allowed (NAVs, divisors).
    #[error("{field}: must be greater than zero")]
    #[strum(serialize = "money_not_positive")]
    NotPositive {
        /// The field the value was for.
        field: &'static str,
    },
    /// A binary floating-point number (or a boolean) was offered for an exact quantity.
    #[error("{field}: binary floating-point numbers and booleans are refused; pass a decimal string or an integer")]
    #[strum(serialize = "money_not_exact")]
    NotExact {
        /// The field the value was for.
        field: &'static str,
    },
    /// An arithmetic result left the quantity's range.
    #[error("{field}: the result of {op} is outside the allowed range")]
    #[strum(serialize = "money_overflow")]
    Overflow {
        /// The field the value was for.
        field: &'static str,
        /// The operation, e.g. `"addition"`.
        op: &'static str,
    },
    /// `allocate` was given no weights.
    #[error("weights: at least one weight is required")]
    #[strum(serialize = "allocate_no_weights")]
    NoWeights,
    /// `allocate` was given more weights than it accepts.
    #[error("weights: at most {max} weights are accepted")]
    #[strum(serialize = "allocate_too_many_weights")]
    TooManyWeights {
        /// The largest accepted number of weights.
        max: usize,
    },
    /// A weight is negative.
    #[error("weights[{index}]: a weight must not be negative")]
    #[strum(serialize = "allocate_negative_weight")]
    NegativeWeight {
        /// Position of the weight.
        index: usize,
    },
    /// All weights are zero, so there is nothing to split by.
    #[error("weights: at least one weight must be greater than zero")]
    #[strum(serialize = "allocate_zero_weights")]
    ZeroWeights,
    /// A weight is too large or too fine to split exactly.
    #[error("weights[{index}]: a weight must be below 1e12 with at most 12 decimal places")]
    #[strum(serialize = "allocate_weight_precision")]
    WeightPrecision {
        /// Position of the weight.
        index: usize,
    },
}

impl MoneyError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error (snake_case, never reused).
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about (`"weights"` for the allocation errors).
    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { field }
            | Self::TooLong { field, .. }
            | Self::Syntax { field, .. }
            | Self::Grouping { field }
            | Self::Precision { field, .. }
            | Self::OutOfRange { field, .. }
            | Self::Negative { field }
            | Self::NotPositive { field }
            | Self::NotExact { field }
            | Self::Overflow { field, .. } => field,
            Self::NoWeights
            | Self::TooManyWeights { .. }
            | Self::NegativeWeight { .. }
            | Self::ZeroWeights
            | Self::WeightPrecision { .. } => "weights",
        }
    }

    /// The same error, said of another field (a record validator names its own fields).
    #[must_use]
    pub fn for_field(mut self, name: &'static str) -> Self {
        match &mut self {
            Self::Empty { field }
            | Self::TooLong { field, .. }
            | Self::Syntax { field, .. }
            | Self::Grouping { field }
            | Self::Precision { field, .. }
            | Self::OutOfRange { field, .. }
            | Self::Negative { field }
            | Self::NotPositive { field }
            | Self::NotExact { field }
            | Self::Overflow { field, .. } => *field = name,
            Self::NoWeights
            | Self::TooManyWeights { .. }
            | Self::NegativeWeight { .. }
            | Self::ZeroWeights
            | Self::WeightPrecision { .. } => {}
        }
        self
    }
}
