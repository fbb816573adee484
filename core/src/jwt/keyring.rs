//! HS256 secrets and a keyring with kid-based rotation.

use std::collections::BTreeMap;
use std::fmt;

use zeroize::Zeroizing;

use super::error::KeyError;

/// The shortest accepted HMAC secret, in bytes (HS256's key size).
pub const MIN_SECRET_BYTES: usize = 32;
/// The longest signing secret accepted (1 KiB: 24 times what 256 random bits take as
/// base64). Checked first, so a 10 MB "secret" is refused at once.
pub const MAX_SECRET_BYTES: usize = 1024;
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

/// Checks an HMAC secret (RFC 7518 §3.2: a key of at least 256 bits for HS256). A person
/// cannot type 256 bits of randomness, so a secret given as text must be what a
/// generator prints — **random bytes in a standard encoding**:
///
/// - hex of 32+ bytes (`openssl rand -hex 32`: 64 digits), or
/// - base64 or base64url of 32+ bytes (`openssl rand -base64 32`, Node's
///   `crypto.randomBytes(32).toString('base64url')`: 43–44 characters), padded or not;
///
/// and it must not contain a known default (`super-secret`, `changeme`, …) or words: one
/// dictionary word of 7+ letters, or two of 4+ letters (zxcvbn's English, names and
/// common-password lists; words are read from letter runs split at case changes, so
/// `SparrowInvestSecret` is three). Also refused: under 32 bytes, PEM/JWK documents, fewer
/// than 10 distinct bytes or under 3 bits of entropy per byte, and (zxcvbn) anything
/// guessable in under 10¹⁴ tries. A secret given as bytes that are not text (control
/// characters or invalid UTF-8, e.g. `os.urandom(32)`) needs no encoding; the other rules
/// apply. The error never contains the secret.
///
/// A random 32-byte secret fails the word rule by chance about once in 15,000 draws
/// (measured: 5 of 90,000 draws over the three encodings); generate another.
pub fn check_secret(secret: &[u8]) -> Result<(), KeyError> {
    if secret.len() > MAX_SECRET_BYTES {
        return Err(KeyError::TooLong {
            max: MAX_SECRET_BYTES,
        });
    }
    let text = String::from_utf8_lossy(secret);
    let lowered = text.trim().to_ascii_lowercase();
    let is_default = |s: &str| {
        KNOWN_DEFAULT_SECRETS
            .iter()
            .any(|d| !s.is_empty() && (s == *d || s.split(d).all(str::is_empty)))
    };
    // A long default inside a longer secret (`super-secret-key-…`) is still the default.
    let contains_default = KNOWN_DEFAULT_SECRETS
        .iter()
        .any(|d| d.len() >= 8 && lowered.contains(d));
    if is_default(&lowered)
        || contains_default
        || (lowered.starts_with('<') && lowered.ends_with('>'))
    {
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
    let as_text = std::str::from_utf8(secret)
        .ok()
        .filter(|s| !s.chars().any(char::is_control));
    if let Some(s) = as_text {
        if !encoded_random(s) {
            return Err(KeyError::NotRandom);
        }
        if has_words(s) {
            return Err(KeyError::PasswordLike);
        }
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
    if let Some(s) = as_text {
        if s.len() <= 256 && zxcvbn::zxcvbn(s, &[]).guesses_log10() < 14.0 {
            return Err(KeyError::PasswordLike);
        }
    }
    Ok(())
}

/// Hex of 32+ bytes, or base64/base64url (one alphabet, `=` padding only at the end) of
/// 32+ bytes.
fn encoded_random(s: &str) -> bool {
    let hex = s.len() >= 2 * MIN_SECRET_BYTES
        && s.len().is_multiple_of(2)
        && s.bytes().all(|b| b.is_ascii_hexdigit());
    if hex {
        return true;
    }
    let body = s.trim_end_matches('=');
    let padding = s.len() - body.len();
    let standard = body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    let url = body
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let length_ok = match padding {
        0 => body.len() % 4 != 1,
        1 | 2 => s.len().is_multiple_of(4),
        _ => false,
    };
    let bytes = body.len() * 3 / 4;
    (standard || url) && length_ok && bytes >= MIN_SECRET_BYTES
}

/// Whether the letters of `s` hold one dictionary word of 7+ letters (rank under
/// 100,000) or two of 4+ letters (rank under 10,000), by zxcvbn's dictionaries.
fn has_words(s: &str) -> bool {
    use zxcvbn::matching::patterns::MatchPattern;
    // zxcvbn caps its estimate, so on a long run its cheapest reading can be one
    // brute-force match hiding the words inside: runs are read in overlapping windows
    // of 20 letters (every word of up to 10 letters lies wholly in one), and a word seen
    // by two windows counts once.
    const WINDOW: usize = 20;
    const STEP: usize = 10;
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut short_words = 0;
    for run in letter_words(s).filter(|w| w.len() >= 4) {
        let base = run.as_ptr() as usize - s.as_ptr() as usize;
        let mut offsets: Vec<usize> = (0..run.len().saturating_sub(WINDOW) + 1)
            .step_by(STEP)
            .collect();
        if let Some(&last) = offsets.last() {
            if last + WINDOW < run.len() {
                offsets.push(run.len() - WINDOW);
            }
        }
        for offset in offsets {
            let window = run
                .get(offset..(offset + WINDOW).min(run.len()))
                .unwrap_or_default();
            let estimate = zxcvbn::zxcvbn(&window.to_ascii_lowercase(), &[]);
            for m in estimate.sequence() {
                let MatchPattern::Dictionary(d) = &m.pattern else {
                    continue;
                };
                if d.l33t || d.reversed {
                    continue;
                }
                let letters = m.token.len();
                if letters >= 7 && d.rank < 100_000 {
                    return true;
                }
                let at = (base + offset + m.i, letters);
                if letters >= 4 && d.rank < 10_000 && !seen.contains(&at) {
                    seen.push(at);
                    short_words += 1;
                    if short_words >= 2 {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Runs of ASCII letters, split where a lowercase letter meets an uppercase one
/// (`aB` → `a`, `B`) and before the last capital of a capital run followed by a
/// lowercase letter (`JWTSecret` → `JWT`, `Secret`).
fn letter_words(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let c = bytes.get(i).copied().unwrap_or(0);
            if !c.is_ascii_alphabetic() {
                let word = s.get(start..i);
                i += 1;
                start = i;
                match word {
                    Some(w) if !w.is_empty() => return Some(w),
                    _ => continue,
                }
            }
            let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
            let next = bytes.get(i + 1).copied();
            let boundary = i > start
                && match prev {
                    Some(p) if p.is_ascii_lowercase() && c.is_ascii_uppercase() => true,
                    Some(p) => {
                        p.is_ascii_uppercase()
                            && c.is_ascii_uppercase()
                            && next.is_some_and(|n| n.is_ascii_lowercase())
                    }
                    None => false,
                };
            if boundary {
                let word = s.get(start..i);
                start = i;
                i += 1;
                if let Some(w) = word {
                    return Some(w);
                }
                continue;
            }
            i += 1;
        }
        let word = s.get(start..).filter(|w| !w.is_empty());
        start = s.len();
        word
    })
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
    #[test]
    fn a_huge_secret_is_refused_first() {
        let huge = vec![b'x'; MAX_SECRET_BYTES + 1];
        assert_eq!(check_secret(&huge).unwrap_err().code(), "key_too_long");
        let at_max = vec![b'x'; MAX_SECRET_BYTES];
        assert_ne!(check_secret(&at_max).unwrap_err().code(), "key_too_long");
    }

    use super::*;

    const GOOD: &[u8] = b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";

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
            code(b"abababababababababababababababababababababababababababababababab"),
            "key_low_entropy"
        );
        assert_eq!(
            code(b"Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3"),
            "key_not_random"
        );
    }

    #[test]
    fn human_made_secrets_are_refused() {
        for (secret, expected) in [
            ("super-secret-key-super-secret-key", "key_known_default"),
            (
                "my-super-long-jwt-secret-key-for-production",
                "key_known_default",
            ),
            ("SparrowInvestProductionJWTSecretKey", "key_known_default"),
            (
                "correct horse battery staple correct horse",
                "key_not_random",
            ),
            // Variants that fit an encoding's alphabet and length.
            (
                "SparrowInvestProductionJWTSecretKey20261201",
                "key_known_default",
            ),
            (
                "my_super_long_jwt_secret_key_for_production",
                "key_known_default",
            ),
            (
                "correct-horse-battery-staple-correct-horse1",
                "key_password_like",
            ),
            (
                "CorrectHorseBatteryStapleCorrectHorse12345",
                "key_not_random",
            ),
            (
                "MySuperLongJwtKeyForProductionUse2026xyzAB",
                "key_not_random",
            ),
            (
                "MySuperLongJwtKeyForProductionUse2026xyzABC",
                "key_password_like",
            ),
            (
                "your-super-secret-jwt-key-change-in-production",
                "key_known_default",
            ),
            (
                "sparrow+invest/production+jwt/key+2026+abcd",
                "key_password_like",
            ),
            (
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "key_password_like",
            ),
            (
                "correcthorsebatterystaplecorrecthorse123456",
                "key_password_like",
            ),
        ] {
            let got = check_secret(secret.as_bytes()).map_err(|e| e.code());
            assert_eq!(got, Err(expected), "{secret}");
        }
    }

    #[test]
    fn generated_secrets_pass() {
        // Printed by `openssl rand -base64 32`, `openssl rand -hex 32` and Node's
        // `crypto.randomBytes(32).toString('base64url')` on 2026-12-01.
        for secret in [
            "IlSfw7hci26JTAyVXI/TKMd9mhc+6HBZVuUX0LwPdIo=",
            "xYIbTO/6Na81LRxVx4V5VK7LknrGqzTWv6ktWd7QHeY=",
            "qqIS6it+tZSLI0NJ8r4TEbHeOVgvatH7DuzkZhBZIQs=",
            "11c34eb224266d8aba05955cbcf091ab98c7c46744a14602aebf0df8b104a049",
            "fd403c38650677ec93211e83d9671d5a3fc3b42fb0df962a184cd61f0295950c",
            "3a562bd01d80c3a79f6db1a49b6adf9cba91b8343e7184749a5d16a6276b8d52",
            "-iwKDc2YyyFXkr_7_jXR8LyPZt98QUoQsD6BK9fi5vQ",
            "lNi5j-xLN7xSkjgaruCmqAARc4kvCekfY-mTFxxau50",
            "BmOMPu3RdaB6YzSiNrVQZ6vEIRs9TtSgE3LRflrD5IY",
        ] {
            assert!(check_secret(secret.as_bytes()).is_ok(), "{secret}");
        }
        // The same encodings of many random draws (a fixed seed, so the test is
        // deterministic): none is refused.
        use base64::Engine;
        use rand::{RngCore, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(20261201);
        let engines = [
            &base64::engine::general_purpose::STANDARD,
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        ];
        for _ in 0..300 {
            let mut bytes = [0u8; 32];
            rng.fill_bytes(&mut bytes);
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            for text in [engines[0].encode(bytes), engines[1].encode(bytes), hex] {
                assert!(check_secret(text.as_bytes()).is_ok(), "{text}");
            }
        }
    }

    #[test]
    #[ignore = "measurement: cargo test --release -p sparrow-core -- --ignored --nocapture"]
    fn measure_false_refusals() {
        use base64::Engine;
        use rand::{RngCore, SeedableRng};
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let mut refused = [0usize; 3];
        let draws = 30_000;
        for _ in 0..draws {
            let mut bytes = [0u8; 32];
            rng.fill_bytes(&mut bytes);
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let texts = [
                base64::engine::general_purpose::STANDARD.encode(bytes),
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
                hex,
            ];
            for (k, text) in texts.iter().enumerate() {
                if check_secret(text.as_bytes()).is_err() {
                    refused[k] += 1;
                    println!("refused: {text}");
                }
            }
        }
        println!("refused of {draws} (base64, base64url, hex): {refused:?}");
    }

    #[test]
    fn words_are_read_from_letter_runs_and_case_changes() {
        let words: Vec<&str> = letter_words("SparrowInvestJWTSecret-key_2026abcDEF").collect();
        assert_eq!(
            words,
            ["Sparrow", "Invest", "JWT", "Secret", "key", "abc", "DEF"]
        );
        assert_eq!(letter_words("").count(), 0);
        assert_eq!(letter_words("123").count(), 0);
        assert_eq!(letter_words("aB").collect::<Vec<_>>(), ["a", "B"]);
        assert!(encoded_random(
            "IlSfw7hci26JTAyVXI/TKMd9mhc+6HBZVuUX0LwPdIo="
        ));
        assert!(!encoded_random(
            "IlSfw7hci26JTAyVXI/TKMd9mhc-6HBZVuUX0LwPdIo="
        ));
        assert!(!encoded_random(
            "IlSfw7hci26JTAyVXI/TKMd9mhc+6HBZVuUX0LwPdIo=="
        ));
        assert!(!encoded_random(&"ab".repeat(21)));
    }

    #[test]
    fn keyring_rotation_and_debug() {
        let other = b"QPIHLPwwMA1S5FVfvBxjSPSYXD1LsQwIbhGFMGJtUsU";
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
