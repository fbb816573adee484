//! money and validate.

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use sparrow_core::money::{self, Nav, ParseMode, Units};
use sparrow_core::profile::{self, Profile, ValidationMode};

use crate::convert::{
    decimal_out, exact_decimal, json_value, money_arg, money_out, only_plain_leaves, static_str,
    text_of, Text,
};
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
///
/// A `dict` whose keys are `str` and whose values are `str`, `int`, `float`, `bool` or
/// `None` (a JSON body's flat object, the common case) is read straight into the
/// core's [`profile::ProfileFields`], with the same budget and number reading as
/// [`json_value`]; anything else goes through `json_value`. Both reach the same rules.
pub(crate) fn profile_arg(input: &Bound<'_, PyAny>, mode: ValidationMode) -> PyResult<Profile> {
    let py = input.py();
    if let Ok(s) = input.cast::<PyString>() {
        return profile::validate_profile_json(text_of(s, "profile")?, mode).or_raise(py);
    }
    if let Ok(d) = input.cast::<PyDict>() {
        if only_plain_leaves(d) {
            return plain_profile(d, mode);
        }
    }
    let value = json_value(input, 0)?;
    profile::validate_profile(&value, mode).or_raise(py)
}

/// [`profile_arg`] for a dict of plain leaves: no `serde_json` value is built.
fn plain_profile(d: &Bound<'_, PyDict>, mode: ValidationMode) -> PyResult<Profile> {
    let py = d.py();
    let mut budget = sparrow_core::contract::InputBudget::new("input");
    budget.check_len(d.len()).or_raise(py)?;
    // Reading exact str/int/float/bool/None runs no Python code and the GIL is held,
    // so the dict cannot change while it is read; the items are kept alive here so
    // that the fields can borrow their text.
    let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = d.iter().collect();
    let mut owned: Vec<(usize, String)> = Vec::new();
    let mut fields = profile::ProfileFields::new();
    for (i, (k, v)) in items.iter().enumerate() {
        let key = text_of(k.cast::<PyString>()?, "input")?;
        budget.spend(key.len().saturating_add(3)).or_raise(py)?;
        match plain_leaf(v, &mut budget)? {
            Leaf::Value(value) => fields.insert(key, value),
            Leaf::Number(text) => owned.push((i, text)),
        }
    }
    // Numbers whose literal had to be made (floats, ints beyond i64) are set after,
    // borrowing from `owned`.
    for (i, text) in &owned {
        if let Some((k, _)) = items.get(*i) {
            let key = text_of(k.cast::<PyString>()?, "input")?;
            fields.insert(key, profile::FieldValue::Number(text.as_str().into()));
        }
    }
    profile::validate_profile_fields(&fields, mode).or_raise(py)
}

enum Leaf<'a> {
    Value(profile::FieldValue<'a>),
    Number(String),
}

/// One plain leaf, spending the budget as [`json_value`] does.
fn plain_leaf<'a>(
    v: &'a Bound<'_, PyAny>,
    budget: &mut sparrow_core::contract::InputBudget,
) -> PyResult<Leaf<'a>> {
    use profile::FieldValue;
    let py = v.py();
    if v.is_none() {
        budget.spend(4).or_raise(py)?;
        return Ok(Leaf::Value(FieldValue::Null));
    }
    if let Ok(b) = v.cast::<pyo3::types::PyBool>() {
        budget.spend(5).or_raise(py)?;
        return Ok(Leaf::Value(FieldValue::Bool(b.is_true())));
    }
    if let Ok(s) = v.cast::<PyString>() {
        let text = text_of(s, "input")?;
        budget.spend(text.len().saturating_add(2)).or_raise(py)?;
        return Ok(Leaf::Value(FieldValue::Text(text)));
    }
    if let Ok(n) = v.extract::<i64>() {
        let digits = n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize + 1;
        budget.spend(digits + usize::from(n < 0)).or_raise(py)?;
        return Ok(Leaf::Value(FieldValue::Int(n)));
    }
    // A float (its repr, what a JSON body carries) or an int beyond i64 (its digits):
    // read by the same number grammar as `json_value`, NaN and infinities refused.
    let text: String = match v.repr() {
        Ok(t) => t.extract()?,
        // Past Python's 4,300-digit limit int's repr raises: the core's `input_number`.
        Err(_) => {
            return Err(sparrow_core::contract::ArgumentError::Number {
                field: "input",
                max: sparrow_core::contract::MAX_NUMBER_CHARS,
            })
            .or_raise(py)
        }
    };
    budget.spend(text.len()).or_raise(py)?;
    sparrow_core::contract::json_number(&text, "input").or_raise(py)?;
    Ok(Leaf::Number(text))
}

/// The normalised profile as a dict (amounts as `Money`).
pub(crate) fn profile_dict<'py>(py: Python<'py>, p: &Profile) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "age"), p.age())?;
    d.set_item(intern!(py, "horizon_years"), p.horizon_years())?;
    d.set_item(
        intern!(py, "risk_tolerance"),
        static_str(py, p.risk_tolerance().as_str()),
    )?;
    d.set_item(
        intern!(py, "volatility"),
        static_str(py, p.volatility().as_str()),
    )?;
    d.set_item(
        intern!(py, "liquidity"),
        static_str(py, p.liquidity().as_str()),
    )?;
    d.set_item(
        intern!(py, "knowledge"),
        static_str(py, p.knowledge().as_str()),
    )?;
    if let Some(goal) = p.goal() {
        d.set_item(intern!(py, "goal"), goal)?;
    }
    for (key, amount) in [
        ("target_amount", p.target_amount()),
        ("monthly_sip", p.monthly_sip()),
        ("lump_sum", p.lump_sum()),
    ] {
        if let Some(m) = amount {
            d.set_item(static_str(py, key), money_out(py, m)?)?;
        }
    }
    if let Some(y) = p.target_year() {
        d.set_item(intern!(py, "target_year"), y)?;
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

/// `validate_profile_json(body)`: a request body as `bytes` (FastAPI's
/// `await request.body()`) or `str`, parsed and validated in one step.
#[pyfunction]
#[pyo3(signature = (body, mode = None))]
pub(crate) fn validate_profile_json<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyAny>,
    mode: Option<Text>,
) -> PyResult<Bound<'py, PyDict>> {
    let mode = mode_arg(py, mode.as_deref())?;
    let p = if let Ok(b) = body.cast::<pyo3::types::PyBytes>() {
        profile::validate_profile_json_bytes(b.as_bytes(), mode).or_raise(py)?
    } else if let Ok(s) = body.cast::<PyString>() {
        profile::validate_profile_json(text_of(s, "body")?, mode).or_raise(py)?
    } else {
        return Err(PyTypeError::new_err(
            "body: expected bytes or str (the JSON text of a profile)",
        ));
    };
    profile_dict(py, &p)
}

#[pyfunction]
pub(crate) fn migration_sql() -> String {
    sparrow_core::migration_sql()
}
