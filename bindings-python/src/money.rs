//! money and validate.

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use sparrow_core::money::{self, Nav, ParseMode, Units};
use sparrow_core::profile::{self, Profile, ValidationMode};

use crate::convert::{decimal_out, exact_decimal, json_value, money_arg, money_out, text_of, Text};
use crate::errors::OrRaise;

/// Checks a value and returns the canonical text of a `Money` (used by `Money.__new__`).
#[pyfunction]
pub(crate) fn _money_canonical(value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(money_arg(value, "amount")?.to_string())
}

#[pyfunction]
#[pyo3(signature = (text, lenient = false))]
pub(crate) fn parse_money<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    lenient: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(
        text.cast::<PyString>()
            .map_err(|_| PyTypeError::new_err("text: expected a str"))?,
        "text",
    )?;
    let mode = if lenient {
        ParseMode::Lenient
    } else {
        ParseMode::Strict
    };
    let m = money::parse_money_with(text, mode).or_raise(py)?;
    money_out(py, m)
}

#[pyfunction]
pub(crate) fn format_inr(amount: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(money::format_inr(money_arg(amount, "amount")?))
}

#[pyfunction]
pub(crate) fn format_compact(amount: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(money::format_compact(money_arg(amount, "amount")?))
}

#[pyfunction]
pub(crate) fn allocate<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    weights: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let amount = money_arg(amount, "amount")?;
    // At most one weight past the limit is converted; the core refuses the list.
    let weights = weights
        .try_iter()?
        .take(money::MAX_WEIGHTS.saturating_add(1))
        .map(|w| exact_decimal(&w?, "weights"))
        .collect::<PyResult<Vec<_>>>()?;
    let parts = money::allocate(amount, &weights).or_raise(py)?;
    parts.into_iter().map(|m| money_out(py, m)).collect()
}

fn nav_arg(obj: &Bound<'_, PyAny>) -> PyResult<Nav> {
    Nav::try_from_decimal(exact_decimal(obj, "nav")?).or_raise(obj.py())
}

#[pyfunction]
pub(crate) fn units_for<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    nav: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let units = money::units_for(money_arg(amount, "amount")?, nav_arg(nav)?).or_raise(py)?;
    decimal_out(py, units.as_decimal())
}

#[pyfunction]
pub(crate) fn value_of<'py>(
    py: Python<'py>,
    units: &Bound<'py, PyAny>,
    nav: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let units = Units::try_from_decimal(exact_decimal(units, "units")?).or_raise(py)?;
    let value = money::value_of(units, nav_arg(nav)?).or_raise(py)?;
    money_out(py, value)
}

fn text<'a>(obj: &'a Bound<'_, PyAny>, field: &'static str) -> PyResult<&'a str> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{field}: expected a str")))?;
    text_of(s, field)
}

/// `(pan, holder_type)`.
#[pyfunction]
pub(crate) fn validate_pan<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyTuple>> {
    let pan = sparrow_core::validate_pan(text(value, "pan")?).or_raise(py)?;
    PyTuple::new(py, [pan.as_str(), pan.holder_type().as_str()])
}

#[pyfunction]
pub(crate) fn validate_ifsc(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(sparrow_core::validate_ifsc(text(value, "ifsc")?)
        .or_raise(py)?
        .as_str()
        .to_owned())
}

/// The number in E.164 form (`+919876543210`).
#[pyfunction]
pub(crate) fn validate_mobile(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(sparrow_core::validate_mobile(text(value, "mobile")?)
        .or_raise(py)?
        .e164())
}

/// The address with its domain lower-cased.
#[pyfunction]
pub(crate) fn validate_email(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(sparrow_core::validate_email(text(value, "email")?)
        .or_raise(py)?
        .normalized()
        .to_owned())
}

#[pyfunction]
pub(crate) fn validate_pincode(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(sparrow_core::validate_pincode(text(value, "pincode")?)
        .or_raise(py)?
        .as_str()
        .to_owned())
}

#[pyfunction]
pub(crate) fn validate_aadhaar(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(sparrow_core::validate_aadhaar(text(value, "aadhaar")?)
        .or_raise(py)?
        .as_str()
        .to_owned())
}

/// `mode=None` is the core's default ([`sparrow_core::contract::DEFAULT_MODE`]).
pub(crate) fn mode_arg(py: Python<'_>, mode: Option<&str>) -> PyResult<ValidationMode> {
    match mode {
        None => Ok(sparrow_core::contract::DEFAULT_MODE),
        Some(m) => m.parse::<ValidationMode>().or_raise(py),
    }
}

/// A profile from a mapping (read as a JSON object) or JSON text.
pub(crate) fn profile_arg(input: &Bound<'_, PyAny>, mode: ValidationMode) -> PyResult<Profile> {
    let py = input.py();
    if let Ok(s) = input.cast::<PyString>() {
        return profile::validate_profile_json(text_of(s, "profile")?, mode).or_raise(py);
    }
    let value = json_value(input, 0)?;
    profile::validate_profile(&value, mode).or_raise(py)
}

/// The normalised profile as a dict (amounts as `Money`).
pub(crate) fn profile_dict<'py>(py: Python<'py>, p: &Profile) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "age"), p.age())?;
    d.set_item(intern!(py, "horizon_years"), p.horizon_years())?;
    d.set_item(intern!(py, "risk_tolerance"), p.risk_tolerance().as_str())?;
    d.set_item(intern!(py, "volatility"), p.volatility().as_str())?;
    d.set_item(intern!(py, "liquidity"), p.liquidity().as_str())?;
    d.set_item(intern!(py, "knowledge"), p.knowledge().as_str())?;
    if let Some(goal) = p.goal() {
        d.set_item("goal", goal)?;
    }
    for (key, amount) in [
        ("target_amount", p.target_amount()),
        ("monthly_sip", p.monthly_sip()),
        ("lump_sum", p.lump_sum()),
    ] {
        if let Some(m) = amount {
            d.set_item(key, money_out(py, m)?)?;
        }
    }
    if let Some(y) = p.target_year() {
        d.set_item("target_year", y)?;
    }
    Ok(d)
}

#[pyfunction]
#[pyo3(signature = (input, mode = None))]
pub(crate) fn validate_profile<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyDict>> {
    let p = profile_arg(input, mode_arg(py, mode.as_deref())?)?;
    profile_dict(py, &p)
}

#[pyfunction]
pub(crate) fn migration_sql() -> String {
    sparrow_core::migration_sql()
}
