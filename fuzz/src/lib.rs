//! Fuzz harnesses for sparrow-core's parsers, shared by the cargo-fuzz targets in
//! `fuzz_targets/` and by `core/tests/fuzz_corpus.rs`, which replays the saved corpus as
//! an ordinary test. Each harness feeds one input to a parser and checks the invariants
//! that must hold for any input; a failed check panics, which is what the fuzzer reports.
#![forbid(unsafe_code)]

use sparrow_core::identity::{
    validate_aadhaar, validate_email, validate_ifsc, validate_mobile, validate_pan,
    validate_pincode,
};
use sparrow_core::money::{
    format_compact, format_inr, parse_money, parse_money_with, Money, Nav, ParseMode, Percent,
    Units,
};
use sparrow_core::profile::{validate_profile, validate_profile_json, ValidationMode};

/// `parse_money` in both modes: strict ⊆ lenient, and formatting parses back.
pub fn money_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let strict = parse_money(text);
    let lenient = parse_money_with(text, ParseMode::Lenient);
    if let Ok(m) = strict {
        assert_eq!(
            lenient.as_ref().ok(),
            Some(&m),
            "lenient must accept what strict accepts"
        );
    }
    for m in [strict, lenient].into_iter().flatten() {
        assert_eq!(
            parse_money(&format_inr(m)).ok(),
            Some(m),
            "format_inr must parse back"
        );
        assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
        let _ = format_compact(m);
    }
}

/// Plain decimal literals and JSON values for every exact quantity.
pub fn decimal_literal(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(m) = text.parse::<Money>() {
            assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
        }
        let _ = text.parse::<Percent>();
        let _ = text.parse::<Nav>();
        if let Ok(u) = text.parse::<Units>() {
            assert_eq!(u.to_string().parse::<Units>().ok(), Some(u));
        }
    }
    if let Ok(m) = serde_json::from_slice::<Money>(data) {
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<Money>(&json).ok(),
            Some(m),
            "serde must round-trip"
        );
    }
    let _ = serde_json::from_slice::<Nav>(data);
    let _ = serde_json::from_slice::<Percent>(data);
}

/// Every identity validator; a normalised value validates again to itself.
pub fn identity(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = validate_pan(text) {
        assert_eq!(validate_pan(p.as_str()).ok(), Some(p));
    }
    if let Ok(i) = validate_ifsc(text) {
        assert_eq!(validate_ifsc(i.as_str()).ok(), Some(i));
    }
    if let Ok(m) = validate_mobile(text) {
        assert_eq!(validate_mobile(&m.e164()).ok(), Some(m));
    }
    if let Ok(e) = validate_email(text) {
        let again = validate_email(e.normalized()).ok();
        assert_eq!(again.as_ref().map(|a| a.normalized()), Some(e.normalized()));
    }
    if let Ok(p) = validate_pincode(text) {
        assert_eq!(validate_pincode(p.as_str()).ok(), Some(p));
    }
    if let Ok(a) = validate_aadhaar(text) {
        assert_eq!(validate_aadhaar(a.as_str()).ok(), Some(a));
    }
}

/// Profile JSON in both modes; a valid profile serialises to JSON that validates
/// strictly to the same profile, and every error has a code and names a field.
pub fn profile_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [ValidationMode::Strict, ValidationMode::Compat] {
        match validate_profile_json(text, mode) {
            Ok(p) => {
                let value = serde_json::to_value(&p).unwrap_or_default();
                assert_eq!(
                    validate_profile(&value, ValidationMode::Strict).ok(),
                    Some(p)
                );
            }
            Err(e) => {
                assert!(!e.errors.is_empty());
                for fe in e.field_errors() {
                    assert!(!fe.code.is_empty() && !fe.message.is_empty());
                    // Only an unknown key can be empty: the field is the key as sent.
                    assert!(!fe.field.is_empty() || fe.code == "profile_unknown_field");
                }
            }
        }
    }
}
