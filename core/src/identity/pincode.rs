//! Postal index numbers.

use super::{prepare, IdKind, IdentityError};

/// A valid six-digit PIN code (first digit 1–9).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pincode {
    digits: [u8; 6],
}

impl Pincode {
    /// Validates a PIN code: trimmed, then exactly 6 digits, the first 1–9.
    ///
    /// ```
    /// use sparrow_core::identity::Pincode;
    /// assert_eq!(Pincode::parse(" 560001 ").unwrap().as_str(), "560001");
    /// assert_eq!(Pincode::parse("060001").unwrap_err().code(), "pincode_start_digit");
    /// ```
    pub fn parse(input: &str) -> Result<Pincode, IdentityError> {
        let text = prepare(input, IdKind::Pincode)?;
        let digits: [u8; 6] = text
            .as_bytes()
            .try_into()
            .map_err(|_| IdentityError::Length {
                kind: IdKind::Pincode,
                expected: 6,
                unit: "digits",
            })?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(IdentityError::Format {
                kind: IdKind::Pincode,
                rule: "must contain only digits",
            });
        }
        if digits[0] == b'0' {
            return Err(IdentityError::PincodeStartDigit);
        }
        Ok(Pincode { digits })
    }

    /// The six digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or_default()
    }
}

shown_as!(Pincode, as_str);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(Pincode::parse("110001").unwrap().as_str(), "110001");
        assert_eq!(
            Pincode::parse("11000").unwrap_err().code(),
            "pincode_length"
        );
        assert_eq!(
            Pincode::parse("11000a").unwrap_err().code(),
            "pincode_format"
        );
        assert_eq!(
            Pincode::parse("560 001").unwrap_err().code(),
            "pincode_length"
        );
    }
}
