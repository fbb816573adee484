//! Errors of the persona module.

/// Why a scoring table, a training run or a prediction was refused.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum PersonaError {
    /// A scoring table could not be read or breaks a rule.
    #[error("rules: {rule}")]
    #[strum(serialize = "persona_rules")]
    Rules {
        /// What is wrong, in words.
        rule: String,
    },
    /// `k` is zero, above the limit, or above the number of distinct profiles.
    #[error("k: {rule}")]
    #[strum(serialize = "persona_k")]
    K {
        /// What is wrong, in words.
        rule: String,
    },
    /// The training population is empty or too large, or k-means failed.
    #[error("profiles: {rule}")]
    #[strum(serialize = "persona_training")]
    Training {
        /// What is wrong, in words.
        rule: String,
    },
    /// The progress callback asked to stop (`ControlFlow::Break`).
    #[error("profiles: training was cancelled by the progress callback")]
    #[strum(serialize = "persona_cancelled")]
    Cancelled,
}

impl PersonaError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Rules { .. } => "rules",
            Self::K { .. } => "k",
            Self::Training { .. } | Self::Cancelled => "profiles",
        }
    }
}

/// Why a persona model could not be saved or loaded.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum ModelError {
    /// A model name or version that is not allowed (names: 1–64 of `A–Z a–z 0–9 _ -`;
    /// versions: 1–64 of digits, `.` and `_`, starting and ending with a digit).
    #[error("{field}: {rule}")]
    #[strum(serialize = "model_name")]
    Name {
        /// `name` or `version`.
        field: &'static str,
        /// The rule.
        rule: &'static str,
    },
    /// No file for this name (and version) in the directory.
    #[error("model: no saved model with this name and version")]
    #[strum(serialize = "model_not_found")]
    NotFound,
    /// A file for this name and version exists already; versions are never overwritten.
    #[error("model: this name and version is saved already; versions are never overwritten")]
    #[strum(serialize = "model_exists")]
    Exists,
    /// The path names something other than a regular file (a directory, FIFO, socket
    /// or device); nothing is read from it.
    #[error("model: the path is not a regular file")]
    #[strum(serialize = "model_not_regular")]
    NotAFile,
    /// The file is not a valid model.
    #[error("model: the file is not a valid persona model ({rule})")]
    #[strum(serialize = "model_corrupt")]
    Corrupt {
        /// What is wrong.
        rule: String,
    },
    /// The file was written by a newer or unknown format version.
    #[error(
        "model: format version {found} is not supported (this library reads version {supported})"
    )]
    #[strum(serialize = "model_format_version")]
    FormatVersion {
        /// The version in the file.
        found: u64,
        /// The version this library reads.
        supported: u64,
    },
    /// The file system refused (the OS error kind only; paths are not echoed).
    #[error("model: the file could not be {action} ({kind})")]
    #[strum(serialize = "model_io")]
    Io {
        /// "read", "written" or "listed".
        action: &'static str,
        /// The OS error kind.
        kind: String,
    },
}

impl ModelError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        self.into()
    }

    /// The field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Name { field, .. } => field,
            _ => "model",
        }
    }
}
