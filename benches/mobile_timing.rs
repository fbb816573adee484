//! The Rust side of the Kotlin/JNA benchmark (bindings-swift/scripts/bench-kotlin.sh):
//! the same three calls as `Bench.kt` on the same inputs, timed in-process, printed as
//! one JSON object of nanoseconds per call.
//!
//! `cargo run --release -p sparrow-benches --bin mobile-timing -- TOKEN SECRET NOW`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

#[path = "per_op.rs"]
mod timing;
use timing::per_op;

use sparrow_core::jwt::{verify_token, Keyring, VerifyOptions};
use sparrow_core::persona::classify_blended;
use sparrow_core::profile::{validate_profile, ValidationMode};

/// Nanoseconds per call.
fn ns_per_op<F: FnMut()>(n: u32, f: F) -> f64 {
    per_op(n, f) * 1e9
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [token, secret, now] = args.as_slice() else {
        eprintln!("usage: mobile-timing TOKEN SECRET NOW");
        std::process::exit(2);
    };
    let now: i64 = now.parse().unwrap();
    let ring = Keyring::new("k1", secret.as_bytes()).unwrap();
    let options = VerifyOptions::default();
    let pan = ns_per_op(2_000_000, || {
        black_box(sparrow_core::validate_pan(black_box("ABCPE1234F")).unwrap());
    });
    // Bench.kt passes a typed ProfileInput, which the binding reads as this JSON.
    let input = serde_json::json!({
        "age": 34, "horizon_years": 15, "risk_tolerance": "Moderate",
        "volatility": "Medium", "liquidity": "Medium", "knowledge": "Intermediate",
        "monthly_sip": "25000"
    });
    let blended = ns_per_op(200_000, || {
        let p = validate_profile(black_box(&input), ValidationMode::Strict).unwrap();
        black_box(classify_blended(&p));
    });
    let batch = vec![input.clone(); 1000];
    let many = ns_per_op(200, || {
        let ps: Vec<_> = batch
            .iter()
            .map(|i| validate_profile(i, ValidationMode::Strict).unwrap())
            .collect();
        black_box(sparrow_core::classify_blended_many(&ps));
    }) / 1000.0;
    let verify = ns_per_op(200_000, || {
        black_box(verify_token(black_box(token), &ring, now, &options).unwrap());
    });
    println!(
        "{}",
        serde_json::json!({
            "validatePan": pan,
            "classifyBlended": blended,
            "classifyBlendedMany": many,
            "verifyToken": verify,
        })
    );
}
