//! The one error of the Swift and Kotlin packages, and the readers of decimals.

use rust_decimal::Decimal;
use sparrow_core::contract::{parse_number_literal, ErrorRecord};
use sparrow_core::money::Money;

/// One problem of an error: `{field, code, message}` (the message never holds the
/// value).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldProblem {
    /// The field or argument the problem is about.
    pub field: String,
    /// The stable code (`pan_format`, …).
    pub code: String,
    /// The human text.
    pub message: String,
}

/// What every sparrow-core function throws: `SparrowException` in Kotlin,
/// `SparrowError` in Swift. One case whose fields are the core's error record —
/// `code` (stable, snake_case; constants in `ErrorCode`), `detail` (the human text,
/// never the value; `message` cannot be a field name in Kotlin), `kind`
/// (`input`, `money`, `password_policy`, `token`, `config`, `model`) and `errors`
/// (every `{field, code, message}`, one for a single-value error). Codes are data,
/// not cases, so a new code breaks no `when` or `switch`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum SparrowError {
    /// A refusal by the core (the only case).
    #[error("{detail}")]
    Failure {
        /// The stable code of the error as a whole (`profile_invalid` for a record).
        code: String,
        /// The human text (never the value or secret).
        detail: String,
        /// The category.
        kind: String,
        /// Every problem.
        errors: Vec<FieldProblem>,
    },
}

#[uniffi::export]
impl SparrowError {
    /// The stable code (also the case's `code` field).
    pub fn code(&self) -> String {
        let SparrowError::Failure { code, .. } = self;
        code.clone()
    }

    /// The human text (also the case's `detail` field).
    pub fn detail(&self) -> String {
        let SparrowError::Failure { detail, .. } = self;
        detail.clone()
    }

    /// The category (also the case's `kind` field).
    pub fn kind(&self) -> String {
        let SparrowError::Failure { kind, .. } = self;
        kind.clone()
    }

    /// Every problem (also the case's `errors` field).
    pub fn errors(&self) -> Vec<FieldProblem> {
        let SparrowError::Failure { errors, .. } = self;
        errors.clone()
    }
}

impl From<sparrow_core::Error> for SparrowError {
    fn from(e: sparrow_core::Error) -> Self {
        let r = ErrorRecord::from(&e);
        SparrowError::Failure {
            code: r.code,
            detail: r.message,
            kind: r.kind.as_str().to_owned(),
            errors: r
                .errors
                .into_iter()
                .map(|f| FieldProblem {
                    field: f.field,
                    code: f.code,
                    message: f.message,
                })
                .collect(),
        }
    }
}

/// `Result` of every export.
pub type Result<T> = std::result::Result<T, SparrowError>;

/// Any core error into the exported one.
pub(crate) trait OrFail<T> {
    fn or_fail(self) -> Result<T>;
}

impl<T, E: Into<sparrow_core::Error>> OrFail<T> for std::result::Result<T, E> {
    fn or_fail(self) -> Result<T> {
        self.map_err(|e| SparrowError::from(e.into()))
    }
}

/// An exact decimal crossing the boundary as decimal text: `java.math.BigDecimal` in
/// Kotlin (lowered with `toPlainString()`), `Foundation.Decimal` in Swift. Results are
/// at the type's fixed scale (`"1250.50"` → `BigDecimal` with scale 2).
///
/// The text is read where the argument is used, so a value that does not fit (more
/// than 28 decimals, 29 digits) is a coded error naming the argument, never a panic
/// inside the generated code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ExactDecimal(pub String);

uniffi::custom_newtype!(ExactDecimal, String);

impl From<Decimal> for ExactDecimal {
    fn from(d: Decimal) -> Self {
        ExactDecimal(d.to_string())
    }
}

impl From<Money> for ExactDecimal {
    fn from(m: Money) -> Self {
        ExactDecimal(m.to_string())
    }
}

impl ExactDecimal {
    /// The decimal, exactly (plain text or a number literal with an exponent).
    pub(crate) fn read(&self, field: &'static str) -> Result<Decimal> {
        parse_number_literal(&self.0, field).or_fail()
    }

    /// An amount in rupees (at most 2 decimals, in range).
    pub(crate) fn money(&self, field: &'static str) -> Result<Money> {
        Money::try_from_decimal(self.read(field)?)
            .map_err(|e| e.for_field(field))
            .or_fail()
    }
}

/// An optional decimal argument.
pub(crate) fn read_opt(d: &Option<ExactDecimal>, field: &'static str) -> Result<Option<Decimal>> {
    d.as_ref().map(|d| d.read(field)).transpose()
}

/// Decimals out.
pub(crate) fn out(d: Decimal) -> ExactDecimal {
    ExactDecimal::from(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_exactly_and_refusals_name_the_argument() {
        // What BigDecimal.toPlainString() and NSDecimalNumber send.
        let d = ExactDecimal("1000.000".to_owned()).read("amount").unwrap();
        assert_eq!(d.to_string(), "1000.000");
        assert_eq!(
            ExactDecimal("25000.5".to_owned())
                .money("amount")
                .unwrap()
                .to_string(),
            "25000.50"
        );
        let refused =
            |text: &str, field: &'static str| match ExactDecimal(text.to_owned()).money(field) {
                Err(SparrowError::Failure {
                    code, kind, errors, ..
                }) => (
                    code,
                    kind,
                    errors.into_iter().map(|e| e.field).collect::<Vec<_>>(),
                ),
                Ok(m) => panic!("{text} was read as {m}"),
            };
        assert_eq!(
            refused("0.125", "monthly_sip"),
            (
                "money_precision".to_owned(),
                "money".to_owned(),
                vec!["monthly_sip".to_owned()]
            )
        );
        assert_eq!(refused(&"9".repeat(40), "amount").0, "money_overflow");
        assert_eq!(refused("NaN", "amount").0, "money_syntax"); // Swift's Decimal.nan
        assert_eq!(refused("", "amount").0, "money_empty");
    }

    #[test]
    fn a_record_error_keeps_every_problem() {
        let e = SparrowError::from(sparrow_core::Error::from(
            sparrow_core::validate_profile(&serde_json::json!({"age": 5}), Default::default())
                .unwrap_err(),
        ));
        let SparrowError::Failure {
            code, kind, errors, ..
        } = &e;
        assert_eq!((code.as_str(), kind.as_str()), ("profile_invalid", "input"));
        assert_eq!(
            errors.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(),
            ["age", "horizon_years"]
        );
        assert_eq!(e.code(), *code);
        assert_eq!(e.errors(), *errors);
    }
}
