//! Aadhaar numbers.

use verhoeff::Verhoeff;

use super::{prepare, IdKind, IdentityError};

/// A valid Aadhaar number (12 digits, first 2–9, last a Verhoeff check digit).
/// `Debug` and `Display` show only the masked form UIDAI prints (`XXXX XXXX 9012`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Aadhaar {
    digits: [u8; 12],
}

impl Aadhaar {
    /// Validates an Aadhaar number: trimmed, then 12 digits, either together or in the
    /// printed 4-4-4 grouping separated by single spaces or hyphens ("2345 6789 0124").
    ///
    /// ```
    /// use sparrow_core::identity::Aadhaar;
    /// assert_eq!(Aadhaar::parse("2345 6789 0124").unwrap().masked(), "XXXX XXXX 0124");
    /// assert_eq!(Aadhaar::parse("234567890123").unwrap_err().code(), "aadhaar_checksum");
    /// ```
    pub fn parse(input: &str) -> Result<Aadhaar, IdentityError> {
        let text = prepare(input, IdKind::Aadhaar)?;
        let bytes = text.as_bytes();
        let grouped = bytes.len() == 14
            && matches!(bytes.get(4), Some(b' ' | b'-'))
            && bytes.get(9) == bytes.get(4);
        let mut digits = [0u8; 12];
        let mut n = 0usize;
        for (i, &b) in bytes.iter().enumerate() {
            if grouped && (i == 4 || i == 9) {
                continue;
            }
            if !b.is_ascii_digit() {
                return Err(IdentityError::Format {
                    kind: IdKind::Aadhaar,
                    rule: "must be 12 digits, optionally grouped 4-4-4 by spaces or hyphens",
                });
            }
            match digits.get_mut(n) {
                Some(slot) => *slot = b,
                None => return Err(length()),
            }
            n += 1;
        }
        if n != 12 {
            return Err(length());
        }
        if matches!(digits[0], b'0' | b'1') {
            return Err(IdentityError::AadhaarStartDigit);
        }
        let number = std::str::from_utf8(&digits).unwrap_or_default();
        if !number.validate_verhoeff_check_digit() {
            return Err(IdentityError::AadhaarChecksum);
        }
        Ok(Aadhaar { digits })
    }

    /// The 12 digits, without spaces.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }

    /// The masked form UIDAI prints on a masked Aadhaar: `XXXX XXXX 9012`.
    pub fn masked(&self) -> String {
        format!("XXXX XXXX {}", self.as_str().get(8..).unwrap_or_default())
    }
}

fn length() -> IdentityError {
    IdentityError::Length {
        kind: IdKind::Aadhaar,
        expected: 12,
        unit: "digits",
    }
}

shown_as!(Aadhaar, masked);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verhoeff_and_shape() {
        // 23456789012 has Verhoeff check digit 4.
        assert_eq!("23456789012".calculate_verhoeff_check_digit(), 4);
        assert!(Aadhaar::parse("234567890124").is_ok());
        assert!(Aadhaar::parse("2345-6789-0124").is_ok());
        assert_eq!(
            Aadhaar::parse("2345 6789-0124").unwrap_err().code(),
            "aadhaar_format"
        );
        assert_eq!(
            Aadhaar::parse("134567890124").unwrap_err().code(),
            "aadhaar_start_digit"
        );
        assert_eq!(
            Aadhaar::parse("23456789012").unwrap_err().code(),
            "aadhaar_length"
        );
        assert_eq!(
            Aadhaar::parse("2345678901245").unwrap_err().code(),
            "aadhaar_length"
        );
        assert_eq!(
            Aadhaar::parse("23456789012x").unwrap_err().code(),
            "aadhaar_format"
        );
        // Every single-digit mistype of a valid number is caught.
        let good = *b"234567890124";
        for i in 1..12 {
            for d in b'0'..=b'9' {
                let mut bad = good;
                if bad[i] == d {
                    continue;
                }
                bad[i] = d;
                let s = std::str::from_utf8(&bad).unwrap();
                assert_eq!(
                    Aadhaar::parse(s).unwrap_err().code(),
                    "aadhaar_checksum",
                    "{s}"
                );
            }
        }
        assert_eq!(
            format!("{:?}", Aadhaar::parse("234567890124").unwrap()),
            "Aadhaar(XXXX XXXX 0124)"
        );
    }
}
