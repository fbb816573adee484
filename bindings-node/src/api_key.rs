//! API keys (`sparrow_core::api_key`): conversion only.

use napi::{Env, Unknown};
use napi_derive::napi;
use sparrow_core::api_key::{self as k, ApiKeyEnvironment, ApiKeyRecord, RANDOM_BYTES};

use crate::js::{self, Options, OrThrow, Result};

/// The server-side pepper keying stored digests (at least 32 bytes). Never shown.
#[napi]
#[derive(Debug)]
pub struct ApiKeyPepper {
    inner: k::Pepper,
}

#[napi]
impl ApiKeyPepper {
    /// A pepper from its bytes (a string is read as UTF-8).
    #[napi(constructor, ts_args_type = "secret: string | Uint8Array")]
    pub fn new(env: Env, secret: Unknown<'_>) -> Result<Self> {
        let bytes = zeroize::Zeroizing::new(js::bytes(&env, secret, "pepper")?);
        Ok(ApiKeyPepper {
            inner: k::Pepper::new(&bytes).or_throw(&env)?,
        })
    }
}

fn environment(env: &Env, options: &Options<'_>) -> Result<ApiKeyEnvironment> {
    match options.text(env, "environment")? {
        None => Ok(ApiKeyEnvironment::Live),
        Some(e) => e.parse::<ApiKeyEnvironment>().or_throw(env),
    }
}

fn pepper<'env>(
    env: &Env,
    options: &Options<'env>,
) -> Result<napi::bindgen_prelude::ClassInstance<'env, ApiKeyPepper>> {
    match options.get(env, "pepper")? {
        Some(p) => js::instance::<ApiKeyPepper>(env, p, "pepper", "an ApiKeyPepper"),
        None => Err(js::type_error(env, "pepper", "an ApiKeyPepper")),
    }
}

/// Issues a key: `{ key, record }`. The key text is shown once; store the record.
/// `random` (42 bytes) replaces the OS random source, for known-answer tests only.
#[napi(
    ts_args_type = "clientId: string, scopes: string[], options: { pepper: ApiKeyPepper, environment?: 'live' | 'test', expiresAt?: Instant, now?: Instant, random?: Uint8Array }",
    ts_return_type = "{ key: string, record: ApiKeyRecord }"
)]
pub fn issue_api_key<'env>(
    env: &'env Env,
    client_id: Unknown<'_>,
    scopes: Unknown<'_>,
    options: Unknown<'_>,
) -> Result<Unknown<'env>> {
    let client_id = js::text(env, client_id, "clientId")?;
    let scopes = js::strings(env, scopes, "scopes")?;
    let o = Options::new(
        env,
        Some(options),
        &["pepper", "environment", "expiresAt", "now", "random"],
        "pepper, environment, expiresAt, now, random",
    )?;
    let pepper = pepper(env, &o)?;
    let environment = environment(env, &o)?;
    let now = js::now(env, o.get(env, "now")?, "now")?;
    let expires_at = match o.get(env, "expiresAt")? {
        Some(v) => Some(js::now(env, Some(v), "expiresAt")?),
        None => None,
    };
    let issued = match o.get(env, "random")? {
        Some(r) => {
            let bytes = zeroize::Zeroizing::new(js::bytes(env, r, "random")?);
            let random: [u8; RANDOM_BYTES] = bytes
                .as_slice()
                .try_into()
                .map_err(|_| js::type_error(env, "random", "exactly 42 bytes"))?;
            k::issue_api_key(
                environment,
                &client_id,
                &scopes,
                expires_at,
                now,
                &pepper.inner,
                &random,
            )
        }
        None => k::issue_api_key_os(
            environment,
            &client_id,
            &scopes,
            expires_at,
            now,
            &pepper.inner,
        ),
    }
    .or_throw(env)?;
    js::to_js(
        env,
        &serde_json::json!({ "key": issued.key.expose(), "record": issued.record }),
    )
}

/// Checks a presented key's shape and checksum (no secret needed): `{ environment, key_id }`.
#[napi(
    ts_args_type = "presented: string",
    ts_return_type = "{ environment: 'live' | 'test', key_id: string }"
)]
pub fn parse_api_key<'env>(env: &'env Env, presented: Unknown<'_>) -> Result<Unknown<'env>> {
    let text = presented_text(env, presented)?;
    js::to_js(env, &k::parse_api_key(&text).or_throw(env)?)
}

fn presented_text(env: &Env, presented: Unknown<'_>) -> Result<String> {
    // The core refuses any text that is not a key's length; a huge header is not a key.
    let text = js::text(env, presented, "apiKey")?;
    Ok(if text.len() > k::MAX_PRESENTED_LEN {
        String::new()
    } else {
        text
    })
}

/// Decides whether `presented` may call an endpoint requiring `requiredScope`, given the
/// `record` stored under its key id (`null`: none found). Returns `{ key_id, client_id,
/// scopes }`; a refusal throws an error whose `code` is `api_key_*` and `httpStatus` 401
/// or 403.
#[napi(
    ts_args_type = "presented: string, record: ApiKeyRecord | null, options: { pepper: ApiKeyPepper, requiredScope: string, environment?: 'live' | 'test', now?: Instant }",
    ts_return_type = "{ key_id: string, client_id: string, scopes: string[] }"
)]
pub fn verify_api_key<'env>(
    env: &'env Env,
    presented: Unknown<'_>,
    record: Unknown<'_>,
    options: Unknown<'_>,
) -> Result<Unknown<'env>> {
    let text = presented_text(env, presented)?;
    let o = Options::new(
        env,
        Some(options),
        &["pepper", "requiredScope", "environment", "now"],
        "pepper, requiredScope, environment, now",
    )?;
    let pepper = pepper(env, &o)?;
    let scope = o
        .text(env, "requiredScope")?
        .ok_or_else(|| js::type_error(env, "requiredScope", "a scope name"))?;
    let environment = environment(env, &o)?;
    let now = js::now(env, o.get(env, "now")?, "now")?;
    let record = if js::is_absent(env, &record, "record")? {
        None
    } else {
        let value = js::json_arg(
            env,
            record,
            "record",
            sparrow_core::contract::MAX_INPUT_BYTES,
        )?;
        Some(ApiKeyRecord::from_value(&value).or_throw(env)?)
    };
    let grant = k::verify_api_key(
        &text,
        record.as_ref(),
        &pepper.inner,
        now,
        &scope,
        environment,
    )
    .or_throw(env)?;
    js::to_js(env, &grant)
}

/// The `api_keys` table for PostgreSQL (CHECKs and a unique key-id index; idempotent).
#[napi]
pub fn api_keys_migration_sql() -> String {
    k::api_keys_migration_sql()
}
