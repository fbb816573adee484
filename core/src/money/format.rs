//! Indian-style display of amounts, written here rather than through a locale library so
//! that every runtime prints exactly the same text.

use super::fixed::{fmt_u64, itoa_buf};
use super::Money;

const PAISE_PER_LAKH: u64 = 10_000_000;
const PAISE_PER_CRORE: u64 = 1_000_000_000;

/// The amount in full with Indian digit grouping: `₹1,23,45,678.90`, `-₹500.00`.
///
/// ```
/// use sparrow_core::money::{format_inr, Money};
/// assert_eq!(format_inr(Money::from_paise(12_345_678).unwrap()), "₹1,23,456.78");
/// ```
pub fn format_inr(amount: Money) -> String {
    let mut out = String::with_capacity(32);
    if amount.is_negative() {
        out.push('-');
    }
    let paise = amount.paise().unsigned_abs();
    out.push('₹');
    push_indian_grouped(&mut out, paise / 100);
    push_two_decimals(&mut out, paise % 100);
    out
}

/// The amount in compact form (domain.md §1): below ₹1 L in full (`₹25,000.00`); from
/// ₹1 L in lakhs with two decimals (`₹1.23 L`); from ₹1 Cr in crores with two decimals
/// and Indian grouping of the whole part (`₹4.50 Cr`, `₹1,234.56 Cr`); negatives as
/// `-₹1.23 L`.
///
/// Rounding is half-up (half away from zero on the magnitude), for display only. The
/// unit is chosen after rounding, so ₹99,99,999.99 shows as `₹1.00 Cr`, never as
/// `₹100.00 L`.
///
/// ```
/// use sparrow_core::money::{format_compact, parse_money};
/// assert_eq!(format_compact(parse_money("1,23,456").unwrap()), "₹1.23 L");
/// assert_eq!(format_compact(parse_money("4.5 Cr").unwrap()), "₹4.50 Cr");
/// assert_eq!(format_compact(parse_money("25000").unwrap()), "₹25,000.00");
/// ```
pub fn format_compact(amount: Money) -> String {
    let paise = amount.paise().unsigned_abs();
    if paise < PAISE_PER_LAKH {
        return format_inr(amount);
    }
    let mut out = String::with_capacity(24);
    if amount.is_negative() {
        out.push('-');
    }
    out.push('₹');
    // Hundredths of a lakh, rounded half-up: (paise + half a step) / step.
    let lakh_hundredths = paise.saturating_add(PAISE_PER_LAKH / 200) / (PAISE_PER_LAKH / 100);
    if lakh_hundredths < 10_000 {
        let mut buf = itoa_buf();
        out.push_str(fmt_u64(&mut buf, lakh_hundredths / 100));
        push_two_decimals(&mut out, lakh_hundredths % 100);
        out.push_str(" L");
    } else {
        let crore_hundredths =
            paise.saturating_add(PAISE_PER_CRORE / 200) / (PAISE_PER_CRORE / 100);
        push_indian_grouped(&mut out, crore_hundredths / 100);
        push_two_decimals(&mut out, crore_hundredths % 100);
        out.push_str(" Cr");
    }
    out
}

impl Money {
    /// Same as [`format_inr`].
    pub fn format_inr(self) -> String {
        format_inr(self)
    }

    /// Same as [`format_compact`].
    pub fn format_compact(self) -> String {
        format_compact(self)
    }
}

/// Appends `.dd` for a value below 100.
fn push_two_decimals(out: &mut String, hundredths: u64) {
    out.push('.');
    for digit in [hundredths / 10 % 10, hundredths % 10] {
        out.push(char::from_digit(u32::try_from(digit).unwrap_or(0), 10).unwrap_or('0'));
    }
}

/// Appends `whole` grouped the Indian way: the last three digits, then pairs.
fn push_indian_grouped(out: &mut String, whole: u64) {
    let mut buf = itoa_buf();
    let digits = fmt_u64(&mut buf, whole);
    let n = digits.len();
    if n <= 3 {
        out.push_str(digits);
        return;
    }
    let head = n.saturating_sub(3);
    let mut start = 0;
    let mut end = if head % 2 == 1 { 1 } else { 2 };
    while end <= head {
        out.push_str(digits.get(start..end).unwrap_or_default());
        out.push(',');
        start = end;
        end = end.saturating_add(2);
    }
    out.push_str(digits.get(head..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(paise: i64) -> Money {
        Money::from_paise(paise).unwrap()
    }

    #[test]
    fn full_form() {
        assert_eq!(format_inr(m(0)), "₹0.00");
        assert_eq!(format_inr(m(5)), "₹0.05");
        assert_eq!(format_inr(m(99_999)), "₹999.99");
        assert_eq!(format_inr(m(100_000)), "₹1,000.00");
        assert_eq!(format_inr(m(1_234_567_890)), "₹1,23,45,678.90");
        assert_eq!(format_inr(m(-50_000)), "-₹500.00");
        assert_eq!(format_inr(Money::MAX), "₹9,99,99,99,99,999.99");
    }

    #[test]
    fn compact_form() {
        assert_eq!(format_compact(m(2_500_000)), "₹25,000.00");
        assert_eq!(format_compact(m(9_999_999)), "₹99,999.99");
        assert_eq!(format_compact(m(10_000_000)), "₹1.00 L");
        assert_eq!(format_compact(m(12_345_678)), "₹1.23 L");
        assert_eq!(format_compact(m(12_350_000)), "₹1.24 L");
        assert_eq!(format_compact(m(12_349_999)), "₹1.23 L");
        assert_eq!(format_compact(m(999_499_999)), "₹99.95 L");
        assert_eq!(format_compact(m(999_999_999)), "₹1.00 Cr");
        assert_eq!(format_compact(m(4_500_000_000)), "₹4.50 Cr");
        assert_eq!(format_compact(m(1_234_560_000_000)), "₹1,234.56 Cr");
        assert_eq!(format_compact(m(-12_345_678)), "-₹1.23 L");
        assert_eq!(format_compact(Money::MAX), "₹1,00,000.00 Cr");
    }
}
