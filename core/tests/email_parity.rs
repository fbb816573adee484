//! sparrow-core's email validator against verdicts recorded from the npm `validator`
//! package itself (tools/validatorjs; the test script re-runs that recording with the
//! pinned package and fails if it no longer matches this file).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use serde::Deserialize;
use sparrow_core::identity::validate_email;

#[derive(Deserialize)]
struct Verdict {
    input: String,
    valid: bool,
    valid_trimmed: bool,
}

#[test]
fn agrees_with_validator_js_is_email() {
    let text = include_str!("fixtures/email_validatorjs.jsonl");
    let mut disagreements = Vec::new();
    let mut trimmed_differences = 0;
    let mut count = 0;
    for line in text.lines() {
        let v: Verdict = serde_json::from_str(line).unwrap();
        count += 1;
        let ours = validate_email(&v.input).is_ok();
        // The one documented difference: surrounding whitespace is trimmed first.
        if ours != v.valid_trimmed {
            disagreements.push(format!(
                "{:?}: validator.js {} / sparrow {}",
                v.input, v.valid_trimmed, ours
            ));
        }
        if v.valid != v.valid_trimmed {
            trimmed_differences += 1;
            assert_ne!(
                v.input
                    .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
                v.input
            );
        }
    }
    assert!(count >= 300, "only {count} cases");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    assert!(
        trimmed_differences > 0,
        "the trimming difference should be exercised"
    );
}
