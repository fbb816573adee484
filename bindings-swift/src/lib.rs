//! sparrow-core for Swift and Kotlin (uniffi): the iOS and Android apps' one exact
//! implementation of money, validation, password and token policy, allocation, risk
//! and persona rules.
//!
//! Conversion and error mapping only — every rule is in the `sparrow-core` crate.
//! uniffi namespace `sparrow_core`: Swift module `SparrowCore`, Kotlin package
//! `com.sparrowinvest.core` (see `uniffi.toml`). Decimals cross as [`ExactDecimal`]
//! (`java.math.BigDecimal` / `Foundation.Decimal`); every failure is one
//! [`SparrowError`] (`SparrowException` in Kotlin) carrying the core's code, detail,
//! kind and field problems. Every export is synchronous: callers pick the thread.
//!
//! The exports are the same on every target (no `cfg`): the generated code checks
//! their checksums when it loads the library.

mod api_key;
mod auth;
mod error;
mod money;
mod portfolio;
mod returns;
mod rules;

pub use api_key::*;
pub use auth::*;
pub use error::{ExactDecimal, FieldProblem, Result, SparrowError};
pub use money::*;
pub use portfolio::*;
pub use returns::*;
pub use rules::*;

uniffi::setup_scaffolding!("sparrow_core");

/// Every error code the core can raise (the values of `ErrorCode`).
#[uniffi::export]
pub fn all_codes() -> Vec<String> {
    sparrow_core::ALL_CODES
        .iter()
        .map(|c| (*c).to_owned())
        .collect()
}

/// Every error kind (`input`, `money`, …), the values of the exception's `kind`.
#[uniffi::export]
pub fn all_kinds() -> Vec<String> {
    sparrow_core::contract::ErrorKind::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect()
}

/// The version of sparrow-core this library was built from.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
