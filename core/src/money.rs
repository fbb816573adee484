//! Exact money: rupee amounts, percents, NAVs and units, never binary floats.
//!
//! - [`Money`] — INR to the paisa in the DECIMAL(14,2) range; [`Percent`] (0–100, 2 dp);
//!   [`Nav`] (> 0, 4 dp); [`Units`] (≥ 0, 3 dp). Each is an exact fixed-scale integer
//!   with lossless conversion to and from [`rust_decimal::Decimal`].
//! - [`parse_money`] reads what people type ("₹ 1,23,456.78", "5L", "1.2 Cr") by the
//!   strict grammar of domain.md §1; [`parse_money_with`] with [`ParseMode::Lenient`]
//!   also takes data-feed forms.
//! - [`format_inr`] ("₹1,23,456.78") and [`format_compact`] ("₹1.23 L", "₹4.50 Cr").
//! - [`allocate`] splits an amount by weights into parts that sum exactly to it.
//! - [`units_for`] and [`value_of`] convert between rupees and fund units at a NAV.
//!
//! Arithmetic is checked ([`Money::checked_add`] …) and wherever precision changes the
//! caller names a [`RoundingStrategy`] ([`Money::checked_mul`],
//! [`Money::from_decimal_rounded`]); nothing is rounded silently.
//!
//! In serde, every quantity is written as a decimal string (`"1234.50"`) and read from a
//! decimal string, an integer, or a JSON number whose literal has no more decimals than
//! the type's scale. Binary floats and booleans are refused.

#![deny(clippy::arithmetic_side_effects)]

mod allocate;
pub mod decimal_text;
mod error;
mod fixed;
mod format;
mod parse;
mod serde_impl;

pub use allocate::{allocate, MAX_WEIGHTS};
pub use decimal_text::{
    decimal_from_parts, parse_decimal_text, parse_number_literal, MAX_DECIMAL_TEXT_LEN,
};
pub use error::MoneyError;
pub(crate) use fixed::{plain_minor, write_plain};
pub use fixed::{Money, Nav, Percent, Units};
pub use format::{format_compact, format_inr};
pub use parse::{parse_money, parse_money_with, ParseMode, MAX_MONEY_TEXT_LEN};
pub use rust_decimal::{Decimal, RoundingStrategy};

/// The number of units `amount` buys at `nav`, rounded **down** to 3 decimals.
///
/// Rounding down means an order never allots more units than the money pays for; the
/// fraction of a thousandth of a unit that is left over stays with the investor. The
/// division is exact integer arithmetic (no intermediate rounding).
///
/// ```
/// use sparrow_core::money::{units_for, Money, Nav};
/// let units = units_for(Money::from_rupees(5000).unwrap(), "123.4567".parse::<Nav>().unwrap()).unwrap();
/// assert_eq!(units.to_string(), "40.500");
/// ```
pub fn units_for(amount: Money, nav: Nav) -> Result<Units, MoneyError> {
    if amount.is_negative() {
        return Err(MoneyError::Negative {
            field: Money::FIELD,
        });
    }
    // units = (paise / 100) / (nav_minor / 10^4); in thousandths: paise × 10^5 / nav_minor.
    // paise < 10^14, so the product is below 10^19 and fits easily.
    let numerator = i128::from(amount.paise()).saturating_mul(100_000);
    // A NAV is at least 0.0001 (minor ≥ 1), so the divisor is never zero.
    let thousandths = numerator
        .checked_div(i128::from(nav.minor()))
        .unwrap_or_default();
    let minor = i64::try_from(thousandths).map_err(|_| MoneyError::OutOfRange {
        field: Units::FIELD,
        min: "0",
        max: "999999999999.999",
    })?;
    Units::from_minor(minor)
}

/// The rupee value of `units` at `nav`, rounded **half-up** to the paisa.
///
/// The product is exact (units × NAV has 7 decimals) and rounded once.
///
/// ```
/// use sparrow_core::money::{value_of, Nav, Units};
/// let v = value_of("40.500".parse::<Units>().unwrap(), "123.4567".parse::<Nav>().unwrap()).unwrap();
/// assert_eq!(v.to_string(), "5000.00"); // 40.500 × 123.4567 = 4999.99635
/// ```
pub fn value_of(units: Units, nav: Nav) -> Result<Money, MoneyError> {
    // units_minor < 10^18 and nav_minor < 10^12: the product is below 10^30 < 2^127.
    let product = i128::from(units.minor()).saturating_mul(i128::from(nav.minor()));
    // product has 7 decimals; paise have 2: divide by 10^5, half-up (both are ≥ 0).
    let paise = product.saturating_add(50_000) / 100_000;
    let paise = i64::try_from(paise).map_err(|_| MoneyError::OutOfRange {
        field: Money::FIELD,
        min: "-999999999999.99",
        max: "999999999999.99",
    })?;
    Money::from_paise(paise)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_round_down_and_value_rounds_half_up() {
        let nav: Nav = "10.0000".parse().unwrap();
        assert_eq!(
            units_for(Money::from_paise(1).unwrap(), nav)
                .unwrap()
                .minor(),
            1
        );
        let nav: Nav = "3.0000".parse().unwrap();
        assert_eq!(
            units_for(Money::from_rupees(100).unwrap(), nav)
                .unwrap()
                .to_string(),
            "33.333"
        );
        let units: Units = "0.005".parse().unwrap();
        let nav: Nav = "1.0000".parse().unwrap();
        assert_eq!(value_of(units, nav).unwrap().paise(), 1); // 0.005 → 0.01 half-up
        let units: Units = "0.004".parse().unwrap();
        assert_eq!(value_of(units, nav).unwrap().paise(), 0);
        assert_eq!(
            units_for(Money::from_paise(-1).unwrap(), nav)
                .unwrap_err()
                .code(),
            "money_negative"
        );
        let tiny: Nav = "0.0001".parse().unwrap();
        assert_eq!(
            units_for(Money::MAX, tiny).unwrap_err().code(),
            "money_out_of_range"
        );
        let big_units = Units::from_minor(Units::MAX_MINOR).unwrap();
        let big_nav = Nav::from_minor(Nav::MAX_MINOR).unwrap();
        assert_eq!(
            value_of(big_units, big_nav).unwrap_err().code(),
            "money_out_of_range"
        );
    }
}
