//! Errors of the profile module.

use std::fmt;

use serde::Serialize;

use crate::money::MoneyError;

/// One problem with one field of a profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The input is not a JSON object.
    #[error("profile: must be a JSON object of fields")]
    NotAnObject,
    /// The JSON text is larger than [`MAX_PROFILE_JSON`](super::MAX_PROFILE_JSON).
    #[error("profile: the JSON text is larger than {max} bytes")]
    TooLarge {
        /// The largest accepted size in bytes.
        max: usize,
    },
    /// The text is not valid JSON.
    #[error("profile: the text is not valid JSON (line {line}, column {column})")]
    Json {
        /// Line of the first syntax error (1-based).
        line: usize,
        /// Column of the first syntax error (1-based).
        column: usize,
    },
    /// A key appears twice in the JSON object (which value counts would depend on the
    /// reader, so neither does).
    #[error("{field}: appears twice in the JSON text (line {line})")]
    DuplicateKey {
        /// The key (its first 64 characters).
        field: String,
        /// Line of the second occurrence (1-based).
        line: usize,
    },
    /// A required field is missing.
    #[error("{field}: is required")]
    Required {
        /// The field.
        field: &'static str,
    },
    /// A field that the profile does not have (strict mode only). The message quotes the
    /// name with escapes, so an empty or odd key still reads clearly.
    #[error("{field:?}: is not a profile field")]
    UnknownField {
        /// The field name as given (at most 64 characters of it).
        field: String,
    },
    /// The JSON type is wrong (a string for a number in strict mode, a boolean, …).
    #[error("{field}: must be {expected}")]
    WrongType {
        /// The field.
        field: &'static str,
        /// What was expected, in words.
        expected: &'static str,
    },
    /// A whole number outside its range.
    #[error("{field}: must be between {min} and {max}")]
    OutOfRange {
        /// The field.
        field: &'static str,
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// A text value that is not one of the allowed spellings.
    #[error("{field}: must be one of {allowed}")]
    NotOneOf {
        /// The field.
        field: &'static str,
        /// The allowed spellings.
        allowed: &'static str,
    },
    /// A text value that is too long.
    #[error("{field}: must be at most {max} characters")]
    TooLong {
        /// The field.
        field: &'static str,
        /// The largest accepted number of characters.
        max: usize,
    },
    /// An amount field that is not a valid amount; the code is the money error's.
    #[error("{0}")]
    Amount(MoneyError),
}

impl ProfileError {
    /// Every code this enum produces itself (amount problems use the money codes).
    pub const CODES: &'static [&'static str] = &[
        "profile_not_object",
        "profile_too_large",
        "profile_json",
        "profile_duplicate_key",
        "profile_required",
        "profile_unknown_field",
        "profile_type",
        "profile_out_of_range",
        "profile_not_one_of",
        "profile_too_long",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAnObject => "profile_not_object",
            Self::TooLarge { .. } => "profile_too_large",
            Self::Json { .. } => "profile_json",
            Self::DuplicateKey { .. } => "profile_duplicate_key",
            Self::Required { .. } => "profile_required",
            Self::UnknownField { .. } => "profile_unknown_field",
            Self::WrongType { .. } => "profile_type",
            Self::OutOfRange { .. } => "profile_out_of_range",
            Self::NotOneOf { .. } => "profile_not_one_of",
            Self::TooLong { .. } => "profile_too_long",
            Self::Amount(e) => e.code(),
        }
    }

    /// The field the problem is about (`"profile"` for the whole input).
    pub fn field(&self) -> &str {
        match self {
            Self::NotAnObject | Self::TooLarge { .. } | Self::Json { .. } => "profile",
            Self::UnknownField { field } | Self::DuplicateKey { field, .. } => field,
            Self::Required { field }
            | Self::WrongType { field, .. }
            | Self::OutOfRange { field, .. }
            | Self::NotOneOf { field, .. }
            | Self::TooLong { field, .. } => field,
            Self::Amount(e) => e.field(),
        }
    }

    /// The `{field, code, message}` view used by every binding.
    pub fn to_field_error(&self) -> FieldError {
        FieldError {
            field: self.field().to_owned(),
            code: self.code(),
            message: self.to_string(),
        }
    }
}

/// One problem of a record, as every binding reports it: `{field, code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field (snake_case), or `"profile"` for the whole record.
    pub field: String,
    /// The stable machine code.
    pub code: &'static str,
    /// A human message naming the field and the rule (never the value).
    pub message: String,
}

/// The most problems an [`InvalidProfile`] lists; the rest are counted.
pub const MAX_REPORTED_PROBLEMS: usize = 50;

/// A profile that failed validation, with the problems found: all of them up to
/// [`MAX_REPORTED_PROBLEMS`], and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidProfile {
    /// The problems, in field order (at most [`MAX_REPORTED_PROBLEMS`]).
    pub errors: Vec<ProfileError>,
    /// How many further problems were found and not listed.
    pub omitted: usize,
}

impl InvalidProfile {
    /// The code of the error as a whole.
    pub const CODE: &'static str = "profile_invalid";

    /// The problems, keeping the first [`MAX_REPORTED_PROBLEMS`] and counting the rest.
    pub fn new(mut errors: Vec<ProfileError>) -> Self {
        let omitted = errors.len().saturating_sub(MAX_REPORTED_PROBLEMS);
        errors.truncate(MAX_REPORTED_PROBLEMS);
        InvalidProfile { errors, omitted }
    }

    /// Every problem found, listed or not.
    pub fn total(&self) -> usize {
        self.errors.len().saturating_add(self.omitted)
    }

    /// Every problem as `{field, code, message}`.
    pub fn field_errors(&self) -> Vec<FieldError> {
        self.errors
            .iter()
            .map(ProfileError::to_field_error)
            .collect()
    }
}

impl fmt::Display for InvalidProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "profile is invalid ({} problem", self.total())?;
        if self.total() != 1 {
            f.write_str("s")?;
        }
        if self.omitted > 0 {
            write!(f, "; the first {} are listed", self.errors.len())?;
        }
        f.write_str(")")?;
        for e in &self.errors {
            write!(f, "; {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidProfile {}
