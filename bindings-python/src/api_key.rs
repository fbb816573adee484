//! API keys (`sparrow_core::api_key`): conversion only.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use sparrow_core::api_key::{self as k, ApiKeyEnvironment, ApiKeyRecord, RANDOM_BYTES};

use crate::convert::{json_value, text_of, unix_now, Text};
use crate::errors::OrRaise;
use crate::to_py::to_py;

/// The server-side pepper keying stored digests (at least 32 bytes; `str` is read as
/// UTF-8). Never shown.
#[pyclass(frozen, module = "sparrow_core")]
#[derive(Clone)]
pub(crate) struct ApiKeyPepper {
    inner: k::Pepper,
}

#[pymethods]
impl ApiKeyPepper {
    #[new]
    fn new(py: Python<'_>, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = if let Ok(s) = secret.cast::<PyString>() {
            text_of(s, "pepper")?.as_bytes().to_vec()
        } else if let Ok(b) = secret.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err("pepper: expected bytes or str"));
        };
        Ok(ApiKeyPepper {
            inner: k::Pepper::new(&bytes).or_raise(py)?,
        })
    }
    fn __repr__(&self) -> &'static str {
        "ApiKeyPepper(****)"
    }
}

/// A stored key record, read and checked once (from the dict a store returns), so a
/// service that caches records does not convert a dict on every check.
#[pyclass(frozen, module = "sparrow_core", name = "ApiKeyRecord")]
#[derive(Clone)]
pub(crate) struct PyApiKeyRecord {
    inner: ApiKeyRecord,
}

#[pymethods]
impl PyApiKeyRecord {
    /// The record from its dict form (what `issue_api_key` returns and a store holds).
    #[staticmethod]
    fn from_dict(py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(PyApiKeyRecord {
            inner: ApiKeyRecord::from_value(&json_value(record, 0)?).or_raise(py)?,
        })
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }
    #[getter]
    fn key_id(&self) -> String {
        self.inner.key_id.clone()
    }
    fn __repr__(&self) -> String {
        format!("{:?}", self.inner)
    }
}

fn environment(py: Python<'_>, e: Option<Text>) -> PyResult<ApiKeyEnvironment> {
    match e {
        None => Ok(ApiKeyEnvironment::Live),
        Some(t) => t.parse::<ApiKeyEnvironment>().or_raise(py),
    }
}

/// Issues a key: `(key_text, record)`. The key text is shown once; store the record.
/// `random` (42 bytes) replaces the OS random source, for known-answer tests only.
#[pyfunction]
#[pyo3(signature = (client_id, scopes, *, pepper, environment = None, expires_at = None, now = None, random = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_api_key<'py>(
    py: Python<'py>,
    client_id: Text,
    scopes: Vec<String>,
    pepper: &ApiKeyPepper,
    environment: Option<Text>,
    expires_at: Option<&Bound<'py, PyAny>>,
    now: Option<&Bound<'py, PyAny>>,
    random: Option<&Bound<'py, PyBytes>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let env = self::environment(py, environment)?;
    let now = unix_now(now)?;
    let expires_at = match expires_at {
        Some(e) if !e.is_none() => Some(unix_now(Some(e))?),
        _ => None,
    };
    let issued = match random {
        Some(b) => {
            let bytes: [u8; RANDOM_BYTES] = b
                .as_bytes()
                .try_into()
                .map_err(|_| PyTypeError::new_err("random: expected exactly 42 bytes"))?;
            k::issue_api_key(
                env,
                &client_id,
                &scopes,
                expires_at,
                now,
                &pepper.inner,
                &bytes,
            )
        }
        None => k::issue_api_key_os(env, &client_id, &scopes, expires_at, now, &pepper.inner),
    }
    .or_raise(py)?;
    let record = to_py(py, &issued.record)?;
    PyTuple::new(
        py,
        [issued.key.expose().into_pyobject(py)?.into_any(), record],
    )
}

/// Checks a presented key's shape and checksum (no secret needed): `{environment, key_id}`.
#[pyfunction]
pub(crate) fn parse_api_key<'py>(
    py: Python<'py>,
    presented: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = presented_text(presented)?;
    let p = k::parse_api_key(&text).or_raise(py)?;
    to_py(py, &p)
}

/// A header value as text; anything but `str` is a `TypeError` (the value is not shown).
fn presented_text(presented: &Bound<'_, PyAny>) -> PyResult<String> {
    match presented.cast::<PyString>() {
        // A header far longer than a key is not copied out of Python: the core refuses
        // any text that is not a key's length, and "" is not.
        Ok(s) if s.len()? > k::MAX_PRESENTED_LEN => Ok(String::new()),
        Ok(s) => Ok(s.to_cow().map(|c| c.into_owned()).unwrap_or_default()),
        Err(_) => Err(PyTypeError::new_err("api_key: expected str")),
    }
}

/// Decides whether `presented` may call an endpoint requiring `required_scope` on a
/// service of `environment` (default live), given the `record` stored under its key id
/// (`None`: none found; a dict, or an `ApiKeyRecord` read once). Returns
/// `{key_id, client_id, scopes}`; a refusal raises
/// `TokenError` (or `ConfigError` for the server's own state) whose `http_status` is 401
/// or 403.
#[pyfunction]
#[pyo3(signature = (presented, record, *, pepper, required_scope, environment = None, now = None))]
pub(crate) fn verify_api_key<'py>(
    py: Python<'py>,
    presented: &Bound<'py, PyAny>,
    record: Option<&Bound<'py, PyAny>>,
    pepper: &ApiKeyPepper,
    required_scope: Text,
    environment: Option<Text>,
    now: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = presented_text(presented)?;
    let env = self::environment(py, environment)?;
    let now = unix_now(now)?;
    // An ApiKeyRecord is used as it is; a dict is read and checked for this call.
    let record = record.filter(|r| !r.is_none());
    let cached = record.and_then(|r| r.cast::<PyApiKeyRecord>().ok());
    let read = match (record, &cached) {
        (Some(r), None) => Some(ApiKeyRecord::from_value(&json_value(r, 0)?).or_raise(py)?),
        _ => None,
    };
    let record = cached.as_ref().map(|c| &c.get().inner).or(read.as_ref());
    let grant =
        k::verify_api_key(&text, record, &pepper.inner, now, &required_scope, env).or_raise(py)?;
    to_py(py, &grant)
}

/// The `api_keys` table for PostgreSQL (CHECKs and a unique key-id index; idempotent).
#[pyfunction]
pub(crate) fn api_keys_migration_sql() -> String {
    k::api_keys_migration_sql()
}
