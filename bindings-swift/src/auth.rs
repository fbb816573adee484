//! auth: password policy and hashing, tokens, access.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use sparrow_core::contract;
use sparrow_core::jwt::{self, Audience, IssueOptions, Lifetime, VerifyOptions};
use sparrow_core::password::{self, PasswordPolicy};

use crate::error::{OrFail, Result};

/// Whole Unix seconds of an instant, floored (an instant before 1970 is negative).
fn unix(t: SystemTime) -> i64 {
    // SystemTime holds at most i64 seconds on every target, so the conversions cannot
    // overflow.
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => {
            let d = e.duration();
            let whole = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
            if d.subsec_nanos() > 0 {
                -whole - 1
            } else {
                -whole
            }
        }
    }
}

/// `now`, or the current time when absent.
pub(crate) fn now_or_clock(now: Option<SystemTime>) -> i64 {
    unix(now.unwrap_or_else(SystemTime::now))
}

/// A password policy preset: `RECOMMENDED` (the default), `SEED` (today's rules) or
/// `NIST` (SP 800-63B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum PasswordPolicyName {
    /// Today's seed rules.
    Seed,
    /// The guide's recommended rules.
    Recommended,
    /// NIST SP 800-63B.
    Nist,
}

fn policy(p: Option<PasswordPolicyName>) -> PasswordPolicy {
    let preset = match p {
        None => contract::DEFAULT_POLICY,
        Some(PasswordPolicyName::Seed) => password::PolicyPreset::Seed,
        Some(PasswordPolicyName::Recommended) => password::PolicyPreset::Recommended,
        Some(PasswordPolicyName::Nist) => password::PolicyPreset::Nist,
    };
    preset.into()
}

/// The rules the password fails (codes), empty when it is acceptable. `context` holds
/// the user's own values (email, name, PAN, mobile) the password must not contain.
#[uniffi::export(default(policy = None, context = []))]
pub fn check_password(
    password: String,
    policy: Option<PasswordPolicyName>,
    context: Vec<String>,
) -> Vec<String> {
    let refs: Vec<&str> = context.iter().map(String::as_str).collect();
    password::check_password(&password, &self::policy(policy), &refs)
        .iter()
        .map(|r| r.code().to_owned())
        .collect()
}

/// Throws (`kind` `password_policy`, `errors` listing every failed rule) unless the
/// password is acceptable.
#[uniffi::export(default(policy = None, context = []))]
pub fn require_password(
    password: String,
    policy: Option<PasswordPolicyName>,
    context: Vec<String>,
) -> Result<()> {
    let refs: Vec<&str> = context.iter().map(String::as_str).collect();
    password::require_password(&password, &self::policy(policy), &refs).or_fail()
}

/// An argon2id PHC string for the password (no policy applied). Blocking (tens of
/// milliseconds): call it off the main thread.
#[uniffi::export]
pub fn hash_password(password: String) -> Result<String> {
    password::hash_password(&password).or_fail()
}

/// `verifyPassword` → whether it matched, and whether the hash should be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Verification {
    /// The password is the one the hash was made from.
    pub matched: bool,
    /// Store `hashPassword(password)` in place of the old hash.
    pub needs_rehash: bool,
}

/// Checks a password against an argon2 PHC string or a legacy bcrypt hash; a wrong
/// password is `matched = false`, only a malformed or over-costly hash throws. Blocking.
#[uniffi::export]
pub fn verify_password(password: String, hash: String) -> Result<Verification> {
    let v = password::verify_password(&password, &hash).or_fail()?;
    Ok(Verification {
        matched: v.matched,
        needs_rehash: v.needs_rehash,
    })
}

/// Whether a stored hash should be replaced (weaker parameters, or bcrypt).
#[uniffi::export]
pub fn needs_rehash(hash: String) -> Result<bool> {
    password::needs_rehash(&hash).or_fail()
}

/// Spends the time of a real verification, for unknown accounts. Blocking.
#[uniffi::export]
pub fn dummy_verify(password: String) {
    password::dummy_verify(&password);
}

// ---------------------------------------------------------------- tokens

/// Signing keys: the current key, keys still accepted (by kid) and an optional legacy
/// key for kid-less tokens. Secrets are checked on entry and never shown
/// (`toString()` lists key ids only). Each change returns a new keyring.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct Keyring {
    inner: jwt::Keyring,
}

#[uniffi::export]
impl Keyring {
    /// A keyring whose current key is `secret` under `kid`.
    #[uniffi::constructor]
    pub fn new(kid: String, secret: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Keyring {
            inner: jwt::Keyring::new(&kid, secret.as_bytes()).or_fail()?,
        }))
    }

    /// A keyring holding only a legacy key (kid-less tokens).
    #[uniffi::constructor]
    pub fn legacy(secret: String) -> Result<Arc<Self>> {
        Ok(Arc::new(Keyring {
            inner: jwt::Keyring::legacy(secret.as_bytes()).or_fail()?,
        }))
    }

    /// This keyring with one more accepted key.
    pub fn with_key(&self, kid: String, secret: String) -> Result<Arc<Keyring>> {
        Ok(Arc::new(Keyring {
            inner: self
                .inner
                .clone()
                .with_key(&kid, secret.as_bytes())
                .or_fail()?,
        }))
    }

    /// This keyring with a legacy key for kid-less tokens.
    pub fn with_legacy_key(&self, secret: String) -> Result<Arc<Keyring>> {
        Ok(Arc::new(Keyring {
            inner: self
                .inner
                .clone()
                .with_legacy_key(secret.as_bytes())
                .or_fail()?,
        }))
    }

    /// This keyring signing with `kid` from now on.
    pub fn rotate_to(&self, kid: String) -> Result<Arc<Keyring>> {
        Ok(Arc::new(Keyring {
            inner: self.inner.clone().rotate_to(&kid).or_fail()?,
        }))
    }

    /// This keyring without `kid` (not the current key).
    pub fn retire(&self, kid: String) -> Result<Arc<Keyring>> {
        Ok(Arc::new(Keyring {
            inner: self.inner.clone().retire(&kid).or_fail()?,
        }))
    }

    /// The kid new tokens are signed with, if any.
    pub fn current_kid(&self) -> Option<String> {
        self.inner.current_kid().map(str::to_owned)
    }
}

/// What a token is for: `ACCESS` (the default) or `REFRESH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TokenUse {
    /// An access token.
    Access,
    /// A refresh token.
    Refresh,
}

impl From<TokenUse> for jwt::TokenUse {
    fn from(t: TokenUse) -> Self {
        match t {
            TokenUse::Access => jwt::TokenUse::Access,
            TokenUse::Refresh => jwt::TokenUse::Refresh,
        }
    }
}

impl From<jwt::TokenUse> for TokenUse {
    fn from(t: jwt::TokenUse) -> Self {
        match t {
            jwt::TokenUse::Access => TokenUse::Access,
            jwt::TokenUse::Refresh => TokenUse::Refresh,
        }
    }
}

/// Who a new token is for: `sub`, `email`, `role`, and for `fa_staff` the advisor
/// (`ownerId`) and the pages they may reach. `iat` and `exp` come from `now` and
/// `expiresIn`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TokenSubject {
    /// The user id.
    pub sub: String,
    /// The user's email.
    pub email: String,
    /// The role (`user`, `advisor`, `fa_staff`, …).
    pub role: String,
    /// For `fa_staff`: the advisor.
    #[uniffi(default = None)]
    pub owner_id: Option<String>,
    /// For `fa_staff`: the pages.
    #[uniffi(default = None)]
    pub allowed_pages: Option<Vec<String>>,
    /// A token id.
    #[uniffi(default = None)]
    pub jti: Option<String>,
}

/// The claims of a verified token (times in Unix seconds, as the token holds them).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    /// The user's email.
    pub email: String,
    /// The role.
    pub role: String,
    /// For `fa_staff`: the advisor.
    pub owner_id: Option<String>,
    /// For `fa_staff`: the pages.
    pub allowed_pages: Option<Vec<String>>,
    /// Issued at.
    pub iat: i64,
    /// Expires at.
    pub exp: i64,
    /// Not before.
    pub nbf: Option<i64>,
    /// Issuer.
    pub iss: Option<String>,
    /// Audiences (one element for a single `aud`).
    pub aud: Option<Vec<String>>,
    /// Token id.
    pub jti: Option<String>,
    /// The `token_use` claim (absent means access).
    pub token_use: Option<TokenUse>,
}

impl From<jwt::Claims> for Claims {
    fn from(c: jwt::Claims) -> Self {
        Claims {
            sub: c.sub,
            email: c.email,
            role: c.role,
            owner_id: c.owner_id,
            allowed_pages: c.allowed_pages,
            iat: c.iat,
            exp: c.exp,
            nbf: c.nbf,
            iss: c.iss,
            aud: c.aud.map(|a| match a {
                Audience::One(s) => vec![s],
                Audience::Many(v) => v,
            }),
            jti: c.jti,
            token_use: c.token_use.map(TokenUse::from),
        }
    }
}

impl From<Claims> for jwt::Claims {
    fn from(c: Claims) -> Self {
        jwt::Claims {
            sub: c.sub,
            email: c.email,
            role: c.role,
            owner_id: c.owner_id,
            allowed_pages: c.allowed_pages,
            iat: c.iat,
            exp: c.exp,
            nbf: c.nbf,
            iss: c.iss,
            aud: c.aud.map(|mut v| match v.len() {
                1 => Audience::One(v.remove(0)),
                _ => Audience::Many(v),
            }),
            jti: c.jti,
            token_use: c.token_use.map(jwt::TokenUse::from),
        }
    }
}

/// Signs a token for `subject` with the keyring's current key (HS256, a `kid`
/// header). `expiresIn` is the `ms` notation (`"7d"` by default, `"15m"`); `now`
/// defaults to the current time.
#[uniffi::export(default(
    expires_in = None,
    now = None,
    issuer = None,
    audience = None,
    token_use = None,
    not_before = None
))]
#[allow(clippy::too_many_arguments)]
pub fn issue_token(
    subject: TokenSubject,
    keyring: Arc<Keyring>,
    expires_in: Option<String>,
    now: Option<SystemTime>,
    issuer: Option<String>,
    audience: Option<String>,
    token_use: Option<TokenUse>,
    not_before: Option<SystemTime>,
) -> Result<String> {
    let subject = jwt::TokenSubject {
        sub: subject.sub,
        email: subject.email,
        role: subject.role,
        owner_id: subject.owner_id,
        allowed_pages: subject.allowed_pages,
        jti: subject.jti,
    };
    let lifetime =
        Lifetime::Text(expires_in.unwrap_or_else(|| contract::DEFAULT_EXPIRES_IN.to_owned()));
    let options = IssueOptions {
        issuer,
        audience,
        token_use: token_use.map(jwt::TokenUse::from),
        not_before: not_before.map(unix),
    };
    jwt::issue_token(
        &subject,
        &keyring.inner,
        &lifetime,
        now_or_clock(now),
        &options,
    )
    .or_fail()
}

/// The claims of a valid token, or a `token` error saying why it was refused.
/// `leeway` is the clock tolerance in seconds (5 by default).
#[uniffi::export(default(
    now = None,
    token_use = None,
    issuer = None,
    audience = None,
    leeway = None
))]
pub fn verify_token(
    token: String,
    keyring: Arc<Keyring>,
    now: Option<SystemTime>,
    token_use: Option<TokenUse>,
    issuer: Option<String>,
    audience: Option<String>,
    leeway: Option<i64>,
) -> Result<Claims> {
    let options = VerifyOptions {
        leeway_seconds: leeway.unwrap_or(contract::DEFAULT_LEEWAY_SECONDS),
        issuer,
        audience,
        token_use: token_use.map_or(contract::DEFAULT_TOKEN_USE, jwt::TokenUse::from),
    };
    let claims =
        jwt::verify_token(&token, &keyring.inner, now_or_clock(now), &options).or_fail()?;
    Ok(claims.into())
}

/// Whether a token with these claims should be refreshed (it expires within
/// `threshold`, `"5m"` by default).
#[uniffi::export(default(now = None, threshold = None))]
pub fn should_refresh(
    claims: Claims,
    now: Option<SystemTime>,
    threshold: Option<String>,
) -> Result<bool> {
    let threshold = match threshold {
        None => contract::DEFAULT_REFRESH_THRESHOLD_SECONDS,
        Some(t) => Lifetime::Text(t).seconds().or_fail()?,
    };
    Ok(jwt::should_refresh(
        &jwt::Claims::from(claims),
        now_or_clock(now),
        threshold,
    ))
}

/// Seconds of a duration in the `ms` notation (`"7d"`, `"15m"`).
#[uniffi::export]
pub fn parse_duration(text: String) -> Result<i64> {
    jwt::parse_duration(&text).or_fail()
}

/// The token of an `Authorization: Bearer …` header.
#[uniffi::export]
pub fn bearer_token(authorization: String) -> Result<String> {
    jwt::bearer_token(&authorization)
        .map(str::to_owned)
        .or_fail()
}

/// `authorize` → whether the route is allowed, and why (`role_allowed`, …).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Decision {
    /// Whether the user may reach the route.
    pub allowed: bool,
    /// Why (a stable snake_case reason).
    pub reason: String,
}

/// Whether `role` may reach a route that requires `requiredRoles` (and, for staff,
/// `page` among `allowedPages`) — with no environment bypass.
#[uniffi::export(default(page = None, allowed_pages = None))]
pub fn authorize(
    role: String,
    required_roles: Vec<String>,
    page: Option<String>,
    allowed_pages: Option<Vec<String>>,
) -> Result<Decision> {
    let d = contract::authorize_names(
        &role,
        &required_roles,
        page.as_deref(),
        allowed_pages.as_deref(),
    )
    .or_fail()?;
    Ok(Decision {
        allowed: d.allowed,
        reason: <&'static str>::from(d.reason).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn instants_floor_to_whole_seconds() {
        let at = |s: u64, n: u32| UNIX_EPOCH + Duration::new(s, n);
        assert_eq!(unix(at(1_700_000_000, 999_999_999)), 1_700_000_000);
        assert_eq!(unix(UNIX_EPOCH - Duration::new(1, 0)), -1);
        assert_eq!(unix(UNIX_EPOCH - Duration::new(1, 1)), -2);
    }
}
