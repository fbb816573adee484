//! Mapping sparrow-core errors to the Python exception family of `sparrow_core._errors`.

use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use sparrow_core::Error;

static ERRORS: OnceLock<Py<PyModule>> = OnceLock::new();

fn errors_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    if let Some(m) = ERRORS.get() {
        return Ok(m.bind(py).clone());
    }
    let m = py.import("sparrow_core._errors")?;
    let _ = ERRORS.set(m.clone().unbind());
    Ok(m)
}

/// Builds the Python exception for a core error: `Class(message, code, errors)`, where
/// `errors` is every problem as `{field, code, message}`.
pub(crate) fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    match build(py, &e) {
        Ok(err) => err,
        Err(import_failure) => import_failure,
    }
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let module = errors_module(py)?;
    // The class is the core's decision (`Error::kind`), not this binding's.
    let class = module.getattr(e.kind().class_name())?;
    let list = PyList::empty(py);
    for fe in e.field_errors() {
        let d = PyDict::new(py);
        d.set_item("field", fe.field)?;
        d.set_item("code", fe.code)?;
        d.set_item("message", fe.message)?;
        list.append(d)?;
    }
    let instance = class.call1((e.to_string(), e.code(), list))?;
    // The status a service answers with, where the core decides one (API keys).
    if let Some(status) = e.http_status() {
        instance.setattr("http_status", status)?;
    }
    Ok(PyErr::from_value(instance))
}

/// `Result<T, E>` → `PyResult<T>` through [`to_py_err`].
pub(crate) trait OrRaise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Error>> OrRaise<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e.into()))
    }
}
