//! The `.env` reader against the platform's two loaders: npm `dotenv` 16 (the NestJS
//! backend) and python-dotenv (the ML service), as recorded over one corpus by
//! `tools/dotenv-diff` and `bindings-python/tests/test_dotenv_peer.py` (each re-checks its
//! recording against the live package in CI).
//!
//! For every text: when the reader reports no problem, both loaders read exactly the
//! variables and values it does; when the loaders differ in any way, the reader reports
//! a problem; a problem on a text both read alike is an ambiguity (lone CR, a name set
//! twice), not a claimed disagreement; and the texts it refuses outright are a known list.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use serde_json::Value;
use sparrow_core::config::{read_env_file, ConfigError};

fn jsonl(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A loader's variables; python-dotenv's `None` (a name without `=`) stays distinct.
fn vars(row: &Value) -> BTreeMap<String, Option<String>> {
    row["vars"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned)))
        .collect()
}

/// Refused outright (`env_file_syntax`), in corpus order. Quoted values spanning lines
/// are read alike by both loaders but refused here: a value must be visible on its line.
const REFUSED: &[&str] = &[
    "double quoted escaped quote",
    "single quoted escaped quote",
    "unterminated double",
    "unterminated single",
    "multiline double",
    "multiline single",
    "text after closing quote",
    "colon separator",
    "no equals",
    "key with spaces",
    "export only",
];

#[test]
fn the_reader_agrees_with_both_loaders_wherever_they_agree() {
    let corpus = jsonl("dotenv_corpus.jsonl");
    let npm = jsonl("dotenv_npm.jsonl");
    let python = jsonl("dotenv_python.jsonl");
    assert_eq!(corpus.len(), npm.len());
    assert_eq!(corpus.len(), python.len());
    let mut refused = Vec::new();
    let (mut clean, mut flagged) = (0, 0);
    for ((case, n), p) in corpus.iter().zip(&npm).zip(&python) {
        let name = case["name"].as_str().unwrap();
        assert_eq!(n["name"], case["name"]);
        assert_eq!(p["name"], case["name"]);
        let (n, p) = (vars(n), vars(p));
        let file = match read_env_file(case["text"].as_str().unwrap()) {
            Ok(file) => file,
            Err(e) => {
                assert_eq!(e.code(), "env_file_syntax", "{name}: {e}");
                refused.push(name);
                continue;
            }
        };
        let ours: BTreeMap<String, Option<String>> = file
            .vars
            .iter()
            .map(|(k, v)| (k.clone(), Some(v.clone())))
            .collect();
        if file.problems.is_empty() {
            clean += 1;
            assert_eq!(ours, n, "{name}: npm dotenv reads otherwise");
            assert_eq!(ours, p, "{name}: python-dotenv reads otherwise");
        } else {
            flagged += 1;
            if n == p {
                for problem in &file.problems {
                    assert!(
                        matches!(
                            problem,
                            ConfigError::LineBreak { .. } | ConfigError::Duplicate { .. }
                        ),
                        "{name}: both loaders agree, yet {problem}"
                    );
                }
                assert_eq!(ours, n, "{name}");
            } else {
                // What the backend loads is what check_env judges.
                for (k, v) in &ours {
                    assert_eq!(n.get(k), Some(v), "{name}: {k} is not npm dotenv's value");
                }
            }
        }
    }
    assert_eq!(refused, REFUSED);
    assert!(
        clean >= 40 && flagged >= 15,
        "{clean} clean, {flagged} flagged"
    );
}

#[test]
fn the_reported_problems_name_lines_not_values() {
    let secret = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";
    let text = format!(
        "\u{feff}PORT=3000\nJWT_SECRET=q7#{secret}\rJWT_SECRET=super-secret\nJWT_SECRET=\"a\\tb\"\n"
    );
    let file = read_env_file(&text).unwrap();
    let codes: Vec<(&str, String)> = file
        .problems
        .iter()
        .map(|p| (p.code(), p.to_string()))
        .collect();
    assert_eq!(
        codes.iter().map(|c| c.0).collect::<Vec<_>>(),
        [
            "env_file_line_break",
            "env_file_hash",
            "env_file_duplicate",
            "env_file_disagree",
            "env_file_duplicate"
        ]
    );
    for (_, message) in &codes {
        assert!(message.contains("line "), "{message}");
        for value in [secret, "q7", "super-secret", "a\\tb"] {
            assert!(!message.contains(value), "{message}");
        }
    }
    assert_eq!(
        codes[1].1.split("line ").nth(1).unwrap().chars().next(),
        Some('2')
    );
    // The BOM is accepted; the name after it is PORT.
    assert_eq!(file.vars["PORT"], "3000");
    assert_eq!(file.vars["JWT_SECRET"], "a\\tb");
    // parse_env_file fails on the first problem.
    assert_eq!(
        sparrow_core::config::parse_env_file(&text)
            .unwrap_err()
            .code(),
        "env_file_line_break"
    );
}
