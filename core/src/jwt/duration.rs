//! Token lifetimes in the `ms` notation, read exactly as node's jsonwebtoken reads them.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::error::DurationError;

/// The longest lifetime accepted: ten years (of 365.25 days), in seconds.
pub const MAX_LIFETIME_SECONDS: i64 = 315_576_000;

/// Longest duration text read (the `ms` package reads at most 100 characters).
const MAX_TEXT: usize = 100;

/// Parses a lifetime as jsonwebtoken's `expiresIn` does, returning whole seconds.
///
/// A string uses the `ms` notation: a number and an optional unit (`ms`, `s`, `m`, `h`,
/// `d`, `w`, `y` and their long forms, any case, optional space). **A string without a
/// unit means milliseconds** — so `"60"` is 60 ms, which jsonwebtoken turns into a
/// token born expired; sparrow-core refuses lifetimes under one second instead, with a
/// hint (`did you mean "60s"?`). The token's `exp` is `iat + floor(ms / 1000)`, as in
/// jsonwebtoken. Numbers of seconds go through [`Lifetime::Seconds`] instead.
///
/// ```
/// use sparrow_core::jwt::parse_duration;
/// assert_eq!(parse_duration("7d").unwrap(), 604_800);
/// assert_eq!(parse_duration("1.5 hours").unwrap(), 5_400);
/// assert_eq!(parse_duration("60").unwrap_err().code(), "duration_too_short");
/// ```
pub fn parse_duration(text: &str) -> Result<i64, DurationError> {
    if text.len() > MAX_TEXT {
        return Err(DurationError::Invalid);
    }
    let split = text
        .find(|c: char| c.is_ascii_alphabetic() || c == ' ')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit = unit.trim_start_matches(' ').to_ascii_lowercase();
    let per_unit_ms: i64 = match unit.as_str() {
        "" | "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => 1,
        "s" | "sec" | "secs" | "second" | "seconds" => 1_000,
        "m" | "min" | "mins" | "minute" | "minutes" => 60_000,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000,
        "d" | "day" | "days" => 86_400_000,
        "w" | "week" | "weeks" => 604_800_000,
        "y" | "yr" | "yrs" | "year" | "years" => 31_557_600_000,
        _ => return Err(DurationError::Invalid),
    };
    // `ms`'s number: -?(\d+)?\.?\d+ — digits, at most one dot, ending in a digit.
    let unsigned = number.strip_prefix('-').unwrap_or(number);
    let shape_ok = unsigned.ends_with(|c: char| c.is_ascii_digit())
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.matches('.').count() <= 1;
    if !shape_ok {
        return Err(DurationError::Invalid);
    }
    // `.5` is a number to `ms`; give it the leading zero Decimal wants.
    let normalized = match number.strip_prefix('-') {
        Some(rest) if rest.starts_with('.') => format!("-0{rest}"),
        _ if number.starts_with('.') => format!("0{number}"),
        _ => number.to_owned(),
    };
    let value = Decimal::from_str_exact(&normalized).map_err(|_| DurationError::TooLong {
        max: MAX_LIFETIME_SECONDS,
    })?;
    seconds_from(value, per_unit_ms, number)
}

fn seconds_from(value: Decimal, per_unit_ms: i64, number: &str) -> Result<i64, DurationError> {
    let too_long = DurationError::TooLong {
        max: MAX_LIFETIME_SECONDS,
    };
    let ms = value
        .checked_mul(Decimal::from(per_unit_ms))
        .ok_or(too_long.clone())?;
    let seconds = (ms / Decimal::from(1000)).floor();
    if seconds < Decimal::ONE {
        return Err(DurationError::TooShort {
            seconds_hint: hint(number),
        });
    }
    let seconds = seconds.to_i64().ok_or(too_long.clone())?;
    if seconds > MAX_LIFETIME_SECONDS {
        return Err(too_long);
    }
    Ok(seconds)
}

/// The number as written, if it is a plain positive number (for the `"60s"` hint).
fn hint(number: &str) -> String {
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        number.chars().take(12).collect()
    } else {
        "60".to_owned()
    }
}

/// A token lifetime: whole seconds (a number, as jsonwebtoken reads numbers) or text in
/// the `ms` notation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifetime {
    /// A number of seconds.
    Seconds(i64),
    /// Text in the `ms` notation, e.g. `"7d"`.
    Text(String),
}

impl Lifetime {
    /// The lifetime in whole seconds (at least 1, at most [`MAX_LIFETIME_SECONDS`]).
    pub fn seconds(&self) -> Result<i64, DurationError> {
        match self {
            Lifetime::Seconds(s) if *s < 1 => Err(DurationError::TooShort {
                seconds_hint: "60".to_owned(),
            }),
            Lifetime::Seconds(s) if *s > MAX_LIFETIME_SECONDS => Err(DurationError::TooLong {
                max: MAX_LIFETIME_SECONDS,
            }),
            Lifetime::Seconds(s) => Ok(*s),
            Lifetime::Text(t) => parse_duration(t),
        }
    }
}

impl From<&str> for Lifetime {
    fn from(text: &str) -> Self {
        Lifetime::Text(text.to_owned())
    }
}

impl From<i64> for Lifetime {
    fn from(seconds: i64) -> Self {
        Lifetime::Seconds(seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_notation() {
        for (text, seconds) in [
            ("60s", 60),
            ("15m", 900),
            ("12h", 43_200),
            ("7d", 604_800),
            ("2 weeks", 1_209_600),
            ("1y", 31_557_600),
            ("1.5h", 5_400),
            ("1500", 1),
            ("1999ms", 1),
            ("2000 msecs", 2),
            ("10 Minutes", 600),
            (".5m", 30),
            ("3 days", 259_200),
        ] {
            assert_eq!(parse_duration(text), Ok(seconds), "{text}");
        }
        for (text, code) in [
            ("60", "duration_too_short"),
            ("999ms", "duration_too_short"),
            ("-1d", "duration_too_short"),
            ("0s", "duration_too_short"),
            ("", "duration_invalid"),
            ("7 fortnights", "duration_invalid"),
            ("1e3s", "duration_invalid"),
            ("1..5h", "duration_invalid"),
            ("7d ", "duration_invalid"),
            ("11y", "duration_too_long"),
            ("99999999999999999999999999999999y", "duration_too_long"),
        ] {
            assert_eq!(parse_duration(text).unwrap_err().code(), code, "{text}");
        }
        assert!(parse_duration("60")
            .unwrap_err()
            .to_string()
            .contains("\"60s\""));
        assert_eq!(
            Lifetime::Seconds(0).seconds().unwrap_err().code(),
            "duration_too_short"
        );
        assert_eq!(Lifetime::from(3600).seconds(), Ok(3600));
    }
}
