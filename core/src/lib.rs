//! # sparrow-core
//!
//! The one exact implementation of Sparrow Invest's business rules.
#![forbid(unsafe_code)]

pub mod identity;
pub mod money;
