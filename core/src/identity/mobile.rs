//! Indian mobile numbers.

use super::{prepare, IdKind, IdentityError};

/// A valid Indian mobile number, kept as its 10 national digits. `Debug` and `Display`
/// show a masked form (`+91******3210`); [`Mobile::e164`] gives the full number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mobile {
    national: [u8; 10],
}

impl Mobile {
    /// Validates an Indian mobile number written with or without a prefix (`+91`, `91`,
    /// `0091`, `0`) and with spaces, dashes, dots or parentheses between the digits
    /// ("+91 98765 43210", "(0) 98765-43210"). The 10 national digits must start with
    /// 6–9. Numbers of other countries are refused.
    ///
    /// ```
    /// use sparrow_core::identity::Mobile;
    /// assert_eq!(Mobile::parse("(0) 98765-43210").unwrap().e164(), "+919876543210");
    /// assert_eq!(Mobile::parse("+1 415 555 0100").unwrap_err().code(), "mobile_country");
    /// ```
    pub fn parse(input: &str) -> Result<Mobile, IdentityError> {
        let text = prepare(input, IdKind::Mobile)?;
        let mut digits = [0u8; 32];
        let mut count = 0usize;
        let mut plus = false;
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'0'..=b'9' => {
                    let slot = digits.get_mut(count).ok_or(IdentityError::Length {
                        kind: IdKind::Mobile,
                        expected: 10,
                        unit: "digits after the country prefix",
                    })?;
                    *slot = b;
                    count += 1;
                }
                b'+' if i == 0 => plus = true,
                b' ' | b'-' | b'.' | b'(' | b')' => {}
                _ => return Err(IdentityError::Format {
                    kind: IdKind::Mobile,
                    rule:
                        "may contain only digits, a leading +, spaces, dashes, dots and parentheses",
                }),
            }
        }
        let all = digits.get(..count).unwrap_or_default();
        let national = if plus {
            match all.strip_prefix(b"91") {
                Some(rest) => rest,
                None => return Err(IdentityError::MobileCountry),
            }
        } else {
            match count {
                10 => all,
                11 if all.first() == Some(&b'0') => all.get(1..).unwrap_or_default(),
                12 if all.starts_with(b"91") => all.get(2..).unwrap_or_default(),
                14 if all.starts_with(b"0091") => all.get(4..).unwrap_or_default(),
                _ if all.starts_with(b"00") && !all.starts_with(b"0091") => {
                    return Err(IdentityError::MobileCountry)
                }
                _ => all,
            }
        };
        let national: [u8; 10] = national.try_into().map_err(|_| IdentityError::Length {
            kind: IdKind::Mobile,
            expected: 10,
            unit: "digits after the country prefix",
        })?;
        if !matches!(national[0], b'6'..=b'9') {
            return Err(IdentityError::MobileStartDigit);
        }
        Ok(Mobile { national })
    }

    /// The 10 national digits.
    pub fn national(&self) -> &str {
        std::str::from_utf8(&self.national).unwrap_or_default()
    }

    /// The number in E.164 form, `+919876543210`.
    pub fn e164(&self) -> String {
        format!("+91{}", self.national())
    }

    /// The masked form, safe for logs: `+91******3210`.
    pub fn masked(&self) -> String {
        format!("+91******{}", self.national().get(6..).unwrap_or_default())
    }
}

shown_as!(Mobile, masked);

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(s: &str) -> String {
        Mobile::parse(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .e164()
    }

    #[test]
    fn prefixes_and_separators() {
        for s in [
            "9876543210",
            "+91 98765 43210",
            "+91-98765-43210",
            "91 9876543210",
            "0091 98765 43210",
            "098765 43210",
            "(0) 98765-43210",
            "98765.43210",
            "+919876543210",
        ] {
            assert_eq!(e164(s), "+919876543210", "{s}");
        }
    }

    #[test]
    fn refusals() {
        let code = |s: &str| Mobile::parse(s).unwrap_err().code();
        assert_eq!(code("+1 415 555 0100"), "mobile_country");
        assert_eq!(code("0044 7911 123456"), "mobile_country");
        assert_eq!(code("5876543210"), "mobile_start_digit");
        assert_eq!(code("987654321"), "mobile_length");
        assert_eq!(code("+91 98765 432100"), "mobile_length");
        assert_eq!(code("98765x43210"), "mobile_format");
        assert_eq!(code("98765+43210"), "mobile_format");
        assert_eq!(code(&"9".repeat(40)), "mobile_length");
        assert_eq!(code(""), "mobile_empty");
        assert_eq!(
            format!("{:?}", Mobile::parse("9876543210").unwrap()),
            "Mobile(+91******3210)"
        );
    }
}
