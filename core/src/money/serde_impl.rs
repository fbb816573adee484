//! serde support shared by the fixed-scale quantities.
//!
//! Output is always a decimal string (`"1234.50"`). Input follows api.md's value rules:
//! a decimal string or an integer; a JSON number only if its literal has no more
//! decimals than the type's scale. serde_json is built with `arbitrary_precision`, so a
//! JSON number reaches [`ExactVisitor`] as its literal text and is never rounded through
//! a binary float. Binary floats from other formats and booleans are refused.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};

use super::fixed::{parse_plain, pow10};
use super::MoneyError;

/// The key under which serde_json (with `arbitrary_precision`) hands over a number's
/// literal text.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Deserializes an exact quantity into a count of `10^-scale` steps (not range-checked).
pub(crate) struct ExactVisitor {
    pub(crate) scale: u32,
    pub(crate) field: &'static str,
}

impl ExactVisitor {
    fn integer<E: de::Error>(&self, v: i128) -> Result<i64, E> {
        v.checked_mul(i128::from(pow10(self.scale)))
            .and_then(|m| i64::try_from(m).ok())
            .ok_or_else(|| {
                E::custom(MoneyError::Overflow {
                    field: self.field,
                    op: "parsing",
                })
            })
    }
}

impl<'de> Visitor<'de> for ExactVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a decimal string or an integer with at most {} decimals",
            self.scale
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        parse_plain(v, self.scale, self.field).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        self.integer(i128::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        self.integer(i128::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i64, E> {
        self.integer(v)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<i64, E> {
        let v = i128::try_from(v).map_err(|_| {
            E::custom(MoneyError::Overflow {
                field: self.field,
                op: "parsing",
            })
        })?;
        self.integer(v)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<i64, E> {
        Err(E::custom(MoneyError::NotExact { field: self.field }))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<i64, E> {
        Err(E::custom(MoneyError::NotExact { field: self.field }))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<i64, A::Error> {
        let key: Option<String> = map.next_key()?;
        if key.as_deref() != Some(JSON_NUMBER_TOKEN) {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let literal: String = map.next_value()?;
        parse_plain(&literal, self.scale, self.field).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use crate::money::{Money, Nav, Percent};

    #[test]
    fn json_numbers_are_read_from_their_literal() {
        let m: Money = serde_json::from_str("25000.50").unwrap();
        assert_eq!(m.paise(), 2_500_050);
        let m: Money = serde_json::from_str("\"25000.5\"").unwrap();
        assert_eq!(m.paise(), 2_500_050);
        let m: Money = serde_json::from_str("7").unwrap();
        assert_eq!(m.paise(), 700);
        let n: Nav = serde_json::from_str("12.3456").unwrap();
        assert_eq!(n.minor(), 123_456);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"7.00\"");
    }

    #[test]
    fn json_refusals() {
        for bad in [
            "0.125",
            "1e3",
            "true",
            "\"1,000\"",
            "100000000000000",
            "[1]",
            "null",
        ] {
            assert!(serde_json::from_str::<Money>(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Percent>("100.5").is_err());
        let err = serde_json::from_str::<Money>("0.125")
            .unwrap_err()
            .to_string();
        assert!(err.contains("2 decimal places"), "{err}");
    }
}
