//! Permanent Account Number.

use super::{prepare, IdKind, IdentityError};

/// Who holds a PAN: the fourth letter of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PanHolderType {
    /// `P` — an individual person.
    Person,
    /// `C` — a company.
    Company,
    /// `H` — a Hindu undivided family.
    Huf,
    /// `F` — a firm.
    Firm,
    /// `E` — a limited liability partnership.
    LimitedLiabilityPartnership,
    /// `A` — an association of persons.
    AssociationOfPersons,
    /// `T` — a trust.
    Trust,
    /// `B` — a body of individuals.
    BodyOfIndividuals,
    /// `L` — a local authority.
    LocalAuthority,
    /// `J` — an artificial juridical person.
    ArtificialJuridicalPerson,
    /// `G` — a government.
    Government,
}

impl PanHolderType {
    /// The holder type for a PAN's fourth letter.
    pub const fn from_letter(letter: u8) -> Option<Self> {
        Some(match letter {
            b'P' => Self::Person,
            b'C' => Self::Company,
            b'H' => Self::Huf,
            b'F' => Self::Firm,
            b'E' => Self::LimitedLiabilityPartnership,
            b'A' => Self::AssociationOfPersons,
            b'T' => Self::Trust,
            b'B' => Self::BodyOfIndividuals,
            b'L' => Self::LocalAuthority,
            b'J' => Self::ArtificialJuridicalPerson,
            b'G' => Self::Government,
            _ => return None,
        })
    }

    /// The snake_case name used in JSON and by the bindings.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Company => "company",
            Self::Huf => "huf",
            Self::Firm => "firm",
            Self::LimitedLiabilityPartnership => "limited_liability_partnership",
            Self::AssociationOfPersons => "association_of_persons",
            Self::Trust => "trust",
            Self::BodyOfIndividuals => "body_of_individuals",
            Self::LocalAuthority => "local_authority",
            Self::ArtificialJuridicalPerson => "artificial_juridical_person",
            Self::Government => "government",
        }
    }
}

/// A valid PAN, upper-case. `Debug` and `Display` show only a masked form
/// (`******234F`); [`Pan::as_str`] gives the full number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pan {
    bytes: [u8; 10],
    holder: PanHolderType,
}

impl Pan {
    /// Validates a PAN: trimmed and upper-cased first, then 5 letters, 4 digits and a
    /// letter, the fourth letter a holder type.
    ///
    /// ```
    /// use sparrow_core::identity::{Pan, PanHolderType};
    /// let pan = Pan::parse(" abcpe1234f ").unwrap();
    /// assert_eq!(pan.as_str(), "ABCPE1234F");
    /// assert_eq!(pan.holder_type(), PanHolderType::Person);
    /// ```
    pub fn parse(input: &str) -> Result<Pan, IdentityError> {
        let text = prepare(input, IdKind::Pan)?;
        let raw = text.as_bytes();
        let bytes: [u8; 10] = raw.try_into().map_err(|_| IdentityError::Length {
            kind: IdKind::Pan,
            expected: 10,
            unit: "characters",
        })?;
        let bytes = bytes.map(|b| b.to_ascii_uppercase());
        let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
            0..=4 | 9 => b.is_ascii_uppercase(),
            _ => b.is_ascii_digit(),
        });
        if !shape_ok {
            return Err(IdentityError::Format {
                kind: IdKind::Pan,
                rule: "must be 5 letters, 4 digits and a letter, as in ABCDE1234F",
            });
        }
        let holder = PanHolderType::from_letter(bytes[3]).ok_or(IdentityError::PanHolderType)?;
        Ok(Pan { bytes, holder })
    }

    /// The PAN, upper-case.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters and digits are ever stored.
        std::str::from_utf8(&self.bytes).unwrap_or_default()
    }

    /// The holder type given by the fourth letter.
    pub const fn holder_type(&self) -> PanHolderType {
        self.holder
    }

    /// The masked form, safe for logs: `******234F`.
    pub fn masked(&self) -> String {
        let tail = self.as_str().get(6..).unwrap_or_default();
        format!("******{tail}")
    }
}

shown_as!(Pan, masked);

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> &'static str {
        Pan::parse(input).unwrap_err().code()
    }

    #[test]
    fn holder_types_and_errors() {
        for (letter, holder) in [
            ('P', PanHolderType::Person),
            ('C', PanHolderType::Company),
            ('H', PanHolderType::Huf),
            ('F', PanHolderType::Firm),
            ('E', PanHolderType::LimitedLiabilityPartnership),
            ('A', PanHolderType::AssociationOfPersons),
            ('T', PanHolderType::Trust),
            ('B', PanHolderType::BodyOfIndividuals),
            ('L', PanHolderType::LocalAuthority),
            ('J', PanHolderType::ArtificialJuridicalPerson),
            ('G', PanHolderType::Government),
        ] {
            let pan = Pan::parse(&format!("ABC{letter}E1234F")).unwrap();
            assert_eq!(pan.holder_type(), holder);
        }
        assert_eq!(code("ABCXE1234F"), "pan_holder_type");
        assert_eq!(code("ABCPE1234"), "pan_length");
        assert_eq!(code("ABCPE12345"), "pan_format");
        assert_eq!(code("ABCPÉ1234F"), "pan_length");
        assert_eq!(code("  "), "pan_empty");
        assert_eq!(code(&"A".repeat(300)), "pan_too_long");
    }

    #[test]
    fn never_shows_the_number() {
        let pan = Pan::parse("ABCPE1234F").unwrap();
        assert_eq!(format!("{pan:?}"), "Pan(******234F)");
        assert_eq!(pan.to_string(), "******234F");
        let err = Pan::parse("ABCXE1234F").unwrap_err().to_string();
        assert!(!err.contains("ABCXE"), "{err}");
    }
}
