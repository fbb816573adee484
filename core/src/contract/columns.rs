//! The column forms of the record functions — what a binding's batch API (Apache
//! Arrow in Python) reads and writes, decided once here so every binding that grows
//! one publishes the same schema.
//!
//! **Reading.** A batch is a table of profiles: each row is one record whose keys are
//! the columns. A null cell is an **absent key** (a column is the union of its rows'
//! keys; Parquet and Arrow cannot tell an absent key from a null), so a null
//! `risk_tolerance` takes the default and a null `age` is `profile_required`. Columns
//! named in `keep=` are carried to the output unchanged (a kept profile field is still
//! read as a field; a kept column that is no field is no key of the record); any other
//! column that is no profile field is an unknown key of every row
//! where it is not null (refused in strict mode, ignored in compat mode, as for a
//! JSON object). Integer columns of any width, decimal columns, text columns of any
//! encoding, booleans, and float columns (each value read as the shortest text that
//! reads back as it, as a JSON body carries a float) are read by the same rules as
//! [`validate_profile`](crate::profile::validate_profile).
//!
//! **Writing.** Exact quantities are decimal columns at their type's scale — never
//! binary floats: money `decimal(14, 2)`, fractions and weights `decimal(5, 4)`,
//! probabilities and confidence `decimal(13, 12)`. A refused row (with
//! [`RowErrors::Null`]) is null in every result column, with the first problem's code
//! and field and the whole message in [`error_columns`]; an accepted row has nulls
//! there.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::ArgumentError;
use crate::allocation::AssetClass;
use crate::persona::PersonaId;
use crate::Error;

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// An unsigned 8-bit integer.
    UInt8,
    /// A signed 32-bit integer.
    Int32,
    /// An exact decimal of `precision` digits, `scale` of them after the point.
    Decimal {
        /// Total digits.
        precision: u8,
        /// Digits after the point.
        scale: u32,
    },
}

/// Money in rupees: up to 999,999,999,999.99.
pub const MONEY: ColumnType = ColumnType::Decimal {
    precision: 14,
    scale: 2,
};
/// A fraction or weight of 4 decimals, 0–9.9999.
pub const FRACTION: ColumnType = ColumnType::Decimal {
    precision: 5,
    scale: 4,
};
/// A probability or confidence of 12 decimals, 0–9.999999999999.
pub const PROBABILITY: ColumnType = ColumnType::Decimal {
    precision: 13,
    scale: 12,
};

/// One column of a published schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: ColumnType,
    /// Whether it may hold nulls.
    pub nullable: bool,
}

fn col(name: impl Into<String>, ty: ColumnType, nullable: bool) -> Column {
    Column {
        name: name.into(),
        ty,
        nullable,
    }
}

/// What a batch function does with a refused row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowErrors {
    /// Nulls in the result columns and the problem in the error columns: one bad
    /// profile does not stop a batch job.
    #[default]
    Null,
    /// Raise the row's error (the binding says which row).
    Raise,
}

impl RowErrors {
    /// The spellings, as an error lists them.
    pub const ALLOWED: &'static str = "null, raise";

    /// `"null"` or `"raise"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RowErrors::Null => "null",
            RowErrors::Raise => "raise",
        }
    }
}

impl FromStr for RowErrors {
    type Err = ArgumentError;
    fn from_str(s: &str) -> Result<Self, ArgumentError> {
        [RowErrors::Null, RowErrors::Raise]
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(ArgumentError::RowErrors {
                field: "errors",
                allowed: RowErrors::ALLOWED,
            })
    }
}

/// The column-name form of a persona slug (`capital_guardian`).
pub fn persona_column(p: PersonaId) -> String {
    p.slug().replace('-', "_")
}

/// The six asset classes of a blend ([`Fractions`](crate::allocation::Fractions)), in
/// order: the ML strategy's classes ([`AssetClass::ML`]).
pub const BLEND_CLASSES: [AssetClass; 6] = AssetClass::ML;

/// `validate_profiles` → the normalised profile, one column per field.
pub fn profile_columns() -> Vec<Column> {
    vec![
        col("age", ColumnType::UInt8, true),
        col("horizon_years", ColumnType::UInt8, true),
        col("risk_tolerance", ColumnType::Text, true),
        col("volatility", ColumnType::Text, true),
        col("liquidity", ColumnType::Text, true),
        col("knowledge", ColumnType::Text, true),
        col("goal", ColumnType::Text, true),
        col("target_amount", MONEY, true),
        col("target_year", ColumnType::Int32, true),
        col("monthly_sip", MONEY, true),
        col("lump_sum", MONEY, true),
    ]
}

/// `classify` → `persona` (slug), `confidence`, `probability_<persona>` in catalogue
/// order, `model_version`.
pub fn classification_columns() -> Vec<Column> {
    let mut c = vec![
        col("persona", ColumnType::Text, true),
        col("confidence", PROBABILITY, true),
    ];
    c.extend(PersonaId::ALL.iter().map(|&p| {
        col(
            format!("probability_{}", persona_column(p)),
            PROBABILITY,
            true,
        )
    }));
    c.push(col("model_version", ColumnType::Text, true));
    c
}

/// `classify_blended` and `PersonaModel.predict` → `primary_persona` (slug),
/// `confidence`, `weight_<persona>` in catalogue order, `allocation_<class>` for the
/// six classes of a blend, `model_version`. Each persona's strategy, repeated in every
/// row of the record form, is in [`strategy_table_columns`] instead.
pub fn blended_columns() -> Vec<Column> {
    let mut c = vec![
        col("primary_persona", ColumnType::Text, true),
        col("confidence", PROBABILITY, true),
    ];
    c.extend(
        PersonaId::ALL
            .iter()
            .map(|&p| col(format!("weight_{}", persona_column(p)), FRACTION, true)),
    );
    c.extend(
        BLEND_CLASSES
            .iter()
            .map(|a| col(format!("allocation_{}", a.as_str()), FRACTION, true)),
    );
    c.push(col("model_version", ColumnType::Text, true));
    c
}

/// A rate of 9 decimals (XIRR's [`crate::returns::RATE_DECIMALS`]), up to ±9,999,999.999999999
/// (beyond [`crate::returns::MAX_RATE`]).
pub const RATE: ColumnType = ColumnType::Decimal {
    precision: 16,
    scale: 9,
};

/// The column `xirr_arrow` reads by default: each cell a list of flows.
pub const FLOWS_COLUMN: &str = "flows";

/// `xirr` over a column of flow lists: one rate per row.
///
/// Reading: each cell of the flows column is a list (or large list) of structs with a
/// `date` (a `date32`, or text `YYYY-MM-DD`) and an `amount` (a decimal, any integer
/// width, or decimal text; a float column is refused with the column's name, as a float
/// amount is everywhere). A null list has no flows (`returns_too_few_flows`); a null
/// date or amount inside one is `returns_input` naming `flows.date` / `flows.amount`.
pub fn xirr_columns() -> Vec<Column> {
    vec![col("xirr", RATE, true)]
}

/// The flows of one cell, from its (date, amount) pairs as a binding read them: a null
/// date or amount is refused, never skipped.
pub fn flows_from_cells(
    cells: impl IntoIterator<Item = (Option<time::Date>, Option<Decimal>)>,
) -> Result<Vec<crate::returns::CashFlow>, crate::returns::ReturnsError> {
    cells
        .into_iter()
        .map(|(date, amount)| match (date, amount) {
            (Some(date), Some(amount)) => Ok(crate::returns::CashFlow { date, amount }),
            (None, _) => Err(crate::returns::ReturnsError::Input {
                field: "flows.date",
                rule: "is null; every flow has a date",
            }),
            (_, None) => Err(crate::returns::ReturnsError::Input {
                field: "flows.amount",
                rule: "is null; every flow has an amount",
            }),
        })
        .collect()
}

/// The error columns every batch result ends with: `error` (the first problem's
/// code), `error_field` (its field), `error_message` (every problem, as the
/// exception's message says them).
pub fn error_columns() -> Vec<Column> {
    vec![
        col("error", ColumnType::Text, true),
        col("error_field", ColumnType::Text, true),
        col("error_message", ColumnType::Text, true),
    ]
}

/// The cells of [`error_columns`] for a refused row.
pub fn error_cells(e: &Error) -> [String; 3] {
    let first = e.field_errors().into_iter().next();
    let (code, field) = match first {
        Some(f) => (f.code.to_owned(), f.field),
        None => (e.code().to_owned(), String::new()),
    };
    [code, field, e.to_string()]
}

/// The persona catalogue as a table: `persona` (slug), `name`, `risk_band`,
/// `description`.
pub fn persona_table_columns() -> Vec<Column> {
    ["persona", "name", "risk_band", "description"]
        .into_iter()
        .map(|n| col(n, ColumnType::Text, false))
        .collect()
}

/// Each persona's ML strategy as a table: `persona` (slug), `asset_class`,
/// `fraction` — what every distribution entry of the record form repeats.
pub fn strategy_table_columns() -> Vec<Column> {
    vec![
        col("persona", ColumnType::Text, false),
        col("asset_class", ColumnType::Text, false),
        col("fraction", FRACTION, false),
    ]
}

/// The rows of the strategy table: for each persona in catalogue order, the six
/// classes of a blend with the persona's fraction.
pub fn strategy_rows() -> Vec<(PersonaId, AssetClass, Decimal)> {
    PersonaId::ALL
        .iter()
        .flat_map(|&p| {
            let f = crate::allocation::Fractions::from_ten_thousandths(
                crate::allocation::ml_percents(p),
            );
            BLEND_CLASSES.iter().map(move |&a| (p, a, f.get(a)))
        })
        .collect()
}

/// What one input column is to a profile batch function ([`plan_batch`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputRole {
    /// The profile field of this index in [`FIELDS`](crate::profile::FIELDS): read as
    /// that key (also when the column is kept).
    Field(usize),
    /// A kept column that is no profile field: carried, not read (no key of the record).
    Kept,
    /// Any other column: an unknown key of every row where it is not null.
    Unknown,
}

/// How a profile batch function reads its input and lays out its output: decided from
/// the input's column names, the function's result columns and `keep`.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchPlan {
    /// Each input column's role, in input order.
    pub inputs: Vec<InputRole>,
    /// For each `keep` name in order, the index of its input column. The output is
    /// these columns (unchanged), then [`BatchPlan::results`], then
    /// [`BatchPlan::errors`].
    pub kept: Vec<usize>,
    /// The function's result columns.
    pub results: Vec<Column>,
    /// The [`error_columns`].
    pub errors: Vec<Column>,
}

impl BatchPlan {
    /// The output's columns after the kept ones: the results, then the errors.
    pub fn output_columns(&self) -> impl Iterator<Item = &Column> {
        self.results.iter().chain(&self.errors)
    }
}

/// Plans a batch function over input columns named `input` with result columns
/// `results` (without the error columns) and the columns to `keep`.
///
/// Refused (never one silently winning): two input columns of one name
/// (`column_duplicate` of `data`: which one a row means would be a guess, as for a JSON
/// key given twice); a `keep` name given twice or named like a result or error column
/// (`column_duplicate` of `keep`); a `keep` name that is no input column
/// (`column_missing` of `keep`). Names in messages are cut to 64 characters.
pub fn plan_batch(
    input: &[&str],
    results: Vec<Column>,
    keep: &[String],
) -> Result<BatchPlan, ArgumentError> {
    let named = |name: &str| name.chars().take(64).collect::<String>();
    for (i, name) in input.iter().enumerate() {
        if input.get(..i).is_some_and(|before| before.contains(name)) {
            return Err(ArgumentError::ColumnDuplicate {
                field: "data",
                column: named(name),
            });
        }
    }
    let errors = error_columns();
    let mut kept = Vec::with_capacity(keep.len());
    for (i, name) in keep.iter().enumerate() {
        let kept_twice = keep.get(..i).is_some_and(|before| before.contains(name));
        if kept_twice || results.iter().chain(&errors).any(|c| &c.name == name) {
            return Err(ArgumentError::ColumnDuplicate {
                field: "keep",
                column: named(name),
            });
        }
        let at =
            input
                .iter()
                .position(|c| c == name)
                .ok_or_else(|| ArgumentError::ColumnMissing {
                    field: "keep",
                    column: named(name),
                })?;
        kept.push(at);
    }
    let inputs = input
        .iter()
        .enumerate()
        .map(
            |(i, name)| match crate::profile::FIELDS.iter().position(|f| f == name) {
                Some(field) => InputRole::Field(field),
                None if kept.contains(&i) => InputRole::Kept,
                None => InputRole::Unknown,
            },
        )
        .collect();
    Ok(BatchPlan {
        inputs,
        kept,
        results,
        errors,
    })
}

/// `d` as the integer a decimal column of type `ty` stores — exactly: a value with
/// more decimals than the column's scale, or more digits than its precision, is
/// `None` (never rounded). `None` also for a type that is not a decimal.
pub fn scaled(d: Decimal, ty: ColumnType) -> Option<i128> {
    let ColumnType::Decimal { precision, scale } = ty else {
        return None;
    };
    // Only a value with more decimals than the column needs normalising (0.250000).
    let normal = if d.scale() > scale { d.normalize() } else { d };
    if normal.scale() > scale {
        return None;
    }
    let factor = 10i128.checked_pow(scale.checked_sub(normal.scale())?)?;
    let v = normal.mantissa().checked_mul(factor)?;
    let limit = 10i128.checked_pow(u32::from(precision))?;
    (v.checked_abs()? < limit).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_scales() {
        let names: Vec<String> = blended_columns().into_iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            [
                "primary_persona",
                "confidence",
                "weight_capital_guardian",
                "weight_balanced_voyager",
                "weight_accelerated_builder",
                "allocation_equity",
                "allocation_debt",
                "allocation_hybrid",
                "allocation_gold",
                "allocation_international",
                "allocation_liquid",
                "model_version"
            ]
        );
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(scaled(d("0.25"), FRACTION), Some(2500));
        assert_eq!(scaled(d("0.250000"), FRACTION), Some(2500));
        assert_eq!(scaled(d("0.12345"), FRACTION), None);
        assert_eq!(scaled(d("10"), FRACTION), None);
        assert_eq!(
            scaled(d("-999999999999.99"), MONEY),
            Some(-99_999_999_999_999)
        );
        assert_eq!(scaled(d("1"), ColumnType::Text), None);
        assert_eq!("raise".parse::<RowErrors>(), Ok(RowErrors::Raise));
        assert_eq!(
            "Raise".parse::<RowErrors>().unwrap_err().code(),
            "row_errors_unknown"
        );
        assert_eq!(strategy_rows().len(), 18);
        assert_eq!(error_columns().len(), 3);
        for p in PersonaId::ALL {
            let total: Decimal = strategy_rows()
                .iter()
                .filter(|r| r.0 == p)
                .map(|r| r.2)
                .sum();
            assert_eq!(total, Decimal::ONE, "{p}");
        }
    }

    #[test]
    fn batch_plans() {
        let keep = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let input = ["user_id", "age", "horizon_years", "note"];
        let plan = plan_batch(&input, blended_columns(), &keep(&["user_id", "age"])).unwrap();
        let age = crate::profile::FIELDS
            .iter()
            .position(|f| *f == "age")
            .unwrap();
        let horizon = crate::profile::FIELDS
            .iter()
            .position(|f| *f == "horizon_years")
            .unwrap();
        assert_eq!(
            plan.inputs,
            [
                InputRole::Kept,
                InputRole::Field(age),
                InputRole::Field(horizon),
                InputRole::Unknown
            ]
        );
        assert_eq!(plan.kept, [0, 1]);
        assert_eq!(plan.results, blended_columns());
        assert_eq!(plan.errors, error_columns());
        let names: Vec<&str> = plan.output_columns().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), blended_columns().len() + 3);
        // Validation's results hold the profile's fields: keeping one is a duplicate.
        let clash = plan_batch(&input, profile_columns(), &keep(&["age"])).unwrap_err();
        assert_eq!(clash.code(), "column_duplicate");
        assert_eq!(names.first(), Some(&"primary_persona"));
        assert_eq!(names.last(), Some(&"error_message"));

        let refused = |input: &[&str], k: &[&str]| {
            let e = plan_batch(input, blended_columns(), &keep(k)).unwrap_err();
            (e.code(), e.to_string())
        };
        assert_eq!(refused(&["age", "age"], &[]).0, "column_duplicate");
        assert!(refused(&["age", "age"], &[]).1.starts_with("data: "));
        assert_eq!(refused(&["a"], &["a", "a"]).0, "column_duplicate");
        assert_eq!(
            refused(&["confidence"], &["confidence"]).0,
            "column_duplicate"
        );
        assert_eq!(refused(&["error"], &["error"]).0, "column_duplicate");
        assert!(refused(&["a"], &["b"]).1.starts_with("keep: "));
        assert_eq!(refused(&["a"], &["b"]).0, "column_missing");
        let long = "x".repeat(100);
        assert!(!refused(&["a"], &[long.as_str()])
            .1
            .contains(&"x".repeat(65)));
        // No input columns at all: every field absent, nothing kept.
        let empty = plan_batch(&[], classification_columns(), &[]).unwrap();
        assert!(empty.inputs.is_empty() && empty.kept.is_empty());
    }
}
