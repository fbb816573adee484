//! The one decimal-text grammar of sparrow-core: how a decimal quantity is read from
//! text wherever text carries one — a decimal string from a binding (api.md "Values"),
//! a JSON number's literal (serde_json's `arbitrary_precision`), a decimal string inside
//! a JSON document, the text of a platform decimal object (Python `str(Decimal)`,
//! Kotlin `BigDecimal.toPlainString()`, Swift `Decimal.description`).
//!
//! Two forms, both read exactly (never through a binary float) and never rounded:
//!
//! - **Decimal text** ([`parse_decimal_text`]) — a decimal as a client sends it in a
//!   string: `-?digits[.digits]`, e.g. `"12.50"`, `"-0.00"`, `"007"`. Nothing else: no
//!   surrounding whitespace, no `+`, no exponent, no grouping, no currency, no `.5` or
//!   `5.`; `NaN`, `inf` and `Infinity` are syntax errors. (Text people type, with
//!   grouping, currency marks and lakh/crore, is [`parse_money`](super::parse_money)'s.)
//! - **Number literal** ([`parse_number_literal`]) — a JSON number or a platform
//!   decimal's text, which may use an exponent: decimal text plus `[eE][+-]digits`
//!   (`"1E+3"`, `"2.5e-7"`). The value is `digits × 10^exponent` exactly.
//!
//! Both refuse text longer than [`MAX_DECIMAL_TEXT_LEN`] bytes before reading it, and a
//! value whose digits do not fit `Decimal` (about 28 significant digits, scale ≤ 28).
//! The quantity types then apply their own scale and range ([`Money::try_from_decimal`]);
//! their `FromStr` and serde read decimal text through the same grammar.
//!
//! [`Money::try_from_decimal`]: crate::money::Money::try_from_decimal

use rust_decimal::Decimal;

use super::MoneyError;

/// The longest decimal text read (bytes); longer text is refused unread.
pub const MAX_DECIMAL_TEXT_LEN: usize = 64;

/// The largest scale a `Decimal` holds.
const MAX_SCALE: i64 = 28;

/// Reads decimal text (`[+-]digits[.digits]`), exactly.
///
/// ```
/// use sparrow_core::money::decimal_text::parse_decimal_text;
/// assert_eq!(parse_decimal_text("12.50", "amount").unwrap().to_string(), "12.50");
/// assert_eq!(parse_decimal_text(" 12.50", "amount").unwrap_err().code(), "money_syntax");
/// assert_eq!(parse_decimal_text("1e3", "amount").unwrap_err().code(), "money_syntax");
/// ```
pub fn parse_decimal_text(text: &str, field: &'static str) -> Result<Decimal, MoneyError> {
    let parts = split(bounded(text, field)?, false, field)?;
    build(parts, field)
}

/// Reads a number literal (decimal text with an optional exponent), exactly.
///
/// ```
/// use sparrow_core::money::decimal_text::parse_number_literal;
/// assert_eq!(parse_number_literal("1E+3", "amount").unwrap().to_string(), "1000");
/// assert_eq!(parse_number_literal("2.50e-1", "amount").unwrap().to_string(), "0.250");
/// assert_eq!(parse_number_literal("NaN", "amount").unwrap_err().code(), "money_syntax");
/// ```
pub fn parse_number_literal(text: &str, field: &'static str) -> Result<Decimal, MoneyError> {
    let parts = split(bounded(text, field)?, true, field)?;
    build(parts, field)
}

fn bounded<'a>(text: &'a str, field: &'static str) -> Result<&'a str, MoneyError> {
    if text.is_empty() {
        return Err(MoneyError::Empty { field });
    }
    if text.len() > MAX_DECIMAL_TEXT_LEN {
        return Err(MoneyError::TooLong {
            field,
            max: MAX_DECIMAL_TEXT_LEN,
        });
    }
    Ok(text)
}

struct Parts<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
    exponent: i64,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Why a character breaks the grammar, in words.
fn rule_for(bad: u8, exponent_allowed: bool) -> &'static str {
    match bad {
        b'e' | b'E' if !exponent_allowed => "exponents are not allowed; write the number in full",
        b'+' | b'-' => "only one leading minus sign is allowed",
        b',' | b'_' | b' ' => "plain decimals take no digit grouping or spaces",
        b'n' | b'N' | b'i' | b'I' => "NaN and infinities are not numbers here",
        _ => "expected a plain decimal such as 1234.50",
    }
}

fn split<'a>(
    t: &'a str,
    exponent_allowed: bool,
    field: &'static str,
) -> Result<Parts<'a>, MoneyError> {
    let syntax = |rule| MoneyError::Syntax { field, rule };
    let (negative, rest) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(i) if exponent_allowed => {
            let exp_text = rest.get(i.saturating_add(1)..).unwrap_or_default();
            let digits = exp_text.strip_prefix(['+', '-']).unwrap_or(exp_text);
            // Exponents past a few digits can only overflow; refuse them unread.
            if !all_digits(digits) || digits.len() > 4 {
                return Err(syntax(
                    "an exponent is a sign and at most four digits, as in 1.5E+3",
                ));
            }
            let exponent = exp_text.parse::<i64>().map_err(|_| {
                syntax("an exponent is a sign and at most four digits, as in 1.5E+3")
            })?;
            (rest.get(..i).unwrap_or_default(), exponent)
        }
        _ => (rest, 0),
    };
    if let Some(&bad) = number
        .as_bytes()
        .iter()
        .find(|b| !b.is_ascii_digit() && **b != b'.')
    {
        return Err(syntax(rule_for(bad, exponent_allowed)));
    }
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (number, None),
    };
    if int.is_empty() {
        return Err(syntax(
            "expected digits before the decimal point, as in 1234.50",
        ));
    }
    match frac {
        Some(f) if f.contains('.') => Err(syntax("only one decimal point is allowed")),
        Some("") => Err(syntax("expected digits after the decimal point")),
        _ => Ok(Parts {
            negative,
            int,
            frac: frac.unwrap_or_default(),
            exponent,
        }),
    }
}

fn build(p: Parts<'_>, field: &'static str) -> Result<Decimal, MoneyError> {
    let overflow = MoneyError::Overflow {
        field,
        op: "parsing",
    };
    let frac_len = i64::try_from(p.frac.len()).map_err(|_| overflow.clone())?;
    let scale = frac_len.checked_sub(p.exponent).ok_or(overflow)?;
    from_digits(
        p.negative,
        p.int.as_bytes(),
        p.frac.as_bytes(),
        scale,
        field,
    )
}

/// The longest digit string [`decimal_from_parts`] reads (as Python's default limit on
/// integer digits).
pub const MAX_PARTS_DIGITS: usize = 4_300;

/// Reads a decimal given as its parts — sign, coefficient digits and exponent, the
/// value `(-1)^negative × digits × 10^exponent` — exactly: what a platform decimal is
/// made of (Python's `Decimal.as_tuple()`, Java's `unscaledValue()`/`scale()`), so that
/// its value is read rather than a text a subclass could misstate. Zero is zero at any
/// exponent (`0E-1000`); trailing zeros are dropped only where the value would not fit
/// otherwise (`10E-29` is read as `1E-28`, `1.000…0` with 40 zeros keeps 28 of them). A value with a
/// non-zero digit beyond 28 decimal places is `money_precision`; more than 29
/// significant digits `money_overflow`.
///
/// ```
/// use sparrow_core::money::decimal_text::decimal_from_parts;
/// assert_eq!(decimal_from_parts(false, "1250", -2, "amount").unwrap().to_string(), "12.50");
/// assert!(decimal_from_parts(false, "0", -1000, "amount").unwrap().is_zero());
/// assert_eq!(decimal_from_parts(false, "1", -30, "amount").unwrap_err().code(), "money_precision");
/// assert_eq!(decimal_from_parts(false, "1", 40, "amount").unwrap_err().code(), "money_overflow");
/// ```
pub fn decimal_from_parts(
    negative: bool,
    digits: &str,
    exponent: i64,
    field: &'static str,
) -> Result<Decimal, MoneyError> {
    if digits.is_empty() {
        return Err(MoneyError::Empty { field });
    }
    if digits.len() > MAX_PARTS_DIGITS {
        return Err(MoneyError::TooLong {
            field,
            max: MAX_PARTS_DIGITS,
        });
    }
    if !all_digits(digits) {
        return Err(MoneyError::Syntax {
            field,
            rule: "the coefficient must be decimal digits",
        });
    }
    let scale = exponent.checked_neg().ok_or(MoneyError::Overflow {
        field,
        op: "parsing",
    })?;
    from_digits(negative, digits.as_bytes(), &[], scale, field)
}

/// The number literal of a decimal given as its parts (see [`decimal_from_parts`]):
/// plain (`1250` with exponent −2 → `"12.50"`, `1` with exponent 3 → `"1000"`) where that
/// takes at most [`MAX_PARTS_DIGITS`] more characters, otherwise with an exponent
/// (`"1E-5000"`). Bindings use it to put a platform decimal into JSON input by value.
///
/// ```
/// use sparrow_core::money::decimal_text::literal_from_parts;
/// assert_eq!(literal_from_parts(false, "1250", -2), "12.50");
/// assert_eq!(literal_from_parts(true, "5", -3), "-0.005");
/// assert_eq!(literal_from_parts(false, "25", 3), "25000");
/// assert_eq!(literal_from_parts(false, "1", -5000), "1E-5000");
/// ```
pub fn literal_from_parts(negative: bool, digits: &str, exponent: i64) -> String {
    let sign = if negative { "-" } else { "" };
    if digits.bytes().all(|b| b == b'0') {
        // Zero at any exponent: its places as far as a decimal holds them (found by the
        // decimal_grammar fuzzer: `0E32767` was a literal no reader accepts).
        let places = usize::try_from(exponent.clamp(-MAX_SCALE, 0).unsigned_abs()).unwrap_or(0);
        return match places {
            0 => format!("{sign}0"),
            n => format!("{sign}0.{}", "0".repeat(n)),
        };
    }
    let limit = MAX_PARTS_DIGITS as u64;
    match usize::try_from(exponent.unsigned_abs()) {
        Ok(e) if exponent >= 0 && (e as u64) <= limit => {
            format!("{sign}{digits}{}", "0".repeat(e))
        }
        Ok(e) if exponent < 0 && (e as u64) <= limit => {
            let (int, frac) = match digits.len().checked_sub(e) {
                Some(cut) if cut > 0 => digits.split_at(cut),
                _ => ("", digits),
            };
            let pad = e.saturating_sub(digits.len());
            let int = if int.is_empty() { "0" } else { int };
            format!("{sign}{int}.{}{frac}", "0".repeat(pad))
        }
        _ => format!("{sign}{digits}E{exponent}"),
    }
}

/// `(-1)^negative × (a ++ b as one digit string) × 10^-scale`, exactly. No allocation:
/// this is on the per-field path of every record validation.
fn from_digits(
    negative: bool,
    a: &[u8],
    b: &[u8],
    scale: i64,
    field: &'static str,
) -> Result<Decimal, MoneyError> {
    let overflow = MoneyError::Overflow {
        field,
        op: "parsing",
    };
    // The common case in one pass: at most 29 significant digits at a scale a Decimal
    // holds (every amount a client sends). Anything else takes the careful path below.
    if (0..=MAX_SCALE).contains(&scale) {
        let mut mantissa: i128 = 0;
        let mut significant = 0usize;
        let mut fits = true;
        for &byte in a.iter().chain(b) {
            let d = i128::from(byte.wrapping_sub(b'0'));
            if significant == 0 && d == 0 {
                continue;
            }
            significant = significant.saturating_add(1);
            match mantissa.checked_mul(10).and_then(|m| m.checked_add(d)) {
                Some(m) if significant <= 29 => mantissa = m,
                _ => {
                    fits = false;
                    break;
                }
            }
        }
        if fits {
            let scale = u32::try_from(scale).map_err(|_| overflow.clone())?;
            let mut d = Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| overflow)?;
            d.set_sign_negative(negative);
            return Ok(d);
        }
    }
    let digit = |i: usize| -> u8 {
        let d = match i.checked_sub(a.len()) {
            None => a.get(i),
            Some(j) => b.get(j),
        };
        d.copied().unwrap_or(b'0').wrapping_sub(b'0')
    };
    let n = a.len().saturating_add(b.len());
    let Some(first) = (0..n).find(|&i| digit(i) != 0) else {
        // Zero, at any exponent: keep the scale where it fits, and the sign.
        let kept = u32::try_from(scale.clamp(0, MAX_SCALE)).unwrap_or(0);
        let mut zero = Decimal::new(0, kept);
        zero.set_sign_negative(negative);
        return Ok(zero);
    };
    let trailing = (first..n).rev().take_while(|&i| digit(i) == 0).count();
    let significant = n.saturating_sub(first);
    // Drop trailing zeros only where the value would not fit with them.
    let for_scale = usize::try_from(scale.saturating_sub(MAX_SCALE)).unwrap_or(0);
    let for_digits = significant
        .saturating_sub(29)
        .min(usize::try_from(scale.max(0)).unwrap_or(0));
    let dropped = trailing.min(for_scale.max(for_digits));
    let scale = scale.saturating_sub(i64::try_from(dropped).unwrap_or(i64::MAX));
    let significant = significant.saturating_sub(dropped);
    if scale > MAX_SCALE {
        return Err(MoneyError::Precision {
            field,
            scale: MAX_SCALE as u32,
        });
    }
    if significant > 29 {
        return Err(overflow);
    }
    let mut mantissa: i128 = 0;
    for i in first..first.saturating_add(significant) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(digit(i))))
            .ok_or(overflow.clone())?;
    }
    let mut scale = scale;
    if scale < 0 {
        // A positive exponent past the fraction: multiply the digits out.
        let factor = u32::try_from(scale.unsigned_abs())
            .ok()
            .and_then(|e| 10i128.checked_pow(e))
            .ok_or(overflow.clone())?;
        mantissa = mantissa.checked_mul(factor).ok_or(overflow.clone())?;
        scale = 0;
    }
    if negative {
        mantissa = mantissa.checked_neg().ok_or(overflow.clone())?;
    }
    let scale = u32::try_from(scale).map_err(|_| overflow.clone())?;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &str) -> Result<String, &'static str> {
        parse_decimal_text(t, "x")
            .map(|d| d.to_string())
            .map_err(|e| e.code())
    }

    fn literal(t: &str) -> Result<String, &'static str> {
        parse_number_literal(t, "x")
            .map(|d| d.to_string())
            .map_err(|e| e.code())
    }

    #[test]
    fn plain_text() {
        assert_eq!(plain("12.50"), Ok("12.50".into()));
        assert_eq!(plain("7"), Ok("7".into()));
        assert_eq!(plain("-0.00"), Ok("-0.00".into()));
        assert_eq!(plain("007.10"), Ok("7.10".into()));
        for bad in [
            "1e3", ".5", "5.", "1,000", "₹5", "NaN", "inf", "-", "+", "1.2.3", "--1", "0x10",
            "1_000", "١٢", " 7", "7 ", "+5", "\u{a0}5", "   ",
        ] {
            assert_eq!(plain(bad), Err("money_syntax"), "{bad}");
        }
        assert_eq!(plain(""), Err("money_empty"));
        assert_eq!(plain(&"1".repeat(65)), Err("money_too_long"));
        assert_eq!(plain(&"1".repeat(10_000)), Err("money_too_long"));
        assert_eq!(plain(&"9".repeat(30)), Err("money_overflow"));
        assert_eq!(
            plain(&format!("0.{}", "1".repeat(29))),
            Err("money_precision")
        );
        assert_eq!(
            plain(&format!("1.{}", "0".repeat(40))),
            Ok(format!("1.{}", "0".repeat(28)))
        );
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        let d = parse_decimal_text("-0.00", "x").unwrap();
        assert!(d.is_sign_negative());
        assert_eq!(d.scale(), 2);
    }

    #[test]
    fn literals() {
        assert_eq!(literal("1E+3"), Ok("1000".into()));
        assert_eq!(literal("1000.000"), Ok("1000.000".into()));
        assert_eq!(literal("2.5e-7"), Ok("0.00000025".into()));
        assert_eq!(literal("-1.5E2"), Ok("-150".into()));
        assert_eq!(literal("30"), Ok("30".into()));
        assert_eq!(literal("1e99999"), Err("money_syntax"));
        assert_eq!(literal("1e40"), Err("money_overflow"));
        assert_eq!(literal("1e-29"), Err("money_precision"));
        assert_eq!(
            literal("0E-1000"),
            Ok("0.0000000000000000000000000000".into())
        );
        assert_eq!(
            literal("10e-29"),
            Ok("0.0000000000000000000000000001".into())
        );
        assert_eq!(literal("1e"), Err("money_syntax"));
        assert_eq!(literal("e5"), Err("money_syntax"));
        assert_eq!(literal("Infinity"), Err("money_syntax"));
        assert_eq!(literal("-0E+5"), Ok("-0".into()));
        assert_eq!(
            literal("1234567890123456789012345678"),
            Ok("1234567890123456789012345678".into())
        );
    }
}

#[cfg(test)]
mod parts_tests {
    use super::*;

    fn parts(negative: bool, digits: &str, exponent: i64) -> Result<String, &'static str> {
        decimal_from_parts(negative, digits, exponent, "x")
            .map(|d| d.to_string())
            .map_err(|e| e.code())
    }

    #[test]
    fn parts_are_read_by_value() {
        assert_eq!(parts(false, "1250", -2), Ok("12.50".into()));
        assert_eq!(parts(true, "15", 1), Ok("-150".into()));
        assert_eq!(parts(false, "1", 6), Ok("1000000".into()));
        assert_eq!(
            parts(false, "0", -1000),
            Ok("0.0000000000000000000000000000".into())
        );
        assert_eq!(parts(false, "0", 1000), Ok("0".into()));
        assert_eq!(parts(false, "1", -30), Err("money_precision"));
        assert_eq!(
            parts(false, "1000", -31),
            Ok("0.0000000000000000000000000001".into())
        );
        assert_eq!(parts(false, "1", 40), Err("money_overflow"));
        assert_eq!(parts(false, "1", i64::MIN), Err("money_overflow"));
        assert_eq!(parts(false, "1", i64::MAX), Err("money_overflow"));
        assert_eq!(
            parts(false, &"0".repeat(4300), i64::MIN + 1),
            Ok("0.0000000000000000000000000000".into())
        );
        assert_eq!(parts(false, &"1".repeat(4301), 0), Err("money_too_long"));
        assert_eq!(parts(false, "", 0), Err("money_empty"));
        for (d, e, text) in [
            ("1250", -2, "12.50"),
            ("1250", -4, "0.1250"),
            ("1250", -6, "0.001250"),
            ("1250", 0, "1250"),
            ("0", -3, "0.000"),
            ("7", 2, "700"),
        ] {
            assert_eq!(literal_from_parts(false, d, e), text);
            assert_eq!(
                parse_number_literal(text, "x"),
                decimal_from_parts(false, d, e, "x")
            );
        }
        assert_eq!(
            literal_from_parts(false, "1", i64::MIN),
            format!("1E{}", i64::MIN)
        );
        assert_eq!(parts(false, "1a", 0), Err("money_syntax"));
        assert_eq!(
            parts(false, &format!("1{}", "0".repeat(100)), -100),
            Ok(format!("1.{}", "0".repeat(28)))
        );
    }
}
