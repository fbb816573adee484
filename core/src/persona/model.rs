//! Persona models learned from profiles with k-means (linfa-clustering), saved and
//! loaded as versioned files — one concern a file:
//!
//! - `encode`: a profile's six features (`risk-capacity-v1`) and the encoded training set;
//! - `train`: the options, k-means runs (Lloyd, mini-batch) and cluster labelling;
//! - `predict`: fuzzy memberships to exact 4-decimal weights in the blend's shape;
//! - `store`: the versioned model file, its checks, names and version order;
//! - `reassign`: how many profiles a new model moves to another persona.

mod encode;
mod predict;
mod reassign;
mod store;
mod train;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use encode::{encode_profile, TrainingSet, FEATURES};
pub use reassign::{reassignment, Reassignment, CONFUSION_ORDER, SHARE_DECIMALS};
pub use store::{compare_versions, version_from_unix};
pub use train::{
    train_personas, train_personas_on, train_personas_with, TrainAlgorithm, TrainOptions,
    TrainProgress,
};

use super::PersonaId;

/// The model-file format this library writes and reads.
pub const MODEL_FORMAT_VERSION: u64 = 1;
/// Largest `k`.
pub const MAX_K: usize = 16;
/// Most profiles one training run accepts: 50 M. A [`TrainingSet`] holds them in 6 B
/// each while it is filled; training makes their features (48 B each, 2.4 GB) and each
/// Lloyd step's working arrays in linfa take another 16 B each.
pub const MAX_TRAINING_PROFILES: usize = 50_000_000;
/// Largest model file read, in bytes.
const MAX_MODEL_FILE: u64 = 1024 * 1024;
const FORMAT_NAME: &str = "sparrow-core/persona-model";
const ENCODING: &str = "risk-capacity-v1";
const MINI_BATCH_ALGORITHM: &str = "linfa-clustering 0.8 mini-batch k-means (fit_with): k-means++ seeding on the first batch, batches in a seeded random order";
const ALGORITHM: &str = "linfa-clustering 0.8 k-means: k-means++ seeding (Xoshiro256Plus from the seed), then one fit per Lloyd step from the previous centroids";

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
}
