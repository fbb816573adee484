//! The native module of the npm package `sparrow-core`: sparrow-core for Node
//! (napi-rs). Conversion and error mapping only — every rule is in the `sparrow-core`
//! crate. Results are the contract records as plain JS data (decimals as decimal
//! strings, keys as domain.md's JSON spells them); errors are JS `Error`s carrying the
//! core's `code`, `kind` and `errors`.

// napi registers exports only outside `cfg(test)`; clippy --all-targets checks a test
// build of the library, where they would look unused.
#![cfg_attr(test, allow(dead_code))]

mod api_key;
mod auth;
mod js;
mod money;
mod portfolio;
mod returns;
mod rules;

use napi_derive::napi;

/// Every error code the core can raise (the `ErrorCode` union of the typings).
#[napi(ts_return_type = "ErrorCode[]")]
pub fn all_codes() -> Vec<&'static str> {
    sparrow_core::ALL_CODES.to_vec()
}
