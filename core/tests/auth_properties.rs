//! Invariants of the password policy, lifetimes, authorisation and config checks.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use std::collections::BTreeMap;

use proptest::prelude::*;
use sparrow_core::access::{authorize, Role};
use sparrow_core::config::check_env;
use sparrow_core::jwt::{parse_duration, MAX_LIFETIME_SECONDS};
use sparrow_core::password::{check_password, require_password, PasswordPolicy, PasswordRule};
use unicode_normalization::UnicodeNormalization;

const UNITS: &[(&str, i64)] = &[
    ("ms", 1),
    ("s", 1_000),
    ("sec", 1_000),
    ("m", 60_000),
    ("min", 60_000),
    ("h", 3_600_000),
    ("hours", 3_600_000),
    ("d", 86_400_000),
    ("days", 86_400_000),
    ("w", 604_800_000),
    ("y", 31_557_600_000),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn durations_follow_ms_and_jsonwebtoken(n in 0i64..200_000, unit in 0usize..UNITS.len(), space in any::<bool>()) {
        let (name, ms) = UNITS[unit];
        let text = format!("{n}{}{name}", if space { " " } else { "" });
        let seconds = n * ms / 1000;
        match parse_duration(&text) {
            Ok(s) => prop_assert_eq!(s, seconds),
            Err(e) if seconds < 1 => prop_assert_eq!(e.code(), "duration_too_short"),
            Err(e) => {
                prop_assert!(seconds > MAX_LIFETIME_SECONDS);
                prop_assert_eq!(e.code(), "duration_too_long");
            }
        }
    }

    #[test]
    fn a_bare_number_is_milliseconds(n in 0i64..10_000_000) {
        let got = parse_duration(&n.to_string());
        if n < 1000 {
            prop_assert_eq!(got.unwrap_err().code(), "duration_too_short");
        } else {
            prop_assert_eq!(got.unwrap(), n / 1000);
        }
    }

    #[test]
    fn policies_are_consistent(pw in any::<String>(), ctx in "[a-z]{0,12}") {
        for policy in [PasswordPolicy::seed(), PasswordPolicy::recommended(), PasswordPolicy::nist()] {
            let failed = check_password(&pw, &policy, &[&ctx]);
            prop_assert_eq!(failed.is_empty(), require_password(&pw, &policy, &[&ctx]).is_ok());
            let mut sorted = failed.clone();
            sorted.dedup();
            prop_assert_eq!(&sorted, &failed, "a rule is reported once");
        }
        let rec = check_password(&pw, &PasswordPolicy::recommended(), &[]);
        prop_assert!(!rec.contains(&PasswordRule::InvalidCharacter));
        if pw.len() <= 1024 {
            let chars = pw.nfkc().count();
            prop_assert_eq!(rec.contains(&PasswordRule::TooShort { min: 8 }), chars < 8);
        }
        let nist = check_password(&pw, &PasswordPolicy::nist(), &[]);
        let composition = [PasswordRule::NoLowercase, PasswordRule::NoUppercase, PasswordRule::NoDigit, PasswordRule::NoSpecial];
        prop_assert!(!nist.iter().any(|r| composition.contains(r)));
    }

    #[test]
    fn unknown_roles_are_always_denied(role in "[a-z_]{0,12}", page in proptest::option::of("[a-z]{1,8}")) {
        let d = authorize(&role, &[], page.as_deref(), None);
        if Role::parse(&role).is_none() {
            prop_assert!(!d.allowed);
            prop_assert_eq!(d.reason.code(), "unknown_role");
        }
    }

    #[test]
    fn env_messages_never_echo_values(
        secret in "[ -~]{16,48}", url in "[ -~]{16,48}", cors in "[ -~]{16,48}",
    ) {
        let vars: BTreeMap<String, String> = [
            ("JWT_SECRET", secret), ("DATABASE_URL", url), ("CORS_ORIGINS", cors),
        ].into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        for node_env in ["production", "development"] {
            for p in check_env(&vars, Some(node_env)) {
                for v in vars.values() {
                    prop_assert!(!p.message.contains(v.as_str()));
                }
            }
        }
    }
}
