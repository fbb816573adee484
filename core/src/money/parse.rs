//! Parsing amounts as people type them ("₹ 1,23,456.78", "Rs. 500", "5L", "1.2 Cr").

use super::{Money, MoneyError};

/// Longest text [`parse_money`] reads, in bytes (before trimming). Anything longer is
/// refused with `money_too_long` before it is looked at.
pub const MAX_MONEY_TEXT_LEN: usize = 64;

/// How strictly [`parse_money_with`] reads its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ParseMode {
    /// The grammar of domain.md §1, for what people type into a form:
    ///
    /// surrounding whitespace; an optional `-`; an optional currency mark (`₹`, `Rs`,
    /// `Rs.`, `INR`, any case) with or without one space; digits grouped the Indian way
    /// (`12,34,567`) or the Western way (`1,234,567`), or not at all, without leading
    /// zeros; an optional decimal part (`.` and at least one digit); an optional suffix
    /// with or without one space: `k`/`thousand` (×1,000), `L`/`lakh`/`lakhs`/`lac`/`lacs`
    /// (×1,00,000), `Cr`/`crore`/`crores` (×1,00,00,000), in any case. The amount must be
    /// exact to the paisa after the suffix is applied ("1.234 Cr" is fine, "12.345" is
    /// not) and within ±9,99,99,99,99,999.99. No exponents, no second sign, nothing else.
    #[default]
    Strict,
    /// Everything [`Strict`](ParseMode::Strict) accepts, plus what data feeds and
    /// spreadsheets produce: any whitespace between the parts; a `+` sign; the sign after
    /// the currency mark (`₹-500`); the currency mark after the amount (`500 INR`);
    /// commas anywhere between digits without checking the groups; leading zeros; `.5`
    /// and `5.`; the Indian "only" mark `/-` at the end (`Rs. 500/-`).
    ///
    /// Lenient is not lax about value: amounts finer than a paisa, exponents, values out
    /// of range and any other character are refused exactly as in strict mode.
    Lenient,
}

/// Parses an amount typed by a person, by the strict grammar (see [`ParseMode::Strict`]).
///
/// ```
/// use sparrow_core::money::parse_money;
/// assert_eq!(parse_money("₹ 1,23,456.78").unwrap().paise(), 12_345_678);
/// assert_eq!(parse_money("1.2 lakh").unwrap().paise(), 12_000_000);
/// assert_eq!(parse_money("12.345").unwrap_err().code(), "money_precision");
/// assert_eq!(parse_money("1,2,3").unwrap_err().code(), "money_grouping");
/// ```
pub fn parse_money(text: &str) -> Result<Money, MoneyError> {
    parse_money_with(text, ParseMode::Strict)
}

/// Parses an amount with the given [`ParseMode`].
pub fn parse_money_with(text: &str, mode: ParseMode) -> Result<Money, MoneyError> {
    if text.len() > MAX_MONEY_TEXT_LEN {
        return Err(MoneyError::TooLong {
            field: Money::FIELD,
            max: MAX_MONEY_TEXT_LEN,
        });
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty {
            field: Money::FIELD,
        });
    }
    Parser {
        s: trimmed.as_bytes(),
        pos: 0,
        lenient: mode == ParseMode::Lenient,
    }
    .amount()
}

const FIELD: &str = Money::FIELD;

fn syntax(rule: &'static str) -> MoneyError {
    MoneyError::Syntax { field: FIELD, rule }
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    lenient: bool,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.s.get(self.pos.saturating_add(ahead)).copied()
    }

    fn rest(&self) -> &'a [u8] {
        self.s.get(self.pos..).unwrap_or_default()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos = self.pos.saturating_add(1);
            true
        } else {
            false
        }
    }

    /// Skips whitespace: any amount in lenient mode, at most one space in strict mode.
    /// Returns whether something was skipped.
    fn space(&mut self) -> bool {
        if !self.lenient {
            return self.eat(b' ');
        }
        let start = self.pos;
        while let Some(ch) = std::str::from_utf8(self.rest())
            .ok()
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
        {
            self.pos = self.pos.saturating_add(ch.len_utf8());
        }
        self.pos != start
    }

    fn sign(&mut self) -> Option<bool> {
        if self.eat(b'-') {
            Some(true)
        } else if self.lenient && self.eat(b'+') {
            Some(false)
        } else {
            None
        }
    }

    /// Consumes a currency mark: `₹`, `INR`, `Rs.` or `Rs`, any case.
    fn currency(&mut self) -> bool {
        let rest = self.rest();
        let len = if rest.starts_with("₹".as_bytes())
            || starts_with_ignore_case(rest, b"inr")
            || starts_with_ignore_case(rest, b"rs.")
        {
            3
        } else if starts_with_ignore_case(rest, b"rs") {
            2
        } else {
            0
        };
        self.pos = self.pos.saturating_add(len);
        len > 0
    }

    fn amount(mut self) -> Result<Money, MoneyError> {
        let mut negative = self.sign();
        if negative.is_some() {
            self.space_after_sign()?;
        }
        let leading_currency = self.currency();
        if leading_currency {
            self.space();
            if negative.is_none() && self.lenient {
                negative = self.sign();
                self.space();
            }
        }
        let number = self.number()?;
        if matches!(self.peek(), Some(b'e' | b'E'))
            && matches!(self.peek_at(1), Some(b'0'..=b'9' | b'+' | b'-'))
        {
            return Err(syntax(
                "exponents are not allowed; write the amount in full",
            ));
        }
        let spaced = self.space();
        let mut exponent = 0u32;
        let word = self.word();
        if !word.is_empty() {
            match suffix_exponent(word) {
                Some(e) => exponent = e,
                None if self.lenient && !leading_currency && is_currency_word(word) => {
                    self.eat(b'.');
                }
                None => {
                    return Err(syntax(
                        "unknown suffix: use k or thousand, L or lakh, Cr or crore",
                    ))
                }
            }
        } else if spaced && !self.lenient {
            return Err(syntax(
                "a space after the amount must be followed by a suffix such as L or Cr",
            ));
        }
        if self.lenient {
            self.space();
            if self.rest() == b"/-" {
                self.pos = self.s.len();
            }
        }
        match self.peek() {
            None => {}
            Some(b'-' | b'+') => return Err(syntax("only one leading minus sign is allowed")),
            Some(_) => return Err(syntax("unexpected characters after the amount")),
        }
        number.to_money(exponent, negative == Some(true))
    }

    fn space_after_sign(&mut self) -> Result<(), MoneyError> {
        if self.lenient {
            self.space();
            Ok(())
        } else if self.peek() == Some(b' ') {
            Err(syntax(
                "the minus sign must touch the amount or the currency mark",
            ))
        } else {
            Ok(())
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.pos = self.pos.saturating_add(1);
        }
        self.s.get(start..self.pos).unwrap_or_default()
    }

    fn number(&mut self) -> Result<Number<'a>, MoneyError> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit() || b == b',') {
            self.pos = self.pos.saturating_add(1);
        }
        let whole = self.s.get(start..self.pos).unwrap_or_default();
        let mut frac: &[u8] = &[];
        let mut dot = false;
        if self.eat(b'.') {
            dot = true;
            let fstart = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos = self.pos.saturating_add(1);
            }
            frac = self.s.get(fstart..self.pos).unwrap_or_default();
        }
        if whole.is_empty() && (!self.lenient || frac.is_empty()) {
            return Err(match (dot, self.peek()) {
                (true, _) => syntax("expected digits before the decimal point, as in 0.50"),
                (false, Some(b'-' | b'+')) if self.pos > 0 => {
                    syntax("the minus sign goes before the currency mark, as in -₹500")
                }
                (false, Some(b'-' | b'+')) => syntax("only one leading minus sign is allowed"),
                _ => syntax("expected an amount such as 25,000, 1,23,456.78 or 5L"),
            });
        }
        if dot && frac.is_empty() && !self.lenient {
            return Err(syntax("expected digits after the decimal point"));
        }
        if frac.contains(&b',') {
            return Err(MoneyError::Grouping { field: FIELD });
        }
        check_grouping(whole, self.lenient)?;
        Ok(Number { whole, frac })
    }
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn suffix_exponent(word: &[u8]) -> Option<u32> {
    const SUFFIXES: &[(&[u8], u32)] = &[
        (b"k", 3),
        (b"thousand", 3),
        (b"l", 5),
        (b"lakh", 5),
        (b"lakhs", 5),
        (b"lac", 5),
        (b"lacs", 5),
        (b"cr", 7),
        (b"crore", 7),
        (b"crores", 7),
    ];
    SUFFIXES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, e)| e)
}

fn is_currency_word(word: &[u8]) -> bool {
    word.eq_ignore_ascii_case(b"rs") || word.eq_ignore_ascii_case(b"inr")
}

/// Checks the integer part (digits and commas).
fn check_grouping(whole: &[u8], lenient: bool) -> Result<(), MoneyError> {
    let grouping = || MoneyError::Grouping { field: FIELD };
    let mut groups = whole.split(|&b| b == b',');
    let first = groups.next().unwrap_or_default();
    if lenient {
        // Commas only between digits.
        return if whole.split(|&b| b == b',').any(<[u8]>::is_empty) && whole.contains(&b',') {
            Err(grouping())
        } else {
            Ok(())
        };
    }
    if first.len() > 1 && first.first() == Some(&b'0') || first == b"0" && whole.len() > 1 {
        return Err(syntax("leading zeros are not allowed"));
    }
    if !whole.contains(&b',') {
        return Ok(());
    }
    let rest: Vec<&[u8]> = groups.collect();
    let (last, middle) = match rest.split_last() {
        Some(x) => x,
        None => return Err(grouping()),
    };
    if last.len() != 3 {
        return Err(grouping());
    }
    let indian = (1..=2).contains(&first.len()) && middle.iter().all(|g| g.len() == 2);
    let western = (1..=3).contains(&first.len()) && middle.iter().all(|g| g.len() == 3);
    if indian || western {
        Ok(())
    } else {
        Err(grouping())
    }
}

/// The digits of a parsed amount, before the suffix is applied.
struct Number<'a> {
    whole: &'a [u8],
    frac: &'a [u8],
}

impl Number<'_> {
    fn to_money(&self, exponent: u32, negative: bool) -> Result<Money, MoneyError> {
        let out_of_range = || MoneyError::OutOfRange {
            field: FIELD,
            min: "-999999999999.99",
            max: "999999999999.99",
        };
        let frac_len = self
            .frac
            .iter()
            .rposition(|&d| d != b'0')
            .map_or(0, |p| p.saturating_add(1));
        let frac = self.frac.get(..frac_len).unwrap_or_default();
        // Digits below the paisa once the suffix is applied: not exact.
        let paise_exponent = exponent.saturating_add(2);
        let frac_len = u32::try_from(frac.len()).unwrap_or(u32::MAX);
        if frac_len > paise_exponent {
            return Err(MoneyError::Precision {
                field: FIELD,
                scale: 2,
            });
        }
        let mut mantissa: u128 = 0;
        let mut significant = 0usize;
        for &d in self.whole.iter().chain(frac).filter(|&&b| b != b',') {
            if mantissa == 0 && d == b'0' {
                continue;
            }
            significant = significant.saturating_add(1);
            if significant > 30 {
                return Err(out_of_range());
            }
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d & 0x0f)))
                .ok_or_else(out_of_range)?;
        }
        let scale = 10u128.pow(paise_exponent.saturating_sub(frac_len));
        let paise = mantissa
            .checked_mul(scale)
            .and_then(|p| i64::try_from(p).ok())
            .ok_or_else(out_of_range)?;
        Money::from_paise(if negative {
            paise.saturating_neg()
        } else {
            paise
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> i64 {
        parse_money(text)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .paise()
    }

    fn err(text: &str) -> &'static str {
        match parse_money(text) {
            Ok(m) => panic!("{text:?} parsed as {m}"),
            Err(e) => e.code(),
        }
    }

    fn lenient(text: &str) -> Result<i64, &'static str> {
        parse_money_with(text, ParseMode::Lenient)
            .map(Money::paise)
            .map_err(|e| e.code())
    }

    #[test]
    fn strict_accepts_what_people_type() {
        assert_eq!(ok("25000"), 2_500_000);
        assert_eq!(ok("25,000.50"), 2_500_050);
        assert_eq!(ok("1,23,456.78"), 12_345_678);
        assert_eq!(ok("123,456.78"), 12_345_678);
        assert_eq!(ok("₹ 1,234"), 123_400);
        assert_eq!(ok("₹1,234"), 123_400);
        assert_eq!(ok("Rs. 500"), 50_000);
        assert_eq!(ok("rs500"), 50_000);
        assert_eq!(ok("INR 500"), 50_000);
        assert_eq!(ok("5L"), 50_000_000);
        assert_eq!(ok("1.2 lakh"), 12_000_000);
        assert_eq!(ok("2 Cr"), 2_000_000_000);
        assert_eq!(ok("50k"), 5_000_000);
        assert_eq!(ok("1.234 Cr"), 1_234_000_000);
        assert_eq!(ok("-₹1,234.5"), -123_450);
        assert_eq!(ok("  0.05  "), 5);
        assert_eq!(ok("0"), 0);
        assert_eq!(ok("-0"), 0);
        assert_eq!(ok("12.340"), 1234);
        assert_eq!(ok("999999999999.99"), 99_999_999_999_999);
        assert_eq!(ok("99,999 Cr"), 99_999_000_000_000);
    }

    #[test]
    fn strict_refusals_have_codes() {
        assert_eq!(err("12.345"), "money_precision");
        assert_eq!(err("1.2345678912 Cr"), "money_precision");
        assert_eq!(ok("1.23456789 Cr"), 1_234_567_890);
        assert_eq!(err("1,2,3"), "money_grouping");
        assert_eq!(err("12,34"), "money_grouping");
        assert_eq!(err("1234,567"), "money_grouping");
        assert_eq!(err("123,45,678"), "money_grouping");
        assert_eq!(err("1e5"), "money_syntax");
        assert_eq!(err("--5"), "money_syntax");
        assert_eq!(err("+5"), "money_syntax");
        assert_eq!(err("₹-5"), "money_syntax");
        assert_eq!(err("5 apples"), "money_syntax");
        assert_eq!(err("5$"), "money_syntax");
        assert_eq!(err(".5"), "money_syntax");
        assert_eq!(err("5."), "money_syntax");
        assert_eq!(err("05"), "money_syntax");
        assert_eq!(err("₹  5"), "money_syntax");
        assert_eq!(err("5  L"), "money_syntax");
        assert_eq!(ok("5 "), 500);
        assert_eq!(err("   "), "money_empty");
        assert_eq!(err("1000000000000"), "money_out_of_range");
        assert_eq!(err("1,00,000 Cr"), "money_out_of_range");
        assert_eq!(err(&"9".repeat(65)), "money_too_long");
        assert_eq!(err("5-"), "money_syntax");
        assert_eq!(err("5 L L"), "money_syntax");
    }

    #[test]
    fn lenient_accepts_feed_forms_but_never_rounds() {
        assert_eq!(lenient("+500"), Ok(50_000));
        assert_eq!(lenient("₹ -500"), Ok(-50_000));
        assert_eq!(lenient("Rs. 500/-"), Ok(50_000));
        assert_eq!(lenient("500 INR"), Ok(50_000));
        assert_eq!(lenient("500 Rs."), Ok(50_000));
        assert_eq!(lenient("1,2,3"), Ok(12_300));
        assert_eq!(lenient("0500"), Ok(50_000));
        assert_eq!(lenient(".5"), Ok(50));
        assert_eq!(lenient("5."), Ok(500));
        assert_eq!(lenient("₹\t 5 \u{a0} L"), Ok(50_000_000));
        assert_eq!(lenient("12.345"), Err("money_precision"));
        assert_eq!(lenient("1e5"), Err("money_syntax"));
        assert_eq!(lenient("1,,0"), Err("money_grouping"));
        assert_eq!(lenient("₹ 500 INR"), Err("money_syntax"));
        assert_eq!(lenient("."), Err("money_syntax"));
    }
}
