//! Exact rational helpers shared by the allocation, persona and risk rules.
//!
//! Every quotient that the rules round is computed as an integer ratio and rounded
//! once, so no result depends on the 28-digit precision of `Decimal` division or on
//! the order of operations.

use rust_decimal::Decimal;
use serde_json::Value;

/// The value as an integer count of `10^-scale` steps, if it is exact at that scale and
/// fits comfortably (below 10^30 steps).
pub(crate) fn to_scaled(value: Decimal, scale: u32) -> Option<i128> {
    let normal = value.normalize();
    if normal.scale() > scale {
        return None;
    }
    let factor = 10i128.checked_pow(scale.checked_sub(normal.scale())?)?;
    let scaled = normal.mantissa().checked_mul(factor)?;
    (scaled.unsigned_abs() < 10u128.pow(30)).then_some(scaled)
}

macro_rules! half_even {
    ($($name:ident: $t:ty),+) => {$(
        /// `num / den` rounded half to even (den must be positive; a zero `den` gives 0).
        #[inline]
        pub(crate) fn $name(num: $t, den: $t) -> $t {
            if den <= 0 {
                return 0;
            }
            let q = num.div_euclid(den);
            let r = num.rem_euclid(den);
            let twice = r.saturating_mul(2);
            if twice > den || (twice == den && q.rem_euclid(2) == 1) {
                q.saturating_add(1)
            } else {
                q
            }
        }
    )+};
}

// One rule, two widths: i128 for the exact ratios of risk and allocation, i64 for the
// per-profile hot path of the persona rules.
half_even!(div_half_even: i128, div_half_even_i64: i64);

/// Largest-remainder apportionment of `target` units in proportion to
/// `numerators[i] / denominator`: each part gets the floor of its share, and the units
/// left over go one each to the largest remainders, ties to the earlier part.
///
/// The callers' numerators sum to `target × denominator` (their shares are exact
/// fractions of the whole), so fewer units are left over than there are parts.
/// Numerators must be non-negative and `denominator` positive; otherwise every part is 0.
pub(crate) fn largest_remainder(numerators: &[i128], denominator: i128, target: i128) -> Vec<i128> {
    if denominator <= 0 || numerators.iter().any(|n| *n < 0) {
        return vec![0; numerators.len()];
    }
    let mut parts: Vec<i128> = numerators
        .iter()
        .map(|n| n.div_euclid(denominator))
        .collect();
    let handed_out = parts.iter().fold(0i128, |acc, p| acc.saturating_add(*p));
    let leftover = usize::try_from(target.saturating_sub(handed_out)).unwrap_or(0);
    if leftover > 0 {
        let mut order: Vec<(i128, usize)> = numerators
            .iter()
            .enumerate()
            .map(|(i, n)| (n.rem_euclid(denominator), i))
            .collect();
        // Largest remainder first; equal remainders keep the earlier part first.
        order.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in order.iter().take(leftover) {
            if let Some(p) = parts.get_mut(i) {
                *p = p.saturating_add(1);
            }
        }
    }
    parts
}

/// `mantissa × 10^-scale` as a `Decimal` (scale ≤ 28; values out of range give zero,
/// which callers rule out by bounding their inputs).
pub(crate) fn decimal(mantissa: i128, scale: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or_default()
}

/// A JSON number (read from its literal) or a decimal string as an exact `Decimal`, by
/// the crate's one grammar ([`crate::money::decimal_text`]): a number literal may have an
/// exponent, a string may not. Booleans, other types and unreadable text give `None`.
pub(crate) fn json_decimal(value: &Value) -> Option<Decimal> {
    match value {
        Value::Number(n) => crate::money::parse_number_literal(&n.to_string(), "value").ok(),
        Value::String(s) => crate::money::parse_decimal_text(s, "value").ok(),
        _ => None,
    }
}

/// serde for `Decimal` fields, following api.md's value rules: written as a string;
/// read from a decimal string, an integer, or a JSON number's literal (serde_json's
/// `arbitrary_precision`), never from a binary float or a boolean. Use with
/// `#[serde(with = "crate::exact::decimal_serde")]`.
pub(crate) mod decimal_serde {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, MapAccess, Visitor};

    const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

    pub(crate) fn serialize<S: serde::Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(DecimalVisitor)
    }

    pub(crate) struct DecimalVisitor;

    fn literal<E: de::Error>(text: &str) -> Result<Decimal, E> {
        crate::money::parse_number_literal(text, "value").map_err(E::custom)
    }

    impl<'de> Visitor<'de> for DecimalVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal string or an integer (binary floats are refused)")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            crate::money::parse_decimal_text(v, "value").map_err(E::custom)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Decimal, E> {
            Err(E::custom(
                "binary floating-point numbers are refused; pass a decimal string",
            ))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Decimal, E> {
            Err(E::custom("booleans are refused; pass a decimal string"))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
            let key: Option<String> = map.next_key()?;
            if key.as_deref() != Some(JSON_NUMBER_TOKEN) {
                return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
            }
            let text: String = map.next_value()?;
            literal(&text)
        }
    }

    /// The same for `Option<Decimal>` (null or absent is `None`).
    pub(crate) mod option {
        use rust_decimal::Decimal;
        use serde::Deserialize;

        pub(crate) fn serialize<S: serde::Serializer>(
            v: &Option<Decimal>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match v {
                Some(d) => s.collect_str(d),
                None => s.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Decimal);
            Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(v)| v))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_splits_exactly_with_ties_to_the_earlier_part() {
        assert_eq!(largest_remainder(&[1, 1, 1], 3, 1), [1, 0, 0]);
        assert_eq!(
            largest_remainder(&[10_000, 10_000, 10_000], 3, 10_000),
            [3334, 3333, 3333]
        );
        assert_eq!(largest_remainder(&[2, 5, 5], 12, 1), [0, 1, 0]);
        assert_eq!(largest_remainder(&[0, 0], 1, 0), [0, 0]);
        assert_eq!(largest_remainder(&[1, -1], 1, 0), [0, 0]);
        assert_eq!(div_half_even_i64(5, 2), 2);
        assert_eq!(div_half_even_i64(15, 2), 8);
        assert_eq!(div_half_even_i64(1, 0), 0);
    }

    #[test]
    fn rounding() {
        assert_eq!(div_half_even(5, 2), 2);
        assert_eq!(div_half_even(7, 2), 4);
        assert_eq!(div_half_even(-5, 2), -2);
        assert_eq!(div_half_even(10, 3), 3);
        assert_eq!(div_half_even(20, 3), 7);
        assert_eq!(div_half_even(1, 0), 0);
        assert_eq!(to_scaled(Decimal::new(15, 2), 4), Some(1500));
        assert_eq!(to_scaled(Decimal::new(15, 5), 4), None);
        assert_eq!(to_scaled(Decimal::new(1500000, 7), 4), Some(1500));
        assert_eq!(
            json_decimal(&serde_json::json!(0.1)),
            Some(Decimal::new(1, 1))
        );
        assert_eq!(
            json_decimal(&serde_json::json!("2.50")),
            Some(Decimal::new(250, 2))
        );
        // One grammar (money::decimal_text): no surrounding spaces, no exponent in a string.
        assert_eq!(json_decimal(&serde_json::json!(" 2.50 ")), None);
        assert_eq!(json_decimal(&serde_json::json!("2.5e1")), None);
        assert_eq!(json_decimal(&serde_json::json!(true)), None);
    }

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct W {
        #[serde(with = "decimal_serde")]
        v: Decimal,
        #[serde(with = "decimal_serde::option", default)]
        o: Option<Decimal>,
    }

    #[test]
    fn decimal_fields() {
        let w: W = serde_json::from_str(r#"{"v": 0.1, "o": "2.50"}"#).unwrap();
        assert_eq!(
            w,
            W {
                v: Decimal::new(1, 1),
                o: Some(Decimal::new(250, 2))
            }
        );
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"v":"0.1","o":"2.50"}"#
        );
        let w: W = serde_json::from_str(r#"{"v": 7}"#).unwrap();
        assert_eq!(w.o, None);
        assert!(serde_json::from_str::<W>(r#"{"v": true}"#).is_err());
        assert!(serde_json::from_str::<W>(r#"{"v": "1e5"}"#).is_err());
        assert!(serde_json::from_str::<W>(r#"{"v": ""}"#).is_err());
    }
}
