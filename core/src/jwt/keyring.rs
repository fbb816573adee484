//! HS256 secrets and a keyring with kid-based rotation.

use std::collections::BTreeMap;
use std::fmt;

use zeroize::Zeroizing;

use super::error::KeyError;

/// The shortest accepted HMAC secret, in bytes (HS256's key size).
pub const MIN_SECRET_BYTES: usize = 32;
/// Known defaults and placeholders, refused whatever their length.
pub const KNOWN_DEFAULT_SECRETS: &[&str] = &[
    "super-secret",
    "supersecret",
    "secret",
    "changeme",
    "change-me",
    "change_me",
    "jwt-secret",
    "jwt_secret",
    "jwtsecret",
    "your-256-bit-secret",
    "your-secret-key",
    "your_jwt_secret",
    "mysecret",
    "my-secret",
    "password",
    "default",
    "test",
    "development",
];

/// Checks an HMAC secret: at least 32 bytes; not a known default or placeholder (also
/// repeated to reach the length); not a PEM or JWK document; not a password or
/// passphrase (zxcvbn estimates under 10¹⁴ guesses); at least 10 distinct bytes and
/// 3 bits of entropy per byte. The error never contains the secret.
pub fn check_secret(secret: &[u8]) -> Result<(), KeyError> {
    let text = String::from_utf8_lossy(secret);
    let lowered = text.trim().to_ascii_lowercase();
    let is_default = |s: &str| {
        KNOWN_DEFAULT_SECRETS
            .iter()
            .any(|d| !s.is_empty() && (s == *d || s.split(d).all(str::is_empty)))
    };
    if is_default(&lowered) || (lowered.starts_with('<') && lowered.ends_with('>')) {
        return Err(KeyError::KnownDefault);
    }
    if secret.len() < MIN_SECRET_BYTES {
        return Err(KeyError::TooShort {
            min: MIN_SECRET_BYTES,
        });
    }
    if lowered.contains("-----begin") || (lowered.starts_with('{') && lowered.contains("\"kty\"")) {
        return Err(KeyError::Structured);
    }
    let mut counts = [0u32; 256];
    for &b in secret {
        if let Some(c) = counts.get_mut(usize::from(b)) {
            *c = c.saturating_add(1);
        }
    }
    let distinct = counts.iter().filter(|&&c| c > 0).count();
    let n = secret.len() as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum();
    if distinct < 10 || entropy < 3.0 {
        return Err(KeyError::LowEntropy);
    }
    if let Ok(s) = std::str::from_utf8(secret) {
        if s.len() <= 256 && zxcvbn::zxcvbn(s, &[]).guesses_log10() < 14.0 {
            return Err(KeyError::PasswordLike);
        }
    }
    Ok(())
}

/// An HMAC secret that passed [`check_secret`]; zeroized on drop, never shown by `Debug`.
#[derive(Clone)]
pub(crate) struct Secret(Zeroizing<Vec<u8>>);

impl Secret {
    fn new(bytes: &[u8]) -> Result<Secret, KeyError> {
        check_secret(bytes)?;
        Ok(Secret(Zeroizing::new(bytes.to_vec())))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// The keys that sign and verify tokens.
///
/// - The **current** key signs new tokens; its id goes into the header as `kid` (a
///   keyring made by [`Keyring::legacy`] signs without a `kid`, as the backend does today).
/// - Every **active** key verifies tokens whose `kid` names it; an unknown `kid` is
///   refused with its own error (`token_unknown_kid`).
/// - Tokens **without** a `kid` verify only with the designated legacy key (today's
///   `JWT_SECRET`); without one they are refused (`token_missing_kid`).
///
/// `Debug` lists key ids only.
#[derive(Clone)]
pub struct Keyring {
    current: Option<String>,
    keys: BTreeMap<String, Secret>,
    legacy: Option<Secret>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current)
            .field("active", &self.keys.keys().collect::<Vec<_>>())
            .field("legacy", &self.legacy.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

fn check_kid(kid: &str) -> Result<(), KeyError> {
    if kid.is_empty() || kid.chars().count() > 64 || kid.chars().any(char::is_control) {
        return Err(KeyError::BadKid);
    }
    Ok(())
}

impl Keyring {
    /// A keyring whose current (signing) key is `secret` with id `kid`.
    pub fn new(kid: &str, secret: &[u8]) -> Result<Keyring, KeyError> {
        check_kid(kid)?;
        let mut keys = BTreeMap::new();
        keys.insert(kid.to_owned(), Secret::new(secret)?);
        Ok(Keyring {
            current: Some(kid.to_owned()),
            keys,
            legacy: None,
        })
    }

    /// A keyring for today's tokens: `secret` signs without a `kid` and verifies
    /// tokens without one (interchangeable with the backend's jsonwebtoken tokens).
    pub fn legacy(secret: &[u8]) -> Result<Keyring, KeyError> {
        Ok(Keyring {
            current: None,
            keys: BTreeMap::new(),
            legacy: Some(Secret::new(secret)?),
        })
    }

    /// Adds a key that verifies tokens naming `kid` (a previous key during rotation).
    pub fn with_key(mut self, kid: &str, secret: &[u8]) -> Result<Keyring, KeyError> {
        check_kid(kid)?;
        if self.keys.contains_key(kid) {
            return Err(KeyError::BadKid);
        }
        self.keys.insert(kid.to_owned(), Secret::new(secret)?);
        Ok(self)
    }

    /// Designates `secret` as the key for tokens that carry no `kid`.
    pub fn with_legacy_key(mut self, secret: &[u8]) -> Result<Keyring, KeyError> {
        self.legacy = Some(Secret::new(secret)?);
        Ok(self)
    }

    /// Makes `kid` (already in the keyring) the signing key.
    pub fn rotate_to(mut self, kid: &str) -> Result<Keyring, KeyError> {
        if !self.keys.contains_key(kid) {
            return Err(KeyError::BadKid);
        }
        self.current = Some(kid.to_owned());
        Ok(self)
    }

    /// Stops accepting tokens signed with `kid` (it cannot be the current key).
    pub fn retire(mut self, kid: &str) -> Result<Keyring, KeyError> {
        if self.current.as_deref() == Some(kid) || self.keys.remove(kid).is_none() {
            return Err(KeyError::BadKid);
        }
        Ok(self)
    }

    /// The id of the signing key (`None` for a legacy keyring).
    pub fn current_kid(&self) -> Option<&str> {
        self.current.as_deref()
    }

    pub(crate) fn signing(&self) -> Option<(Option<&str>, &Secret)> {
        match &self.current {
            Some(kid) => self.keys.get(kid).map(|s| (Some(kid.as_str()), s)),
            None => self.legacy.as_ref().map(|s| (None, s)),
        }
    }

    pub(crate) fn by_kid(&self, kid: &str) -> Option<&Secret> {
        self.keys.get(kid)
    }

    pub(crate) fn legacy_key(&self) -> Option<&Secret> {
        self.legacy.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[u8] = b"Zq3v9LkT2xWm8RbN4cYp7HdJ1fGs6VeA0uKoQiXt";

    fn code(secret: &[u8]) -> &'static str {
        check_secret(secret).unwrap_err().code()
    }

    #[test]
    fn secret_policy() {
        assert!(check_secret(GOOD).is_ok());
        assert!(check_secret(&[
            0x5a, 0x13, 0xff, 0x00, 0x77, 0x81, 0x42, 0x9c, 0x3e, 0xd1, 0x08, 0x66, 0xb4, 0x2f,
            0xe9, 0x50, 0x1a, 0xcc, 0x73, 0x95, 0x0d, 0x4b, 0xf6, 0x28, 0x87, 0x3c, 0xa0, 0x61,
            0x19, 0xde, 0x45, 0xbb
        ])
        .is_ok());
        assert_eq!(code(b"super-secret"), "key_known_default");
        assert_eq!(
            code(b"SUPER-SECRETsuper-secretsuper-secretsuper-secret"),
            "key_known_default"
        );
        assert_eq!(code(b"<generate-256-bit-secret>"), "key_known_default");
        assert_eq!(code(b"short but not default"), "key_too_short");
        assert_eq!(
            code(b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END"),
            "key_structured"
        );
        assert_eq!(
            code(br#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ"}"#),
            "key_structured"
        );
        assert_eq!(code(&[b'a'; 64]), "key_low_entropy");
        assert_eq!(
            code(b"abababababababababababababababababababab"),
            "key_low_entropy"
        );
        assert_eq!(
            code(b"Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3"),
            "key_password_like"
        );
    }

    #[test]
    fn keyring_rotation_and_debug() {
        let other = b"Hk5mP0wR8tZ2vL6nQ9yB3xC7jF1dS4gE8uA2oIrT";
        let ring = Keyring::new("2026-01", GOOD)
            .unwrap()
            .with_key("2026-02", other)
            .unwrap();
        assert_eq!(ring.current_kid(), Some("2026-01"));
        let ring = ring
            .rotate_to("2026-02")
            .unwrap()
            .retire("2026-01")
            .unwrap();
        assert!(ring.by_kid("2026-01").is_none());
        assert_eq!(
            ring.clone().retire("2026-02").unwrap_err().code(),
            "key_bad_kid"
        );
        assert_eq!(
            ring.clone().with_key("2026-02", GOOD).unwrap_err().code(),
            "key_bad_kid"
        );
        assert_eq!(Keyring::new("", GOOD).unwrap_err().code(), "key_bad_kid");
        let debug = format!("{:?}", ring.with_legacy_key(GOOD).unwrap());
        assert!(
            !debug.contains("Zq3v9") && !debug.contains("Hk5mP"),
            "{debug}"
        );
    }
}
