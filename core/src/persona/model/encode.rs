//! The `risk-capacity-v1` encoding of a profile, and the encoded training set.

use super::{MAX_K, MAX_TRAINING_PROFILES};
use crate::persona::PersonaError;
use crate::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};

/// The six features a profile is encoded into, each scaled to 0–1 so that a higher
/// value means more capacity for risk (encoding `risk-capacity-v1`):
///
/// | feature | encoding |
/// |---|---|
/// | `youth` | (100 − age) / 82 |
/// | `horizon` | (horizon_years − 1) / 39 |
/// | `risk_tolerance` | Conservative 0, Moderate 0.5, Aggressive 1 |
/// | `volatility` | Low 0, Medium 0.5, High 1 |
/// | `liquidity_freedom` | liquidity need High 0, Medium 0.5, Low 1 |
/// | `knowledge` | Beginner 0, Intermediate 0.5, Advanced 1 |
///
/// A cluster's risk is the sum of its centroid's features; clusters are ordered by it.
pub const FEATURES: [&str; 6] = [
    "youth",
    "horizon",
    "risk_tolerance",
    "volatility",
    "liquidity_freedom",
    "knowledge",
];

/// A profile's six features in the `risk-capacity-v1` encoding ([`FEATURES`]).
pub fn encode_profile(p: &Profile) -> [f64; 6] {
    features(codes(p))
}

/// The small integers the features are made from: 100 − age, horizon − 1, and the
/// three-level answers as 0, 1, 2 (in the order of [`FEATURES`]).
fn codes(p: &Profile) -> [u8; 6] {
    [
        100u8.saturating_sub(p.age()),
        p.horizon_years().saturating_sub(1),
        match p.risk_tolerance() {
            RiskTolerance::Conservative => 0,
            RiskTolerance::Moderate => 1,
            RiskTolerance::Aggressive => 2,
        },
        match p.volatility() {
            Volatility::Low => 0,
            Volatility::Medium => 1,
            Volatility::High => 2,
        },
        match p.liquidity() {
            Liquidity::High => 0,
            Liquidity::Medium => 1,
            Liquidity::Low => 2,
        },
        match p.knowledge() {
            Knowledge::Beginner => 0,
            Knowledge::Intermediate => 1,
            Knowledge::Advanced => 2,
        },
    ]
}

/// The features of [`codes`] (one to one: distinct codes give distinct features).
fn features(c: [u8; 6]) -> [f64; 6] {
    let [youth, horizon, risk, volatility, liquidity, knowledge] = c;
    let three = |i: u8| f64::from(i) / 2.0;
    [
        f64::from(youth) / 82.0,
        f64::from(horizon) / 39.0,
        three(risk),
        three(volatility),
        three(liquidity),
        three(knowledge),
    ]
}

/// Profiles encoded for training, built row by row so that a large population (read
/// from columns, say) never has to be held as [`Profile`]s: 6 bytes a profile (the
/// small integers its features are made from) while it is filled. Training
/// ([`train_personas_on`](super::train_personas_on)) turns them into the features
/// ([`encode_profile`], 48 bytes a profile) in one block of exactly that size, which the
/// k-means reads in place.
///
/// Holds at most [`MAX_TRAINING_PROFILES`] profiles; pushing more is refused.
///
/// ```
/// use sparrow_core::persona::{synthetic_profiles, train_personas, train_personas_on,
///                             TrainOptions, TrainingSet};
/// let profiles = synthetic_profiles(500, 7).unwrap();
/// let mut set = TrainingSet::with_capacity(profiles.len());
/// for p in &profiles {
///     set.push(p).unwrap();
/// }
/// let options = TrainOptions { k: 3, seed: 42, ..TrainOptions::default() };
/// assert_eq!(train_personas_on(set, &options, None).unwrap(),
///            train_personas(&profiles, 3, 42).unwrap());
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingSet {
    /// Each profile's feature codes.
    codes: Vec<[u8; 6]>,
    /// Per feature: the sum of the values and of their squares (for the tolerance).
    sums: [f64; 6],
    squares: [f64; 6],
    /// The first distinct rows seen, at most [`MAX_K`]: k may not exceed their number.
    distinct: Vec<[u8; 6]>,
}

impl TrainingSet {
    /// An empty set.
    pub fn new() -> TrainingSet {
        TrainingSet::default()
    }

    /// An empty set with room for `profiles` profiles (at most
    /// [`MAX_TRAINING_PROFILES`] are reserved).
    pub fn with_capacity(profiles: usize) -> TrainingSet {
        TrainingSet {
            codes: Vec::with_capacity(profiles.min(MAX_TRAINING_PROFILES)),
            ..TrainingSet::default()
        }
    }

    /// Every profile of `profiles`, in order.
    pub fn from_profiles(profiles: &[Profile]) -> Result<TrainingSet, PersonaError> {
        if profiles.len() > MAX_TRAINING_PROFILES {
            return Err(too_many());
        }
        let mut set = TrainingSet::with_capacity(profiles.len());
        for p in profiles {
            set.push(p)?;
        }
        Ok(set)
    }

    /// Adds one profile (encoded). Fails with `persona_training` once the set holds
    /// [`MAX_TRAINING_PROFILES`].
    pub fn push(&mut self, p: &Profile) -> Result<(), PersonaError> {
        self.push_within(p, MAX_TRAINING_PROFILES)
    }

    fn push_within(&mut self, p: &Profile, limit: usize) -> Result<(), PersonaError> {
        if self.len() >= limit {
            return Err(too_many());
        }
        let code = codes(p);
        if self.distinct.len() < MAX_K && !self.distinct.contains(&code) {
            self.distinct.push(code);
        }
        let row = features(code);
        for ((s, q), v) in self.sums.iter_mut().zip(self.squares.iter_mut()).zip(row) {
            *s += v;
            *q += v * v;
        }
        self.codes.push(code);
        Ok(())
    }

    /// Number of profiles.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether it holds no profile.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The features, row-major (six a profile), in a block of exactly that size; the
    /// codes are freed as they are read.
    pub(super) fn into_features(self) -> Vec<f64> {
        let mut flat = Vec::with_capacity(self.codes.len().saturating_mul(6));
        for code in self.codes {
            flat.extend_from_slice(&features(code));
        }
        flat
    }

    /// Number of distinct profiles (as features), counted up to [`MAX_K`].
    pub(super) fn distinct_up_to_max_k(&self) -> usize {
        self.distinct.len()
    }

    /// Mean over the features of their variance in the set (0 when empty).
    pub(super) fn mean_variance(&self) -> f64 {
        if self.is_empty() {
            return 0.0;
        }
        let n = self.len() as f64;
        self.sums
            .iter()
            .zip(self.squares)
            .map(|(s, q)| (q / n - (s / n) * (s / n)).max(0.0))
            .sum::<f64>()
            / 6.0
    }
}

pub(super) fn too_many() -> PersonaError {
    PersonaError::Training {
        rule: format!("at most {MAX_TRAINING_PROFILES} profiles are accepted"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::persona::synthetic_profiles;

    #[test]
    fn a_full_set_refuses_the_next_profile_and_keeps_what_it_holds() {
        let ps = synthetic_profiles(3, 1).unwrap();
        let mut set = TrainingSet::new();
        set.push_within(&ps[0], 2).unwrap();
        set.push_within(&ps[1], 2).unwrap();
        let before = set.clone();
        let e = set.push_within(&ps[2], 2).unwrap_err();
        assert_eq!(e.code(), "persona_training");
        assert_eq!(
            e.to_string(),
            format!("profiles: at most {MAX_TRAINING_PROFILES} profiles are accepted")
        );
        assert_eq!(set, before);
    }

    #[test]
    fn rows_are_the_encoding_and_the_statistics_follow_them() {
        let ps = synthetic_profiles(50, 2).unwrap();
        let set = TrainingSet::from_profiles(&ps).unwrap();
        assert_eq!(set.len(), 50);
        for (row, p) in set.clone().into_features().chunks(6).zip(&ps) {
            assert_eq!(row, encode_profile(p));
        }
        assert_eq!(set.clone().into_features().len(), 300);
        let n = 50.0;
        let mut expected = 0.0;
        for f in 0..6 {
            let mean = ps.iter().map(|p| encode_profile(p)[f]).sum::<f64>() / n;
            let var = ps
                .iter()
                .map(|p| (encode_profile(p)[f] - mean).powi(2))
                .sum::<f64>()
                / n;
            expected += var / 6.0;
        }
        assert!((set.mean_variance() - expected).abs() < 1e-12);
        assert!(set.distinct_up_to_max_k() <= MAX_K);
        assert_eq!(TrainingSet::new().mean_variance(), 0.0);
    }
}
