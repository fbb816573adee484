//! Indian identifiers: PAN, IFSC, mobile numbers, email addresses, PIN codes, Aadhaar.
//!
//! Each `validate_*` function trims its input, checks it, and returns the normalised
//! value as a type of its own ([`Pan`], [`Ifsc`], [`Mobile`], [`Email`], [`Pincode`],
//! [`Aadhaar`]) or an [`IdentityError`] with a stable code. Inputs longer than
//! [`MAX_IDENTITY_INPUT`] bytes are refused before they are read.
//!
//! Personal values never appear in errors, and the types that hold them (`Pan`,
//! `Mobile`, `Email`, `Aadhaar`) show only a masked form in `Debug` and `Display`; the
//! full value is available through an explicit accessor (`as_str`, `e164`).

/// `Debug` as `Type(shown)` and `Display` as `shown`, where `shown` is the masked form of
/// a personal identifier or the value of a public code (IFSC, PIN code).
macro_rules! shown_as {
    ($ty:ident, $shown:ident) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($ty), "({})"), self.$shown())
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.$shown())
            }
        }
    };
}

mod aadhaar;
mod email;
mod error;
mod ifsc;
mod mobile;
mod pan;
mod pincode;

pub use aadhaar::Aadhaar;
pub use email::{Email, MAX_EMAIL_LEN};
pub use error::{IdKind, IdentityError};
pub use ifsc::Ifsc;
pub use mobile::Mobile;
pub use pan::{Pan, PanHolderType};
pub use pincode::Pincode;

/// Longest input any identity validator reads, in bytes (before trimming).
pub const MAX_IDENTITY_INPUT: usize = 256;

/// Checks the length bound, trims, and refuses empty input.
fn prepare(input: &str, kind: IdKind) -> Result<&str, IdentityError> {
    if input.len() > MAX_IDENTITY_INPUT {
        return Err(IdentityError::TooLong {
            kind,
            max: MAX_IDENTITY_INPUT,
        });
    }
    let text = input.trim();
    if text.is_empty() {
        return Err(IdentityError::Empty { kind });
    }
    Ok(text)
}

/// Validates a PAN; see [`Pan::parse`].
pub fn validate_pan(input: &str) -> Result<Pan, IdentityError> {
    Pan::parse(input)
}

/// Validates an IFSC; see [`Ifsc::parse`].
pub fn validate_ifsc(input: &str) -> Result<Ifsc, IdentityError> {
    Ifsc::parse(input)
}

/// Validates an Indian mobile number; see [`Mobile::parse`].
pub fn validate_mobile(input: &str) -> Result<Mobile, IdentityError> {
    Mobile::parse(input)
}

/// Validates an email address as validator.js `isEmail` does; see [`Email::parse`].
pub fn validate_email(input: &str) -> Result<Email, IdentityError> {
    Email::parse(input)
}

/// Validates a PIN code; see [`Pincode::parse`].
pub fn validate_pincode(input: &str) -> Result<Pincode, IdentityError> {
    Pincode::parse(input)
}

/// Validates an Aadhaar number; see [`Aadhaar::parse`].
pub fn validate_aadhaar(input: &str) -> Result<Aadhaar, IdentityError> {
    Aadhaar::parse(input)
}
