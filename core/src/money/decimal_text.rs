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
    // Leading zeros carry no value; at most 29 significant digits (they fit an i128,
    // and Decimal's 96-bit mantissa is checked below). No allocation: this is on the
    // per-field path of every record validation.
    let mut mantissa: i128 = 0;
    let mut significant = 0usize;
    for b in p.int.bytes().chain(p.frac.bytes()) {
        let d = i128::from(b.wrapping_sub(b'0'));
        if significant == 0 && d == 0 {
            continue;
        }
        significant = significant.saturating_add(1);
        if significant > 29 {
            return Err(overflow);
        }
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(d))
            .ok_or(overflow.clone())?;
    }
    let frac_len = i64::try_from(p.frac.len()).map_err(|_| overflow.clone())?;
    let mut scale = frac_len.checked_sub(p.exponent).ok_or(overflow.clone())?;
    if scale < 0 {
        // A positive exponent past the fraction: multiply the digits out.
        let factor = u32::try_from(scale.unsigned_abs())
            .ok()
            .and_then(|e| 10i128.checked_pow(e))
            .ok_or(overflow.clone())?;
        mantissa = mantissa.checked_mul(factor).ok_or(overflow.clone())?;
        scale = 0;
    }
    if scale > MAX_SCALE {
        return Err(overflow);
    }
    if p.negative {
        mantissa = mantissa.checked_neg().ok_or(overflow.clone())?;
    }
    let scale = u32::try_from(scale).map_err(|_| overflow.clone())?;
    let mut d = Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| overflow)?;
    if p.negative && d.is_zero() {
        d.set_sign_negative(true);
    }
    Ok(d)
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
            Err("money_overflow")
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
        assert_eq!(literal("1e-29"), Err("money_overflow"));
        assert_eq!(literal("1e"), Err("money_syntax"));
        assert_eq!(literal("e5"), Err("money_syntax"));
        assert_eq!(literal("Infinity"), Err("money_syntax"));
        assert_eq!(
            literal("1234567890123456789012345678"),
            Ok("1234567890123456789012345678".into())
        );
    }
}
