//! Persona models learned from profiles with k-means (linfa-clustering), saved and
//! loaded as versioned files.

use std::cmp::Ordering;
use std::fs;
use std::io::{Read, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use linfa::traits::{Fit, FitWith, Transformer};
use linfa::DatasetBase;
use linfa_clustering::{IncrKMeansError, KMeans, KMeansInit};
use linfa_nn::distance::Distance;
use ndarray::{Array2, ArrayView, Axis, Dimension};
use rand::seq::SliceRandom;
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;
use serde::{Deserialize, Serialize};

use super::rules::{BlendedClassification, DistributionEntry};
use super::{ModelError, PersonaError, PersonaId};
use crate::allocation::{blend_hundredths, ml_percents, Fractions};
use crate::money::Decimal;
use crate::profile::{Knowledge, Liquidity, Profile, RiskTolerance, Volatility};

/// The model-file format this library writes and reads.
pub const MODEL_FORMAT_VERSION: u64 = 1;
/// Largest `k`.
pub const MAX_K: usize = 16;
/// Most profiles one training run accepts.
pub const MAX_TRAINING_PROFILES: usize = 20_000_000;
/// Largest model file read, in bytes.
const MAX_MODEL_FILE: u64 = 1024 * 1024;
const FORMAT_NAME: &str = "sparrow-core/persona-model";
const ENCODING: &str = "risk-capacity-v1";
const MINI_BATCH_ALGORITHM: &str = "linfa-clustering 0.8 mini-batch k-means (fit_with): k-means++ seeding on the first batch, batches in a seeded random order";
const ALGORITHM: &str = "linfa-clustering 0.8 k-means: k-means++ seeding (Xoshiro256Plus from the seed), then one fit per Lloyd step from the previous centroids";

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
    let three = |i: usize| i as f64 / 2.0;
    [
        f64::from(100u8.saturating_sub(p.age())) / 82.0,
        f64::from(p.horizon_years().saturating_sub(1)) / 39.0,
        three(match p.risk_tolerance() {
            RiskTolerance::Conservative => 0,
            RiskTolerance::Moderate => 1,
            RiskTolerance::Aggressive => 2,
        }),
        three(match p.volatility() {
            Volatility::Low => 0,
            Volatility::Medium => 1,
            Volatility::High => 2,
        }),
        three(match p.liquidity() {
            Liquidity::High => 0,
            Liquidity::Medium => 1,
            Liquidity::Low => 2,
        }),
        three(match p.knowledge() {
            Knowledge::Beginner => 0,
            Knowledge::Intermediate => 1,
            Knowledge::Advanced => 2,
        }),
    ]
}

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

/// How a model was trained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingInfo {
    /// Number of training profiles.
    pub profiles: u64,
    /// `k`.
    pub k: u64,
    /// The seed.
    pub seed: u64,
    /// Lloyd steps done.
    pub iterations: u32,
    /// The iteration cap.
    pub max_iterations: u32,
    /// The convergence tolerance.
    pub tolerance: f64,
    /// Whether the centroids settled before the cap. When not, the model is the best
    /// (lowest inertia) centroids seen — usable, but flagged.
    pub converged: bool,
    /// Mean squared distance of the training profiles to the model's centroids.
    pub inertia: f64,
    /// What ran.
    pub algorithm: String,
}

/// A persona model: k centroids in the `risk-capacity-v1` feature space, ordered by
/// risk, each labelled with a persona.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaModel {
    name: Option<String>,
    version: Option<String>,
    centroids: Vec<[f64; 6]>,
    personas: Vec<PersonaId>,
    training: TrainingInfo,
    model_version: Arc<str>,
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

/// Trains a persona model: encodes the profiles ([`FEATURES`]), seeds k centroids with
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
    mut on_progress: Option<&mut dyn FnMut(TrainProgress) -> ControlFlow<()>>,
) -> Result<PersonaModel, PersonaError> {
    let k = options.k;
    if k == 0 || k > MAX_K {
        return Err(PersonaError::K {
            rule: format!("must be from 1 to {MAX_K}"),
        });
    }
    if profiles.is_empty() {
        return Err(PersonaError::Training {
            rule: "at least one profile is required".to_owned(),
        });
    }
    if profiles.len() > MAX_TRAINING_PROFILES {
        return Err(PersonaError::Training {
            rule: format!("at most {MAX_TRAINING_PROFILES} profiles are accepted"),
        });
    }
    if options.max_iterations == 0 || !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return Err(PersonaError::Training {
            rule: "max_iterations must be at least 1 and tolerance a positive number".to_owned(),
        });
    }
    let mut flat = Vec::with_capacity(profiles.len().saturating_mul(6));
    let (mut sums, mut squares) = ([0.0f64; 6], [0.0f64; 6]);
    let mut distinct: Vec<[u64; 6]> = Vec::with_capacity(k);
    for p in profiles {
        let row = encode_profile(p);
        if distinct.len() < k {
            let bits = row.map(f64::to_bits);
            if !distinct.contains(&bits) {
                distinct.push(bits);
            }
        }
        for ((s, q), v) in sums.iter_mut().zip(squares.iter_mut()).zip(row) {
            *s += v;
            *q += v * v;
        }
        flat.extend_from_slice(&row);
    }
    if distinct.len() < k {
        return Err(PersonaError::K {
            rule: format!(
                "is larger than the number of distinct profiles ({})",
                distinct.len()
            ),
        });
    }
    let n = profiles.len() as f64;
    let mean_variance = sums
        .iter()
        .zip(squares)
        .map(|(s, q)| (q / n - (s / n) * (s / n)).max(0.0))
        .sum::<f64>()
        / 6.0;
    let threshold = options.tolerance * mean_variance;
    let records =
        Array2::from_shape_vec((profiles.len(), 6), flat).map_err(|e| training_error(&e))?;
    let dataset = DatasetBase::from(records);

    let seeding = match &options.init {
        None => KMeansInit::KMeansPlusPlus,
        Some(rows) => {
            if rows.len() != k || rows.iter().flatten().any(|v| !v.is_finite()) {
                return Err(PersonaError::Training {
                    rule: "init must have k rows of finite numbers".to_owned(),
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
        model_version: Arc::from(format!("kmeans-k{k}-seed{}", options.seed)),
        centroids: rows,
        personas,
        training: TrainingInfo {
            profiles: profiles.len() as u64,
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

fn risk(c: &[f64; 6]) -> f64 {
    c.iter().sum()
}

/// Spreads k ranks over the three personas: rank r of k → persona round(2r/(k−1)).
fn persona_for_rank(rank: usize, k: usize) -> PersonaId {
    if k <= 1 {
        return PersonaId::BalancedVoyager;
    }
    let index = (4 * rank + k - 1) / (2 * (k - 1));
    PersonaId::ALL
        .get(index)
        .copied()
        .unwrap_or(PersonaId::AcceleratedBuilder)
}

impl PersonaModel {
    /// The centroids in feature space ([`FEATURES`] order), lowest risk first.
    pub fn centroids(&self) -> &[[f64; 6]] {
        &self.centroids
    }
    /// The persona of each centroid.
    pub fn personas(&self) -> &[PersonaId] {
        &self.personas
    }
    /// How the model was trained.
    pub fn training(&self) -> &TrainingInfo {
        &self.training
    }
    /// The name it was saved or loaded under.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    /// The version it was saved or loaded under.
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }
    /// The model version reported with predictions: `{name}_v{version}` once saved or
    /// loaded, `kmeans-k{k}-seed{seed}` before.
    pub fn model_version(&self) -> &str {
        &self.model_version
    }

    /// A distribution over personas for one profile, in the shape of
    /// [`classify_blended`](super::classify_blended).
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

    /// Saves the model as `{dir}/{name}_v{version}.json` and returns the path. A saved
    /// version is never overwritten (`model_exists`); the file appears whole or not at
    /// all (written aside, then linked into place). Names are 1–64 of `A–Z a–z 0–9 _ -`;
    /// versions 1–64 of digits, `.` and `_`, starting and ending with a digit — for
    /// example [`version_from_unix`]'s `20261126_054500`.
    pub fn save(&self, dir: &Path, name: &str, version: &str) -> Result<PathBuf, ModelError> {
        check_name(name)?;
        check_version(version)?;
        let file = ModelFile {
            format: FORMAT_NAME.to_owned(),
            format_version: MODEL_FORMAT_VERSION,
            name: name.to_owned(),
            version: version.to_owned(),
            encoding: ENCODING.to_owned(),
            features: FEATURES.iter().map(|f| (*f).to_owned()).collect(),
            centroids: self.centroids.clone(),
            personas: self.personas.clone(),
            training: self.training.clone(),
        };
        let text = serde_json::to_string_pretty(&file).map_err(|e| ModelError::Corrupt {
            rule: e.to_string(),
        })?;
        let path = dir.join(format!("{name}_v{version}.json"));
        if path.exists() {
            return Err(ModelError::Exists);
        }
        let tmp = dir.join(format!(
            ".{name}_v{version}.json.{}.tmp",
            std::process::id()
        ));
        let io = |action: &'static str| {
            move |e: std::io::Error| ModelError::Io {
                action,
                kind: e.kind().to_string(),
            }
        };
        let written = fs::File::create(&tmp)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
            .map_err(io("written"));
        let linked = written.and_then(|()| {
            fs::hard_link(&tmp, &path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    ModelError::Exists
                } else {
                    io("written")(e)
                }
            })
        });
        let _ = fs::remove_file(&tmp);
        linked.map(|()| path)
    }

    /// Loads `{dir}/{name}_v{version}.json`, or with `version` `None` (or `"latest"`) the
    /// highest version by [`compare_versions`] — deterministic, unlike today's newest
    /// file time. The file is checked whole: format and version, encoding and features,
    /// k finite centroids of six features in risk order with their personas, and the
    /// name and version inside matching the file name.
    pub fn load(dir: &Path, name: &str, version: Option<&str>) -> Result<PersonaModel, ModelError> {
        check_name(name)?;
        let version = match version {
            None | Some("latest") => latest_version(dir, name)?.ok_or(ModelError::NotFound)?,
            Some(v) => {
                check_version(v)?;
                v.to_owned()
            }
        };
        let path = dir.join(format!("{name}_v{version}.json"));
        let mut text = String::new();
        match fs::File::open(&path) {
            Ok(f) => {
                f.take(MAX_MODEL_FILE + 1)
                    .read_to_string(&mut text)
                    .map_err(|e| ModelError::Corrupt {
                        rule: format!("not UTF-8 text ({})", e.kind()),
                    })?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ModelError::NotFound),
            Err(e) => {
                return Err(ModelError::Io {
                    action: "read",
                    kind: e.kind().to_string(),
                })
            }
        }
        if text.len() as u64 > MAX_MODEL_FILE {
            return Err(ModelError::Corrupt {
                rule: "larger than 1 MiB".to_owned(),
            });
        }
        let model = PersonaModel::from_json(&text)?;
        if model.name.as_deref() != Some(name) || model.version.as_deref() != Some(version.as_str())
        {
            return Err(ModelError::Corrupt {
                rule: "the name or version inside does not match the file name".to_owned(),
            });
        }
        Ok(model)
    }

    /// Reads a model file's text (what [`PersonaModel::save`] writes), with every check
    /// of [`PersonaModel::load`] except the file name.
    pub fn from_json(text: &str) -> Result<PersonaModel, ModelError> {
        let corrupt = |rule: &str| ModelError::Corrupt {
            rule: rule.to_owned(),
        };
        if text.len() as u64 > MAX_MODEL_FILE {
            return Err(corrupt("larger than 1 MiB"));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|_| corrupt("not valid JSON"))?;
        if value.get("format").and_then(|v| v.as_str()) != Some(FORMAT_NAME) {
            return Err(corrupt("not a sparrow-core persona model"));
        }
        match value
            .get("format_version")
            .and_then(serde_json::Value::as_u64)
        {
            Some(MODEL_FORMAT_VERSION) => {}
            Some(found) => {
                return Err(ModelError::FormatVersion {
                    found,
                    supported: MODEL_FORMAT_VERSION,
                })
            }
            None => return Err(corrupt("format_version is missing")),
        }
        let file: ModelFile = serde_json::from_value(value).map_err(|e| ModelError::Corrupt {
            rule: format!(
                "a field is missing or malformed at line {} column {}",
                e.line(),
                e.column()
            ),
        })?;
        check_name(&file.name).map_err(|_| corrupt("the name is not allowed"))?;
        check_version(&file.version).map_err(|_| corrupt("the version is not allowed"))?;
        if file.encoding != ENCODING || file.features != FEATURES {
            return Err(corrupt("unknown feature encoding"));
        }
        let k = file.centroids.len();
        if k == 0 || k > MAX_K || file.personas.len() != k || file.training.k != k as u64 {
            return Err(corrupt("k, centroids and personas do not agree"));
        }
        if file.centroids.iter().flatten().any(|v| !v.is_finite()) {
            return Err(corrupt("a centroid is not finite"));
        }
        if file
            .centroids
            .windows(2)
            .any(|w| matches!(w, [a, b] if risk(a) > risk(b)))
        {
            return Err(corrupt("centroids are not in risk order"));
        }
        if file
            .personas
            .iter()
            .enumerate()
            .any(|(r, p)| *p != persona_for_rank(r, k))
        {
            return Err(corrupt("personas do not follow the centroids' risk order"));
        }
        Ok(PersonaModel {
            model_version: Arc::from(format!("{}_v{}", file.name, file.version)),
            name: Some(file.name),
            version: Some(file.version),
            centroids: file.centroids,
            personas: file.personas,
            training: file.training,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    format: String,
    format_version: u64,
    name: String,
    version: String,
    encoding: String,
    features: Vec<String>,
    centroids: Vec<[f64; 6]>,
    personas: Vec<PersonaId>,
    training: TrainingInfo,
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

fn check_name(name: &str) -> Result<(), ModelError> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    ok.then_some(()).ok_or(ModelError::Name {
        field: "name",
        rule: "must be 1 to 64 of A-Z, a-z, 0-9, _ and -",
    })
}

fn check_version(version: &str) -> Result<(), ModelError> {
    let bytes = version.as_bytes();
    let ok = (1..=64).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'.' || *b == b'_')
        && bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit);
    ok.then_some(()).ok_or(ModelError::Name {
        field: "version",
        rule: "must be 1 to 64 of digits, . and _, starting and ending with a digit",
    })
}

/// Orders model versions: split at `.` and `_`, compare the parts as numbers, left to
/// right; a version that is a prefix of another is older (`1.2` < `1.2.1` < `1.10`,
/// `20261126_054500` < `20261126_060000`). Equal numbers with different spellings
/// (`01` and `1`) fall back to comparing the text.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> Vec<(usize, String)> {
        s.split(['.', '_'])
            .map(|p| {
                let t = p.trim_start_matches('0');
                (t.len(), t.to_owned())
            })
            .collect()
    };
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

fn latest_version(dir: &Path, name: &str) -> Result<Option<String>, ModelError> {
    let entries = fs::read_dir(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            ModelError::NotFound
        } else {
            ModelError::Io {
                action: "listed",
                kind: e.kind().to_string(),
            }
        }
    })?;
    let prefix = format!("{name}_v");
    let mut best: Option<String> = None;
    for entry in entries {
        let entry = entry.map_err(|e| ModelError::Io {
            action: "listed",
            kind: e.kind().to_string(),
        })?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(version) = file_name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".json"))
        else {
            continue;
        };
        if check_version(version).is_err() {
            continue;
        }
        if best
            .as_deref()
            .is_none_or(|b| compare_versions(version, b) == Ordering::Greater)
        {
            best = Some(version.to_owned());
        }
    }
    Ok(best)
}

/// A version string from a time: `YYYYMMDD_HHMMSS` in UTC (today's default version,
/// domain.md §7). The caller passes the time (Unix seconds); nothing here reads the clock.
pub fn version_from_unix(unix_seconds: i64) -> Result<String, ModelError> {
    let t =
        time::OffsetDateTime::from_unix_timestamp(unix_seconds).map_err(|_| ModelError::Name {
            field: "version",
            rule: "the time is outside the supported range",
        })?;
    if !(0..=9999).contains(&t.year()) {
        return Err(ModelError::Name {
            field: "version",
            rule: "the time is outside the supported range",
        });
    }
    Ok(format!(
        "{:04}{:02}{:02}_{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    ))
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

    #[test]
    fn versions_order() {
        assert_eq!(compare_versions("1.2", "1.10"), Ordering::Less);
        assert_eq!(compare_versions("1.2", "1.2.1"), Ordering::Less);
        assert_eq!(
            compare_versions("20261126_054500", "20261126_060000"),
            Ordering::Less
        );
        assert_eq!(compare_versions("10", "9"), Ordering::Greater);
        assert_eq!(compare_versions("01", "1"), Ordering::Less);
        assert_eq!(version_from_unix(0).unwrap(), "19700101_000000");
        assert_eq!(version_from_unix(1_795_671_900).unwrap(), "20261126_054500");
        assert!(version_from_unix(i64::MAX).is_err());
        assert!(check_version("1a").is_err());
        assert!(check_version("_1").is_err());
        assert!(check_name("a/b").is_err());
        assert!(check_name("").is_err());
    }

    #[test]
    fn weights_sum_to_one() {
        assert_eq!(ten_thousandths([1.0, 1.0, 1.0]), [3334, 3333, 3333]);
        assert_eq!(ten_thousandths([0.0, 0.0, 1.0]), [0, 0, 10_000]);
        assert_eq!(ten_thousandths([0.5, 0.25, 0.25]), [5000, 2500, 2500]);
    }
}
