//! The crate-level error and the catalogue of every error code.

use std::sync::LazyLock;

use crate::allocation::AllocationError;
use crate::api_key::ApiKeyError;
use crate::config::{ConfigError, ENV_CODES};
use crate::contract::ArgumentError;
use crate::identity::IdentityError;
use crate::jwt::{DurationError, KeyError, TokenError};
use crate::money::MoneyError;
use crate::password::{PasswordError, PasswordPolicyError, PasswordRule};
use crate::persona::{ModelError, PersonaError};
use crate::portfolio::PortfolioError;
use crate::profile::{FieldError, InvalidProfile, ProfileError};
use crate::returns::ReturnsError;
use crate::risk::RiskError;

/// Any error sparrow-core returns. Each module has its own enum; this wraps them so a
/// caller can handle every failure in one place and still read a stable [`code`](Error::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An amount, percent, NAV, units value or weight list was refused.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// An identifier (PAN, IFSC, mobile, email, PIN code, Aadhaar) was refused.
    #[error(transparent)]
    Identity(#[from] IdentityError),
    /// A profile failed validation; [`Error::field_errors`] lists every problem.
    #[error(transparent)]
    Profile(#[from] InvalidProfile),
    /// A password failed the policy; [`Error::field_errors`] lists every failed rule.
    #[error(transparent)]
    PasswordPolicy(#[from] PasswordPolicyError),
    /// Hashing or verification could not be done (malformed or over-costly hash, …).
    #[error(transparent)]
    Password(#[from] PasswordError),
    /// A token was refused.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// A signing secret or keyring was refused.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A lifetime such as `"7d"` was refused.
    #[error(transparent)]
    Duration(#[from] DurationError),
    /// A `.env` file could not be read.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// An allocation, strategy, split or rebalance was refused.
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    /// A risk constraint, portfolio or risk input was refused.
    #[error(transparent)]
    Risk(#[from] RiskError),
    /// A scoring table or training run was refused.
    #[error(transparent)]
    Persona(#[from] PersonaError),
    /// A returns calculation (XIRR, XNPV, CAGR) was refused.
    #[error(transparent)]
    Returns(#[from] ReturnsError),
    /// A portfolio analysis, fund table or tax table was refused.
    #[error(transparent)]
    Portfolio(#[from] PortfolioError),
    /// An API key was refused, or could not be issued.
    #[error(transparent)]
    ApiKey(#[from] ApiKeyError),
    /// A persona model could not be saved or loaded.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// An argument was not one of its allowed values, or a host value could not be
    /// read (see [`crate::contract`]).
    #[error(transparent)]
    Argument(#[from] ArgumentError),
}

impl Error {
    /// The stable machine code (snake_case).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Money(e) => e.code(),
            Self::Identity(e) => e.code(),
            Self::Profile(_) => InvalidProfile::CODE,
            Self::PasswordPolicy(_) => PasswordPolicyError::CODE,
            Self::Password(e) => e.code(),
            Self::Token(e) => e.code(),
            Self::Key(e) => e.code(),
            Self::Duration(e) => e.code(),
            Self::Config(e) => e.code(),
            Self::Allocation(e) => e.code(),
            Self::Risk(e) => e.code(),
            Self::Persona(e) => e.code(),
            Self::Returns(e) => e.code(),
            Self::Portfolio(e) => e.code(),
            Self::ApiKey(e) => e.code(),
            Self::Model(e) => e.code(),
            Self::Argument(e) => e.code(),
        }
    }

    /// Every problem as `{field, code, message}`: one entry for a single-value error,
    /// all of them for a record.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Self::Money(e) => vec![FieldError {
                field: e.field().to_owned(),
                code: e.code(),
                message: e.to_string(),
            }],
            Self::Identity(e) => vec![FieldError {
                field: e.field().to_owned(),
                code: e.code(),
                message: e.to_string(),
            }],
            Self::Profile(e) => e.field_errors(),
            Self::PasswordPolicy(e) => e
                .failed
                .iter()
                .map(|rule| FieldError {
                    field: "password".to_owned(),
                    code: rule.code(),
                    message: rule.to_string(),
                })
                .collect(),
            Self::Password(e) => vec![single("password", e.code(), e)],
            Self::Token(e) => vec![single("token", e.code(), e)],
            Self::Key(e) => vec![single("secret", e.code(), e)],
            Self::Duration(e) => vec![single("expires_in", e.code(), e)],
            Self::Config(e) => vec![single("env_file", e.code(), e)],
            Self::Allocation(e) => vec![single(&e.field(), e.code(), e)],
            Self::Risk(e) => vec![single(&e.field(), e.code(), e)],
            Self::Persona(e) => vec![single(e.field(), e.code(), e)],
            Self::Returns(e) => vec![single(&e.field(), e.code(), e)],
            Self::Portfolio(e) => vec![single(&e.field(), e.code(), e)],
            Self::ApiKey(e) => vec![single(e.field(), e.code(), e)],
            Self::Model(e) => vec![single(e.field(), e.code(), e)],
            Self::Argument(e) => vec![single(e.field(), e.code(), e)],
        }
    }
}

impl Error {
    /// The HTTP status a service answers this error with, where the core decides one: an
    /// API-key refusal (401, or 403 for a missing scope; see
    /// [`crate::api_key::ApiKeyError::http_status`]).
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::ApiKey(e) => Some(e.http_status()),
            _ => None,
        }
    }
}

impl From<crate::jwt::IssueError> for Error {
    fn from(e: crate::jwt::IssueError) -> Self {
        match e {
            crate::jwt::IssueError::Lifetime(d) => Error::Duration(d),
            crate::jwt::IssueError::Token(t) => Error::Token(t),
        }
    }
}

fn single(field: &str, code: &'static str, e: &dyn std::fmt::Display) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code,
        message: e.to_string(),
    }
}

/// Every error code sparrow-core can produce, each documented in `docs/errors.md`.
/// Codes are public API: never renamed, never reused.
pub static ALL_CODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    MoneyError::CODES
        .iter()
        .chain(IdentityError::CODES)
        .chain(ProfileError::CODES)
        .chain(std::iter::once(&InvalidProfile::CODE))
        .chain(PasswordRule::CODES)
        .chain(std::iter::once(&PasswordPolicyError::CODE))
        .chain(PasswordError::CODES)
        .chain(TokenError::CODES)
        .chain(KeyError::CODES)
        .chain(DurationError::CODES)
        .chain(ENV_CODES)
        .chain(ConfigError::CODES)
        .chain(AllocationError::CODES)
        .chain(RiskError::CODES)
        .chain(PersonaError::CODES)
        .chain(ModelError::CODES)
        .chain(ReturnsError::CODES)
        .chain(PortfolioError::CODES)
        .chain(ApiKeyError::CODES)
        .chain(ArgumentError::CODES)
        .copied()
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case() {
        let set: HashSet<_> = ALL_CODES.iter().collect();
        assert_eq!(set.len(), ALL_CODES.len());
        for code in ALL_CODES.iter() {
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{code}"
            );
        }
    }

    #[test]
    fn wraps_module_errors() {
        let e: Error = crate::money::parse_money("x").unwrap_err().into();
        assert_eq!(e.code(), "money_syntax");
        assert_eq!(e.field_errors()[0].field, "amount");
        let e: Error = crate::identity::validate_pan("x").unwrap_err().into();
        assert_eq!(e.field_errors()[0].code, "pan_length");
    }
}
