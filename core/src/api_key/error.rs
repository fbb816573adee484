//! Errors of the API-key module.

/// Why an API key was refused, or could not be issued.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum ApiKeyError {
    /// Not an API key: wrong prefix, length, characters or shape. Checked before any
    /// lookup; the presented text is never echoed.
    #[error("api_key: not an API key of the form spk_live_… or spk_test_… ({rule})")]
    #[strum(serialize = "api_key_format")]
    Format {
        /// What is wrong, in words (never the key).
        rule: &'static str,
    },
    /// The checksum does not match: a mistyped or truncated key.
    #[error("api_key: the checksum does not match (a mistyped or truncated key)")]
    #[strum(serialize = "api_key_checksum")]
    Checksum,
    /// A key of the other environment (a test key on a live service, or the reverse).
    #[error("api_key: a {presented} key is not accepted here ({expected} keys are)")]
    #[strum(serialize = "api_key_environment")]
    Environment {
        /// The key's environment.
        presented: &'static str,
        /// The environment the service accepts.
        expected: &'static str,
    },
    /// No key with this id is stored, or its secret does not match the stored digest.
    #[error("api_key: no such key")]
    #[strum(serialize = "api_key_unknown")]
    Unknown,
    /// The key was revoked.
    #[error("api_key: the key was revoked")]
    #[strum(serialize = "api_key_revoked")]
    Revoked,
    /// The key has expired.
    #[error("api_key: the key expired")]
    #[strum(serialize = "api_key_expired")]
    Expired,
    /// The key is valid but lacks the scope the endpoint requires.
    #[error("api_key: the key does not have the scope {required:?}")]
    #[strum(serialize = "api_key_scope")]
    Scope {
        /// The scope the endpoint requires.
        required: String,
    },
    /// An argument of issuing breaks a rule (a scope name, the expiry, the client id).
    #[error("{field}: {rule}")]
    #[strum(serialize = "api_key_input")]
    Input {
        /// The field, e.g. `scopes`.
        field: &'static str,
        /// The rule, in words.
        rule: &'static str,
    },
    /// A stored key record breaks a rule (a digest that is not 64 hex digits, an id of
    /// the wrong shape): the store is damaged, not the presented key.
    #[error("api_key_record.{field}: {rule}")]
    #[strum(serialize = "api_key_record")]
    Record {
        /// The record's field.
        field: &'static str,
        /// The rule, in words.
        rule: &'static str,
    },
    /// The server-side pepper is missing or too short (configuration).
    #[error("pepper: the API-key pepper must be at least 32 bytes")]
    #[strum(serialize = "api_key_pepper")]
    Pepper,
}

impl ApiKeyError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Input { field, .. } => field,
            Self::Record { .. } => "api_key_record",
            Self::Pepper => "pepper",
            Self::Scope { .. } => "scope",
            _ => "api_key",
        }
    }

    /// The HTTP status a service answers with: 403 when the key is good but lacks the
    /// scope, 400 for an issuing argument, 500 for the server's own state (the pepper, a
    /// damaged stored record), 401 for every other refusal of the presented key.
    pub fn http_status(&self) -> u16 {
        match self {
            Self::Scope { .. } => 403,
            Self::Input { .. } => 400,
            Self::Pepper | Self::Record { .. } => 500,
            _ => 401,
        }
    }
}
