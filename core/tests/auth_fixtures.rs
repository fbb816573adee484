//! Replays the shared auth fixture tables (password policy, authorisation, lifetimes).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use serde_json::Value;
use sparrow_core::access::{authorize, Role};
use sparrow_core::jwt::parse_duration;
use sparrow_core::password::{check_password, PasswordPolicy};

fn rows(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn password_policy_table() {
    for row in rows(include_str!("fixtures/password_policy.jsonl")) {
        let policy = PasswordPolicy::by_name(row["policy"].as_str().unwrap()).unwrap();
        let context = strings(&row["context"]);
        let context: Vec<&str> = context.iter().map(String::as_str).collect();
        let failed: Vec<&str> =
            check_password(row["password"].as_str().unwrap(), &policy, &context)
                .iter()
                .map(|r| r.code())
                .collect();
        assert_eq!(failed, strings(&row["failed"]), "{row}");
    }
}

#[test]
fn authorize_table() {
    for row in rows(include_str!("fixtures/authorize.jsonl")) {
        let required: Vec<Role> = strings(&row["required_roles"])
            .iter()
            .map(|r| Role::parse(r).unwrap())
            .collect();
        let pages = row["allowed_pages"]
            .as_array()
            .map(|_| strings(&row["allowed_pages"]));
        let d = authorize(
            row["role"].as_str().unwrap(),
            &required,
            row["page"].as_str(),
            pages.as_deref(),
        );
        assert_eq!(d.allowed, row["allowed"].as_bool().unwrap(), "{row}");
        assert_eq!(d.reason.code(), row["reason"].as_str().unwrap(), "{row}");
    }
}

#[test]
fn durations_table() {
    for row in rows(include_str!("fixtures/durations.jsonl")) {
        let got = parse_duration(row["text"].as_str().unwrap());
        match row["error"].as_str() {
            Some(code) => assert_eq!(got.unwrap_err().code(), code, "{row}"),
            None => assert_eq!(got.unwrap(), row["seconds"].as_i64().unwrap(), "{row}"),
        }
    }
}

/// The preflight example's two sample files: the guide's template is refused, the
/// filled-in file passes (the example exits 1 and 0 on them).
#[test]
fn preflight_sample_files() {
    use sparrow_core::config::{check_env, parse_env_file};
    let template = parse_env_file(include_str!("../../examples/env/guide-template.env")).unwrap();
    let problems = check_env(&template, Some("production"));
    assert!(problems.len() >= 5, "{problems:?}");
    assert!(
        problems.iter().all(|p| p.code == "env_placeholder"),
        "{problems:?}"
    );
    let good = parse_env_file(include_str!("../../examples/env/production-good.env")).unwrap();
    assert_eq!(check_env(&good, None), []);
}
