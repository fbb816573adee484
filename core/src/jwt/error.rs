//! Errors of the jwt module.

/// Why a token was refused. Messages never contain the token, a claim value or a key;
/// [`TokenError::PUBLIC_MESSAGE`] is the one text to send back with a 401.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The token is longer than [`MAX_TOKEN_LEN`](super::MAX_TOKEN_LEN); nothing was parsed.
    #[error("token: longer than {max} bytes")]
    TooLong {
        /// The largest accepted length.
        max: usize,
    },
    /// Not a well-formed compact JWS (segments, base64url, JSON).
    #[error("token: malformed ({rule})")]
    Malformed {
        /// What is wrong, in words.
        rule: &'static str,
    },
    /// The header names an algorithm other than HS256 (`none` included).
    #[error("token: the algorithm is not HS256")]
    Algorithm,
    /// The signature does not verify with the selected key.
    #[error("token: the signature does not verify")]
    Signature,
    /// `exp` has passed (beyond the leeway).
    #[error("token: expired")]
    Expired,
    /// `nbf` or `iat` lies in the future (beyond the leeway).
    #[error("token: not yet valid")]
    NotYetValid,
    /// The header's `kid` names no key of the keyring.
    #[error("token: the key id is not in the keyring")]
    UnknownKid,
    /// The token has no `kid` and the keyring has no legacy key for such tokens.
    #[error("token: no key id, and no legacy key is configured for tokens without one")]
    MissingKid,
    /// A required claim is absent.
    #[error("token: the claim {claim} is required")]
    ClaimMissing {
        /// The claim's name.
        claim: &'static str,
    },
    /// A claim has a value that is not accepted (wrong issuer or audience, …).
    #[error("token: the claim {claim} is not accepted")]
    ClaimInvalid {
        /// The claim's name.
        claim: &'static str,
    },
    /// An access token where a refresh token is required, or the reverse.
    #[error("token: a {found} token cannot be used as a {expected} token")]
    WrongUse {
        /// The use the caller required.
        expected: &'static str,
        /// The use the token has.
        found: &'static str,
    },
    /// The token could not be signed (the claims do not serialise).
    #[error("token: could not be signed")]
    Signing,
}

impl TokenError {
    /// What to tell the client with a 401, whatever the reason (the reason goes to logs).
    pub const PUBLIC_MESSAGE: &'static str =
        "Unauthorized: the token is missing, invalid or expired";

    /// Codes that only the environment can cause (no input produces them).
    pub const ENVIRONMENTAL_CODES: &'static [&'static str] = &["token_signing"];

    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "token_too_long",
        "token_malformed",
        "token_algorithm",
        "token_signature",
        "token_expired",
        "token_not_yet_valid",
        "token_unknown_kid",
        "token_missing_kid",
        "token_claim_missing",
        "token_claim_invalid",
        "token_wrong_use",
        "token_signing",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLong { .. } => "token_too_long",
            Self::Malformed { .. } => "token_malformed",
            Self::Algorithm => "token_algorithm",
            Self::Signature => "token_signature",
            Self::Expired => "token_expired",
            Self::NotYetValid => "token_not_yet_valid",
            Self::UnknownKid => "token_unknown_kid",
            Self::MissingKid => "token_missing_kid",
            Self::ClaimMissing { .. } => "token_claim_missing",
            Self::ClaimInvalid { .. } => "token_claim_invalid",
            Self::WrongUse { .. } => "token_wrong_use",
            Self::Signing => "token_signing",
        }
    }

    /// The same message for every reason, safe to send to a client.
    pub fn public_message(&self) -> &'static str {
        Self::PUBLIC_MESSAGE
    }
}

/// Why a signing secret (or a keyring built from secrets) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Shorter than 32 bytes.
    #[error("jwt secret: must be at least {min} bytes")]
    TooShort {
        /// The minimum length.
        min: usize,
    },
    /// A well-known default or placeholder (`super-secret`, `changeme`, …).
    #[error("jwt secret: is a well-known default or placeholder")]
    KnownDefault,
    /// Looks like a PEM or JWK document rather than an HMAC secret.
    #[error("jwt secret: looks like a PEM or JWK document, not a random secret")]
    Structured,
    /// Looks like a password or passphrase (easily guessed).
    #[error("jwt secret: looks like a password or passphrase; use 32+ random bytes")]
    PasswordLike,
    /// Too few distinct characters or too little entropy per character.
    #[error("jwt secret: too little entropy; use 32+ random bytes")]
    LowEntropy,
    /// Two keys of a keyring have the same id, or an id is empty or too long.
    #[error("keyring: each key needs a distinct, non-empty id of at most 64 characters")]
    BadKid,
}

impl KeyError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "key_too_short",
        "key_known_default",
        "key_structured",
        "key_password_like",
        "key_low_entropy",
        "key_bad_kid",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "key_too_short",
            Self::KnownDefault => "key_known_default",
            Self::Structured => "key_structured",
            Self::PasswordLike => "key_password_like",
            Self::LowEntropy => "key_low_entropy",
            Self::BadKid => "key_bad_kid",
        }
    }
}

/// Why a lifetime such as `"7d"` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DurationError {
    /// Not in the `ms` notation (`60s`, `15m`, `12h`, `7d`, `2 weeks`, …).
    #[error("duration: expected a number of seconds or the ms notation such as \"15m\", \"12h\", \"7d\"")]
    Invalid,
    /// Below one second (a bare `"60"` is 60 milliseconds, as in jsonwebtoken).
    #[error("duration: shorter than one second; a bare number in a string means milliseconds — did you mean \"{seconds_hint}s\"?")]
    TooShort {
        /// The number as written, for the hint.
        seconds_hint: String,
    },
    /// Longer than [`MAX_LIFETIME_SECONDS`](super::MAX_LIFETIME_SECONDS).
    #[error("duration: longer than {max} seconds")]
    TooLong {
        /// The longest accepted lifetime in seconds.
        max: i64,
    },
}

impl DurationError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "duration_invalid",
        "duration_too_short",
        "duration_too_long",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid => "duration_invalid",
            Self::TooShort { .. } => "duration_too_short",
            Self::TooLong { .. } => "duration_too_long",
        }
    }
}
