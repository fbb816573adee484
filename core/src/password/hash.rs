//! argon2id hashing, verification of argon2 and legacy bcrypt hashes, rehash decisions.
//!
//! The Argon2 core is the `argon2-rust` crate: a port of the reference implementation
//! with runtime-dispatched SIMD, bit-identical to it on the RFC 9106 vectors and about
//! 2.7× faster than RustCrypto's `argon2` on this project's machines at the OWASP
//! parameters (5.5 ms against 14.6 ms). bcrypt verification is the `bcrypt` crate.

use std::fmt;
use std::sync::{Condvar, Mutex, OnceLock};

use argon2_rust::params::{Memory, TagLen};
use argon2_rust::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use super::error::PasswordError;

/// Passwords longer than this many bytes are refused before any hashing.
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Stored hashes longer than this are refused before they are parsed.
pub const MAX_HASH_LEN: usize = 512;
/// Salt length of new hashes, in bytes.
pub const SALT_LEN: usize = 16;
/// Tag (hash output) length of new hashes, in bytes.
pub const TAG_LEN: usize = 32;
/// bcrypt only uses the first 72 bytes of a password (as the node `bcrypt` package does).
pub const BCRYPT_MAX_BYTES: usize = 72;

/// Argon2id cost parameters: memory `m` in KiB, `t` passes, `p` lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Argon2Params {
    m_kib: u32,
    t: u32,
    p: u32,
}

impl Argon2Params {
    /// OWASP's recommendation, the default: m = 19,456 KiB, t = 2, p = 1.
    pub const OWASP: Argon2Params = Argon2Params {
        m_kib: 19_456,
        t: 2,
        p: 1,
    };
    /// RFC 9106's second recommendation for memory-constrained use, as argon2-cffi's
    /// default: m = 65,536 KiB, t = 3, p = 4.
    pub const RFC9106_LOW_MEMORY: Argon2Params = Argon2Params {
        m_kib: 65_536,
        t: 3,
        p: 4,
    };
    /// Smallest accepted memory, KiB (OWASP's lowest row).
    pub const MIN_M_KIB: u32 = 7_168;
    /// Smallest accepted memory × passes, KiB (OWASP's rows all reach it).
    pub const MIN_M_TIMES_T: u64 = 35_840;

    /// Custom parameters, refused below OWASP's minimums (`m ≥ 7,168 KiB`,
    /// `m × t ≥ 35,840`, `t ≥ 1`, `p ≥ 1`) and above the verification limits.
    pub fn new(m_kib: u32, t: u32, p: u32) -> Result<Argon2Params, PasswordError> {
        let weak = |rule| Err(PasswordError::WeakParams { rule });
        if t == 0 || p == 0 {
            return weak("t and p must be at least 1");
        }
        if m_kib < Self::MIN_M_KIB {
            return weak("m must be at least 7168 KiB (OWASP)");
        }
        if u64::from(m_kib).saturating_mul(u64::from(t)) < Self::MIN_M_TIMES_T {
            return weak("m × t must be at least 35840 (OWASP)");
        }
        let params = Argon2Params { m_kib, t, p };
        VerifyLimits::default().check_argon2(params)?;
        Ok(params)
    }

    /// Tiny parameters (m = 64 KiB, t = 1, p = 1) that make hashing fast for tests.
    /// **Insecure**: never use them for real passwords.
    pub const fn dangerous_insecure_for_tests() -> Argon2Params {
        Argon2Params {
            m_kib: 64,
            t: 1,
            p: 1,
        }
    }

    /// Memory in KiB.
    pub const fn m_kib(&self) -> u32 {
        self.m_kib
    }

    /// Passes over memory.
    pub const fn t(&self) -> u32 {
        self.t
    }

    /// Lanes (parallelism).
    pub const fn p(&self) -> u32 {
        self.p
    }

    fn to_backend(self) -> Result<Params, PasswordError> {
        Params::builder()
            .memory(Memory::kib(u64::from(self.m_kib)))
            .passes(self.t)
            .lanes(self.p)
            .threads(self.p)
            .tag_len(TagLen::bytes(TAG_LEN as u64))
            .build()
            .map_err(|_| PasswordError::WeakParams {
                rule: "the parameters are outside Argon2's range",
            })
    }
}

impl Default for Argon2Params {
    fn default() -> Self {
        Self::OWASP
    }
}

/// The most expensive stored hash that verification accepts (domain.md §3): a hash
/// above these is refused as a denial-of-service risk rather than computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VerifyLimits {
    /// Highest bcrypt cost (default 14).
    pub bcrypt_max_cost: u32,
    /// Highest argon2 memory in KiB (default 262,144).
    pub argon2_max_m_kib: u32,
    /// Highest argon2 passes (default 16).
    pub argon2_max_t: u32,
    /// Highest argon2 lanes (default 16).
    pub argon2_max_p: u32,
}

impl Default for VerifyLimits {
    fn default() -> Self {
        VerifyLimits {
            bcrypt_max_cost: 14,
            argon2_max_m_kib: 262_144,
            argon2_max_t: 16,
            argon2_max_p: 16,
        }
    }
}

impl VerifyLimits {
    fn check_argon2(&self, p: Argon2Params) -> Result<(), PasswordError> {
        for (param, value, max) in [
            ("m", p.m_kib, self.argon2_max_m_kib),
            ("t", p.t, self.argon2_max_t),
            ("p", p.p, self.argon2_max_p),
        ] {
            if value > max {
                return Err(PasswordError::HashTooCostly {
                    param,
                    value: u64::from(value),
                    max: u64::from(max),
                });
            }
        }
        Ok(())
    }
}

/// The outcome of a verification: whether the password matched, and whether the
/// stored hash should be replaced by a fresh argon2id hash (every bcrypt hash; argon2
/// hashes that are not argon2id v=19, are weaker than the current parameters, or carry
/// a salt shorter than 16 bytes or a tag shorter than 32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Verification {
    /// The password is the one the hash was made from.
    pub matched: bool,
    /// The caller should store `hash_password(password)` in place of the old hash
    /// (only meaningful when `matched`).
    pub needs_rehash: bool,
}

/// A counting semaphore bounding how many hashes run at once.
struct Permits {
    in_use: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

struct Permit<'a>(&'a Permits);

impl Permits {
    fn new(max: usize) -> Self {
        Permits {
            in_use: Mutex::new(0),
            freed: Condvar::new(),
            max: max.max(1),
        }
    }

    fn acquire(&self) -> Permit<'_> {
        let mut n = self.in_use.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= self.max {
            n = self.freed.wait(n).unwrap_or_else(|e| e.into_inner());
        }
        *n = n.saturating_add(1);
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut n = self.0.in_use.lock().unwrap_or_else(|e| e.into_inner());
        *n = n.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

/// Hashes and verifies passwords with one set of parameters, an optional pepper and a
/// bound on concurrent hashes. `Debug` never shows the pepper.
pub struct PasswordHasher {
    params: Argon2Params,
    limits: VerifyLimits,
    pepper: Option<Zeroizing<Vec<u8>>>,
    permits: Permits,
    dummy: OnceLock<String>,
}

impl fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordHasher")
            .field("params", &self.params)
            .field("limits", &self.limits)
            .field("pepper", &self.pepper.as_ref().map(|_| "<redacted>"))
            .field("max_concurrent", &self.permits.max)
            .finish()
    }
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new(Argon2Params::OWASP)
    }
}

impl PasswordHasher {
    /// Default bound on concurrent hashes: at OWASP parameters each takes 19 MiB.
    pub const DEFAULT_MAX_CONCURRENT: usize = 8;

    /// A hasher with these parameters, no pepper, the default limits and bound.
    pub fn new(params: Argon2Params) -> Self {
        PasswordHasher {
            params,
            limits: VerifyLimits::default(),
            pepper: None,
            permits: Permits::new(Self::DEFAULT_MAX_CONCURRENT),
            dummy: OnceLock::new(),
        }
    }

    /// Adds a server-side pepper (Argon2's secret input). Hashes made with a pepper
    /// verify only with the same pepper. Bcrypt hashes are not peppered.
    #[must_use]
    pub fn with_pepper(mut self, pepper: &[u8]) -> Self {
        self.pepper = Some(Zeroizing::new(pepper.to_vec()));
        self.dummy = OnceLock::new();
        self
    }

    /// Sets the most hashes that may run at once; further calls wait (at least 1).
    #[must_use]
    pub fn with_max_concurrent(mut self, max: usize) -> Self {
        self.permits = Permits::new(max);
        self
    }

    /// Sets the cost limits for stored hashes.
    #[must_use]
    pub fn with_limits(mut self, limits: VerifyLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The parameters of new hashes.
    pub fn params(&self) -> Argon2Params {
        self.params
    }

    /// A new argon2id (v=19) PHC string for `password` with a random 16-byte salt. No
    /// password policy is applied (legacy passwords must stay upgradable).
    pub fn hash_password(&self, password: &str) -> Result<String, PasswordError> {
        check_input(password)?;
        let mut salt = [0u8; SALT_LEN];
        getrandom::fill(&mut salt).map_err(|_| PasswordError::Random)?;
        self.hash_with_salt(password.as_bytes(), &salt)
    }

    fn hash_with_salt(&self, password: &[u8], salt: &[u8]) -> Result<String, PasswordError> {
        let argon2 = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            self.params.to_backend()?,
        );
        let _permit = self.permits.acquire();
        argon2
            .hash_encoded_with_ad(password, salt, self.secret(), &[])
            .map_err(|_| PasswordError::Backend)
    }

    fn secret(&self) -> &[u8] {
        self.pepper.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Verifies `password` against a stored argon2 (`$argon2id$`, `$argon2i$`,
    /// `$argon2d$`) or bcrypt (`$2a$`, `$2b$`, `$2y$`) hash. A wrong password is
    /// `matched: false`; only a malformed, unsupported or over-costly hash is an error.
    pub fn verify_password(
        &self,
        password: &str,
        hash: &str,
    ) -> Result<Verification, PasswordError> {
        check_input(password)?;
        match parse_hash(hash, &self.limits)? {
            Stored::Bcrypt => {
                let _permit = self.permits.acquire();
                let matched = bcrypt::verify(bcrypt_bytes(password), hash).map_err(|_| {
                    PasswordError::HashMalformed {
                        rule: "the bcrypt hash does not decode",
                    }
                })?;
                Ok(Verification {
                    matched,
                    needs_rehash: true,
                })
            }
            Stored::Argon2(decoded, order) => {
                let needs_rehash = self.argon2_needs_rehash(&decoded, order);
                let argon2 = Argon2::new(decoded.algorithm, decoded.version, decoded.params);
                let _permit = self.permits.acquire();
                let result = argon2.verify_with_ad(
                    password.as_bytes(),
                    &decoded.salt,
                    self.secret(),
                    &decoded.ad,
                    &decoded.hash,
                );
                match result {
                    Ok(()) => Ok(Verification {
                        matched: true,
                        needs_rehash,
                    }),
                    Err(argon2_rust::Error::VerifyMismatch) => Ok(Verification {
                        matched: false,
                        needs_rehash,
                    }),
                    // The string decoded but its parameters cannot be computed
                    // (e.g. more lanes than memory allows).
                    Err(_) => Err(PasswordError::HashMalformed {
                        rule: "the argon2 parameters are inconsistent",
                    }),
                }
            }
        }
    }

    /// Whether a stored hash should be replaced (see [`Verification::needs_rehash`]),
    /// without verifying a password.
    pub fn needs_rehash(&self, hash: &str) -> Result<bool, PasswordError> {
        Ok(match parse_hash(hash, &self.limits)? {
            Stored::Bcrypt => true,
            Stored::Argon2(decoded, order) => self.argon2_needs_rehash(&decoded, order),
        })
    }

    fn argon2_needs_rehash(&self, d: &argon2_rust::Decoded, order: Order) -> bool {
        order != Order::Libargon2
            || d.algorithm != Algorithm::Argon2id
            || d.version != Version::V0x13
            || d.params.memory_kib() < self.params.m_kib
            || d.params.passes() < self.params.t
            || d.hash.len() < TAG_LEN
            || d.salt.len() < SALT_LEN
    }

    /// Spends the time of a real verification and reports no match, so that a login for
    /// an unknown account takes as long as one for a known account.
    pub fn dummy_verify(&self, password: &str) -> Verification {
        let hash = self.dummy.get_or_init(|| {
            let mut random = Zeroizing::new([0u8; 32]);
            let _ = getrandom::fill(random.as_mut());
            let mut salt = [0u8; SALT_LEN];
            let _ = getrandom::fill(&mut salt);
            self.hash_with_salt(random.as_ref(), &salt)
                .unwrap_or_default()
        });
        // The input cap applies as in a real verification (same early return, same time).
        let _ = self.verify_password(password, hash);
        Verification {
            matched: false,
            needs_rehash: false,
        }
    }
}

fn check_input(password: &str) -> Result<(), PasswordError> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(PasswordError::InputTooLong {
            max: MAX_PASSWORD_BYTES,
        });
    }
    Ok(())
}

/// The bytes node's `bcrypt` package hashes: up to the first NUL (it passes a C
/// string), at most 72 (the bcrypt crate then truncates exactly as OpenBSD does).
fn bcrypt_bytes(password: &str) -> &[u8] {
    let bytes = password.as_bytes();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    bytes.get(..end.min(BCRYPT_MAX_BYTES)).unwrap_or_default()
}

enum Stored {
    Bcrypt,
    Argon2(argon2_rust::Decoded, Order),
}

fn parse_hash(hash: &str, limits: &VerifyLimits) -> Result<Stored, PasswordError> {
    let malformed = |rule| PasswordError::HashMalformed { rule };
    if hash.len() > MAX_HASH_LEN {
        return Err(malformed("longer than 512 characters"));
    }
    if let Some(rest) = hash.strip_prefix("$2") {
        let (variant, rest) = rest
            .split_at_checked(1)
            .ok_or(malformed("truncated bcrypt hash"))?;
        if !matches!(variant, "a" | "b" | "y") {
            return Err(PasswordError::HashUnsupported);
        }
        let rest = rest
            .strip_prefix('$')
            .ok_or(malformed("bcrypt hash without a cost"))?;
        let (cost, body) = rest
            .split_once('$')
            .ok_or(malformed("bcrypt hash without a cost"))?;
        if cost.len() != 2 || !cost.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed("the bcrypt cost must be two digits"));
        }
        let cost: u32 = cost
            .parse()
            .map_err(|_| malformed("the bcrypt cost must be two digits"))?;
        if !(4..=31).contains(&cost) {
            return Err(malformed("the bcrypt cost must be between 04 and 31"));
        }
        if cost > limits.bcrypt_max_cost {
            return Err(PasswordError::HashTooCostly {
                param: "bcrypt cost",
                value: u64::from(cost),
                max: u64::from(limits.bcrypt_max_cost),
            });
        }
        let alphabet_ok = body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/');
        if body.len() != 53 || !alphabet_ok {
            return Err(malformed(
                "a bcrypt hash has 22 salt and 31 hash characters",
            ));
        }
        return Ok(Stored::Bcrypt);
    }
    let scheme_ok = ["$argon2id$", "$argon2i$", "$argon2d$"]
        .iter()
        .any(|p| hash.starts_with(p));
    if !scheme_ok {
        return Err(if hash.starts_with('$') {
            PasswordError::HashUnsupported
        } else {
            malformed("not a PHC or bcrypt string")
        });
    }
    let order = check_phc_grammar(hash).map_err(malformed)?;
    let canonical;
    let text = match order {
        Order::Libargon2 => hash,
        Order::Alphabetical => {
            canonical = libargon2_order(hash)
                .ok_or_else(|| malformed("the argon2 PHC string does not decode"))?;
            canonical.as_str()
        }
    };
    let decoded = argon2_rust::decode_phc(text)
        .map_err(|_| malformed("the argon2 PHC string does not decode"))?;
    let params = Argon2Params {
        m_kib: decoded.params.memory_kib(),
        t: decoded.params.passes(),
        p: decoded.params.lanes(),
    };
    limits.check_argon2(params)?;
    if decoded.salt.len() < 8 || decoded.hash.len() < 4 || decoded.hash.len() > 64 {
        return Err(malformed("the argon2 salt or hash has an unusual length"));
    }
    Ok(Stored::Argon2(decoded, order))
}

/// A grammar-checked `m=…,p=…,t=…` hash rewritten as `m=…,t=…,p=…` (same values).
fn libargon2_order(hash: &str) -> Option<String> {
    let start = hash.find("$m=")? + 1;
    let end = start + hash.get(start..)?.find('$')?;
    let mut m = None;
    let mut p = None;
    let mut t = None;
    for pair in hash.get(start..end)?.split(',') {
        match pair.split_once('=')? {
            ("m", v) => m = Some(v),
            ("p", v) => p = Some(v),
            ("t", v) => t = Some(v),
            _ => return None,
        }
    }
    Some(format!(
        "{}m={},t={},p={}{}",
        hash.get(..start)?,
        m?,
        t?,
        p?,
        hash.get(end..)?
    ))
}

/// libargon2's own grammar for encoded hashes (`decode_string` in the reference
/// implementation's `encoding.c`, which argon2-cffi calls):
///
/// `$argon2{id|i|d}[$v=<dec>]$m=<dec>,t=<dec>,p=<dec>$<b64 salt>$<b64 tag>`
///
/// with decimals of 1–10 digits without leading zeros that fit a `u32`, and unpadded
/// standard base64 whose unused low bits are zero. The three parameters come once each;
/// besides libargon2's order, the alphabetical `m=…,p=…,t=…` that node-argon2 (0.40 and
/// later, through `@phc/format`) writes is read too — [`Order`] says which, and a hash
/// not in libargon2's order asks for a rehash so that every runtime can read it.
/// `keyid=` and `data=` (which libargon2 no longer reads) are refused, as is anything
/// after the tag. The decoder used afterwards is looser than this; checking the grammar
/// first keeps a stored string from meaning something no peer would read.
fn check_phc_grammar(hash: &str) -> Result<Order, &'static str> {
    let rest = hash
        .strip_prefix("$argon2id$")
        .or_else(|| hash.strip_prefix("$argon2i$"))
        .or_else(|| hash.strip_prefix("$argon2d$"))
        .ok_or("the argon2 PHC string does not start with $argon2id$, $argon2i$ or $argon2d$")?;
    let rest = match rest.strip_prefix("v=") {
        Some(v) => decimal_u32(v)?
            .strip_prefix('$')
            .ok_or("the argon2 version must be followed by $")?,
        None => rest,
    };
    let order_text =
        "the argon2 parameters must be exactly m=…,t=…,p=… (or node-argon2's m=…,p=…,t=…)";
    let (rest, order) = match rest.strip_prefix("m=") {
        None => return Err(order_text),
        Some(r) => {
            let r = decimal_u32(r)?;
            if let Some(r) = r.strip_prefix(",t=") {
                let r = decimal_u32(r)?.strip_prefix(",p=").ok_or(order_text)?;
                (decimal_u32(r)?, Order::Libargon2)
            } else {
                let r = r.strip_prefix(",p=").ok_or(order_text)?;
                let r = decimal_u32(r)?.strip_prefix(",t=").ok_or(order_text)?;
                (decimal_u32(r)?, Order::Alphabetical)
            }
        }
    };
    let rest = rest.strip_prefix('$').ok_or(order_text)?;
    let (salt, tag) = rest
        .split_once('$')
        .ok_or("the argon2 PHC string needs a salt and a hash")?;
    base64_unpadded(salt)?;
    base64_unpadded(tag)?;
    Ok(order)
}

/// The order of an argon2 hash's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `m,t,p`: what libargon2 writes and reads.
    Libargon2,
    /// `m,p,t`: what node-argon2 writes; libargon2 (argon2-cffi) refuses it.
    Alphabetical,
}

/// A libargon2 decimal at the start of `s`; returns what follows it.
fn decimal_u32(s: &str) -> Result<&str, &'static str> {
    let bad =
        "an argon2 parameter must be a decimal number without leading zeros that fits 32 bits";
    let end = s
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    let (digits, rest) = s.split_at_checked(end).ok_or(bad)?;
    let leading_zero = digits.len() > 1 && digits.starts_with('0');
    if digits.is_empty() || leading_zero || digits.parse::<u32>().is_err() {
        return Err(bad);
    }
    Ok(rest)
}

/// Unpadded standard base64 as libargon2 reads it: the whole of `s`, no `=`, a length
/// that is not 1 more than a multiple of 4, and zero bits where the last character
/// carries more than the data.
fn base64_unpadded(s: &str) -> Result<(), &'static str> {
    let bad = "the argon2 salt and hash must be unpadded base64 without stray bits";
    let value = |b: u8| -> Option<u8> {
        match b {
            b'A'..=b'Z' => Some(b - b'A'),
            b'a'..=b'z' => Some(b - b'a' + 26),
            b'0'..=b'9' => Some(b - b'0' + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut last = 0;
    for b in s.bytes() {
        last = value(b).ok_or(bad)?;
    }
    let unused_bits = match s.len() % 4 {
        0 => 0,
        2 => 4,
        3 => 2,
        _ => return Err(bad),
    };
    if last & ((1u8 << unused_bits) - 1) != 0 {
        return Err(bad);
    }
    Ok(())
}

static DEFAULT_HASHER: OnceLock<PasswordHasher> = OnceLock::new();

fn default_hasher() -> &'static PasswordHasher {
    DEFAULT_HASHER.get_or_init(PasswordHasher::default)
}

/// [`PasswordHasher::hash_password`] with the default hasher (OWASP parameters).
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    default_hasher().hash_password(password)
}

/// [`PasswordHasher::verify_password`] with the default hasher.
pub fn verify_password(password: &str, hash: &str) -> Result<Verification, PasswordError> {
    default_hasher().verify_password(password, hash)
}

/// [`PasswordHasher::needs_rehash`] with the default hasher.
pub fn needs_rehash(hash: &str) -> Result<bool, PasswordError> {
    default_hasher().needs_rehash(hash)
}

/// [`PasswordHasher::dummy_verify`] with the default hasher.
pub fn dummy_verify(password: &str) -> Verification {
    default_hasher().dummy_verify(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast() -> PasswordHasher {
        PasswordHasher::new(Argon2Params::dangerous_insecure_for_tests())
    }

    #[test]
    fn hash_and_verify_round_trip() {
        let h = fast();
        let hash = h.hash_password("s3cret pässword").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=64,t=1,p=1$"), "{hash}");
        assert_eq!(
            h.verify_password("s3cret pässword", &hash).unwrap(),
            Verification {
                matched: true,
                needs_rehash: false
            }
        );
        assert!(!h.verify_password("s3cret password", &hash).unwrap().matched);
        // The same hash is weaker than the default parameters.
        assert!(PasswordHasher::default().needs_rehash(&hash).unwrap());
        assert_ne!(h.hash_password("x").unwrap(), h.hash_password("x").unwrap());
    }

    #[test]
    fn pepper_is_required_to_verify() {
        let peppered = fast().with_pepper(b"server-side pepper");
        let hash = peppered.hash_password("pw").unwrap();
        assert!(peppered.verify_password("pw", &hash).unwrap().matched);
        assert!(!fast().verify_password("pw", &hash).unwrap().matched);
        assert!(!format!("{peppered:?}").contains("server-side"));
    }

    #[test]
    fn parameter_minimums() {
        assert_eq!(
            Argon2Params::new(19_456, 2, 1).unwrap(),
            Argon2Params::OWASP
        );
        assert!(Argon2Params::new(47_104, 1, 1).is_ok());
        assert_eq!(
            Argon2Params::new(4096, 10, 1).unwrap_err().code(),
            "password_params_weak"
        );
        assert_eq!(
            Argon2Params::new(19_456, 1, 1).unwrap_err().code(),
            "password_params_weak"
        );
        assert_eq!(
            Argon2Params::new(19_456, 0, 1).unwrap_err().code(),
            "password_params_weak"
        );
        assert_eq!(
            Argon2Params::new(1 << 20, 2, 1).unwrap_err().code(),
            "password_hash_too_costly"
        );
    }

    #[test]
    fn malformed_and_unsupported() {
        let h = fast();
        let code = |hash: &str| h.verify_password("x", hash).unwrap_err().code();
        assert_eq!(code(""), "password_hash_malformed");
        assert_eq!(code("plain"), "password_hash_malformed");
        assert_eq!(code("$1$abc$def"), "password_hash_unsupported");
        assert_eq!(
            code("$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e"),
            "password_hash_unsupported"
        );
        assert_eq!(
            code("$2b$15$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
            "password_hash_too_costly"
        );
        assert_eq!(
            code("$2b$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
            "password_hash_malformed"
        );
        assert_eq!(code("$2b$05$CCCC"), "password_hash_malformed");
        assert_eq!(
            code("$argon2id$v=19$m=524288,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo"),
            "password_hash_too_costly"
        );
        assert_eq!(code("$argon2id$v=19$m=65536"), "password_hash_malformed");
        // libargon2's grammar: one order, each parameter once, nothing unknown.
        let tail = "$c29tZXNhbHQ$aGFzaGhhc2hoYXNo";
        for params in [
            "m=8192,t=2,p=1,x=1",
            "m=8192,t=2,p=1,keyid=AAAA",
            "m=4294967295,t=2,p=1,m=8192",
            "p=1,t=2,m=8192",
            "m=08192,t=2,p=1",
            "m=8192,t=2,p=1,",
        ] {
            assert_eq!(
                code(&format!("$argon2id$v=19${params}{tail}")),
                "password_hash_malformed",
                "{params}"
            );
        }
        assert_eq!(
            check_phc_grammar(&format!("$argon2id$v=19$m=8192,t=2,p=1{tail}")),
            Ok(Order::Libargon2)
        );
        assert_eq!(
            check_phc_grammar(&format!("$argon2i$m=8192,t=2,p=1{tail}")),
            Ok(Order::Libargon2)
        );
        // node-argon2's order is read, and rewritten for the decoder.
        assert_eq!(
            check_phc_grammar(&format!("$argon2id$v=19$m=8192,p=1,t=2{tail}")),
            Ok(Order::Alphabetical)
        );
        assert_eq!(
            libargon2_order(&format!("$argon2id$v=19$m=8192,p=1,t=2{tail}")),
            Some(format!("$argon2id$v=19$m=8192,t=2,p=1{tail}"))
        );
        assert!(check_phc_grammar(&format!("$argon2id$v=19$m=8192,t=2,p=1{tail}=")).is_err());
        assert!(check_phc_grammar(&format!("$argon2id$v=19$m=8192,t=2,p=1{tail}$")).is_err());
        assert!(
            check_phc_grammar("$argon2id$v=19$m=8192,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXN").is_err()
        );
        assert_eq!(
            h.verify_password(&"x".repeat(MAX_PASSWORD_BYTES + 1), "$2b$05$x")
                .unwrap_err()
                .code(),
            "password_input_too_long"
        );
    }

    #[test]
    fn bcrypt_bytes_follow_node_bcrypt() {
        assert_eq!(bcrypt_bytes("abc\0def"), b"abc");
        assert_eq!(bcrypt_bytes(&"a".repeat(100)).len(), 72);
    }

    #[test]
    fn concurrency_bound_holds() {
        let h = std::sync::Arc::new(fast().with_max_concurrent(2));
        let peak = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        std::thread::scope(|s| {
            for _ in 0..6 {
                let h = h.clone();
                let peak = peak.clone();
                s.spawn(move || {
                    let _permit = h.permits.acquire();
                    let now = *h.permits.in_use.lock().unwrap();
                    peak.fetch_max(now, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                });
            }
        });
        assert!(peak.load(std::sync::atomic::Ordering::SeqCst) <= 2);
        assert_eq!(*h.permits.in_use.lock().unwrap(), 0);
    }
}
