//! Errors of the password module.

use std::fmt;

/// One password-policy rule a password failed. A UI renders these as a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::VariantNames)]
#[non_exhaustive]
pub enum PasswordRule {
    /// Fewer characters than the policy's minimum.
    #[strum(serialize = "password_too_short")]
    TooShort {
        /// The minimum, in characters.
        min: usize,
    },
    /// More characters than the policy's maximum (or more than 1,024 bytes).
    #[strum(serialize = "password_too_long")]
    TooLong {
        /// The maximum, in characters (or bytes for the input cap).
        max: usize,
    },
    /// No lower-case letter.
    #[strum(serialize = "password_no_lowercase")]
    NoLowercase,
    /// No upper-case letter.
    #[strum(serialize = "password_no_uppercase")]
    NoUppercase,
    /// No digit.
    #[strum(serialize = "password_no_digit")]
    NoDigit,
    /// No special character.
    #[strum(serialize = "password_no_special")]
    NoSpecial,
    /// A character outside the allowed set (the `seed` policy's `[A-Za-z0-9@$!%*?&]`).
    #[strum(serialize = "password_invalid_character")]
    InvalidCharacter,
    /// A control character (never allowed: it cannot be typed reliably).
    #[strum(serialize = "password_control_character")]
    ControlCharacter,
    /// A commonly used or easily guessed password.
    #[strum(serialize = "password_common")]
    Common,
    /// Contains a word from the user's own details (email, name, PAN, mobile).
    #[strum(serialize = "password_contains_context")]
    ContainsContext,
}

impl PasswordRule {
    /// Every code a rule can have.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.into()
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
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum PasswordError {
    /// The password is longer than [`MAX_PASSWORD_BYTES`](super::MAX_PASSWORD_BYTES).
    #[error("password: longer than {max} bytes")]
    #[strum(serialize = "password_input_too_long")]
    InputTooLong {
        /// The largest accepted size in bytes.
        max: usize,
    },
    /// The stored hash is not a well-formed PHC or bcrypt string.
    #[error("password_hash: not a well-formed hash ({rule})")]
    #[strum(serialize = "password_hash_malformed")]
    HashMalformed {
        /// What is wrong, in words.
        rule: &'static str,
    },
    /// A hash scheme sparrow-core does not verify (`$2x$`, unknown `$id$`).
    #[error("password_hash: the scheme is not supported; accepted: argon2id, argon2i, argon2d, bcrypt $2a$/$2b$/$2y$")]
    #[strum(serialize = "password_hash_unsupported")]
    HashUnsupported,
    /// A hash whose cost parameters exceed the configured limits (a denial-of-service guard).
    #[error("password_hash: {param} is {value}, above the limit of {max}")]
    #[strum(serialize = "password_hash_too_costly")]
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
    #[strum(serialize = "password_params_weak")]
    WeakParams {
        /// The minimum that was not met.
        rule: &'static str,
    },
    /// The operating system's random source failed (environmental; no input causes it).
    #[error("password: the system random source failed")]
    #[strum(serialize = "password_random")]
    Random,
    /// The hashing backend could not hash with valid parameters, e.g. memory could not
    /// be allocated (environmental; no input causes it).
    #[error("password: the hashing backend failed")]
    #[strum(serialize = "password_backend")]
    Backend,
}

impl PasswordError {
    /// Codes that only the environment can cause (no input produces them).
    pub const ENVIRONMENTAL_CODES: &'static [&'static str] =
        &["password_random", "password_backend"];

    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}
