//! auth: passwords, tokens, access, configuration.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use sparrow_core::jwt::{self, IssueOptions, Lifetime, TokenSubject, TokenUse, VerifyOptions};
use sparrow_core::password::{self, PasswordPolicy};

use sparrow_core::contract;

use crate::convert::{json_value, text_of, unix_now, Text};
use crate::errors::OrRaise;
use crate::to_py::to_py;

/// `policy=None` is the core's default ([`contract::DEFAULT_POLICY`]).
fn policy(py: Python<'_>, name: Option<&str>) -> PyResult<PasswordPolicy> {
    match name {
        None => Ok(contract::DEFAULT_POLICY.into()),
        Some(n) => n.parse::<PasswordPolicy>().or_raise(py),
    }
}

fn context_list(context: Option<Vec<Text>>) -> Vec<Text> {
    context.unwrap_or_default()
}

#[pyfunction]
#[pyo3(signature = (password, policy = None, context = None))]
pub(crate) fn check_password(
    py: Python<'_>,
    password: Text,
    policy: Option<Text>,
    context: Option<Vec<Text>>,
) -> PyResult<Vec<&'static str>> {
    let p = self::policy(py, policy.as_deref())?;
    let context = context_list(context);
    let refs: Vec<&str> = context.iter().map(|t| &**t).collect();
    Ok(password::check_password(&password, &p, &refs)
        .iter()
        .map(|r| r.code())
        .collect())
}

#[pyfunction]
#[pyo3(signature = (password, policy = None, context = None))]
pub(crate) fn require_password(
    py: Python<'_>,
    password: Text,
    policy: Option<Text>,
    context: Option<Vec<Text>>,
) -> PyResult<()> {
    let p = self::policy(py, policy.as_deref())?;
    let context = context_list(context);
    let refs: Vec<&str> = context.iter().map(|t| &**t).collect();
    password::require_password(&password, &p, &refs).or_raise(py)
}

/// An argon2id PHC string; the GIL is released while hashing.
#[pyfunction]
pub(crate) fn hash_password(py: Python<'_>, password: Text) -> PyResult<String> {
    let owned = password.to_owned();
    py.detach(move || password::hash_password(&owned))
        .or_raise(py)
}

/// Whether a password matched, and whether its hash should be replaced.
#[pyclass(frozen, eq, hash, module = "sparrow_core")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Verification {
    #[pyo3(get)]
    matched: bool,
    #[pyo3(get)]
    needs_rehash: bool,
}

#[pymethods]
impl Verification {
    fn __repr__(&self) -> String {
        format!(
            "Verification(matched={}, needs_rehash={})",
            py_bool(self.matched),
            py_bool(self.needs_rehash)
        )
    }
    fn __bool__(&self) -> bool {
        self.matched
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The GIL is released while verifying.
#[pyfunction]
pub(crate) fn verify_password(
    py: Python<'_>,
    password: Text,
    hash: Text,
) -> PyResult<Verification> {
    let (p, h) = (password.to_owned(), hash.to_owned());
    let v = py
        .detach(move || password::verify_password(&p, &h))
        .or_raise(py)?;
    Ok(Verification {
        matched: v.matched,
        needs_rehash: v.needs_rehash,
    })
}

#[pyfunction]
pub(crate) fn needs_rehash(py: Python<'_>, hash: Text) -> PyResult<bool> {
    password::needs_rehash(&hash).or_raise(py)
}

/// Spends the time of a real verification (for unknown accounts); the GIL is released.
#[pyfunction]
pub(crate) fn dummy_verify(py: Python<'_>, password: Text) {
    let p = password.to_owned();
    py.detach(move || {
        password::dummy_verify(&p);
    });
}

fn secret_bytes(secret: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = secret.cast::<PyString>() {
        return Ok(text_of(s, "secret")?.as_bytes().to_vec());
    }
    if let Ok(b) = secret.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(PyTypeError::new_err("secret: expected str or bytes"))
}

/// Signing keys: the current key, keys still accepted (by kid) and an optional legacy
/// key for kid-less tokens. Secrets are checked on entry and never shown.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Clone)]
pub(crate) struct Keyring {
    inner: jwt::Keyring,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyring(..)")
    }
}

#[pymethods]
impl Keyring {
    #[new]
    fn new(py: Python<'_>, kid: Text, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Keyring {
            inner: jwt::Keyring::new(&kid, &secret_bytes(secret)?).or_raise(py)?,
        })
    }

    /// A keyring holding only a legacy key (today's kid-less tokens).
    #[staticmethod]
    fn legacy(py: Python<'_>, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Keyring {
            inner: jwt::Keyring::legacy(&secret_bytes(secret)?).or_raise(py)?,
        })
    }

    fn with_key(&self, py: Python<'_>, kid: Text, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Keyring {
            inner: self
                .inner
                .clone()
                .with_key(&kid, &secret_bytes(secret)?)
                .or_raise(py)?,
        })
    }

    fn with_legacy_key(&self, py: Python<'_>, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Keyring {
            inner: self
                .inner
                .clone()
                .with_legacy_key(&secret_bytes(secret)?)
                .or_raise(py)?,
        })
    }

    fn rotate_to(&self, py: Python<'_>, kid: Text) -> PyResult<Self> {
        Ok(Keyring {
            inner: self.inner.clone().rotate_to(&kid).or_raise(py)?,
        })
    }

    fn retire(&self, py: Python<'_>, kid: Text) -> PyResult<Self> {
        Ok(Keyring {
            inner: self.inner.clone().retire(&kid).or_raise(py)?,
        })
    }

    #[getter]
    fn current_kid(&self) -> Option<String> {
        self.inner.current_kid().map(str::to_owned)
    }

    fn __repr__(&self) -> String {
        match self.inner.current_kid() {
            Some(kid) => format!("Keyring(current_kid={kid:?})"),
            None => "Keyring(legacy)".to_owned(),
        }
    }
}

fn lifetime(obj: &Bound<'_, PyAny>) -> PyResult<Lifetime> {
    if obj.is_instance_of::<pyo3::types::PyBool>() {
        return Err(PyTypeError::new_err(
            "expires_in: expected a str such as \"7d\" or whole seconds",
        ));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Lifetime::Text(text_of(s, "expires_in")?.to_owned()));
    }
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Lifetime::Seconds(i));
    }
    Err(PyTypeError::new_err(
        "expires_in: expected a str such as \"7d\" or whole seconds",
    ))
}

/// A coded error from [`Text`] passes as it is; any other failure is the `TypeError`.
fn not_str(e: PyErr, message: &str) -> PyErr {
    Python::attach(|py| {
        if e.is_instance_of::<pyo3::exceptions::PyTypeError>(py) {
            PyTypeError::new_err(message.to_owned())
        } else {
            e
        }
    })
}

fn token_use(py: Python<'_>, name: Option<&str>) -> PyResult<Option<TokenUse>> {
    name.map(|n| n.parse::<TokenUse>().or_raise(py)).transpose()
}

fn subject(claims: &Bound<'_, PyDict>) -> PyResult<TokenSubject> {
    let mut s = TokenSubject::default();
    // A snapshot of the items: a value whose conversion mutates the dict cannot reach
    // pyo3's "dict changed size" panic.
    for item in claims.items() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key = String::from(
            k.extract::<Text>()
                .map_err(|e| not_str(e, "claims: keys must be str"))?,
        );
        let text = || -> PyResult<String> {
            v.extract::<Text>()
                .map(String::from)
                .map_err(|e| not_str(e, &format!("claims.{key}: expected a str")))
        };
        match key.as_str() {
            "sub" => s.sub = text()?,
            "email" => s.email = text()?,
            "role" => s.role = text()?,
            "owner_id" | "ownerId" => s.owner_id = if v.is_none() { None } else { Some(text()?) },
            "jti" => s.jti = if v.is_none() { None } else { Some(text()?) },
            "allowed_pages" | "allowedPages" => {
                s.allowed_pages = if v.is_none() {
                    None
                } else {
                    let pages = v
                        .extract::<Vec<Text>>()
                        .map_err(|e| not_str(e, "claims.allowed_pages: expected a list of str"))?;
                    Some(pages.into_iter().map(String::from).collect())
                }
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "claims: {other:?} is not a subject claim (sub, email, role, owner_id, allowed_pages, jti); iat and exp come from now and expires_in"
                )))
            }
        }
    }
    Ok(s)
}

#[pyfunction]
#[pyo3(signature = (claims, keyring, expires_in = None, now = None, *, issuer = None, audience = None, token_use = None, not_before = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_token(
    py: Python<'_>,
    claims: &Bound<'_, PyDict>,
    keyring: &Keyring,
    expires_in: Option<&Bound<'_, PyAny>>,
    now: Option<&Bound<'_, PyAny>>,
    issuer: Option<Text>,
    audience: Option<Text>,
    token_use: Option<Text>,
    not_before: Option<i64>,
) -> PyResult<String> {
    let subject = subject(claims)?;
    let lifetime = match expires_in {
        None => Lifetime::Text(contract::DEFAULT_EXPIRES_IN.to_owned()),
        Some(e) => self::lifetime(e)?,
    };
    let now = unix_now(now)?;
    let options = IssueOptions {
        issuer: issuer.map(String::from),
        audience: audience.map(String::from),
        token_use: self::token_use(py, token_use.as_deref())?,
        not_before,
    };
    jwt::issue_token(&subject, &keyring.inner, &lifetime, now, &options).or_raise(py)
}

#[pyfunction]
#[pyo3(signature = (token, keyring, now = None, token_use = None, *, issuer = None, audience = None, leeway = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn verify_token<'py>(
    py: Python<'py>,
    token: Text,
    keyring: &Keyring,
    now: Option<&Bound<'py, PyAny>>,
    token_use: Option<Text>,
    issuer: Option<Text>,
    audience: Option<Text>,
    leeway: Option<i64>,
) -> PyResult<Bound<'py, PyAny>> {
    let now = unix_now(now)?;
    let options = VerifyOptions {
        leeway_seconds: leeway.unwrap_or(contract::DEFAULT_LEEWAY_SECONDS),
        issuer: issuer.map(String::from),
        audience: audience.map(String::from),
        token_use: self::token_use(py, token_use.as_deref())?
            .unwrap_or(contract::DEFAULT_TOKEN_USE),
    };
    let claims = jwt::verify_token(&token, &keyring.inner, now, &options).or_raise(py)?;
    to_py(py, &claims)
}

#[pyfunction]
#[pyo3(signature = (claims, now = None, threshold = None))]
pub(crate) fn should_refresh(
    py: Python<'_>,
    claims: &Bound<'_, PyAny>,
    now: Option<&Bound<'_, PyAny>>,
    threshold: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let value = json_value(claims, 0)?;
    let claims: jwt::Claims = serde_json::from_value(value).map_err(|_| {
        PyTypeError::new_err(
            "claims: expected the claims verify_token returned (sub, email, role, iat, exp, …)",
        )
    })?;
    let threshold = match threshold {
        None => contract::DEFAULT_REFRESH_THRESHOLD_SECONDS,
        Some(t) => lifetime(t)?.seconds().or_raise(py)?,
    };
    Ok(jwt::should_refresh(&claims, unix_now(now)?, threshold))
}

#[pyfunction]
pub(crate) fn parse_duration(py: Python<'_>, text: Text) -> PyResult<i64> {
    jwt::parse_duration(&text).or_raise(py)
}

/// The token of an `Authorization: Bearer …` header.
#[pyfunction]
pub(crate) fn bearer_token(py: Python<'_>, authorization: Text) -> PyResult<String> {
    jwt::bearer_token(&authorization)
        .map(str::to_owned)
        .or_raise(py)
}

/// The outcome of `authorize`.
#[pyclass(frozen, eq, hash, module = "sparrow_core")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Decision {
    #[pyo3(get)]
    allowed: bool,
    #[pyo3(get)]
    reason: &'static str,
}

#[pymethods]
impl Decision {
    fn __repr__(&self) -> String {
        format!(
            "Decision(allowed={}, reason={:?})",
            py_bool(self.allowed),
            self.reason
        )
    }
    fn __bool__(&self) -> bool {
        self.allowed
    }
}

#[pyfunction]
#[pyo3(signature = (role, required_roles, page = None, allowed_pages = None))]
pub(crate) fn authorize(
    py: Python<'_>,
    role: Text,
    required_roles: Vec<Text>,
    page: Option<Text>,
    allowed_pages: Option<Vec<Text>>,
) -> PyResult<Decision> {
    let allowed_pages: Option<Vec<String>> =
        allowed_pages.map(|pages| pages.into_iter().map(String::from).collect());
    let d = contract::authorize_names(
        &role,
        &required_roles,
        page.as_deref(),
        allowed_pages.as_deref(),
    )
    .or_raise(py)?;
    Ok(Decision {
        allowed: d.allowed,
        reason: d.reason.code(),
    })
}

#[pyfunction]
#[pyo3(signature = (mapping, node_env = None))]
pub(crate) fn check_env<'py>(
    py: Python<'py>,
    mapping: &Bound<'py, PyAny>,
    node_env: Option<Text>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut vars = BTreeMap::new();
    for item in mapping.call_method0("items")?.try_iter()? {
        let (k, v): (Text, Text) = item?
            .extract()
            .map_err(|e| not_str(e, "mapping: keys and values must be str"))?;
        vars.insert(String::from(k), String::from(v));
    }
    let problems: Vec<contract::EnvProblemRecord> =
        sparrow_core::config::check_env(&vars, node_env.as_deref())
            .iter()
            .map(contract::EnvProblemRecord::from)
            .collect();
    to_py(py, &problems)
}
