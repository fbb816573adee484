//! Passwords: policy checks, argon2id hashing, verification of argon2 and legacy
//! bcrypt hashes with upgrade on login, and timing-safe handling of unknown accounts.
//!
//! - [`check_password`] / [`require_password`] apply a [`PasswordPolicy`] (`seed`,
//!   `recommended` — the default — or `nist`) and report every failed rule.
//! - [`hash_password`] makes an argon2id PHC string (OWASP parameters by default);
//!   [`verify_password`] checks a password against an argon2 or bcrypt hash and says
//!   whether to rehash; [`dummy_verify`] spends the same time for unknown accounts.
//! - [`PasswordHasher`] carries non-default parameters, a pepper, cost limits for stored
//!   hashes and a bound on concurrent hashes.
//!
//! Hashing never applies the policy (legacy six-character passwords must still be
//! upgradable) and never normalises the password: the UTF-8 bytes given are hashed, as
//! argon2-cffi and node's `bcrypt` do. Comparisons of hash outputs are constant-time
//! (inside argon2-rust and the bcrypt crate); the pepper is zeroized on drop and never
//! shown by `Debug`.

mod error;
mod hash;
mod policy;

pub use error::{PasswordError, PasswordPolicyError, PasswordRule};
pub use hash::{
    dummy_verify, hash_password, needs_rehash, verify_password, Argon2Params, PasswordHasher,
    Verification, VerifyLimits, BCRYPT_MAX_BYTES, MAX_HASH_LEN, MAX_PASSWORD_BYTES, SALT_LEN,
    TAG_LEN,
};
pub use policy::{
    check_password, require_password, PasswordPolicy, PolicyPreset, COMMON_GUESSES,
    MIN_CONTEXT_WORD, SEED_SPECIALS,
};
