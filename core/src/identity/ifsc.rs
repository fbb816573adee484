//! Indian Financial System Code of a bank branch.

use super::{prepare, IdKind, IdentityError};

/// A valid IFSC, upper-case: 4 letters (the bank), `0`, 6 letters or digits (the branch).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ifsc {
    bytes: [u8; 11],
}

impl Ifsc {
    /// Validates an IFSC, trimmed and upper-cased first.
    ///
    /// ```
    /// use sparrow_core::identity::Ifsc;
    /// let ifsc = Ifsc::parse("hdfc0001234").unwrap();
    /// assert_eq!(ifsc.as_str(), "HDFC0001234");
    /// assert_eq!(ifsc.bank_code(), "HDFC");
    /// ```
    pub fn parse(input: &str) -> Result<Ifsc, IdentityError> {
        let text = prepare(input, IdKind::Ifsc)?;
        let bytes: [u8; 11] = text
            .as_bytes()
            .try_into()
            .map_err(|_| IdentityError::Length {
                kind: IdKind::Ifsc,
                expected: 11,
                unit: "characters",
            })?;
        let bytes = bytes.map(|b| b.to_ascii_uppercase());
        let format = |rule| IdentityError::Format {
            kind: IdKind::Ifsc,
            rule,
        };
        if !bytes.iter().take(4).all(u8::is_ascii_uppercase) {
            return Err(format(
                "must start with 4 letters (the bank code), as in HDFC0001234",
            ));
        }
        if bytes[4] != b'0' {
            return Err(format("the fifth character must be the digit 0"));
        }
        if !bytes.iter().skip(5).all(u8::is_ascii_alphanumeric) {
            return Err(format(
                "must end with 6 letters or digits (the branch code)",
            ));
        }
        Ok(Ifsc { bytes })
    }

    /// The IFSC, upper-case.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// The bank's four-letter code.
    pub fn bank_code(&self) -> &str {
        self.as_str().get(..4).unwrap_or_default()
    }

    /// The branch's six-character code.
    pub fn branch_code(&self) -> &str {
        self.as_str().get(5..).unwrap_or_default()
    }
}

shown_as!(Ifsc, as_str);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(Ifsc::parse("SBIN0000300").unwrap().branch_code(), "000300");
        assert_eq!(
            Ifsc::parse("HDFC1001234").unwrap_err().code(),
            "ifsc_format"
        );
        assert_eq!(
            Ifsc::parse("HDF00001234").unwrap_err().code(),
            "ifsc_format"
        );
        assert_eq!(
            Ifsc::parse("HDFC000123-").unwrap_err().code(),
            "ifsc_format"
        );
        assert_eq!(Ifsc::parse("HDFC000123").unwrap_err().code(), "ifsc_length");
        assert_eq!(Ifsc::parse("").unwrap_err().code(), "ifsc_empty");
    }
}
