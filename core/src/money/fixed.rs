//! Fixed-scale exact quantities: [`Money`], [`Percent`], [`Nav`] and [`Units`].
//!
//! Each is an integer count of its smallest step (paise, hundredths of a percent,
//! ten-thousandths of a rupee of NAV, thousandths of a unit) kept in an `i64`, so it is
//! `Copy`, totally ordered, hashable and exact. [`rust_decimal::Decimal`] is the exchange
//! type: every value converts to it losslessly, and a `Decimal` converts back only when
//! it is exact at the type's scale ([`Money::try_from_decimal`]) or when the caller names
//! a rounding strategy ([`Money::from_decimal_rounded`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::MoneyError;

/// `10^n` for the scales used here (0–4).
pub(crate) const fn pow10(n: u32) -> i64 {
    match n {
        0 => 1,
        1 => 10,
        2 => 100,
        3 => 1_000,
        _ => 10_000,
    }
}

/// Writes `minor / 10^scale` as a plain decimal with exactly `scale` decimals.
pub(crate) fn write_plain(out: &mut String, minor: i64, scale: u32) {
    if minor < 0 {
        out.push('-');
    }
    let abs = minor.unsigned_abs();
    let unit = pow10(scale).unsigned_abs();
    let whole = abs.checked_div(unit).unwrap_or_default();
    let frac = abs.checked_rem(unit).unwrap_or_default();
    let mut buf = itoa_buf();
    out.push_str(fmt_u64(&mut buf, whole));
    if scale > 0 {
        out.push('.');
        let digits = fmt_u64(&mut buf, frac);
        for _ in digits.len()..scale as usize {
            out.push('0');
        }
        out.push_str(digits);
    }
}

/// A small stack buffer for integer formatting.
pub(crate) type DigitBuf = [u8; 20];

pub(crate) fn itoa_buf() -> DigitBuf {
    [0u8; 20]
}

/// Formats `v` in decimal into `buf`, returning the digits.
pub(crate) fn fmt_u64(buf: &mut DigitBuf, mut v: u64) -> &str {
    let mut pos = buf.len();
    loop {
        pos = pos.saturating_sub(1);
        // `v % 10` is below 10, so the cast cannot truncate, and `b'0' | d` is `b'0' + d`.
        if let Some(slot) = buf.get_mut(pos) {
            *slot = b'0' | (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || pos == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(buf.get(pos..).unwrap_or_default()).unwrap_or_default()
}

/// Parses decimal text (`-?digits(.digits)?`, the crate's one grammar:
/// [`decimal_text`](super::decimal_text)) into a count of `10^-scale` steps.
///
/// The literal may carry at most `scale` decimals (api.md: a number is accepted only if
/// its literal has no more decimals than the type's scale). No exponent, no `+`, no
/// grouping; that grammar belongs to [`parse_money`](super::parse_money).
/// The common case of [`parse_plain`] without building a `Decimal`: `-?d{1,13}` with
/// optionally `.` and 1 to `scale` digits. Gives exactly what the full reader gives for
/// such text (same grammar: leading zeros allowed, `-0` is zero), `None` for all other
/// text, which the full reader then reads.
pub(crate) fn plain_minor(text: &str, scale: u32) -> Option<i64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (whole, frac) = match rest.iter().position(|&b| b == b'.') {
        Some(i) => (rest.get(..i)?, Some(rest.get(i.checked_add(1)?..)?)),
        None => (rest, None),
    };
    // At most 13 + 4 digits: the value fits i64 for every scale used (≤ 4).
    if whole.is_empty() || whole.len() > 13 || scale > 4 {
        return None;
    }
    if frac.is_some_and(|f| f.is_empty() || f.len() > scale as usize) {
        return None;
    }
    let frac = frac.unwrap_or_default();
    let mut minor: i64 = 0;
    for &b in whole.iter().chain(frac) {
        if !b.is_ascii_digit() {
            return None;
        }
        minor = minor
            .checked_mul(10)?
            .checked_add(i64::from(b.checked_sub(b'0')?))?;
    }
    for _ in frac.len()..scale as usize {
        minor = minor.checked_mul(10)?;
    }
    Some(if negative {
        minor.checked_neg()?
    } else {
        minor
    })
}

pub(crate) fn parse_plain(text: &str, scale: u32, field: &'static str) -> Result<i64, MoneyError> {
    if let Some(minor) = plain_minor(text, scale) {
        return Ok(minor);
    }
    let d = super::decimal_text::parse_decimal_text(text, field)?;
    if d.scale() > scale {
        return Err(MoneyError::Precision { field, scale });
    }
    let overflow = MoneyError::Overflow {
        field,
        op: "parsing",
    };
    let factor = 10i128
        .checked_pow(scale.saturating_sub(d.scale()))
        .ok_or(overflow.clone())?;
    d.mantissa()
        .checked_mul(factor)
        .and_then(|m| i64::try_from(m).ok())
        .ok_or(overflow)
}

macro_rules! fixed_quantity {
    (
        $(#[$meta:meta])*
        $name:ident, field = $field:literal, scale = $scale:literal,
        min = $min:expr, max = $max:expr,
        min_text = $min_text:literal, max_text = $max_text:literal,
        below_min = $below:expr
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name {
            minor: i64,
        }

        impl $name {
            /// Number of decimal places.
            pub const SCALE: u32 = $scale;
            /// Smallest value, in steps of `10^-SCALE`.
            pub const MIN_MINOR: i64 = $min;
            /// Largest value, in steps of `10^-SCALE`.
            pub const MAX_MINOR: i64 = $max;
            /// The field name used in error messages.
            pub const FIELD: &'static str = $field;

            /// The value `minor × 10^-SCALE`, if it is in range.
            pub fn from_minor(minor: i64) -> Result<Self, MoneyError> {
                if minor < Self::MIN_MINOR {
                    #[allow(clippy::redundant_closure_call)]
                    return Err(($below)(Self::FIELD));
                }
                if minor > Self::MAX_MINOR {
                    return Err(MoneyError::OutOfRange {
                        field: Self::FIELD,
                        min: $min_text,
                        max: $max_text,
                    });
                }
                Ok(Self { minor })
            }

            /// The value as a whole number of `10^-SCALE` steps.
            pub const fn minor(self) -> i64 {
                self.minor
            }

            /// The exact value as a `Decimal` with scale [`Self::SCALE`].
            pub fn as_decimal(self) -> Decimal {
                Decimal::new(self.minor, Self::SCALE)
            }

            /// Converts a `Decimal` that is exact at this scale; refuses finer values.
            pub fn try_from_decimal(value: Decimal) -> Result<Self, MoneyError> {
                let normal = value.normalize();
                if normal.scale() > Self::SCALE {
                    return Err(MoneyError::Precision {
                        field: Self::FIELD,
                        scale: Self::SCALE,
                    });
                }
                Self::from_decimal_rounded(value, RoundingStrategy::ToZero)
            }

            /// Converts a `Decimal`, rounding to this scale with the named strategy.
            pub fn from_decimal_rounded(
                value: Decimal,
                rounding: RoundingStrategy,
            ) -> Result<Self, MoneyError> {
                let mut scaled = value.round_dp_with_strategy(Self::SCALE, rounding);
                scaled.rescale(Self::SCALE);
                let minor = i64::try_from(scaled.mantissa()).map_err(|_| MoneyError::OutOfRange {
                    field: Self::FIELD,
                    min: $min_text,
                    max: $max_text,
                })?;
                Self::from_minor(minor)
            }

            /// Parses a plain decimal literal such as `"1234.50"` (no grouping, no
            /// currency, no exponent, at most [`Self::SCALE`] decimals).
            pub fn parse_plain(text: &str) -> Result<Self, MoneyError> {
                Self::from_minor(parse_plain(text, Self::SCALE, Self::FIELD)?)
            }
        }

        impl FromStr for $name {
            type Err = MoneyError;
            fn from_str(text: &str) -> Result<Self, MoneyError> {
                Self::parse_plain(text)
            }
        }

        impl TryFrom<Decimal> for $name {
            type Error = MoneyError;
            fn try_from(value: Decimal) -> Result<Self, MoneyError> {
                Self::try_from_decimal(value)
            }
        }

        impl From<$name> for Decimal {
            fn from(value: $name) -> Decimal {
                value.as_decimal()
            }
        }

        impl fmt::Display for $name {
            /// The plain decimal with exactly [`Self::SCALE`] decimals, e.g. `1234.50`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut s = String::with_capacity(24);
                write_plain(&mut s, self.minor, Self::SCALE);
                f.pad(&s)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let minor = d.deserialize_any(super::serde_impl::ExactVisitor {
                    scale: Self::SCALE,
                    field: Self::FIELD,
                })?;
                Self::from_minor(minor).map_err(serde::de::Error::custom)
            }
        }
    };
}

fixed_quantity! {
    /// An amount of Indian rupees, exact to the paisa, within the DECIMAL(14,2) range
    /// (±9,99,99,99,99,999.99). Negative amounts exist for arithmetic; fields that must
    /// not be negative say so where they are validated.
    ///
    /// ```
    /// use sparrow_core::money::{parse_money, Money};
    /// let m = parse_money("₹1,23,456.78").unwrap();
    /// assert_eq!(m, "123456.78".parse::<Money>().unwrap());
    /// assert_eq!(m.paise(), 12_345_678);
    /// ```
    Money, field = "amount", scale = 2,
    min = -99_999_999_999_999, max = 99_999_999_999_999,
    min_text = "-999999999999.99", max_text = "999999999999.99",
    below_min = |field| MoneyError::OutOfRange { field, min: "-999999999999.99", max: "999999999999.99" }
}

fixed_quantity! {
    /// A percentage from 0 to 100 with two decimals (as the database's DECIMAL(5,2)).
    Percent, field = "percent", scale = 2,
    min = 0, max = 10_000,
    min_text = "0", max_text = "100",
    below_min = |field| MoneyError::OutOfRange { field, min: "0", max: "100" }
}

fixed_quantity! {
    /// A mutual-fund net asset value per unit, in rupees, four decimals, greater than zero
    /// (at most 9,99,99,999.9999).
    Nav, field = "nav", scale = 4,
    min = 1, max = 999_999_999_999,
    min_text = "0.0001", max_text = "99999999.9999",
    below_min = |field| MoneyError::NotPositive { field }
}

fixed_quantity! {
    /// A number of mutual-fund units, three decimals, zero or more
    /// (at most 999,999,999,999.999).
    Units, field = "units", scale = 3,
    min = 0, max = 999_999_999_999_999,
    min_text = "0", max_text = "999999999999.999",
    below_min = |field| MoneyError::Negative { field }
}

impl Money {
    /// Zero rupees.
    pub const ZERO: Money = Money { minor: 0 };
    /// The largest amount, ₹9,99,99,99,99,999.99 (DECIMAL(14,2)).
    pub const MAX: Money = Money {
        minor: Self::MAX_MINOR,
    };

    /// The amount of `paise` paise (1 rupee = 100 paise).
    pub fn from_paise(paise: i64) -> Result<Money, MoneyError> {
        Self::from_minor(paise)
    }

    /// The amount of whole `rupees`.
    pub fn from_rupees(rupees: i64) -> Result<Money, MoneyError> {
        let paise = rupees.checked_mul(100).ok_or(MoneyError::OutOfRange {
            field: Self::FIELD,
            min: "-999999999999.99",
            max: "999999999999.99",
        })?;
        Self::from_minor(paise)
    }

    /// The amount in paise.
    pub const fn paise(self) -> i64 {
        self.minor
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.minor < 0
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// `self + other`, or [`MoneyError::Overflow`] outside the DECIMAL(14,2) range.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.minor
            .checked_add(other.minor)
            .ok_or(overflow("addition"))
            .and_then(|m| Money::from_minor(m).map_err(|_| overflow("addition")))
    }

    /// `self - other`, or [`MoneyError::Overflow`] outside the DECIMAL(14,2) range.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.minor
            .checked_sub(other.minor)
            .ok_or(overflow("subtraction"))
            .and_then(|m| Money::from_minor(m).map_err(|_| overflow("subtraction")))
    }

    /// The absolute amount (always in range: the range is symmetric).
    pub fn abs(self) -> Money {
        Money {
            minor: self.minor.abs(),
        }
    }

    /// `self × factor` rounded to the paisa with the named strategy.
    ///
    /// The product is computed exactly (to rust_decimal's 28 significant digits, far
    /// beyond the paisa for any amount in range) and rounded once.
    pub fn checked_mul(
        self,
        factor: Decimal,
        rounding: RoundingStrategy,
    ) -> Result<Money, MoneyError> {
        let product = self
            .as_decimal()
            .checked_mul(factor)
            .ok_or(overflow("multiplication"))?;
        Money::from_decimal_rounded(product, rounding).map_err(|_| overflow("multiplication"))
    }

    /// `self ÷ divisor` rounded to the paisa with the named strategy.
    pub fn checked_div(
        self,
        divisor: Decimal,
        rounding: RoundingStrategy,
    ) -> Result<Money, MoneyError> {
        if divisor.is_zero() {
            return Err(MoneyError::NotPositive { field: "divisor" });
        }
        let quotient = self
            .as_decimal()
            .checked_div(divisor)
            .ok_or(overflow("division"))?;
        Money::from_decimal_rounded(quotient, rounding).map_err(|_| overflow("division"))
    }

    /// `percent` of this amount, rounded to the paisa with the named strategy.
    pub fn percent_of(
        self,
        percent: Percent,
        rounding: RoundingStrategy,
    ) -> Result<Money, MoneyError> {
        let fraction = percent
            .as_decimal()
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or(overflow("multiplication"))?;
        self.checked_mul(fraction, rounding)
    }

    /// The exact sum of `amounts`, or [`MoneyError::Overflow`].
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }
}

impl std::ops::Neg for Money {
    type Output = Money;

    /// `-self`; always in range, because the range is symmetric.
    fn neg(self) -> Money {
        Money {
            minor: self.minor.saturating_neg(),
        }
    }
}

fn overflow(op: &'static str) -> MoneyError {
    MoneyError::Overflow {
        field: Money::FIELD,
        op,
    }
}

impl Percent {
    /// 0.00 %.
    pub const ZERO: Percent = Percent { minor: 0 };
    /// 100.00 %.
    pub const HUNDRED: Percent = Percent { minor: 10_000 };

    /// A percent from hundredths known to be in range at compile time (constant tables);
    /// out-of-range values are clamped, which the tables' tests rule out.
    pub(crate) const fn from_hundredths_const(minor: i64) -> Percent {
        let clamped = if minor < 0 {
            0
        } else if minor > 10_000 {
            10_000
        } else {
            minor
        };
        Percent { minor: clamped }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_literals() {
        assert_eq!("1234.5".parse::<Money>().unwrap().paise(), 123_450);
        assert_eq!("-0.01".parse::<Money>().unwrap().paise(), -1);
        assert_eq!("007".parse::<Money>().unwrap().paise(), 700);
        assert_eq!(
            "12.345".parse::<Money>().unwrap_err().code(),
            "money_precision"
        );
        assert_eq!("1e3".parse::<Money>().unwrap_err().code(), "money_syntax");
        assert_eq!("1.".parse::<Money>().unwrap_err().code(), "money_syntax");
        assert_eq!(".5".parse::<Money>().unwrap_err().code(), "money_syntax");
        assert_eq!("--1".parse::<Money>().unwrap_err().code(), "money_syntax");
        assert_eq!("".parse::<Money>().unwrap_err().code(), "money_empty");
        assert_eq!(
            "1000000000000".parse::<Money>().unwrap_err().code(),
            "money_out_of_range"
        );
        assert_eq!(
            "99999999999999999999".parse::<Money>().unwrap_err().code(),
            "money_overflow"
        );
        assert_eq!("12.3456".parse::<Nav>().unwrap().minor(), 123_456);
        assert_eq!("0".parse::<Nav>().unwrap_err().code(), "money_not_positive");
        assert_eq!(
            "100.01".parse::<Percent>().unwrap_err().code(),
            "money_out_of_range"
        );
        assert_eq!("-1".parse::<Units>().unwrap_err().code(), "money_negative");
    }

    #[test]
    fn display_is_fixed_scale() {
        assert_eq!(Money::from_paise(5).unwrap().to_string(), "0.05");
        assert_eq!(Money::from_paise(-123_450).unwrap().to_string(), "-1234.50");
        assert_eq!(Nav::from_minor(1).unwrap().to_string(), "0.0001");
        assert_eq!(Units::from_minor(1_000).unwrap().to_string(), "1.000");
        assert_eq!(
            format!("{:?}", Percent::from_minor(1250).unwrap()),
            "Percent(12.50)"
        );
    }

    #[test]
    fn decimal_conversions_are_exact_or_explicit() {
        let d = Decimal::new(12_345, 3); // 12.345
        assert_eq!(
            Money::try_from_decimal(d).unwrap_err().code(),
            "money_precision"
        );
        assert_eq!(
            Money::from_decimal_rounded(d, RoundingStrategy::MidpointAwayFromZero)
                .unwrap()
                .paise(),
            1235
        );
        assert_eq!(
            Money::from_decimal_rounded(d, RoundingStrategy::MidpointNearestEven)
                .unwrap()
                .paise(),
            1234
        );
        assert_eq!(
            Money::try_from_decimal(Decimal::new(12_300, 3))
                .unwrap()
                .paise(),
            1230
        );
        assert_eq!(
            Decimal::from(Money::from_paise(1).unwrap()),
            Decimal::new(1, 2)
        );
    }

    #[test]
    fn arithmetic_is_checked() {
        let max = Money::MAX;
        assert_eq!(
            max.checked_add(Money::from_paise(1).unwrap())
                .unwrap_err()
                .code(),
            "money_overflow"
        );
        assert_eq!(
            (-max)
                .checked_sub(Money::from_paise(1).unwrap())
                .unwrap_err()
                .code(),
            "money_overflow"
        );
        let m = Money::from_rupees(100).unwrap();
        assert_eq!(
            m.checked_div(Decimal::from(3), RoundingStrategy::MidpointAwayFromZero)
                .unwrap()
                .paise(),
            3333
        );
        assert_eq!(
            m.checked_div(Decimal::ZERO, RoundingStrategy::ToZero)
                .unwrap_err()
                .code(),
            "money_not_positive"
        );
        assert_eq!(
            m.percent_of(Percent::from_minor(1250).unwrap(), RoundingStrategy::ToZero)
                .unwrap()
                .paise(),
            1250
        );
        assert_eq!(
            max.checked_mul(Decimal::TWO, RoundingStrategy::ToZero)
                .unwrap_err()
                .code(),
            "money_overflow"
        );
    }

    proptest::proptest! {
        /// The fast path reads exactly what the full grammar reads, and nothing else.
        #[test]
        fn plain_minor_agrees_with_the_grammar(text in "-?[0-9]{0,16}(\\.[0-9]{0,5})?", scale in 0u32..=4) {
            if let Some(minor) = plain_minor(&text, scale) {
                let d = crate::money::parse_decimal_text(&text, "amount").unwrap();
                proptest::prop_assert!(d.scale() <= scale);
                let want = d.mantissa().checked_mul(10i128.pow(scale.saturating_sub(d.scale())));
                proptest::prop_assert_eq!(Some(i128::from(minor)), want);
            }
        }
    }

    #[test]
    fn plain_minor_refuses_what_the_grammar_refuses() {
        for t in [
            "",
            "-",
            ".5",
            "5.",
            "+5",
            "1e3",
            " 5",
            "5 ",
            "1_000",
            "12345678901234",
            "1.234",
        ] {
            assert_eq!(plain_minor(t, 2), None, "{t}");
        }
        assert_eq!(plain_minor("-0.00", 2), Some(0));
        assert_eq!(plain_minor("007.5", 2), Some(750));
    }
}
