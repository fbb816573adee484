//! API keys for the public ML endpoints: one scheme, issued by the backend and checked by
//! the ML service (the guide's security checklist: "Add API key auth for public ML
//! endpoints").
//!
//! **Format.** `spk_<env>_<key id>_<secret><checksum>`:
//! - `env` is `live` or `test`;
//! - the key id is 14 base62 characters (80 random bits), public, the record's lookup key;
//! - the secret is 43 base62 characters (256 random bits, a fixed-width encoding of 32
//!   bytes);
//! - the checksum is the CRC-32 (IEEE) of everything before it, 6 base62 characters, as
//!   GitHub's token format does: a mistyped or truncated key is refused before any
//!   lookup, and secret scanners can find leaked keys with [`KEY_PATTERN`].
//!
//! Base62 digits are `0-9A-Za-z`; a key is always [`KEY_LEN`] ASCII characters.
//!
//! **Storage.** Only an HMAC-SHA-256 of the whole key under a server-side [`Pepper`] is
//! stored: keys carry 256 random bits, so a fast keyed hash is right (argon2 defends
//! guessable passwords, not random keys). An [`ApiKeyRecord`] holds the public key id, the
//! digest, the client it belongs to, its scopes, created and expiry times and a revoked
//! flag; several live records per client are how keys rotate. [`api_keys_migration_sql`]
//! creates the table.
//!
//! **Checking.** [`parse_api_key`] (format and checksum, no secret needed: what a device
//! can check) gives the key id to look up; [`verify_api_key`] then decides, comparing the
//! digest in constant time. Refusals are [`ApiKeyError`]s with stable codes and the HTTP
//! status to answer with ([`ApiKeyError::http_status`]); the plaintext is never in an
//! error, a `Debug` output or a log line.

mod error;

use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

pub use error::ApiKeyError;

/// Every key starts with this.
pub const PREFIX: &str = "spk_";
/// Characters of the key id.
pub const KEY_ID_CHARS: usize = 14;
/// Characters of the secret.
pub const SECRET_CHARS: usize = 43;
/// Characters of the checksum.
pub const CHECKSUM_CHARS: usize = 6;
/// Random bytes one key takes from the RNG: 10 for the id, 32 for the secret.
pub const RANDOM_BYTES: usize = 42;
/// The length of every key: `spk_` + `live_` + 14 + `_` + 43 + 6.
pub const KEY_LEN: usize = 4 + 5 + KEY_ID_CHARS + 1 + SECRET_CHARS + CHECKSUM_CHARS;
/// The regular expression secret scanners use to find leaked keys.
pub const KEY_PATTERN: &str = r"\bspk_(live|test)_[0-9A-Za-z]{14}_[0-9A-Za-z]{49}\b";
/// The longest text a binding needs to read out of its host's string to check it: any
/// longer text is refused as `api_key_format` whatever it holds (a key is [`KEY_LEN`]
/// ASCII bytes), so a binding may hand [`parse_api_key`] an empty text instead of copying
/// a huge header.
pub const MAX_PRESENTED_LEN: usize = 4 * KEY_LEN;
/// The shortest pepper accepted.
pub const MIN_PEPPER_BYTES: usize = 32;
/// The most scopes one key may carry.
pub const MAX_SCOPES: usize = 32;
/// The longest scope name.
pub const MAX_SCOPE_CHARS: usize = 64;
/// The longest client id.
pub const MAX_CLIENT_ID_CHARS: usize = 128;

const KEY_ID_BYTES: usize = 10;
const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The environment a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiKeyEnvironment {
    /// Production keys: `spk_live_…`.
    Live,
    /// Test keys: `spk_test_…`.
    Test,
}

impl ApiKeyEnvironment {
    /// `live` or `test`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Live => "live",
            Self::Test => "test",
        }
    }
}

impl FromStr for ApiKeyEnvironment {
    type Err = ApiKeyError;
    fn from_str(s: &str) -> Result<Self, ApiKeyError> {
        match s {
            "live" => Ok(Self::Live),
            "test" => Ok(Self::Test),
            _ => Err(ApiKeyError::Input {
                field: "environment",
                rule: "must be live or test",
            }),
        }
    }
}

/// The server-side secret keying the stored digests (at least [`MIN_PEPPER_BYTES`]).
/// Held as HMAC-SHA-256's keyed state, made once (so each check skips the key schedule);
/// never shown by `Debug`.
#[derive(Clone)]
pub struct Pepper(Hmac<Sha256>);

impl Pepper {
    /// A pepper from its bytes (say, a 32-byte value from the secrets manager).
    pub fn new(bytes: &[u8]) -> Result<Pepper, ApiKeyError> {
        if bytes.len() < MIN_PEPPER_BYTES {
            return Err(ApiKeyError::Pepper);
        }
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(bytes).map_err(|_| ApiKeyError::Pepper)?;
        Ok(Pepper(mac))
    }

    fn mac(&self) -> Hmac<Sha256> {
        self.0.clone()
    }
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper(****)")
    }
}

/// A key's plaintext, shown to its owner once. Wiped on drop; `Debug` shows only the
/// public part (`spk_live_<key id>_****`).
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(Zeroizing<String>);

impl ApiKey {
    /// The key text, to hand to its owner (and nowhere else).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let public = self
            .0
            .get(..PREFIX.len() + 5 + KEY_ID_CHARS + 1)
            .unwrap_or("");
        write!(f, "ApiKey({public}****)")
    }
}

/// What is stored for a key: never the key itself. Serialised as
/// `{key_id, environment, client_id, digest, scopes, created_at, expires_at, revoked}`
/// (times in Unix seconds), what [`ApiKeyRecord::from_value`] reads back.
#[derive(Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiKeyRecord {
    /// The public key id (14 base62 characters), unique.
    pub key_id: String,
    /// The key's environment.
    pub environment: ApiKeyEnvironment,
    /// The client the key belongs to (several live keys per client = rotation).
    pub client_id: String,
    /// HMAC-SHA-256 of the whole key under the pepper, 64 lower-case hex digits.
    pub digest: String,
    /// The scopes it grants (`ml:classify`, …).
    pub scopes: Vec<String>,
    /// When it was issued, Unix seconds.
    pub created_at: i64,
    /// When it stops working, Unix seconds (`None`: no expiry).
    pub expires_at: Option<i64>,
    /// Whether it was revoked.
    pub revoked: bool,
}

impl fmt::Debug for ApiKeyRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKeyRecord")
            .field("key_id", &self.key_id)
            .field("environment", &self.environment)
            .field("client_id", &self.client_id)
            .field("digest", &"****")
            .field("scopes", &self.scopes)
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .field("revoked", &self.revoked)
            .finish()
    }
}

impl ApiKeyRecord {
    /// The record as data: `{key_id, environment, client_id, digest, scopes, created_at,
    /// expires_at, revoked}` (times in Unix seconds), what a binding stores and reads back.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// A record read back from a store in [`ApiKeyRecord::to_value`]'s shape. Each field
    /// is checked by the rules issuing follows; a damaged record is `api_key_record`
    /// naming the field, never a key decision.
    pub fn from_value(value: &serde_json::Value) -> Result<ApiKeyRecord, ApiKeyError> {
        use serde_json::Value;
        let bad = |field, rule| ApiKeyError::Record { field, rule };
        let Value::Object(m) = value else {
            return Err(bad("record", "must be an object"));
        };
        let text = |k: &'static str| match m.get(k) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(bad(k, "must be text")),
        };
        let key_id = text("key_id")?;
        if key_id.len() != KEY_ID_CHARS || !key_id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(bad("key_id", "must be 14 base62 characters"));
        }
        let environment = text("environment")?
            .parse()
            .map_err(|_| bad("environment", "must be live or test"))?;
        let client_id = text("client_id")?;
        let digest = text("digest")?;
        if hex_digest(&digest).is_none() {
            return Err(bad("digest", "must be 64 lower-case hex digits"));
        }
        let scopes = match m.get("scopes") {
            Some(Value::Array(list)) if !list.is_empty() && list.len() <= MAX_SCOPES => list
                .iter()
                .map(|s| match s {
                    Value::String(s) if check_scope(s) => Ok(s.clone()),
                    _ => Err(bad("scopes", "must be scope names")),
                })
                .collect::<Result<Vec<_>, _>>()?,
            _ => return Err(bad("scopes", "must be a list of 1 to 32 scope names")),
        };
        let created_at = m
            .get("created_at")
            .and_then(Value::as_i64)
            .ok_or(bad("created_at", "must be whole Unix seconds"))?;
        let expires_at = match m.get("expires_at") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_i64()
                    .ok_or(bad("expires_at", "must be whole Unix seconds or null"))?,
            ),
        };
        let revoked = match m.get("revoked") {
            Some(Value::Bool(b)) => *b,
            _ => return Err(bad("revoked", "must be true or false")),
        };
        Ok(ApiKeyRecord {
            key_id,
            environment,
            client_id,
            digest,
            scopes,
            created_at,
            expires_at,
            revoked,
        })
    }
}

/// A new key: its plaintext (shown once) and the record to store.
#[derive(Debug, Clone)]
pub struct IssuedApiKey {
    /// The plaintext.
    pub key: ApiKey,
    /// What to store.
    pub record: ApiKeyRecord,
}

/// The public parts of a well-formed key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParsedApiKey {
    /// Its environment.
    pub environment: ApiKeyEnvironment,
    /// Its key id, to look the record up by.
    pub key_id: String,
}

/// A key that passed: who it is and what it may do.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiKeyGrant {
    /// The key id.
    pub key_id: String,
    /// The client.
    pub client_id: String,
    /// Every scope the key carries.
    pub scopes: Vec<String>,
}

/// `bytes` (big-endian) as exactly `width` base62 digits; the value must be below
/// 62^width, which every caller's width guarantees. A fixed-width encoding keeps every key
/// the same length, which no base62 crate offers (they drop leading zeros).
fn base62_fixed(bytes: &[u8], width: usize) -> String {
    let mut number: Vec<u8> = bytes.to_vec();
    let mut digits = vec![b'0'; width];
    for slot in digits.iter_mut().rev() {
        let mut remainder: u32 = 0;
        for byte in number.iter_mut() {
            let acc = (remainder << 8) | u32::from(*byte);
            *byte = u8::try_from(acc / 62).unwrap_or(0);
            remainder = acc % 62;
        }
        *slot = ALPHABET
            .get(usize::try_from(remainder).unwrap_or(0))
            .copied()
            .unwrap_or(b'0');
    }
    String::from_utf8(digits).unwrap_or_default()
}

fn checksum(body: &str) -> String {
    base62_fixed(
        &crc32fast::hash(body.as_bytes()).to_be_bytes(),
        CHECKSUM_CHARS,
    )
}

/// The stored digest of a key text: HMAC-SHA-256 under `pepper`, lower-case hex.
pub fn api_key_digest(key: &str, pepper: &Pepper) -> String {
    let mut mac = pepper.mac();
    mac.update(key.as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        use fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn check_scope(scope: &str) -> bool {
    let b = scope.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_SCOPE_CHARS
        && b.first().is_some_and(u8::is_ascii_lowercase)
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b':' | b'.' | b'-')
        })
}

/// Issues a key from `random` ([`RANDOM_BYTES`] bytes of a cryptographic RNG: the first 10
/// make the key id, the rest the secret). Deterministic in its inputs, so known-answer
/// vectors pin the format; [`issue_api_key_os`] draws the bytes from the OS.
///
/// Rules (`api_key_input`): `client_id` 1–128 characters without control characters;
/// 1–32 distinct scopes, each 1–64 characters of `a-z 0-9 _ : . -` starting with a
/// letter; `expires_at`, when given, after `now`.
pub fn issue_api_key(
    environment: ApiKeyEnvironment,
    client_id: &str,
    scopes: &[String],
    expires_at: Option<i64>,
    now: i64,
    pepper: &Pepper,
    random: &[u8; RANDOM_BYTES],
) -> Result<IssuedApiKey, ApiKeyError> {
    let input = |field, rule| ApiKeyError::Input { field, rule };
    let client_chars = client_id.chars().count();
    if client_chars == 0
        || client_chars > MAX_CLIENT_ID_CHARS
        || client_id.chars().any(char::is_control)
    {
        return Err(input(
            "client_id",
            "must be 1 to 128 characters without control characters",
        ));
    }
    if scopes.is_empty() || scopes.len() > MAX_SCOPES {
        return Err(input("scopes", "must name 1 to 32 scopes"));
    }
    for (i, s) in scopes.iter().enumerate() {
        if !check_scope(s) {
            return Err(input(
                "scopes",
                "each scope is 1 to 64 characters of a-z 0-9 _ : . - starting with a letter",
            ));
        }
        if scopes.get(..i).is_some_and(|before| before.contains(s)) {
            return Err(input("scopes", "names a scope twice"));
        }
    }
    if expires_at.is_some_and(|e| e <= now) {
        return Err(input("expires_at", "must be after now"));
    }
    let (id_bytes, secret_bytes) = random.split_at(KEY_ID_BYTES);
    let key_id = base62_fixed(id_bytes, KEY_ID_CHARS);
    let body = Zeroizing::new(format!(
        "{PREFIX}{}_{key_id}_{}",
        environment.as_str(),
        base62_fixed(secret_bytes, SECRET_CHARS)
    ));
    let key = Zeroizing::new(format!("{}{}", body.as_str(), checksum(&body)));
    let digest = api_key_digest(&key, pepper);
    Ok(IssuedApiKey {
        key: ApiKey(key),
        record: ApiKeyRecord {
            key_id,
            environment,
            client_id: client_id.to_owned(),
            digest,
            scopes: scopes.to_vec(),
            created_at: now,
            expires_at,
            revoked: false,
        },
    })
}

/// [`issue_api_key`] with [`RANDOM_BYTES`] from the operating system's RNG.
pub fn issue_api_key_os(
    environment: ApiKeyEnvironment,
    client_id: &str,
    scopes: &[String],
    expires_at: Option<i64>,
    now: i64,
    pepper: &Pepper,
) -> Result<IssuedApiKey, ApiKeyError> {
    let mut random = Zeroizing::new([0u8; RANDOM_BYTES]);
    getrandom::fill(random.as_mut()).map_err(|_| ApiKeyError::Input {
        field: "random",
        rule: "the operating system's random source failed",
    })?;
    issue_api_key(
        environment,
        client_id,
        scopes,
        expires_at,
        now,
        pepper,
        &random,
    )
}

/// Checks a presented key's shape and checksum (no secret or lookup needed: what a device
/// can check) and gives its public parts. Anything longer than a key is refused before it
/// is read, whatever its size; non-ASCII look-alikes are refused as `api_key_format`.
pub fn parse_api_key(presented: &str) -> Result<ParsedApiKey, ApiKeyError> {
    let format = |rule| ApiKeyError::Format { rule };
    if presented.len() != KEY_LEN {
        return Err(format("a key is 73 characters"));
    }
    if !presented.is_ascii() {
        return Err(format("a key is ASCII"));
    }
    let Some(rest) = presented.strip_prefix(PREFIX) else {
        return Err(format("a key starts with spk_"));
    };
    let environment = match rest.get(..5) {
        Some("live_") => ApiKeyEnvironment::Live,
        Some("test_") => ApiKeyEnvironment::Test,
        _ => return Err(format("the environment is live or test")),
    };
    let id_start = PREFIX.len() + 5;
    let (Some(key_id), Some(sep), Some(tail)) = (
        presented.get(id_start..id_start + KEY_ID_CHARS),
        presented.get(id_start + KEY_ID_CHARS..id_start + KEY_ID_CHARS + 1),
        presented.get(id_start + KEY_ID_CHARS + 1..),
    ) else {
        return Err(format("a key is 73 characters"));
    };
    let base62 = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    if sep != "_" || !base62(key_id) || !base62(tail) {
        return Err(format("the key id and secret are base62"));
    }
    let split = presented.len() - CHECKSUM_CHARS;
    let (body, sum) = (presented.get(..split), presented.get(split..));
    match (body, sum) {
        (Some(body), Some(sum)) if checksum(body).as_bytes() == sum.as_bytes() => {
            Ok(ParsedApiKey {
                environment,
                key_id: key_id.to_owned(),
            })
        }
        _ => Err(ApiKeyError::Checksum),
    }
}

/// Decides whether `presented` may call an endpoint that requires `required_scope` on a
/// service of `environment`, given the `record` stored under its key id (`None`: no such
/// record).
///
/// Checked in this order, the first failure answering: format and checksum; the
/// environment; the record exists for this key id and its digest equals the presented
/// key's (compared in constant time; a wrong secret is `api_key_unknown`, as an unknown id
/// is, so the answer says nothing about which ids exist); revoked; expired (`now` at or
/// after `expires_at`); the scope.
pub fn verify_api_key(
    presented: &str,
    record: Option<&ApiKeyRecord>,
    pepper: &Pepper,
    now: i64,
    required_scope: &str,
    environment: ApiKeyEnvironment,
) -> Result<ApiKeyGrant, ApiKeyError> {
    let parsed = parse_api_key(presented)?;
    if parsed.environment != environment {
        return Err(ApiKeyError::Environment {
            presented: parsed.environment.as_str(),
            expected: environment.as_str(),
        });
    }
    let Some(record) = record.filter(|r| r.key_id == parsed.key_id) else {
        return Err(ApiKeyError::Unknown);
    };
    let stored = hex_digest(&record.digest).ok_or(ApiKeyError::Record {
        field: "digest",
        rule: "must be 64 lower-case hex digits",
    })?;
    let mut mac = pepper.mac();
    mac.update(presented.as_bytes());
    // `verify_slice` compares in constant time (the `subtle` crate).
    if mac.verify_slice(&stored).is_err() || record.environment != parsed.environment {
        return Err(ApiKeyError::Unknown);
    }
    if record.revoked {
        return Err(ApiKeyError::Revoked);
    }
    if record.expires_at.is_some_and(|e| now >= e) {
        return Err(ApiKeyError::Expired);
    }
    if !record.scopes.iter().any(|s| s == required_scope) {
        return Err(ApiKeyError::Scope {
            required: required_scope.chars().take(MAX_SCOPE_CHARS).collect(),
        });
    }
    Ok(ApiKeyGrant {
        key_id: record.key_id.clone(),
        client_id: record.client_id.clone(),
        scopes: record.scopes.clone(),
    })
}

fn hex_digest(text: &str) -> Option<[u8; 32]> {
    let b = text.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(b.chunks_exact(2)) {
        let (hi, lo) = (pair.first().copied()?, pair.get(1).copied()?);
        *o = (nibble(hi)? << 4) | nibble(lo)?;
    }
    Some(out)
}

/// The `api_keys` table for PostgreSQL, with CHECKs from the same rules as the code and a
/// unique index on the key id. Idempotent (`IF NOT EXISTS`), in one transaction.
pub fn api_keys_migration_sql() -> String {
    format!(
        "-- sparrow-core: API keys for the public ML endpoints (only digests are stored).\n\
BEGIN;\n\
CREATE TABLE IF NOT EXISTS api_keys (\n\
  id BIGSERIAL PRIMARY KEY,\n\
  key_id TEXT NOT NULL CHECK (key_id ~ '^[0-9A-Za-z]{{{KEY_ID_CHARS}}}$'),\n\
  environment TEXT NOT NULL CHECK (environment IN ('live', 'test')),\n\
  client_id TEXT NOT NULL CHECK (char_length(client_id) BETWEEN 1 AND {MAX_CLIENT_ID_CHARS}),\n\
  digest TEXT NOT NULL CHECK (digest ~ '^[0-9a-f]{{64}}$'),\n\
  scopes TEXT[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND {MAX_SCOPES}\n\
    AND array_position(scopes, NULL) IS NULL),\n\
  created_at TIMESTAMPTZ NOT NULL,\n\
  expires_at TIMESTAMPTZ CHECK (expires_at IS NULL OR expires_at > created_at),\n\
  revoked BOOLEAN NOT NULL DEFAULT FALSE\n\
);\n\
CREATE UNIQUE INDEX IF NOT EXISTS api_keys_key_id ON api_keys (key_id);\n\
CREATE INDEX IF NOT EXISTS api_keys_client_id ON api_keys (client_id);\n\
COMMIT;\n"
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn pepper() -> Pepper {
        Pepper::new(&[7u8; 32]).unwrap()
    }

    fn issued() -> IssuedApiKey {
        let random: [u8; RANDOM_BYTES] = std::array::from_fn(|i| (i * 37 + 11) as u8);
        issue_api_key(
            ApiKeyEnvironment::Live,
            "ml-gateway",
            &["ml:portfolio".to_owned(), "ml:risk".to_owned()],
            Some(2_000_000_000),
            1_800_000_000,
            &pepper(),
            &random,
        )
        .unwrap()
    }

    #[test]
    fn base62_is_fixed_width() {
        assert_eq!(base62_fixed(&[0, 0], 3), "000");
        assert_eq!(base62_fixed(&[0, 61], 2), "0z");
        assert_eq!(base62_fixed(&[0, 62], 2), "10");
        assert_eq!(base62_fixed(&[0xff; 32], SECRET_CHARS).len(), SECRET_CHARS);
        assert_eq!(base62_fixed(&[0xff; 4], CHECKSUM_CHARS), "4gfFC3");
    }

    #[test]
    fn issued_keys_verify_and_hide() {
        let k = issued();
        let text = k.key.expose();
        assert_eq!(text.len(), KEY_LEN);
        assert!(text.starts_with("spk_live_"));
        assert_eq!(parse_api_key(text).unwrap().key_id, k.record.key_id);
        let grant = verify_api_key(
            text,
            Some(&k.record),
            &pepper(),
            1_900_000_000,
            "ml:risk",
            ApiKeyEnvironment::Live,
        )
        .unwrap();
        assert_eq!(grant.client_id, "ml-gateway");
        let shown = format!("{:?} {:?} {:?}", k.key, k.record, pepper());
        assert!(!shown.contains(&text[24..]), "{shown}");
        assert!(!shown.contains(&k.record.digest));
    }

    #[test]
    fn refusals_in_order() {
        let k = issued();
        let text = k.key.expose().to_owned();
        let at = |now, scope: &str, rec: Option<&ApiKeyRecord>, key: &str| {
            verify_api_key(key, rec, &pepper(), now, scope, ApiKeyEnvironment::Live)
                .unwrap_err()
                .code()
        };
        let r = Some(&k.record);
        assert_eq!(
            at(1_900_000_000, "ml:risk", r, &text[..72]),
            "api_key_format"
        );
        let mut typo = text.clone().into_bytes();
        typo[30] = if typo[30] == b'a' { b'b' } else { b'a' };
        assert_eq!(
            at(
                1_900_000_000,
                "ml:risk",
                r,
                std::str::from_utf8(&typo).unwrap()
            ),
            "api_key_checksum"
        );
        assert_eq!(
            at(
                1_900_000_000,
                "ml:risk",
                r,
                &text.replacen("spk_", "spx_", 1)
            ),
            "api_key_format"
        );
        let cyrillic = text.replacen('k', "к", 1);
        assert_eq!(at(1_900_000_000, "ml:risk", r, &cyrillic), "api_key_format");
        assert_eq!(at(1_900_000_000, "ml:risk", None, &text), "api_key_unknown");
        let other = Pepper::new(&[8u8; 32]).unwrap();
        assert_eq!(
            verify_api_key(
                &text,
                r,
                &other,
                1_900_000_000,
                "ml:risk",
                ApiKeyEnvironment::Live
            )
            .unwrap_err()
            .code(),
            "api_key_unknown"
        );
        assert_eq!(
            verify_api_key(
                &text,
                r,
                &pepper(),
                1_900_000_000,
                "ml:risk",
                ApiKeyEnvironment::Test
            )
            .unwrap_err()
            .code(),
            "api_key_environment"
        );
        let mut revoked = k.record.clone();
        revoked.revoked = true;
        assert_eq!(
            at(1_900_000_000, "ml:risk", Some(&revoked), &text),
            "api_key_revoked"
        );
        assert_eq!(at(2_000_000_000, "ml:risk", r, &text), "api_key_expired");
        let e = verify_api_key(
            &text,
            r,
            &pepper(),
            1_900_000_000,
            "ml:classify",
            ApiKeyEnvironment::Live,
        )
        .unwrap_err();
        assert_eq!((e.code(), e.http_status()), ("api_key_scope", 403));
        let huge = "x".repeat(10 * 1024 * 1024);
        assert_eq!(at(1_900_000_000, "ml:risk", r, &huge), "api_key_format");
        let mut broken = k.record.clone();
        broken.digest = "nothex".into();
        assert_eq!(
            at(1_900_000_000, "ml:risk", Some(&broken), &text),
            "api_key_record"
        );
    }

    #[test]
    fn issuing_rules() {
        let p = pepper();
        let r = [0u8; RANDOM_BYTES];
        let issue = |client: &str, scopes: &[&str], exp: Option<i64>| {
            let scopes: Vec<String> = scopes.iter().map(|s| (*s).to_owned()).collect();
            issue_api_key(ApiKeyEnvironment::Test, client, &scopes, exp, 100, &p, &r)
        };
        assert!(issue("c", &["ml:risk"], None)
            .unwrap()
            .key
            .expose()
            .starts_with("spk_test_00000000000000_"));
        assert_eq!(
            issue("", &["ml:risk"], None).unwrap_err().field(),
            "client_id"
        );
        assert_eq!(issue("c", &[], None).unwrap_err().field(), "scopes");
        assert_eq!(issue("c", &["Ml"], None).unwrap_err().field(), "scopes");
        assert_eq!(issue("c", &["a", "a"], None).unwrap_err().field(), "scopes");
        assert_eq!(
            issue("c", &["a"], Some(100)).unwrap_err().field(),
            "expires_at"
        );
        assert_eq!(Pepper::new(&[1; 31]).unwrap_err().code(), "api_key_pepper");
    }

    #[test]
    fn records_round_trip_as_data() {
        let k = issued();
        assert_eq!(
            ApiKeyRecord::from_value(&k.record.to_value()).unwrap(),
            k.record
        );
        let mut v = k.record.to_value();
        v["digest"] = "00".into();
        assert_eq!(
            ApiKeyRecord::from_value(&v).unwrap_err().field(),
            "api_key_record"
        );
        v = k.record.to_value();
        v["scopes"] = serde_json::json!([]);
        assert!(ApiKeyRecord::from_value(&v).is_err());
    }
}
