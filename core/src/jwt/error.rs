//! Errors of the jwt module.

/// Why a token was refused. Messages never contain the token, a claim value or a key;
/// [`TokenError::PUBLIC_MESSAGE`] is the one text to send back with a 401.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum TokenError {
    /// The token is longer than [`MAX_TOKEN_LEN`](super::MAX_TOKEN_LEN); nothing was parsed.
    #[error("token: longer than {max} bytes")]
    #[strum(serialize = "token_too_long")]
    TooLong {
        /// The largest accepted length.
        max: usize,
    },
    /// Not a well-formed compact JWS (segments, base64url, JSON).
    #[error("token: malformed ({rule})")]
    #[strum(serialize = "token_malformed")]
    Malformed {
        /// What is wrong, in words.
        rule: &'static str,
    },
    /// The header names an algorithm other than HS256 (`none` included).
    #[error("token: the algorithm is not HS256")]
    #[strum(serialize = "token_algorithm")]
    Algorithm,
    /// The header has a `crit` member: RFC 7515 §4.1.11 requires refusing critical
    /// extensions the verifier does not understand, and this verifier understands none.
    #[error("token: the header lists critical extensions (crit), which are not supported")]
    #[strum(serialize = "token_critical")]
    Critical,
    /// The signature does not verify with the selected key.
    #[error("token: the signature does not verify")]
    #[strum(serialize = "token_signature")]
    Signature,
    /// `exp` has passed (beyond the leeway).
    #[error("token: expired")]
    #[strum(serialize = "token_expired")]
    Expired,
    /// `nbf` or `iat` lies in the future (beyond the leeway).
    #[error("token: not yet valid")]
    #[strum(serialize = "token_not_yet_valid")]
    NotYetValid,
    /// The header's `kid` names no key of the keyring.
    #[error("token: the key id is not in the keyring")]
    #[strum(serialize = "token_unknown_kid")]
    UnknownKid,
    /// The token has no `kid` and the keyring has no legacy key for such tokens.
    #[error("token: no key id, and no legacy key is configured for tokens without one")]
    #[strum(serialize = "token_missing_kid")]
    MissingKid,
    /// A required claim is absent.
    #[error("token: the claim {claim} is required")]
    #[strum(serialize = "token_claim_missing")]
    ClaimMissing {
        /// The claim's name.
        claim: &'static str,
    },
    /// A claim has a value that is not accepted (wrong issuer or audience, …).
    #[error("token: the claim {claim} is not accepted")]
    #[strum(serialize = "token_claim_invalid")]
    ClaimInvalid {
        /// The claim's name.
        claim: &'static str,
    },
    /// An access token where a refresh token is required, or the reverse.
    #[error("token: a {found} token cannot be used as a {expected} token")]
    #[strum(serialize = "token_wrong_use")]
    WrongUse {
        /// The use the caller required.
        expected: &'static str,
        /// The use the token has.
        found: &'static str,
    },
    /// The token could not be signed (the claims do not serialise).
    #[error("token: could not be signed")]
    #[strum(serialize = "token_signing")]
    Signing,
}

impl TokenError {
    /// What to tell the client with a 401, whatever the reason (the reason goes to logs).
    pub const PUBLIC_MESSAGE: &'static str =
        "Unauthorized: the token is missing, invalid or expired";

    /// Codes that only the environment can cause (no input produces them).
    pub const ENVIRONMENTAL_CODES: &'static [&'static str] = &["token_signing"];

    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The same message for every reason, safe to send to a client.
    pub fn public_message(&self) -> &'static str {
        Self::PUBLIC_MESSAGE
    }
}

/// Why a signing secret (or a keyring built from secrets) was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum KeyError {
    /// Shorter than 32 bytes.
    #[error("jwt secret: must be at least {min} bytes")]
    #[strum(serialize = "key_too_short")]
    TooShort {
        /// The minimum length.
        min: usize,
    },
    /// Longer than [`crate::jwt::MAX_SECRET_BYTES`]: no generator makes such a secret,
    /// and checking it would cost time proportional to its length.
    #[error("jwt secret: must be at most {max} bytes")]
    #[strum(serialize = "key_too_long")]
    TooLong {
        /// The maximum length.
        max: usize,
    },
    /// A well-known default or placeholder (`super-secret`, `changeme`, …).
    #[error("jwt secret: is a well-known default or placeholder")]
    #[strum(serialize = "key_known_default")]
    KnownDefault,
    /// Looks like a PEM or JWK document rather than an HMAC secret.
    #[error("jwt secret: looks like a PEM or JWK document, not a random secret")]
    #[strum(serialize = "key_structured")]
    Structured,
    /// Looks like a password or passphrase (easily guessed).
    #[error("jwt secret: looks like a password or passphrase; use 32+ random bytes")]
    #[strum(serialize = "key_password_like")]
    PasswordLike,
    /// A text secret that is not random bytes in a standard encoding: hex of 32+ bytes
    /// (64+ digits) or base64/base64url of 32+ bytes (43+ characters).
    #[error("jwt secret: must be 32+ random bytes as hex or base64, e.g. from `openssl rand -base64 32`; a secret a person makes up is refused")]
    #[strum(serialize = "key_not_random")]
    NotRandom,
    /// Too few distinct characters or too little entropy per character.
    #[error("jwt secret: too little entropy; use 32+ random bytes")]
    #[strum(serialize = "key_low_entropy")]
    LowEntropy,
    /// Two keys of a keyring have the same id, or an id is empty or too long.
    #[error("keyring: each key needs a distinct, non-empty id of at most 64 characters")]
    #[strum(serialize = "key_bad_kid")]
    BadKid,
}

impl KeyError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// Why a lifetime such as `"7d"` was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum DurationError {
    /// Not in the `ms` notation (`60s`, `15m`, `12h`, `7d`, `2 weeks`, …).
    #[error("duration: expected a number of seconds or the ms notation such as \"15m\", \"12h\", \"7d\"")]
    #[strum(serialize = "duration_invalid")]
    Invalid,
    /// Below one second (a bare `"60"` is 60 milliseconds, as in jsonwebtoken).
    #[error("duration: shorter than one second; a bare number in a string means milliseconds — did you mean \"{seconds_hint}s\"?")]
    #[strum(serialize = "duration_too_short")]
    TooShort {
        /// The number as written, for the hint.
        seconds_hint: String,
    },
    /// Longer than [`MAX_LIFETIME_SECONDS`](super::MAX_LIFETIME_SECONDS).
    #[error("duration: longer than {max} seconds")]
    #[strum(serialize = "duration_too_long")]
    TooLong {
        /// The longest accepted lifetime in seconds.
        max: i64,
    },
}

impl DurationError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}
