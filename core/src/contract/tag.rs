//! serde for the decimals of contract records.
//!
//! A decimal is serialised as a newtype struct named [`MONEY_TOKEN`] or
//! [`DECIMAL_TOKEN`] around its text. Formats that ignore newtype names (serde_json and
//! every ordinary format) write the plain decimal string of domain.md's JSON; a
//! binding's own serializer can read the name and make its platform's type (Python's
//! `Money` for an amount, `decimal.Decimal` for every other quantity) without knowing
//! the record.

use std::cell::Cell;

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The newtype name of an amount in rupees (scale 2).
pub const MONEY_TOKEN: &str = "$sparrow_core::Money";
/// The newtype name of every other exact quantity.
pub const DECIMAL_TOKEN: &str = "$sparrow_core::Decimal";

struct Text<'a>(&'a Decimal);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// A decimal quantity (`#[serde(with = "decimal")]`).
pub mod decimal {
    use super::*;
    /// Serialises `d` as [`DECIMAL_TOKEN`]`(text)`.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        Tagged(DECIMAL_TOKEN, d).serialize(s)
    }
}

/// An amount in rupees (`#[serde(with = "money")]`).
pub mod money {
    use super::*;
    /// Serialises `d` as [`MONEY_TOKEN`]`(text)`.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        Tagged(MONEY_TOKEN, d).serialize(s)
    }
}

/// An optional decimal quantity.
pub mod decimal_option {
    use super::*;
    /// `None` as null, a value as [`decimal`].
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&Tagged(DECIMAL_TOKEN, d)),
            None => s.serialize_none(),
        }
    }
}

/// An optional amount.
pub mod money_option {
    use super::*;
    /// `None` as null, a value as [`money`].
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&Tagged(MONEY_TOKEN, d)),
            None => s.serialize_none(),
        }
    }
}

/// A list of decimals.
pub mod decimal_list {
    use super::*;
    /// Each as [`decimal`].
    pub fn serialize<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|d| Tagged(DECIMAL_TOKEN, d)))
    }
}

/// A list of amounts.
pub mod money_list {
    use super::*;
    /// Each as [`money`].
    pub fn serialize<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|d| Tagged(MONEY_TOKEN, d)))
    }
}

pub(crate) struct Tagged<'a>(pub(crate) &'static str, pub(crate) &'a Decimal);

impl Serialize for Tagged<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if JSON_NUMBERS.with(Cell::get) {
            // What serde_json's `arbitrary_precision` Number does to be written as its
            // text (the token `crate::exact` reads numbers by): a decimal's text is
            // always a JSON number, so it is not parsed again.
            use serde::ser::SerializeStruct;
            const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";
            let mut st = s.serialize_struct(JSON_NUMBER_TOKEN, 1)?;
            st.serialize_field(JSON_NUMBER_TOKEN, &self.1.to_string())?;
            return st.end();
        }
        s.serialize_newtype_struct(self.0, &Text(self.1))
    }
}

thread_local! {
    static JSON_NUMBERS: Cell<bool> = const { Cell::new(false) };
}

/// `value` as JSON text with every tagged decimal written as an exact JSON number
/// (`1234.50`, not `"1234.50"`): the shape of today's services, whose clients read
/// numbers. Used by [`crate::portfolio::PortfolioAnalysis::to_json`].
pub fn to_json_numbers<T: Serialize + ?Sized>(value: &T) -> String {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            JSON_NUMBERS.with(|f| f.set(false));
        }
    }
    JSON_NUMBERS.with(|f| f.set(true));
    let _reset = Reset;
    serde_json::to_string(value).unwrap_or_default()
}

/// Shares per asset class, written as domain.md's object `{"equity": "0.15", …}` in
/// the list's order.
pub mod shares {
    use super::*;
    use crate::contract::AssetShare;
    /// As a map from the class's name to the tagged decimal.
    pub fn serialize<S: Serializer>(v: &[AssetShare], s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(v.len()))?;
        for share in v {
            m.serialize_entry(
                share.asset_class.as_str(),
                &Tagged(DECIMAL_TOKEN, &share.value),
            )?;
        }
        m.end()
    }
}

/// Probabilities per persona, written as `{"capital-guardian": "0.5…", …}`.
pub mod probabilities {
    use super::*;
    use crate::contract::PersonaProbability;
    /// As a map from the slug to the tagged decimal.
    pub fn serialize<S: Serializer>(v: &[PersonaProbability], s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(v.len()))?;
        for p in v {
            m.serialize_entry(p.persona.slug(), &Tagged(DECIMAL_TOKEN, &p.probability))?;
        }
        m.end()
    }
}
