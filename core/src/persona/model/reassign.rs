//! How many profiles a new model would move to another persona: the check a service
//! runs before publishing a retrained model.

use serde::Serialize;

use super::PersonaModel;
use crate::money::{Decimal, RoundingStrategy};
use crate::persona::PersonaId;
use crate::profile::Profile;

/// Decimals of [`Reassignment::share`].
pub const SHARE_DECIMALS: u32 = 6;

/// Profiles whose primary persona differs between two models, and where they went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reassignment {
    /// Profiles compared.
    pub profiles: u64,
    /// Profiles whose primary persona differs.
    pub moved: u64,
    /// `confusion[i][j]`: profiles whose primary persona is `PersonaId::ALL[i]` under
    /// the first model and `PersonaId::ALL[j]` under the second (catalogue order).
    pub confusion: [[u64; 3]; 3],
}

impl Reassignment {
    /// `moved / profiles`, rounded half to even to [`SHARE_DECIMALS`] decimals (zero for
    /// no profiles) — for reports; decide with [`Reassignment::exceeds`], which is exact.
    pub fn share(&self) -> Decimal {
        if self.profiles == 0 {
            return Decimal::new(0, SHARE_DECIMALS);
        }
        let exact = Decimal::from(self.moved)
            .checked_div(Decimal::from(self.profiles))
            .unwrap_or_default();
        let mut share =
            exact.round_dp_with_strategy(SHARE_DECIMALS, RoundingStrategy::MidpointNearestEven);
        share.rescale(SHARE_DECIMALS);
        share
    }

    /// Whether more than `max_share` of the profiles moved, decided exactly
    /// (`moved > max_share × profiles`, no rounding): a service refuses to publish a
    /// model for which this is true.
    pub fn exceeds(&self, max_share: Decimal) -> bool {
        match max_share.checked_mul(Decimal::from(self.profiles)) {
            Some(limit) => Decimal::from(self.moved) > limit,
            // A limit beyond Decimal's range is larger than any count.
            None => max_share.is_sign_negative(),
        }
    }
}

/// Compares the primary persona `before` and `after` give each profile (what a user
/// sees as "my persona").
///
/// ```
/// use sparrow_core::persona::{reassignment, synthetic_profiles, train_personas};
/// let a = train_personas(&synthetic_profiles(2000, 1).unwrap(), 3, 1).unwrap();
/// let b = train_personas(&synthetic_profiles(2000, 2).unwrap(), 3, 1).unwrap();
/// let probe = synthetic_profiles(1000, 3).unwrap();
/// let r = reassignment(&a, &b, &probe);
/// assert_eq!(r.profiles, 1000);
/// assert_eq!(r.confusion.iter().flatten().sum::<u64>(), 1000);
/// assert!(reassignment(&a, &a, &probe).moved == 0);
/// ```
pub fn reassignment(
    before: &PersonaModel,
    after: &PersonaModel,
    profiles: &[Profile],
) -> Reassignment {
    let mut confusion = [[0u64; 3]; 3];
    let mut moved = 0u64;
    for p in profiles {
        let (a, b) = (before.predict(p).primary, after.predict(p).primary);
        if let Some(cell) = confusion
            .get_mut(a.index())
            .and_then(|row| row.get_mut(b.index()))
        {
            *cell = cell.saturating_add(1);
        }
        if a != b {
            moved = moved.saturating_add(1);
        }
    }
    Reassignment {
        profiles: u64::try_from(profiles.len()).unwrap_or(u64::MAX),
        moved,
        confusion,
    }
}

/// The personas of [`Reassignment::confusion`]'s rows and columns.
pub const CONFUSION_ORDER: [PersonaId; 3] = PersonaId::ALL;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_and_threshold() {
        let r = Reassignment {
            profiles: 3,
            moved: 1,
            confusion: [[0; 3]; 3],
        };
        assert_eq!(r.share().to_string(), "0.333333");
        // Exact: one of three is above 0.333333 and not above 1/3 written out long.
        assert!(r.exceeds("0.333333".parse().unwrap()));
        assert!(!r.exceeds("0.3333333333333333333333333334".parse().unwrap()));
        let none = Reassignment {
            profiles: 0,
            moved: 0,
            confusion: [[0; 3]; 3],
        };
        assert_eq!(none.share().to_string(), "0.000000");
        assert!(!none.exceeds(Decimal::ZERO));
    }
}
