//! Errors of the persona module.

/// Why a scoring table, a training run or a prediction was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PersonaError {
    /// A scoring table could not be read or breaks a rule.
    #[error("rules: {rule}")]
    Rules {
        /// What is wrong, in words.
        rule: String,
    },
    /// `k` is zero, above the limit, or above the number of distinct profiles.
    #[error("k: {rule}")]
    K {
        /// What is wrong, in words.
        rule: String,
    },
    /// The training population is empty or too large, or k-means failed.
    #[error("profiles: {rule}")]
    Training {
        /// What is wrong, in words.
        rule: String,
    },
}

impl PersonaError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &["persona_rules", "persona_k", "persona_training"];

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Rules { .. } => "persona_rules",
            Self::K { .. } => "persona_k",
            Self::Training { .. } => "persona_training",
        }
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Rules { .. } => "rules",
            Self::K { .. } => "k",
            Self::Training { .. } => "profiles",
        }
    }
}

/// Why a persona model could not be saved or loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A model name or version that is not allowed (names: 1–64 of `A–Z a–z 0–9 _ -`;
    /// versions: 1–64 of digits, `.` and `_`, starting and ending with a digit).
    #[error("{field}: {rule}")]
    Name {
        /// `name` or `version`.
        field: &'static str,
        /// The rule.
        rule: &'static str,
    },
    /// No file for this name (and version) in the directory.
    #[error("model: no saved model with this name and version")]
    NotFound,
    /// A file for this name and version exists already; versions are never overwritten.
    #[error("model: this name and version is saved already; versions are never overwritten")]
    Exists,
    /// The file is not a valid model.
    #[error("model: the file is not a valid persona model ({rule})")]
    Corrupt {
        /// What is wrong.
        rule: String,
    },
    /// The file was written by a newer or unknown format version.
    #[error(
        "model: format version {found} is not supported (this library reads version {supported})"
    )]
    FormatVersion {
        /// The version in the file.
        found: u64,
        /// The version this library reads.
        supported: u64,
    },
    /// The file system refused (the OS error kind only; paths are not echoed).
    #[error("model: the file could not be {action} ({kind})")]
    Io {
        /// "read", "written" or "listed".
        action: &'static str,
        /// The OS error kind.
        kind: String,
    },
}

impl ModelError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = &[
        "model_name",
        "model_not_found",
        "model_exists",
        "model_corrupt",
        "model_format_version",
        "model_io",
    ];

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Name { .. } => "model_name",
            Self::NotFound => "model_not_found",
            Self::Exists => "model_exists",
            Self::Corrupt { .. } => "model_corrupt",
            Self::FormatVersion { .. } => "model_format_version",
            Self::Io { .. } => "model_io",
        }
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Name { field, .. } => field,
            _ => "model",
        }
    }
}
