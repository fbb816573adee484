//! Replays the saved cargo-fuzz corpus (`fuzz/corpus/<target>/`) through the same
//! harnesses the fuzzers run, as an ordinary test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::path::PathBuf;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(
            outcome.is_ok(),
            "{target}: {} makes the harness fail",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 20, "{target}: only {count} corpus entries");
}

#[test]
fn money_parse_corpus() {
    replay("money_parse", harness::money_parse);
}

#[test]
fn decimal_literal_corpus() {
    replay("decimal_literal", harness::decimal_literal);
}

#[test]
fn decimal_grammar_corpus() {
    replay("decimal_grammar", harness::decimal_grammar);
}

#[test]
fn identity_corpus() {
    replay("identity", harness::identity);
}

#[test]
fn profile_json_corpus() {
    replay("profile_json", harness::profile_json);
}

#[test]
fn token_verify_corpus() {
    replay("token_verify", harness::token_verify);
}

#[test]
fn hash_parse_corpus() {
    replay("hash_parse", harness::hash_parse);
}

#[test]
fn password_check_corpus() {
    replay("password_check", harness::password_check);
}

#[test]
fn env_parse_corpus() {
    replay("env_parse", harness::env_parse);
}

#[test]
fn rules_table_corpus() {
    replay("rules_table", harness::rules_table);
}

#[test]
fn strategy_doc_corpus() {
    replay("strategy_doc", harness::strategy_doc);
}

#[test]
fn model_file_corpus() {
    replay("model_file", harness::model_file);
}

#[test]
fn risk_request_corpus() {
    replay("risk_request", harness::risk_request);
}

#[test]
fn tax_table_corpus() {
    replay("tax_table", harness::tax_table);
}

#[test]
fn fund_table_corpus() {
    replay("fund_table", harness::fund_table);
}

#[test]
fn portfolio_request_corpus() {
    replay("portfolio_request", harness::portfolio_request);
}

#[test]
fn api_key_parse_corpus() {
    replay("api_key_parse", harness::api_key_parse);
}
