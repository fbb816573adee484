//! Errors of the boundary itself: an option spelled wrongly, or a host value that
//! cannot become the JSON a record validator reads.

use strum::{IntoStaticStr, VariantNames};

/// The deepest nesting of a host value (dicts, lists, objects) converted to JSON.
pub const MAX_INPUT_DEPTH: usize = 64;

/// The most characters in one number of a host value (Python's own limit for
/// `int(str)` is 4,300 digits).
pub const MAX_NUMBER_CHARS: usize = 4_300;

/// An argument of an api.md function that is not one of its allowed values, or a host
/// value a binding cannot hand to core. Each variant names the argument (`field`) and,
/// where there is a closed set, the values allowed (`allowed`), so every binding
/// reports the same code and text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, IntoStaticStr, VariantNames)]
#[non_exhaustive]
pub enum ArgumentError {
    /// A validation mode other than `strict` or `compat`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "mode_unknown")]
    Mode {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A password policy other than `seed`, `recommended` or `nist`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "policy_unknown")]
    Policy {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A token use other than `access` or `refresh`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "token_use_unknown")]
    TokenUse {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A role name that is not one of the six roles.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "role_unknown")]
    Role {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A k-means algorithm other than `lloyd` or `minibatch`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "algorithm_unknown")]
    Algorithm {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A trade side other than `buy` or `sell`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "trade_side_unknown")]
    TradeSide {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A risk level or severity spelled otherwise than in risk-v1's JSON.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "risk_level_unknown")]
    RiskLevel {
        /// The argument.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A host value nested deeper than [`MAX_INPUT_DEPTH`].
    #[error("{field}: nested more than {max} levels deep")]
    #[strum(serialize = "input_too_deep")]
    TooDeep {
        /// The argument.
        field: &'static str,
        /// The deepest nesting accepted.
        max: usize,
    },
    /// A NaN or an infinity where a JSON value is read (JSON has neither).
    #[error("{field}: NaN and infinities are refused")]
    #[strum(serialize = "input_not_finite")]
    NotFinite {
        /// The argument.
        field: &'static str,
    },
    /// A number with more than [`MAX_NUMBER_CHARS`] characters, or none that JSON can
    /// carry.
    #[error("{field}: not a JSON number of at most {max} characters")]
    #[strum(serialize = "input_number")]
    Number {
        /// The argument.
        field: &'static str,
        /// The most characters accepted.
        max: usize,
    },
    /// Text that is not Unicode: a host string with a lone surrogate (U+D800–U+DFFF),
    /// which no UTF-8 text can hold.
    #[error(
        "{field}: the text contains a lone surrogate (U+D800 to U+DFFF) and is not valid Unicode"
    )]
    #[strum(serialize = "input_not_unicode")]
    NotUnicode {
        /// The argument.
        field: &'static str,
    },
    /// A host value (a dict, list or str read as a record) larger than the JSON text
    /// the same record may take; nothing past the limit was read.
    #[error("{field}: larger than {max} bytes as JSON")]
    #[strum(serialize = "input_too_large")]
    TooLarge {
        /// The argument.
        field: &'static str,
        /// The limit, in bytes of JSON text.
        max: usize,
    },
    /// A date-time without a time zone where an instant is meant.
    #[error("{field}: a date-time without a time zone is ambiguous; give it one")]
    #[strum(serialize = "time_zone_missing")]
    TimeZoneMissing {
        /// The argument.
        field: &'static str,
    },
    /// A time that is not whole Unix seconds in range (a fraction, NaN, out of `i64`).
    #[error("{field}: must be whole Unix seconds")]
    #[strum(serialize = "time_invalid")]
    TimeInvalid {
        /// The argument.
        field: &'static str,
    },
    /// A host value of the wrong type (a JS number that is not a safe integer, a
    /// boolean or a BigInt where a decimal is meant; a number where text is meant; …).
    /// Bindings raise their language's type error with this code.
    #[error("{field}: expected {expected}")]
    #[strum(serialize = "input_type")]
    Type {
        /// The argument.
        field: &'static str,
        /// What is accepted, in words (`"a decimal string or a safe integer"`).
        expected: &'static str,
    },
    /// Reading a host value ran the caller's code and it threw (a getter, a Proxy
    /// trap): nothing of the value was used.
    #[error(
        "{field}: reading the value threw an exception (a getter or a Proxy trap); pass plain data"
    )]
    #[strum(serialize = "input_unreadable")]
    Unreadable {
        /// The argument.
        field: &'static str,
    },
    /// The caller's `AbortSignal` fired before the work started (hashing cannot stop
    /// half-way; training stops at its next step with `persona_cancelled`).
    #[error("{field}: the operation was aborted before it started")]
    #[strum(serialize = "aborted")]
    Aborted {
        /// The argument.
        field: &'static str,
    },
    /// A batch function's `errors=` other than `null` (a bad row gives nulls and its
    /// code in the `error` column) or `raise`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "row_errors_unknown")]
    RowErrors {
        /// The argument.
        field: &'static str,
        /// The spellings.
        allowed: &'static str,
    },
    /// A batch function was asked to carry a column through (`keep=`) that the data
    /// does not have.
    #[error("{field}: the data has no column {column:?}")]
    #[strum(serialize = "column_missing")]
    ColumnMissing {
        /// The argument.
        field: &'static str,
        /// The column asked for (its first 64 characters).
        column: String,
    },
    /// A batch function's data with two columns of one name, or a `keep=` column named
    /// like a result column: which one a row means would be a guess, so neither is used.
    #[error(
        "{field}: the column {column:?} appears twice (in the data, or kept and in the result)"
    )]
    #[strum(serialize = "column_duplicate")]
    ColumnDuplicate {
        /// The argument.
        field: &'static str,
        /// The column (its first 64 characters).
        column: String,
    },
    /// An options object (Node's trailing `{…}`) with a key that is no option of the
    /// function: a misspelt option is refused, never ignored.
    #[error("{field}: has a key that is not one of {allowed}")]
    #[strum(serialize = "option_unknown")]
    OptionUnknown {
        /// The argument.
        field: &'static str,
        /// The options the function takes.
        allowed: &'static str,
    },
    /// A transaction `kind` other than `purchase`, `sip`, `redemption` or `dividend`.
    #[error("{field}: must be one of {allowed}")]
    #[strum(serialize = "transaction_kind_unknown")]
    TransactionKind {
        /// The argument.
        field: &'static str,
        /// The spellings.
        allowed: &'static str,
    },
    /// A date given as text that is not a calendar date written `YYYY-MM-DD` (RFC 3339
    /// full-date: four-digit year, two-digit month and day, a day the month has).
    #[error("{field}: must be a calendar date written YYYY-MM-DD")]
    #[strum(serialize = "date_invalid")]
    DateInvalid {
        /// The argument.
        field: &'static str,
    },
}

impl ArgumentError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = Self::VARIANTS;

    /// The stable machine code (snake_case).
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The argument the error is about.
    pub fn field(&self) -> &'static str {
        self.context().0
    }

    /// The allowed values, for the variants of a closed set (structured context, as a
    /// binding may show it as a list).
    pub fn allowed(&self) -> Option<&'static str> {
        self.context().1
    }

    fn context(&self) -> (&'static str, Option<&'static str>) {
        match self {
            Self::Mode { field, allowed }
            | Self::Policy { field, allowed }
            | Self::TokenUse { field, allowed }
            | Self::Role { field, allowed }
            | Self::Algorithm { field, allowed }
            | Self::TradeSide { field, allowed }
            | Self::RiskLevel { field, allowed }
            | Self::OptionUnknown { field, allowed }
            | Self::TransactionKind { field, allowed }
            | Self::RowErrors { field, allowed } => (field, Some(allowed)),
            Self::TooDeep { field, .. }
            | Self::NotFinite { field }
            | Self::Number { field, .. }
            | Self::TimeZoneMissing { field }
            | Self::NotUnicode { field }
            | Self::TooLarge { field, .. }
            | Self::Type { field, .. }
            | Self::Unreadable { field }
            | Self::Aborted { field }
            | Self::ColumnMissing { field, .. }
            | Self::ColumnDuplicate { field, .. }
            | Self::TimeInvalid { field }
            | Self::DateInvalid { field } => (field, None),
        }
    }

    /// The same error, said of another argument.
    #[must_use]
    pub fn for_field(mut self, name: &'static str) -> Self {
        match &mut self {
            Self::Mode { field, .. }
            | Self::Policy { field, .. }
            | Self::TokenUse { field, .. }
            | Self::Role { field, .. }
            | Self::Algorithm { field, .. }
            | Self::TradeSide { field, .. }
            | Self::RiskLevel { field, .. }
            | Self::TransactionKind { field, .. }
            | Self::TooDeep { field, .. }
            | Self::NotFinite { field }
            | Self::Number { field, .. }
            | Self::TimeZoneMissing { field }
            | Self::NotUnicode { field }
            | Self::TooLarge { field, .. }
            | Self::Type { field, .. }
            | Self::Unreadable { field }
            | Self::Aborted { field }
            | Self::OptionUnknown { field, .. }
            | Self::RowErrors { field, .. }
            | Self::ColumnMissing { field, .. }
            | Self::ColumnDuplicate { field, .. }
            | Self::TimeInvalid { field }
            | Self::DateInvalid { field } => *field = name,
        }
        self
    }
}

/// The most a host value read as a record may hold, in bytes of the JSON text it
/// stands for: the cap on JSON text records (`MAX_PROFILE_JSON`, 64 KiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// What is left of [`MAX_INPUT_BYTES`] while a binding converts one host value (a dict,
/// list, …) to JSON: each key, string and number spends its length, each value one
/// more, so a value the size of a 64 KiB JSON document is refused as its text would be
/// — after at most that much work, never after reading a million keys.
#[derive(Debug, Clone)]
pub struct InputBudget {
    left: usize,
    max: usize,
    field: &'static str,
}

impl InputBudget {
    /// A fresh budget of [`MAX_INPUT_BYTES`] for the argument `field`.
    pub fn new(field: &'static str) -> Self {
        Self::with_limit(field, MAX_INPUT_BYTES)
    }

    /// A budget of `max` bytes: the JSON-text cap of the record read (e.g. 1 MiB for a
    /// risk request, `risk::MAX_RISK_JSON`).
    pub fn with_limit(field: &'static str, max: usize) -> Self {
        InputBudget {
            left: max,
            max,
            field,
        }
    }

    /// Spends `bytes` (plus one for the value itself), or refuses with `input_too_large`.
    pub fn spend(&mut self, bytes: usize) -> Result<(), ArgumentError> {
        match self.left.checked_sub(bytes.saturating_add(1)) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => {
                self.left = 0;
                Err(ArgumentError::TooLarge {
                    field: self.field,
                    max: self.max,
                })
            }
        }
    }

    /// Refuses a container of `items` entries before any is read, if even one byte each
    /// would exceed what is left.
    pub fn check_len(&self, items: usize) -> Result<(), ArgumentError> {
        if items > self.left {
            return Err(ArgumentError::TooLarge {
                field: self.field,
                max: self.max,
            });
        }
        Ok(())
    }
}

/// Refuses nesting deeper than [`MAX_INPUT_DEPTH`] (a binding calls this at each level
/// of a host value it converts).
pub fn check_depth(depth: usize, field: &'static str) -> Result<(), ArgumentError> {
    if depth > MAX_INPUT_DEPTH {
        return Err(ArgumentError::TooDeep {
            field,
            max: MAX_INPUT_DEPTH,
        });
    }
    Ok(())
}

/// A host number's text (Python's `repr(float)`, `str(int)`, `str(Decimal)`) as a JSON
/// number, read from its literal: bounded, and never through a binary float.
pub fn json_number(text: &str, field: &'static str) -> Result<serde_json::Number, ArgumentError> {
    let err = ArgumentError::Number {
        field,
        max: MAX_NUMBER_CHARS,
    };
    if text.len() > MAX_NUMBER_CHARS {
        return Err(err);
    }
    if [
        "nan",
        "inf",
        "-inf",
        "infinity",
        "-infinity",
        "snan",
        "-nan",
        "+inf",
    ]
    .iter()
    .any(|w| text.eq_ignore_ascii_case(w))
    {
        return Err(ArgumentError::NotFinite { field });
    }
    text.parse::<serde_json::Number>().map_err(|_| err)
}

/// Whole Unix seconds from a host number that may not be whole (a JS number, a float
/// timestamp): a fraction, NaN, an infinity or a value outside `i64` is refused, never
/// truncated.
pub fn unix_seconds(value: f64, field: &'static str) -> Result<i64, ArgumentError> {
    // i64::MAX is not representable as f64; the largest f64 below 2^63 is.
    const LIMIT: f64 = 9_223_372_036_854_775_807.0;
    if !value.is_finite() || value.fract() != 0.0 || !(-LIMIT..LIMIT).contains(&value) {
        return Err(ArgumentError::TimeInvalid { field });
    }
    #[allow(clippy::cast_possible_truncation)] // whole and in range, checked above
    Ok(value as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_from_the_variants() {
        assert!(ArgumentError::CODES.contains(&"mode_unknown"));
        assert_eq!(
            ArgumentError::NotFinite { field: "x" }.code(),
            "input_not_finite"
        );
        assert_eq!(ArgumentError::CODES.len(), 23);
        let mut budget = InputBudget::new("input");
        assert!(budget.check_len(MAX_INPUT_BYTES).is_ok());
        assert!(budget.check_len(MAX_INPUT_BYTES + 1).is_err());
        assert!(budget.spend(MAX_INPUT_BYTES - 1).is_ok());
        assert_eq!(budget.spend(0).unwrap_err().code(), "input_too_large");
    }

    #[test]
    fn numbers() {
        assert_eq!(json_number("1.50", "x").unwrap().to_string(), "1.50");
        assert_eq!(
            json_number("NaN", "x").unwrap_err().code(),
            "input_not_finite"
        );
        assert_eq!(
            json_number("-Infinity", "x").unwrap_err().code(),
            "input_not_finite"
        );
        assert_eq!(json_number("1..2", "x").unwrap_err().code(), "input_number");
        assert_eq!(
            json_number(&"9".repeat(5000), "x").unwrap_err().code(),
            "input_number"
        );
        assert_eq!(check_depth(65, "x").unwrap_err().code(), "input_too_deep");
        assert!(check_depth(64, "x").is_ok());
    }

    #[test]
    fn seconds() {
        assert_eq!(unix_seconds(1_795_000_000.0, "now"), Ok(1_795_000_000));
        for bad in [1.5, f64::NAN, f64::INFINITY, 1e19, -1e19] {
            assert_eq!(unix_seconds(bad, "now").unwrap_err().code(), "time_invalid");
        }
    }
}
