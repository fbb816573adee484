//! The category of an error that every binding exposes, and the error as a record.

use serde::Serialize;

use crate::Error;

/// The category of an [`Error`]: the Python exception class, the Node error `name` and
/// the `kind` of the Swift/Kotlin exception. Decided here, once, for every binding.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::IntoStaticStr, strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// An identifier, a record (profile, strategy, allocation, split, risk input,
    /// persona input or training run), a lifetime, a stored password hash that cannot
    /// be verified, or an argument (an unknown option) was refused.
    Input,
    /// An amount, percent, NAV, units value or weight list was refused.
    Money,
    /// A password failed the policy (`require_password`).
    PasswordPolicy,
    /// A token was refused, or could not be issued.
    Token,
    /// Configuration was refused: a signing secret or keyring, a `.env` file.
    Config,
    /// A persona model could not be trained, saved or loaded.
    Model,
}

impl ErrorKind {
    /// Every kind.
    pub const ALL: [ErrorKind; 6] = [
        ErrorKind::Input,
        ErrorKind::Money,
        ErrorKind::PasswordPolicy,
        ErrorKind::Token,
        ErrorKind::Config,
        ErrorKind::Model,
    ];

    /// The snake_case name (`"password_policy"`), as Swift/Kotlin's `kind` carries it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The class / error name the bindings use: `InputError`, `MoneyError`,
    /// `PasswordPolicyError`, `TokenError`, `ConfigError`, `ModelError` (Python exception classes under `SparrowError`; Node `err.name`).
    pub const fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Input => "InputError",
            ErrorKind::Money => "MoneyError",
            ErrorKind::PasswordPolicy => "PasswordPolicyError",
            ErrorKind::Token => "TokenError",
            ErrorKind::Config => "ConfigError",
            ErrorKind::Model => "ModelError",
        }
    }
}

impl Error {
    /// The category every binding exposes for this error (see [`ErrorKind`]).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Money(_) => ErrorKind::Money,
            Error::PasswordPolicy(_) => ErrorKind::PasswordPolicy,
            Error::Token(_) => ErrorKind::Token,
            Error::Key(_) | Error::Config(_) => ErrorKind::Config,
            Error::Model(_) => ErrorKind::Model,
            // A tax table is configuration the product owner supplies.
            Error::Portfolio(crate::portfolio::PortfolioError::TaxTable { .. }) => {
                ErrorKind::Config
            }
            Error::Portfolio(_) => ErrorKind::Input,
            // A refused key is an authentication failure, as a refused token is; the
            // pepper and the store are the server's configuration.
            Error::ApiKey(
                crate::api_key::ApiKeyError::Pepper | crate::api_key::ApiKeyError::Record { .. },
            ) => ErrorKind::Config,
            Error::ApiKey(crate::api_key::ApiKeyError::Input { .. }) => ErrorKind::Input,
            Error::ApiKey(_) => ErrorKind::Token,
            Error::Identity(_)
            | Error::Duration(_)
            | Error::Password(_)
            | Error::Profile(_)
            | Error::Allocation(_)
            | Error::Risk(_)
            | Error::Persona(_)
            | Error::Returns(_)
            | Error::Argument(_) => ErrorKind::Input,
        }
    }
}

impl Error {
    /// Whether the caller cancelled the work (an aborted signal before it started, or
    /// training stopped by its hook): a binding presents these as its platform's
    /// cancellation (Node's `AbortError`) rather than by kind.
    pub fn is_cancellation(&self) -> bool {
        matches!(
            self,
            Error::Argument(crate::contract::ArgumentError::Aborted { .. })
                | Error::Persona(crate::persona::PersonaError::Cancelled)
        )
    }
}

/// One problem of an error, as a record: `{field, code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldErrorRecord {
    /// The field or argument the problem is about.
    pub field: String,
    /// The stable code.
    pub code: String,
    /// The human text (never the value).
    pub message: String,
}

/// An [`Error`] as a record, which is what a binding raises: the code, the kind, the
/// message and every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// The stable code of the error as a whole (`profile_invalid` for a record).
    pub code: String,
    /// The category.
    pub kind: ErrorKind,
    /// The category's class name (`InputError`, …): Python's exception class, Node's
    /// `err.name`.
    pub name: String,
    /// The human text (never the value).
    pub message: String,
    /// Every problem (one for a single-value error).
    pub errors: Vec<FieldErrorRecord>,
    /// The HTTP status a service answers with, where the core decides one (API-key
    /// refusals: [`Error::http_status`]); left out of the serialised form when there is
    /// none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

impl From<&Error> for ErrorRecord {
    fn from(e: &Error) -> Self {
        ErrorRecord {
            code: e.code().to_owned(),
            kind: e.kind(),
            name: e.kind().class_name().to_owned(),
            message: e.to_string(),
            errors: e
                .field_errors()
                .into_iter()
                .map(|f| FieldErrorRecord {
                    field: f.field,
                    code: f.code.to_owned(),
                    message: f.message,
                })
                .collect(),
            http_status: e.http_status(),
        }
    }
}

impl From<Error> for ErrorRecord {
    fn from(e: Error) -> Self {
        ErrorRecord::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_name_and_class() {
        let names: std::collections::HashSet<_> =
            ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        let classes: std::collections::HashSet<_> =
            ErrorKind::ALL.iter().map(|k| k.class_name()).collect();
        assert_eq!(
            (names.len(), classes.len()),
            (ErrorKind::ALL.len(), ErrorKind::ALL.len())
        );
        assert_eq!(
            ErrorKind::ALL.len(),
            <ErrorKind as strum::VariantNames>::VARIANTS.len()
        );
        let e = crate::Error::from(crate::money::parse_money("x").unwrap_err());
        let r = ErrorRecord::from(&e);
        assert_eq!(
            (r.kind, r.name.as_str(), r.code.as_str()),
            (ErrorKind::Money, "MoneyError", "money_syntax")
        );
        assert_eq!(r.errors.len(), 1);
    }
}
