//! Errors of the password module.

use std::fmt;

/// One password-policy rule a password failed. A UI renders these as a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PasswordRule {
    /// Fewer characters than the policy's minimum.
    TooShort {
        /// The minimum, in characters.
        min: usize,
    },
    /// More characters than the policy's maximum (or more than 1,024 bytes).
    TooLong {
        /// The maximum, in characters (or bytes for the input cap).
        max: usize,
    },
    /// No lower-case letter.
    NoLowercase,
    /// No upper-case letter.
    NoUppercase,
    /// No digit.
    NoDigit,
    /// No special character.
    NoSpecial,
    /// A character outside the allowed set (the `seed` policy's `[A-Za-z0-9@$!%*?&]`).
    InvalidCharacter,
    /// A control character (never allowed: it cannot be typed reliably).
    ControlCharacter,
    /// A commonly used or easily guessed password.
    Common,
    /// Contains a word from the user's own details (email, name, PAN, mobile).
    ContainsContext,
}

impl PasswordRule {
    /// Every code a rule can have.
    pub const CODES: &'static [&'static str] = &[
        "password_too_short",
        "password_too_long",
        "password_no_lowercase",
        "password_no_uppercase",
        "password_no_digit",
        "password_no_special",
        "password_invalid_character",
        "password_control_character",
        "password_common",
        "password_contains_context",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "password_too_short",
            Self::TooLong { .. } => "password_too_long",
            Self::NoLowercase => "password_no_lowercase",
            Self::NoUppercase => "password_no_uppercase",
            Self::NoDigit => "password_no_digit",
            Self::NoSpecial => "password_no_special",
            Self::InvalidCharacter => "password_invalid_character",
            Self::ControlCharacter => "password_control_character",
            Self::Common => "password_common",
            Self::ContainsContext => "password_contains_context",
        }
    }
}

impl fmt::Display for PasswordRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort { min } => write!(f, "password: must have at least {min} characters"),
            Self::TooLong { max } => write!(f, "password: must have at most {max} characters"),
            Self::NoLowercase => f.write_str("password: must contain a lower-case letter"),
            Self::NoUppercase => f.write_str("password: must contain an upper-case letter"),
            Self::NoDigit => f.write_str("password: must contain a digit"),
            Self::NoSpecial => f.write_str("password: must contain a special character"),
            Self::InvalidCharacter => f.write_str(
                "password: may contain only letters, digits and the special characters @$!%*?&",
            ),
            Self::ControlCharacter => f.write_str("password: must not contain control characters"),
            Self::Common => f.write_str("password: is a commonly used or easily guessed password"),
            Self::ContainsContext => {
                f.write_str("password: must not contain your email, name, PAN or mobile number")
            }
        }
    }
}

/// A password refused by [`require_password`](super::require_password), with every rule
/// it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordPolicyError {
    /// Every failed rule, in the policy's order.
    pub failed: Vec<PasswordRule>,
}

impl PasswordPolicyError {
    /// The code of the error as a whole.
    pub const CODE: &'static str = "password_policy";

    /// The codes of the failed rules.
    pub fn codes(&self) -> Vec<&'static str> {
        self.failed.iter().map(PasswordRule::code).collect()
    }
}

impl fmt::Display for PasswordPolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("password does not meet the policy")?;
        for rule in &self.failed {
            write!(f, "; {rule}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PasswordPolicyError {}

/// Why hashing or verification could not be done. A wrong password is not an error
/// ([`Verification::matched`](super::Verification) is `false`); only bad input is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PasswordError {
    /// The password is longer than [`MAX_PASSWORD_BYTES`](super::MAX_PASSWORD_BYTES).
    #[error("password: longer than {max} bytes")]
    InputTooLong {
        /// The largest accepted size in bytes.
        max: usize,
    },
    /// The stored hash is not a well-formed PHC or bcrypt string.
    #[error("password_hash: not a well-formed hash ({rule})")]
    HashMalformed {
        /// What is wrong, in words.
        rule: &'static str,
    },
    /// A hash scheme sparrow-core does not verify (`$2x$`, unknown `$id$`).
    #[error("password_hash: the scheme is not supported; accepted: argon2id, argon2i, argon2d, bcrypt $2a$/$2b$/$2y$")]
    HashUnsupported,
    /// A hash whose cost parameters exceed the configured limits (a denial-of-service guard).
    #[error("password_hash: {param} is {value}, above the limit of {max}")]
    HashTooCostly {
        /// The parameter (`bcrypt cost`, `m`, `t`, `p`).
        param: &'static str,
        /// Its value in the hash.
        value: u64,
        /// The configured limit.
        max: u64,
    },
    /// Argon2 parameters below the enforced minimums.
    #[error("argon2 parameters: {rule}")]
    WeakParams {
        /// The minimum that was not met.
        rule: &'static str,
    },
    /// The operating system's random source failed (environmental; no input causes it).
    #[error("password: the system random source failed")]
    Random,
    /// The hashing backend could not hash with valid parameters, e.g. memory could not
    /// be allocated (environmental; no input causes it).
    #[error("password: the hashing backend failed")]
    Backend,
}

impl PasswordError {
    /// Codes that only the environment can cause (no input produces them).
    pub const ENVIRONMENTAL_CODES: &'static [&'static str] =
        &["password_random", "password_backend"];

    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "password_input_too_long",
        "password_hash_malformed",
        "password_hash_unsupported",
        "password_hash_too_costly",
        "password_params_weak",
        "password_random",
        "password_backend",
    ];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InputTooLong { .. } => "password_input_too_long",
            Self::HashMalformed { .. } => "password_hash_malformed",
            Self::HashUnsupported => "password_hash_unsupported",
            Self::HashTooCostly { .. } => "password_hash_too_costly",
            Self::WeakParams { .. } => "password_params_weak",
            Self::Random => "password_random",
            Self::Backend => "password_backend",
        }
    }
}
