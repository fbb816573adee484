//! XIRR, XNPV and CAGR (`sparrow_core::returns`): conversion only.

use std::sync::OnceLock;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use sparrow_core::returns::{self, CashFlow, MAX_FLOWS};

use crate::convert::{decimal_out, exact_decimal, type_name};
use crate::errors::OrRaise;

/// `datetime.date` and `datetime.datetime`, imported once.
static DATE_TYPES: OnceLock<(Py<PyAny>, Py<PyAny>)> = OnceLock::new();

fn date_types(py: Python<'_>) -> PyResult<(Bound<'_, PyAny>, Bound<'_, PyAny>)> {
    if let Some((d, dt)) = DATE_TYPES.get() {
        return Ok((d.bind(py).clone(), dt.bind(py).clone()));
    }
    let module = py.import("datetime")?;
    let (d, dt) = (module.getattr("date")?, module.getattr("datetime")?);
    let _ = DATE_TYPES.set((d.clone().unbind(), dt.clone().unbind()));
    Ok((d, dt))
}

/// A `datetime.date` that is not a `datetime.datetime` (whose time of day would be
/// dropped) as a calendar date.
fn date_of(obj: &Bound<'_, PyAny>, index: usize) -> PyResult<time::Date> {
    let py = obj.py();
    let (date, datetime) = date_types(py)?;
    let refused = || {
        PyTypeError::new_err(format!(
            "flows[{index}].date: expected a datetime.date, not {} (a datetime is refused: \
             its time of day would be dropped)",
            type_name(obj)
        ))
    };
    if !obj.is_instance(&date)? || obj.is_instance(&datetime)? {
        return Err(refused());
    }
    let year: i32 = obj.getattr(intern!(py, "year"))?.extract()?;
    let month: u8 = obj.getattr(intern!(py, "month"))?.extract()?;
    let day: u8 = obj.getattr(intern!(py, "day"))?.extract()?;
    time::Month::try_from(month)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(year, m, day).ok())
        .ok_or_else(refused)
}

/// `flows`: an iterable of `(date, amount)` pairs. At most one flow past the core's cap
/// is read, so that the core refuses the count without the rest being read.
fn flows_arg(flows: &Bound<'_, PyAny>) -> PyResult<Vec<CashFlow>> {
    let mut out = Vec::new();
    for (index, item) in flows.try_iter()?.enumerate() {
        if index > MAX_FLOWS {
            break;
        }
        let item = item?;
        let pair = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == 2)
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "flows[{index}]: expected a (datetime.date, amount) tuple, not {}",
                    type_name(&item)
                ))
            })?;
        out.push(CashFlow {
            date: date_of(&pair.get_item(0)?, index)?,
            amount: exact_decimal(&pair.get_item(1)?, "amount")?,
        });
    }
    Ok(out)
}

/// `xirr(flows)`: the annual rate (a fraction, 9 decimals) at which the flows' present
/// value is zero — Excel's XIRR (Actual/365 from the first flow's date).
#[pyfunction]
pub(crate) fn xirr<'py>(py: Python<'py>, flows: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = flows_arg(flows)?;
    let r = py.detach(|| returns::xirr(&f)).or_raise(py)?;
    decimal_out(py, r)
}

/// `xnpv(rate, flows)`: the flows' present value at `rate` on the first flow's date,
/// to paise — Excel's XNPV.
#[pyfunction]
pub(crate) fn xnpv<'py>(
    py: Python<'py>,
    rate: &Bound<'py, PyAny>,
    flows: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let rate = exact_decimal(rate, "rate")?;
    let f = flows_arg(flows)?;
    let v = py.detach(|| returns::xnpv(rate, &f)).or_raise(py)?;
    decimal_out(py, v)
}

/// `cagr(start, end, years)`: (end / start)^(1 / years) − 1, a fraction to 9 decimals.
#[pyfunction]
pub(crate) fn cagr<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
    years: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (start, end, years) = (
        exact_decimal(start, "start")?,
        exact_decimal(end, "end")?,
        exact_decimal(years, "years")?,
    );
    let r = returns::cagr(start, end, years).or_raise(py)?;
    decimal_out(py, r)
}
