//! Invariants checked with proptest.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly by design

use proptest::prelude::*;
use rust_decimal::Decimal;
use sparrow_core::identity::*;
use sparrow_core::money::*;
use sparrow_core::profile::{validate_profile_json, ValidationMode};

fn money() -> impl Strategy<Value = Money> {
    (Money::MIN_MINOR..=Money::MAX_MINOR).prop_map(|p| Money::from_paise(p).unwrap())
}

fn small_money() -> impl Strategy<Value = Money> {
    prop_oneof![
        (0i64..100_000_000).prop_map(|p| Money::from_paise(p).unwrap()),
        money().prop_map(Money::abs),
    ]
}

/// Text made of the characters amounts are typed with, to reach deep into the grammar.
fn amountish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("₹"),
            Just("Rs"),
            Just("Rs."),
            Just("INR"),
            Just(" "),
            Just("-"),
            Just("+"),
            Just(","),
            Just("."),
            Just("0"),
            Just("1"),
            Just("5"),
            Just("9"),
            Just("L"),
            Just("lakh"),
            Just("Cr"),
            Just("k"),
            Just("e"),
            Just("/-"),
            Just("\u{a0}"),
        ],
        0..16,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_inverts_format(m in money()) {
        prop_assert_eq!(parse_money(&format_inr(m)).unwrap(), m);
        prop_assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    #[test]
    fn format_inverts_parse_on_canonical_text(m in money()) {
        let text = format_inr(m);
        prop_assert_eq!(format_inr(parse_money(&text).unwrap()), text);
    }

    #[test]
    fn compact_form_is_within_half_a_display_step(m in money()) {
        let text = format_compact(m);
        let parsed = parse_money_with(&text.replace(" L", "L").replace(" Cr", "Cr"), ParseMode::Strict).unwrap();
        let step = if m.paise().abs() < 10_000_000 { 0 } else if text.ends_with(" L") { 100_000 } else { 10_000_000 };
        prop_assert!((parsed.paise() - m.paise()).abs() * 2 <= step, "{} -> {}", m, text);
    }

    #[test]
    fn lenient_agrees_with_strict_where_strict_accepts(text in amountish()) {
        if let Ok(m) = parse_money(&text) {
            prop_assert_eq!(parse_money_with(&text, ParseMode::Lenient).unwrap(), m);
        }
    }

    #[test]
    fn allocate_sums_exactly_and_is_fair(
        amount in small_money(),
        weights in proptest::collection::vec((0u64..1_000_000, 0u32..6), 1..40),
    ) {
        let weights: Vec<Decimal> = weights.into_iter().map(|(m, s)| Decimal::new(m as i64, s)).collect();
        let total: Decimal = weights.iter().sum();
        match allocate(amount, &weights) {
            Err(e) => prop_assert!(total.is_zero() && e.code() == "allocate_zero_weights"),
            Ok(parts) => {
                prop_assert_eq!(parts.len(), weights.len());
                prop_assert_eq!(Money::checked_sum(parts.iter().copied()).unwrap(), amount);
                for (part, w) in parts.iter().zip(&weights) {
                    prop_assert!(!part.is_negative());
                    if w.is_zero() {
                        prop_assert!(part.is_zero());
                    }
                    // Within one paisa of the exact share.
                    let exact = Decimal::from(amount.paise()) * w / total;
                    prop_assert!((Decimal::from(part.paise()) - exact).abs() < Decimal::ONE);
                }
            }
        }
    }

    #[test]
    fn arithmetic_never_drops_paise(a in money(), b in money()) {
        let exact = i128::from(a.paise()) + i128::from(b.paise());
        match a.checked_add(b) {
            Ok(sum) => {
                prop_assert_eq!(i128::from(sum.paise()), exact);
                prop_assert_eq!(sum.checked_sub(b).unwrap(), a);
            }
            Err(e) => {
                prop_assert_eq!(e.code(), "money_overflow");
                prop_assert!(exact.abs() > i128::from(Money::MAX_MINOR));
            }
        }
        let k = Decimal::from(3);
        if let Ok(tripled) = a.checked_mul(k, RoundingStrategy::ToZero) {
            prop_assert_eq!(i128::from(tripled.paise()), i128::from(a.paise()) * 3);
        }
    }

    #[test]
    fn units_round_trip_never_exceeds_the_amount(a in small_money(), nav in 1i64..100_000_000) {
        let nav = Nav::from_minor(nav).unwrap();
        if let Ok(units) = units_for(a, nav) {
            let value = value_of(units, nav).unwrap();
            prop_assert!(value <= a);
            // Lost at most one thousandth of a unit plus half a paisa of rounding.
            let lost = Decimal::from(a.paise() - value.paise()) / Decimal::ONE_HUNDRED;
            prop_assert!(lost <= nav.as_decimal() / Decimal::from(1000) + Decimal::new(1, 2));
        }
    }

    #[test]
    fn no_validator_panics_on_any_string(s in any::<String>()) {
        let _ = parse_money(&s);
        let _ = parse_money_with(&s, ParseMode::Lenient);
        let _ = s.parse::<Money>();
        let _ = s.parse::<Percent>();
        let _ = s.parse::<Nav>();
        let _ = s.parse::<Units>();
        let _ = validate_pan(&s);
        let _ = validate_ifsc(&s);
        let _ = validate_mobile(&s);
        let _ = validate_email(&s);
        let _ = validate_pincode(&s);
        let _ = validate_aadhaar(&s);
        let _ = validate_profile_json(&s, ValidationMode::Strict);
        let _ = validate_profile_json(&s, ValidationMode::Compat);
    }

    #[test]
    fn no_parser_panics_on_amount_like_text(s in amountish()) {
        let _ = parse_money(&s);
        let _ = parse_money_with(&s, ParseMode::Lenient);
        let _ = validate_mobile(&s);
    }

    #[test]
    fn valid_identifiers_round_trip(
        letters in "[A-Z]{3}", holder in "[PCHFEATBLJG]", last in "[A-Z]", digits in "[0-9]{4}",
        national in "[6-9][0-9]{9}",
    ) {
        let pan = format!("{letters}{holder}X{digits}{last}");
        let parsed = validate_pan(&pan.to_lowercase()).unwrap();
        prop_assert_eq!(parsed.as_str(), pan.as_str());
        let mobile = validate_mobile(&format!("+91 {national}")).unwrap();
        prop_assert_eq!(validate_mobile(&mobile.e164()).unwrap(), mobile);
    }
}
