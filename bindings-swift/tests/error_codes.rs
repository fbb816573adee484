//! The Kotlin and Swift code constants (`ErrorCode`, `ErrorKind`) are written from the
//! core's catalogue: this test fails when the committed files differ from it, and
//! rewrites them with `SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use sparrow_core::contract::ErrorKind;
use sparrow_core::ALL_CODES;

fn upper(code: &str) -> String {
    code.to_ascii_uppercase()
}

fn camel(code: &str) -> String {
    let mut out = String::new();
    for (i, part) in code.split('_').enumerate() {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                out.push(first);
            } else {
                out.push(first.to_ascii_uppercase());
            }
            out.extend(chars);
        }
    }
    out
}

fn kinds() -> Vec<&'static str> {
    ErrorKind::ALL.iter().map(|k| k.as_str()).collect()
}

fn kotlin() -> String {
    let mut s = String::from(
        "// Written from sparrow-core's error catalogue by bindings-swift/tests/error_codes.rs;\n\
         // do not edit (SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi rewrites it).\n\
         package com.sparrowinvest.core\n\n\
         /** Every code a [SparrowException] can carry (`e.code()`): compare with these, never with the text. */\n\
         object ErrorCode {\n",
    );
    for c in ALL_CODES.iter() {
        s.push_str(&format!("    const val {} = \"{c}\"\n", upper(c)));
    }
    s.push_str(
        "\n    /** Every code, in the catalogue's order. */\n    val ALL: List<String> = listOf(\n",
    );
    for c in ALL_CODES.iter() {
        s.push_str(&format!("        {},\n", upper(c)));
    }
    s.push_str("    )\n}\n\n/** Every `kind` a [SparrowException] can carry (`e.kind()`). */\nobject ErrorKind {\n");
    for k in kinds() {
        s.push_str(&format!("    const val {} = \"{k}\"\n", upper(k)));
    }
    s.push_str("\n    /** Every kind. */\n    val ALL: List<String> = listOf(");
    s.push_str(
        &kinds()
            .iter()
            .map(|k| upper(k))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push_str(")\n}\n");
    s
}

fn swift() -> String {
    let mut s = String::from(
        "// Written from sparrow-core's error catalogue by bindings-swift/tests/error_codes.rs;\n\
         // do not edit (SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi rewrites it).\n\n\
         /// Every code a `SparrowError` can carry (`error.code()`): compare with these, never with the text.\n\
         public enum ErrorCode {\n",
    );
    for c in ALL_CODES.iter() {
        s.push_str(&format!("    public static let {} = \"{c}\"\n", camel(c)));
    }
    s.push_str("\n    /// Every code, in the catalogue's order.\n    public static let all: [String] = [\n");
    for c in ALL_CODES.iter() {
        s.push_str(&format!("        {},\n", camel(c)));
    }
    s.push_str("    ]\n}\n\n/// Every `kind` a `SparrowError` can carry (`error.kind()`).\npublic enum ErrorKind {\n");
    for k in kinds() {
        s.push_str(&format!("    public static let {} = \"{k}\"\n", camel(k)));
    }
    s.push_str("\n    /// Every kind.\n    public static let all: [String] = [");
    s.push_str(
        &kinds()
            .iter()
            .map(|k| camel(k))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s.push_str("]\n}\n");
    s
}

fn check(path: &Path, want: &str) {
    if std::env::var_os("SPARROW_WRITE_CODES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "{} differs from the catalogue: run SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi",
        path.display()
    );
}

#[test]
fn code_constants_match_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check(
        &root.join("kotlin/src/main/kotlin/com/sparrowinvest/core/ErrorCode.kt"),
        &kotlin(),
    );
    check(
        &root.join("swift/Sources/SparrowCore/ErrorCode.swift"),
        &swift(),
    );
}

#[test]
fn constant_names_are_distinct() {
    let mut names: Vec<String> = ALL_CODES.iter().map(|c| camel(c)).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), ALL_CODES.len());
    assert_eq!(camel("password_hash_too_costly"), "passwordHashTooCostly");
}
