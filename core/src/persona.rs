//! Personas: the rules-v2-blended classification of today's ML service (domain.md §5),
//! reproduced exactly in decimals, and persona models learned from data with k-means.
//!
//! - [`PersonaId`]: the catalogue (slug, name, risk band, description).
//! - [`ScoringTable`]: the scoring rules as data (serde-loadable; the default is
//!   domain.md §5), evaluated in a fixed order.
//! - [`classify`], [`classify_blended`] and the batch forms [`classify_many`],
//!   [`classify_blended_many`].
//! - [`train_personas`] and [`PersonaModel`]: k-means (linfa-clustering) personas with
//!   [`PersonaModel::predict`] in the shape of [`classify_blended`], saved and loaded as
//!   versioned files.
//! - [`synthetic_profiles`]: a seeded population for tests and benchmarks.
//!
//! Numbers: scores are exact decimals; a probability is the exact quotient rounded half
//! to even to 12 decimals; distribution weights and blended fractions are the exact
//! quotients rounded half to even to 4 decimals — the same digits today's service gets
//! from Python's `round` on binary floats (all 1,296 recorded examples agree).

mod error;
mod model;
mod rules;
mod synth;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use error::{ModelError, PersonaError};
pub use model::{
    compare_versions, encode_profile, reassignment, train_personas, train_personas_on,
    train_personas_with, version_from_unix, PersonaModel, Reassignment, TrainAlgorithm,
    TrainOptions, TrainProgress, TrainingInfo, TrainingSet, CONFUSION_ORDER, FEATURES, MAX_K,
    MAX_TRAINING_PROFILES, MODEL_FORMAT_VERSION, SHARE_DECIMALS,
};
pub use rules::{
    classify, classify_blended, classify_blended_many, classify_many, BlendedClassification,
    Classification, DistributionEntry, ScoreRule, ScoringTable, MAX_RULES, MAX_RULES_JSON,
    RULES_MODEL_VERSION,
};
pub use synth::synthetic_profiles;

/// One of the three personas of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PersonaId {
    /// `capital-guardian` — Capital Protection.
    #[serde(rename = "capital-guardian")]
    CapitalGuardian,
    /// `balanced-voyager` — Balanced Growth.
    #[serde(rename = "balanced-voyager")]
    BalancedVoyager,
    /// `accelerated-builder` — Accelerated Growth.
    #[serde(rename = "accelerated-builder")]
    AcceleratedBuilder,
}

impl PersonaId {
    /// The personas in their fixed order (CG, BV, AB), which breaks every tie.
    pub const ALL: [PersonaId; 3] = [
        PersonaId::CapitalGuardian,
        PersonaId::BalancedVoyager,
        PersonaId::AcceleratedBuilder,
    ];

    /// The slug, which is also the persona's id in today's JSON.
    pub const fn slug(self) -> &'static str {
        match self {
            PersonaId::CapitalGuardian => "capital-guardian",
            PersonaId::BalancedVoyager => "balanced-voyager",
            PersonaId::AcceleratedBuilder => "accelerated-builder",
        }
    }

    /// The display name.
    pub const fn name(self) -> &'static str {
        match self {
            PersonaId::CapitalGuardian => "Capital Guardian",
            PersonaId::BalancedVoyager => "Balanced Voyager",
            PersonaId::AcceleratedBuilder => "Accelerated Builder",
        }
    }

    /// The risk band.
    pub const fn risk_band(self) -> &'static str {
        match self {
            PersonaId::CapitalGuardian => "Capital Protection",
            PersonaId::BalancedVoyager => "Balanced Growth",
            PersonaId::AcceleratedBuilder => "Accelerated Growth",
        }
    }

    /// The description.
    pub const fn description(self) -> &'static str {
        match self {
            PersonaId::CapitalGuardian => {
                "Conservative investor prioritizing capital preservation with steady, low-risk returns"
            }
            PersonaId::BalancedVoyager => {
                "Balanced investor seeking moderate growth with controlled risk exposure"
            }
            PersonaId::AcceleratedBuilder => {
                "Aggressive investor focused on long-term wealth creation through high-growth investments"
            }
        }
    }

    /// The persona with this slug.
    pub fn from_slug(slug: &str) -> Option<PersonaId> {
        PersonaId::ALL.into_iter().find(|p| p.slug() == slug)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for PersonaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
