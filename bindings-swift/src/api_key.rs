//! API keys on a device: only the format check (`sparrow_core::api_key::parse_api_key`).
//! Issuing and verifying need the server's pepper and key store, which never reach an
//! app, so they are left out of the mobile packages.

use crate::error::{OrFail, Result};

/// The public parts of a well-formed key.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApiKeyParts {
    /// `live` or `test`.
    pub environment: String,
    /// The public key id.
    pub key_id: String,
}

/// Checks a key's shape and CRC-32 checksum (a mistyped or truncated key is refused with
/// `api_key_format` or `api_key_checksum`), without any secret.
#[uniffi::export]
pub fn check_api_key_format(key: String) -> Result<ApiKeyParts> {
    let p = sparrow_core::api_key::parse_api_key(&key).or_fail()?;
    Ok(ApiKeyParts {
        environment: p.environment.as_str().to_owned(),
        key_id: p.key_id,
    })
}
