//! Errors of the identity module.

use std::fmt;

/// Which identifier an [`IdentityError`] is about; its `Display` is the field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// Permanent Account Number.
    Pan,
    /// Indian Financial System Code of a bank branch.
    Ifsc,
    /// Indian mobile number.
    Mobile,
    /// Email address.
    Email,
    /// Postal index number.
    Pincode,
    /// Aadhaar number.
    Aadhaar,
}

impl IdKind {
    /// The field name, also the prefix of every code about this identifier.
    pub const fn field(self) -> &'static str {
        match self {
            Self::Pan => "pan",
            Self::Ifsc => "ifsc",
            Self::Mobile => "mobile",
            Self::Email => "email",
            Self::Pincode => "pincode",
            Self::Aadhaar => "aadhaar",
        }
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.field())
    }
}

/// Why an identifier was refused. Messages name the field and the rule and never
/// contain the value itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentityError {
    /// Empty or only whitespace.
    #[error("{kind}: a value is required but the text is empty")]
    Empty {
        /// The identifier.
        kind: IdKind,
    },
    /// Longer than the validator reads.
    #[error("{kind}: the text is longer than {max} characters")]
    TooLong {
        /// The identifier.
        kind: IdKind,
        /// The largest accepted length.
        max: usize,
    },
    /// Wrong number of characters or digits.
    #[error("{kind}: must have exactly {expected} {unit}")]
    Length {
        /// The identifier.
        kind: IdKind,
        /// The required count.
        expected: usize,
        /// What is counted ("characters", "digits").
        unit: &'static str,
    },
    /// The characters do not follow the identifier's pattern.
    #[error("{kind}: {rule}")]
    Format {
        /// The identifier.
        kind: IdKind,
        /// The pattern, in words.
        rule: &'static str,
    },
    /// The PAN's fourth letter is not a known holder type.
    #[error("pan: the fourth letter must be a holder type (P, C, H, F, E, A, T, B, L, J or G)")]
    PanHolderType,
    /// A mobile number of another country.
    #[error("mobile: only Indian numbers (+91) are accepted")]
    MobileCountry,
    /// An Indian mobile number must start with 6, 7, 8 or 9.
    #[error("mobile: an Indian mobile number starts with 6, 7, 8 or 9")]
    MobileStartDigit,
    /// No `@` in an email address.
    #[error("email: an address needs an @ between the local part and the domain")]
    EmailMissingAt,
    /// The part before the `@` is not acceptable.
    #[error("email: the local part (before the @) {rule}")]
    EmailLocalPart {
        /// The rule, in words.
        rule: &'static str,
    },
    /// The part after the `@` is not a valid domain name.
    #[error("email: the domain (after the @) {rule}")]
    EmailDomain {
        /// The rule, in words.
        rule: &'static str,
    },
    /// A PIN code starts with 1–9.
    #[error("pincode: the first digit must be 1 to 9")]
    PincodeStartDigit,
    /// An Aadhaar number starts with 2–9.
    #[error("aadhaar: the first digit must be 2 to 9")]
    AadhaarStartDigit,
    /// The last digit is not the Verhoeff check digit of the others.
    #[error("aadhaar: the check digit does not match (Verhoeff); the number is mistyped")]
    AadhaarChecksum,
}

impl IdentityError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "pan_empty",
        "pan_too_long",
        "pan_length",
        "pan_format",
        "pan_holder_type",
        "ifsc_empty",
        "ifsc_too_long",
        "ifsc_length",
        "ifsc_format",
        "mobile_empty",
        "mobile_too_long",
        "mobile_length",
        "mobile_format",
        "mobile_country",
        "mobile_start_digit",
        "email_empty",
        "email_too_long",
        "email_missing_at",
        "email_local_part",
        "email_domain",
        "pincode_empty",
        "pincode_too_long",
        "pincode_length",
        "pincode_format",
        "pincode_start_digit",
        "aadhaar_empty",
        "aadhaar_too_long",
        "aadhaar_length",
        "aadhaar_format",
        "aadhaar_start_digit",
        "aadhaar_checksum",
    ];

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        use IdKind::*;
        match self {
            Self::Empty { kind } => match kind {
                Pan => "pan_empty",
                Ifsc => "ifsc_empty",
                Mobile => "mobile_empty",
                Email => "email_empty",
                Pincode => "pincode_empty",
                Aadhaar => "aadhaar_empty",
            },
            Self::TooLong { kind, .. } => match kind {
                Pan => "pan_too_long",
                Ifsc => "ifsc_too_long",
                Mobile => "mobile_too_long",
                Email => "email_too_long",
                Pincode => "pincode_too_long",
                Aadhaar => "aadhaar_too_long",
            },
            Self::Length { kind, .. } => match kind {
                Pan => "pan_length",
                Ifsc => "ifsc_length",
                Mobile => "mobile_length",
                // Email lengths are reported as too long.
                Email => "email_too_long",
                Pincode => "pincode_length",
                Aadhaar => "aadhaar_length",
            },
            Self::Format { kind, .. } => match kind {
                Pan => "pan_format",
                Ifsc => "ifsc_format",
                Mobile => "mobile_format",
                // Email format problems name the part; this is the local part's code.
                Email => "email_local_part",
                Pincode => "pincode_format",
                Aadhaar => "aadhaar_format",
            },
            Self::PanHolderType => "pan_holder_type",
            Self::MobileCountry => "mobile_country",
            Self::MobileStartDigit => "mobile_start_digit",
            Self::EmailMissingAt => "email_missing_at",
            Self::EmailLocalPart { .. } => "email_local_part",
            Self::EmailDomain { .. } => "email_domain",
            Self::PincodeStartDigit => "pincode_start_digit",
            Self::AadhaarStartDigit => "aadhaar_start_digit",
            Self::AadhaarChecksum => "aadhaar_checksum",
        }
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { kind }
            | Self::TooLong { kind, .. }
            | Self::Length { kind, .. }
            | Self::Format { kind, .. } => kind.field(),
            Self::PanHolderType => "pan",
            Self::MobileCountry | Self::MobileStartDigit => "mobile",
            Self::EmailMissingAt | Self::EmailLocalPart { .. } | Self::EmailDomain { .. } => {
                "email"
            }
            Self::PincodeStartDigit => "pincode",
            Self::AadhaarStartDigit | Self::AadhaarChecksum => "aadhaar",
        }
    }
}
