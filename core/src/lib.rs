//! # sparrow-core
//!
//! The one exact implementation of Sparrow Invest's business rules, shared by the
//! Python ML service, the NestJS backend and the iOS and Android apps through thin
//! bindings.
//!
//! - [`money`] — exact rupees, percents, NAVs and units; Indian parsing and formatting;
//!   exact splitting by weights.
//! - [`identity`] — PAN, IFSC, mobile, email, PIN code and Aadhaar validation.
//! - [`profile`] — validation of the investor profile as a whole record.
//! - [`db`] — the numeric column rules and the PostgreSQL migration generated from them.
//! - [`asset`] — asset classes, shared by allocation and risk.
//! - [`allocation`] — asset allocations, strategies, blends, SIP splits, rebalancing.
//! - [`risk`] — risk constraints and the risk-v1 assessment.
//! - [`persona`] — rules-v2-blended classification and k-means personas.
//! - [`returns`] — XIRR, XNPV and CAGR over dated cash flows, exact in and out.
//! - [`contract`] — the boundary every binding shares: records, parsers, defaults,
//!   error kinds.
//! - [`Error`] and [`ALL_CODES`] — one error family with stable codes
//!   (catalogue: `docs/errors.md`).
//!
//! Nothing here reads the clock, the environment or a random source inside a rule, and
//! no public function panics: every input gives a value or a typed error.
//!
//! ```
//! use sparrow_core::money::{format_compact, parse_money};
//! let sip = parse_money("₹25,000").unwrap();
//! assert_eq!(format_compact(parse_money("1.2 Cr").unwrap()), "₹1.20 Cr");
//! assert_eq!(sip.format_inr(), "₹25,000.00");
//! ```
#![forbid(unsafe_code)]

pub mod access;
pub mod allocation;
pub mod api_key;
pub mod asset;
pub mod config;
pub mod contract;
pub mod db;
mod error;
mod exact;
pub mod identity;
mod json;
pub mod jwt;
pub mod money;
pub mod password;
pub mod persona;
pub mod portfolio;
pub mod profile;
pub mod returns;
pub mod risk;

pub use allocation::{blend_allocation, check_strategy, rebalance, split_amount, strategy_for};
pub use db::migration_sql;
pub use error::{Error, ALL_CODES};
pub use identity::{
    validate_aadhaar, validate_email, validate_ifsc, validate_mobile, validate_pan,
    validate_pincode,
};
pub use money::{allocate, format_compact, format_inr, parse_money, units_for, value_of};
pub use persona::{
    classify, classify_blended, classify_blended_many, classify_many, train_personas, PersonaModel,
};
pub use profile::{validate_profile, validate_profile_json, validate_profile_json_bytes};
pub use risk::{assess_risk, check_allocation, check_constraints};

/// The README's Rust examples, compiled and run as doc tests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
