//! Timings of sparrow-core for `benches/peers/run.mjs`, which runs this binary and the
//! npm peers in one run and prints the ratios. Prints one JSON object.
//!
//! `cargo run --release -p sparrow-benches --bin peer-timing -- BCRYPT_HASH TOKEN SECRET NOW`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

#[path = "per_op.rs"]
mod timing;
use timing::per_op;

use sparrow_core::jwt::{
    issue_token, verify_token, IssueOptions, Keyring, TokenSubject, VerifyOptions,
};
use sparrow_core::password::PasswordHasher;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bcrypt_hash, token, secret, now] = args.as_slice() else {
        eprintln!("usage: peer-timing BCRYPT_HASH TOKEN SECRET NOW");
        std::process::exit(2);
    };
    let now: i64 = now.parse().unwrap();
    let hasher = PasswordHasher::default();
    let password = "correct horse battery staple";
    let stored = hasher.hash_password(password).unwrap();
    let hash = per_op(30, || {
        black_box(hasher.hash_password(black_box(password)).unwrap());
    });
    let verify = per_op(30, || {
        assert!(
            hasher
                .verify_password(black_box(password), &stored)
                .unwrap()
                .matched
        );
    });
    let bcrypt = per_op(10, || {
        assert!(
            hasher
                .verify_password(black_box(password), bcrypt_hash)
                .unwrap()
                .matched
        );
    });
    let ring = Keyring::legacy(secret.as_bytes()).unwrap();
    let options = VerifyOptions::default();
    let verify_tok = per_op(200_000, || {
        black_box(verify_token(black_box(token), &ring, now, &options).unwrap());
    });
    let claims = verify_token(token, &ring, now, &options).unwrap();
    let subject = TokenSubject {
        sub: claims.sub,
        email: claims.email,
        role: claims.role,
        ..TokenSubject::default()
    };
    let issue = per_op(200_000, || {
        black_box(
            issue_token(
                black_box(&subject),
                &ring,
                &"7d".into(),
                now,
                &IssueOptions::default(),
            )
            .unwrap(),
        );
    });
    println!(
        "{{\"argon2_hash_ms\":{:.3},\"argon2_verify_ms\":{:.3},\"bcrypt10_verify_ms\":{:.3},\"verify_token_us\":{:.3},\"issue_token_us\":{:.3}}}",
        hash * 1e3,
        verify * 1e3,
        bcrypt * 1e3,
        verify_tok * 1e6,
        issue * 1e6
    );
}
