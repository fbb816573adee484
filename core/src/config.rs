//! Production configuration checks (domain.md §4; the guide's §2.1, §2.3, §7.2).
//!
//! [`check_env`] takes the variables as a mapping (never the process environment) and
//! returns every problem as `{variable, code, message}`; messages name the variable
//! and the rule, never the value. [`parse_env_file`] reads a `.env` file for the
//! `preflight` example.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use url::Url;

use crate::jwt::{check_secret, Lifetime};

/// Largest `.env` text [`parse_env_file`] reads, in bytes.
pub const MAX_ENV_FILE: usize = 256 * 1024;
/// Database passwords refused as placeholders (compared case-insensitively).
pub const PLACEHOLDER_PASSWORDS: &[&str] = &[
    "password",
    "postgres",
    "changeme",
    "change-me",
    "secret",
    "admin",
    "root",
    "user",
    "test",
    "<generate-strong-password>",
];

/// One configuration problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvProblem {
    /// The variable.
    pub variable: String,
    /// The stable code.
    pub code: &'static str,
    /// What is wrong, naming the variable and the rule (never the value).
    pub message: String,
}

impl fmt::Display for EnvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.variable, self.message, self.code)
    }
}

/// Every code an [`EnvProblem`] can have.
pub const ENV_CODES: &[&str] = &[
    "env_missing",
    "env_invalid",
    "env_placeholder",
    "env_weak_secret",
    "env_cors_wildcard",
    "env_cors_insecure",
    "env_default_credential",
];

/// The environment a configuration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeEnv {
    /// `production`: every rule applies.
    Production,
    /// Anything else (`development`, `test`, …): the rules that hold everywhere.
    Other,
}

/// Checks a configuration for `node_env` (when `None`, the mapping's `NODE_ENV`, and
/// when that is absent, `development`, as today) and returns every problem.
///
/// Everywhere: `JWT_SECRET` is required and must pass [`check_secret`] (so the old
/// `super-secret` is refused); `JWT_EXPIRES_IN`, if set, must be a lifetime of at least
/// one second in the `ms` notation; ports are 1–65535; URLs parse; `ML_SERVICE_URL` is
/// `host:port`; no value is a `<placeholder>`; MinIO keys are required once
/// `MINIO_ENDPOINT` is set; database passwords (in `DATABASE_URL` and
/// `POSTGRES_PASSWORD`) are not placeholders. In production also: `DATABASE_URL` and
/// `CORS_ORIGINS` are required; each CORS origin is an `https` origin (scheme, host,
/// optional port — no path, no trailing slash, no wildcard: browsers send `Origin`
/// without a slash and the backend compares exactly); MinIO keys are not `minioadmin`.
///
/// ```
/// use std::collections::BTreeMap;
/// use sparrow_core::config::check_env;
/// let env = BTreeMap::from([("JWT_SECRET".to_string(), "super-secret".to_string())]);
/// let problems = check_env(&env, Some("production"));
/// let codes: Vec<_> = problems.iter().map(|p| (p.variable.as_str(), p.code)).collect();
/// assert_eq!(codes, [("JWT_SECRET", "env_weak_secret"), ("DATABASE_URL", "env_missing"),
///                    ("CORS_ORIGINS", "env_missing")]);
/// ```
pub fn check_env(vars: &BTreeMap<String, String>, node_env: Option<&str>) -> Vec<EnvProblem> {
    let env_name = node_env
        .or_else(|| vars.get("NODE_ENV").map(String::as_str))
        .unwrap_or("development");
    let production = env_name == "production";
    // A <placeholder> is the one problem worth reporting for its variable: it is
    // reported here, and the checker records nothing else about that variable.
    let problems = vars
        .iter()
        .filter(|(_, value)| is_placeholder(value))
        .map(|(name, _)| EnvProblem {
            variable: name.clone(),
            code: "env_placeholder",
            message: "is still a <placeholder> from the template".to_owned(),
        })
        .collect();
    let mut c = Checker { vars, problems };
    match c.get("JWT_SECRET") {
        None => c.problem(
            "JWT_SECRET",
            "env_missing",
            "is required (there is no fallback)",
        ),
        Some(secret) => {
            if let Err(e) = check_secret(secret.as_bytes()) {
                let rule = e.to_string();
                let rule = rule.trim_start_matches("jwt secret: ").to_owned();
                c.problem("JWT_SECRET", "env_weak_secret", &rule);
            }
        }
    }
    if let Some(v) = c.get("JWT_EXPIRES_IN") {
        if let Err(e) = Lifetime::Text(v.to_owned()).seconds() {
            let rule = e.to_string();
            c.problem(
                "JWT_EXPIRES_IN",
                "env_invalid",
                rule.trim_start_matches("duration: "),
            );
        }
    }
    for port in ["PORT", "REDIS_PORT", "MINIO_PORT"] {
        if let Some(v) = c.get(port) {
            if !v.parse::<u16>().is_ok_and(|p| p > 0) {
                c.problem(port, "env_invalid", "must be a port number from 1 to 65535");
            }
        }
    }
    c.database(production);
    c.cors(production);
    c.minio(production);
    if let Some(v) = c.get("ML_SERVICE_URL") {
        let ok = v.rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty() && !host.contains('/') && port.parse::<u16>().is_ok_and(|p| p > 0)
        });
        if !ok {
            c.problem(
                "ML_SERVICE_URL",
                "env_invalid",
                "must be a gRPC host:port such as ml-service:3503",
            );
        }
    }
    for name in ["ML_SERVICE_HTTP_URL", "SENTRY_DSN"] {
        if let Some(v) = c.get(name) {
            let ok = Url::parse(v)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
            if !ok && !is_placeholder(v) {
                c.problem(name, "env_invalid", "must be an http(s) URL");
            }
        }
    }
    c.problems
}

fn is_placeholder(v: &str) -> bool {
    let v = v.trim();
    v.starts_with('<') && v.ends_with('>')
}

struct Checker<'a> {
    vars: &'a BTreeMap<String, String>,
    problems: Vec<EnvProblem>,
}

impl Checker<'_> {
    /// The value, if set and not empty (an empty variable counts as unset, as in Node).
    fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    fn problem(&mut self, variable: &str, code: &'static str, message: &str) {
        if self.vars.get(variable).is_some_and(|v| is_placeholder(v)) {
            return;
        }
        self.problems.push(EnvProblem {
            variable: variable.to_owned(),
            code,
            message: message.to_owned(),
        });
    }

    fn placeholder_password(&mut self, variable: &str, password: &str) {
        if PLACEHOLDER_PASSWORDS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(password.trim()))
        {
            self.problem(
                variable,
                "env_placeholder",
                "uses a placeholder database password",
            );
        }
    }

    fn database(&mut self, production: bool) {
        match self.get("DATABASE_URL") {
            None if production => {
                self.problem("DATABASE_URL", "env_missing", "is required in production")
            }
            None => {}
            Some(v) => match Url::parse(v) {
                Ok(u) if matches!(u.scheme(), "postgres" | "postgresql") => {
                    if let Some(p) = u.password() {
                        let p = percent_encoding::percent_decode_str(p).decode_utf8_lossy();
                        self.placeholder_password("DATABASE_URL", &p);
                    }
                }
                _ => self.problem("DATABASE_URL", "env_invalid", "must be a postgresql:// URL"),
            },
        }
        if let Some(p) = self.get("POSTGRES_PASSWORD").map(str::to_owned) {
            self.placeholder_password("POSTGRES_PASSWORD", &p);
        }
    }

    fn cors(&mut self, production: bool) {
        let Some(list) = self.get("CORS_ORIGINS").map(str::to_owned) else {
            if production {
                self.problem("CORS_ORIGINS", "env_missing", "is required in production");
            }
            return;
        };
        let mut wildcard = false;
        let mut invalid = false;
        let mut insecure = false;
        for origin in list.split(',').map(str::trim) {
            if origin.contains('*') {
                wildcard = true;
                continue;
            }
            match Url::parse(origin) {
                Ok(u) if is_origin(&u, origin) => insecure |= u.scheme() != "https",
                _ => invalid = true,
            }
        }
        if wildcard {
            self.problem(
                "CORS_ORIGINS",
                "env_cors_wildcard",
                "must list origins, never a wildcard",
            );
        }
        if invalid {
            self.problem(
                "CORS_ORIGINS",
                "env_invalid",
                "must be comma-separated origins: scheme://host[:port], no path and no trailing slash",
            );
        }
        if insecure && production {
            self.problem(
                "CORS_ORIGINS",
                "env_cors_insecure",
                "must use https origins in production",
            );
        }
    }

    fn minio(&mut self, production: bool) {
        if self.get("MINIO_ENDPOINT").is_none() {
            return;
        }
        for key in ["MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"] {
            match self.get(key) {
                None => self.problem(key, "env_missing", "is required when MINIO_ENDPOINT is set"),
                Some(v) if production && v.eq_ignore_ascii_case("minioadmin") => self.problem(
                    key,
                    "env_default_credential",
                    "must not be MinIO's default in production",
                ),
                Some(_) => {}
            }
        }
    }
}

fn is_origin(u: &Url, text: &str) -> bool {
    matches!(u.scheme(), "http" | "https")
        && u.host().is_some()
        && u.username().is_empty()
        && u.password().is_none()
        && u.query().is_none()
        && u.fragment().is_none()
        && u.path() == "/"
        && !text.trim_end_matches('/').ends_with(':')
        && text.matches('/').count() == 2
}

/// Why a `.env` file could not be read, or a line of it that the two loaders of the
/// platform — npm `dotenv` 16 (the NestJS backend) and python-dotenv (the ML service) —
/// would read differently, or that a person reading the file would misread. Messages
/// name the line, never a value.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr, strum::VariantNames,
)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file is larger than [`MAX_ENV_FILE`].
    #[error("env file: larger than {max} bytes")]
    #[strum(serialize = "env_file_too_large")]
    TooLarge {
        /// The largest accepted size.
        max: usize,
    },
    /// A line is not `NAME=value`, a comment or blank.
    #[error("env file: line {line} is not NAME=value ({rule})")]
    #[strum(serialize = "env_file_syntax")]
    Syntax {
        /// The 1-based line number.
        line: usize,
        /// What is wrong, in words.
        rule: &'static str,
    },
    /// An unquoted value with a `#` that no whitespace precedes: npm dotenv ends the
    /// value there (`JWT_SECRET=q7#…` is loaded as `q7`), python-dotenv keeps it.
    #[error("env file: line {line} has a # inside an unquoted value; npm dotenv cuts the value there and python-dotenv does not; quote the value")]
    #[strum(serialize = "env_file_hash")]
    Hash {
        /// The 1-based line number.
        line: usize,
    },
    /// A carriage return not followed by a line feed: both loaders start a new line
    /// there, while editors, `cat` and reviewers may show one line.
    #[error("env file: line {line} ends with a lone carriage return, which the loaders read as a line break; use LF or CRLF line ends")]
    #[strum(serialize = "env_file_line_break")]
    LineBreak {
        /// The 1-based line number.
        line: usize,
    },
    /// A variable given twice: both loaders take the last, a reader may stop at the
    /// first.
    #[error("env file: line {line} sets {name} again (first set on line {first}); the loaders take the last")]
    #[strum(serialize = "env_file_duplicate")]
    Duplicate {
        /// The variable.
        name: String,
        /// The 1-based line number of the repetition.
        line: usize,
        /// The line that set it first.
        first: usize,
    },
    /// A line npm dotenv and python-dotenv read differently for another reason
    /// (escapes, backticks, `${…}` interpolation).
    #[error("env file: line {line} is read differently by npm dotenv and python-dotenv ({rule})")]
    #[strum(serialize = "env_file_disagree")]
    Disagree {
        /// The 1-based line number.
        line: usize,
        /// Why, in words.
        rule: &'static str,
    },
}

impl ConfigError {
    /// Every code this enum can produce.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.into()
    }
}

/// A `.env` file as the platform's loaders read it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnvFile {
    /// Each variable with the value both loaders give it (for a line in
    /// [`problems`](Self::problems) that they read differently, npm dotenv's — the
    /// backend's — value, so that [`check_env`] still judges what the backend would use).
    pub vars: BTreeMap<String, String>,
    /// Every line the loaders read differently or a person could misread, in line
    /// order: [`ConfigError::Hash`], [`ConfigError::LineBreak`],
    /// [`ConfigError::Duplicate`] or [`ConfigError::Disagree`].
    pub problems: Vec<ConfigError>,
}

/// Reads `.env` text as both of the platform's loaders do — npm `dotenv` 16 (NestJS) and
/// python-dotenv (the ML service) — and reports every line where they would differ or
/// that is ambiguous ([`EnvFile::problems`]). Fails only for text that is not a `.env`
/// file at all ([`ConfigError::Syntax`], [`ConfigError::TooLarge`]).
///
/// Accepted: blank lines, `#` comments, `NAME=value` with `export ` allowed before and
/// blanks around `=`; names are letters, digits, `_`, `.` and `-`;
/// a UTF-8 byte-order mark at the start; LF or CRLF line ends. Values are unquoted
/// (trimmed; a `#` after whitespace starts a comment), in single quotes (literal) or in
/// double quotes (`\n` and `\r` are line breaks), closing on their own line, with
/// nothing but a comment after the closing quote. Nothing is substituted and the process
/// environment is never read. Refused as problems, because the loaders disagree: a `#`
/// inside an unquoted value, other backslash escapes in quotes, backtick quotes, `${…}`
/// (which python-dotenv interpolates); and, because a person could misread them, lone
/// carriage returns and names set twice. `core/tests/env_loaders.rs` checks this
/// against both loaders' recorded readings of a corpus.
pub fn read_env_file(text: &str) -> Result<EnvFile, ConfigError> {
    if text.len() > MAX_ENV_FILE {
        return Err(ConfigError::TooLarge { max: MAX_ENV_FILE });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut file = EnvFile::default();
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    for (index, (raw, lone_cr)) in physical_lines(text).enumerate() {
        let line_no = index.saturating_add(1);
        if lone_cr {
            file.problems.push(ConfigError::LineBreak { line: line_no });
        }
        let Some((name, value, problem)) = env_line(raw, line_no)? else {
            continue;
        };
        if let Some(problem) = problem {
            file.problems.push(problem);
        }
        if let Some(&first) = first_line.get(name) {
            file.problems.push(ConfigError::Duplicate {
                name: name.to_owned(),
                line: line_no,
                first,
            });
        } else {
            first_line.insert(name.to_owned(), line_no);
        }
        file.vars.insert(name.to_owned(), value);
    }
    Ok(file)
}

/// [`read_env_file`], failing on the first problem as well: the variables only when
/// every line means the same to both loaders.
pub fn parse_env_file(text: &str) -> Result<BTreeMap<String, String>, ConfigError> {
    let file = read_env_file(text)?;
    match file.problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(file.vars),
    }
}

/// Lines split at LF, CRLF and lone CR (as both loaders split them), each with whether
/// it ended in a lone CR.
fn physical_lines(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.find(['\n', '\r']) {
            None => {
                rest = None;
                (!t.is_empty()).then_some((t, false))
            }
            Some(i) => {
                let (line, after) = t.split_at(i);
                let (next, lone) = if let Some(r) = after.strip_prefix("\r\n") {
                    (r, false)
                } else if let Some(r) = after.strip_prefix('\r') {
                    (r, true)
                } else {
                    (after.get(1..).unwrap_or_default(), false)
                };
                rest = Some(next);
                Some((line, lone))
            }
        }
    })
}

type EnvLine<'a> = Option<(&'a str, String, Option<ConfigError>)>;

/// One line: `None` for blanks and comments, else the name, the value both loaders read
/// (npm's where they differ) and the problem, if any.
fn env_line(raw: &str, line: usize) -> Result<EnvLine<'_>, ConfigError> {
    let syntax = |rule| ConfigError::Syntax { line, rule };
    let disagree = |rule| Some(ConfigError::Disagree { line, rule });
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Ok(None);
    }
    let body = match trimmed.strip_prefix("export") {
        Some(rest) if rest.starts_with([' ', '\t']) => rest.trim_start(),
        _ => trimmed,
    };
    let (name, value) = body.split_once('=').ok_or(syntax("no ="))?;
    let name = name.trim_end_matches([' ', '\t']);
    // The names both loaders read alike (npm dotenv's `[\w.-]+`).
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !name_ok {
        return Err(syntax("names are letters, digits, _, . and -"));
    }
    let value = value.trim();
    let interpolation = disagree("python-dotenv substitutes ${…}; npm dotenv keeps it");
    let interpolated = |read: &str| read.contains("${");
    let (read, problem) = if let Some(inner) = value.strip_prefix('"') {
        let (content, tail) = inner
            .split_once('"')
            .ok_or(syntax("a double-quoted value must close on its line"))?;
        after_quote(tail, line)?;
        // npm dotenv turns \n and \r into line breaks and keeps every other backslash;
        // python-dotenv decodes all escapes: they agree when no other backslash occurs.
        let read = content.replace("\\n", "\n").replace("\\r", "\r");
        let mut chars = content.chars();
        let mut problem = None;
        while let Some(c) = chars.next() {
            if c == '\\' && !matches!(chars.next(), Some('n' | 'r')) {
                problem = disagree("in double quotes only \\n and \\r mean the same to both");
            }
        }
        if problem.is_none() && interpolated(content) {
            problem = interpolation;
        }
        (read, problem)
    } else if let Some(inner) = value.strip_prefix('\'') {
        let (content, tail) = inner
            .split_once('\'')
            .ok_or(syntax("a single-quoted value must close on its line"))?;
        after_quote(tail, line)?;
        let escaped = content.ends_with('\\') || content.contains("\\\\");
        let problem = if escaped {
            disagree("python-dotenv decodes \\' and \\\\ in single quotes; npm dotenv does not")
        } else if interpolated(content) {
            interpolation
        } else {
            None
        };
        (content.to_owned(), problem)
    } else if value.starts_with('`') {
        let inner = value.strip_prefix('`').unwrap_or_default();
        let content = inner.strip_suffix('`').unwrap_or(inner);
        (
            content.to_owned(),
            disagree("npm dotenv removes backtick quotes; python-dotenv keeps them"),
        )
    } else {
        // npm dotenv ends an unquoted value at the first #; python-dotenv only at a #
        // after whitespace. Where that # has whitespace before it, both agree.
        match value.find('#') {
            Some(i) => {
                let before = value.get(..i).unwrap_or_default();
                let read = before.trim_end().to_owned();
                if !before.ends_with(char::is_whitespace) {
                    (read, Some(ConfigError::Hash { line }))
                } else if interpolated(&read) {
                    (read, interpolation)
                } else {
                    (read, None)
                }
            }
            None if interpolated(value) => (value.to_owned(), interpolation),
            None => (value.to_owned(), None),
        }
    };
    Ok(Some((name, read, problem)))
}

/// After a closing quote: blanks, then nothing or a comment.
fn after_quote(tail: &str, line: usize) -> Result<(), ConfigError> {
    let tail = tail.trim_start_matches([' ', '\t']);
    if tail.is_empty() || tail.starts_with('#') {
        Ok(())
    } else {
        Err(ConfigError::Syntax {
            line,
            rule: "text after the closing quote",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4";

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn codes(pairs: &[(&str, &str)], node_env: Option<&str>) -> Vec<(String, &'static str)> {
        check_env(&env(pairs), node_env)
            .into_iter()
            .map(|p| (p.variable, p.code))
            .collect()
    }

    fn pair(v: &str, c: &'static str) -> (String, &'static str) {
        (v.to_string(), c)
    }

    #[test]
    fn production_ready() {
        let good = [
            ("NODE_ENV", "production"),
            ("JWT_SECRET", SECRET),
            ("JWT_EXPIRES_IN", "7d"),
            (
                "DATABASE_URL",
                "postgresql://sparrow:Vq8%23mZ2pL9x@postgres:5432/sparrowinvest",
            ),
            ("POSTGRES_PASSWORD", "Vq8#mZ2pL9x"),
            (
                "CORS_ORIGINS",
                "https://app.sparrowinvest.com,https://admin.sparrowinvest.com:8443",
            ),
            ("ML_SERVICE_URL", "ml-service:3503"),
            ("ML_SERVICE_HTTP_URL", "http://ml-service:8000"),
            ("MINIO_ENDPOINT", "minio"),
            ("MINIO_ACCESS_KEY", "sparrow-app"),
            ("MINIO_SECRET_KEY", "k9Qz2LmX8vPw"),
            ("PORT", "3501"),
        ];
        assert_eq!(codes(&good, None), []);
    }

    #[test]
    fn the_guide_template_is_not_production_ready() {
        let template = parse_env_file(
            "DATABASE_URL=postgresql://user:password@postgres:5432/sparrowinvest\n\
             POSTGRES_USER=sparrowinvest\nPOSTGRES_PASSWORD=<generate-strong-password>\n\
             JWT_SECRET=<generate-256-bit-secret>\nJWT_EXPIRES_IN=7d\n\
             CORS_ORIGINS=https://app.sparrowinvest.com,https://admin.sparrowinvest.com\n\
             ML_SERVICE_URL=ml-service:3503\nML_SERVICE_HTTP_URL=http://ml-service:8000\n\
             SENTRY_DSN=<your-sentry-dsn>\nMINIO_ENDPOINT=minio\nMINIO_PORT=9000\n\
             MINIO_ACCESS_KEY=<access-key>\nMINIO_SECRET_KEY=<secret-key>\n",
        )
        .unwrap();
        let got: Vec<_> = check_env(&template, Some("production"))
            .into_iter()
            .map(|p| (p.variable, p.code))
            .collect();
        assert_eq!(
            got,
            [
                pair("JWT_SECRET", "env_placeholder"),
                pair("MINIO_ACCESS_KEY", "env_placeholder"),
                pair("MINIO_SECRET_KEY", "env_placeholder"),
                pair("POSTGRES_PASSWORD", "env_placeholder"),
                pair("SENTRY_DSN", "env_placeholder"),
                pair("DATABASE_URL", "env_placeholder"),
            ]
        );
    }

    #[test]
    fn rules() {
        assert_eq!(codes(&[], None), [pair("JWT_SECRET", "env_missing")]);
        assert_eq!(
            codes(&[("JWT_SECRET", "super-secret")], None),
            [pair("JWT_SECRET", "env_weak_secret")]
        );
        assert_eq!(
            codes(
                &[
                    ("JWT_SECRET", SECRET),
                    ("JWT_EXPIRES_IN", "60"),
                    ("PORT", "70000")
                ],
                None
            ),
            [
                pair("JWT_EXPIRES_IN", "env_invalid"),
                pair("PORT", "env_invalid")
            ]
        );
        assert_eq!(
            codes(
                &[("JWT_SECRET", SECRET), ("CORS_ORIGINS", "*")],
                Some("production")
            ),
            [
                pair("DATABASE_URL", "env_missing"),
                pair("CORS_ORIGINS", "env_cors_wildcard")
            ]
        );
        let base = [
            ("JWT_SECRET", SECRET),
            ("DATABASE_URL", "postgresql://u:Xk29vLq7@db/x"),
        ];
        let with = |cors: &'static str| {
            let mut v = base.to_vec();
            v.push(("CORS_ORIGINS", cors));
            codes(&v, Some("production"))
        };
        assert_eq!(
            with("http://app.example.com"),
            [pair("CORS_ORIGINS", "env_cors_insecure")]
        );
        assert_eq!(
            with("https://app.example.com/path"),
            [pair("CORS_ORIGINS", "env_invalid")]
        );
        assert_eq!(
            with("app.example.com"),
            [pair("CORS_ORIGINS", "env_invalid")]
        );
        // Browsers send Origin without a trailing slash and the backend compares exactly.
        assert_eq!(
            with("https://app.example.com/"),
            [pair("CORS_ORIGINS", "env_invalid")]
        );
        assert_eq!(
            with(" https://app.example.com , https://b.example.com:8443"),
            []
        );
        // Development: http origins are fine, CORS and DATABASE_URL optional.
        assert_eq!(
            codes(
                &[
                    ("JWT_SECRET", SECRET),
                    ("CORS_ORIGINS", "http://localhost:3500")
                ],
                None
            ),
            []
        );
        assert_eq!(
            codes(
                &[
                    ("JWT_SECRET", SECRET),
                    ("MINIO_ENDPOINT", "minio"),
                    ("MINIO_ACCESS_KEY", "minioadmin"),
                    ("MINIO_SECRET_KEY", "minioadmin")
                ],
                None
            ),
            []
        );
        let mut prod_minio = base.to_vec();
        prod_minio.extend([
            ("CORS_ORIGINS", "https://a.in"),
            ("MINIO_ENDPOINT", "minio"),
            ("MINIO_ACCESS_KEY", "minioadmin"),
        ]);
        assert_eq!(
            codes(&prod_minio, Some("production")),
            [
                pair("MINIO_ACCESS_KEY", "env_default_credential"),
                pair("MINIO_SECRET_KEY", "env_missing")
            ]
        );
        assert_eq!(
            codes(
                &[
                    ("JWT_SECRET", SECRET),
                    ("ML_SERVICE_URL", "http://ml:3503"),
                    ("DATABASE_URL", "mysql://x")
                ],
                None
            ),
            [
                pair("DATABASE_URL", "env_invalid"),
                pair("ML_SERVICE_URL", "env_invalid")
            ]
        );
        // Messages never carry values.
        for p in check_env(
            &env(&[
                ("JWT_SECRET", "super-secret"),
                ("POSTGRES_PASSWORD", "changeme"),
            ]),
            None,
        ) {
            assert!(
                !p.message.contains("super-secret") && !p.message.contains("changeme"),
                "{p}"
            );
        }
    }

    #[test]
    fn env_file_syntax() {
        let file = read_env_file(
            "# comment\n\nexport A=1\nB = two words # note\nC=\"x\\ny\" # c\nD='lit $HOME \\n'\nE=$HOME\n",
        )
        .unwrap();
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let vars = file.vars;
        assert_eq!(vars["A"], "1");
        assert_eq!(vars["B"], "two words");
        assert_eq!(vars["C"], "x\ny");
        assert_eq!(vars["D"], "lit $HOME \\n");
        assert_eq!(vars["E"], "$HOME");
        let twice = read_env_file("A=1\nA=3\n").unwrap();
        assert_eq!(twice.vars["A"], "3");
        assert_eq!(twice.problems[0].code(), "env_file_duplicate");
        for (bad, line) in [
            ("A", 1),
            ("x\n1A=2", 1),
            ("OK=1\nA:B", 2),
            ("A=\"open", 1),
            ("A='x' y", 1),
            ("OK=1\nA B=2", 2),
        ] {
            match read_env_file(bad) {
                Err(ConfigError::Syntax { line: l, .. }) => assert_eq!(l, line, "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        assert_eq!(
            parse_env_file(&"#".repeat(MAX_ENV_FILE + 1))
                .unwrap_err()
                .code(),
            "env_file_too_large"
        );
    }
}
