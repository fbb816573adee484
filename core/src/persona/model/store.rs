//! The model file: saving and loading versioned files, their checks, model names and
//! the order of versions.

use std::cmp::Ordering;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::train::{persona_for_rank, risk};
use super::{
    PersonaModel, TrainingInfo, ENCODING, FEATURES, FORMAT_NAME, MAX_K, MAX_MODEL_FILE,
    MODEL_FORMAT_VERSION,
};
use crate::persona::{ModelError, PersonaId};

impl PersonaModel {
    /// Saves the model as `{dir}/{name}_v{version}.json` and returns the path. A saved
    /// version is immutable: a second save of the same name and version, even racing
    /// from another thread or process, fails with `model_exists`. The file appears whole
    /// or not at all: written to an exclusively created temporary file with an
    /// unpredictable name, synced, moved into place without replacing anything, and the
    /// directory synced. The file is readable by its owner only (mode 0600 on Unix). Names are 1–64 of `A–Z a–z 0–9 _ -`;
    /// versions 1–64 of digits, `.` and `_`, starting and ending with a digit — for
    /// example [`version_from_unix`]'s `20261126_054500`.
    pub fn save(&self, dir: &Path, name: &str, version: &str) -> Result<PathBuf, ModelError> {
        check_name(name)?;
        check_version(version)?;
        let text = self.file_text(Some(name), Some(version))?;
        let path = dir.join(format!("{name}_v{version}.json"));
        if fs::symlink_metadata(&path).is_ok() {
            return Err(ModelError::Exists);
        }
        write_new(dir, &path, text.as_bytes())?;
        Ok(path)
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
        let text = read_regular(&path)?;
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

    /// The model as the text of a model file — what [`PersonaModel::save`] writes, with
    /// the model's own name and version, or none for a model not saved yet — to ship it
    /// to workers or keep it elsewhere than a directory. [`PersonaModel::from_json`]
    /// reads it back equal: centroids are written as the shortest decimal that reads
    /// back as the same `f64`.
    pub fn to_json(&self) -> Result<String, ModelError> {
        self.file_text(self.name.as_deref(), self.version.as_deref())
    }

    fn file_text(&self, name: Option<&str>, version: Option<&str>) -> Result<String, ModelError> {
        let file = ModelFile {
            format: FORMAT_NAME.to_owned(),
            format_version: MODEL_FORMAT_VERSION,
            name: name.map(str::to_owned),
            version: version.map(str::to_owned),
            encoding: ENCODING.to_owned(),
            features: FEATURES.iter().map(|f| (*f).to_owned()).collect(),
            centroids: self.centroids.clone(),
            personas: self.personas.clone(),
            training: self.training.clone(),
        };
        serde_json::to_string_pretty(&file).map_err(|e| ModelError::Corrupt {
            rule: e.to_string(),
        })
    }

    /// Reads a model file's text (what [`PersonaModel::save`] and
    /// [`PersonaModel::to_json`] write), with every check of [`PersonaModel::load`]
    /// except the file name. A text without a name and version (an unsaved model's)
    /// gives a model whose `model_version` is the trained one's (`kmeans-k3-seed42`).
    pub fn from_json(text: &str) -> Result<PersonaModel, ModelError> {
        let corrupt = |rule: &str| ModelError::Corrupt {
            rule: rule.to_owned(),
        };
        if text.len() as u64 > MAX_MODEL_FILE {
            return Err(corrupt("larger than 1 MiB"));
        }
        let value = crate::json::parse(text).map_err(|e| match e {
            crate::json::JsonTextError::Syntax { .. } => corrupt("not valid JSON"),
            crate::json::JsonTextError::DuplicateKey { .. } => {
                corrupt("a key appears twice in one object")
            }
        })?;
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
        match (&file.name, &file.version) {
            (Some(name), Some(version)) => {
                check_name(name).map_err(|_| corrupt("the name is not allowed"))?;
                check_version(version).map_err(|_| corrupt("the version is not allowed"))?;
            }
            (None, None) => {}
            _ => {
                return Err(corrupt(
                    "a name without a version, or a version without a name",
                ))
            }
        }
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
        let model_version = match (&file.name, &file.version) {
            (Some(name), Some(version)) => format!("{name}_v{version}"),
            _ => super::train::trained_model_version(k, file.training.seed),
        };
        Ok(PersonaModel {
            model_version: Arc::from(model_version),
            name: file.name,
            version: file.version,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    encoding: String,
    features: Vec<String>,
    centroids: Vec<[f64; 6]>,
    personas: Vec<PersonaId>,
    training: TrainingInfo,
}

fn io(action: &'static str) -> impl Fn(std::io::Error) -> ModelError {
    move |e| ModelError::Io {
        action,
        kind: e.kind().to_string(),
    }
}

/// Writes `bytes` as the new file `path`, or fails with `model_exists` if it is there.
/// The bytes go to a temporary file of `dir` with an unpredictable name, created
/// exclusively (no symlink planted in the directory is followed), synced, then moved to
/// `path` without replacing anything (`renameat2(RENAME_NOREPLACE)`, or a hard link
/// where that is missing), and the directory is synced: a reader sees no file or the
/// whole file, and of two saves of one version exactly one succeeds.
fn write_new(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), ModelError> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".sparrow-model-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io("written"))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(io("written"))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            ModelError::Exists
        } else {
            io("written")(e.error)
        }
    })?;
    sync_dir(dir).map_err(io("written"))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    // Directories cannot be opened for syncing on this platform; the rename is durable
    // once the file system flushes its metadata.
    Ok(())
}

/// Opens without blocking (a FIFO or device planted under the model's name must not
/// hang the caller), then refuses anything that is not a regular file before reading
/// at most [`MAX_MODEL_FILE`] bytes.
fn read_regular(path: &Path) -> Result<String, ModelError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ModelError::NotFound),
        Err(e) => return Err(io("read")(e)),
    };
    if !file.metadata().map_err(io("read"))?.is_file() {
        return Err(ModelError::NotAFile);
    }
    let mut text = String::new();
    file.take(MAX_MODEL_FILE + 1)
        .read_to_string(&mut text)
        .map_err(|e| ModelError::Corrupt {
            rule: format!("not UTF-8 text ({})", e.kind()),
        })?;
    if text.len() as u64 > MAX_MODEL_FILE {
        return Err(ModelError::Corrupt {
            rule: "larger than 1 MiB".to_owned(),
        });
    }
    Ok(text)
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
    fn unsaved_models_round_trip_as_text() {
        let profiles = crate::persona::synthetic_profiles(300, 7).unwrap();
        let options = crate::persona::TrainOptions {
            k: 3,
            ..crate::contract::default_train_options()
        };
        let m = crate::persona::train_personas_with(&profiles, &options, None).unwrap();
        let text = m.to_json().unwrap();
        assert!(!text.contains("\"name\""), "{text}");
        let back = PersonaModel::from_json(&text).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.model_version(), m.model_version());
        // Saved, it carries its name and version in the text too.
        let dir = tempfile::tempdir().unwrap();
        m.save(dir.path(), "p", "1").unwrap();
        let saved = PersonaModel::load(dir.path(), "p", Some("1")).unwrap();
        let again = PersonaModel::from_json(&saved.to_json().unwrap()).unwrap();
        assert_eq!((again.name(), again.version()), (Some("p"), Some("1")));
        assert_eq!(again, saved);
        // Half a name is corrupt.
        let half = text.replacen("{", "{\n  \"name\": \"p\",", 1);
        assert_eq!(
            PersonaModel::from_json(&half).unwrap_err().code(),
            "model_corrupt"
        );
    }
}
