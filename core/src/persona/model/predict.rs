//! Prediction: fuzzy memberships to the centroids, brought to exact 4-decimal weights
//! in the shape of `classify_blended`.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{encode_profile, PersonaModel};
use crate::allocation::{blend_hundredths, ml_percents, Fractions};
use crate::money::Decimal;
use crate::persona::rules::{BlendedClassification, DistributionEntry};
use crate::persona::PersonaId;
use crate::profile::Profile;

impl PersonaModel {
    /// A distribution over personas for one profile, in the shape of
    /// [`classify_blended`](crate::persona::classify_blended).
    ///
    /// Each cluster's membership is the fuzzy-c-means membership with m = 2 (inverse
    /// squared distance, normalised; a profile on a centroid belongs to it alone);
    /// memberships are summed per persona and brought to 4-decimal weights that sum to
    /// exactly 1 (largest remainder, ties to CG, BV, AB). The blended allocation uses
    /// those weights and sums to exactly 1.0000; the confidence is the primary weight.
    /// Distances are binary floats (this is a statistical model); every number handed
    /// out is an exact decimal.
    pub fn predict(&self, profile: &Profile) -> BlendedClassification {
        let x = encode_profile(profile);
        let d2: Vec<f64> = self
            .centroids
            .iter()
            .map(|c| c.iter().zip(x).map(|(a, b)| (a - b) * (a - b)).sum())
            .collect();
        let mut per_persona = [0.0f64; 3];
        if let Some(hit) = d2.iter().position(|d| *d < 1e-24) {
            if let Some(p) = self.personas.get(hit) {
                if let Some(slot) = per_persona.get_mut(p.index()) {
                    *slot = 1.0;
                }
            }
        } else {
            let inv_sum: f64 = d2.iter().map(|d| 1.0 / d).sum();
            for (d, p) in d2.iter().zip(&self.personas) {
                if let Some(slot) = per_persona.get_mut(p.index()) {
                    *slot += (1.0 / d) / inv_sum;
                }
            }
        }
        let weights = ten_thousandths(per_persona);
        let mut order = PersonaId::ALL;
        order.sort_by(|a, b| {
            let wa = weights.get(a.index()).copied().unwrap_or(0);
            let wb = weights.get(b.index()).copied().unwrap_or(0);
            wb.cmp(&wa).then(a.cmp(b))
        });
        let [first, ..] = order;
        let weighted: Vec<([i64; 6], i128)> = PersonaId::ALL
            .iter()
            .zip(weights)
            .map(|(p, w)| (ml_percents(*p), i128::from(w)))
            .collect();
        let blended = blend_hundredths(&weighted, 10_000);
        let weight_of =
            |p: PersonaId| Decimal::new(weights.get(p.index()).copied().unwrap_or(0), 4);
        BlendedClassification {
            primary: first,
            confidence: weight_of(first),
            distribution: order.map(|p| DistributionEntry {
                persona: p,
                weight: weight_of(p),
                allocation: Fractions::from_ten_thousandths(ml_percents(p)),
            }),
            blended_allocation: Fractions::from_ten_thousandths(blended),
            model_version: Arc::clone(&self.model_version),
        }
    }

    /// [`PersonaModel::predict`] for many profiles, in order.
    pub fn predict_many(&self, profiles: &[Profile]) -> Vec<BlendedClassification> {
        profiles.iter().map(|p| self.predict(p)).collect()
    }
}

/// Four-decimal weights summing to exactly 10,000 (largest remainder, ties to CG, BV, AB).
fn ten_thousandths(p: [f64; 3]) -> [i64; 3] {
    let total: f64 = p.iter().sum();
    let scaled = p.map(|v| {
        if total > 0.0 {
            v / total * 10_000.0
        } else {
            0.0
        }
    });
    let mut floors = scaled.map(|v| v.floor().clamp(0.0, 10_000.0) as i64);
    let mut order = [0usize, 1, 2];
    order.sort_by(|a, b| {
        let ra =
            scaled.get(*a).copied().unwrap_or(0.0) - floors.get(*a).copied().unwrap_or(0) as f64;
        let rb =
            scaled.get(*b).copied().unwrap_or(0.0) - floors.get(*b).copied().unwrap_or(0) as f64;
        rb.partial_cmp(&ra)
            .unwrap_or(Ordering::Equal)
            .then(a.cmp(b))
    });
    let left = 10_000 - floors.iter().sum::<i64>();
    for i in order
        .iter()
        .cycle()
        .take(usize::try_from(left.max(0)).unwrap_or(0))
    {
        if let Some(f) = floors.get_mut(*i) {
            *f += 1;
        }
    }
    floors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_one() {
        assert_eq!(ten_thousandths([1.0, 1.0, 1.0]), [3334, 3333, 3333]);
        assert_eq!(ten_thousandths([0.0, 0.0, 1.0]), [0, 0, 10_000]);
        assert_eq!(ten_thousandths([0.5, 0.25, 0.25]), [5000, 2500, 2500]);
    }
}
