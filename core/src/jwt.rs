//! JSON Web Tokens as the backend issues them, with HS256 pinned, key rotation, an
//! explicit clock and access/refresh separation.
//!
//! Signing and signature checks are the `jsonwebtoken` crate (RustCrypto backend).
//! Its `decode` would read the system clock for `exp`/`nbf`, so sparrow-core uses only
//! its HMAC signing and verification (`jsonwebtoken::encode`, `crypto::verify`) and
//! checks the header and every claim itself, against the `now` the caller passes (Unix
//! seconds):
//!
//! - **Algorithm**: HS256 only. `none` and every other algorithm are refused before a
//!   key is used, as is a `typ` other than `JWT` and any `crit` member (RFC 7515
//!   §4.1.11: no critical extension is understood here). Other header members (`jku`,
//!   `jwk`, `x5u`, …) are ignored, as PyJWT and node's jsonwebtoken ignore them: no key
//!   is ever taken from a token, only from the [`Keyring`] by `kid`.
//! - **Size**: tokens over [`MAX_TOKEN_LEN`] bytes are refused before any parsing.
//! - **Keys**: a [`Keyring`] selects the key by `kid`; see there for rotation.
//! - **Claims**: `sub`, `email`, `role`, `iat` and `exp` are required; `exp` must not
//!   have passed and `nbf`/`iat` must not lie ahead (each beyond the leeway, 5 s by
//!   default, as jsonwebtoken's `clockTolerance`); a configured `iss` or `aud` becomes
//!   required; `token_use` absent means `access`, and a refresh token never passes as
//!   an access token (nor the reverse).
//! - **Errors** tell the reasons apart ([`TokenError::code`]) for logs;
//!   [`TokenError::PUBLIC_MESSAGE`] is the one text for a 401.
//!
//! Tokens are interchangeable with node's jsonwebtoken in both directions (same
//! header, same claim names, integer seconds); `core/tests/jwt.rs` checks tokens
//! recorded from the npm package and the package checks ours (`tools/jwt-interop`).

mod duration;
mod error;
mod keyring;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header};
use serde::{Deserialize, Serialize};

pub use duration::{parse_duration, Lifetime, MAX_LIFETIME_SECONDS};
pub use error::{DurationError, KeyError, TokenError};
pub use keyring::{
    check_secret, Keyring, KNOWN_DEFAULT_SECRETS, MAX_SECRET_BYTES, MIN_SECRET_BYTES,
};

/// Tokens longer than this many bytes are refused before any parsing.
pub const MAX_TOKEN_LEN: usize = 8 * 1024;
/// The default clock leeway, in seconds.
pub const DEFAULT_LEEWAY_SECONDS: i64 = 5;
/// The default `should_refresh` threshold: 5 minutes, as the web app uses.
pub const DEFAULT_REFRESH_THRESHOLD_SECONDS: i64 = 300;

/// Which kind of token this is (`token_use`); absent means [`TokenUse::Access`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenUse {
    /// Authorises API calls (today's tokens).
    #[default]
    Access,
    /// Only obtains new access tokens.
    Refresh,
}

impl TokenUse {
    /// `"access"` or `"refresh"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenUse::Access => "access",
            TokenUse::Refresh => "refresh",
        }
    }
}

/// `aud` as JWT allows it: one string or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// A single audience.
    One(String),
    /// Several audiences.
    Many(Vec<String>),
}

impl Audience {
    fn contains(&self, wanted: &str) -> bool {
        match self {
            Audience::One(a) => a == wanted,
            Audience::Many(list) => list.iter().any(|a| a == wanted),
        }
    }
}

/// The claims of a token, named as the backend names them today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user id (a UUID).
    pub sub: String,
    /// The user's email.
    pub email: String,
    /// The user's role (`user`, `advisor`, `fa_staff`, …).
    pub role: String,
    /// For `fa_staff`: the advisor the staff member works for.
    #[serde(rename = "ownerId", default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// For `fa_staff`: the pages the staff member may reach.
    #[serde(
        rename = "allowedPages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_pages: Option<Vec<String>>,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expires at (Unix seconds).
    pub exp: i64,
    /// Not before (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// Issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// Audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<Audience>,
    /// Token id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jti: Option<String>,
    /// `access` or `refresh`; absent means access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_use: Option<TokenUse>,
}

impl Claims {
    /// The token's use (`access` when the claim is absent).
    pub fn token_use(&self) -> TokenUse {
        self.token_use.unwrap_or_default()
    }
}

/// What a new token says about its subject; `iat`/`exp` come from the clock and the
/// lifetime.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenSubject {
    /// The user id.
    pub sub: String,
    /// The user's email.
    pub email: String,
    /// The user's role.
    pub role: String,
    /// For `fa_staff`: the advisor.
    pub owner_id: Option<String>,
    /// For `fa_staff`: the pages allowed.
    pub allowed_pages: Option<Vec<String>>,
    /// A token id, if wanted.
    pub jti: Option<String>,
}

/// Checks applied by [`verify_token`] beyond the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Clock tolerance for `exp`, `nbf` and `iat`, in seconds.
    pub leeway_seconds: i64,
    /// When set, `iss` must be present and equal.
    pub issuer: Option<String>,
    /// When set, `aud` must be present and contain it.
    pub audience: Option<String>,
    /// The use the caller requires.
    pub token_use: TokenUse,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            leeway_seconds: DEFAULT_LEEWAY_SECONDS,
            issuer: None,
            audience: None,
            token_use: TokenUse::Access,
        }
    }
}

/// What [`issue_token`] puts in a token beyond the subject.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssueOptions {
    /// `iss`, if any.
    pub issuer: Option<String>,
    /// `aud`, if any.
    pub audience: Option<String>,
    /// `token_use`; `None` writes no claim (an access token, as today).
    pub token_use: Option<TokenUse>,
    /// `nbf`, if any (Unix seconds).
    pub not_before: Option<i64>,
}

/// Signs a token for `subject` with the keyring's current key: `iat = now`,
/// `exp = now + lifetime` (see [`parse_duration`] for the `ms` notation).
pub fn issue_token(
    subject: &TokenSubject,
    keyring: &Keyring,
    expires_in: &Lifetime,
    now: i64,
    options: &IssueOptions,
) -> Result<String, IssueError> {
    let lifetime = expires_in.seconds()?;
    let claims = Claims {
        sub: subject.sub.clone(),
        email: subject.email.clone(),
        role: subject.role.clone(),
        owner_id: subject.owner_id.clone(),
        allowed_pages: subject.allowed_pages.clone(),
        iat: now,
        exp: now.saturating_add(lifetime),
        nbf: options.not_before,
        iss: options.issuer.clone(),
        aud: options.audience.clone().map(Audience::One),
        jti: subject.jti.clone(),
        token_use: options.token_use,
    };
    sign_claims(&claims, keyring).map_err(IssueError::Token)
}

/// Signs exactly these claims with the keyring's current key.
pub fn sign_claims(claims: &Claims, keyring: &Keyring) -> Result<String, TokenError> {
    let (kid, secret) = keyring.signing().ok_or(TokenError::MissingKid)?;
    let mut header = Header::new(Algorithm::HS256);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret.bytes()))
        .map_err(|_| TokenError::Signing)
}

/// Why [`issue_token`] failed: the lifetime or the signing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IssueError {
    /// The lifetime was refused.
    #[error(transparent)]
    Lifetime(#[from] DurationError),
    /// The token could not be signed.
    #[error(transparent)]
    Token(#[from] TokenError),
}

impl IssueError {
    /// The code of the underlying error.
    pub fn code(&self) -> &'static str {
        match self {
            IssueError::Lifetime(e) => e.code(),
            IssueError::Token(e) => e.code(),
        }
    }
}

#[derive(Deserialize)]
struct RawHeader {
    alg: String,
    #[serde(default)]
    typ: Option<String>,
    #[serde(default)]
    kid: Option<String>,
    /// Present at all (even `[]`, which RFC 7515 forbids) → refused.
    #[serde(default)]
    crit: Option<serde::de::IgnoredAny>,
}

/// Claims as they arrive, so that a missing claim gets its own error.
#[derive(Deserialize)]
struct RawClaims {
    sub: Option<String>,
    email: Option<String>,
    role: Option<String>,
    #[serde(rename = "ownerId")]
    owner_id: Option<String>,
    #[serde(rename = "allowedPages")]
    allowed_pages: Option<Vec<String>>,
    iat: Option<i64>,
    exp: Option<i64>,
    nbf: Option<i64>,
    iss: Option<String>,
    aud: Option<Audience>,
    jti: Option<String>,
    token_use: Option<TokenUse>,
}

fn b64url(part: &str, what: &'static str) -> Result<Vec<u8>, TokenError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| TokenError::Malformed { rule: what })
}

/// Verifies a compact HS256 token against the keyring at time `now` (Unix seconds)
/// and returns its claims; see the [module documentation](self) for every rule.
pub fn verify_token(
    token: &str,
    keyring: &Keyring,
    now: i64,
    options: &VerifyOptions,
) -> Result<Claims, TokenError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(TokenError::TooLong { max: MAX_TOKEN_LEN });
    }
    let mut parts = token.split('.');
    let (Some(header_b64), Some(claims_b64), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed {
            rule: "a token has three dot-separated parts",
        });
    };
    let header_json = b64url(header_b64, "the header is not base64url")?;
    // serde would also read a struct from a JSON array; a JWT's parts are objects.
    let is_object = |json: &[u8]| json.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let claims_json = b64url(claims_b64, "the claims are not base64url")?;
    if !is_object(&header_json) || !is_object(&claims_json) {
        return Err(TokenError::Malformed {
            rule: "the header and the claims must be JSON objects",
        });
    }
    let header: RawHeader =
        serde_json::from_slice(&header_json).map_err(|_| TokenError::Malformed {
            rule: "the header is not a JSON object with alg",
        })?;
    if header.alg != "HS256" {
        return Err(TokenError::Algorithm);
    }
    if header.crit.is_some() {
        return Err(TokenError::Critical);
    }
    if header
        .typ
        .as_deref()
        .is_some_and(|t| !t.eq_ignore_ascii_case("JWT"))
    {
        return Err(TokenError::Malformed {
            rule: "the header's typ is not JWT",
        });
    }
    let secret = match &header.kid {
        Some(kid) => keyring.by_kid(kid).ok_or(TokenError::UnknownKid)?,
        None => keyring.legacy_key().ok_or(TokenError::MissingKid)?,
    };
    // jsonwebtoken computes and compares the HMAC (constant-time, RustCrypto's `hmac`);
    // the header was checked above and the claims are decoded once, below.
    let (message, signature) = token.rsplit_once('.').unwrap_or((token, ""));
    let verified = jsonwebtoken::crypto::verify(
        signature,
        message.as_bytes(),
        &DecodingKey::from_secret(secret.bytes()),
        Algorithm::HS256,
    )
    .map_err(|_| TokenError::Malformed {
        rule: "the signature is not base64url",
    })?;
    if !verified {
        return Err(TokenError::Signature);
    }
    let claims: RawClaims =
        serde_json::from_slice(&claims_json).map_err(|_| TokenError::Malformed {
            rule: "the claims are not a JSON object of the expected types",
        })?;
    check_claims(claims, now, options)
}

fn check_claims(raw: RawClaims, now: i64, options: &VerifyOptions) -> Result<Claims, TokenError> {
    let missing = |claim| TokenError::ClaimMissing { claim };
    let leeway = options.leeway_seconds.max(0);
    let exp = raw.exp.ok_or(missing("exp"))?;
    // As jsonwebtoken: expired once now >= exp + leeway; early while nbf > now + leeway.
    if now >= exp.saturating_add(leeway) {
        return Err(TokenError::Expired);
    }
    let iat = raw.iat.ok_or(missing("iat"))?;
    if raw.nbf.is_some_and(|nbf| nbf > now.saturating_add(leeway))
        || iat > now.saturating_add(leeway)
    {
        return Err(TokenError::NotYetValid);
    }
    if let Some(issuer) = &options.issuer {
        if raw.iss.as_ref().ok_or(missing("iss"))? != issuer {
            return Err(TokenError::ClaimInvalid { claim: "iss" });
        }
    }
    if let Some(audience) = &options.audience {
        if !raw.aud.as_ref().ok_or(missing("aud"))?.contains(audience) {
            return Err(TokenError::ClaimInvalid { claim: "aud" });
        }
    }
    let found = raw.token_use.unwrap_or_default();
    if found != options.token_use {
        return Err(TokenError::WrongUse {
            expected: options.token_use.as_str(),
            found: found.as_str(),
        });
    }
    Ok(Claims {
        sub: raw.sub.ok_or(missing("sub"))?,
        email: raw.email.ok_or(missing("email"))?,
        role: raw.role.ok_or(missing("role"))?,
        owner_id: raw.owner_id,
        allowed_pages: raw.allowed_pages,
        iat,
        exp,
        nbf: raw.nbf,
        iss: raw.iss,
        aud: raw.aud,
        jti: raw.jti,
        token_use: raw.token_use,
    })
}

/// Whether a token should be refreshed: it expires in less than `threshold_seconds`
/// (the web app refreshes within 5 minutes of expiry,
/// [`DEFAULT_REFRESH_THRESHOLD_SECONDS`]).
pub fn should_refresh(claims: &Claims, now: i64, threshold_seconds: i64) -> bool {
    claims.exp.saturating_sub(now) < threshold_seconds
}

/// The token of an `Authorization: Bearer <token>` header value (scheme in any case,
/// one or more spaces), or [`TokenError::Malformed`].
pub fn bearer_token(authorization: &str) -> Result<&str, TokenError> {
    let malformed = TokenError::Malformed {
        rule: "expected an Authorization header of the form: Bearer <token>",
    };
    let (scheme, rest) = authorization
        .trim()
        .split_once(' ')
        .ok_or(malformed.clone())?;
    let token = rest.trim_start();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() || token.contains(' ') {
        return Err(malformed);
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";

    fn subject() -> TokenSubject {
        TokenSubject {
            sub: "6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70".into(),
            email: "ravi@example.com".into(),
            role: "advisor".into(),
            ..TokenSubject::default()
        }
    }

    #[test]
    fn issue_verify_refresh() {
        let ring = Keyring::new("k1", SECRET).unwrap();
        let now = 1_767_225_600;
        let token = issue_token(
            &subject(),
            &ring,
            &"7d".into(),
            now,
            &IssueOptions::default(),
        )
        .unwrap();
        let claims = verify_token(&token, &ring, now + 60, &VerifyOptions::default()).unwrap();
        assert_eq!((claims.iat, claims.exp), (now, now + 604_800));
        assert!(!should_refresh(
            &claims,
            now,
            DEFAULT_REFRESH_THRESHOLD_SECONDS
        ));
        assert!(should_refresh(
            &claims,
            now + 604_800 - 299,
            DEFAULT_REFRESH_THRESHOLD_SECONDS
        ));
        assert!(!should_refresh(
            &claims,
            now + 604_800 - 300,
            DEFAULT_REFRESH_THRESHOLD_SECONDS
        ));
        // Leeway: valid until exp + 5 s, exclusive.
        assert!(verify_token(&token, &ring, now + 604_804, &VerifyOptions::default()).is_ok());
        assert_eq!(
            verify_token(&token, &ring, now + 604_805, &VerifyOptions::default()).unwrap_err(),
            TokenError::Expired
        );
        assert_eq!(
            issue_token(
                &subject(),
                &ring,
                &"60".into(),
                now,
                &IssueOptions::default()
            )
            .unwrap_err()
            .code(),
            "duration_too_short"
        );
    }

    #[test]
    fn bearer_header() {
        assert_eq!(bearer_token("Bearer abc.def.ghi"), Ok("abc.def.ghi"));
        assert_eq!(bearer_token("bearer   abc"), Ok("abc"));
        assert!(bearer_token("Basic abc").is_err());
        assert!(bearer_token("Bearer").is_err());
        assert!(bearer_token("Bearer a b").is_err());
    }
}
