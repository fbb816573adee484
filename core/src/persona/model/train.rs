//! Training: the options, the k-means runs (Lloyd steps or mini-batches, both
//! linfa-clustering's) and the labelling of clusters by risk.

use std::cmp::Ordering;
use std::ops::ControlFlow;
use std::sync::Arc;

use linfa::traits::{Fit, FitWith, Transformer};
use linfa::DatasetBase;
use linfa_clustering::{IncrKMeansError, KMeans, KMeansInit};
use linfa_nn::distance::Distance;
use ndarray::{Array2, ArrayView, Axis, Dimension};
use rand::seq::SliceRandom;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;

use super::encode::too_many;
use super::{
    PersonaModel, TrainingInfo, TrainingSet, ALGORITHM, MAX_K, MAX_TRAINING_PROFILES,
    MINI_BATCH_ALGORITHM,
};
use crate::persona::{PersonaError, PersonaId};
use crate::profile::Profile;

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Number of clusters, 1–16 (default 3, one per persona).
    pub k: usize,
    /// Seed of the k-means++ seeding (default 42).
    pub seed: u64,
    /// Most Lloyd steps (default 300).
    pub max_iterations: u32,
    /// Converged when the centroids' squared movement in a step (summed over centroids
    /// and features) is at most `tolerance × ` the mean variance of the features — the
    /// criterion and default of scikit-learn's KMeans (default 1e-4).
    pub tolerance: f64,
    /// Start from these centroids instead of the k-means++ seeding (one per cluster,
    /// finite, in feature space) — to compare with another implementation from the same
    /// start. Default `None`.
    pub init: Option<Vec<[f64; 6]>>,
    /// Which k-means (default [`TrainAlgorithm::Lloyd`]).
    pub algorithm: TrainAlgorithm,
}

/// The k-means variant [`train_personas_with`] runs; both are linfa-clustering's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrainAlgorithm {
    /// Classic k-means: every step assigns every profile (`KMeans::fit`). The default.
    #[default]
    Lloyd,
    /// Mini-batch k-means (`KMeans::fit_with`): each step moves the centroids by one
    /// batch of profiles, the batches taken in a seeded random order. Much faster on large
    /// populations at a slightly higher inertia (about +0.1 % on a million synthetic
    /// profiles). `max_iterations` then counts passes over the data, and progress is
    /// reported per batch.
    MiniBatch {
        /// Profiles per batch (at least k; larger than the population means one batch).
        batch_size: usize,
    },
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            k: 3,
            seed: 42,
            max_iterations: 300,
            tolerance: 1e-4,
            init: None,
            algorithm: TrainAlgorithm::Lloyd,
        }
    }
}

/// Reported after each Lloyd step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainProgress {
    /// Steps done (1-based).
    pub iteration: u32,
    /// The most steps that will be done.
    pub max_iterations: u32,
    /// Mean squared distance of the profiles to the centroids the step started from.
    pub inertia: f64,
    /// How far the centroids moved in this step: the squared movement summed over
    /// centroids and features (`None` for the first step, which starts from the
    /// seeding).
    pub shift: Option<f64>,
}

/// Trains a persona model with default options except `k` and `seed`; see
/// [`train_personas_with`].
pub fn train_personas(
    profiles: &[Profile],
    k: usize,
    seed: u64,
) -> Result<PersonaModel, PersonaError> {
    train_personas_with(
        profiles,
        &TrainOptions {
            k,
            seed,
            ..TrainOptions::default()
        },
        None,
    )
}

/// Trains a persona model: encodes the profiles ([`FEATURES`](super::FEATURES)), seeds k centroids with
/// k-means++ and runs Lloyd steps with linfa-clustering until the centroids move less
/// than the tolerance or the cap is reached, calling `on_progress` after each step.
/// A callback that returns `ControlFlow::Break(())` cancels the training, which then
/// fails with [`PersonaError::Cancelled`] (`persona_cancelled`) — how Python's
/// `on_progress` exceptions and Node's `AbortSignal` stop a run.
///
/// linfa 0.8's `fit` has neither an iteration hook nor a convergence flag, so each step
/// is one `fit` with `max_n_iterations(1)` started from the previous centroids
/// (`KMeansInit::Precomputed`); the cost per step is the same as inside linfa's own loop.
/// The result is the lowest-inertia centroids seen, flagged `converged: false` if the
/// cap was hit. Convergence is scikit-learn's criterion (squared centroid movement at
/// most `tolerance` × the mean feature variance). Same profiles and seed → an identical
/// model. Clusters are ordered by
/// risk (sum of features) and labelled Capital Guardian … Accelerated Builder spread
/// evenly over the ranks (for k = 3, one each).
///
/// ```
/// use sparrow_core::persona::{synthetic_profiles, train_personas, PersonaId};
/// let profiles = synthetic_profiles(2_000, 7).unwrap();
/// let model = train_personas(&profiles, 3, 42).unwrap();
/// assert_eq!(model.personas(), [PersonaId::CapitalGuardian, PersonaId::BalancedVoyager,
///                               PersonaId::AcceleratedBuilder]);
/// assert_eq!(model, train_personas(&profiles, 3, 42).unwrap());
/// ```
pub fn train_personas_with(
    profiles: &[Profile],
    options: &TrainOptions,
    on_progress: Option<&mut dyn FnMut(TrainProgress) -> ControlFlow<()>>,
) -> Result<PersonaModel, PersonaError> {
    check_k(options.k)?;
    if profiles.is_empty() {
        return Err(no_profiles());
    }
    if profiles.len() > MAX_TRAINING_PROFILES {
        return Err(too_many());
    }
    check_options(options)?;
    train_personas_on(TrainingSet::from_profiles(profiles)?, options, on_progress)
}

/// [`train_personas_with`] over profiles already encoded into a [`TrainingSet`]: the
/// same checks, steps and result as for the profiles it was built from, in the same
/// order. The set becomes the feature block the k-means reads (48 B a profile).
pub fn train_personas_on(
    set: TrainingSet,
    options: &TrainOptions,
    mut on_progress: Option<&mut dyn FnMut(TrainProgress) -> ControlFlow<()>>,
) -> Result<PersonaModel, PersonaError> {
    let k = options.k;
    check_k(k)?;
    if set.is_empty() {
        return Err(no_profiles());
    }
    check_options(options)?;
    let distinct = set.distinct_up_to_max_k();
    if distinct < k {
        return Err(PersonaError::K {
            rule: format!("is larger than the number of distinct profiles ({distinct})"),
        });
    }
    let threshold = options.tolerance * set.mean_variance();
    let n_profiles = set.len();
    let records = Array2::from_shape_vec((n_profiles, 6), set.into_features())
        .map_err(|e| training_error(&e))?;
    let dataset = DatasetBase::from(records);

    let seeding = match &options.init {
        None => KMeansInit::KMeansPlusPlus,
        Some(rows) => {
            if rows.len() != k || rows.iter().flatten().any(|v| !v.is_finite()) {
                return Err(PersonaError::Training {
                    rule: "init (a warm start's centroids) must have k rows of finite numbers"
                        .to_owned(),
                });
            }
            let flat: Vec<f64> = rows.iter().flatten().copied().collect();
            KMeansInit::Precomputed(
                Array2::from_shape_vec((k, 6), flat).map_err(|e| training_error(&e))?,
            )
        }
    };
    let run = match options.algorithm {
        TrainAlgorithm::Lloyd => lloyd(&dataset, options, seeding, threshold, &mut on_progress)?,
        TrainAlgorithm::MiniBatch { batch_size } => {
            if batch_size < k {
                return Err(PersonaError::Training {
                    rule: "batch_size must be at least k".to_owned(),
                });
            }
            mini_batch(
                &dataset,
                options,
                seeding,
                threshold,
                batch_size,
                &mut on_progress,
            )?
        }
    };
    let Run {
        inertia,
        centroids,
        iterations,
        converged,
        algorithm,
    } = run;

    let mut rows: Vec<[f64; 6]> = centroids
        .rows()
        .into_iter()
        .map(|r| {
            let mut a = [0.0; 6];
            for (slot, v) in a.iter_mut().zip(r.iter()) {
                *slot = *v;
            }
            a
        })
        .collect();
    rows.sort_by(|a, b| risk(a).partial_cmp(&risk(b)).unwrap_or(Ordering::Equal));
    let personas = (0..rows.len())
        .map(|rank| persona_for_rank(rank, rows.len()))
        .collect();
    Ok(PersonaModel {
        name: None,
        version: None,
        model_version: Arc::from(trained_model_version(k, options.seed)),
        centroids: rows,
        personas,
        training: TrainingInfo {
            profiles: n_profiles as u64,
            k: k as u64,
            seed: options.seed,
            iterations,
            max_iterations: options.max_iterations,
            tolerance: options.tolerance,
            converged,
            inertia,
            algorithm: algorithm.to_owned(),
        },
    })
}

/// Euclidean distance for linfa's k-means, reading contiguous rows as plain slices.
///
/// linfa's own `L2Dist` goes through ndarray-stats' generic `sq_l2_dist`, which was two
/// thirds of the training time on six features (perf); this computes the same sums
/// (squared differences, added left to right) over slices, which the compiler
/// vectorises. Views that are not contiguous take the same sum through iterators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SquaredEuclidean;

impl Distance<f64> for SquaredEuclidean {
    #[inline]
    fn distance<D: Dimension>(&self, a: ArrayView<f64, D>, b: ArrayView<f64, D>) -> f64 {
        self.rdistance(a, b).sqrt()
    }

    #[inline]
    fn rdistance<D: Dimension>(&self, a: ArrayView<f64, D>, b: ArrayView<f64, D>) -> f64 {
        match (a.as_slice(), b.as_slice()) {
            (Some(x), Some(y)) => x.iter().zip(y).map(|(p, q)| (p - q) * (p - q)).sum(),
            _ => a.iter().zip(b.iter()).map(|(p, q)| (p - q) * (p - q)).sum(),
        }
    }

    #[inline]
    fn rdist_to_dist(&self, rdist: f64) -> f64 {
        rdist.sqrt()
    }

    #[inline]
    fn dist_to_rdist(&self, dist: f64) -> f64 {
        dist * dist
    }
}

/// The outcome of one k-means run.
struct Run {
    inertia: f64,
    centroids: Array2<f64>,
    iterations: u32,
    converged: bool,
    algorithm: &'static str,
}

type Progress<'a> = Option<&'a mut dyn FnMut(TrainProgress) -> ControlFlow<()>>;

/// Reports progress; a callback that answers `Break` cancels the training.
fn report(on_progress: &mut Progress<'_>, p: TrainProgress) -> Result<(), PersonaError> {
    match on_progress.as_mut().map(|cb| cb(p)) {
        Some(ControlFlow::Break(())) => Err(PersonaError::Cancelled),
        _ => Ok(()),
    }
}

fn check_k(k: usize) -> Result<(), PersonaError> {
    if k == 0 || k > MAX_K {
        return Err(PersonaError::K {
            rule: format!("must be from 1 to {MAX_K}"),
        });
    }
    Ok(())
}

fn check_options(options: &TrainOptions) -> Result<(), PersonaError> {
    if options.max_iterations == 0 || !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return Err(PersonaError::Training {
            rule: "max_iterations must be at least 1 and tolerance a positive number".to_owned(),
        });
    }
    Ok(())
}

fn no_profiles() -> PersonaError {
    PersonaError::Training {
        rule: "at least one profile is required".to_owned(),
    }
}

fn training_error(e: &dyn std::fmt::Display) -> PersonaError {
    PersonaError::Training {
        rule: format!("k-means failed: {e}"),
    }
}

/// Lloyd steps, one `fit` each from the previous centroids (see [`train_personas_with`]).
fn lloyd(
    dataset: &DatasetBase<Array2<f64>, ndarray::Array1<()>>,
    options: &TrainOptions,
    seeding: KMeansInit<f64>,
    threshold: f64,
    on_progress: &mut Progress<'_>,
) -> Result<Run, PersonaError> {
    let step = |init: KMeansInit<f64>| {
        KMeans::params_with(
            options.k,
            Xoshiro256Plus::seed_from_u64(options.seed),
            SquaredEuclidean,
        )
        .n_runs(1)
        .max_n_iterations(1)
        .tolerance(f64::MIN_POSITIVE)
        .init_method(init)
        .fit(dataset)
    };
    let first = step(seeding).map_err(|e| training_error(&e))?;
    let mut current = first.centroids().clone();
    let mut best: (f64, Array2<f64>) = (f64::INFINITY, current.clone());
    let mut iterations = 1u32;
    let mut converged = false;
    report(
        on_progress,
        TrainProgress {
            iteration: 1,
            max_iterations: options.max_iterations,
            inertia: first.inertia(),
            shift: None,
        },
    )?;
    while iterations < options.max_iterations {
        let fitted =
            step(KMeansInit::Precomputed(current.clone())).map_err(|e| training_error(&e))?;
        // `fitted.inertia()` is the mean squared distance to `current`, the centroids
        // this step started from.
        if fitted.inertia() < best.0 {
            best = (fitted.inertia(), current.clone());
        }
        let next = fitted.centroids().clone();
        let shift = (&next - &current).mapv(|v| v * v).sum();
        current = next;
        iterations += 1;
        report(
            on_progress,
            TrainProgress {
                iteration: iterations,
                max_iterations: options.max_iterations,
                inertia: fitted.inertia(),
                shift: Some(shift),
            },
        )?;
        if shift <= threshold {
            converged = true;
            break;
        }
    }
    // One more pass: its inertia is the mean squared distance to `current`.
    let last_inertia = step(KMeansInit::Precomputed(current.clone()))
        .map_err(|e| training_error(&e))?
        .inertia();
    if last_inertia <= best.0 {
        best = (last_inertia, current);
    }
    Ok(Run {
        inertia: best.0,
        centroids: best.1,
        iterations,
        converged,
        algorithm: ALGORITHM,
    })
}

/// Mini-batch k-means: linfa's `fit_with`, one batch at a time, the profiles visited in
/// a seeded random order; converged when linfa reports the centroids moved less than
/// √threshold in a batch. The result is the last model, scored on every profile.
fn mini_batch(
    dataset: &DatasetBase<Array2<f64>, ndarray::Array1<()>>,
    options: &TrainOptions,
    seeding: KMeansInit<f64>,
    threshold: f64,
    batch_size: usize,
    on_progress: &mut Progress<'_>,
) -> Result<Run, PersonaError> {
    let records = dataset.records();
    let n = records.nrows();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut Xoshiro256Plus::seed_from_u64(options.seed));
    let batch = batch_size.min(n).max(1);
    let per_pass = n.div_ceil(batch);
    let max_batches =
        u32::try_from(per_pass.saturating_mul(options.max_iterations as usize)).unwrap_or(u32::MAX);
    let params = KMeans::params_with(
        options.k,
        Xoshiro256Plus::seed_from_u64(options.seed),
        SquaredEuclidean,
    )
    .n_runs(1)
    .tolerance(threshold.sqrt().max(f64::MIN_POSITIVE))
    .init_method(seeding);
    let mut model = None;
    let mut batches = 0u32;
    let mut converged = false;
    'passes: for _ in 0..options.max_iterations {
        for chunk in order.chunks(batch) {
            let part = DatasetBase::from(records.select(Axis(0), chunk));
            batches = batches.saturating_add(1);
            let (fitted, done) = match params.fit_with(model.take(), &part) {
                Ok(m) => (m, true),
                Err(IncrKMeansError::NotConverged(m)) => (m, false),
                Err(e) => return Err(training_error(&e)),
            };
            report(
                on_progress,
                TrainProgress {
                    iteration: batches,
                    max_iterations: max_batches,
                    inertia: fitted.inertia(),
                    shift: None,
                },
            )?;
            model = Some(fitted);
            if done {
                converged = true;
                break 'passes;
            }
        }
    }
    let model = model.ok_or_else(|| training_error(&"no batch was run"))?;
    let inertia = model.transform(records).sum() / n as f64;
    Ok(Run {
        inertia,
        centroids: model.centroids().clone(),
        iterations: batches,
        converged,
        algorithm: MINI_BATCH_ALGORITHM,
    })
}

pub(super) fn risk(c: &[f64; 6]) -> f64 {
    c.iter().sum()
}

/// Spreads k ranks over the three personas: rank r of k → persona round(2r/(k−1)).
pub(super) fn persona_for_rank(rank: usize, k: usize) -> PersonaId {
    if k <= 1 {
        return PersonaId::BalancedVoyager;
    }
    let index = (4 * rank + k - 1) / (2 * (k - 1));
    PersonaId::ALL
        .get(index)
        .copied()
        .unwrap_or(PersonaId::AcceleratedBuilder)
}

/// The `model_version` of a model not saved yet.
pub(super) fn trained_model_version(k: usize, seed: u64) -> String {
    format!("kmeans-k{k}-seed{seed}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_spread_over_personas() {
        let spread = |k| {
            (0..k)
                .map(|r| persona_for_rank(r, k).index())
                .collect::<Vec<_>>()
        };
        assert_eq!(spread(1), [1]);
        assert_eq!(spread(2), [0, 2]);
        assert_eq!(spread(3), [0, 1, 2]);
        assert_eq!(spread(4), [0, 1, 1, 2]);
        assert_eq!(spread(5), [0, 1, 1, 2, 2]);
    }
}
